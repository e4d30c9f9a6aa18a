//! Which prefixes have their articles precomputed, and those sets: the one- and
//! two-letter prefixes typed first, and longer prefixes whose terms are so many that
//! merging their postings on every key would be slow.

use std::collections::HashMap;

use super::Bitset;
use super::lexicon::Lexicon;
use super::postings::Postings;

/// Prefixes up to this many characters have their articles precomputed.
const SHORT_PREFIX: usize = 2;

/// A longer prefix whose terms have, in all, one and a half postings (an article holding
/// a term) per article has its articles precomputed too: merging that many postings on
/// a key press takes milliseconds (الم, والم, است), a precomputed set microseconds.
/// Relative to the articles, so that the number of such prefixes stays about the same
/// at any size (a few hundred at 100k articles, 12.5 KB each); never fewer postings
/// than [`MIN_HEAVY_POSTINGS`], which merge in well under a millisecond.
fn heavy_postings(articles: usize) -> usize {
    (articles * 3 / 2).max(MIN_HEAVY_POSTINGS)
}

const MIN_HEAVY_POSTINGS: usize = 20_000;

/// The articles for every one- and two-letter prefix and every heavy longer one: those
/// holding a form of any word with a form that starts with the prefix (see
/// [`Index::prefix_words`]). Each prefix's set is filled by one thread of a few,
/// prefixes dealt out in turn.
pub(super) fn sets(
    terms: &[String],
    lexicon: &Lexicon,
    postings: &Postings,
    count: usize,
) -> HashMap<String, Bitset> {
    let mut prefixes: Vec<&str> = heavy_prefixes(terms, postings, heavy_postings(count));
    for term in terms {
        for (n, (end, _)) in term
            .char_indices()
            .skip(1)
            .chain([(term.len(), ' ')])
            .enumerate()
        {
            if n >= SHORT_PREFIX {
                break;
            }
            prefixes.push(&term[..end]);
        }
    }
    prefixes.sort_unstable();
    prefixes.dedup();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, 8);
    let sets: Vec<Vec<(String, Bitset)>> = std::thread::scope(|scope| {
        let running: Vec<_> = (0..threads)
            .map(|thread| {
                let prefixes = &prefixes;
                scope.spawn(move || {
                    let mut words: Vec<u32> = Vec::new();
                    prefixes
                        .iter()
                        .skip(thread)
                        .step_by(threads)
                        .map(|&prefix| {
                            words.clear();
                            let range = range_in(terms, prefix);
                            words.extend(range.map(|t| lexicon.word_of(t as u32)));
                            words.sort_unstable();
                            words.dedup();
                            let mut set = Bitset::empty(count);
                            for &word in &words {
                                for &term in lexicon.forms(word) {
                                    for &doc in postings.docs(term) {
                                        set.insert(doc);
                                    }
                                }
                            }
                            (prefix.to_owned(), set)
                        })
                        .collect()
                })
            })
            .collect();
        running
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    sets.into_iter().flatten().collect()
}

/// The prefixes longer than [`SHORT_PREFIX`] whose terms have at least `threshold`
/// postings: terms sharing a prefix are neighbours in sorted order, and a prefix is
/// heavy only if the prefix one letter shorter is.
fn heavy_prefixes<'t>(terms: &'t [String], postings: &Postings, threshold: usize) -> Vec<&'t str> {
    let mut heavy: Vec<&str> = Vec::new();
    for letters in SHORT_PREFIX + 1.. {
        let found = heavy.len();
        let mut group: Option<(&str, usize)> = None;
        for (t, term) in terms.iter().enumerate() {
            let Some((end, _)) = term.char_indices().nth(letters) else {
                // Shorter terms, or exactly `letters` long: the whole term is the prefix.
                if term.chars().count() == letters {
                    let docs = postings.docs(t as u32).len();
                    group = flush(group, term, docs, threshold, &mut heavy);
                }
                continue;
            };
            let docs = postings.docs(t as u32).len();
            group = flush(group, &term[..end], docs, threshold, &mut heavy);
        }
        if let Some((prefix, total)) = group
            && total >= threshold
        {
            heavy.push(prefix);
        }
        if heavy.len() == found {
            break;
        }
    }
    heavy
}

/// Adds a term's `docs` postings to the running group of `prefix`; when the prefix
/// changes, keeps the finished group if it has `threshold` postings.
fn flush<'t>(
    group: Option<(&'t str, usize)>,
    prefix: &'t str,
    docs: usize,
    threshold: usize,
    heavy: &mut Vec<&'t str>,
) -> Option<(&'t str, usize)> {
    match group {
        Some((current, total)) if current == prefix => Some((current, total + docs)),
        Some((current, total)) => {
            if total >= threshold {
                heavy.push(current);
            }
            Some((prefix, docs))
        }
        None => Some((prefix, docs)),
    }
}

/// The terms of sorted `terms` that start with `prefix`.
pub(super) fn range_in(terms: &[String], prefix: &str) -> std::ops::Range<usize> {
    let start = terms.partition_point(|t| t.as_str() < prefix);
    let end = start + terms[start..].partition_point(|t| t.starts_with(prefix));
    start..end
}

#[cfg(test)]
mod tests;
