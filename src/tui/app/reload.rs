//! The files changed and were loaded again: the reader takes the new articles without
//! losing its place. The highlight stays on the same article, the open article stays
//! open at the same text, bookmarks and the filter follow, and the index is rebuilt (an
//! index of the old articles is never used with the new ones).

use std::collections::HashMap;
use std::sync::Arc;

use super::App;
use crate::article::{Article, sort_newest_first};
use crate::bookmarks::{LogicalBody, ParaOffset, ReadingPosition};
use crate::corpus::Corpus;
use crate::index::Index;
use crate::tui::geometry::Pane;
use crate::tui::reader::LineKind;

/// How the articles of a reload differ from those shown, compared by id and content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Changes {
    /// Ids that were not there.
    added: usize,
    /// Ids still there whose article is not the same.
    changed: usize,
    /// Ids no longer there.
    removed: usize,
}

impl Changes {
    /// What differs between `old` and `new`.
    fn between(old: &[Article], new: &[Article]) -> Self {
        let before: HashMap<&str, &Article> = old.iter().map(|a| (a.id.as_str(), a)).collect();
        let mut changes = Self::default();
        let mut kept = 0;
        for article in new {
            match before.get(article.id.as_str()) {
                None => changes.added += 1,
                Some(&old) => {
                    kept += 1;
                    if old != article {
                        changes.changed += 1;
                    }
                }
            }
        }
        changes.removed = old.len() - kept;
        changes
    }

    fn is_empty(self) -> bool {
        self == Self::default()
    }
}

impl App {
    /// The corpus was loaded again: shows its articles in place of the old ones. Says
    /// whether they differ, in which case the index is gone and a new one must be built
    /// for [`App::articles`] (and given with [`App::index_built`]).
    pub fn reload(&mut self, corpus: Corpus) -> bool {
        let mut articles = corpus.articles;
        sort_newest_first(&mut articles);
        let skipped_changed = corpus.skipped != self.status.skipped;
        self.status.skipped = corpus.skipped;
        if *self.articles == articles {
            if skipped_changed {
                self.status.message = Some("files reloaded: no article changed".to_owned());
            }
            return false;
        }
        let changes = Changes::between(&self.articles, &articles);
        let old = Arc::clone(&self.articles);
        let new = Arc::new(articles);
        let number: HashMap<&str, usize> = new
            .iter()
            .enumerate()
            .map(|(n, a)| (a.id.as_str(), n))
            .collect();
        let renumber = |n: usize| number.get(old[n].id.as_str()).copied();

        let selected = self.selected_article().and_then(renumber);
        let top = self.top_position();
        self.list.shown = if self.list.filter.is_active() {
            // The rows that are still there, until the new index runs the filter again.
            self.list
                .shown
                .iter()
                .filter_map(|&n| renumber(n as usize).map(|n| n as u32))
                .collect()
        } else {
            (0..new.len() as u32).collect()
        };
        self.list.selected = selected
            .and_then(|article| self.list.shown.iter().position(|&n| n as usize == article))
            .unwrap_or(self.list.selected)
            .min(self.list.shown.len().saturating_sub(1));
        let open = self
            .reader
            .as_ref()
            .map(|reader| (reader.article, renumber(reader.article)));
        drop(number);
        self.articles = new;
        self.refresh_read();
        // Numbered for the old articles; mapped again below.
        self.library.bookmarked_articles.clear();
        self.index.ready = None;
        self.index.progress = 0;
        // A search of the old index answers for the old article numbers.
        self.list.search.generation += 1;
        self.list.search.waiting = false;

        let mut open_removed = false;
        match open {
            None => {}
            Some((_, None)) => {
                open_removed = true;
                self.reader = None;
                self.selection = None;
                self.focus_pane(Pane::List);
            }
            Some((before, Some(now))) => {
                let same = old[before] == self.articles[now];
                if let Some(reader) = self.reader.as_mut() {
                    reader.article = now;
                }
                if !same {
                    // Its sentences are not those the selection was made of.
                    self.selection = None;
                }
                // Unchanged, the lines keep the top line; changed, the title and blank
                // lines still do, and the text at the top is found again below.
                self.relayout();
                if let (false, Some(position)) = (same, top) {
                    let body = LogicalBody::of(&self.articles[now]);
                    self.scroll_to_char(position.find_in(&body));
                }
            }
        }
        self.set_bookmarks(self.library.bookmarks.clone());
        // In the split layout the reader shows the highlighted article.
        self.follow_selection();
        self.status.message = Some(reload_message(changes, open_removed));
        true
    }

    /// The index was built for `built_from`: it is used if those are still the articles
    /// shown, and dropped if they were replaced by a reload meanwhile. Says which.
    pub fn index_built(&mut self, index: Arc<Index>, built_from: &Arc<Vec<Article>>) -> bool {
        if !Arc::ptr_eq(built_from, &self.articles) {
            return false;
        }
        self.set_index(index);
        true
    }

    /// Where the text at the top of the reader is, as a reading position (the same way
    /// [`App::remember_position`] keeps it): none when the top shows the title.
    fn top_position(&self) -> Option<ReadingPosition> {
        let reader = self.reader.as_ref()?;
        let article = &self.articles[reader.article];
        let (paragraph, byte) = reader.lines[reader.scroll.min(reader.lines.len())..]
            .iter()
            .take_while(|line| line.kind != LineKind::Title)
            .find_map(|line| match line.kind {
                LineKind::Paragraph(p) if !article.paragraphs.at(p).boilerplate => {
                    Some((p, line.line.logical.start))
                }
                _ => None,
            })?;
        let body = LogicalBody::of(article);
        let offset = body.char_offset(ParaOffset { paragraph, byte })?;
        Some(ReadingPosition::at(&body, offset))
    }
}

/// What the status line says after a reload.
fn reload_message(changes: Changes, open_removed: bool) -> String {
    let mut parts = Vec::new();
    if changes.added > 0 {
        parts.push(format!("{} new", changes.added));
    }
    if changes.changed > 0 {
        parts.push(format!("{} changed", changes.changed));
    }
    if changes.removed > 0 {
        parts.push(format!("{} removed", changes.removed));
    }
    let mut message = if changes.is_empty() {
        // Same articles in another order.
        "files reloaded".to_owned()
    } else {
        format!("files reloaded: {}", parts.join(", "))
    };
    if open_removed {
        message.push_str(" (the open article was removed)");
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_counts_what_changed() {
        let changes = Changes {
            added: 1,
            changed: 0,
            removed: 2,
        };
        assert_eq!(
            reload_message(changes, true),
            "files reloaded: 1 new, 2 removed (the open article was removed)"
        );
        assert_eq!(reload_message(Changes::default(), false), "files reloaded");
    }
}
