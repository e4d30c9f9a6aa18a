//! Answering a parsed query: each clause becomes a set of articles, the sets are
//! intersected, and the survivors come out newest first or best match first (BM25, with
//! the word as typed ranked above its stem relatives).

#[cfg(test)]
mod tests;

use std::ops::Range;

use super::analyze::{Token, stem_str, tokens};
use super::query::{Clause, DateRange, Query};
use super::{Bitset, Index, day_number};

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Newest first, undated last.
    #[default]
    Date,
    /// Best match first (BM25); ties newest first.
    Relevance,
}

/// A query the index cannot answer.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// The query uses `is:bookmarked` and the search was given no bookmarked articles:
    /// the bookmarks could not be read.
    #[error("is:bookmarked cannot be answered: the bookmarks could not be read")]
    BookmarksUnavailable,
    /// The caller's stop signal said the answer is no longer wanted.
    #[error("search stopped")]
    Stopped,
}

/// What a search may be told besides its query: when to give up, and which articles
/// have bookmarks.
#[derive(Clone, Copy, Default)]
pub struct SearchLimits<'a> {
    /// Asked now and then during a long search; when it says yes, the search stops with
    /// [`SearchError::Stopped`] (a newer query has superseded this one).
    pub stop: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// The articles, numbered as the index numbers them, that have at least one bookmark,
    /// for `is:bookmarked`. `None` when the bookmarks could not be read: a query that
    /// uses `is:bookmarked` then fails with [`SearchError::BookmarksUnavailable`].
    pub bookmarked: Option<&'a Bitset>,
}

impl SearchLimits<'_> {
    fn check(&self) -> Result<(), SearchError> {
        match self.stop {
            Some(stop) if stop() => Err(SearchError::Stopped),
            _ => Ok(()),
        }
    }
}

/// Articles (or terms) handled between two checks of the stop signal.
const CHECK_EVERY: usize = 4096;

/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much more the word exactly as typed counts than a relative with the same stem.
const EXACT_BOOST: f32 = 1.5;

/// What one word of a query stands for in the index.
struct WordTerms {
    /// Term numbers that match.
    terms: Vec<u32>,
    /// For a one- or two-letter prefix, its articles, precomputed.
    short_prefix: Option<Bitset>,
    /// The normalized word, to boost its exact occurrences.
    exact: Option<u32>,
}

impl Index {
    /// The articles that satisfy every clause, in the order asked for.
    pub fn search(&self, query: &Query, order: Order) -> Result<Vec<u32>, SearchError> {
        self.search_within(query, order, SearchLimits::default())
    }

    /// [`Index::search`], giving up when `limits` say so.
    pub fn search_within(
        &self,
        query: &Query,
        order: Order,
        limits: SearchLimits,
    ) -> Result<Vec<u32>, SearchError> {
        let count = self.len();
        let mut matched = Bitset::full(count);
        let mut scored_words: Vec<WordTerms> = Vec::new();
        for clause in &query.clauses {
            limits.check()?;
            let (set, negated) = match clause {
                Clause::Word {
                    text,
                    prefix,
                    negated,
                } => {
                    let words = self.words(text, *prefix);
                    let set = self.phrase_docs(&words, limits)?;
                    if !negated {
                        scored_words.extend(words);
                    }
                    (set, *negated)
                }
                Clause::Phrase {
                    words,
                    prefix,
                    negated,
                } => {
                    let text = words.join(" ");
                    let words = self.words(&text, *prefix);
                    let set = self.phrase_docs(&words, limits)?;
                    if !negated {
                        scored_words.extend(words);
                    }
                    (set, *negated)
                }
                Clause::Source { ids, negated } => {
                    let mut set = Bitset::empty(count);
                    for id in ids {
                        if let Some(docs) = self.sources.get(id) {
                            set.or(docs);
                        }
                    }
                    (set, *negated)
                }
                Clause::Date { range, negated } => (self.date_docs(range), *negated),
                Clause::Bookmarked { negated } => {
                    let bookmarked = limits.bookmarked.ok_or(SearchError::BookmarksUnavailable)?;
                    (bookmarked_docs(bookmarked, count), *negated)
                }
            };
            if negated {
                matched.and_not(&set);
            } else {
                matched.and(&set);
            }
        }
        let mut results: Vec<u32> = self
            .by_date
            .iter()
            .copied()
            .filter(|&doc| matched.contains(doc))
            .collect();
        if order == Order::Relevance && !scored_words.is_empty() {
            let scores = self.scores(&scored_words, &matched, limits)?;
            // Stable: equal scores stay newest first.
            results.sort_by(|a, b| scores[*b as usize].total_cmp(&scores[*a as usize]));
        }
        Ok(results)
    }

    /// The query words of `text` (one typed word can hold several, as in "سوريا،لبنان"),
    /// each with its matching terms; the last is a prefix when `prefix`.
    fn words(&self, text: &str, prefix: bool) -> Vec<WordTerms> {
        let found: Vec<Token> = tokens(text);
        let last = found.len().saturating_sub(1);
        found
            .iter()
            .enumerate()
            .map(|(i, token)| {
                let exact = self.term(&token.normalized).map(|t| t as u32);
                // A word matches every form with its stem; the word being typed also
                // matches every word it begins, so results never drop while typing.
                let mut terms = self
                    .stems
                    .get(stem_str(&token.normalized))
                    .cloned()
                    .unwrap_or_default();
                // Only a lone word: a phrase needs the terms themselves for positions.
                let short_prefix = (prefix && i == last && found.len() == 1)
                    .then(|| self.short_prefixes.get(&token.normalized))
                    .flatten();
                if let Some(set) = short_prefix {
                    // Every word it begins is in the precomputed set; only the stem
                    // relatives remain to be added, by `word_docs`.
                    return WordTerms {
                        terms,
                        short_prefix: Some(set.clone()),
                        exact,
                    };
                }
                if prefix && i == last {
                    terms.extend(self.prefix_range(&token.normalized).map(|t| t as u32));
                    terms.sort_unstable();
                    terms.dedup();
                }
                WordTerms {
                    terms,
                    short_prefix: None,
                    exact,
                }
            })
            .collect()
    }

    fn term_docs(&self, terms: &[u32], limits: SearchLimits) -> Result<Bitset, SearchError> {
        let mut set = Bitset::empty(self.len());
        let mut since_check = 0;
        for &term in terms {
            let docs = self.postings.docs(term);
            for &doc in docs {
                set.insert(doc);
            }
            since_check += docs.len() + 1;
            if since_check >= CHECK_EVERY {
                since_check = 0;
                limits.check()?;
            }
        }
        Ok(set)
    }

    /// The articles holding the word.
    fn word_docs(&self, word: &WordTerms, limits: SearchLimits) -> Result<Bitset, SearchError> {
        let mut set = self.term_docs(&word.terms, limits)?;
        if let Some(prefix) = &word.short_prefix {
            set.or(prefix);
        }
        Ok(set)
    }

    /// Articles holding the words one after the other (one word: holding it).
    fn phrase_docs(
        &self,
        words: &[WordTerms],
        limits: SearchLimits,
    ) -> Result<Bitset, SearchError> {
        let Some(first) = words.first() else {
            return Ok(Bitset::full(self.len()));
        };
        let mut candidates = self.word_docs(first, limits)?;
        for word in &words[1..] {
            candidates.and(&self.word_docs(word, limits)?);
        }
        if words.len() == 1 {
            return Ok(candidates);
        }
        let mut set = Bitset::empty(self.len());
        let mut since_check = 0;
        for doc in 0..self.len() as u32 {
            if candidates.contains(doc) {
                if self.adjacent(words, doc) {
                    set.insert(doc);
                }
                since_check += 1;
                if since_check >= CHECK_EVERY / 16 {
                    since_check = 0;
                    limits.check()?;
                }
            }
        }
        Ok(set)
    }

    /// Whether `doc` has the words at consecutive positions.
    fn adjacent(&self, words: &[WordTerms], doc: u32) -> bool {
        let positions: Vec<Vec<u32>> = words
            .iter()
            .map(|word| {
                let mut all: Vec<u32> = word
                    .terms
                    .iter()
                    .filter_map(|&t| {
                        let i = self.postings.docs(t).binary_search(&doc).ok()?;
                        Some(self.postings.positions(t, i).to_vec())
                    })
                    .flatten()
                    .collect();
                all.sort_unstable();
                all
            })
            .collect();
        positions[0].iter().any(|&start| {
            positions[1..]
                .iter()
                .enumerate()
                .all(|(i, list)| list.binary_search(&(start + i as u32 + 1)).is_ok())
        })
    }

    fn date_docs(&self, range: &DateRange) -> Bitset {
        let from = range.from.map(day_number);
        let to = range.to.map(day_number);
        let mut set = Bitset::empty(self.len());
        for (doc, day) in self.days.iter().enumerate() {
            if let Some(day) = *day
                && from.is_none_or(|f| day >= f)
                && to.is_none_or(|t| day <= t)
            {
                set.insert(doc as u32);
            }
        }
        set
    }

    /// BM25 of every matched article for the positive query words.
    fn scores(
        &self,
        words: &[WordTerms],
        matched: &Bitset,
        limits: SearchLimits,
    ) -> Result<Vec<f32>, SearchError> {
        let count = self.len() as f32;
        let mut scores = vec![0f32; self.len()];
        for word in words {
            let df = word
                .terms
                .iter()
                .map(|&t| self.postings.docs(t).len())
                .sum::<usize>()
                .min(self.len()) as f32;
            let idf = ((count - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &term in &word.terms {
                let boost = if Some(term) == word.exact {
                    EXACT_BOOST
                } else {
                    1.0
                };
                for (i, &doc) in self.postings.docs(term).iter().enumerate() {
                    if !matched.contains(doc) {
                        continue;
                    }
                    let tf = self.postings.positions(term, i).len() as f32;
                    let length = self.lengths[doc as usize] as f32 / self.average_length;
                    let saturation = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * length));
                    scores[doc as usize] += boost * idf * saturation;
                }
                limits.check()?;
            }
        }
        Ok(scores)
    }
}

/// The bookmarked set as a set of `count` articles: one built for another corpus may be
/// shorter or longer, and must neither panic nor match articles beyond its own.
fn bookmarked_docs(bookmarked: &Bitset, count: usize) -> Bitset {
    if bookmarked.capacity() == count {
        return bookmarked.clone();
    }
    let mut set = Bitset::empty(count);
    for doc in 0..count.min(bookmarked.capacity()) as u32 {
        if bookmarked.contains(doc) {
            set.insert(doc);
        }
    }
    set
}

/// Where a query's words and phrases occur in `text`, as byte ranges in order, for
/// painting matches in the reader. Excluded words are not highlighted.
pub fn highlights(query: &Query, text: &str) -> Vec<Range<usize>> {
    let found = tokens(text);
    let mut ranges = Vec::new();
    for clause in &query.clauses {
        let (typed, prefix) = match clause {
            Clause::Word {
                text,
                prefix,
                negated: false,
            } => (text.clone(), *prefix),
            Clause::Phrase {
                words,
                prefix,
                negated: false,
            } => (words.join(" "), *prefix),
            _ => continue,
        };
        let wanted: Vec<String> = tokens(&typed).into_iter().map(|t| t.normalized).collect();
        let Some(last) = wanted.len().checked_sub(1) else {
            continue;
        };
        let matches = |i: usize, token: &Token| {
            let same_stem = stem_str(&token.normalized) == stem_str(&wanted[i]);
            same_stem || (prefix && i == last && token.normalized.starts_with(&wanted[i]))
        };
        for start in 0..found.len() {
            let fits =
                found.len() - start > last && (0..=last).all(|i| matches(i, &found[start + i]));
            if fits {
                ranges.push(found[start].start..found[start + last].end);
            }
        }
    }
    ranges.sort_by_key(|r| r.start);
    ranges
}
