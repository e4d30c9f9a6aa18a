//! Writing a day for people: a strftime format whose month and weekday names may be
//! Arabic, Levantine (كانون الثاني) or Gulf and Egyptian (يناير), from the same
//! `assets/months.toml` that reading dates uses.

use jiff::civil::Date;
use serde::Deserialize;

use super::DateTables;

/// Which names `%B`, `%b`, `%A` and `%a` write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum DateLocale {
    /// English names, as strftime writes them.
    #[default]
    #[serde(rename = "en")]
    English,
    /// Arabic names of the Gulf and Egypt (يناير، فبراير…), what most Arabic outlets
    /// print; `ar` means these.
    #[serde(rename = "ar", alias = "ar-gulf")]
    ArabicGulf,
    /// Arabic names of Syria, Lebanon, Jordan, Palestine and Iraq (كانون الثاني، شباط…).
    #[serde(rename = "ar-levant")]
    ArabicLevantine,
}

impl DateLocale {
    /// The family of `assets/months.toml` whose names this locale writes, if Arabic.
    fn family(self) -> Option<&'static str> {
        match self {
            DateLocale::English => None,
            DateLocale::ArabicGulf => Some("egyptian_gulf"),
            DateLocale::ArabicLevantine => Some("levantine"),
        }
    }

    /// The format a locale writes when the configuration names none: ISO in English,
    /// "13 نوفمبر 2024" in Arabic (day, month, year is how Arabic writes a date).
    pub fn default_format(self) -> &'static str {
        match self {
            DateLocale::English => "%Y-%m-%d",
            DateLocale::ArabicGulf | DateLocale::ArabicLevantine => "%-d %B %Y",
        }
    }
}

/// `day` in the strftime `format`, with `locale`'s month and weekday names.
pub fn write_day(format: &str, day: Date, locale: DateLocale) -> Result<String, String> {
    let format = match locale.family() {
        None => format.to_owned(),
        Some(family) => with_names(format, day, family, DateTables::embedded()),
    };
    jiff::fmt::strtime::format(format.as_bytes(), day).map_err(|err| err.to_string())
}

/// The format with its name conversions (`%B %b %h %A %a`, flags and all) replaced by
/// the names themselves; every other conversion, `%%` included, is left to strftime.
fn with_names(format: &str, day: Date, family: &str, tables: &DateTables) -> String {
    let mut out = String::with_capacity(format.len() + 16);
    let mut rest = format;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let spec = &rest[at..];
        // `%`, then flags and a width, then the conversion's letter.
        let letter_at = spec[1..]
            .find(|c: char| !matches!(c, '-' | '_' | '0' | '^' | '#' | '1'..='9'))
            .map_or(spec.len(), |i| i + 1);
        let Some(letter) = spec[letter_at..].chars().next() else {
            out.push_str(spec);
            return out;
        };
        let end = letter_at + letter.len_utf8();
        let name = match letter {
            'B' | 'b' | 'h' => tables.month_name(family, day.month()),
            // Arabic has no abbreviated weekdays: %a writes the whole name.
            'A' | 'a' => Some(tables.weekday_name(day.weekday())),
            _ => None,
        };
        match name {
            // A name never holds `%`: the table's spellings are letters and spaces.
            Some(name) => out.push_str(name),
            None => out.push_str(&spec[..end]),
        }
        rest = &spec[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn english_is_strftime_as_is() {
        let day = date(2024, 11, 13);
        assert_eq!(
            write_day("%Y-%m-%d", day, DateLocale::English).unwrap(),
            "2024-11-13"
        );
        assert_eq!(
            write_day("%-d %B %Y", day, DateLocale::English).unwrap(),
            "13 November 2024"
        );
    }

    #[test]
    fn arabic_writes_the_months_of_its_family() {
        let day = date(2021, 1, 18);
        assert_eq!(
            write_day("%-d %B %Y", day, DateLocale::ArabicGulf).unwrap(),
            "18 يناير 2021"
        );
        assert_eq!(
            write_day("%-d %B %Y", day, DateLocale::ArabicLevantine).unwrap(),
            "18 كانون الثاني 2021"
        );
        assert_eq!(
            write_day("%A %d %b", date(2024, 5, 1), DateLocale::ArabicLevantine).unwrap(),
            "الأربعاء 01 أيار"
        );
        assert_eq!(
            write_day("%a %-d %^B", date(2024, 4, 5), DateLocale::ArabicGulf).unwrap(),
            "الجمعة 5 أبريل"
        );
    }

    #[test]
    fn every_month_of_both_families_has_a_name() {
        for month in 1..=12 {
            for locale in [DateLocale::ArabicGulf, DateLocale::ArabicLevantine] {
                let written = write_day("%B", date(2024, month, 1), locale).unwrap();
                assert!(
                    written
                        .chars()
                        .all(|c| c == ' ' || ('\u{0621}'..='\u{064A}').contains(&c)),
                    "{locale:?} month {month}: {written}"
                );
            }
        }
    }

    #[test]
    fn other_conversions_and_literal_percents_are_left_to_strftime() {
        let day = date(2024, 11, 13);
        assert_eq!(
            write_day("%%B %m/%d", day, DateLocale::ArabicGulf).unwrap(),
            "%B 11/13"
        );
        assert!(write_day("%Q", day, DateLocale::ArabicGulf).is_err());
    }
}
