//! The `[keys]` table: a list of keys per command of the panes, and a table per pane
//! of its own (`[keys.bookmarks_pane]`). Read by hand rather than by an untagged enum so that
//! every key keeps its place in the file for error messages.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

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
