//! The logical body of an article, the text every bookmark offset counts in: the clean
//! paragraphs (boilerplate left out) joined by a blank line, offsets in chars (Unicode
//! scalar values). It also maps those offsets to and from (paragraph, byte) positions in
//! the article's own paragraphs, which is what the reader's layout speaks — the one place
//! that knows which paragraphs the logical body leaves out — and hashes the text to
//! re-find a moved file.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::article::Article;

/// What stands between two paragraphs of the logical body.
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// A place inside one paragraph of the logical body: the paragraph's index among all of
/// the article's paragraphs (`article.paragraphs`, boilerplate included) and a byte
/// offset into its text (on a char boundary; the paragraph's length means its end).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParaOffset {
    /// Index among the article's paragraphs.
    pub paragraph: usize,
    /// Byte offset in that paragraph's text.
    pub byte: usize,
}

/// Where a char offset of the logical body is, as the reader shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyPlace {
    /// In (or at either end of) a paragraph's text.
    Text(ParaOffset),
    /// In the break between two paragraphs: before the article's paragraph `paragraph`.
    BreakBefore {
        /// The paragraph after the break.
        paragraph: usize,
    },
}

/// Where one paragraph sits in the logical body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    /// Its index among the article's paragraphs.
    paragraph: usize,
    byte_start: usize,
    char_start: usize,
    byte_len: usize,
    char_len: usize,
}

/// An article's logical body with its paragraph map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogicalBody {
    text: String,
    spans: Vec<Span>,
    char_len: usize,
}

impl LogicalBody {
    /// The logical body of an article: its clean paragraphs.
    pub fn of(article: &Article) -> Self {
        // The paragraphs of `article.body(BodyView::Clean)`, with their numbers.
        let clean = article
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.boilerplate)
            .map(|(i, p)| (i, p.text));
        Self::from_numbered(clean)
    }

    /// The logical body of these paragraphs, in order, numbered from 0.
    pub fn from_paragraphs<P: AsRef<str>>(paragraphs: &[P]) -> Self {
        Self::from_numbered(paragraphs.iter().map(AsRef::as_ref).enumerate())
    }

    /// The logical body of paragraphs given with their numbers in the article.
    fn from_numbered<'a>(paragraphs: impl Iterator<Item = (usize, &'a str)>) -> Self {
        let mut text = String::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut char_start = 0;
        for (number, paragraph) in paragraphs {
            if !spans.is_empty() {
                text.push_str(PARAGRAPH_SEPARATOR);
                char_start += PARAGRAPH_SEPARATOR.chars().count();
            }
            let char_len = paragraph.chars().count();
            spans.push(Span {
                paragraph: number,
                byte_start: text.len(),
                char_start,
                byte_len: paragraph.len(),
                char_len,
            });
            text.push_str(paragraph);
            char_start += char_len;
        }
        Self {
            text,
            spans,
            char_len: char_start,
        }
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its length in chars.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// How many paragraphs it has.
    pub fn paragraph_count(&self) -> usize {
        self.spans.len()
    }

    /// The text of a char range, or `None` when the range is reversed or runs past the end.
    pub fn slice(&self, chars: Range<usize>) -> Option<&str> {
        if chars.start > chars.end || chars.end > self.char_len {
            return None;
        }
        let start = self.byte_of_char(chars.start);
        let end = self.byte_of_char(chars.end);
        Some(&self.text[start..end])
    }

    /// The char offset of a place in a paragraph, or `None` when the logical body has
    /// no such paragraph (boilerplate, or past the end) or the byte is past its end or
    /// inside a char.
    pub fn char_offset(&self, at: ParaOffset) -> Option<usize> {
        let span = &self.spans[self.span_of(at.paragraph)?];
        let paragraph = &self.text[span.byte_start..span.byte_start + span.byte_len];
        if !paragraph.is_char_boundary(at.byte) {
            return None;
        }
        Some(span.char_start + paragraph[..at.byte].chars().count())
    }

    /// The paragraph place of a char offset. An offset inside a paragraph separator maps
    /// to the end of the paragraph before it; one past the end, to the end of the last
    /// paragraph. `None` when the body is empty or the offset is past its end.
    pub fn para_offset(&self, char: usize) -> Option<ParaOffset> {
        if char > self.char_len || self.spans.is_empty() {
            return None;
        }
        // The last paragraph starting at or before `char`.
        let paragraph = self
            .spans
            .partition_point(|span| span.char_start <= char)
            .saturating_sub(1);
        let span = self.spans[paragraph];
        let within = (char - span.char_start).min(span.char_len);
        let text = &self.text[span.byte_start..span.byte_start + span.byte_len];
        let byte = text
            .char_indices()
            .nth(within)
            .map_or(span.byte_len, |(byte, _)| byte);
        Some(ParaOffset {
            paragraph: span.paragraph,
            byte,
        })
    }

    /// Where a char offset is for the reader: in a paragraph's text, or in the break
    /// between two (shown as the blank line before the next one). `None` when the body
    /// is empty or the offset is past its end.
    pub fn place(&self, char: usize) -> Option<BodyPlace> {
        let at = self.para_offset(char)?;
        if self.char_offset(at) == Some(char) {
            return Some(BodyPlace::Text(at));
        }
        let next = self.spans.get(self.span_of(at.paragraph)? + 1)?;
        Some(BodyPlace::BreakBefore {
            paragraph: next.paragraph,
        })
    }

    /// Which span holds the article's paragraph `paragraph`.
    fn span_of(&self, paragraph: usize) -> Option<usize> {
        self.spans
            .binary_search_by_key(&paragraph, |span| span.paragraph)
            .ok()
    }

    /// The parts of a char range that fall in each paragraph, as the article's paragraph
    /// and byte ranges in its text, in order: what the reader paints. Separators are left
    /// out, and so are empty parts.
    pub fn paragraph_parts(&self, chars: Range<usize>) -> Vec<(usize, Range<usize>)> {
        let end = chars.end.min(self.char_len);
        let mut parts = Vec::new();
        for span in &self.spans {
            let from = chars.start.max(span.char_start);
            let to = end.min(span.char_start + span.char_len);
            if from >= to {
                continue;
            }
            let text = &self.text[span.byte_start..span.byte_start + span.byte_len];
            let byte = |char: usize| {
                text.char_indices()
                    .nth(char - span.char_start)
                    .map_or(span.byte_len, |(byte, _)| byte)
            };
            parts.push((span.paragraph, byte(from)..byte(to)));
        }
        parts
    }

    /// The content hash of the text (SHA-256), to re-find an article whose id changed.
    pub fn hash(&self) -> ArticleHash {
        let digest = Sha256::digest(self.text.as_bytes());
        let mut hex = String::with_capacity(7 + 64);
        hex.push_str("sha256:");
        for byte in digest {
            hex.push_str(&format!("{byte:02x}"));
        }
        ArticleHash(hex)
    }

    fn byte_of_char(&self, char: usize) -> usize {
        self.text
            .char_indices()
            .nth(char)
            .map_or(self.text.len(), |(byte, _)| byte)
    }
}

/// The content hash of a logical body, written `sha256:` and 64 hex digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleHash(String);

impl ArticleHash {
    /// The hash as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> LogicalBody {
        LogicalBody::from_paragraphs(&["قال الوزير", "ab", "ثم"])
    }

    #[test]
    fn paragraphs_are_joined_by_a_blank_line_and_counted_in_chars() {
        let body = body();
        assert_eq!(body.text(), "قال الوزير\n\nab\n\nثم");
        assert_eq!(body.char_len(), 10 + 2 + 2 + 2 + 2);
        assert_eq!(body.slice(4..10), Some("الوزير"));
        assert_eq!(body.slice(12..14), Some("ab"));
        assert_eq!(body.slice(16..19), None);
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 3..2;
        assert_eq!(body.slice(reversed), None);
    }

    #[test]
    fn places_map_both_ways() {
        let body = body();
        for char in 0..=body.char_len() {
            let at = body.para_offset(char).unwrap();
            let back = body.char_offset(at).unwrap();
            let in_separator = (10..12).contains(&char) || (14..16).contains(&char);
            if in_separator {
                assert_eq!(at.byte, body.spans[at.paragraph].byte_len, "{char}");
            } else {
                assert_eq!(back, char, "{char} → {at:?}");
            }
        }
        assert_eq!(
            body.para_offset(4),
            Some(ParaOffset {
                paragraph: 0,
                byte: "قال ".len()
            })
        );
        assert_eq!(
            body.char_offset(ParaOffset {
                paragraph: 0,
                byte: 1
            }),
            None
        );
        assert_eq!(
            body.char_offset(ParaOffset {
                paragraph: 3,
                byte: 0
            }),
            None
        );
        assert_eq!(body.para_offset(body.char_len() + 1), None);
        assert_eq!(
            LogicalBody::from_paragraphs::<&str>(&[]).para_offset(0),
            None
        );
    }

    #[test]
    fn a_range_across_paragraphs_splits_into_parts() {
        let parts = body().paragraph_parts(4..17);
        assert_eq!(
            parts,
            vec![
                (0, "قال ".len().."قال الوزير".len()),
                (1, 0..2),
                (2, 0.."ث".len()),
            ]
        );
    }

    #[test]
    fn places_are_in_the_articles_own_paragraphs_with_boilerplate_left_out() {
        // The article's paragraph 1 is boilerplate: the logical body skips it.
        let body = LogicalBody::from_numbered([(0, "قال"), (2, "ab"), (3, "ثم")].into_iter());
        assert_eq!(body.text(), "قال\n\nab\n\nثم");
        let at = |paragraph, byte| ParaOffset { paragraph, byte };
        assert_eq!(body.char_offset(at(2, 1)), Some(3 + 2 + 1));
        assert_eq!(
            body.char_offset(at(1, 0)),
            None,
            "boilerplate has no offset"
        );
        assert_eq!(body.para_offset(6), Some(at(2, 1)));
        assert_eq!(body.place(6), Some(BodyPlace::Text(at(2, 1))));
        // Inside the break after قال: the blank line before paragraph 2.
        assert_eq!(body.place(4), Some(BodyPlace::BreakBefore { paragraph: 2 }));
        assert_eq!(body.place(3), Some(BodyPlace::Text(at(0, "قال".len()))));
        assert_eq!(body.place(body.char_len() + 1), None);
        assert_eq!(
            body.paragraph_parts(2..10),
            vec![(0, "قا".len().."قال".len()), (2, 0..2), (3, 0.."ث".len())]
        );
    }

    #[test]
    fn the_hash_follows_the_text() {
        assert_eq!(body().hash(), body().hash());
        assert_ne!(
            body().hash(),
            LogicalBody::from_paragraphs(&["قال الوزير", "ab"]).hash()
        );
        assert!(body().hash().as_str().starts_with("sha256:"));
        assert_eq!(body().hash().as_str().len(), 7 + 64);
    }
}
