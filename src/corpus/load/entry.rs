//! One raw entry as reading left it (a text file's bytes, one JSON value, or a problem
//! found on the way), and how a worker makes an article of it: decoding, parsing, the
//! article limit, then [`build`]. Entries travel in chunks, each with its place in the
//! corpus, so that results can be put back in order.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::Value;

use super::super::build::{Found, build};
use super::super::decode::decode;
use super::super::formats::{object, parse_text};
use super::super::{SkipReason, Skipped};
use super::order::{Key, Part};
use super::{ArticleSize, MAX_ARTICLE_BYTES};
use crate::article::{Article, Origin};

/// A document: a file, a ZIP entry or standard input, as its entries are named.
#[derive(Debug)]
pub(super) struct Document {
    /// The id of its article, or the base of its entries' ids (`#n` is added).
    pub id: String,
    /// How problems name it: its path (inside a ZIP, `archive.zip/entry`).
    pub shown: String,
    /// Where its text comes from.
    pub origin: Origin,
    /// The path metadata hints are read from (`-` for standard input).
    pub hint: String,
}

/// One entry of a document, not yet parsed.
#[derive(Debug)]
pub(super) struct RawEntry {
    /// The document it belongs to.
    pub document: Arc<Document>,
    /// What reading gave.
    pub content: Content,
}

/// What reading gave for one entry.
#[derive(Debug)]
pub(super) enum Content {
    /// A whole text document's bytes, not yet decoded.
    Text(Vec<u8>),
    /// One JSON value, the `number`-th entry of its document (from 1).
    Json {
        number: usize,
        place: Place,
        bytes: Vec<u8>,
    },
    /// A problem found while reading, reported where it was found.
    Problem(Skipped),
}

/// Where a JSON value was in its document, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// A line of JSON Lines (counting blank lines, as an editor does).
    Line(usize),
    /// An element of an array (the same as the entry's number).
    Element(usize),
    /// The whole document is one object.
    Document,
}

impl Place {
    /// What a message about the value starts with.
    fn prefix(self) -> String {
        match self {
            Place::Line(line) => format!("line {line}: "),
            Place::Element(n) => format!("entry #{n}: "),
            Place::Document => String::new(),
        }
    }
}

/// Entries read together, and their place in the corpus.
#[derive(Debug)]
pub(super) struct Chunk {
    /// The chunk's place.
    pub key: Key,
    /// Whether it is its input's last.
    pub last: bool,
    /// The entries, in order.
    pub entries: Vec<RawEntry>,
}

impl Chunk {
    /// The articles of its entries, and the entries that could not be loaded, in order.
    pub(super) fn build(self) -> Part {
        let mut part = Part {
            key: self.key,
            last: self.last,
            articles: Vec::with_capacity(self.entries.len()),
            skipped: Vec::new(),
        };
        for entry in self.entries {
            match build_entry(entry) {
                Ok(article) => part.articles.push(article),
                Err(skipped) => part.skipped.push(skipped),
            }
        }
        part
    }
}

/// The article of one entry, or why there is none.
pub(super) fn build_entry(entry: RawEntry) -> Result<Article, Skipped> {
    let document = &entry.document;
    let skip = |path: String, reason| Skipped {
        path: PathBuf::from(path),
        reason,
    };
    let (id, path, doc) = match entry.content {
        Content::Problem(skipped) => return Err(skipped),
        Content::Text(bytes) => {
            let text = decode(&bytes)
                .map_err(|reason| skip(document.shown.clone(), reason))?
                .0;
            (
                document.id.clone(),
                document.shown.clone(),
                parse_text(&text),
            )
        }
        Content::Json {
            number,
            place,
            bytes,
        } => {
            let path = format!("{}#{number}", document.shown);
            let doc = parse_json_entry(&bytes, place).map_err(|(reason, whole)| {
                // A document that is not JSON at all is reported as the file it is.
                let path = match whole {
                    Whole::File => document.shown.clone(),
                    Whole::Entry => path.clone(),
                };
                skip(path, reason)
            })?;
            (format!("{}#{number}", document.id), path, doc)
        }
    };
    if doc.body.len() > MAX_ARTICLE_BYTES {
        let size = ArticleSize::Exactly(doc.body.len() as u64);
        return Err(skip(path, SkipReason::TooLarge(size)));
    }
    let found = Found {
        id: &id,
        origin: document.origin.clone(),
        path: &document.hint,
    };
    build(found, doc).ok_or_else(|| skip(path, SkipReason::Empty))
}

/// Which path a problem with a JSON value names.
enum Whole {
    /// The document's: it was the whole document and not JSON.
    File,
    /// The entry's.
    Entry,
}

fn parse_json_entry(
    bytes: &[u8],
    place: Place,
) -> Result<super::super::formats::RawDoc, (SkipReason, Whole)> {
    let whole = || match place {
        Place::Document => Whole::File,
        Place::Line(_) | Place::Element(_) => Whole::Entry,
    };
    let text = match decode(bytes) {
        Ok((text, _)) => text,
        // Decoding a whole document fails as the file's decoding always did; a line or an
        // element says where it is.
        Err(reason) if place == Place::Document => return Err((reason, Whole::File)),
        Err(reason) => {
            let why = format!("{}{reason}", place.prefix());
            return Err((SkipReason::Malformed(why), Whole::Entry));
        }
    };
    let value: Value = serde_json::from_str(&text).map_err(|err| {
        let why = format!("{}malformed JSON: {err}", place.prefix());
        (SkipReason::Malformed(why), whole())
    })?;
    object(&value).map_err(|why| {
        let why = format!("{}{why}", place.prefix());
        (SkipReason::Malformed(why), Whole::Entry)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Arc<Document> {
        Arc::new(Document {
            id: "okaz/day.jsonl".to_owned(),
            shown: "/data/okaz/day.jsonl".to_owned(),
            origin: Origin::File(PathBuf::from("/data/okaz/day.jsonl")),
            hint: "okaz/day.jsonl".to_owned(),
        })
    }

    fn json(number: usize, place: Place, text: &str) -> Result<Article, Skipped> {
        build_entry(RawEntry {
            document: document(),
            content: Content::Json {
                number,
                place,
                bytes: text.as_bytes().to_vec(),
            },
        })
    }

    #[test]
    fn a_json_entry_is_numbered_and_its_problems_say_where() {
        let article = json(3, Place::Line(4), r#"{"title": "عنوان", "content": "نص"}"#).unwrap();
        assert_eq!(article.id.as_str(), "okaz/day.jsonl#3");
        assert_eq!(article.source.unwrap().id, "okaz");

        let bad = json(3, Place::Line(4), "{oops").unwrap_err();
        assert_eq!(bad.path, PathBuf::from("/data/okaz/day.jsonl#3"));
        assert!(
            matches!(&bad.reason, SkipReason::Malformed(m) if m.starts_with("line 4: malformed JSON"))
        );
        let number = json(2, Place::Element(2), "7").unwrap_err();
        assert_eq!(
            number.reason,
            SkipReason::Malformed("entry #2: a number, not an article object".to_owned())
        );
        let not_json = json(1, Place::Document, "oops").unwrap_err();
        assert_eq!(not_json.path, PathBuf::from("/data/okaz/day.jsonl"));
        let binary = json(5, Place::Line(5), "{\"content\": \"a\0b\"}").unwrap_err();
        assert_eq!(
            binary.reason,
            SkipReason::Malformed("line 5: binary file (it contains NUL bytes)".to_owned())
        );
    }

    #[test]
    fn an_article_over_the_limit_is_reported_with_its_size() {
        let long = "ن".repeat(MAX_ARTICLE_BYTES / 2 + 1);
        let entry = format!(r#"{{"title": "طويل", "content": "{long}"}}"#);
        let skipped = json(1, Place::Line(1), &entry).unwrap_err();
        assert_eq!(skipped.path, PathBuf::from("/data/okaz/day.jsonl#1"));
        assert_eq!(
            skipped.reason,
            SkipReason::TooLarge(ArticleSize::Exactly(MAX_ARTICLE_BYTES as u64 + 2))
        );
        let text = build_entry(RawEntry {
            document: document(),
            content: Content::Text(long.into_bytes()),
        });
        assert_eq!(
            text.unwrap_err().path,
            PathBuf::from("/data/okaz/day.jsonl")
        );
    }
}
