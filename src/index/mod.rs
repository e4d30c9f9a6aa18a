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
pub mod query;
mod search;

use std::collections::HashMap;

pub use bitset::Bitset;
pub use search::{Order, SearchError, highlights};

use crate::article::Article;
use analyze::{stem, words};

/// Where one term occurs: the articles (ascending) and, for each, its positions.
#[derive(Debug, Default)]
struct Postings {
    docs: Vec<u32>,
    /// `positions[starts[i]..starts[i + 1]]` are the positions in `docs[i]`.
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl Postings {
    fn push(&mut self, doc: u32, position: u32) {
        if self.docs.last() != Some(&doc) {
            self.docs.push(doc);
            self.starts.push(self.positions.len() as u32);
        }
        self.positions.push(position);
    }

    fn positions_in(&self, i: usize) -> &[u32] {
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.positions.len(), |&e| e as usize);
        &self.positions[start..end]
    }
}

/// The index of a set of articles, numbered in the order given.
#[derive(Debug)]
pub struct Index {
    /// Normalized words, sorted.
    terms: Vec<String>,
    postings: Vec<Postings>,
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

/// Prefixes up to this many characters have their articles precomputed.
const SHORT_PREFIX: usize = 2;

/// Positions in the text of consecutive paragraphs are this far apart, so that a phrase
/// never spans two paragraphs.
const PARAGRAPH_GAP: u32 = 8;

impl Index {
    /// Indexes the articles' titles and bodies (boilerplate left out).
    pub fn build(articles: &[Article]) -> Self {
        let mut builders: HashMap<String, Postings> = HashMap::new();
        let mut lengths = Vec::with_capacity(articles.len());
        for (doc, article) in articles.iter().enumerate() {
            let doc = doc as u32;
            let mut position = 0u32;
            let texts = std::iter::once(article.title.as_str()).chain(
                article
                    .paragraphs
                    .iter()
                    .filter(|p| !p.boilerplate)
                    .map(|p| p.text.as_str()),
            );
            for text in texts {
                // Lent words: a term allocates only the first time it is seen.
                let mut found = words(text);
                while let Some(word) = found.next_word() {
                    match builders.get_mut(word.normalized) {
                        Some(postings) => postings.push(doc, position),
                        None => {
                            let mut postings = Postings::default();
                            postings.push(doc, position);
                            builders.insert(word.normalized.to_owned(), postings);
                        }
                    }
                    position += 1;
                }
                position += PARAGRAPH_GAP;
            }
            lengths.push(position);
        }
        let mut entries: Vec<(String, Postings)> = builders.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings): (Vec<String>, Vec<Postings>) = entries.into_iter().unzip();
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
        for (term, postings) in terms.iter().zip(&postings) {
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
                for &doc in &postings.docs {
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
