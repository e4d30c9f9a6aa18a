//! Publication dates from file paths, metadata fields and the text of raw articles
//! (DESIGN §3). The words come from `assets/months.toml` ([`DateTables`]); a paragraph is
//! tokenized once, and words are looked up only next to a number that could be a day.
//!
//! When the text of an article holds several dates, the article's is, in this order:
//! 1. its dateline: among the first six paragraphs, one holding a single date and at most
//!    three other words ("• 2024/11/13", "الاثنين 18 كانون الثاني 2021 - 10:30 ص");
//! 2. else the first date of its own paragraphs, in reading order (a news lead dates its
//!    event first), skipping dates from before the latest year the text writes: those
//!    are background ("منذ 8 آذار 2014" in a story that mentions 2015). On the
//!    SaudiNewsNet corpus, whose dates are known, that skip removes a third of the wrong
//!    dates and 4% of the right ones; no rule on position or weekdays did better;
//! 3. else the latest date of an embedded tweet ("— name (@handle) January 18, 2021"),
//!    as `Inferred`: a tweet is quoted on or after the day it was posted, so its date
//!    bounds the article's rather than states it.
//!
//! Boilerplate paragraphs give years (copyright lines, related links) but never the date.
//! A weekday, day and month without a year ("الاثنين 18 من كانون الثاني") take the year,
//! among those where that day is that weekday, nearest to a year written anywhere in the
//! text (any number from 1900 to 2100), the later one on a tie and at most six years away
//! (enough for every day and month but 29 February to fall on every weekday); with no
//! year in the text there is no date, nor for a day without a month
//! ("9 الجاري") or a day and month without a weekday. A complete date keeps its written
//! year even if its weekday disagrees. Hijri dates ("5 رمضان 1436 هـ") are recognized and
//! skipped, not converted: the tabular calendar is a day or two off the Umm al-Qura
//! calendar and the moon sightings that outlets follow, so it would often give a wrong day.

mod scan;
mod tables;
#[cfg(test)]
mod tests;
mod writing;

use jiff::civil::{Date, Weekday};

use crate::article::{DateInfo, Paragraph};
use scan::{Found, MAX_YEAR, MIN_YEAR, Scanner, ymd};
pub use tables::DateTables;
pub use writing::{DateLocale, write_day};

/// How many leading paragraphs may hold the dateline.
const DATELINE_HEAD: usize = 6;
/// How many words besides its date a dateline may have ("نشر في", "ص").
const DATELINE_WORDS: usize = 3;
/// How far an inferred year may be from every year written in the text.
const MAX_YEAR_GAP: i16 = 6;

/// A date in a file path: `2015/07/21/`, `2015-07-21`, `2015_07_21_...`, `20150721` as a
/// whole path component or file-name prefix. The date nearest the file name wins. Only
/// real calendar dates, years 1900–2100.
pub fn date_from_path(path: &str) -> Option<Date> {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    (0..parts.len()).rev().find_map(|i| {
        date_in_name(parts[i]).or_else(|| {
            let &[y, m, d] = parts.get(i.checked_sub(2)?..=i)? else {
                return None;
            };
            let day = &d[..d.find(['.', '_', '-']).unwrap_or(d.len())];
            let fits = |s: &str, max| (1..=max).contains(&s.len()) && len_digits(s) == s.len();
            let fits = y.len() == 4 && fits(y, 4) && fits(m, 2) && fits(day, 2);
            fits.then(|| path_ymd(y, m, day)).flatten()
        })
    })
}

/// `2015-07-21`, `2015_07_21` or `2015.07.21` anywhere in one path component, between
/// non-digits, or `20150721` at its start.
fn date_in_name(name: &str) -> Option<Date> {
    let b = name.as_bytes();
    let run = |i: usize| b.get(i..).map_or(0, len_digits_bytes);
    (0..b.len())
        .filter(|&i| i == 0 || !b[i - 1].is_ascii_digit())
        .find_map(|i| match run(i) {
            8 if i == 0 => path_ymd(&name[..4], &name[4..6], &name[6..8]),
            4 => {
                let sep = *b.get(i + 4).filter(|c| b"-_.".contains(c))?;
                let (m, m_len) = (i + 5, run(i + 5));
                let (d, d_len) = (m + m_len + 1, run(m + m_len + 1));
                let fits = (1..=2).contains(&m_len)
                    && (1..=2).contains(&d_len)
                    && b.get(m + m_len) == Some(&sep);
                let (y, m, d) = (i..i + 4, m..m + m_len, d..d + d_len);
                fits.then(|| path_ymd(&name[y], &name[m], &name[d]))
                    .flatten()
            }
            _ => None,
        })
}

fn len_digits_bytes(s: &[u8]) -> usize {
    s.iter().take_while(|c| c.is_ascii_digit()).count()
}

fn len_digits(s: &str) -> usize {
    len_digits_bytes(s.as_bytes())
}

fn path_ymd(y: &str, m: &str, d: &str) -> Option<Date> {
    ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A date given by structured metadata (JSON `date`, `published`, `date_extracted`
/// fields, front matter): "2015-07-21 02:51:32", "2015-07-21", ISO 8601 with time and
/// offset (the calendar date as written), "2015/07/21", "21/07/2015", "21-07-2015",
/// RFC 2822 ("Tue, 21 Jul 2015 10:00:00 +0300"), "July 21, 2015", Arabic forms like
/// "21 يوليو 2015" / "٢١ تموز ٢٠١٥", or `20150721`. The first complete date in the value;
/// None if it has none.
pub fn parse_metadata_date(value: &str) -> Option<Date> {
    let value = value.trim();
    if value.len() == 8 && len_digits(value) == 8 {
        return date_in_name(value);
    }
    let mut found = Vec::new();
    Scanner::new(DateTables::embedded()).paragraph(value, &mut found);
    found.into_iter().find_map(|f| match f {
        Found::Full(date) => Some(date),
        Found::Partial { .. } => None,
    })
}

/// The publication date of a raw article from its text (paragraphs in order; boilerplate
/// paragraphs lend their years, and their dates only when they are the dateline). Which date wins is the module's
/// policy, above.
pub fn date_from_text(paragraphs: &[Paragraph], tables: &DateTables) -> DateInfo {
    let mut scanner = Scanner::new(tables);
    let mut found = Vec::new();
    let (mut dateline, mut body, mut tweeted) = (None, Vec::new(), None);
    for (index, paragraph) in paragraphs.iter().enumerate() {
        found.clear();
        let other_words = scanner.paragraph(&paragraph.text, &mut found);
        let dateline_shaped = dateline.is_none()
            && index < DATELINE_HEAD
            && found.len() == 1
            && other_words <= DATELINE_WORDS;
        // A site's dateline ("• 2024/11/13") is often marked as furniture: it still dates
        // the article; other furniture (related links, footers) does not.
        if found.is_empty() || (paragraph.boilerplate && !dateline_shaped) {
            continue;
        }
        if is_tweet_attribution(&paragraph.text) {
            let latest = found.iter().filter_map(|f| match *f {
                Found::Full(date) => Some(date),
                Found::Partial { .. } => None,
            });
            tweeted = tweeted.max(latest.max());
        } else if dateline_shaped {
            if let Found::Full(date) = found[0] {
                return DateInfo::explicit(date);
            }
            dateline = Some(found[0]);
        } else {
            body.extend_from_slice(&found);
        }
    }
    let years = scanner.years();
    let resolve = |found| match found {
        Found::Full(date) => Some(DateInfo::explicit(date)),
        Found::Partial {
            month,
            day,
            weekday,
        } => infer_year(month, day, weekday, &years).map(DateInfo::inferred),
    };
    // Background: a date in a year before the latest one the text writes.
    let latest_year = years.last().copied().unwrap_or(MIN_YEAR);
    let current = |info: &DateInfo| info.date.is_some_and(|d| d.year() >= latest_year);
    dateline
        .and_then(resolve)
        .or_else(|| body.into_iter().filter_map(resolve).find(current))
        .or_else(|| tweeted.map(DateInfo::inferred))
        .unwrap_or_default()
}

/// "— روسيا بالعربية (@Russia_AR) January 18, 2021": how an embedded tweet is signed.
fn is_tweet_attribution(text: &str) -> bool {
    text.trim_start().starts_with(['—', '–', '-']) && text.contains("(@")
}

/// The date with this day, month and weekday whose year is nearest one of `years`
/// (sorted), the later on a tie, at most [`MAX_YEAR_GAP`] away.
fn infer_year(month: i8, day: i8, weekday: Weekday, years: &[i16]) -> Option<Date> {
    let (first, last) = (*years.first()?, *years.last()?);
    let earliest = (first - MAX_YEAR_GAP).max(MIN_YEAR);
    let latest = (last + MAX_YEAR_GAP).min(MAX_YEAR);
    // Latest first: `min_by_key` keeps the first of equal gaps.
    (earliest..=latest)
        .rev()
        .filter_map(|year| Date::new(year, month, day).ok())
        .filter(|date| date.weekday() == weekday)
        .filter_map(|date| {
            let gap = years.iter().map(|y| (date.year() - y).abs()).min()?;
            (gap <= MAX_YEAR_GAP).then_some((gap, date))
        })
        .min_by_key(|&(gap, _)| gap)
        .map(|(_, date)| date)
}
