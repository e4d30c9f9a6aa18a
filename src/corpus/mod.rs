//! Finding, reading and decoding article files, and the sample compiled into qari
//! (DESIGN §3). Bad input never stops a load: each file that cannot be read is recorded
//! with the reason, and everything else loads.

pub mod boilerplate;
mod build;
pub mod dates;
mod decode;
mod extract;
mod formats;
mod load;
mod sample;
pub mod sources;

use std::path::PathBuf;

pub use decode::decode;
pub use extract::{paragraphs_of, title_of};
pub use formats::{Format, RawDoc};
pub use load::{
    ArticleSize, Batch, LoadOptions, MAX_ARTICLE_BYTES, Progress, SpecialKind, load_paths,
    load_stdin, load_with, stream,
};
pub use sample::load_sample;

use crate::article::{Article, ArticleId};

/// Loads a file's content held in memory, as [`load_paths`] would load it from the
/// relative path `name` (whose extension picks the format, and whose folders give source
/// and date hints; `-` is standard input). The entry point of the `decode_extract` fuzz
/// target: the whole load path from bytes to articles, without a file system.
#[doc(hidden)]
pub fn load_bytes(name: &str, bytes: &[u8]) -> Corpus {
    load::load_named_bytes(name, bytes)
}

/// A set of loaded articles and the files that were skipped.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// Articles in the order they were found (paths sorted within each folder).
    pub articles: Vec<Article>,
    /// Files that could not be loaded, with the reason.
    pub skipped: Vec<Skipped>,
}

impl Corpus {
    /// The article with this id, or the only one whose id starts with it.
    pub fn find(&self, id: &str) -> Result<&Article, FindError> {
        if let Some(article) = self.articles.iter().find(|a| a.id.as_str() == id) {
            return Ok(article);
        }
        let mut matches = self
            .articles
            .iter()
            .filter(|a| a.id.as_str().starts_with(id));
        match (matches.next(), matches.next()) {
            (Some(article), None) => Ok(article),
            (None, _) => Err(FindError::NotFound(id.to_owned())),
            (Some(first), Some(second)) => Err(FindError::Ambiguous {
                id: id.to_owned(),
                first: first.id.clone(),
                second: second.id.clone(),
            }),
        }
    }
}

/// Why an id names no single article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FindError {
    /// No id equals or starts with it.
    #[error("no article has the id `{0}`")]
    NotFound(String),
    /// More than one id starts with it.
    #[error("`{id}` could be `{first}` or `{second}`: give more of the id")]
    Ambiguous {
        /// What was asked for.
        id: String,
        /// One match.
        first: ArticleId,
        /// Another match.
        second: ArticleId,
    },
}

/// A file that was not loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file (or folder) as found.
    pub path: PathBuf,
    /// Why.
    pub reason: SkipReason,
}

/// Why a file was not loaded. Messages say what the user can do about it.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum SkipReason {
    /// The path does not exist.
    #[error("no such file or folder")]
    NotFound,
    /// Reading failed (permissions, I/O error).
    #[error("cannot be read: {0}")]
    Unreadable(String),
    /// An article's text over [`MAX_ARTICLE_BYTES`].
    #[error("{0} is over the 16 MiB limit for one article")]
    TooLarge(ArticleSize),
    /// Contains NUL bytes.
    #[error("binary file (it contains NUL bytes)")]
    Binary,
    /// Not UTF-8, UTF-16 with a BOM, or Arabic in a legacy encoding.
    #[error(
        "not UTF-8 text (invalid byte at offset {0}), nor Arabic in windows-1256 or ISO-8859-6"
    )]
    NotUtf8(usize),
    /// A declared encoding with invalid sequences.
    #[error("cannot be decoded: {0}")]
    BadEncoding(String),
    /// JSON that cannot be read, or one entry of it.
    #[error("{0}")]
    Malformed(String),
    /// A ZIP archive (or an entry) that cannot be read.
    #[error("unreadable ZIP archive: {0}")]
    BadArchive(String),
    /// No visible text.
    #[error("no text in it")]
    Empty,
    /// A pipe, socket or device: never opened in a folder (reading it could wait forever).
    #[error("{0}, not a regular file: left unread")]
    Special(SpecialKind),
    /// A folder reached again through a symbolic link.
    #[error("folder already visited (symbolic link loop)")]
    LinkLoop,
}
