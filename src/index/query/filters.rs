//! `src:`, `date:` and `is:` given their meaning: outlet names resolved to ids (a list
//! `src:a,b` to the outlets of any of them), dates to day ranges, `is:` to a typed flag.

use std::ops::Range;

use super::lex::{Part, Quote};
use super::parse::{Context, unclosed_quote};
use super::{Clause, QueryError, Reading, dates};
use crate::corpus::sources::Outlets;

/// The clause for the filter `key:` (spanning `span`) with the value `parts` (one part
/// unless the key is `src`).
pub(super) fn clause(
    key: &str,
    span: Range<usize>,
    parts: &[Part<'_>],
    context: &Context<'_>,
) -> Result<Clause, QueryError> {
    let key_span = span.start..span.start + key.len() + 1;
    let name = key.to_ascii_lowercase();
    if !matches!(name.as_str(), "src" | "date" | "is") {
        let message = format!("unknown filter `{key}:` (use src:, date:, is:)");
        return Err(QueryError::new(message, key_span));
    }
    if !context.typing()
        && let Some(part) = parts.iter().find(|p| p.quote == Quote::Unterminated)
    {
        return Err(unclosed_quote(part));
    }
    let [value] = parts else {
        return Ok(Clause::Source {
            ids: outlet_list(parts, context)?,
        });
    };
    if value.text.trim().is_empty() {
        let example = match name.as_str() {
            "src" => "src:okaz",
            "date" => "date:2021 or date:7d",
            _ => "is:bookmarked",
        };
        let message = format!("`{key}:` needs a value, such as {example}");
        return Err(QueryError::new(message, key_span.start..value.end()));
    }
    match name.as_str() {
        "src" => Ok(Clause::Source {
            ids: outlet_ids(value, context.outlets)?,
        }),
        "date" => Ok(Clause::Date {
            range: dates::date_range(value.text, value.at, context.today)?,
        }),
        _ => match value.text.to_ascii_lowercase().as_str() {
            "bookmarked" => Ok(Clause::Bookmarked),
            "read" => Ok(Clause::Reading(Reading::Read)),
            "unread" => Ok(Clause::Reading(Reading::Unread)),
            _ => {
                let message = format!(
                    "unknown `is:{}` (use is:bookmarked, is:read or is:unread)",
                    value.text
                );
                Err(QueryError::new(message, value.span()))
            }
        },
    }
}

/// The outlets of `src:a,b,…`: those of any of the names, in the order typed, each once.
fn outlet_list(parts: &[Part<'_>], context: &Context<'_>) -> Result<Vec<String>, QueryError> {
    let mut ids: Vec<String> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if part.text.trim().is_empty() {
            // `src:okaz,` with the cursor after the comma: the next name is being typed.
            if i + 1 == parts.len() && context.cursor_at(part.end()) {
                continue;
            }
            // The comma before the missing name; the one after it for the first name.
            let comma = match i {
                0 => part.end(),
                _ => part.outer_span().start - 1,
            };
            return Err(QueryError::new(
                "an outlet name is missing beside this `,` (src:a,b)",
                comma..comma + 1,
            ));
        }
        for id in outlet_ids(part, context.outlets)? {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    Ok(ids)
}

/// The outlets one name given to `src:` stands for: the one the whole name resolves to,
/// else every outlet with a name that starts with it, in file order.
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
