//! qari's configuration file (`config.toml`): the settings it may hold, read over the
//! documented defaults of `assets/config.toml`, and checked. A file with a mistake is
//! reported with its line and column, and the defaults are used instead: a typo never
//! keeps the reader from starting. `[keys]` is read here into typed commands
//! ([`commands`]) and key names ([`KeyName`]); the front end turns names into key events.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::corpus::dates::{DateLocale, write_day};
use serde::Deserialize;
use toml::Spanned;

pub mod commands;
mod keys;

use keys::KeysEntry;
pub use keys::{Bindings, KeyCodeName, KeyName, KeyTable};

/// The documented settings; the default keys come from [`commands`].
const DEFAULT_SETTINGS: &str = include_str!("../assets/config.toml");

/// The documented defaults, as `qari --print-default-config` prints them: the settings,
/// then every command with its default keys and what it does.
pub fn default_file() -> String {
    format!("{DEFAULT_SETTINGS}{}", Bindings::default().to_toml())
}

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
    /// Each command's keys.
    pub keys: Bindings,
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
        Self::parse_over(None, &default_file(), Path::new("assets/config.toml"))
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
            keys: Bindings::default(),
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
        if let Some(keys) = parsed.keys {
            config.keys.rebind(keys, &at)?;
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
