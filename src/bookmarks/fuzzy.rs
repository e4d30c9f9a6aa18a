//! Strict approximate matching, the last resort of anchoring, for a passage whose words
//! were edited slightly (a typo fixed, a figure corrected). It accepts a place only when
//! all of these hold, so that a bookmark is orphaned rather than attached to other text:
//! - the passage is at least [`MIN_CHARS`] long (a short one changed is another one);
//! - the place differs from it by at most 15 % of its chars (Levenshtein distance);
//! - the context on *both* sides still agrees (at most 25 % of it edited), so that a
//!   similar sentence next to a deleted one is not taken for it;
//! - no other place meets the same conditions.

use std::ops::Range;

/// Shortest passage that may be matched approximately.
pub const MIN_CHARS: usize = 16;

/// Above this many cells (passage length × body length) the search is not tried: the
/// passage is orphaned rather than the reader stalled (a 2,000-char passage in a
/// 25,000-char article is still searched).
const MAX_CELLS: usize = 50_000_000;

/// A candidate place and its distance to the passage.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Candidate {
    range: Range<usize>,
    distance: usize,
}

/// The one place in `text` that is nearly `exact` with its context agreeing, if any.
pub(super) fn find(
    text: &[char],
    exact: &[char],
    prefix: &[char],
    suffix: &[char],
) -> Option<Range<usize>> {
    let m = exact.len();
    if m < MIN_CHARS || m.saturating_mul(text.len()) > MAX_CELLS {
        return None;
    }
    let max_edits = m * 15 / 100;
    let mut agreeing = regions(text, exact, max_edits)
        .into_iter()
        .filter(|c| context_agrees(text, &c.range, prefix, suffix));
    match (agreeing.next(), agreeing.next()) {
        (Some(only), None) => Some(only.range),
        _ => None,
    }
}

/// The best candidate of each separate region of `text` within `max_edits` of `exact`
/// (Sellers' algorithm: edit distance to any substring, remembering where it starts).
fn regions(text: &[char], exact: &[char], max_edits: usize) -> Vec<Candidate> {
    let m = exact.len();
    // Column j holds, for each prefix of `exact`, the least distance to a substring of
    // `text` ending at j, and where that substring starts.
    let mut dist: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut regions: Vec<Candidate> = Vec::new();
    for (j, &c) in text.iter().enumerate() {
        let (mut diag_dist, mut diag_start) = (dist[0], start[0]);
        dist[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let substitute = diag_dist + usize::from(exact[i - 1] != c);
            let skip_text = dist[i] + 1;
            let skip_exact = dist[i - 1] + 1;
            let (d, s) = if substitute <= skip_text && substitute <= skip_exact {
                (substitute, diag_start)
            } else if skip_text <= skip_exact {
                (skip_text, start[i])
            } else {
                (skip_exact, start[i - 1])
            };
            (diag_dist, diag_start) = (dist[i], start[i]);
            dist[i] = d;
            start[i] = s;
        }
        if dist[m] <= max_edits {
            let candidate = Candidate {
                range: start[m]..j + 1,
                distance: dist[m],
            };
            match regions.last_mut() {
                Some(last) if candidate.range.start < last.range.end => {
                    let better = (candidate.distance, candidate.range.len().abs_diff(m))
                        < (last.distance, last.range.len().abs_diff(m));
                    if better {
                        *last = candidate;
                    }
                }
                _ => regions.push(candidate),
            }
        }
    }
    regions
}

/// Whether the stored context on both sides still agrees with the text around `range`.
/// An empty stored side means the passage touched that end of the body, and still must.
fn context_agrees(text: &[char], range: &Range<usize>, prefix: &[char], suffix: &[char]) -> bool {
    let before = &text[range.start.saturating_sub(prefix.len())..range.start];
    let after = &text[range.end..(range.end + suffix.len()).min(text.len())];
    let agrees = |stored: &[char], found: &[char], at_edge: bool| {
        if stored.is_empty() {
            at_edge
        } else {
            levenshtein(stored, found) * 4 <= stored.len()
        }
    };
    agrees(prefix, before, range.start == 0) && agrees(suffix, after, range.end == text.len())
}

/// Edit distance between two short char strings.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars(""), &chars("abc")), 3);
        assert_eq!(levenshtein(&chars("قال"), &chars("قال")), 0);
    }

    #[test]
    fn regions_are_separate_and_their_best_place_is_kept() {
        let text = chars("xx the quick brown fox yy the quick brawn fox zz");
        let found = regions(&text, &chars("the quick brown fox"), 2);
        let ranges: Vec<_> = found
            .iter()
            .map(|c| (c.range.clone(), c.distance))
            .collect();
        assert_eq!(ranges, vec![(3..22, 0), (26..45, 1)]);
    }

    #[test]
    fn two_agreeing_places_are_ambiguous() {
        let text = chars("aaaa the quick brown fix bbbb aaaa the quick brown fax bbbb");
        let exact = chars("the quick brown fox");
        assert_eq!(find(&text, &exact, &chars("aaaa "), &chars(" bbbb")), None);
        let text = chars("aaaa the quick brown fix bbbb cccc the quick brown fax dddd");
        assert_eq!(
            find(&text, &exact, &chars("aaaa "), &chars(" bbbb")),
            Some(5..24)
        );
    }

    #[test]
    fn short_passages_and_huge_searches_are_not_tried() {
        let text = chars("aaaa the quick fix bbbb");
        assert_eq!(find(&text, &chars("the quick fox"), &[], &[]), None);
        // The same near match is found after 1,000 chars of filler, not after 600,000.
        let passage: String = "the quick brown fox jumps ".repeat(4);
        let edited = passage.replacen("fox", "fix", 1);
        for (filler, found) in [(1_000, true), (600_000, false)] {
            let text = chars(&("x".repeat(filler) + &edited));
            let result = find(&text, &chars(&passage), &chars("xxxx"), &[]);
            assert_eq!(result.is_some(), found, "{filler}");
        }
    }
}
