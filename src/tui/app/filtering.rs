//! The filter's side of the reader's state: the index arriving, the filter bar's keys,
//! and the searches they ask for, whose answers come back from the search worker. While
//! the bar is being edited its text is read as typing (the word at the cursor is a
//! prefix); a filter kept with Enter means exactly what is written, and is searched for
//! again as such.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Effect, FilterStatus, Modal};
use crate::corpus::sources::Outlets;
use crate::index::query::{Mode, parse};
use crate::index::{Bitset, Index, SearchError};
use crate::tui::filter::{Edit, Filter};
use crate::tui::geometry::Pane;
use crate::tui::search::{SearchAnswer, SearchRequest};

impl App {
    /// The index is ready: filters can run.
    pub fn set_index(&mut self, index: Arc<Index>) {
        self.index.ready = Some(index);
        if self.list.filter.is_active() {
            self.refilter();
        }
    }

    /// The index build reports how far it has got; says whether the percentage shown
    /// changed.
    pub fn set_index_progress(&mut self, done: f32) -> bool {
        let percent = (done * 100.0).clamp(0.0, 99.0) as u8;
        // Reports from two building threads may arrive out of order.
        let changed = percent > self.index.progress;
        self.index.progress = self.index.progress.max(percent);
        changed
    }

    /// The newest filter change; searches for older ones are no longer wanted.
    pub fn search_generation(&self) -> u64 {
        self.list.search.generation
    }

    /// Whether the list is waiting for a search answer.
    pub fn is_searching(&self) -> bool {
        self.list.search.waiting
    }

    /// A search finished: the list shows its answer, unless the filter changed since.
    pub fn search_done(&mut self, answer: SearchAnswer) {
        if answer.generation != self.list.search.generation {
            return;
        }
        self.list.search.waiting = false;
        let keep = self.selected_article();
        match answer.found {
            Ok(shown) => {
                if !self.list.search.status.is_malformed() {
                    self.list.search.status = FilterStatus::Parsed;
                }
                self.list.query = Some(answer.query);
                self.list.shown = shown;
                self.show_filtered(keep);
            }
            Err(SearchError::Stopped) => {}
            Err(err) => self.list.search.status = FilterStatus::Failed(err.to_string()),
        }
    }

    /// A key while the filter bar has the keyboard.
    pub fn edit_filter(&mut self, key: &KeyEvent) {
        if key.modifiers.is_empty() && matches!(key.code, KeyCode::Up | KeyCode::Down) {
            self.walk_history(key.code == KeyCode::Up);
            return;
        }
        match self.list.filter.edit(key) {
            Edit::Changed => self.refilter(),
            Edit::Keep => {
                // A text that does not parse stays in the bar with its error, the bar
                // keeps the keyboard: never a bar that looks open while keys are
                // commands. Esc clears it.
                if let Err(err) = parse(
                    &self.list.filter.text,
                    Mode::Exact,
                    self.today,
                    Outlets::embedded(),
                ) && self.list.filter.is_active()
                {
                    self.list.search.status = FilterStatus::Refused(err.message);
                    return;
                }
                self.modal = Modal::None;
                self.list.history_at = None;
                if self.library.filters.remember(&self.list.filter.text) {
                    self.effects
                        .push(Effect::RememberFilter(self.list.filter.text.clone()));
                }
                self.focus_pane(Pane::List);
                // A kept `حميم` is that word, no longer every word it begins.
                self.refilter();
            }
            Edit::Clear => {
                self.list.filter = Filter::default();
                self.modal = Modal::None;
                self.refilter();
            }
            Edit::Moved | Edit::Ignored => {}
        }
    }

    /// ↑ (`older`) or ↓ in the filter bar: the kept filters, newest first; ↓ past the
    /// newest empties the bar.
    fn walk_history(&mut self, older: bool) {
        let count = self.library.filters.filters.len();
        let at = match (self.list.history_at, older) {
            (None, true) => count.checked_sub(1),
            (None, false) => return,
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) if at + 1 < count => Some(at + 1),
            (Some(_), false) => None,
        };
        if at == self.list.history_at && at.is_some() {
            return;
        }
        self.list.history_at = at;
        let text = at.map_or_else(String::new, |i| self.library.filters.filters[i].clone());
        self.list.filter.cursor = text.len();
        self.list.filter.text = text;
        self.refilter();
    }

    /// Text pasted into the terminal (bracketed paste) goes to whatever reads text: the
    /// note being typed, the bookmarks pane's filter, or the filter bar. Says whether
    /// anything took it; pasted text is never read as keys.
    pub fn paste(&mut self, text: &str) -> bool {
        match &mut self.modal {
            Modal::Note { input, .. } => input.editor.paste(text) == Edit::Changed,
            Modal::Bookmarks(pane) if pane.filtering => {
                let changed = pane.filter.paste(text) == Edit::Changed;
                if changed {
                    pane.selected = 0;
                }
                changed
            }
            Modal::Filter => {
                let changed = self.list.filter.paste(text) == Edit::Changed;
                if changed {
                    self.refilter();
                }
                changed
            }
            Modal::None => {
                self.status.message = Some("pasted text ignored: press / to filter".to_owned());
                true
            }
            Modal::Help { .. } | Modal::LoadErrors { .. } | Modal::Bookmarks(_) => false,
        }
    }

    /// Runs the filter again: asks for a search, which the worker answers (see
    /// [`App::search_done`]). A text that does not parse shows its error and leaves the
    /// list to the last text that did, even if its answer is still to come. Moving the
    /// bar's cursor alone does not search again: the word it leaves stays a prefix until
    /// the text changes.
    pub(super) fn refilter(&mut self) {
        let mode = if self.is_filtering() {
            Mode::Typing {
                cursor: self.list.filter.cursor,
            }
        } else {
            Mode::Exact
        };
        let parsed = parse(
            &self.list.filter.text,
            mode,
            self.today,
            Outlets::embedded(),
        );
        if let Err(err) = &parsed
            && self.list.filter.is_active()
        {
            self.list.search.status = FilterStatus::Malformed(err.message.clone());
            return;
        }
        self.list.search.status = FilterStatus::Parsed;
        self.list.search.generation += 1;
        self.list.search.waiting = false;
        if !self.list.filter.is_active() {
            let keep = self.selected_article();
            self.list.query = None;
            self.list.shown = (0..self.articles.len() as u32).collect();
            self.show_filtered(keep);
            return;
        }
        match (parsed, &self.index.ready) {
            (Err(_), _) => {}
            // The status line says how far the index has got; the filter runs when it
            // is ready (see `set_index`).
            (Ok(_), None) => {}
            (Ok(query), Some(index)) => {
                self.effects.push(Effect::Search(SearchRequest {
                    generation: self.list.search.generation,
                    query,
                    order: self.list.order,
                    index: Arc::clone(index),
                    bookmarked: Some(Arc::new(self.bookmarked_set())),
                    read: Some(Arc::new(self.read_set())),
                }));
                self.list.search.waiting = true;
            }
        }
    }

    /// The articles that have bookmarks, numbered as the index numbers them.
    fn bookmarked_set(&self) -> Bitset {
        let mut set = Bitset::empty(self.articles.len());
        for &article in self.library.bookmarked_articles.keys() {
            set.insert(article as u32);
        }
        set
    }

    /// The articles read, numbered as the index numbers them. Taken when the filter
    /// changes: marking an article read (opening it) does not search again, so that an
    /// article does not drop out of an `is:unread` list while it is being read.
    fn read_set(&self) -> Bitset {
        let mut set = Bitset::empty(self.articles.len());
        for article in (0..self.articles.len()).filter(|&n| self.is_read(n)) {
            set.insert(article as u32);
        }
        set
    }

    /// The list shows new rows: the highlight stays on the article it was on if it is
    /// still there, and the reader's matches follow the query.
    fn show_filtered(&mut self, keep: Option<usize>) {
        self.list.selected = keep
            .and_then(|article| self.list.shown.iter().position(|&n| n as usize == article))
            .unwrap_or(0);
        if self.list.shown.is_empty() && self.reader.is_some() {
            // Nothing passes: the reader shows nothing either, rather than an article
            // the list no longer has (which `b` would bookmark by mistake).
            self.remember_position();
            self.reader = None;
            self.selection = None;
            self.focus_pane(crate::tui::geometry::Pane::List);
        }
        self.follow_selection();
        if let Some(reader) = self.reader.as_mut() {
            reader.find_matches(
                &self.articles[reader.article],
                self.list.query.as_ref(),
                self.index.ready.as_deref(),
            );
        }
    }
}
