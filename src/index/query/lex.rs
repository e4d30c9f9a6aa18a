//! Filter text cut into tokens, before any is given a meaning: parentheses, `OR`, the
//! `-` that excludes, bare words, quoted phrases and `key:value` filters, each with the
//! bytes it spans so that an error can point at it.

use std::ops::Range;

/// A piece of filter text.
pub(super) struct Token<'a> {
    pub kind: Kind<'a>,
    /// Where it is in the filter text, quotes included.
    pub span: Range<usize>,
}

pub(super) enum Kind<'a> {
    /// `(`.
    Open,
    /// `)`.
    Close,
    /// `OR`, in capitals and on its own.
    Or,
    /// A `-` right before what it excludes.
    Not,
    /// A `-` with nothing after it to exclude (a space, a `)` or the end follows).
    Dash,
    /// A bare word, as typed (perhaps ending with `*`).
    Word(&'a str),
    /// Text after a `"`.
    Phrase(Part<'a>),
    /// `key:value`; `key` is ASCII letters, without the colon. Only `src:` takes a list
    /// (`src:a,b`): for any other key the value is one part, commas included.
    Filter { key: &'a str, parts: Vec<Part<'a>> },
}

/// Text at a place in the filter text, perhaps typed between quotes.
pub(super) struct Part<'a> {
    /// The text, quotes left out.
    pub text: &'a str,
    /// Where `text` starts in the filter text.
    pub at: usize,
    pub quote: Quote,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Quote {
    /// Not quoted: ends at a space or a parenthesis (or, in a list, a comma).
    Bare,
    /// Between two quotes.
    Closed,
    /// After a quote that is never closed: runs to the end of the text.
    Unterminated,
}

impl Part<'_> {
    pub fn span(&self) -> Range<usize> {
        self.at..self.at + self.text.len()
    }

    /// Where the part ends in the filter text, closing quote included.
    pub fn end(&self) -> usize {
        self.span().end + usize::from(self.quote == Quote::Closed)
    }

    /// The part with its quotes, for pointing at it.
    pub fn outer_span(&self) -> Range<usize> {
        let start = self.at - usize::from(self.quote != Quote::Bare);
        start..self.end()
    }
}

/// Splits the filter text into tokens.
pub(super) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut found = Vec::new();
    let mut at = 0;
    // Right after a `-`, `OR` is the word it excludes, not an operator.
    let mut after_not = false;
    loop {
        at += leading_space(&text[at..]);
        let rest = &text[at..];
        let Some(first) = rest.chars().next() else {
            return found;
        };
        let (kind, end) = match first {
            '(' => (Kind::Open, at + 1),
            ')' => (Kind::Close, at + 1),
            '-' => match rest[1..].chars().next() {
                None | Some(')') => (Kind::Dash, at + 1),
                Some(c) if c.is_whitespace() => (Kind::Dash, at + 1),
                // A dash typed twice is punctuation, not the exclusion of a dash.
                Some('-') => bare_word(text, at),
                Some(_) => {
                    found.push(Token {
                        kind: Kind::Not,
                        span: at..at + 1,
                    });
                    at += 1;
                    after_not = true;
                    continue;
                }
            },
            '"' => {
                let part = part_at(text, at, false);
                let end = part.end();
                (Kind::Phrase(part), end)
            }
            _ => match key_len(rest) {
                Some(len) => {
                    let key = &rest[..len];
                    let (parts, end) = value_parts(text, at + len + 1, key);
                    (Kind::Filter { key, parts }, end)
                }
                None => match bare_word(text, at) {
                    (Kind::Word("OR"), end) if !after_not => (Kind::Or, end),
                    word => word,
                },
            },
        };
        found.push(Token {
            kind,
            span: at..end,
        });
        at = end;
        after_not = false;
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

/// Whether a bare word or value stops before `c`.
fn ends_bare(c: char, list: bool) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || (list && c == ',')
}

/// The bare word starting at byte `at`, and where it ends.
fn bare_word(text: &str, at: usize) -> (Kind<'_>, usize) {
    let rest = &text[at..];
    let len = rest.find(|c| ends_bare(c, false)).unwrap_or(rest.len());
    (Kind::Word(&rest[..len]), at + len)
}

/// The parts of a filter's value starting at byte `at`, and where the value ends.
fn value_parts<'a>(text: &'a str, mut at: usize, key: &str) -> (Vec<Part<'a>>, usize) {
    let list = key.eq_ignore_ascii_case("src");
    let mut parts = Vec::new();
    loop {
        let part = part_at(text, at, list);
        at = part.end();
        parts.push(part);
        if !(list && text[at..].starts_with(',')) {
            return (parts, at);
        }
        at += 1;
    }
}

/// The part starting at byte `at` of `text`: quoted when it starts with `"`, else up to
/// the next space or parenthesis (or comma, in a list).
fn part_at(text: &str, at: usize, list: bool) -> Part<'_> {
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
    let len = rest.find(|c| ends_bare(c, list)).unwrap_or(rest.len());
    Part {
        text: &rest[..len],
        at,
        quote: Quote::Bare,
    }
}
