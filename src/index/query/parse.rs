//! Tokens into a query tree, by recursive descent:
//!
//! ```text
//! sequence := either*                      (AND; inside a group, up to its `)`)
//! either   := unary ("OR" unary)*
//! unary    := "-" atom | atom | lone "-"
//! atom     := word | phrase | filter | "(" sequence ")"
//! ```
//!
//! Anything the text may still be being typed into comes back as nothing rather than an
//! error in [`Mode::Typing`] (see the module doc of [`super`]).

use std::ops::Range;

use jiff::civil::Date;

use super::lex::{Kind, Part, Quote, Token};
use super::{Clause, Expr, Match, Mode, QueryError, filters};
use crate::corpus::sources::Outlets;

/// What a parse needs besides the tokens.
pub(super) struct Context<'o> {
    pub mode: Mode,
    /// For relative dates.
    pub today: Date,
    /// For `src:`.
    pub outlets: &'o Outlets,
}

impl Context<'_> {
    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Typing { .. })
    }

    /// Whether the text is being typed with the cursor at byte `end`.
    pub fn cursor_at(&self, end: usize) -> bool {
        matches!(self.mode, Mode::Typing { cursor } if cursor == end)
    }
}

pub(super) struct Parser<'t, 'o> {
    tokens: Vec<Token<'t>>,
    /// The next token to read.
    next: usize,
    context: Context<'o>,
}

impl<'t, 'o> Parser<'t, 'o> {
    pub fn new(tokens: Vec<Token<'t>>, context: Context<'o>) -> Self {
        Self {
            tokens,
            next: 0,
            context,
        }
    }

    /// The whole text.
    pub fn query(mut self) -> Result<Expr, QueryError> {
        let items = self.sequence(None)?;
        Ok(all(items))
    }

    fn peek(&self) -> Option<&Token<'t>> {
        self.tokens.get(self.next)
    }

    /// What stands side by side (AND) up to the `)` that closes the group opened at
    /// `open`, which it consumes; at the top (`open` is `None`), up to the end.
    fn sequence(&mut self, open: Option<&Range<usize>>) -> Result<Vec<Expr>, QueryError> {
        let mut items = Vec::new();
        loop {
            let Some(token) = self.peek() else {
                return match open {
                    Some(open) if !self.context.typing() => Err(QueryError::new(
                        "this `(` is never closed: add a `)`",
                        open.clone(),
                    )),
                    _ => Ok(items),
                };
            };
            match token.kind {
                Kind::Close if open.is_some() => {
                    self.next += 1;
                    return Ok(items);
                }
                Kind::Close => {
                    return Err(QueryError::new(
                        "this `)` closes no `(`",
                        token.span.clone(),
                    ));
                }
                Kind::Or => {
                    return Err(QueryError::new(
                        "`OR` needs a word, phrase, filter or group before it",
                        token.span.clone(),
                    ));
                }
                _ => items.extend(self.either()?),
            }
        }
    }

    /// `a OR b OR …`, or a single `a`; nothing when all of it is still being typed.
    fn either(&mut self) -> Result<Option<Expr>, QueryError> {
        let mut alternatives: Vec<Expr> = Vec::new();
        alternatives.extend(self.unary()?);
        while let Some(token) = self.peek()
            && matches!(token.kind, Kind::Or)
        {
            let or = token.span.clone();
            self.next += 1;
            match self.peek().map(|t| &t.kind) {
                // The other side is yet to be typed.
                None if self.context.typing() => break,
                None | Some(Kind::Close | Kind::Or) => {
                    return Err(QueryError::new(
                        "`OR` needs a word, phrase, filter or group after it",
                        or,
                    ));
                }
                Some(_) => alternatives.extend(self.unary()?),
            }
        }
        Ok(match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Expr::Any(alternatives)),
        })
    }

    /// An atom, perhaps excluded; a lone `-`.
    fn unary(&mut self) -> Result<Option<Expr>, QueryError> {
        let Some(token) = self.peek() else {
            return Ok(None);
        };
        match token.kind {
            Kind::Not => {
                self.next += 1;
                Ok(self.atom()?.map(|inner| Expr::Not(Box::new(inner))))
            }
            Kind::Dash => {
                let end = token.span.end;
                self.next += 1;
                // Just typed, it is an exclusion still without its word; otherwise it
                // is a punctuation mark, which no article can be found by.
                Ok((!self.context.cursor_at(end)).then(|| word("-", Match::Word)))
            }
            _ => self.atom(),
        }
    }

    /// A word, phrase, filter or group; nothing for one still empty while typing.
    fn atom(&mut self) -> Result<Option<Expr>, QueryError> {
        let index = self.next;
        let Some(token) = self.tokens.get(index) else {
            return Ok(None);
        };
        let span = token.span.clone();
        self.next += 1;
        match &token.kind {
            Kind::Open => {
                let items = self.sequence(Some(&span))?;
                // `()`, as opposed to a group whose words are all still being typed.
                if self.next == index + 2 && matches!(self.tokens[index + 1].kind, Kind::Close) {
                    let close = self.tokens[index + 1].span.end;
                    return Err(QueryError::new(
                        "nothing between the parentheses",
                        span.start..close,
                    ));
                }
                Ok((!items.is_empty()).then(|| all(items)))
            }
            Kind::Word(text) => {
                let (text, matching) = match text.strip_suffix('*') {
                    Some(start) if !start.is_empty() => (start, Match::Prefix),
                    _ if self.context.cursor_at(span.end) => (*text, Match::Prefix),
                    _ => (*text, Match::Word),
                };
                Ok(Some(word(text, matching)))
            }
            Kind::Phrase(part) => self.phrase(part),
            Kind::Filter { key, parts } => {
                let clause = filters::clause(key, span, parts, &self.context)?;
                Ok(Some(Expr::Clause(clause)))
            }
            // The lexer puts these only where `sequence` and `either` look for them.
            Kind::Close | Kind::Or | Kind::Not | Kind::Dash => Err(QueryError::new(
                "a word, phrase, filter or group is missing here",
                span,
            )),
        }
    }

    /// The phrase typed between quotes; nothing when there is no word in it yet.
    fn phrase(&self, part: &Part<'_>) -> Result<Option<Expr>, QueryError> {
        if part.quote == Quote::Unterminated && !self.context.typing() {
            return Err(unclosed_quote(part));
        }
        let mut words: Vec<String> = part.text.split_whitespace().map(str::to_owned).collect();
        let Some(last_word) = words.last_mut() else {
            return match part.quote {
                Quote::Unterminated => Ok(None),
                Quote::Bare | Quote::Closed => Err(QueryError::new(
                    "nothing between the quotes",
                    part.outer_span(),
                )),
            };
        };
        let last_end = part.at + part.text.trim_end().len();
        let last = match last_word.strip_suffix('*') {
            Some(start) if !start.is_empty() => {
                *last_word = start.to_owned();
                Match::Prefix
            }
            _ if self.context.cursor_at(last_end) => Match::Prefix,
            _ => Match::Word,
        };
        Ok(Some(Expr::Clause(Clause::Phrase { words, last })))
    }
}

/// The error for a quote never closed, pointing at the quote.
pub(super) fn unclosed_quote(part: &Part<'_>) -> QueryError {
    let quote = part.at - 1;
    QueryError::new("this quote is never closed: add a `\"`", quote..quote + 1)
}

fn word(text: &str, matching: Match) -> Expr {
    Expr::Clause(Clause::Word {
        text: text.to_owned(),
        matching,
    })
}

/// Items side by side: one alone is itself.
fn all(mut items: Vec<Expr>) -> Expr {
    if items.len() == 1 {
        items.pop().unwrap_or(Expr::All(Vec::new()))
    } else {
        Expr::All(items)
    }
}
