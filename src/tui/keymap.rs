//! Which key runs which command, layer by layer (DESIGN §7): the panes' commands, the
//! bookmarks pane's own, and the fixed keys of text being typed. The help overlay is
//! generated from this map, so it cannot drift from what the keys really do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::commands::{BookmarksCommand, Command};
use crate::config::{Config, KeyCodeName, KeyName};

/// A key as bound: a code and the modifiers that must be held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

impl From<KeyName> for Key {
    fn from(name: KeyName) -> Self {
        let code = match name.code {
            KeyCodeName::Char(c) => KeyCode::Char(c),
            KeyCodeName::Down => KeyCode::Down,
            KeyCodeName::Up => KeyCode::Up,
            KeyCodeName::Left => KeyCode::Left,
            KeyCodeName::Right => KeyCode::Right,
            KeyCodeName::Enter => KeyCode::Enter,
            KeyCodeName::Esc => KeyCode::Esc,
            KeyCodeName::Tab => KeyCode::Tab,
            KeyCodeName::Backspace => KeyCode::Backspace,
            KeyCodeName::PageDown => KeyCode::PageDown,
            KeyCodeName::PageUp => KeyCode::PageUp,
            KeyCodeName::Home => KeyCode::Home,
            KeyCodeName::End => KeyCode::End,
            KeyCodeName::F(n) => KeyCode::F(n),
        };
        let modifiers = if name.ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        Self { code, modifiers }
    }
}

impl Key {
    /// How the help overlay writes the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// The bindings, in the order they are shown.
#[derive(Clone, Debug)]
pub struct KeyMap {
    /// The list's and the reader's.
    bindings: Vec<(Key, Command)>,
    /// The bookmarks pane's.
    bookmarks: Vec<(Key, BookmarksCommand)>,
}

/// One row of the help: a layer's heading, or keys and what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpRow {
    /// The layer the rows below it belong to.
    Heading(&'static str),
    /// The keys' labels, and what they do.
    Keys(String, &'static str),
}

/// What the mouse does, and how to select text while qari has it.
pub const MOUSE: [(&str, &str); 3] = [
    ("wheel", "scroll the pane under the pointer"),
    ("click", "select an article / focus a pane"),
    ("Shift+drag", "select text (most terminals)"),
];

/// The keys of text being typed (the filter bar, a note, the bookmarks pane's filter):
/// fixed, since every one of them is also a character someone may want to type.
pub const TYPING_KEYS: [(&str, &str); 7] = [
    ("Enter", "keep the text"),
    ("↑ ↓", "filters kept before (the filter bar)"),
    ("Esc", "clear it / cancel"),
    ("← →", "move on screen (Arabic: ← goes on)"),
    ("Home End", "to the start / the end"),
    ("Backspace Del", "delete before / after"),
    ("Ctrl-u", "delete to the start"),
];

impl Default for KeyMap {
    /// The bindings of the documented default configuration (DESIGN §7).
    fn default() -> Self {
        Self::from_config(&Config::defaults())
    }
}

/// Each key with its command, in the order of the commands.
fn keys<C: Copy>(bindings: &[(C, Vec<KeyName>)]) -> Vec<(Key, C)> {
    bindings
        .iter()
        .flat_map(|(command, keys)| keys.iter().map(|key| (Key::from(*key), *command)))
        .collect()
}

impl KeyMap {
    /// The bindings a configuration asks for.
    pub fn from_config(config: &Config) -> Self {
        let mut bindings = keys(&config.keys.panes);
        let bookmarks = keys(&config.keys.bookmarks_pane);
        // Ctrl-C always leaves, unless the configuration gives it to another command: a
        // user who rebinds quit to one letter must still have a way out.
        let ctrl_c = Key {
            code: KeyCode::Char('c'),
            modifiers: KeyModifiers::CONTROL,
        };
        if !bindings.iter().any(|(key, _)| *key == ctrl_c) {
            bindings.push((ctrl_c, Command::Quit));
        }
        Self {
            bindings,
            bookmarks,
        }
    }

    /// The command bound to a key press, if any. Shift is implied by the character itself
    /// (`G`), so it is ignored when matching characters.
    pub fn command(&self, event: &KeyEvent) -> Option<Command> {
        find(&self.bindings, event)
    }

    /// The bookmarks pane's command bound to a key press, if any.
    pub fn bookmarks_command(&self, event: &KeyEvent) -> Option<BookmarksCommand> {
        find(&self.bookmarks, event)
    }

    /// Every layer's keys for the help overlay: the panes', the bookmarks pane's, and
    /// those of text being typed.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let mut rows = vec![HelpRow::Heading("list and reader")];
        rows.extend(
            self.help_entries()
                .into_iter()
                .map(|(keys, command)| HelpRow::Keys(keys, command.description())),
        );
        rows.push(HelpRow::Heading("bookmarks pane"));
        for &command in BookmarksCommand::ALL {
            let keys: Vec<String> = self
                .bookmarks
                .iter()
                .filter(|(_, c)| *c == command)
                .map(|(key, _)| key.label())
                .collect();
            if !keys.is_empty() {
                rows.push(HelpRow::Keys(keys.join(" "), command.description()));
            }
        }
        rows.push(HelpRow::Heading("typing (filter, note)"));
        rows.extend(
            TYPING_KEYS
                .iter()
                .map(|(keys, what)| HelpRow::Keys((*keys).to_owned(), what)),
        );
        rows.push(HelpRow::Heading("mouse (mouse = false: the terminal's)"));
        rows.extend(
            MOUSE
                .iter()
                .map(|(keys, what)| HelpRow::Keys((*keys).to_owned(), what)),
        );
        rows
    }

    /// The labels of the keys bound to `command`, in the order they were bound.
    pub fn keys_of(&self, command: Command) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(key, _)| key.label())
            .collect()
    }

    /// For each command, the labels of its keys, in [`Command::ALL`] order; commands
    /// without a key are left out.
    pub fn help_entries(&self) -> Vec<(String, Command)> {
        Command::ALL
            .iter()
            .filter_map(|&command| {
                let keys: Vec<String> = self
                    .bindings
                    .iter()
                    .filter(|(_, c)| *c == command)
                    .map(|(key, _)| key.label())
                    .collect();
                (!keys.is_empty()).then(|| (keys.join(" "), command))
            })
            .collect()
    }
}

/// The command bound to a key press among `bindings`. Shift is implied by the
/// character itself (`G`), so it is ignored when matching characters.
fn find<C: Copy>(bindings: &[(Key, C)], event: &KeyEvent) -> Option<C> {
    let modifiers = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    bindings
        .iter()
        .find(|(key, _)| key.code == event.code && key.modifiers == modifiers)
        .map(|(_, command)| *command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_commands_and_shift_is_part_of_the_character() {
        let map = KeyMap::default();
        let press = |code, modifiers| map.command(&KeyEvent::new(code, modifiers));
        assert_eq!(
            press(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Command::MoveDown)
        );
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Command::Bottom)
        );
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Command::Quit)
        );
        assert_eq!(press(KeyCode::Char('c'), KeyModifiers::NONE), None);
    }

    #[test]
    fn the_default_configuration_binds_every_command() {
        let defaults = Config::defaults();
        let commands: Vec<Command> = defaults.keys.panes.iter().map(|(c, _)| *c).collect();
        assert_eq!(commands, Command::ALL);
        let map = KeyMap::default();
        for &command in Command::ALL {
            assert!(!map.keys_of(command).is_empty(), "{command:?}");
        }
    }

    #[test]
    fn a_configuration_rebinds_keys() {
        let config = Config::parse(
            "[keys]\nmove_down = [\"Ctrl-n\", \"F2\"]\n",
            std::path::Path::new("c.toml"),
        )
        .unwrap();
        let map = KeyMap::from_config(&config);
        let press = |code, modifiers| map.command(&KeyEvent::new(code, modifiers));
        assert_eq!(
            press(KeyCode::Char('n'), KeyModifiers::CONTROL),
            Some(Command::MoveDown)
        );
        assert_eq!(
            press(KeyCode::F(2), KeyModifiers::NONE),
            Some(Command::MoveDown)
        );
        assert_eq!(press(KeyCode::Char('j'), KeyModifiers::NONE), None);
        assert_eq!(
            press(KeyCode::Char('k'), KeyModifiers::NONE),
            Some(Command::MoveUp)
        );
    }

    #[test]
    fn every_command_has_a_key_in_the_help() {
        let entries = KeyMap::default().help_entries();
        assert_eq!(entries.len(), Command::ALL.len());
        assert_eq!(entries[0].0, "j ↓");
    }

    #[test]
    fn the_bookmarks_pane_has_its_own_table_of_keys() {
        let map = KeyMap::default();
        let press = |code| map.bookmarks_command(&KeyEvent::new(code, KeyModifiers::NONE));
        assert_eq!(press(KeyCode::Char('d')), Some(BookmarksCommand::Delete));
        assert_eq!(press(KeyCode::Char('e')), Some(BookmarksCommand::EditNote));
        // e is the load errors in the panes: one key, two tables.
        assert_eq!(
            map.command(&KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE)),
            Some(Command::LoadErrors)
        );
        let config = Config::parse(
            "[keys.bookmarks_pane]\ndelete = [\"x\"]\n",
            std::path::Path::new("c.toml"),
        )
        .unwrap();
        let map = KeyMap::from_config(&config);
        let press = |code| map.bookmarks_command(&KeyEvent::new(code, KeyModifiers::NONE));
        assert_eq!(press(KeyCode::Char('x')), Some(BookmarksCommand::Delete));
        assert_eq!(press(KeyCode::Char('d')), None);
    }

    #[test]
    fn mistakes_in_a_pane_table_are_reported_where_they_are() {
        let path = std::path::Path::new("c.toml");
        let unknown =
            Config::parse("[keys.bookmarks_pane]\nexplode = [\"x\"]\n", path).unwrap_err();
        assert_eq!((unknown.line, unknown.column), (2, 1));
        assert!(
            unknown
                .message
                .contains("unknown command `explode` in [keys.bookmarks_pane]")
        );
        let table = Config::parse("[keys.lists]\nopen = [\"x\"]\n", path).unwrap_err();
        assert!(
            table.message.contains("unknown table `[keys.lists]`"),
            "{table:?}"
        );
        let both = Config::parse("[keys.bookmarks_pane]\nundo = [\"d\"]\n", path).unwrap_err();
        assert!(both.message.contains("bound to both"), "{both:?}");
    }

    #[test]
    fn the_help_lists_every_layer() {
        let rows = KeyMap::default().help_rows();
        let headings: Vec<&str> = rows
            .iter()
            .filter_map(|r| match r {
                HelpRow::Heading(h) => Some(*h),
                HelpRow::Keys(..) => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                "list and reader",
                "bookmarks pane",
                "typing (filter, note)",
                "mouse (mouse = false: the terminal's)"
            ]
        );
        assert!(rows.contains(&HelpRow::Keys("d".to_owned(), "delete the bookmark")));
    }
}
