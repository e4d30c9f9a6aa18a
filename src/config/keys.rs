//! The `[keys]` table: a list of keys per command of the panes, and a table per pane
//! of its own (`[keys.bookmarks_pane]`), read into typed commands over their defaults.
//! Read by hand rather than by an untagged enum so that every key keeps its place in the
//! file for error messages.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::ConfigError;
use super::commands::{Bindable, BookmarksCommand, Command};

/// One entry of `[keys]`: a command's keys, or a pane's own table of them.
pub(super) enum KeysEntry {
    /// `move_down = ["j", "Down"]`.
    Keys(Vec<Spanned<String>>),
    /// `[keys.bookmarks_pane]`.
    Table(BTreeMap<Spanned<String>, Vec<Spanned<String>>>),
}

impl<'de> Deserialize<'de> for KeysEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = KeysEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of keys, or a table of a pane's commands")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<KeysEntry, A::Error> {
                let keys = Deserialize::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                Ok(KeysEntry::Keys(keys))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<KeysEntry, A::Error> {
                let table = Deserialize::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(KeysEntry::Table(table))
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

/// Which table of keys: the panes', or a pane's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum KeyTable {
    /// `[keys]`: the list and the reader.
    Panes,
    /// `[keys.bookmarks_pane]`: the bookmarks pane.
    Bookmarks,
}

impl KeyTable {
    /// The table a sub-table of `[keys]` names.
    pub(super) fn named(name: &str) -> Option<Self> {
        match name {
            "bookmarks_pane" => Some(KeyTable::Bookmarks),
            _ => None,
        }
    }

    /// How the file writes it.
    pub fn heading(self) -> &'static str {
        match self {
            KeyTable::Panes => "[keys]",
            KeyTable::Bookmarks => "[keys.bookmarks_pane]",
        }
    }
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

impl fmt::Display for KeyName {
    /// As the file writes it, so that it reads back as itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCodeName::Char(' ') => f.write_str("Space"),
            KeyCodeName::Char(c) => write!(f, "{c}"),
            KeyCodeName::F(n) => write!(f, "F{n}"),
            KeyCodeName::PageDown => f.write_str("PgDn"),
            KeyCodeName::PageUp => f.write_str("PgUp"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Each command's keys: the defaults, with what the file rebound.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bindings {
    /// The list's and the reader's (`[keys]`), in the help's order.
    pub panes: Vec<(Command, Vec<KeyName>)>,
    /// The bookmarks pane's (`[keys.bookmarks_pane]`).
    pub bookmarks_pane: Vec<(BookmarksCommand, Vec<KeyName>)>,
}

impl Default for Bindings {
    fn default() -> Self {
        Self {
            panes: defaults(),
            bookmarks_pane: defaults(),
        }
    }
}

fn defaults<C: Bindable>() -> Vec<(C, Vec<KeyName>)> {
    let parse = |key: &&str| {
        key.parse()
            .unwrap_or_else(|err| panic!("a default key: {err} (a unit test checks them)"))
    };
    C::all()
        .iter()
        .map(|&command| (command, command.default_keys().iter().map(parse).collect()))
        .collect()
}

/// Where a file's mistake is: the span of the text, and what is wrong.
type At<'a> = &'a dyn Fn(Option<Range<usize>>, String) -> ConfigError;

impl Bindings {
    /// The commands the file's `[keys]` names get exactly the keys it gives; a name that
    /// is no command, a key that is no key, or a key given to two commands of one table
    /// is a mistake, reported where it is written.
    pub(super) fn rebind(
        &mut self,
        entries: BTreeMap<Spanned<String>, KeysEntry>,
        at: At,
    ) -> Result<(), ConfigError> {
        let mut spans = BTreeMap::new();
        for (name, entry) in entries {
            match entry {
                KeysEntry::Keys(keys) => rebind_in(
                    &mut self.panes,
                    KeyTable::Panes,
                    &name,
                    &keys,
                    &mut spans,
                    at,
                )?,
                KeysEntry::Table(table) => {
                    if KeyTable::named(name.get_ref()) != Some(KeyTable::Bookmarks) {
                        return Err(at(
                            Some(name.span()),
                            format!("unknown table `[keys.{}]`", name.get_ref()),
                        ));
                    }
                    for (command, keys) in &table {
                        let (bindings, table) = (&mut self.bookmarks_pane, KeyTable::Bookmarks);
                        rebind_in(bindings, table, command, keys, &mut spans, at)?;
                    }
                }
            }
        }
        // A key does one thing in each table; the same key may mean different things in
        // different panes (e in the list, e in the bookmarks pane).
        bound_once(&self.panes, KeyTable::Panes, &spans, at)?;
        bound_once(&self.bookmarks_pane, KeyTable::Bookmarks, &spans, at)
    }

    /// The `[keys]` tables as the documented defaults write them, each command with what
    /// it does.
    pub fn to_toml(&self) -> String {
        let mut out = String::from("[keys]\n");
        write_table(&mut out, &self.panes);
        out.push_str("\n# The bookmarks pane's own keys.\n[keys.bookmarks_pane]\n");
        write_table(&mut out, &self.bookmarks_pane);
        out
    }
}

/// The span of each key the file wrote, by table, command name and key.
type KeySpans = BTreeMap<(KeyTable, &'static str, KeyName), Range<usize>>;

fn rebind_in<C: Bindable>(
    bindings: &mut [(C, Vec<KeyName>)],
    table: KeyTable,
    name: &Spanned<String>,
    keys: &[Spanned<String>],
    spans: &mut KeySpans,
    at: At,
) -> Result<(), ConfigError> {
    let Some((command, bound)) = bindings
        .iter_mut()
        .find(|(command, _)| command.name() == name.get_ref())
    else {
        return Err(at(
            Some(name.span()),
            format!(
                "unknown command `{}` in {}",
                name.get_ref(),
                table.heading()
            ),
        ));
    };
    bound.clear();
    for key in keys {
        let parsed = key
            .get_ref()
            .parse::<KeyName>()
            .map_err(|message| at(Some(key.span()), message))?;
        spans.insert((table, command.name(), parsed), key.span());
        bound.push(parsed);
    }
    Ok(())
}

fn bound_once<C: Bindable>(
    bindings: &[(C, Vec<KeyName>)],
    table: KeyTable,
    spans: &KeySpans,
    at: At,
) -> Result<(), ConfigError> {
    let mut bound: BTreeMap<KeyName, &str> = BTreeMap::new();
    for (command, keys) in bindings {
        let name = command.name();
        for key in keys {
            match bound.insert(*key, name) {
                Some(other) if other != name => {
                    let span = spans
                        .get(&(table, name, *key))
                        .or_else(|| spans.get(&(table, other, *key)))
                        .cloned();
                    return Err(at(
                        span,
                        format!("this key is bound to both `{other}` and `{name}`"),
                    ));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// `name = ["keys"]  # what it does`, one command a line, the comments aligned.
fn write_table<C: Bindable>(out: &mut String, bindings: &[(C, Vec<KeyName>)]) {
    let lines: Vec<String> = bindings
        .iter()
        .map(|(command, keys)| {
            let keys: Vec<String> = keys
                .iter()
                .map(|k| toml::Value::String(k.to_string()).to_string())
                .collect();
            format!("{} = [{}]", command.name(), keys.join(", "))
        })
        .collect();
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (line, (command, _)) in lines.iter().zip(bindings) {
        let pad = width - line.chars().count();
        out.push_str(&format!("{line}{:pad$}  # {}\n", "", command.description()));
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, MouseSetting};

    #[test]
    fn the_mouse_is_taken_unless_the_file_says_false() {
        let path = std::path::Path::new("c.toml");
        assert_eq!(Config::defaults().mouse, MouseSetting::Taken);
        let off = Config::parse("mouse = false\n", path).unwrap();
        assert_eq!(off.mouse, MouseSetting::LeftToTheTerminal);
        let wrong = Config::parse("mouse = \"no\"\n", path).unwrap_err();
        assert_eq!(wrong.line, 1);
    }
}
