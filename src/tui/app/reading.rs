//! Reading state in the reader: an article opened is read, `m` toggles it, `]` and `[`
//! go to the next and previous unread one, and an article reopens where it was left.

use super::App;
use super::Effect;
use crate::bookmarks::{LogicalBody, ParaOffset, ReadingPosition, ReadingState};

impl App {
    /// The reading state, as loaded or changed.
    pub fn set_reading(&mut self, reading: ReadingState) {
        self.library.reading = reading;
        self.refresh_read();
    }

    /// Takes the read marks of the articles from the reading state again (it or the
    /// articles changed).
    pub(super) fn refresh_read(&mut self) {
        self.library.read = self
            .articles
            .iter()
            .map(|article| self.library.reading.is_read(&article.id))
            .collect();
    }

    /// Whether article `n` has been read.
    pub fn is_read(&self, n: usize) -> bool {
        self.library.read.get(n).copied().unwrap_or(false)
    }

    /// Marks article `n` read or not, here and in the reading state (the event loop saves
    /// it).
    pub(super) fn mark_read(&mut self, n: usize, read: bool) {
        let id = self.articles[n].id.clone();
        self.library.reading.mark(&id, read);
        if let Some(flag) = self.library.read.get_mut(n) {
            *flag = read;
        }
        self.effects.push(Effect::SetRead(id, read));
    }

    /// Unread articles among those the list shows.
    pub fn unread_count(&self) -> usize {
        self.list
            .shown
            .iter()
            .filter(|&&n| !self.is_read(n as usize))
            .count()
    }

    /// The reader is given the open article: it is read from now on, and it scrolls to
    /// where it was left last time.
    pub(super) fn start_reading(&mut self) {
        let Some(article) = self.reader.as_ref().map(|r| r.article) else {
            return;
        };
        if !self.is_read(article) {
            self.mark_read(article, true);
        }
        let id = self.articles[article].id.clone();
        if let Some(position) = self.library.reading.position(&id) {
            let body = LogicalBody::of(&self.articles[article]);
            // Left at its start, the article opens at the top, title and all.
            let offset = position.find_in(&body);
            if offset > 0 {
                self.scroll_to_char(offset);
            }
        }
    }

    /// Remembers where the reader is in the open article, if it has been read there.
    pub fn remember_position(&mut self) {
        let Some(reader) = self.reader.as_ref() else {
            return;
        };
        let article = &self.articles[reader.article];
        if !self.is_read(reader.article) {
            return;
        }
        let top = reader.top_paragraph();
        let body = LogicalBody::of(article);
        let offset = top
            .and_then(|(paragraph, byte)| body.char_offset(ParaOffset { paragraph, byte }))
            .unwrap_or(0);
        // A blank line at the top (between two paragraphs) is kept as a place inside the
        // paragraph break, so that the article reopens with that same line at the top.
        let at_gap = reader
            .lines
            .get(reader.scroll)
            .is_some_and(|line| line.kind == crate::tui::reader::LineKind::Blank);
        let offset = if at_gap && offset > 0 {
            offset - 1
        } else {
            offset
        };
        let position = ReadingPosition::at(&body, offset);
        if self.library.reading.position(&article.id) != Some(&position) {
            self.library.reading.place(&article.id, position.clone());
            self.effects
                .push(Effect::SetPosition(article.id.clone(), position));
        }
    }

    /// `m`: the highlighted (or open) article becomes unread, or read.
    pub(super) fn toggle_read(&mut self) {
        let article = match self.layout.focus {
            crate::tui::geometry::Pane::Reader => self.reader.as_ref().map(|r| r.article),
            crate::tui::geometry::Pane::List => self.selected_article(),
        };
        let Some(article) = article else {
            return;
        };
        let read = !self.is_read(article);
        self.mark_read(article, read);
        self.status.message = Some(if read { "marked read" } else { "marked unread" }.to_owned());
    }

    /// `]` and `[`: the next (or previous) unread article in the list.
    pub(super) fn jump_to_unread(&mut self, forward: bool) {
        let unread = |row: &usize| !self.is_read(self.list.shown[*row] as usize);
        let found = if forward {
            (self.list.selected + 1..self.list.shown.len()).find(unread)
        } else {
            (0..self.list.selected).rev().find(unread)
        };
        match found {
            Some(row) => {
                self.remember_position();
                self.list.selected = row;
                let article = self.list.shown[row] as usize;
                self.open(article);
                if self.layout.focus == crate::tui::geometry::Pane::Reader {
                    self.start_reading();
                }
            }
            None => self.status.message = Some("no more unread articles".to_owned()),
        }
    }
}
