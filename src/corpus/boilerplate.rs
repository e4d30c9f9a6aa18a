//! Site furniture in scraped articles: back-to-top buttons, comment forms, related-article
//! lists, donation appeals, share widgets, icon alt texts, section labels (DESIGN §3). The
//! line patterns come from `assets/boilerplate.toml`, compiled in and folded once; marked
//! paragraphs stay in the article, hidden from the reader and the index but shown in the
//! raw view. A pattern names furniture only, never a sentence: when in doubt a line stays
//! visible.

#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

use super::sources::fold::{Marks, fold_into};
use crate::article::Paragraph;

/// Punctuation ignored at either end of a line.
const EDGE_PUNCTUATION: &[char] = &[
    '.', ':', '،', ',', ';', '؛', '!', '؟', '?', '…', '-', '–', '—', '|', '*', '"', '\'', '«', '»',
    '“', '”', '‘', '’',
];

/// The layout of assets/boilerplate.toml.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BoilerplateFile {
    block_prose_min_words: usize,
    rule: Vec<RuleGroup>,
}

/// A `[[rule]]` table: one kind, several patterns.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleGroup {
    kind: Kind,
    #[serde(default)]
    max_words: Option<usize>,
    #[serde(default)]
    at_edges: bool,
    lines: Vec<String>,
}

/// How a pattern matches a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Exact,
    Prefix,
    Contains,
    TrailingBlock,
}

/// A folded pattern that applies to lines of at most `max_words` words.
#[derive(Debug)]
struct Bounded {
    pattern: String,
    max_words: usize,
}

/// Folded line patterns of the exact, prefix and contains kinds.
#[derive(Debug, Default)]
struct Rules {
    exact: HashSet<String>,
    /// Exact patterns with `#` digit-run wildcards.
    shapes: Vec<String>,
    prefixes: Vec<Bounded>,
    contains: Vec<Bounded>,
}

impl Rules {
    fn add(&mut self, kind: Kind, pattern: String, max_words: usize) {
        match kind {
            Kind::Exact if pattern.contains('#') => self.shapes.push(pattern),
            Kind::Exact | Kind::TrailingBlock => {
                self.exact.insert(pattern);
            }
            Kind::Prefix => self.prefixes.push(Bounded { pattern, max_words }),
            Kind::Contains => self.contains.push(Bounded { pattern, max_words }),
        }
    }

    /// Whether a line with this key and number of words matches. Only prefix rules are
    /// tried when `head_only`, the key being just the start of a long line.
    fn matches(&self, key: &str, words: usize, head_only: bool) -> bool {
        let prefix = || {
            self.prefixes.iter().any(|rule| {
                words <= rule.max_words
                    && key
                        .strip_prefix(rule.pattern.as_str())
                        .is_some_and(|rest| ends_at_boundary(&rule.pattern, rest))
            })
        };
        if head_only {
            return prefix();
        }
        self.exact.contains(key)
            || self.shapes.iter().any(|shape| fits_shape(key, shape))
            || prefix()
            || self.contains.iter().any(|rule| {
                words <= rule.max_words
                    && key.match_indices(rule.pattern.as_str()).any(|(at, _)| {
                        let before = key[..at].chars().next_back();
                        before.is_none_or(|c| !c.is_alphanumeric())
                            && ends_at_boundary(&rule.pattern, &key[at + rule.pattern.len()..])
                    })
            })
    }

    /// The most words a line matched by a whole-line rule can have.
    fn whole_line_max_words(&self) -> usize {
        let words = |pattern: &String| pattern.split(' ').count();
        let exact = self.exact.iter().chain(&self.shapes).map(words);
        let contains = self.contains.iter().map(|rule| rule.max_words);
        exact.chain(contains).max().unwrap_or(0)
    }

    /// The most words a line matched by a prefix rule can have, and the longest prefix.
    fn prefix_bounds(&self) -> (usize, usize) {
        let words = self.prefixes.iter().map(|rule| rule.max_words).max();
        let chars = self
            .prefixes
            .iter()
            .map(|rule| rule.pattern.chars().count())
            .max();
        (words.unwrap_or(0), chars.unwrap_or(0))
    }
}

/// Patterns from assets/boilerplate.toml.
#[derive(Debug)]
pub struct Boilerplate {
    /// Lines that start the trailing furniture.
    trailing_blocks: HashSet<String>,
    /// Furniture wherever it is.
    anywhere: Rules,
    /// Furniture only before or after everything else.
    at_edges: Rules,
    block_prose_min_words: usize,
    /// Lines longer than this are matched by prefix rules only.
    whole_line_max_words: usize,
    /// Lines longer than this match no rule.
    max_words: usize,
    /// How much of a long line's start the prefix rules need, in characters.
    head_chars: usize,
}

/// What the rules say of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Content,
    Furniture,
    /// Furniture that may start the trailing block.
    BlockStart,
    /// Furniture only among the first or last lines.
    AtEdges,
}

impl Boilerplate {
    /// Compiled in (include_str! + toml, parsed once; a test proves the file parses).
    pub fn embedded() -> &'static Boilerplate {
        static BOILERPLATE: OnceLock<Boilerplate> = OnceLock::new();
        BOILERPLATE.get_or_init(|| {
            Boilerplate::parse(include_str!("../../assets/boilerplate.toml"))
                .expect("assets/boilerplate.toml is valid (checked by a unit test)")
        })
    }

    /// Rules from the text of a boilerplate file.
    fn parse(text: &str) -> Result<Boilerplate, toml::de::Error> {
        let file: BoilerplateFile = toml::from_str(text)?;
        let mut trailing_blocks = HashSet::new();
        let mut anywhere = Rules::default();
        let mut at_edges = Rules::default();
        for group in file.rule {
            let max_words = group.max_words.unwrap_or(usize::MAX);
            for line in &group.lines {
                let pattern = line_key(line, &mut String::new()).to_owned();
                if pattern.is_empty() {
                    continue;
                }
                let rules = if group.at_edges {
                    &mut at_edges
                } else if group.kind == Kind::TrailingBlock {
                    trailing_blocks.insert(pattern);
                    continue;
                } else {
                    &mut anywhere
                };
                rules.add(group.kind, pattern, max_words);
            }
        }
        let whole_line_max_words = [&anywhere, &at_edges]
            .map(Rules::whole_line_max_words)
            .into_iter()
            .chain(trailing_blocks.iter().map(|p| p.split(' ').count()))
            .max()
            .unwrap_or(0);
        let (prefix_words, prefix_chars) = [&anywhere, &at_edges]
            .map(Rules::prefix_bounds)
            .into_iter()
            .fold((0, 0), |(w, c), (w2, c2)| (w.max(w2), c.max(c2)));
        Ok(Boilerplate {
            trailing_blocks,
            anywhere,
            at_edges,
            block_prose_min_words: file.block_prose_min_words,
            whole_line_max_words,
            max_words: whole_line_max_words.max(prefix_words),
            // Twice the longest prefix leaves room for the tashkeel and tatweel that
            // folding drops, and for the character after the prefix.
            head_chars: 2 * prefix_chars + 8,
        })
    }

    /// Sets `boilerplate` on the paragraphs that are site furniture (and leaves the flag of
    /// every other paragraph as it was).
    pub fn mark(&self, paragraphs: &mut [Paragraph]) {
        let cap = self.max_words.max(self.block_prose_min_words) + 1;
        let words: Vec<usize> = paragraphs
            .iter()
            .map(|p| p.text.split_whitespace().take(cap).count())
            .collect();
        let mut buffer = String::new();
        let verdicts: Vec<Verdict> = paragraphs
            .iter()
            .zip(&words)
            .map(|(p, &words)| self.verdict(&p.text, words, &mut buffer))
            .collect();
        // The first block start after which nothing is prose begins the trailing furniture.
        let block = (0..paragraphs.len())
            .filter(|&i| verdicts[i] == Verdict::BlockStart)
            .find(|&start| {
                (start + 1..paragraphs.len()).all(|i| {
                    matches!(verdicts[i], Verdict::Furniture | Verdict::BlockStart)
                        || words[i] < self.block_prose_min_words
                })
            })
            .unwrap_or(paragraphs.len());
        let mut hidden: Vec<bool> = (0..paragraphs.len())
            .map(|i| {
                i >= block
                    || paragraphs[i].boilerplate
                    || matches!(verdicts[i], Verdict::Furniture | Verdict::BlockStart)
            })
            .collect();
        // Edge furniture, before the first and after the last line that is not furniture.
        for i in 0..hidden.len() {
            if !hidden[i] && verdicts[i] != Verdict::AtEdges {
                break;
            }
            hidden[i] = true;
        }
        for i in (0..hidden.len()).rev() {
            if !hidden[i] && verdicts[i] != Verdict::AtEdges {
                break;
            }
            hidden[i] = true;
        }
        for (paragraph, hidden) in paragraphs.iter_mut().zip(hidden) {
            paragraph.boilerplate |= hidden;
        }
    }

    /// What the rules say of a line of `words` words (counted up to a cap).
    fn verdict(&self, text: &str, words: usize, buffer: &mut String) -> Verdict {
        if words == 0 || words > self.max_words {
            return Verdict::Content;
        }
        let head_only = words > self.whole_line_max_words;
        let key = if head_only {
            let end = text
                .char_indices()
                .nth(self.head_chars)
                .map_or(text.len(), |(i, _)| i);
            line_key(&text[..end], buffer)
        } else {
            line_key(text, buffer)
        };
        if !head_only && self.trailing_blocks.contains(key) {
            Verdict::BlockStart
        } else if self.anywhere.matches(key, words, head_only) {
            Verdict::Furniture
        } else if self.at_edges.matches(key, words, head_only) {
            Verdict::AtEdges
        } else {
            Verdict::Content
        }
    }
}

/// A line folded for matching, with the punctuation at its ends dropped; `buffer` holds it.
fn line_key<'b>(line: &str, buffer: &'b mut String) -> &'b str {
    fold_into(line, Marks::Keep, buffer);
    buffer.trim_matches(|c: char| c.is_whitespace() || EDGE_PUNCTUATION.contains(&c))
}

/// Whether a match followed by `rest` ends at a word boundary: the end, a space or
/// punctuation, or a switch from Latin to Arabic script (alt texts glued to a caption).
fn ends_at_boundary(pattern: &str, rest: &str) -> bool {
    let Some(next) = rest.chars().next() else {
        return true;
    };
    let script_change = pattern.ends_with(|c: char| c.is_ascii()) && !next.is_ascii();
    !next.is_alphanumeric() || script_change
}

/// Whether `key` is `shape` with each `#` standing for a run of ASCII digits.
fn fits_shape(key: &str, shape: &str) -> bool {
    let mut key = key.chars().peekable();
    for part in shape.chars() {
        if part == '#' {
            if !key.next().is_some_and(|c| c.is_ascii_digit()) {
                return false;
            }
            while key.next_if(char::is_ascii_digit).is_some() {}
        } else if key.next() != Some(part) {
            return false;
        }
    }
    key.next().is_none()
}
