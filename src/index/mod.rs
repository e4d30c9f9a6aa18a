//! The in-memory search index behind the filter bar (DESIGN §4): normalized words with
//! their positions, grouped into words by the corpus's own evidence, a sorted term
//! dictionary for the prefix of the word being typed, a source facet, and the articles in
//! date order.
//!
//! - [`analyze`]: tokenizing and normalizing words.
//! - `lexicon`: which terms are forms of the same word.
//! - [`query`]: the filter language, parsed into a typed [`query::Query`].
//! - [`Index`]: built once from the articles; [`Index::search`] answers a query.
//!
//! Terms are the normalized spellings themselves (so the form as typed can rank above
//! the word's other forms); the lexicon maps each term to its word and each word to its
//! terms, so a word matches all its forms without a second copy of the postings.

pub mod analyze;
mod bitset;
mod build;
mod lexicon;
mod matching;
mod postings;
mod prefixes;
pub mod query;
mod search;

use std::collections::HashMap;

pub use bitset::Bitset;
pub use matching::Highlighter;
pub use search::{Order, SearchError, SearchLimits};

use crate::article::Article;
use lexicon::{Lexicon, TermStats, Vocabulary};
use postings::Postings;

/// The index of a set of articles, numbered in the order given.
#[derive(Debug)]
pub struct Index {
    /// Normalized words, sorted.
    terms: Vec<String>,
    postings: Postings,
    /// Per term, its counts: the evidence for analyzing query words.
    stats: Vec<TermStats>,
    /// Which terms are forms of one word.
    lexicon: Lexicon,
    /// Words per article, for BM25.
    lengths: Vec<u32>,
    average_length: f32,
    /// Outlet id → its articles.
    sources: HashMap<String, Bitset>,
    /// Article numbers, newest first, undated last (in the order given).
    by_date: Vec<u32>,
    /// Each article's day as days since 1970, for date filters.
    days: Vec<Option<i32>>,
    /// The articles holding a form of a word that has a form starting with each one- and
    /// two-letter prefix, and with each longer prefix whose terms are heavy: those expand
    /// to thousands of terms and millions of postings, too many to merge per key.
    prefix_sets: HashMap<String, Bitset>,
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

impl Index {
    /// Indexes the articles' titles and bodies (boilerplate left out).
    pub fn build(articles: &[Article]) -> Self {
        Self::build_with_progress(articles, &Progress::none())
    }

    /// [`Index::build`], telling `progress` how far it has got on the way.
    pub fn build_with_progress(articles: &[Article], progress: &Progress) -> Self {
        let build::Words {
            terms,
            stats,
            postings,
            lengths,
        } = build::index_words(articles, progress);
        let lexicon = Lexicon::build(&Vocabulary::hashed(&terms, &stats));
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
        let prefix_sets = prefixes::sets(&terms, &lexicon, &postings, count);
        Self {
            terms,
            postings,
            stats,
            lexicon,
            lengths,
            average_length,
            sources,
            by_date,
            days,
            prefix_sets,
        }
    }

    /// The bytes each part of the index holds on the heap (capacities, not lengths, and
    /// without the allocator's own overhead): what a benchmark reports, to show where
    /// memory goes.
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> Vec<(&'static str, usize)> {
        let strings = |v: &[String]| v.iter().map(|s| s.capacity() + 24).sum::<usize>();
        let bitsets = |m: &HashMap<String, Bitset>| {
            m.iter()
                .map(|(k, b)| k.capacity() + 24 + b.heap_bytes() + 32)
                .sum::<usize>()
        };
        vec![
            ("terms", strings(&self.terms)),
            ("postings: documents", self.postings.docs.capacity() * 4),
            (
                "postings: counts and starts",
                self.postings.term_starts.capacity() * 4
                    + self.postings.counts.capacity()
                    + self.postings.large_counts.capacity() * 8
                    + self.postings.block_starts.capacity() * 4,
            ),
            ("postings: positions", self.postings.positions.capacity()),
            (
                "term statistics",
                self.stats.capacity() * size_of::<TermStats>(),
            ),
            ("lexicon", self.lexicon.heap_bytes()),
            ("sources", bitsets(&self.sources)),
            ("prefix sets", bitsets(&self.prefix_sets)),
            (
                "per article",
                self.lengths.capacity() * 4
                    + self.by_date.capacity() * 4
                    + self.days.capacity() * 8,
            ),
        ]
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
        prefixes::range_in(&self.terms, prefix)
    }

    /// The word a normalized query word is a form of: the term's own word when the
    /// corpus has the term, else the word the same analysis names, if the corpus has it.
    fn word_of(&self, normalized: &str) -> Option<u32> {
        if let Some(term) = self.term(normalized) {
            return Some(self.lexicon.word_of(term as u32));
        }
        let vocabulary = Vocabulary::new(&self.terms, &self.stats);
        let name = lexicon::Analyzer::new(&vocabulary).word_name(normalized);
        self.lexicon.named(&name)
    }

    /// The words with a form that starts with `prefix` (normalized), ascending: what a
    /// word being typed stands for. Every word a longer prefix stands for is among them,
    /// so each added letter can only narrow the list.
    fn prefix_words(&self, prefix: &str) -> Vec<u32> {
        let mut words: Vec<u32> = self
            .prefix_range(prefix)
            .map(|t| self.lexicon.word_of(t as u32))
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// How many distinct words it knows.
    pub fn word_count(&self) -> usize {
        self.lexicon.len()
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
