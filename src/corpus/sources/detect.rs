//! Which outlet a raw article's own text shows it comes from.
//!
//! Articles cite other outlets all the time ("بحسب وكالة «سانا»", "صحيفة الشرق الأوسط
//! نشرت"), quote their tweets, and credit their photos; none of that says who published
//! the article. What does is the site's own furniture around the prose: a donation appeal,
//! a footer, a closing link line, a dateline naming the site. So a signature phrase from
//! assets/sources.toml counts only
//! - as a whole line (weight 3), or a run of whole lines for a multi-line signature;
//! - inside a short line of the leading or trailing zone, the lines before the first and
//!   after the last prose paragraph (weight 2);
//! - for a signature of several words, near the start of the first paragraph or the end of
//!   the last one (weight 2);
//!
//! and never after a citation word in its line (قال، نقلت، بحسب، وكالة…). A URL on an
//! outlet's site in a short zone line counts too (weight 2). Embedded posts (tweets) are
//! skipped. Each line gives an outlet its best weight once; the outlet with the highest
//! total wins, and a tie gives no outlet.

use std::collections::HashSet;

use serde::Deserialize;

use super::fold::{Marks, fold, word_matches};
use super::{Outlet, Outlets};
use crate::article::Paragraph;

/// Weight of a signature that is a whole line.
const WHOLE_LINE: u32 = 3;
/// Weight of a signature inside a furniture line, at an edge of the text, or of a URL.
const IN_LINE: u32 = 2;

/// The `[detection]` table of assets/sources.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Settings {
    prose_min_words: usize,
    short_line_max_words: usize,
    edge_signature_min_words: usize,
    edge_words: usize,
    citation_words: Vec<String>,
    ignore_lines_containing: Vec<String>,
}

/// One signature, folded.
#[derive(Debug)]
struct Signature {
    /// The lines it spans, folded; most signatures have one.
    lines: Vec<String>,
    /// Words in its last line.
    words: usize,
    outlet: usize,
}

/// The settings and signatures, folded once.
#[derive(Debug)]
pub(super) struct Detector {
    prose_min_words: usize,
    short_line_max_words: usize,
    edge_signature_min_words: usize,
    edge_words: usize,
    citation_words: HashSet<String>,
    ignore_lines_containing: Vec<String>,
    signatures: Vec<Signature>,
    /// Words in the longest one-line signature.
    longest_signature: usize,
}

impl Detector {
    pub(super) fn new(settings: Settings, outlets: &[Outlet]) -> Detector {
        let signatures = outlets
            .iter()
            .enumerate()
            .flat_map(|(outlet, o)| o.signatures.iter().map(move |s| (outlet, s)))
            .map(|(outlet, signature)| {
                let lines: Vec<String> = signature
                    .lines()
                    .map(|line| fold(line, Marks::AsSpace))
                    .filter(|line| !line.is_empty())
                    .collect();
                let words = lines.last().map_or(0, |line| line.split(' ').count());
                Signature {
                    lines,
                    words,
                    outlet,
                }
            })
            .filter(|signature| signature.words > 0)
            .collect::<Vec<_>>();
        let longest_signature = signatures.iter().map(|s| s.words).max().unwrap_or(0);
        Detector {
            prose_min_words: settings.prose_min_words,
            short_line_max_words: settings.short_line_max_words,
            edge_signature_min_words: settings.edge_signature_min_words,
            edge_words: settings.edge_words,
            citation_words: settings
                .citation_words
                .iter()
                .map(|word| fold(word, Marks::AsSpace))
                .collect(),
            ignore_lines_containing: settings.ignore_lines_containing,
            signatures,
            longest_signature,
        }
    }

    /// Whether a line belongs to an embedded post (a tweet) rather than to the article.
    fn ignored(&self, text: &str) -> bool {
        self.ignore_lines_containing
            .iter()
            .any(|marker| text.contains(marker.as_str()))
    }

    /// Whether a word before a signature makes it a citation.
    fn cites(&self, before: &str, limit: usize) -> bool {
        before.split(' ').rev().take(limit).any(|word| {
            let bare = word
                .strip_prefix(['و', 'ف'])
                .filter(|rest| rest.chars().count() >= 2);
            self.citation_words.contains(word)
                || bare.is_some_and(|w| self.citation_words.contains(w))
        })
    }
}

/// Best weight per outlet within one line, then totals over the text.
#[derive(Default)]
struct Tally {
    line: Vec<(usize, u32)>,
    total: Vec<(usize, u32)>,
}

impl Tally {
    fn add(&mut self, outlet: usize, weight: u32) {
        match self.line.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, best)) => *best = (*best).max(weight),
            None => self.line.push((outlet, weight)),
        }
    }

    fn end_line(&mut self) {
        for (outlet, weight) in self.line.drain(..) {
            match self.total.iter_mut().find(|(o, _)| *o == outlet) {
                Some((_, total)) => *total += weight,
                None => self.total.push((outlet, weight)),
            }
        }
    }

    /// The outlet with the highest total, unless another has as much.
    fn winner(&self) -> Option<usize> {
        let best = self.total.iter().map(|(_, total)| *total).max()?;
        let mut leaders = self.total.iter().filter(|(_, total)| *total == best);
        match (leaders.next(), leaders.next()) {
            (Some((outlet, _)), None) => Some(*outlet),
            _ => None,
        }
    }
}

/// The outlet a raw article's own text shows it comes from (signature phrases, the site's
/// own boilerplate, its domain in a URL of the article's own, a closing "صحيفة الوطن"
/// line…). Outlets the article cites, quotes or credits are not its source.
pub fn source_from_text<'a>(paragraphs: &[Paragraph], outlets: &'a Outlets) -> Option<&'a Outlet> {
    let detector = &outlets.detector;
    // Word counts only need to reach the thresholds; ignored lines count as empty.
    let cap = detector.prose_min_words.max(detector.short_line_max_words) + 1;
    let words: Vec<usize> = paragraphs
        .iter()
        .map(|p| {
            let words = p.text.split_whitespace().take(cap).count();
            let short = words <= detector.short_line_max_words;
            if short && detector.ignored(&p.text) {
                0
            } else {
                words
            }
        })
        .collect();
    let prose = |i: &usize| !paragraphs[*i].boilerplate && words[*i] >= detector.prose_min_words;
    let first_prose = (0..paragraphs.len()).find(prose);
    let last_prose = (0..paragraphs.len()).rfind(prose);
    let in_zone = |i: usize| {
        paragraphs[i].boilerplate
            || first_prose.is_none_or(|first| i < first)
            || last_prose.is_none_or(|last| i > last)
    };
    let first_text = words.iter().position(|&n| n > 0);
    let last_text = words.iter().rposition(|&n| n > 0);

    let mut tally = Tally::default();
    // Folded short lines, for signatures that span several lines.
    let mut keys: Vec<Option<String>> = vec![None; paragraphs.len()];
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let text = paragraph.text.as_str();
        if words[i] == 0 {
            continue;
        }
        if words[i] <= detector.short_line_max_words {
            let key = fold(text, Marks::AsSpace);
            short_line(detector, &key, i, &keys, in_zone(i), &mut tally);
            if in_zone(i) {
                for outlet in urls(text).filter_map(|url| outlets.site_of(url)) {
                    tally.add(outlet, IN_LINE);
                }
            }
            keys[i] = Some(key);
        } else if (Some(i) == first_text || Some(i) == last_text) && !detector.ignored(text) {
            // Only the edges of the text are read, and only the words near them.
            let reach = detector.edge_words + detector.longest_signature;
            if Some(i) == first_text {
                edge(
                    detector,
                    &fold(first_words(text, reach), Marks::AsSpace),
                    Edge::Start,
                    &mut tally,
                );
            }
            if Some(i) == last_text {
                edge(
                    detector,
                    &fold(last_words(text, reach), Marks::AsSpace),
                    Edge::End,
                    &mut tally,
                );
            }
        }
        tally.end_line();
    }
    tally.winner().map(|index| &outlets.outlets[index])
}

/// Signatures in a short line: whole (or ending a run of whole lines), or inside it when
/// the line is furniture.
fn short_line(
    detector: &Detector,
    key: &str,
    i: usize,
    keys: &[Option<String>],
    in_zone: bool,
    tally: &mut Tally,
) {
    for signature in &detector.signatures {
        let (last, earlier) = signature
            .lines
            .split_last()
            .expect("signatures are not empty");
        let whole = key == last
            && i >= earlier.len()
            && earlier
                .iter()
                .zip(&keys[i - earlier.len()..i])
                .all(|(line, key)| key.as_deref() == Some(line.as_str()));
        if whole {
            tally.add(signature.outlet, WHOLE_LINE);
        } else if in_zone && earlier.is_empty() {
            let own = word_matches(key, last).any(|at| !detector.cites(&key[..at], usize::MAX));
            if own {
                tally.add(signature.outlet, IN_LINE);
            }
        }
    }
}

/// Which edge of the text a paragraph's words are read at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    /// The start of the first paragraph.
    Start,
    /// The end of the last paragraph.
    End,
}

/// Signatures of several words near the start of the first paragraph or the end of the
/// last, not after a citation word. `key` holds the folded words at that edge.
fn edge(detector: &Detector, key: &str, edge: Edge, tally: &mut Tally) {
    let long = detector
        .signatures
        .iter()
        .filter(|s| s.lines.len() == 1 && s.words >= detector.edge_signature_min_words);
    for signature in long {
        let needle = &signature.lines[0];
        let own = word_matches(key, needle).any(|at| {
            let before = &key[..at];
            let near = match edge {
                Edge::Start => before.split_whitespace().count() < detector.edge_words,
                Edge::End => {
                    key[at + needle.len()..].split_whitespace().count() <= detector.edge_words
                }
            };
            near && !detector.cites(before, 3)
        });
        if own {
            tally.add(signature.outlet, IN_LINE);
        }
    }
}

/// The start of `text` before its word number `n` (from 0), or all of it.
fn first_words(text: &str, n: usize) -> &str {
    match text.split_whitespace().nth(n) {
        Some(word) => &text[..offset_in(text, word)],
        None => text,
    }
}

/// The end of `text` after its word number `n` counted from the end (from 0), or all of it.
fn last_words(text: &str, n: usize) -> &str {
    match text.split_whitespace().rev().nth(n) {
        Some(word) => &text[offset_in(text, word) + word.len()..],
        None => text,
    }
}

/// The byte offset of `part`, a slice of `text`, within it.
fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// The URLs and bare `www.` hosts in a line, trimmed of surrounding punctuation.
fn urls(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric() && c != '/'))
        .filter(|token| {
            token.contains("://")
                || token
                    .get(..4)
                    .is_some_and(|www| www.eq_ignore_ascii_case("www."))
        })
}
