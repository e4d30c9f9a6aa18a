//! One pass over a paragraph: tokens first, then the dates and years they spell. Words
//! are looked up in the tables only next to a number that could be a day.

use jiff::civil::{Date, Weekday};

use super::tables::{DateTables, Term, is_word_char};

/// Earliest year read as a year.
pub(super) const MIN_YEAR: i16 = 1900;
/// Latest year read as a year.
pub(super) const MAX_YEAR: i16 = 2100;

/// A run of digits (ASCII, Arabic-Indic or Persian). The value saturates.
#[derive(Clone, Copy, Debug)]
struct Number {
    value: u32,
    digits: u8,
}

#[derive(Clone, Copy, Debug)]
enum Tok {
    Num(Number),
    /// Three numbers joined by one separator (`2024/11/13`, `13-11-2024`, `13.11.2024`);
    /// `None` when they make no real date.
    Numeric(Option<Date>),
    /// A word, as a byte range of the paragraph.
    Word(usize, usize),
    Punct(char),
}

/// A date spelled in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Found {
    /// Day, month and year.
    Full(Date),
    /// Weekday, day and month, without a year.
    Partial {
        month: i8,
        day: i8,
        weekday: Weekday,
    },
}

/// A date (or a skipped Hijri date) and the tokens it spans.
struct Match {
    found: Option<Found>,
    start: usize,
    end: usize,
}

/// Scratch space reused across paragraphs, and the years seen so far.
pub(super) struct Scanner<'t> {
    tables: &'t DateTables,
    toks: Vec<Tok>,
    key: String,
    years: Vec<i16>,
}

impl<'t> Scanner<'t> {
    pub(super) fn new(tables: &'t DateTables) -> Self {
        Self {
            tables,
            toks: Vec::new(),
            key: String::new(),
            years: Vec::new(),
        }
    }

    /// Every year 1900–2100 written in the paragraphs scanned, sorted, once each.
    pub(super) fn years(mut self) -> Vec<i16> {
        self.years.sort_unstable();
        self.years.dedup();
        self.years
    }

    /// Appends the dates of `text` to `found`, in order; returns how many of its words
    /// are not part of a date (counted only when there is a digit).
    pub(super) fn paragraph(&mut self, text: &str, found: &mut Vec<Found>) -> usize {
        if !has_digit(text) {
            return 0;
        }
        tokenize(text, &mut self.toks);
        let (mut words, mut date_words, mut free) = (0, 0, 0);
        for i in 0..self.toks.len() {
            match self.toks[i] {
                Tok::Word(..) => words += 1,
                Tok::Numeric(Some(date)) => {
                    self.years.push(date.year());
                    found.push(Found::Full(date));
                    free = i + 1;
                }
                Tok::Num(n) if n.digits == 4 => self.years.extend(year(n)),
                Tok::Num(n) if i >= free => {
                    if let Some(m) = self.date_at(text, i, n, free) {
                        found.extend(m.found);
                        date_words += self.toks[m.start..m.end]
                            .iter()
                            .filter(|t| matches!(t, Tok::Word(..)))
                            .count();
                        free = m.end;
                    }
                }
                Tok::Num(_) | Tok::Numeric(None) | Tok::Punct(_) => {}
            }
        }
        words - date_words
    }

    /// A date whose day is the number at `i`: "[weekday] 18 [من] [شهر] كانون الثاني
    /// [/يناير] [2021]" or "[weekday,] January 18[th][, 2021]", the year or the weekday
    /// required. Tokens before `free` already belong to a date.
    fn date_at(&mut self, text: &str, i: usize, n: Number, free: usize) -> Option<Match> {
        let day = i8::try_from(n.value)
            .ok()
            .filter(|d| (1..=31).contains(d) && n.digits <= 2)?;
        let mut j = i + 1;
        for skippable in [Term::Ordinal, Term::Of, Term::MonthWord] {
            if let Some((term, len)) = self.term_at(text, j)
                && term == skippable
            {
                j += len;
            }
        }
        match self.term_at(text, j) {
            Some((Term::Hijri, len)) => {
                let end =
                    j + len + usize::from(matches!(self.toks.get(j + len), Some(Tok::Num(_))));
                return Some(Match {
                    found: None,
                    start: i,
                    end,
                });
            }
            Some((Term::Month(month), len)) => {
                let after = self.after_alternate(text, j + len);
                return self.complete(text, (i, month, day), after);
            }
            _ => {}
        }
        let (month, month_start) = self.month_ending_at(text, i, free)?;
        let mut j = i + 1;
        if self
            .term_at(text, j)
            .is_some_and(|(t, _)| t == Term::Ordinal)
        {
            j += 1;
        }
        self.complete(text, (month_start, month, day), j)
    }

    /// The date whose day and month start at the token `start`, with the year at `j` or
    /// else the weekday before `start`.
    fn complete(
        &mut self,
        text: &str,
        (start, month, day): (usize, i8, i8),
        j: usize,
    ) -> Option<Match> {
        let (year, end) = self.year_at(j);
        let before = self.weekday_before(text, start);
        let found = match (year, before) {
            (Some(year), _) => Found::Full(ymd(year, month, day)?),
            (None, Some((weekday, _))) => {
                // 29 February is possible, 31 February never.
                Date::new(2000, month, day).ok()?;
                Found::Partial {
                    month,
                    day,
                    weekday,
                }
            }
            (None, None) => return None,
        };
        let start = before.map_or(start, |(_, k)| k);
        Some(Match {
            found: Some(found),
            start,
            end,
        })
    }

    /// The meaning of the two words or the word at `j`, and how many words it takes.
    fn term_at(&mut self, text: &str, j: usize) -> Option<(Term, usize)> {
        let first = self.word(text, j)?;
        if let Some(second) = self.word(text, j + 1)
            && let Some(term) = self.tables.lookup(&[first, second], &mut self.key)
        {
            return Some((term, 2));
        }
        Some((self.tables.lookup(&[first], &mut self.key)?, 1))
    }

    /// A Gregorian month whose last word is just before `i`, not before `free`, and
    /// where it starts.
    fn month_ending_at(&mut self, text: &str, i: usize, free: usize) -> Option<(i8, usize)> {
        for len in [2, 1] {
            let start = i.checked_sub(len).filter(|&s| s >= free);
            if let Some(start) = start
                && let Some((Term::Month(month), found)) = self.term_at(text, start)
                && found == len
            {
                return Some((month, start));
            }
        }
        None
    }

    /// After a month, skips the same month in another family: "كانون الثاني/ يناير",
    /// "يناير (كانون الثاني)".
    fn after_alternate(&mut self, text: &str, j: usize) -> usize {
        let open = match self.toks.get(j) {
            Some(Tok::Punct('/' | '-')) => false,
            Some(Tok::Punct('(')) => true,
            _ => return j,
        };
        match self.term_at(text, j + 1) {
            Some((Term::Month(_), len)) if !open => j + 1 + len,
            Some((Term::Month(_), len))
                if matches!(self.toks.get(j + 1 + len), Some(Tok::Punct(')'))) =>
            {
                j + 2 + len
            }
            _ => j,
        }
    }

    /// "[،] 2021" at `j`: the year and the token after it, or `None` and `j`.
    fn year_at(&self, j: usize) -> (Option<i16>, usize) {
        let k = j + usize::from(matches!(self.toks.get(j), Some(Tok::Punct(',' | '،'))));
        match self.toks.get(k) {
            Some(&Tok::Num(n)) if n.digits == 4 => match year(n) {
                Some(y) => (Some(y), k + 1),
                None => (None, j),
            },
            _ => (None, j),
        }
    }

    /// "الاثنين، 18", "الثلاثاء المقبل 15", "والجمعة 7", "Monday, January": the weekday
    /// before the token `start`, and its index.
    fn weekday_before(&mut self, text: &str, start: usize) -> Option<(Weekday, usize)> {
        let mut k = start.checked_sub(1)?;
        let is_comma = |t: &Tok| matches!(t, Tok::Punct(',' | '،'));
        if is_comma(&self.toks[k]) {
            k = k.checked_sub(1)?;
        }
        if self
            .term_at(text, k)
            .is_some_and(|(t, len)| t == Term::AfterWeekday && len == 1)
        {
            k = k.checked_sub(1)?;
        }
        let word = self.word(text, k)?;
        let weekday = |w: &str, key: &mut String| match self.tables.lookup(&[w], key) {
            Some(Term::Weekday(day)) => Some(day),
            _ => None,
        };
        let day = weekday(word, &mut self.key)
            .or_else(|| weekday(word.strip_prefix('و')?, &mut self.key))?;
        Some((day, k))
    }

    fn word<'a>(&self, text: &'a str, j: usize) -> Option<&'a str> {
        match self.toks.get(j) {
            Some(&Tok::Word(start, end)) => Some(&text[start..end]),
            _ => None,
        }
    }
}

/// A real calendar date with a year from 1900 to 2100.
pub(super) fn ymd(year: i16, month: i8, day: i8) -> Option<Date> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    Date::new(year, month, day).ok()
}

fn year(n: Number) -> Option<i16> {
    i16::try_from(n.value)
        .ok()
        .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
}

/// `a/b/c`: year first (Y/M/D) or last (D/M/Y, or M/D/Y when only that is a date).
fn numeric(a: Number, b: Number, c: Number) -> Option<Date> {
    let small = |n: Number| {
        if n.digits <= 2 {
            i8::try_from(n.value).ok()
        } else {
            None
        }
    };
    let long = |n: Number| i16::try_from(n.value).ok().filter(|_| n.digits == 4);
    if let Some(year) = long(a) {
        ymd(year, small(b)?, small(c)?)
    } else {
        let (year, a, b) = (long(c)?, small(a)?, small(b)?);
        ymd(year, b, a).or_else(|| ymd(year, a, b))
    }
}

fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        if digit(c).is_some()
            && let Some((n, end)) = read_number(text, pos)
        {
            let (tok, end) = match numeric_at(text, n, end) {
                Some((date, end)) => (Tok::Numeric(date), end),
                None => (Tok::Num(n), end),
            };
            out.push(tok);
            pos = end;
        } else if is_word_char(c) {
            let len = text[pos..]
                .find(|c| !is_word_char(c))
                .unwrap_or(text.len() - pos);
            out.push(Tok::Word(pos, pos + len));
            pos += len;
        } else {
            pos += c.len_utf8();
            if !c.is_whitespace() {
                out.push(Tok::Punct(c));
            }
        }
    }
}

/// Whether `text` has a digit: a byte scan, far cheaper than tokenizing the many
/// paragraphs that hold no date and no year.
fn has_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    // In UTF-8, ٠–٩ are D9 A0–A9 and ۰–۹ are DB B0–B9.
    bytes
        .iter()
        .zip(bytes.iter().skip(1).chain([&0]))
        .any(|(&b, &next)| {
            b.is_ascii_digit()
                || (b == 0xD9 && (0xA0..=0xA9).contains(&next))
                || (b == 0xDB && (0xB0..=0xB9).contains(&next))
        })
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '\u{0660}'..='\u{0669}' => Some(u32::from(c) - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(u32::from(c) - 0x06F0),
        _ => None,
    }
}

/// The digits at `pos`, and where they end.
fn read_number(text: &str, pos: usize) -> Option<(Number, usize)> {
    let mut n = Number {
        value: 0,
        digits: 0,
    };
    let mut end = pos;
    for (c, d) in text[pos..].chars().map_while(|c| Some((c, digit(c)?))) {
        n.value = n.value.saturating_mul(10).saturating_add(d);
        n.digits = n.digits.saturating_add(1);
        end += c.len_utf8();
    }
    (n.digits > 0).then_some((n, end))
}

/// After the number `a` ending at `pos`: "/b/c" with one separator, and where it ends.
/// Four or more parts (versions, addresses) are no date.
fn numeric_at(text: &str, a: Number, pos: usize) -> Option<(Option<Date>, usize)> {
    let sep = text[pos..]
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '-' | '.'))?;
    let (b, pos) = read_number(text, pos + 1)?;
    if !text[pos..].starts_with(sep) {
        return None;
    }
    let (c, mut pos) = read_number(text, pos + 1)?;
    let mut date = numeric(a, b, c);
    while text[pos..].starts_with(sep)
        && let Some((_, end)) = read_number(text, pos + 1)
    {
        date = None;
        pos = end;
    }
    Some((date, pos))
}
