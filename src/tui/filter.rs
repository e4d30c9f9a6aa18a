//! The filter bar's text being edited: the line, where the next character goes, and
//! whether the last text parsed. The cursor is a byte offset in the text as typed, and
//! the view shows the text shaped and ordered like any other; Left and Right move the
//! cursor on screen, so that in Arabic Left goes towards the end of the text.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::text::{Alignment, LayoutOptions, Side, layout_paragraph, step};

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
            KeyCode::Left => self.step(Side::Left),
            KeyCode::Right => self.step(Side::Right),
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

    /// Pasted text goes in as typed text, on one line: a line break or a tab becomes a
    /// space, so that a pasted second line is never read as commands.
    pub fn paste(&mut self, pasted: &str) -> Edit {
        // A line ends in \n, \r\n or (as tmux and some terminals paste it) \r.
        let clean: String = pasted
            .replace("\r\n", "\n")
            .chars()
            .map(|c| match c {
                '\r' | '\n' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                    ' '
                }
                c => c,
            })
            .collect();
        let clean = crate::text::sanitize(&clean);
        if clean.is_empty() {
            return Edit::Ignored;
        }
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
        Edit::Changed
    }

    /// One step towards a side of the screen, as the text is drawn (see
    /// [`crate::text::step`]). The layout is qari's own whoever reorders on screen: a
    /// terminal that reorders follows the same algorithm.
    fn step(&mut self, side: Side) -> Edit {
        let options = LayoutOptions {
            alignment: Alignment::Left,
            ..LayoutOptions::default()
        };
        let line = layout_paragraph(&self.text, &options).swap_remove(0);
        match step(&line, &self.text, self.cursor, side) {
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
        // The start of Arabic text is its right end: Right goes nowhere, Left goes on.
        assert_eq!(filter.edit(&key(KeyCode::Right)), Edit::Ignored);
        assert_eq!(filter.edit(&key(KeyCode::Left)), Edit::Moved);
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

    #[test]
    fn left_and_right_move_on_screen_in_latin_text_too() {
        let mut filter = Filter::default();
        for c in "src:".chars() {
            filter.edit(&key(KeyCode::Char(c)));
        }
        assert_eq!(filter.edit(&key(KeyCode::Left)), Edit::Moved);
        assert_eq!(filter.cursor, 3);
        assert_eq!(filter.edit(&key(KeyCode::Right)), Edit::Moved);
        assert_eq!(filter.cursor, 4);
    }

    #[test]
    fn pasted_lines_become_one_line_of_text() {
        let mut filter = Filter::default();
        filter.edit(&key(KeyCode::Char('x')));
        filter.cursor = 0;
        assert_eq!(filter.paste("سوريا\nq\r\n\tلبنان\rمصر"), Edit::Changed);
        assert_eq!(filter.text, "سوريا q  لبنان مصرx");
        assert_eq!(filter.cursor, filter.text.len() - 1);
        assert_eq!(
            filter.paste("\u{1b}[31m"),
            Edit::Ignored,
            "an escape is no text"
        );
        filter.paste("a\u{1b}[31mb");
        assert!(filter.text.contains("ab"), "{}", filter.text);
        assert_eq!(filter.paste(""), Edit::Ignored);
    }
}
