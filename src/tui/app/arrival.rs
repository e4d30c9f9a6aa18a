//! The corpus arriving while the reader runs: the first frame is drawn before anything
//! is read, and articles join the list in batches as the loader reads them, each put in
//! its place newest first. Keys work all along: the highlighted article, the open one
//! and the bookmarks keep their articles as others arrive around them. When the last
//! batch is in, the index is built.

use std::sync::Arc;
use std::time::Duration;

use super::{App, Effect};
use crate::article::{Article, sort_newest_first};
use crate::corpus::Skipped;
use crate::tui::geometry::Pane;

/// What the loader has read since it last said.
#[derive(Clone, Debug, Default)]
pub struct Arrival {
    /// Articles read, in the order they were found.
    pub articles: Vec<Article>,
    /// Files that could not be read.
    pub skipped: Vec<Skipped>,
    /// Articles read in all so far, and how long the loading has taken.
    pub progress: LoadProgress,
    /// Whether this is the last batch.
    pub end: LoadEnd,
}

/// Whether more is to come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoadEnd {
    /// The loader is still reading.
    #[default]
    More,
    /// Everything has been read.
    Finished,
}

/// How far the loading has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadProgress {
    /// Articles read so far.
    pub articles: usize,
    /// Since the loading started.
    pub elapsed: Duration,
}

impl LoadProgress {
    /// Articles read per second so far, when there is a rate to speak of.
    pub fn per_second(&self) -> Option<u64> {
        let seconds = self.elapsed.as_secs_f64();
        (seconds >= 0.05 && self.articles > 0).then(|| (self.articles as f64 / seconds) as u64)
    }
}

impl App {
    /// Takes in what the loader read. Says whether anything changed.
    pub fn arrive(&mut self, arrival: Arrival) -> bool {
        let Arrival {
            articles,
            skipped,
            progress,
            end,
        } = arrival;
        self.status.skipped.extend(skipped);
        if !articles.is_empty() {
            self.merge_in(articles);
        }
        match end {
            LoadEnd::More => self.status.loading = Some(progress),
            LoadEnd::Finished => {
                self.status.loading = None;
                if !self.articles.is_empty() {
                    self.effects.push(Effect::IndexArticles);
                }
            }
        }
        true
    }

    /// Whether the corpus is still being read.
    pub fn is_loading(&self) -> bool {
        self.status.loading.is_some()
    }

    /// Puts a batch among the articles, each in its place newest first. A batch found
    /// after those already here goes after them among articles of the same day, so that
    /// the order is the one a whole load gives.
    fn merge_in(&mut self, mut batch: Vec<Article>) {
        sort_newest_first(&mut batch);
        // Nothing else holds the articles while they load (the index is built at the
        // end), so this takes them without a copy.
        let old = std::mem::take(Arc::make_mut(&mut self.articles));
        let mut merged = Vec::with_capacity(old.len() + batch.len());
        // Where each article that was here has gone.
        let mut moved_to = Vec::with_capacity(old.len());
        let mut batch = batch.into_iter().peekable();
        for article in old {
            while let Some(newer) = batch.next_if(|b| b.date.date > article.date.date) {
                merged.push(newer);
            }
            moved_to.push(merged.len());
            merged.push(article);
        }
        merged.extend(batch);
        self.articles = Arc::new(merged);
        self.renumber(&moved_to);
    }

    /// The articles were put in a new order, old number `n` now being `moved_to[n]`:
    /// the list, the highlight, the reader and the bookmarks follow. The top of an
    /// unfiltered list stays the top, so that a list nobody has moved in shows the
    /// newest articles as they come.
    fn renumber(&mut self, moved_to: &[usize]) {
        let at_top = self.list.selected == 0 && self.layout.focus == Pane::List;
        let selected = self.selected_article().map(|n| moved_to[n]);
        if self.list.filter.is_active() {
            for n in &mut self.list.shown {
                *n = moved_to[*n as usize] as u32;
            }
        } else {
            self.list.shown = (0..self.articles.len() as u32).collect();
        }
        self.list.selected = match selected {
            Some(article) if !at_top => self
                .list
                .shown
                .iter()
                .position(|&n| n as usize == article)
                .unwrap_or(0),
            _ => 0,
        };
        if let Some(reader) = self.reader.as_mut() {
            reader.article = moved_to[reader.article];
        }
        self.refresh_read();
        if !self.library.bookmarks.is_empty() {
            self.set_bookmarks(self.library.bookmarks.clone());
        }
        // The first article is open as soon as there is one, as when a reader starts on
        // a corpus already read.
        match (self.reader.is_some(), self.selected_article()) {
            (false, Some(article)) => self.open(article),
            _ => self.follow_selection(),
        }
    }
}
