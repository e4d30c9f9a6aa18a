//! The words of `assets/months.toml`, normalized into one lookup table.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use jiff::civil::Weekday;
use serde::Deserialize;

/// What a word (or a two-word phrase) means in a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Term {
    /// A Gregorian month, 1 to 12.
    Month(i8),
    /// A Hijri month: recognized only so that it is never read as a Gregorian one.
    Hijri,
    /// A day of the week.
    Weekday(Weekday),
    /// "من" between the day and the month.
    Of,
    /// "شهر" before the month.
    MonthWord,
    /// "المقبل", "الماضي"… between a weekday and its day.
    AfterWeekday,
    /// "th" in "18th".
    Ordinal,
}

/// Month names, weekday names and other words for dates, from assets/months.toml.
#[derive(Debug)]
pub struct DateTables {
    /// Normalized spelling (two words joined by one space) → meaning.
    terms: HashMap<String, Term>,
    /// The names qari writes: each month's first spelling, by family.
    written_months: BTreeMap<String, Vec<String>>,
    /// Each weekday's first spelling, from Sunday.
    written_weekdays: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTables {
    gregorian: BTreeMap<String, Vec<Vec<String>>>,
    hijri: RawList,
    weekdays: RawList,
    words: RawWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(alias = "days")]
    months: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    of: Vec<String>,
    month: Vec<String>,
    after_weekday: Vec<String>,
    ordinal: Vec<String>,
}

impl DateTables {
    /// The tables compiled into qari (include_str! of assets/months.toml, parsed once
    /// with std::sync::OnceLock; a unit test proves the file parses, so an expect() there
    /// is acceptable).
    pub fn embedded() -> &'static DateTables {
        static TABLES: OnceLock<DateTables> = OnceLock::new();
        TABLES.get_or_init(|| {
            Self::from_toml(include_str!("../../../assets/months.toml"))
                .expect("assets/months.toml is valid (checked by a unit test)")
        })
    }

    /// Parses and checks a months.toml: 12 months per family, 7 weekdays, at most two
    /// words per spelling, and no spelling with two meanings.
    pub(super) fn from_toml(text: &str) -> Result<Self, String> {
        let raw: RawTables = toml::from_str(text).map_err(|e| e.to_string())?;
        let first = |spellings: &[Vec<String>]| -> Vec<String> {
            spellings
                .iter()
                .map(|s| s.first().cloned().unwrap_or_default())
                .collect()
        };
        let mut tables = DateTables {
            terms: HashMap::new(),
            written_months: raw
                .gregorian
                .iter()
                .map(|(family, months)| (family.clone(), first(months)))
                .collect(),
            written_weekdays: first(&raw.weekdays.months),
        };
        for (family, months) in &raw.gregorian {
            expect_len(family, months, 12)?;
            for (month, spellings) in (1..).zip(months) {
                tables.add_all(spellings, Term::Month(month))?;
            }
        }
        expect_len("hijri", &raw.hijri.months, 12)?;
        for spellings in &raw.hijri.months {
            tables.add_all(spellings, Term::Hijri)?;
        }
        expect_len("weekdays", &raw.weekdays.months, 7)?;
        for (offset, spellings) in (0..).zip(&raw.weekdays.months) {
            let day = Weekday::from_sunday_zero_offset(offset).map_err(|e| e.to_string())?;
            tables.add_all(spellings, Term::Weekday(day))?;
        }
        let words = &raw.words;
        tables.add_all(&words.of, Term::Of)?;
        tables.add_all(&words.month, Term::MonthWord)?;
        tables.add_all(&words.after_weekday, Term::AfterWeekday)?;
        tables.add_all(&words.ordinal, Term::Ordinal)?;
        Ok(tables)
    }

    fn add_all(&mut self, spellings: &[String], term: Term) -> Result<(), String> {
        if spellings.is_empty() {
            return Err(format!("{term:?} has no spelling"));
        }
        for spelling in spellings {
            let words: Vec<&str> = spelling.split_whitespace().collect();
            if words.is_empty() || words.len() > 2 {
                return Err(format!("`{spelling}` must be one or two words"));
            }
            let mut key = String::new();
            normalize_phrase(&words, &mut key);
            if let Some(old) = self.terms.insert(key, term)
                && old != term
            {
                return Err(format!("`{spelling}` means both {old:?} and {term:?}"));
            }
        }
        Ok(())
    }

    /// Month `month` (1–12) as the family `family` writes it, if the family exists.
    pub fn month_name(&self, family: &str, month: i8) -> Option<&str> {
        let months = self.written_months.get(family)?;
        months
            .get(usize::try_from(month).ok()?.checked_sub(1)?)
            .map(String::as_str)
    }

    /// The weekday as the table writes it first (the Arabic name, with its article).
    pub fn weekday_name(&self, day: Weekday) -> &str {
        &self.written_weekdays[usize::from(day.to_sunday_zero_offset().unsigned_abs())]
    }

    /// The meaning of one or two words as they appear in text; `key` is scratch space.
    pub(super) fn lookup(&self, words: &[&str], key: &mut String) -> Option<Term> {
        normalize_phrase(words, key);
        self.terms.get(key.as_str()).copied()
    }
}

fn expect_len<T>(name: &str, list: &[T], len: usize) -> Result<(), String> {
    if list.len() == len {
        Ok(())
    } else {
        Err(format!("`{name}` has {} entries, not {len}", list.len()))
    }
}

/// Writes the words into `out`, normalized and joined by single spaces.
fn normalize_phrase(words: &[&str], out: &mut String) {
    out.clear();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(word.chars().filter_map(normalize_char));
    }
}

/// Folds the spelling variants of Arabic (hamza seats, tā' marbūṭa, alif maqṣūra,
/// Persian letters) and Latin case; drops diacritics and tatweel.
fn normalize_char(c: char) -> Option<char> {
    Some(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        _ => c.to_ascii_lowercase(),
    })
}

/// Whether `c` belongs in a word: letters, Arabic diacritics and tatweel.
pub(super) fn is_word_char(c: char) -> bool {
    // Arabic letters, diacritics and tatweel first: the common case, without a table.
    matches!(c, '\u{0620}'..='\u{065F}' | '\u{066E}'..='\u{06D3}')
        || c.is_ascii_alphabetic()
        || (!c.is_ascii() && c.is_alphabetic())
}
