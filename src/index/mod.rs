//! The in-memory search index behind the filter bar (DESIGN §4): normalized words with
//! their positions, grouped by light stem, a sorted term dictionary for the prefix of the
//! word being typed, a source facet, and the articles in date order.
//!
//! - [`analyze`]: tokenizing, normalizing and stemming words.
//! - [`query`]: the filter language, parsed into a typed [`query::Query`].
//! - [`Index`]: built once from the articles; [`Index::search`] answers a query.
//!
//! Terms are the normalized words themselves (so an exact word can rank above its stem
//! relatives); a stem maps to the terms that share it, so a word matches every form with
//! its stem without a second copy of the postings.

pub mod analyze;
mod bitset;
mod build;
mod matching;
mod postings;
pub mod query;
mod search;

use std::collections::HashMap;

pub use bitset::Bitset;
pub use search::{Order, SearchError, SearchLimits};

use crate::article::Article;
use analyze::stem;
use postings::Postings;

/// The index of a set of articles, numbered in the order given.
#[derive(Debug)]
pub struct Index {
    /// Normalized words, sorted.
    terms: Vec<String>,
    postings: Postings,
    /// Stem → the terms (indices into `terms`) with that stem.
    stems: HashMap<String, Vec<u32>>,
    /// Words per article, for BM25.
    lengths: Vec<u32>,
    average_length: f32,
    /// Outlet id → its articles.
    sources: HashMap<String, Bitset>,
    /// Article numbers, newest first, undated last (in the order given).
    by_date: Vec<u32>,
    /// Each article's day as days since 1970, for date filters.
    days: Vec<Option<i32>>,
    /// The articles holding a word that starts with each one- and two-letter prefix:
    /// the first keys typed expand to thousands of terms, too many to merge per key.
    short_prefixes: HashMap<String, Bitset>,
}

/// Where a build tells how far it has got: a fraction from 0 to 1, reported from the
/// building threads now and then (about a hundred times for 100k articles). Reports of
/// two threads may arrive out of order: a display keeps the largest.
pub struct Progress<'f> {
    report: Option<&'f (dyn Fn(f32) + Sync)>,
}

impl<'f> Progress<'f> {
    /// Reports to `report`.
    pub fn new(report: &'f (dyn Fn(f32) + Sync)) -> Self {
        Self {
            report: Some(report),
        }
    }

    /// Reports to nobody.
    pub fn none() -> Self {
        Self { report: None }
    }

    fn report(&self, done: f32) {
        if let Some(report) = self.report {
            report(done.clamp(0.0, 1.0));
        }
    }
}

/// Prefixes up to this many characters have their articles precomputed.
const SHORT_PREFIX: usize = 2;

impl Index {
    /// Indexes the articles' titles and bodies (boilerplate left out).
    pub fn build(articles: &[Article]) -> Self {
        Self::build_with_progress(articles, &Progress::none())
    }

    /// [`Index::build`], telling `progress` how far it has got on the way.
    pub fn build_with_progress(articles: &[Article], progress: &Progress) -> Self {
        let build::Words {
            terms,
            postings,
            lengths,
        } = build::index_words(articles, progress);
        let mut stems: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, term) in terms.iter().enumerate() {
            stems.entry(stem(term)).or_default().push(i as u32);
        }
        let count = articles.len();
        let mut sources: HashMap<String, Bitset> = HashMap::new();
        for (doc, article) in articles.iter().enumerate() {
            if let Some(source) = &article.source {
                sources
                    .entry(source.id.clone())
                    .or_insert_with(|| Bitset::empty(count))
                    .insert(doc as u32);
            }
        }
        let days: Vec<Option<i32>> = articles
            .iter()
            .map(|a| a.date.date.map(day_number))
            .collect();
        let mut by_date: Vec<u32> = (0..count as u32).collect();
        by_date.sort_by_key(|&doc| std::cmp::Reverse(days[doc as usize]));
        let average_length = lengths.iter().map(|&l| l as f32).sum::<f32>() / count.max(1) as f32;
        let mut short_prefixes: HashMap<String, Bitset> = HashMap::new();
        for (number, term) in terms.iter().enumerate() {
            for (n, (end, _)) in term
                .char_indices()
                .skip(1)
                .chain([(term.len(), ' ')])
                .enumerate()
            {
                if n >= SHORT_PREFIX {
                    break;
                }
                let set = short_prefixes
                    .entry(term[..end].to_owned())
                    .or_insert_with(|| Bitset::empty(count));
                for &doc in postings.docs(number as u32) {
                    set.insert(doc);
                }
            }
        }
        Self {
            terms,
            postings,
            stems,
            lengths,
            average_length,
            sources,
            by_date,
            days,
            short_prefixes,
        }
    }

    /// How many articles the index holds.
    pub fn len(&self) -> usize {
        self.lengths.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.lengths.is_empty()
    }

    /// How many distinct normalized words it knows.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The terms that start with `prefix` (a normalized prefix), as a range of `terms`.
    fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let end = start + self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start..end
    }

    fn term(&self, normalized: &str) -> Option<usize> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(normalized))
            .ok()
    }
}

/// Days since 1970-01-01.
fn day_number(date: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1970, 1, 1);
    (date - epoch).get_days()
}
