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
                serde_json::to_writer(&mut *out, &ListRecord::new(article))?;
                writeln!(out)?;
            } else {
                writeln!(out, "{}\t-\t-\t{}", article.id, visible(&article.title))?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
