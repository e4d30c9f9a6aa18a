//! The values of `date:`: a year, month or day (`2021`, `2021-01`, `2021-01-18`), a range
//! of them with either end open (`2020..2021-06`, `..2015`), or a period ending today
//! (`7d`, `2w`, `3m`, `1y`), as an inclusive range of days.

use jiff::Span;
use jiff::civil::Date;

use super::{DateRange, QueryError};

/// The days `date:` names, `text` starting at byte `at` of the filter text: a range
/// `start..end` (either end open), a period relative to `today` (`7d`), or one year,
/// month or day.
pub(super) fn date_range(text: &str, at: usize, today: Date) -> Result<DateRange, QueryError> {
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

/// `7d`, `2w`, `3m`, `1y`: that many days, weeks, months or years ending `today`, today included (so
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
        'w' => Span::try_weeks::<i64>,
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
