//! qari's configuration file (`config.toml`): the settings it may hold, read over the
//! documented defaults of `assets/config.toml`, and checked. A file with a mistake is
//! reported with its line and column, and the defaults are used instead: a typo never
//! keeps the reader from starting. Keys are checked here as names ([`KeyName`]); the
//! front end turns them into key events and commands.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::corpus::dates::{DateLocale, write_day};
use serde::Deserialize;
use toml::Spanned;

mod keys;

pub use keys::KeyTable;
use keys::KeysEntry;

/// The documented defaults, as `qari --print-default-config` prints them.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// Whether qari takes the mouse (`mouse = true`, the default) or leaves it to the
/// terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MouseSetting {
    /// Wheel and clicks go to qari.
    #[default]
    Taken,
    /// The terminal keeps them (its own selection and scrollback).
    LeftToTheTerminal,
}

/// Who reorders right-to-left text, as the file or `--bidi` asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BidiSetting {
    /// qari shapes and orders.
    #[default]
    App,
    /// The terminal does.
    Terminal,
    /// The terminal when it says it can (see [`BidiSetting::resolve`]), else qari.
    Auto,
}

impl BidiSetting {
    /// `Auto` decided from the environment: mlterm (`MLTERM`) and Konsole
    /// (`KONSOLE_VERSION`) reorder text themselves and ignore the request not to
    /// (BDSM), so they get logical text; every other terminal gets qari's order. Over
    /// SSH or inside tmux those variables are usually not seen, and qari orders.
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> BidiSetting {
        match self {
            BidiSetting::Auto if env("MLTERM").is_some() || env("KONSOLE_VERSION").is_some() => {
                BidiSetting::Terminal
            }
            BidiSetting::Auto => BidiSetting::App,
            chosen => chosen,
        }
    }
}

/// The colour theme asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Colours for a dark background.
    #[default]
    Dark,
    /// Colours for a light background.
    Light,
    /// No colour: attributes and glyphs only.
    Mono,
}

/// Whether harakat are drawn when qari starts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TashkeelSetting {
    /// Drawn.
    #[default]
    Shown,
    /// Left out.
    Hidden,
}

/// A key as the file writes it: a character or a named key, maybe with Ctrl.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KeyName {
    /// Which key.
    pub code: KeyCodeName,
    /// Whether Ctrl is held.
    pub ctrl: bool,
}

/// The keys a binding can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum KeyCodeName {
    Char(char),
    Down,
    Up,
    Left,
    Right,
    Enter,
    Esc,
    Tab,
    Backspace,
    PageDown,
    PageUp,
    Home,
    End,
    /// F1 to F12.
    F(u8),
}

impl FromStr for KeyName {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (ctrl, rest) = match text.strip_prefix("Ctrl-") {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, text),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && !c.is_whitespace() => KeyCodeName::Char(c),
            _ => match rest {
                "Down" => KeyCodeName::Down,
                "Up" => KeyCodeName::Up,
                "Left" => KeyCodeName::Left,
                "Right" => KeyCodeName::Right,
                "Enter" => KeyCodeName::Enter,
                "Esc" => KeyCodeName::Esc,
                "Tab" => KeyCodeName::Tab,
                "Backspace" => KeyCodeName::Backspace,
                "Space" => KeyCodeName::Char(' '),
                "PgDn" => KeyCodeName::PageDown,
                "PgUp" => KeyCodeName::PageUp,
                "Home" => KeyCodeName::Home,
                "End" => KeyCodeName::End,
                function => match function
                    .strip_prefix('F')
                    .and_then(|n| n.parse::<u8>().ok())
                {
                    Some(n) if (1..=12).contains(&n) => KeyCodeName::F(n),
                    _ => {
                        return Err(format!(
                            "unknown key `{text}` (a character, or Down, Up, Left, Right, \
                             Enter, Esc, Tab, Backspace, Space, PgDn, PgUp, Home, End, \
                             F1…F12, with Ctrl- in front for the control key)"
                        ));
                    }
                },
            },
        };
        Ok(Self { code, ctrl })
    }
}

/// The settings, defaults filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// What the reader opens without paths; empty: the embedded sample.
    pub corpus: Vec<PathBuf>,
    /// Who reorders.
    pub bidi: BidiSetting,
    /// Colours.
    pub theme: ThemeName,
    /// Harakat at start.
    pub tashkeel: TashkeelSetting,
    /// Whether qari takes the mouse.
    pub mouse: MouseSetting,
    /// strftime format of days in the list and the reader.
    pub date_format: String,
    /// Whose month and weekday names the format writes.
    pub date_locale: DateLocale,
    /// Each command's keys, by its table and name, in the order the defaults list them.
    pub keys: Vec<(KeyTable, String, Vec<KeyName>)>,
}

/// A mistake in a configuration file, where it is and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub file: PathBuf,
    /// 1-based line and column (in characters); 0 when the file could not be read.
    pub line: usize,
    /// See `line`.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file.display(),
                self.line,
                self.column,
                self.message
            )
        }
    }
}

/// The file as serde reads it: everything optional, nothing unknown.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    corpus: Option<Vec<String>>,
    bidi: Option<BidiSetting>,
    theme: Option<ThemeName>,
    tashkeel: Option<TashkeelSetting>,
    mouse: Option<bool>,
    date_format: Option<Spanned<String>>,
    date_locale: Option<DateLocale>,
    keys: Option<BTreeMap<Spanned<String>, KeysEntry>>,
}

impl Config {
    /// The documented defaults.
    pub fn defaults() -> Self {
        // The defaults file is part of qari and tested to parse.
        Self::parse_over(None, DEFAULT_CONFIG, Path::new("assets/config.toml"))
            .unwrap_or_else(|err| panic!("the default configuration: {err}"))
    }

    /// The settings of `text` (the file `file`) over the defaults.
    pub fn parse(text: &str, file: &Path) -> Result<Self, ConfigError> {
        Self::parse_over(Some(Self::defaults()), text, file)
    }

    /// The configuration in effect and what was wrong with the file, if anything: the
    /// file named (by `--config` or `QARI_CONFIG`), else the user's, if it exists.
    pub fn load(named: Option<&Path>) -> (Self, Option<ConfigError>) {
        let (file, must_exist) = match named {
            Some(file) => (Some(file.to_path_buf()), true),
            None => (crate::paths::config_file(), false),
        };
        let Some(file) = file else {
            return (Self::defaults(), None);
        };
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(err) if !must_exist && err.kind() == std::io::ErrorKind::NotFound => {
                return (Self::defaults(), None);
            }
            Err(err) => {
                let message = format!("cannot read: {err}; using the defaults");
                let error = ConfigError {
                    file,
                    line: 0,
                    column: 0,
                    message,
                };
                return (Self::defaults(), Some(error));
            }
        };
        match Self::parse(&text, &file) {
            Ok(config) => (config, None),
            Err(mut err) => {
                err.message.push_str("; using the defaults");
                (Self::defaults(), Some(err))
            }
        }
    }

    fn parse_over(base: Option<Self>, text: &str, file: &Path) -> Result<Self, ConfigError> {
        let at = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = span.map_or((1, 1), |s| line_column(text, s.start));
            ConfigError {
                file: file.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let parsed: ConfigFile =
            toml::from_str(text).map_err(|err| at(err.span(), err.message().to_owned()))?;
        let mut config = base.unwrap_or(Self {
            corpus: Vec::new(),
            bidi: BidiSetting::default(),
            theme: ThemeName::default(),
            tashkeel: TashkeelSetting::default(),
            mouse: MouseSetting::default(),
            date_format: DateLocale::default().default_format().to_owned(),
            date_locale: DateLocale::default(),
            keys: Vec::new(),
        });
        if let Some(corpus) = parsed.corpus {
            config.corpus = corpus.iter().map(|p| expand_home(p)).collect();
        }
        config.bidi = parsed.bidi.unwrap_or(config.bidi);
        config.theme = parsed.theme.unwrap_or(config.theme);
        config.tashkeel = parsed.tashkeel.unwrap_or(config.tashkeel);
        if let Some(mouse) = parsed.mouse {
            config.mouse = if mouse {
                MouseSetting::Taken
            } else {
                MouseSetting::LeftToTheTerminal
            };
        }
        if let Some(locale) = parsed.date_locale {
            // Arabic names come with the Arabic order of a date, unless a format is given.
            if config.date_format == config.date_locale.default_format() {
                config.date_format = locale.default_format().to_owned();
            }
            config.date_locale = locale;
        }
        if let Some(format) = parsed.date_format {
            let sample = jiff::civil::date(2024, 11, 13);
            match write_day(format.get_ref(), sample, config.date_locale) {
                Ok(written) if !written.trim().is_empty() && !written.contains('\n') => {}
                Ok(_) => {
                    return Err(at(
                        Some(format.span()),
                        "date_format writes nothing on one line".to_owned(),
                    ));
                }
                Err(err) => {
                    return Err(at(Some(format.span()), format!("bad date_format: {err}")));
                }
            }
            config.date_format = format.into_inner();
        }
        // The defaults file names every command; a user's file may only rebind them.
        let defining = config.keys.is_empty();
        let mut spans: BTreeMap<(KeyTable, String, KeyName), std::ops::Range<usize>> =
            BTreeMap::new();
        let mut entries: Vec<(KeyTable, Spanned<String>, Vec<Spanned<String>>)> = Vec::new();
        for (name, entry) in parsed.keys.unwrap_or_default() {
            match entry {
                KeysEntry::Keys(keys) => entries.push((KeyTable::Panes, name, keys)),
                KeysEntry::Table(table) => {
                    let Some(pane) = KeyTable::named(name.get_ref()) else {
                        return Err(at(
                            Some(name.span()),
                            format!("unknown table `[keys.{}]`", name.get_ref()),
                        ));
                    };
                    entries.extend(table.into_iter().map(|(c, k)| (pane, c, k)));
                }
            }
        }
        for (table, command, keys) in entries {
            let name = command.get_ref().clone();
            let mut parsed_keys = Vec::with_capacity(keys.len());
            for key in &keys {
                let parsed_key = key
                    .get_ref()
                    .parse::<KeyName>()
                    .map_err(|message| at(Some(key.span()), message))?;
                spans.insert((table, name.clone(), parsed_key), key.span());
                parsed_keys.push(parsed_key);
            }
            match config
                .keys
                .iter_mut()
                .find(|(t, c, _)| *t == table && *c == name)
            {
                Some((_, _, existing)) => *existing = parsed_keys,
                None if defining => config.keys.push((table, name, parsed_keys)),
                None => {
                    return Err(at(
                        Some(command.span()),
                        format!("unknown command `{name}` in {}", table.heading()),
                    ));
                }
            }
        }
        // A key does one thing in each table; the same key may mean different things in
        // different panes (e in the list, e in the bookmarks pane).
        let mut bound: BTreeMap<(KeyTable, KeyName), &str> = BTreeMap::new();
        for (table, command, keys) in &config.keys {
            for key in keys {
                match bound.insert((*table, *key), command) {
                    Some(other) if other != command => {
                        let span = spans
                            .get(&(*table, command.clone(), *key))
                            .or_else(|| spans.get(&(*table, other.to_owned(), *key)))
                            .cloned();
                        return Err(at(
                            span,
                            format!("this key is bound to both `{other}` and `{command}`"),
                        ));
                    }
                    _ => {}
                }
            }
        }
        Ok(config)
    }
}

/// 1-based line and column (in characters) of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// `~/x` as the home folder's `x`; other paths as written.
fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => Path::new(&home).join(rest),
        _ => PathBuf::from(path),
    }
}
