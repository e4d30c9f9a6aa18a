//! The filter bar's language (DESIGN §4): filter text in, a typed [`Query`] out.
//!
//! A query is a tree. Space means AND; `a OR b` means either and binds tighter than the
//! spaces around it (`x a OR b y` is x AND (a OR b) AND y); `( … )` groups; a leading `-`
//! excludes a word, a phrase, a filter or a group. A word is anything between spaces and
//! parentheses, kept as typed (the index normalizes it); `word*` asks for every word it
//! begins; `"…"` is a phrase. `src:`, `date:` and `is:` are filters, resolved here so that
//! the index only sees outlet ids, day ranges and typed flags. Parentheses are syntax
//! everywhere outside quotes: they are punctuation, which no word can be searched for.
//! A `-` excludes only what starts right after it and is not another `-`: `--` and `--x`
//! are words, and a `-` alone is a lone punctuation mark.
//!
//! Two [`Mode`]s. [`Mode::Exact`] (`qari list -q`, a filter kept with Enter) means what is
//! written: only `word*` is a prefix, and an unclosed `(` or `"` is an error. In
//! [`Mode::Typing`] the text is still being typed, so what can be read as unfinished is
//! not an error: the word the cursor is at the end of (or the last word of an
//! unterminated phrase, with the cursor at its end) is a prefix; an unterminated quote or
//! an unclosed `(` is closed at the end of the text (a group or phrase with nothing in it
//! yet is left out); an `OR` with nothing after it but the end of the text waits for its
//! other side and is left out meanwhile; a `-` just typed excludes nothing yet. Whatever
//! typing more at the end could not mend is an error in both modes, with the byte range
//! to underline ([`QueryError`]): a `)` without its `(`, an `OR` with nothing before it, an
//! empty `()` or `""`, a filter that does not resolve.

mod dates;
mod filters;
mod lex;
mod parse;

#[cfg(test)]
mod filter_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tree_tests;

use std::ops::Range;

use jiff::civil::Date;

use crate::corpus::sources::Outlets;

/// How to read text that may still be being typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The filter bar is being edited and its cursor is at this byte offset: the word
    /// that ends there is a prefix, and unfinished text at the end is not an error.
    Typing {
        /// Byte offset of the cursor in the filter text.
        cursor: usize,
    },
    /// The text means exactly what is written.
    Exact,
}

/// A parsed filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// What an article must satisfy.
    pub expr: Expr,
}

/// A condition on an article, built from smaller ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// Every one holds (typed with spaces between); an empty list holds for every article.
    All(Vec<Expr>),
    /// At least one holds (`a OR b`); two or more.
    Any(Vec<Expr>),
    /// Does not hold (typed with a leading `-`).
    Not(Box<Expr>),
    /// A word, phrase or filter.
    Clause(Clause),
}

/// One condition, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// A word (as typed; one typed word can hold several, as in "سوريا،لبنان", which
    /// then must be adjacent). With nothing searchable in it (`--`, `…`) it matches no
    /// article.
    Word {
        /// The word as typed, punctuation and harakat included, without a `*` that asked
        /// for a prefix.
        text: String,
        /// Its own forms only, or every word it begins.
        matching: Match,
    },
    /// Adjacent words, in order.
    Phrase {
        /// The words between the quotes, as typed; never empty.
        words: Vec<String>,
        /// How the last word matches (the others match as words).
        last: Match,
    },
    /// One of these outlets.
    Source {
        /// Outlet ids, each once: for each name in the order typed, its outlets in the
        /// order of assets/sources.toml. Never empty.
        ids: Vec<String>,
    },
    /// A day within the range.
    Date {
        /// The days that match.
        range: DateRange,
    },
    /// Has a bookmark (`is:bookmarked`).
    Bookmarked,
    /// Has been read, or not (`is:read`, `is:unread`).
    Reading(Reading),
}

/// How a query word matches the words of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// The word's own forms.
    Word,
    /// The forms of every word it begins: typed as `word*`, or the word being typed.
    Prefix,
}

/// Which articles `is:read` and `is:unread` ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Opened in the reader, or marked read.
    Read,
    /// Never opened, or marked unread.
    Unread,
}

impl Query {
    /// Whether answering it needs to know which articles have bookmarks.
    pub fn uses_bookmarks(&self) -> bool {
        self.expr
            .any_clause(&mut |clause| matches!(clause, Clause::Bookmarked))
    }

    /// Whether answering it needs to know which articles have been read.
    pub fn uses_reading(&self) -> bool {
        self.expr
            .any_clause(&mut |clause| matches!(clause, Clause::Reading(_)))
    }

    /// The clauses under no `-`, in the order typed: the words among them are the ones
    /// that rank results and are highlighted (an excluded word is in no article shown,
    /// and a word under `-( … )` says what an article need not have).
    pub fn positive_clauses(&self) -> Vec<&Clause> {
        let mut found = Vec::new();
        self.expr.positive_clauses(&mut found);
        found
    }
}

impl Expr {
    fn any_clause(&self, wanted: &mut impl FnMut(&Clause) -> bool) -> bool {
        match self {
            Expr::All(items) | Expr::Any(items) => items.iter().any(|e| e.any_clause(wanted)),
            Expr::Not(inner) => inner.any_clause(wanted),
            Expr::Clause(clause) => wanted(clause),
        }
    }

    fn positive_clauses<'q>(&'q self, found: &mut Vec<&'q Clause>) {
        match self {
            Expr::All(items) | Expr::Any(items) => {
                for item in items {
                    item.positive_clauses(found);
                }
            }
            Expr::Not(_) => {}
            Expr::Clause(clause) => found.push(clause),
        }
    }
}

/// Inclusive range of days; an open end is None.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    /// The first day, or `None` for no limit.
    pub from: Option<Date>,
    /// The last day, or `None` for no limit.
    pub to: Option<Date>,
}

impl DateRange {
    /// Whether `day` is in the range, ends included.
    pub fn contains(&self, day: Date) -> bool {
        self.from.is_none_or(|from| from <= day) && self.to.is_none_or(|to| day <= to)
    }
}

/// Why a filter text cannot be used, with the byte range of the offending part (for the
/// bar to underline).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What is wrong, short, for the bar.
    pub message: String,
    /// The bytes of the filter text to underline; on character boundaries, never empty
    /// unless the text is.
    pub span: Range<usize>,
}

impl QueryError {
    fn new(message: impl Into<String>, span: Range<usize>) -> Self {
        Self {
            message: message.into(),
            span,
        }
    }
}

/// Parses a filter text read in `mode`. `today` anchors relative dates; `outlets` resolves
/// `src:`.
pub fn parse(text: &str, mode: Mode, today: Date, outlets: &Outlets) -> Result<Query, QueryError> {
    let tokens = lex::tokens(text);
    let context = parse::Context {
        mode,
        today,
        outlets,
    };
    let expr = parse::Parser::new(tokens, context).query()?;
    Ok(Query { expr })
}
