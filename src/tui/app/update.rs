//! The one entry point the event loop drives the state through: a message in, with the
//! time it arrived, and the effects out — everything the loop must do for the state
//! (store changes, the clipboard, searches, the terminal's bidi mode, a repaint, a frame,
//! quitting). No I/O and no clock here: tests feed the same messages and read the same
//! effects.

use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::{App, Arrival, Mouse};
use crate::article::{Article, ArticleId};
use crate::bookmarks::{Bookmark, BookmarkId, NewBookmark, ReadingPosition};
use crate::corpus::Corpus;
use crate::index::Index;
use crate::text::BidiMode;
use crate::tui::keymap::KeyMap;
use crate::tui::search::{SearchAnswer, SearchRequest};

/// Something that happened, for the state to take in.
#[derive(Debug)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted.
    Paste(String),
    /// The mouse did something.
    Mouse(Mouse),
    /// The terminal has a new size.
    Resize(Rect),
    /// The index build has got this far (0 to 1).
    IndexProgress(f32),
    /// An index is ready, built for these articles.
    IndexReady(Arc<Index>, Arc<Vec<Article>>),
    /// The search worker answered.
    SearchDone(SearchAnswer),
    /// The files were loaded again.
    Reloaded(Box<Corpus>),
    /// The loader read more of the corpus.
    Arrived(Box<Arrival>),
}

/// Something for the event loop to do.
#[derive(Debug)]
pub enum Effect {
    /// Save a new bookmark.
    AddBookmark(Box<NewBookmark>),
    /// Delete one.
    DeleteBookmark(BookmarkId),
    /// Put a deleted one back.
    RestoreBookmark(Box<Bookmark>),
    /// Change a note (none: no note).
    EditNote(BookmarkId, Option<String>),
    /// Mark an article read or unread.
    SetRead(ArticleId, bool),
    /// Remember where the reader was in an article.
    SetPosition(ArticleId, ReadingPosition),
    /// Read the bookmarks again from the store (another qari may have written it).
    ReadBookmarks,
    /// Keep a filter in the history.
    RememberFilter(String),
    /// Put this text on the clipboard (OSC 52).
    Clipboard(String),
    /// Tell the terminal who reorders right-to-left text now.
    SetBidi(BidiMode),
    /// Run this search on the worker; older ones are no longer wanted.
    Search(SearchRequest),
    /// Load the index again for these articles (they changed).
    IndexArticles,
    /// Clear the terminal before the next frame: draw everything.
    Repaint,
    /// Draw a frame: the screen changed.
    Draw,
    /// Leave qari (after the position in the article has been remembered).
    Quit,
}

impl Effect {
    /// Whether the effect is a change for the stores (bookmarks, reading state, filter
    /// history) rather than something for the terminal or the workers.
    pub fn is_store_change(&self) -> bool {
        matches!(
            self,
            Effect::AddBookmark(_)
                | Effect::DeleteBookmark(_)
                | Effect::RestoreBookmark(_)
                | Effect::EditNote(..)
                | Effect::SetRead(..)
                | Effect::SetPosition(..)
                | Effect::ReadBookmarks
                | Effect::RememberFilter(_)
        )
    }
}

impl App {
    /// Takes in one message that arrived at `now`, and returns what the loop must do.
    pub fn update(&mut self, msg: Msg, keymap: &KeyMap, now: jiff::civil::Date) -> Vec<Effect> {
        self.today = now;
        let changed = match msg {
            Msg::Key(key) => crate::tui::press(self, keymap, &key),
            Msg::Paste(text) => self.paste(&text),
            Msg::Mouse(mouse) => self.mouse(mouse),
            Msg::Resize(area) => {
                self.resize(area);
                true
            }
            Msg::IndexProgress(done) => self.set_index_progress(done),
            Msg::IndexReady(index, built_from) => self.index_built(index, &built_from),
            Msg::SearchDone(answer) => {
                self.search_done(answer);
                true
            }
            Msg::Arrived(arrival) => self.arrive(*arrival),
            Msg::Reloaded(corpus) => {
                if self.reload(*corpus) {
                    self.effects.push(Effect::IndexArticles);
                }
                true
            }
        };
        if changed {
            self.effects.push(Effect::Draw);
        }
        self.take_effects()
    }

    /// The effects waiting for the event loop, in the order they were asked for.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        let mut effects = std::mem::take(&mut self.effects);
        // Quitting remembers the place in the article first.
        if effects.iter().any(|e| matches!(e, Effect::Quit)) {
            effects.retain(|e| !matches!(e, Effect::Quit));
            self.remember_position();
            effects.append(&mut self.effects);
            effects.push(Effect::Quit);
        }
        effects
    }
}
