//! Answering a parsed query: each clause becomes a set of articles, the sets are
//! intersected, and the survivors come out newest first or best match first (BM25, with
//! the word as typed ranked above its stem relatives).

#[cfg(test)]
mod tests;

use std::ops::Range;

use super::matching::WordTerms;
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
    pub(super) fn check(&self) -> Result<(), SearchError> {
        match self.stop {
            Some(stop) if stop() => Err(SearchError::Stopped),
            _ => Ok(()),
        }
    }
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
                    let (set, words) = self.text_docs(text, *prefix, limits)?;
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
                    let (set, words) = self.text_docs(&words.join(" "), *prefix, limits)?;
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

    /// Where a query's words and phrases occur in `text`, as byte ranges in order, for
    /// painting matches in the reader. Excluded words are not highlighted.
    pub fn highlights(&self, query: &Query, text: &str) -> Vec<Range<usize>> {
        let mut ranges = Vec::new();
        for clause in &query.clauses {
            match clause {
                Clause::Word {
                    text: typed,
                    prefix,
                    negated: false,
                } => ranges.extend(self.text_spans(typed, *prefix, text)),
                Clause::Phrase {
                    words,
                    prefix,
                    negated: false,
                } => ranges.extend(self.text_spans(&words.join(" "), *prefix, text)),
                _ => {}
            }
        }
        ranges.sort_by_key(|r| r.start);
        ranges
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
