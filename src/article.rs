//! What an article is once loaded: its stable id, title, paragraphs and where it came from.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// An article's id: its path relative to the corpus root it was found under, stable
/// across runs (DESIGN §3). Never contains control characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ArticleId(String);

impl ArticleId {
    /// Makes an id from a relative path or name, replacing anything unprintable.
    pub fn new(name: &str) -> Self {
        Self(
            name.chars()
                .map(|c| {
                    if crate::text::is_never_emitted(c) {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect(),
        )
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where an article's text came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// One of the sample articles compiled into qari.
    Sample,
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Origin {
    /// The file path, when the article has one.
    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            Origin::File(path) => Some(path),
            Origin::Sample | Origin::Stdin => None,
        }
    }
}

/// A loaded article. Its text is sanitized: no control character or escape sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id, unique within a corpus.
    pub id: ArticleId,
    /// A one-line title, never empty.
    pub title: String,
    /// The body, one paragraph per entry, in logical order.
    pub paragraphs: Vec<String>,
    /// Where the text came from.
    pub origin: Origin,
}

impl Article {
    /// Words in the body, counted at whitespace.
    pub fn words(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }
}
