//! Which key runs which command (DESIGN §7). The help overlay is generated from this map,
//! so it cannot drift from what the keys really do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::command::Command;

/// A key as bound: a code and the modifiers that must be held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

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
    bindings: Vec<(Key, Command)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        use Command::*;
        let bindings = vec![
            (Key::char('j'), MoveDown),
            (Key::plain(KeyCode::Down), MoveDown),
            (Key::char('k'), MoveUp),
            (Key::plain(KeyCode::Up), MoveUp),
            (Key::plain(KeyCode::Enter), Open),
            (Key::char('l'), Open),
            (Key::char('h'), Back),
            (Key::plain(KeyCode::Esc), Back),
            (Key::plain(KeyCode::Tab), SwitchPane),
            (Key::char(' '), PageDown),
            (Key::plain(KeyCode::PageDown), PageDown),
            (Key::plain(KeyCode::PageUp), PageUp),
            (Key::char('g'), Top),
            (Key::plain(KeyCode::Home), Top),
            (Key::char('G'), Bottom),
            (Key::plain(KeyCode::End), Bottom),
            (Key::char('t'), ToggleTashkeel),
            (Key::char('r'), ToggleRaw),
            (Key::char('e'), LoadErrors),
            (Key::char('/'), Filter),
            (Key::char('s'), Sort),
            (Key::char('n'), NextMatch),
            (Key::char('N'), PreviousMatch),
            (Key::char('v'), SelectSentences),
            (Key::char('V'), SelectParagraphs),
            (Key::char('y'), Copy),
            (Key::char('b'), Bookmark),
            (Key::char('B'), BookmarkWithNote),
            (Key::char('\''), Bookmarks),
            (Key::char('m'), ToggleRead),
            (Key::char(']'), NextUnread),
            (Key::char('['), PreviousUnread),
            (Key::char('?'), Help),
            (Key::char('q'), Quit),
            (
                Key {
                    code: KeyCode::Char('c'),
                    modifiers: KeyModifiers::CONTROL,
                },
                Quit,
            ),
        ];
        Self { bindings }
    }
}

impl KeyMap {
    /// The command bound to a key press, if any. Shift is implied by the character itself
    /// (`G`), so it is ignored when matching characters.
    pub fn command(&self, event: &KeyEvent) -> Option<Command> {
        let modifiers = match event.code {
            KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
            _ => event.modifiers,
        };
        self.bindings
            .iter()
            .find(|(key, _)| key.code == event.code && key.modifiers == modifiers)
            .map(|(_, command)| *command)
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
    fn every_command_has_a_key_in_the_help() {
        let entries = KeyMap::default().help_entries();
        assert_eq!(entries.len(), Command::ALL.len());
        assert_eq!(entries[0].0, "j ↓");
    }
}
