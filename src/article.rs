//! What an article is once loaded: its stable id, title, paragraphs and where it came from.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

pub use paragraphs::{ParagraphRef, Paragraphs};

mod paragraphs;

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
    /// A file on disk (for a JSON array, the file that holds the entry).
    File(PathBuf),
    /// A file inside a ZIP archive.
    Archive {
        /// The archive on disk.
        archive: PathBuf,
        /// The entry's name inside it.
        entry: String,
    },
    /// Standard input.
    Stdin,
}

impl Origin {
    /// The file on disk the article was read from, when it has one.
    pub fn path(&self) -> Option<&PathBuf> {
        match self {
            Origin::File(path) | Origin::Archive { archive: path, .. } => Some(path),
            Origin::Sample | Origin::Stdin => None,
        }
    }

    /// The path to show: the file, or `archive/entry` inside a ZIP.
    pub fn display_path(&self) -> Option<String> {
        match self {
            Origin::File(path) => Some(path.display().to_string()),
            Origin::Archive { archive, entry } => Some(format!("{}/{entry}", archive.display())),
            Origin::Sample | Origin::Stdin => None,
        }
    }
}

/// The outlet an article comes from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    /// Short stable id (`enabbaladi`, `okaz`): what `src:` and `qari list` use.
    pub id: String,
    /// The name to show, Arabic where the outlet has one.
    pub name: String,
}

/// How sure qari is of an article's date (DESIGN §3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DateConfidence {
    /// Given by metadata, the path, or a complete date in the text.
    Explicit,
    /// Worked out from partial evidence, such as a weekday, day and month whose year is
    /// the one that makes the weekday right.
    Inferred,
    /// No date.
    #[default]
    Unknown,
}

/// An article's calendar date and how it was found. `date` is `None` exactly when the
/// confidence is `Unknown`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateInfo {
    /// The day.
    pub date: Option<jiff::civil::Date>,
    /// How it was found.
    pub confidence: DateConfidence,
}

impl DateInfo {
    /// A date stated outright.
    pub fn explicit(date: jiff::civil::Date) -> Self {
        Self {
            date: Some(date),
            confidence: DateConfidence::Explicit,
        }
    }

    /// A date worked out from partial evidence.
    pub fn inferred(date: jiff::civil::Date) -> Self {
        Self {
            date: Some(date),
            confidence: DateConfidence::Inferred,
        }
    }
}

/// One paragraph of a body while it is built (an article holds its paragraphs as
/// [`Paragraphs`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, logical order, one line.
    pub text: String,
    /// Site furniture (back-to-top buttons, share widgets, related links, donation
    /// appeals): hidden from the reader unless raw text is asked for, never indexed.
    pub boilerplate: bool,
}

impl AsRef<str> for Paragraph {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

/// A loaded article. Its text is sanitized: no control character or escape sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id, unique within a corpus.
    pub id: ArticleId,
    /// A one-line title, never empty.
    pub title: String,
    /// The body, one paragraph per entry, in logical order, boilerplate included.
    pub paragraphs: Paragraphs,
    /// The outlet, when known.
    pub source: Option<Source>,
    /// The publication day, when known.
    pub date: DateInfo,
    /// The page it was taken from, when the input says.
    pub url: Option<String>,
    /// Where the text came from.
    pub origin: Origin,
}

impl Article {
    /// The paragraphs a reader sees: without boilerplate, or all of them in raw view.
    pub fn body(&self, view: BodyView) -> Vec<ParagraphRef<'_>> {
        self.paragraphs
            .iter()
            .filter(|p| view == BodyView::Raw || !p.boilerplate)
            .collect()
    }

    /// Words in the body (boilerplate left out), counted at whitespace.
    pub fn words(&self) -> usize {
        self.body(BodyView::Clean)
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum()
    }
}

/// Whether boilerplate paragraphs are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BodyView {
    /// Boilerplate hidden.
    #[default]
    Clean,
    /// Everything, as loaded.
    Raw,
}

/// Newest first; undated articles after all dated ones, each group in the order given.
pub fn sort_newest_first<A: std::borrow::Borrow<Article>>(articles: &mut [A]) {
    articles.sort_by_key(|a| std::cmp::Reverse(a.borrow().date.date));
}
