//! Moving about: the highlight in the list, the reader's scroll and its jumps between
//! matches, and the page sizes they move by.

use super::{App, Direction, Jump};
use crate::config::commands::Command;

impl App {
    /// A movement key while the list has the keyboard: the highlight moves, and in the
    /// split layout the reader follows it.
    pub(super) fn move_in_list(&mut self, command: Command) {
        let Some(last) = self.list.shown.len().checked_sub(1) else {
            return;
        };
        let page = self
            .areas()
            .list_rows()
            .map_or(1, |a| usize::from(a.height).max(1));
        self.list.selected = match command {
            Command::MoveDown => (self.list.selected + 1).min(last),
            Command::MoveUp => self.list.selected.saturating_sub(1),
            Command::PageDown => (self.list.selected + page).min(last),
            Command::PageUp => self.list.selected.saturating_sub(page),
            Command::Top => 0,
            Command::Bottom => last,
            _ => self.list.selected,
        };
        self.follow_selection();
    }

    /// A movement key while the reader has the keyboard: its text scrolls, never past
    /// the last page.
    pub(super) fn scroll_reader(&mut self, command: Command) {
        let page = self.reader_page();
        let max = self.max_scroll();
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        reader.scroll = match command {
            Command::MoveDown => reader.scroll + 1,
            Command::MoveUp => reader.scroll.saturating_sub(1),
            Command::PageDown => reader.scroll + page.saturating_sub(1).max(1),
            Command::PageUp => reader.scroll.saturating_sub(page.saturating_sub(1).max(1)),
            Command::Top => 0,
            Command::Bottom => max,
            _ => reader.scroll,
        }
        .min(max);
    }

    /// `n` or `N`: the reader scrolls to the next or previous match of the filter, round
    /// from the other end past the last or first, and the status line says which it is.
    pub(super) fn jump_to_match(&mut self, direction: Direction) {
        let max = self.max_scroll();
        let has_query = self.list.query.is_some();
        let Some(reader) = self.reader.as_mut() else {
            self.status.message = Some("no article open".to_owned());
            return;
        };
        self.status.message = Some(match reader.jump(direction, max) {
            Some(jump) => match_message(jump, direction),
            None if has_query => "no matches in this article".to_owned(),
            None => "no filter to match: / sets one".to_owned(),
        });
    }

    /// Rows of text the reader shows at once.
    pub fn reader_page(&self) -> usize {
        self.areas()
            .reader_text()
            .map_or(0, |a| usize::from(a.height))
    }

    /// The furthest the reader scrolls: its last line at the bottom of the pane.
    pub(super) fn max_scroll(&self) -> usize {
        self.reader
            .as_ref()
            .map_or(0, |r| r.lines.len().saturating_sub(self.reader_page()))
    }
}

/// "match 3 of 7", and where it came round from when it went past an end.
fn match_message(jump: Jump, direction: Direction) -> String {
    let Jump {
        number,
        total,
        wrapped,
    } = jump;
    let from = match (wrapped, direction) {
        (false, _) => "",
        (true, Direction::Forward) => " (from the top)",
        (true, Direction::Backward) => " (from the bottom)",
    };
    format!("match {number} of {total}{from}")
}
