//! The filter bar's language (DESIGN §4): filter text in, a typed [`Query`] out. Space
//! means AND; a word is anything between spaces, kept as typed (the index normalizes it);
//! `"…"` is a phrase; `-` excludes; `src:`, `date:` and `is:` are filters, resolved here
//! so that the index only sees outlet ids and day ranges. Text that is still being typed
//! is not an error: the last word, and the last word of an unterminated phrase, match as
//! prefixes. A mistake comes back as a [`QueryError`] with the byte range to underline.

#[cfg(test)]
mod tests;

use std::ops::Range;

use jiff::Span;
use jiff::civil::Date;

use crate::corpus::sources::Outlets;

/// A parsed filter: every clause must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// The conditions, in the order typed; none matches everything.
    pub clauses: Vec<Clause>,
}

impl Query {
    /// Whether answering it needs to know which articles have bookmarks.
    pub fn uses_bookmarks(&self) -> bool {
        self.clauses
            .iter()
            .any(|clause| matches!(clause, Clause::Bookmarked { .. }))
    }
}

/// One condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// A word (as typed); `prefix` when it is the word being typed.
    Word {
        /// The word as typed, punctuation and harakat included.
        text: String,
        /// The word is the last of the text and no space follows it.
        prefix: bool,
        /// Typed with a leading `-`: articles with the word are left out.
        negated: bool,
    },
    /// Adjacent words, in order; `prefix` when its last word is being typed.
    Phrase {
        /// The words between the quotes, as typed; never empty.
        words: Vec<String>,
        /// The quote is unterminated and its last word has no space after it.
        prefix: bool,
        /// Typed as `-"…"`.
        negated: bool,
    },
    /// One of these outlet ids.
    Source {
        /// Outlet ids in the order of assets/sources.toml; never empty.
        ids: Vec<String>,
        /// Typed as `-src:`.
        negated: bool,
    },
    /// A day within the range.
    Date {
        /// The days that match.
        range: DateRange,
        /// Typed as `-date:`.
        negated: bool,
    },
    /// Has a bookmark.
    Bookmarked {
        /// Typed as `-is:bookmarked`: articles without bookmarks.
        negated: bool,
    },
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

/// Why a filter text cannot be used, with the byte range of the offending part (for the bar to underline).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What is wrong, short, for the bar.
    pub message: String,
    /// The bytes of the filter text to underline; on character boundaries.
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

/// Parses a filter text. `today` anchors relative dates.
pub fn parse(text: &str, today: Date, outlets: &Outlets) -> Result<Query, QueryError> {
    let mut clauses = Vec::new();
    for token in tokens(text) {
        let being_typed = token.end == text.len();
        let clause = match token.kind {
            Kind::Word(word) => Some(Clause::Word {
                text: word.to_owned(),
                prefix: being_typed,
                negated: token.negated,
            }),
            Kind::Phrase(part) => phrase(&part, token.negated),
            Kind::Filter { key, value } => {
                Some(filter(&key, &value, token.negated, today, outlets)?)
            }
        };
        clauses.extend(clause);
    }
    Ok(Query { clauses })
}

/// A piece of filter text between spaces, before it is given a meaning.
struct Token<'a> {
    /// Typed with a leading `-`.
    negated: bool,
    kind: Kind<'a>,
    /// Where the token ends in the filter text.
    end: usize,
}

enum Kind<'a> {
    Word(&'a str),
    Phrase(Part<'a>),
    /// `key:value`; the key is ASCII letters and its part includes the colon.
    Filter {
        key: Part<'a>,
        value: Part<'a>,
    },
}

/// Text at a place in the filter text, perhaps typed between quotes.
struct Part<'a> {
    /// The text, quotes left out.
    text: &'a str,
    /// Where `text` starts in the filter text.
    at: usize,
    quote: Quote,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    /// Not quoted: ends at a space.
    Bare,
    /// Between two quotes.
    Closed,
    /// After a quote that is never closed: runs to the end of the text.
    Unterminated,
}

impl Part<'_> {
    fn span(&self) -> Range<usize> {
        self.at..self.at + self.text.len()
    }

    /// Where the part ends in the filter text, closing quote included.
    fn end(&self) -> usize {
        self.span().end + usize::from(self.quote == Quote::Closed)
    }
}

/// Splits the filter text into tokens. A `-` with nothing after it is dropped: it excludes
/// nothing yet.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    loop {
        at += leading_space(&text[at..]);
        if at == text.len() {
            return found;
        }
        let negated = text[at..].starts_with('-');
        at += usize::from(negated);
        let rest = &text[at..];
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            continue;
        }
        let kind = if rest.starts_with('"') {
            Kind::Phrase(part(text, at))
        } else if let Some(key_len) = key_len(rest) {
            let key = Part {
                text: &rest[..=key_len],
                at,
                quote: Quote::Bare,
            };
            let value = part(text, at + key_len + 1);
            Kind::Filter { key, value }
        } else {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            Kind::Word(&rest[..len])
        };
        let end = match &kind {
            Kind::Word(word) => at + word.len(),
            Kind::Phrase(value) | Kind::Filter { value, .. } => value.end(),
        };
        found.push(Token { negated, kind, end });
        at = end;
    }
}

/// The bytes of whitespace at the start of `text`.
fn leading_space(text: &str) -> usize {
    text.find(|c: char| !c.is_whitespace())
        .unwrap_or(text.len())
}

/// The length of a filter key (`src`) when `text` starts with one and a colon.
fn key_len(text: &str) -> Option<usize> {
    let len = text.find(|c: char| !c.is_ascii_alphabetic())?;
    (len > 0 && text[len..].starts_with(':')).then_some(len)
}

/// The part starting at byte `at` of `text`: quoted when it starts with `"`, else up to
/// the next space.
fn part(text: &str, at: usize) -> Part<'_> {
    let rest = &text[at..];
    if let Some(inner) = rest.strip_prefix('"') {
        let (inner, quote) = match inner.find('"') {
            Some(close) => (&inner[..close], Quote::Closed),
            None => (inner, Quote::Unterminated),
        };
        return Part {
            text: inner,
            at: at + 1,
            quote,
        };
    }
    let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Part {
        text: &rest[..len],
        at,
        quote: Quote::Bare,
    }
}

/// The phrase typed between quotes; `None` when there is no word in it yet.
fn phrase(part: &Part<'_>, negated: bool) -> Option<Clause> {
    let words: Vec<String> = part.text.split_whitespace().map(str::to_owned).collect();
    let prefix = part.quote == Quote::Unterminated && !part.text.ends_with(char::is_whitespace);
    (!words.is_empty()).then_some(Clause::Phrase {
        words,
        prefix,
        negated,
    })
}

/// The clause for `key:value`.
fn filter(
    key: &Part<'_>,
    value: &Part<'_>,
    negated: bool,
    today: Date,
    outlets: &Outlets,
) -> Result<Clause, QueryError> {
    let name = key.text.to_ascii_lowercase();
    if !matches!(name.as_str(), "src:" | "date:" | "is:") {
        let message = format!("unknown filter `{}` (use src:, date:, is:)", key.text);
        return Err(QueryError::new(message, key.span()));
    }
    if value.text.trim().is_empty() {
        let example = match name.as_str() {
            "src:" => "src:okaz",
            "date:" => "date:2021 or date:7d",
            _ => "is:bookmarked",
        };
        let message = format!("`{}` needs a value, such as {example}", key.text);
        return Err(QueryError::new(message, key.at..value.end()));
    }
    match name.as_str() {
        "src:" => Ok(Clause::Source {
            ids: outlet_ids(value, outlets)?,
            negated,
        }),
        "date:" => Ok(Clause::Date {
            range: date_range(value.text, value.at, today)?,
            negated,
        }),
        _ if !value.text.eq_ignore_ascii_case("bookmarked") => {
            let message = format!("unknown `is:{}` (use is:bookmarked)", value.text);
            Err(QueryError::new(message, value.span()))
        }
        _ => Ok(Clause::Bookmarked { negated }),
    }
}

/// The outlets `src:` names: the one the whole name resolves to, else every outlet with
/// a name that starts with it.
fn outlet_ids(value: &Part<'_>, outlets: &Outlets) -> Result<Vec<String>, QueryError> {
    let name = value.text.trim();
    if let Some(outlet) = outlets.resolve(name) {
        return Ok(vec![outlet.id.clone()]);
    }
    let ids: Vec<String> = outlets
        .matching_prefix(name)
        .into_iter()
        .map(|outlet| outlet.id.clone())
        .collect();
    if ids.is_empty() {
        let hint = if name.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            " (type at least 3 letters)"
        } else {
            ""
        };
        let message = format!("no outlet matches `{name}`{hint}");
        let start = value.at + value.text.len() - value.text.trim_start().len();
        return Err(QueryError::new(message, start..start + name.len()));
    }
    Ok(ids)
}

/// The days `date:` names, `text` starting at byte `at` of the filter text: a range
/// `start..end` (either end open), a period relative to `today` (`7d`), or one year,
/// month or day.
fn date_range(text: &str, at: usize, today: Date) -> Result<DateRange, QueryError> {
    let Some((start, end)) = text.split_once("..") else {
        if let Some(range) = relative(text, at, today)? {
            return Ok(range);
        }
        let (from, to) = period(text, at)?;
        return Ok(DateRange {
            from: Some(from),
            to: Some(to),
        });
    };
    if start.is_empty() && end.is_empty() {
        let message = "`..` needs a start or an end, such as date:2020.. or date:..2020";
        return Err(QueryError::new(message, at..at + text.len()));
    }
    let from = (!start.is_empty())
        .then(|| period(start, at).map(|(first, _)| first))
        .transpose()?;
    let to = (!end.is_empty())
        .then(|| period(end, at + start.len() + 2).map(|(_, last)| last))
        .transpose()?;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        let message = format!("`{text}` ends before it starts");
        return Err(QueryError::new(message, at..at + text.len()));
    }
    Ok(DateRange { from, to })
}

/// The first and last day of a year, month or day (`2021`, `2021-01`, `2021-01-18`, or
/// with `/`), `text` starting at byte `at` of the filter text.
fn period(text: &str, at: usize) -> Result<(Date, Date), QueryError> {
    let not_a_date = || QueryError::new(format!("`{text}` is not a date"), at..at + text.len());
    let mut fields = text.split(['-', '/']);
    let year = fields
        .next()
        .filter(|year| year.chars().count() == 4)
        .and_then(number)
        .and_then(|year| i16::try_from(year).ok())
        .ok_or_else(not_a_date)?;
    let mut small = || -> Result<Option<i8>, QueryError> {
        fields
            .next()
            .map(|field| {
                (1..=2)
                    .contains(&field.chars().count())
                    .then(|| number(field))
                    .flatten()
                    .and_then(|n| i8::try_from(n).ok())
                    .ok_or_else(not_a_date)
            })
            .transpose()
    };
    let (month, day) = (small()?, small()?);
    if fields.next().is_some() {
        return Err(not_a_date());
    }
    let date = |month, day| Date::new(year, month, day).map_err(|_| not_a_date());
    match (month, day) {
        (None, _) => Ok((date(1, 1)?, date(12, 31)?)),
        (Some(month), None) => {
            let first = date(month, 1)?;
            Ok((first, first.last_of_month()))
        }
        (Some(month), Some(day)) => {
            let day = date(month, day)?;
            Ok((day, day))
        }
    }
}

/// `7d`, `3m`, `1y`: that many days, months or years ending `today`, today included (so
/// `1d` is today alone). `None` when `text` is not of that form. A period reaching back
/// past the calendar's start has an open start.
fn relative(text: &str, at: usize, today: Date) -> Result<Option<DateRange>, QueryError> {
    let Some(unit) = text.chars().next_back().filter(char::is_ascii_alphabetic) else {
        return Ok(None);
    };
    let Some(count) = number(&text[..text.len() - 1]) else {
        return Ok(None);
    };
    let span: fn(Span, i64) -> Result<Span, jiff::Error> = match unit.to_ascii_lowercase() {
        'd' => Span::try_days::<i64>,
        'm' => Span::try_months::<i64>,
        'y' => Span::try_years::<i64>,
        _ => return Ok(None),
    };
    if count == 0 {
        let message = format!("`{text}` is an empty period (use 1{unit} or more)");
        return Err(QueryError::new(message, at..at + text.len()));
    }
    let from = i64::try_from(count)
        .ok()
        .and_then(|count| span(Span::new(), count).ok())
        .and_then(|span| today.checked_sub(span).ok())
        .and_then(|start| start.tomorrow().ok());
    Ok(Some(DateRange {
        from,
        to: Some(today),
    }))
}

/// The number written in `text` with ASCII, Arabic-Indic or Persian digits; saturates
/// rather than overflow. `None` when `text` is empty or has anything but digits.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.chars().try_fold(0u64, |total, c| {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{660}'..='\u{669}' => c as u32 - 0x660,
            '\u{6F0}'..='\u{6F9}' => c as u32 - 0x6F0,
            _ => return None,
        };
        Some(total.saturating_mul(10).saturating_add(u64::from(digit)))
    })
}
