//! Answering a parsed query: the tree is evaluated into a set of articles (AND
//! intersects, OR unites, `-` takes away), and the survivors come out newest first or
//! best match first (BM25 over the words under no `-`, the word as typed ranked above its
//! other forms).

#[cfg(test)]
mod tests;

use super::matching::WordTerms;
use super::query::{Clause, DateRange, Expr, Match, Query, Reading};
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
    /// The query uses `is:read` or `is:unread` and the search was given no read
    /// articles: the reading state could not be read.
    #[error("is:read and is:unread cannot be answered: the reading state could not be read")]
    ReadingUnavailable,
    /// The caller's stop signal said the answer is no longer wanted.
    #[error("search stopped")]
    Stopped,
}

/// What a search may be told besides its query: when to give up, which articles have
/// bookmarks and which have been read.
#[derive(Clone, Copy, Default)]
pub struct SearchLimits<'a> {
    /// Asked now and then during a long search; when it says yes, the search stops with
    /// [`SearchError::Stopped`] (a newer query has superseded this one).
    pub stop: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// The articles, numbered as the index numbers them, that have at least one bookmark,
    /// for `is:bookmarked`. `None` when the bookmarks could not be read: a query that
    /// uses `is:bookmarked` then fails with [`SearchError::BookmarksUnavailable`].
    pub bookmarked: Option<&'a Bitset>,
    /// The articles, numbered as the index numbers them, that have been read, for
    /// `is:read` and `is:unread`. `None` when the reading state could not be read: a
    /// query that uses either then fails with [`SearchError::ReadingUnavailable`].
    pub read: Option<&'a Bitset>,
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
    /// The articles that satisfy the query, in the order asked for.
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
        let mut scored_words: Vec<WordTerms> = Vec::new();
        let matched = self.expr_docs(&query.expr, Some(&mut scored_words), limits)?;
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

    /// The articles that satisfy `expr`. The words that rank results are added to
    /// `scored`, which is `None` under a `-`: an excluded word ranks nothing.
    fn expr_docs(
        &self,
        expr: &Expr,
        mut scored: Option<&mut Vec<WordTerms>>,
        limits: SearchLimits,
    ) -> Result<Bitset, SearchError> {
        limits.check()?;
        match expr {
            Expr::All(items) => {
                let mut set = Bitset::full(self.len());
                for item in items {
                    // Taking the excluded articles away spares building their complement.
                    match item {
                        Expr::Not(inner) => set.and_not(&self.expr_docs(inner, None, limits)?),
                        _ => set.and(&self.expr_docs(item, scored.as_deref_mut(), limits)?),
                    }
                }
                Ok(set)
            }
            Expr::Any(items) => {
                let mut set = Bitset::empty(self.len());
                for item in items {
                    set.or(&self.expr_docs(item, scored.as_deref_mut(), limits)?);
                }
                Ok(set)
            }
            Expr::Not(inner) => {
                let mut set = Bitset::full(self.len());
                set.and_not(&self.expr_docs(inner, None, limits)?);
                Ok(set)
            }
            Expr::Clause(clause) => self.clause_docs(clause, scored, limits),
        }
    }

    fn clause_docs(
        &self,
        clause: &Clause,
        scored: Option<&mut Vec<WordTerms>>,
        limits: SearchLimits,
    ) -> Result<Bitset, SearchError> {
        let count = self.len();
        match clause {
            Clause::Word { text, matching } => self.words_docs(text, *matching, scored, limits),
            Clause::Phrase { words, last } => {
                self.words_docs(&words.join(" "), *last, scored, limits)
            }
            Clause::Source { ids } => {
                let mut set = Bitset::empty(count);
                for id in ids {
                    if let Some(docs) = self.sources.get(id) {
                        set.or(docs);
                    }
                }
                Ok(set)
            }
            Clause::Date { range } => Ok(self.date_docs(range)),
            Clause::Bookmarked => {
                let bookmarked = limits.bookmarked.ok_or(SearchError::BookmarksUnavailable)?;
                Ok(resized(bookmarked, count))
            }
            Clause::Reading(reading) => {
                let read = resized(limits.read.ok_or(SearchError::ReadingUnavailable)?, count);
                Ok(match reading {
                    Reading::Read => read,
                    Reading::Unread => {
                        let mut unread = Bitset::full(count);
                        unread.and_not(&read);
                        unread
                    }
                })
            }
        }
    }

    /// The articles holding the words of `text` one after the other, the last matched
    /// as `last` says. Text with no word in it (`--`, `…`) is in no article: it must not
    /// vanish from the query and leave it matching everything.
    fn words_docs(
        &self,
        text: &str,
        last: Match,
        scored: Option<&mut Vec<WordTerms>>,
        limits: SearchLimits,
    ) -> Result<Bitset, SearchError> {
        let (set, words) = self.text_docs(text, last == Match::Prefix, limits)?;
        if words.is_empty() {
            return Ok(Bitset::empty(self.len()));
        }
        if let Some(scored) = scored {
            scored.extend(words);
        }
        Ok(set)
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
}

/// A caller's set (bookmarked, read) as a set of `count` articles: one built for another
/// corpus may be shorter or longer, and must neither panic nor match articles beyond its
/// own.
fn resized(given: &Bitset, count: usize) -> Bitset {
    if given.capacity() == count {
        return given.clone();
    }
    let mut set = Bitset::empty(count);
    for doc in 0..count.min(given.capacity()) as u32 {
        if given.contains(doc) {
            set.insert(doc);
        }
    }
    set
}
