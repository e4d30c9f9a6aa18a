//! Reading state, `reading.json` beside the bookmarks and kept as safely: for each
//! article, whether it was read and where reading stopped (a char offset in the logical
//! body with a short quote, re-anchored like a bookmark when the text has changed).
//!
//! Every call is one locked read-merge-write of the whole file, a few milliseconds, so
//! the reader saves a position when it leaves an article, not on every key; a call that
//! changes nothing writes nothing.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::{Outcome, StoreError};
use super::file::{Change, Document, JsonFile};
use super::{Anchor, LogicalBody, Quote, anchor};
use crate::article::ArticleId;

/// Chars of text kept after a reading position (and before it, as context).
const POSITION_QUOTE_CHARS: usize = 32;

/// Where reading stopped in an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPosition {
    /// Char offset in the logical body.
    pub offset: usize,
    /// The text from there on (`exact`), with the text before it as `prefix`.
    pub quote: Quote,
}

impl ReadingPosition {
    /// The position `offset` of `body` (clamped to its end).
    pub fn at(body: &LogicalBody, offset: usize) -> Self {
        let offset = offset.min(body.char_len());
        let end = (offset + POSITION_QUOTE_CHARS).min(body.char_len());
        let prefix_start = offset.saturating_sub(POSITION_QUOTE_CHARS);
        let slice = |range| body.slice(range).unwrap_or_default().to_owned();
        Self {
            offset,
            quote: Quote {
                exact: slice(offset..end),
                prefix: slice(prefix_start..offset),
                suffix: String::new(),
            },
        }
    }

    /// The offset of this position in `body`, the article's current text: the same words
    /// if they can be found, else the old offset kept within the body.
    pub fn find_in(&self, body: &LogicalBody) -> usize {
        let old = self.offset..self.offset + self.quote.exact.chars().count();
        match anchor(body, &self.quote, old.into()) {
            Anchor::Anchored { range, .. } => range.start,
            Anchor::Orphaned => self.offset.min(body.char_len()),
        }
    }
}

/// What qari remembers of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct ArticleReading {
    read: bool,
    position: Option<ReadingPosition>,
}

/// The reading state of every article, as loaded: ask it while drawing, it does no I/O.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    articles: BTreeMap<String, ArticleReading>,
}

impl Document for ReadingState {
    const VERSION: u32 = 1;
}

impl ReadingState {
    /// Whether the article was read.
    pub fn is_read(&self, id: &ArticleId) -> bool {
        self.articles.get(id.as_str()).is_some_and(|a| a.read)
    }

    /// Where reading of the article stopped, if it was saved.
    pub fn position(&self, id: &ArticleId) -> Option<&ReadingPosition> {
        self.articles.get(id.as_str())?.position.as_ref()
    }

    /// Marks the article read or unread in this copy only: what the reader shows at once,
    /// while [`ReadingStore::set_read`] saves the same change.
    pub fn mark(&mut self, id: &ArticleId, read: bool) {
        let _ = self.change(id, |entry| entry.read = read);
    }

    /// Records a reading position in this copy only (see [`ReadingState::mark`]).
    pub fn place(&mut self, id: &ArticleId, position: ReadingPosition) {
        let _ = self.change(id, |entry| entry.position = Some(position));
    }

    /// Applies a change to one article's entry; entries that hold nothing are dropped.
    fn change(&mut self, id: &ArticleId, edit: impl FnOnce(&mut ArticleReading)) -> Change<Self> {
        let entry = self.articles.entry(id.as_str().to_owned()).or_default();
        let before = entry.clone();
        edit(entry);
        let changed = *entry != before;
        if *entry == ArticleReading::default() {
            self.articles.remove(id.as_str());
        }
        if changed {
            Change::Save(self.clone())
        } else {
            Change::Keep(self.clone())
        }
    }
}

/// The reading state file of one data folder.
#[derive(Clone, Debug)]
pub struct ReadingStore {
    file: JsonFile,
}

impl ReadingStore {
    /// The store in `dir` (created on the first change).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            file: JsonFile::new(dir, "reading"),
        }
    }

    /// The store in qari's data folder ([`crate::paths::data_dir`]).
    pub fn open() -> Result<Self, StoreError> {
        Ok(Self::in_dir(&crate::paths::data_dir()?))
    }

    /// The file it keeps the state in.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// The state as it is now.
    pub fn load(&self) -> Result<Outcome<ReadingState>, StoreError> {
        self.file.load()
    }

    /// Marks an article read or unread; returns the whole state as it is now.
    pub fn set_read(
        &self,
        id: &ArticleId,
        read: bool,
    ) -> Result<Outcome<ReadingState>, StoreError> {
        self.file
            .update(|state: &mut ReadingState| Ok(state.change(id, |entry| entry.read = read)))
    }

    /// Saves where reading of an article stopped; returns the whole state as it is now.
    pub fn set_position(
        &self,
        id: &ArticleId,
        position: ReadingPosition,
    ) -> Result<Outcome<ReadingState>, StoreError> {
        self.file.update(|state: &mut ReadingState| {
            Ok(state.change(id, |entry| entry.position = Some(position)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_is_kept_per_article_and_merged_between_stores() {
        let dir = tempfile::tempdir().unwrap();
        let (one, two) = (
            ReadingStore::in_dir(dir.path()),
            ReadingStore::in_dir(dir.path()),
        );
        let (a, b) = (ArticleId::new("a.txt"), ArticleId::new("b.txt"));
        let body = LogicalBody::from_paragraphs(&["أول فقرة في المقال", "ثاني فقرة فيه"]);
        one.set_read(&a, true).unwrap();
        two.set_position(&b, ReadingPosition::at(&body, 20))
            .unwrap();
        let state = one.load().unwrap().value;
        assert!(state.is_read(&a));
        assert!(!state.is_read(&b));
        assert_eq!(state.position(&b).unwrap().offset, 20);
        assert_eq!(state.position(&a), None);
        let state = two.set_read(&a, false).unwrap().value;
        assert!(!state.is_read(&a));
        assert!(
            !state.articles.contains_key("a.txt"),
            "empty entries are dropped"
        );
    }

    #[test]
    fn a_position_follows_its_words_when_text_is_added_before() {
        let body =
            LogicalBody::from_paragraphs(&["أول فقرة في المقال", "ثاني فقرة فيه وكلام بعدها"]);
        let position = ReadingPosition::at(&body, 20);
        assert_eq!(position.find_in(&body), 20);
        let edited = LogicalBody::from_paragraphs(&[
            "فقرة جديدة",
            "أول فقرة في المقال",
            "ثاني فقرة فيه وكلام بعدها",
        ]);
        assert_eq!(
            position.find_in(&edited),
            20 + "فقرة جديدة\n\n".chars().count()
        );
        let gone = LogicalBody::from_paragraphs(&["نص آخر"]);
        assert_eq!(position.find_in(&gone), gone.char_len());
    }
}
