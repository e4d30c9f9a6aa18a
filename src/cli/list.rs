//! `qari list`: one article per line, for scripts.

use std::process::ExitCode;

use serde::Serialize;

use super::{ListArgs, load_corpus, report_skipped, write_stdout};
use crate::article::Article;
use crate::text::visible;

/// The `--json` record of one article (DESIGN §6). Fields that qari does not know yet
/// are null, never guessed.
#[derive(Serialize)]
struct ListRecord<'a> {
    id: &'a str,
    path: Option<String>,
    url: Option<&'a str>,
    title: String,
    source: Option<&'a str>,
    source_name: Option<&'a str>,
    date: Option<&'a str>,
    date_confidence: &'static str,
    words: usize,
    bookmarks: usize,
}

impl<'a> ListRecord<'a> {
    fn new(article: &'a Article) -> Self {
        Self {
            id: article.id.as_str(),
            path: article.origin.path().map(|p| p.display().to_string()),
            url: None,
            title: visible(&article.title),
            source: None,
            source_name: None,
            date: None,
            date_confidence: "unknown",
            words: article.words(),
            bookmarks: 0,
        }
    }
}

pub(super) fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let corpus = load_corpus(&args.paths);
    report_skipped(&corpus);
    if corpus.articles.is_empty() {
        anyhow::bail!("no article could be loaded");
    }
    // No article has a date or a score yet, so both orders are the order found.
    let limit = args.limit.unwrap_or(usize::MAX);
    write_stdout(|out| {
        for article in corpus.articles.iter().take(limit) {
            if args.json {
                let json = serde_json::to_string(&ListRecord::new(article))?;
                writeln!(out, "{}", escape_invisible(&json))?;
            } else {
                writeln!(out, "{}\t-\t-\t{}", article.id, visible(&article.title))?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// serde_json escapes only C0 controls; a file name can also carry C1 controls and bidi
/// overrides. They can only stand inside JSON strings, so `\uXXXX` keeps the value exact
/// while nothing of it can act on a terminal. (All such characters are in the BMP.)
fn escape_invisible(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if crate::text::is_never_emitted(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_escaped_and_the_value_survives() {
        let value = "a\u{85}b\u{202E}c";
        let json = escape_invisible(&serde_json::to_string(value).unwrap());
        assert_eq!(json, r#""a\u0085b\u202ec""#);
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), value);
    }
}
