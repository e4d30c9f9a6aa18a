//! What a bookmark is: a passage of an article (quote and position), a note, and a
//! snapshot of the article's title, source and date so that bookmarks can be listed and
//! exported without loading the corpus.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize};

use super::{Anchor, ArticleHash, LogicalBody, Position, Quote, anchor};
use crate::article::{Article, ArticleId};

/// A bookmark's id: 12 lowercase hex digits, random, and checked unique in the store
/// under its lock, so two qari processes never hand out the same one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BookmarkId(String);

impl BookmarkId {
    /// Wraps an id as typed by a user or read from the store.
    pub fn new(id: &str) -> Self {
        Self(id.to_owned())
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A fresh random id.
    pub(super) fn random() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 6];
        getrandom::fill(&mut bytes)?;
        Ok(Self(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }
}

impl fmt::Display for BookmarkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The article as it was when the bookmark was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSnapshot {
    /// Its title.
    pub title: String,
    /// The outlet's id (`enabbaladi`), when known.
    pub source: Option<String>,
    /// The outlet's name to show, when known.
    pub source_name: Option<String>,
    /// The publication day, when known.
    pub date: Option<jiff::civil::Date>,
    /// The page's address, when known (absent from bookmarks made before it was kept).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl ArticleSnapshot {
    /// The snapshot of an article.
    pub fn of(article: &Article) -> Self {
        Self {
            title: article.title.clone(),
            source: article.source.as_ref().map(|s| s.id.clone()),
            source_name: article.source.as_ref().map(|s| s.name.clone()),
            date: article.date.date,
            url: article.url.clone(),
        }
    }
}

/// A bookmarked passage as stored (DESIGN §5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique id.
    pub id: BookmarkId,
    /// The article's id when the bookmark was made.
    #[serde(deserialize_with = "article_id")]
    pub article_id: ArticleId,
    /// The content hash of its logical body then, to re-find it if its id changed.
    pub article_hash: ArticleHash,
    /// Title, source and date then.
    pub article: ArticleSnapshot,
    /// The passage and its context.
    pub quote: Quote,
    /// Where the passage was, in chars of the logical body.
    pub position: Position,
    /// The reader's note, if any.
    pub note: Option<String>,
    /// When it was made.
    pub created: jiff::Timestamp,
    /// When it last changed (its note edited).
    pub updated: jiff::Timestamp,
}

impl Bookmark {
    /// Where the passage is in `body`, the current logical body of its article.
    pub fn anchor(&self, body: &LogicalBody) -> Anchor {
        anchor(body, &self.quote, self.position)
    }
}

/// Ids read from a file pass through [`ArticleId::new`], which keeps control characters
/// out, as for ids made from paths.
fn article_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<ArticleId, D::Error> {
    String::deserialize(deserializer).map(|id| ArticleId::new(&id))
}

/// A bookmark about to be added: everything but its id and times, which the store gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewBookmark {
    pub(super) article_id: ArticleId,
    pub(super) article_hash: ArticleHash,
    pub(super) article: ArticleSnapshot,
    pub(super) quote: Quote,
    pub(super) position: Position,
    pub(super) note: Option<String>,
}

impl NewBookmark {
    /// The same bookmark with `note` (none, or an empty one: no note), for a note typed
    /// after the passage was chosen.
    pub fn with_note(self, note: Option<String>) -> Self {
        Self {
            note: note.and_then(|n| clean_note(&n)),
            ..self
        }
    }

    /// A bookmark of the chars `range` of `article`, whose logical body is `body`. An
    /// empty note is no note.
    pub fn new(
        article: &Article,
        body: &LogicalBody,
        range: Range<usize>,
        note: Option<String>,
    ) -> Result<Self, PassageError> {
        let length = body.char_len();
        if range.start >= range.end {
            return Err(PassageError::Empty(range));
        }
        if range.end > length {
            return Err(PassageError::PastEnd { range, length });
        }
        let quote = Quote::at(body, range.clone()).ok_or(PassageError::Empty(range.clone()))?;
        if quote.exact.trim().is_empty() {
            return Err(PassageError::Blank(range));
        }
        Ok(Self {
            article_id: article.id.clone(),
            article_hash: body.hash(),
            article: ArticleSnapshot::of(article),
            quote,
            position: range.into(),
            note: note.and_then(|n| clean_note(&n)),
        })
    }

    /// The passage's text.
    pub fn exact(&self) -> &str {
        &self.quote.exact
    }
}

/// Why a range cannot be bookmarked.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PassageError {
    /// The start is not before the end.
    #[error("the passage {}..{} is empty: the start must be before the end", .0.start, .0.end)]
    Empty(Range<usize>),
    /// The end is past the body.
    #[error(
        "the passage {}..{} ends past the article's body, which is {length} characters long",
        .range.start, .range.end
    )]
    PastEnd {
        /// What was asked for.
        range: Range<usize>,
        /// Chars in the logical body.
        length: usize,
    },
    /// Only whitespace.
    #[error("the passage {}..{} is only whitespace", .0.start, .0.end)]
    Blank(Range<usize>),
}

/// A note as it is kept: one line of sanitized text (escape sequences and controls
/// removed whole, as from article text), none when nothing is left.
pub fn clean_note(note: &str) -> Option<String> {
    let line = crate::text::sanitize(note).replace('\n', " ");
    let line = line.trim();
    (!line.is_empty()).then(|| line.to_owned())
}

impl Bookmark {
    /// The bookmark with every text it shows sanitized: a store file can be edited by
    /// hand, and nothing in it may reach a terminal as a control.
    pub fn sanitized(mut self) -> Self {
        let clean = |text: &mut String| *text = crate::text::sanitize(text);
        clean(&mut self.quote.exact);
        clean(&mut self.quote.prefix);
        clean(&mut self.quote.suffix);
        clean(&mut self.article.title);
        if let Some(name) = self.article.source_name.as_mut() {
            clean(name);
        }
        self.note = self.note.as_deref().and_then(clean_note);
        self
    }
}
