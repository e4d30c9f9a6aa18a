//! Building the word postings of a corpus, fast enough for 100k articles in a couple of
//! seconds on two cores.
//!
//! Three steps: each thread reads a contiguous share of the articles into a stream of
//! term numbers with its own dictionary (tokenizing is most of the work, and shares
//! nothing); the dictionaries are merged and sorted, and the streams renumbered to the
//! sorted terms; then two passes over the streams count and fill the flat [`Postings`],
//! so no term's list ever grows and moves.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::Progress;
use super::analyze::{Spelling, words};
use super::lexicon::TermStats;
use super::postings::{Postings, number_bytes};
use fill::fill_postings;

mod fill;
#[cfg(test)]
mod tests;
use crate::article::Article;

/// Positions in the text of consecutive paragraphs are this far apart, so that a phrase
/// never spans two paragraphs.
const PARAGRAPH_GAP: u32 = 8;

/// In a stream of term numbers, the end of a paragraph.
const PARAGRAPH_END: u32 = u32::MAX;

/// The words of a corpus: the sorted terms, their postings and each article's length.
pub(super) struct Words {
    pub(super) terms: Vec<String>,
    /// Per term, how it was written (numbered as `terms`).
    pub(super) stats: Vec<TermStats>,
    pub(super) postings: Postings,
    /// Word positions used by each article (words plus paragraph gaps), for BM25.
    pub(super) lengths: Vec<u32>,
}

/// The part of the build done once every article is read, and once the dictionaries
/// are merged (measured on 100k articles: reading is three quarters of the time).
const READ_SHARE: f32 = 0.75;
const MERGED_SHARE: f32 = 0.8;
const FILLED_SHARE: f32 = 0.95;

/// Indexes the titles and bodies (boilerplate left out) of `articles`.
pub(super) fn index_words(articles: &[Article], progress: &Progress) -> Words {
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let share = articles.len().div_ceil(threads.clamp(1, 8)).max(1);
    let read = ReadCount {
        articles: AtomicUsize::new(0),
        total: articles.len(),
        progress,
    };
    let mut shares: Vec<Share> = std::thread::scope(|scope| {
        let running: Vec<_> = articles
            .chunks(share)
            .map(|chunk| scope.spawn(|| Share::read(chunk, &read)))
            .collect();
        running
            .into_iter()
            .map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    });
    progress.report(READ_SHARE);
    let terms = merge_dictionaries(&mut shares);
    progress.report(MERGED_SHARE);
    let postings = fill_postings(&shares, terms.len());
    progress.report(FILLED_SHARE);
    let stats = term_stats(&shares, terms.len());
    let lengths = shares
        .iter()
        .flat_map(|s| s.lengths.iter().copied())
        .collect();
    Words {
        terms,
        stats,
        postings,
        lengths,
    }
}

/// Each term's occurrences, and its spelling marks summed over the shares.
fn term_stats(shares: &[Share], term_count: usize) -> Vec<TermStats> {
    let mut counts = vec![TermStats::default(); term_count];
    for share in shares {
        let marks = share
            .position_counts
            .iter()
            .zip(&share.hamza_counts)
            .zip(&share.tanween_counts)
            .zip(&share.maqsura_counts);
        for (total, (((&occurrences, &hamza), &tanween), &maqsura)) in counts.iter_mut().zip(marks)
        {
            total.occurrences += occurrences;
            total.hamza_initial += hamza;
            total.tanween_final += tanween;
            total.maqsura_final += maqsura;
        }
    }
    counts
}

/// Articles read so far by all threads, reported as progress through the reading share.
struct ReadCount<'p> {
    articles: AtomicUsize,
    total: usize,
    progress: &'p Progress<'p>,
}

impl ReadCount<'_> {
    /// Articles read between two reports.
    const EVERY: usize = 1024;

    fn add(&self, read: usize) {
        let read = self.articles.fetch_add(read, Ordering::Relaxed) + read;
        self.progress
            .report(READ_SHARE * read as f32 / self.total.max(1) as f32);
    }
}

/// A share of the articles read into term numbers of its own dictionary.
struct Share {
    /// Short term → its number and counts in this share.
    numbers: foldhash::HashMap<InlineTerm, Tally>,
    /// Terms too long for an [`InlineTerm`] → their numbers and counts.
    long_numbers: foldhash::HashMap<Box<str>, Tally>,
    /// Number → term.
    terms: Vec<Box<str>>,
    /// Per term number: articles holding it, and its positions.
    entry_counts: Vec<u32>,
    position_counts: Vec<u32>,
    /// Per term number: the bytes its positions take compressed (see [`Postings`]).
    position_bytes: Vec<u32>,
    /// Per term number: occurrences with each spelling mark.
    hamza_counts: Vec<u32>,
    tanween_counts: Vec<u32>,
    maqsura_counts: Vec<u32>,
    /// Every word's term number, in order, with [`PARAGRAPH_END`] after each paragraph.
    stream: Vec<u32>,
    /// Where each article's words end in `stream`.
    ends: Vec<usize>,
    lengths: Vec<u32>,
}

/// One term's number and counts in a share, while it is read.
#[derive(Clone, Copy)]
struct Tally {
    /// Its number in the share.
    number: u32,
    /// The last article it was seen in, to count each article once.
    last_doc: u32,
    /// Articles holding it.
    entries: u32,
    /// Its occurrences.
    positions: u32,
    /// Its last position in `last_doc`, and the bytes its positions take compressed.
    last_position: u32,
    position_bytes: u32,
    /// Its occurrences with a hamza on the first alef, with a final tanwin, and with a
    /// final alef maqsura.
    hamza: u32,
    tanween: u32,
    maqsura: u32,
}

/// Where a word is: its article and its position there.
#[derive(Clone, Copy)]
struct Place {
    doc: u32,
    position: u32,
}

/// A short term as a dictionary key, compared as three machine words in place: nearly
/// every word fits, and probing the dictionary then neither follows a pointer nor calls
/// `memcmp`, which made up a third of reading time. Normalized words hold no NUL, so the
/// zero padding is unambiguous.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct InlineTerm([u64; 3]);

impl InlineTerm {
    fn new(term: &str) -> Option<Self> {
        let bytes = term.as_bytes();
        let mut padded = [0u8; 24];
        padded.get_mut(..bytes.len())?.copy_from_slice(bytes);
        let word = |i: usize| u64::from_ne_bytes(padded[i * 8..i * 8 + 8].try_into().unwrap());
        Some(Self([word(0), word(1), word(2)]))
    }
}

impl Share {
    fn read(articles: &[Article], count: &ReadCount) -> Self {
        let mut share = Share {
            numbers: foldhash::HashMap::default(),
            long_numbers: foldhash::HashMap::default(),
            terms: Vec::new(),
            entry_counts: Vec::new(),
            position_counts: Vec::new(),
            position_bytes: Vec::new(),
            hamza_counts: Vec::new(),
            tanween_counts: Vec::new(),
            maqsura_counts: Vec::new(),
            stream: Vec::new(),
            ends: Vec::with_capacity(articles.len()),
            lengths: Vec::with_capacity(articles.len()),
        };
        for (doc, article) in articles.iter().enumerate() {
            let mut length = 0;
            let texts = std::iter::once(article.title.as_str()).chain(
                article
                    .paragraphs
                    .iter()
                    .filter(|p| !p.boilerplate)
                    .map(|p| p.text),
            );
            for text in texts {
                let mut found = words(text);
                while let Some(word) = found.next_word() {
                    let place = Place {
                        doc: doc as u32,
                        position: length,
                    };
                    let number = share.count(word.normalized, word.spelling, place);
                    share.stream.push(number);
                    length += 1;
                }
                share.stream.push(PARAGRAPH_END);
                length += PARAGRAPH_GAP;
            }
            share.ends.push(share.stream.len());
            share.lengths.push(length);
            if doc % ReadCount::EVERY == ReadCount::EVERY - 1 {
                count.add(ReadCount::EVERY);
            }
        }
        share.entry_counts = vec![0; share.terms.len()];
        share.position_counts = vec![0; share.terms.len()];
        share.position_bytes = vec![0; share.terms.len()];
        share.hamza_counts = vec![0; share.terms.len()];
        share.tanween_counts = vec![0; share.terms.len()];
        share.maqsura_counts = vec![0; share.terms.len()];
        for tally in share.numbers.values().chain(share.long_numbers.values()) {
            let number = tally.number as usize;
            share.entry_counts[number] = tally.entries;
            share.position_counts[number] = tally.positions;
            share.position_bytes[number] = tally.position_bytes;
            share.hamza_counts[number] = tally.hamza;
            share.tanween_counts[number] = tally.tanween;
            share.maqsura_counts[number] = tally.maqsura;
        }
        share.numbers = foldhash::HashMap::default();
        share.long_numbers = foldhash::HashMap::default();
        share
    }

    /// The number of `term`, given it if new, with the word counted at `place`.
    /// The counts live in the dictionary beside the number, so that the probe that finds
    /// the number has brought them into the cache too.
    fn count(&mut self, term: &str, spelling: Spelling, place: Place) -> u32 {
        let Place { doc, position } = place;
        let next = self.terms.len() as u32;
        let fresh = Tally {
            number: next,
            last_doc: u32::MAX,
            entries: 0,
            positions: 0,
            last_position: 0,
            position_bytes: 0,
            hamza: 0,
            tanween: 0,
            maqsura: 0,
        };
        let tally = match InlineTerm::new(term) {
            Some(key) => self.numbers.entry(key).or_insert(fresh),
            None => {
                if !self.long_numbers.contains_key(term) {
                    self.long_numbers.insert(term.into(), fresh);
                }
                self.long_numbers
                    .get_mut(term)
                    .unwrap_or_else(|| unreachable!())
            }
        };
        if tally.last_doc != doc {
            tally.last_doc = doc;
            tally.entries += 1;
            tally.last_position = 0;
        }
        tally.positions += 1;
        tally.position_bytes += number_bytes(position - tally.last_position);
        tally.last_position = position;
        tally.hamza += u32::from(spelling.hamza_initial);
        tally.tanween += u32::from(spelling.tanween_final);
        tally.maqsura += u32::from(spelling.maqsura_final);
        let number = tally.number;
        if number == next {
            self.terms.push(term.into());
        }
        number
    }
}

/// Sorts the terms of all shares into one dictionary and renumbers every share (its
/// stream and its counts) to it.
fn merge_dictionaries(shares: &mut [Share]) -> Vec<String> {
    let mut numbers: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
    let mut terms: Vec<&str> = Vec::new();
    // Each share's numbers in the merged dictionary, before sorting.
    let merged: Vec<Vec<u32>> = shares
        .iter()
        .map(|share| {
            share
                .terms
                .iter()
                .map(|term| {
                    *numbers.entry(term).or_insert_with(|| {
                        terms.push(term);
                        terms.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    drop(numbers);
    let mut order: Vec<u32> = (0..terms.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| terms[a as usize].cmp(terms[b as usize]));
    let mut rank = vec![0u32; terms.len()];
    for (r, &number) in order.iter().enumerate() {
        rank[number as usize] = r as u32;
    }
    let sorted: Vec<String> = order
        .iter()
        .map(|&number| terms[number as usize].to_owned())
        .collect();
    let term_count = sorted.len();
    std::thread::scope(|scope| {
        for (share, merged) in shares.iter_mut().zip(&merged) {
            let rank = &rank;
            scope.spawn(move || {
                let final_number: Vec<u32> = merged.iter().map(|&m| rank[m as usize]).collect();
                for number in &mut share.stream {
                    if *number != PARAGRAPH_END {
                        *number = final_number[*number as usize];
                    }
                }
                for counts in [
                    &mut share.entry_counts,
                    &mut share.position_counts,
                    &mut share.position_bytes,
                    &mut share.hamza_counts,
                    &mut share.tanween_counts,
                    &mut share.maqsura_counts,
                ] {
                    let mut renumbered = vec![0u32; term_count];
                    for (local, &count) in counts.iter().enumerate() {
                        renumbered[final_number[local] as usize] = count;
                    }
                    *counts = renumbered;
                }
                share.terms = Vec::new();
            });
        }
    });
    sorted
}
