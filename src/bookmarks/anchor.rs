//! Finding a passage again in a body that may have changed since it was bookmarked: the
//! W3C Web Annotation TextQuote (`exact` with `prefix` and `suffix` context) and
//! TextPosition (`start`, `end`) selectors, tried in the order that cannot go wrong —
//! the words themselves, then the words near where they were, then, strictly, nearly the
//! same words in the same context — and otherwise orphaned, never attached to other text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::LogicalBody;
use super::fuzzy;

/// Chars of context kept on each side of a passage.
pub const CONTEXT_CHARS: usize = 32;

/// The passage's words and the words around it (W3C TextQuoteSelector).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The passage itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] chars just before it (fewer at the start of the body).
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars just after it (fewer at the end of the body).
    pub suffix: String,
}

/// Char offsets in the logical body, end exclusive (W3C TextPositionSelector).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// First char of the passage.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
}

impl Position {
    /// As a range.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Position {
    fn from(range: Range<usize>) -> Self {
        Self {
            start: range.start,
            end: range.end,
        }
    }
}

impl Quote {
    /// The quote of a char range of the body, or `None` when the range is empty, reversed
    /// or runs past the end.
    pub fn at(body: &LogicalBody, range: Range<usize>) -> Option<Self> {
        if range.is_empty() {
            return None;
        }
        let exact = body.slice(range.clone())?.to_owned();
        let prefix = body
            .slice(range.start.saturating_sub(CONTEXT_CHARS)..range.start)?
            .to_owned();
        let suffix_end = (range.end + CONTEXT_CHARS).min(body.char_len());
        let suffix = body.slice(range.end..suffix_end)?.to_owned();
        Some(Self {
            exact,
            prefix,
            suffix,
        })
    }
}

/// Where a passage is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// Found: these chars of the current body.
    Anchored {
        /// Char range in the current logical body.
        range: Range<usize>,
        /// How it was found.
        how: AnchorHow,
    },
    /// Not found with confidence: kept, shown as orphaned, never dropped.
    Orphaned,
}

/// How an anchored passage was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorHow {
    /// The same words at the same offsets.
    Unchanged,
    /// The same words elsewhere (text added or removed before them).
    Moved,
    /// Nearly the same words (a small edit inside the passage) in the same context.
    Edited,
}

/// Finds the passage `quote` (last seen at `position`) in `body`.
///
/// Every occurrence of the exact words is scored by how much of the stored context
/// surrounds it, ties going to the one nearest the old position. When the words no longer
/// occur, [`fuzzy`] matching may accept nearly the same words, only under strict
/// conditions (see there); otherwise the passage is orphaned.
pub fn anchor(body: &LogicalBody, quote: &Quote, position: Position) -> Anchor {
    let text: Vec<char> = body.text().chars().collect();
    let exact: Vec<char> = quote.exact.chars().collect();
    let prefix: Vec<char> = quote.prefix.chars().collect();
    let suffix: Vec<char> = quote.suffix.chars().collect();
    if exact.is_empty() {
        return Anchor::Orphaned;
    }
    let best = occurrences(&text, &exact).max_by_key(|&start| {
        let end = start + exact.len();
        let context = common_tail(&prefix, &text[..start]) + common_head(&suffix, &text[end..]);
        (context, std::cmp::Reverse(start.abs_diff(position.start)))
    });
    if let Some(start) = best {
        let range = start..start + exact.len();
        let how = if range == position.range() {
            AnchorHow::Unchanged
        } else {
            AnchorHow::Moved
        };
        return Anchor::Anchored { range, how };
    }
    match fuzzy::find(&text, &exact, &prefix, &suffix) {
        Some(range) => Anchor::Anchored {
            range,
            how: AnchorHow::Edited,
        },
        None => Anchor::Orphaned,
    }
}

/// Start of every occurrence of `needle` in `haystack`, overlapping ones included.
fn occurrences<'a>(haystack: &'a [char], needle: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    (0..=haystack.len().saturating_sub(needle.len()))
        .filter(move |&i| haystack.len() >= needle.len() && haystack[i..].starts_with(needle))
}

/// How many chars at the end of `context` also end `text`.
fn common_tail(context: &[char], text: &[char]) -> usize {
    context
        .iter()
        .rev()
        .zip(text.iter().rev())
        .take_while(|(a, b)| a == b)
        .count()
}

/// How many chars at the start of `context` also start `text`.
fn common_head(context: &[char], text: &[char]) -> usize {
    context.iter().zip(text).take_while(|(a, b)| a == b).count()
}

#[cfg(test)]
#[path = "anchor_tests.rs"]
mod tests;
