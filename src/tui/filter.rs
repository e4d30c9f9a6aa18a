//! The filter bar's text being edited: the line, where the next character goes, and
//! whether the last text parsed. Editing is logical (the cursor is a byte offset in the
//! text as typed); the view shows it shaped and ordered like any other text.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key did to the filter being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// The text changed: search again.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Enter: keep the filter and go to the list.
    Keep,
    /// Esc: drop the filter.
    Clear,
    /// A key the bar does not use.
    Ignored,
}

/// The filter bar's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The text as typed.
    pub text: String,
    /// Byte offset in `text` where the next character goes.
    pub cursor: usize,
    /// Whether keys go to the bar.
    pub editing: bool,
    /// Why the text does not parse, if it does not (the list keeps the last good result).
    pub error: Option<String>,
}

impl Filter {
    /// Whether a filter applies to the list.
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// Applies one key while editing.
    pub fn edit(&mut self, key: &KeyEvent) -> Edit {
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return match key.code {
                KeyCode::Char('u') => {
                    self.text.replace_range(..self.cursor, "");
                    self.cursor = 0;
                    Edit::Changed
                }
                _ => Edit::Ignored,
            };
        }
        match key.code {
            KeyCode::Enter => Edit::Keep,
            KeyCode::Esc => Edit::Clear,
            KeyCode::Char(c) => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                Edit::Changed
            }
            KeyCode::Backspace => match self.text[..self.cursor].chars().next_back() {
                Some(c) => {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                    Edit::Changed
                }
                None => Edit::Ignored,
            },
            KeyCode::Delete if self.cursor < self.text.len() => {
                self.text.remove(self.cursor);
                Edit::Changed
            }
            KeyCode::Left => self.step(false),
            KeyCode::Right => self.step(true),
            KeyCode::Home => {
                self.cursor = 0;
                Edit::Moved
            }
            KeyCode::End => {
                self.cursor = self.text.len();
                Edit::Moved
            }
            _ => Edit::Ignored,
        }
    }

    /// One character towards the end (`forward`) or the start of the text, in logical
    /// order: in Arabic text "forward" is towards the left of the screen.
    fn step(&mut self, forward: bool) -> Edit {
        let moved = if forward {
            self.text[self.cursor..]
                .chars()
                .next()
                .map(|c| self.cursor + c.len_utf8())
        } else {
            self.text[..self.cursor]
                .chars()
                .next_back()
                .map(|c| self.cursor - c.len_utf8())
        };
        match moved {
            Some(cursor) => {
                self.cursor = cursor;
                Edit::Moved
            }
            None => Edit::Ignored,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_editing_and_moving_in_arabic() {
        let mut filter = Filter::default();
        for c in "سوريا".chars() {
            assert_eq!(filter.edit(&key(KeyCode::Char(c))), Edit::Changed);
        }
        assert_eq!(
            (filter.text.as_str(), filter.cursor),
            ("سوريا", "سوريا".len())
        );
        filter.edit(&key(KeyCode::Backspace));
        assert_eq!(filter.text, "سوري");
        filter.edit(&key(KeyCode::Home));
        filter.edit(&key(KeyCode::Right));
        filter.edit(&key(KeyCode::Char('ـ')));
        assert_eq!(filter.text, "سـوري");
        filter.edit(&key(KeyCode::Delete));
        assert_eq!(filter.text, "سـري");
        assert_eq!(filter.edit(&key(KeyCode::Enter)), Edit::Keep);
        assert_eq!(filter.edit(&key(KeyCode::Esc)), Edit::Clear);
        filter.edit(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!((filter.text.as_str(), filter.cursor), ("ري", 0));
        assert_eq!(filter.edit(&key(KeyCode::Backspace)), Edit::Ignored);
        assert!(filter.is_active());
    }
}
