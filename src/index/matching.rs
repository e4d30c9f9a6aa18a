//! What a word or phrase of a query stands for in the index: its terms, the articles
//! that hold them (one after the other, for a phrase), where they occur in a text, and
//! how well an article matches them (BM25, the form as typed ranked first).

use std::ops::Range;

use super::analyze::{Token, tokens};
use super::query::{Clause, Match, Query};
use super::search::{SearchError, SearchLimits};
use super::{Bitset, Index};

/// Articles (or terms) handled between two checks of the stop signal.
const CHECK_EVERY: usize = 4096;

/// BM25 parameters (the usual ones).
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much more the word exactly as typed counts than another of its forms.
const EXACT_BOOST: f32 = 1.5;

/// What one word of a query stands for in the index.
pub(super) struct WordTerms {
    /// Term numbers that match.
    terms: Vec<u32>,
    /// For a one- or two-letter prefix, its articles, precomputed.
    prefix_set: Option<Bitset>,
    /// The normalized word, to boost its exact occurrences.
    exact: Option<u32>,
}

/// What one word of a query admits, as words of the lexicon.
enum Wanted {
    /// The word's own forms; `None` when the corpus has no form of it.
    One(Option<u32>),
    /// The forms of any of these words (ascending): the word being typed.
    Any(Vec<u32>),
}

impl Wanted {
    fn admits(&self, word: Option<u32>) -> bool {
        match (self, word) {
            (_, None) => false,
            (Wanted::One(wanted), found) => *wanted == found,
            (Wanted::Any(words), Some(word)) => words.binary_search(&word).is_ok(),
        }
    }
}

/// Where a query's words and phrases occur in texts, for painting matches: what each
/// positive word stands for is worked out once (a prefix can stand for thousands of
/// words), then each text is read once for all of them.
pub struct Highlighter<'i> {
    index: &'i Index,
    /// Each positive word or phrase of the query, as its words.
    clauses: Vec<Vec<Wanted>>,
}

impl Highlighter<'_> {
    /// Where the query's words and phrases occur in `text`, as byte ranges in order.
    /// Excluded words are not highlighted.
    pub fn spans(&self, text: &str) -> Vec<Range<usize>> {
        if self.clauses.is_empty() {
            return Vec::new();
        }
        let found: Vec<(Token, Option<u32>)> = tokens(text)
            .into_iter()
            .map(|token| {
                let word = self.index.word_of(&token.normalized);
                (token, word)
            })
            .collect();
        let mut ranges = Vec::new();
        for wanted in &self.clauses {
            let Some(last) = wanted.len().checked_sub(1) else {
                continue;
            };
            for start in 0..found.len() {
                let fits = found.len() - start > last
                    && (0..=last).all(|i| wanted[i].admits(found[start + i].1));
                if fits {
                    ranges.push(found[start].0.start..found[start + last].0.end);
                }
            }
        }
        ranges.sort_by_key(|r| r.start);
        ranges
    }
}

impl Index {
    /// A highlighter for `query`'s positive words and phrases.
    pub fn highlighter(&self, query: &Query) -> Highlighter<'_> {
        let clauses = query
            .positive_clauses()
            .into_iter()
            .filter_map(|clause| match clause {
                Clause::Word { text, matching } => {
                    Some(self.wanted(text, *matching == Match::Prefix))
                }
                Clause::Phrase { words, last } => {
                    Some(self.wanted(&words.join(" "), *last == Match::Prefix))
                }
                _ => None,
            })
            .collect();
        Highlighter {
            index: self,
            clauses,
        }
    }

    /// Where a query's words and phrases occur in `text` ([`Highlighter::spans`]; a
    /// highlighter made once serves many texts).
    pub fn highlights(&self, query: &Query, text: &str) -> Vec<Range<usize>> {
        self.highlighter(query).spans(text)
    }

    /// The articles holding the words of `text` one after the other (one word: holding
    /// it), the last word matched as a prefix when `prefix`; and the words, for scoring.
    pub(super) fn text_docs(
        &self,
        text: &str,
        prefix: bool,
        limits: SearchLimits,
    ) -> Result<(Bitset, Vec<WordTerms>), SearchError> {
        let words = self.words(text, prefix);
        let set = self.phrase_docs(&words, limits)?;
        Ok((set, words))
    }

    /// Whether a word of an article, normalized, is what the query word `typed` stands
    /// for (a word: one of its forms; `prefix`: a form of a word it begins). What a
    /// direct scan of article text needs to check the index's answers.
    pub fn matches_word(&self, typed: &str, prefix: bool, normalized: &str) -> bool {
        let wanted = self.wanted(typed, prefix);
        wanted.len() == 1 && wanted[0].admits(self.word_of(normalized))
    }

    /// The forms of the query word `typed` that the corpus has, each with how often it
    /// occurs, most common first: what a word matches, for reports and tests.
    pub fn word_forms(&self, typed: &str) -> Vec<(&str, u32)> {
        let mut forms: Vec<(&str, u32)> = self
            .words(typed, false)
            .iter()
            .flat_map(|word| word.terms.iter())
            .map(|&t| {
                (
                    self.terms[t as usize].as_str(),
                    self.stats[t as usize].occurrences,
                )
            })
            .collect();
        forms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        forms
    }

    /// The words of `typed`, each as the set of words of the lexicon it stands for.
    fn wanted(&self, typed: &str, prefix: bool) -> Vec<Wanted> {
        let found = tokens(typed);
        let last = found.len().saturating_sub(1);
        found
            .iter()
            .enumerate()
            .map(|(i, token)| {
                if prefix && i == last {
                    Wanted::Any(self.prefix_words(&token.normalized))
                } else {
                    Wanted::One(self.word_of(&token.normalized))
                }
            })
            .collect()
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
                if !(prefix && i == last) {
                    let terms = self
                        .word_of(&token.normalized)
                        .map(|word| self.lexicon.forms(word).to_vec())
                        .unwrap_or_default();
                    return WordTerms {
                        terms,
                        prefix_set: None,
                        exact,
                    };
                }
                // Only a lone word: a phrase needs the terms themselves for positions.
                if found.len() == 1
                    && let Some(set) = self.prefix_sets.get(&token.normalized)
                {
                    return WordTerms {
                        terms: Vec::new(),
                        prefix_set: Some(set.clone()),
                        exact,
                    };
                }
                let mut terms: Vec<u32> = self
                    .prefix_words(&token.normalized)
                    .into_iter()
                    .flat_map(|word| self.lexicon.forms(word).iter().copied())
                    .collect();
                terms.sort_unstable();
                WordTerms {
                    terms,
                    prefix_set: None,
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
        if let Some(prefix) = &word.prefix_set {
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
                        Some(self.postings.positions(t, i))
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

    /// BM25 of every matched article for the positive query words.
    pub(super) fn scores(
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
                    let tf = self.postings.count(term, i) as f32;
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
