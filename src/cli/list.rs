//! `qari list`: one article per line, for scripts. The bookmarks file is read only when
//! it is needed: for `--json`, which counts each article's bookmarks, and for
//! `is:bookmarked`.

use std::borrow::Borrow;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::bookmarks::reported;
use super::{ListArgs, SortArg, load_corpus, report_skipped, write_stdout};
use crate::article::{Article, DateConfidence, sort_newest_first};
use crate::bookmarks::{ArticleLookup, Bookmark, BookmarkStore, StoreError};
use crate::corpus::sources::Outlets;
use crate::index::query::parse;
use crate::index::{Bitset, Index, Order, SearchLimits};
use crate::text::visible;

/// The `--json` record of one article (DESIGN §6). What qari does not know is null,
/// never guessed.
#[derive(Serialize)]
struct ListRecord<'a> {
    id: &'a str,
    path: Option<String>,
    url: Option<&'a str>,
    title: String,
    source: Option<&'a str>,
    source_name: Option<&'a str>,
    date: Option<String>,
    date_confidence: DateConfidence,
    words: usize,
    bookmarks: usize,
}

impl<'a> ListRecord<'a> {
    fn new(article: &'a Article, bookmarks: usize) -> Self {
        Self {
            id: article.id.as_str(),
            path: article.origin.display_path(),
            url: article.url.as_deref(),
            title: visible(&article.title),
            source: article.source.as_ref().map(|s| s.id.as_str()),
            source_name: article.source.as_ref().map(|s| s.name.as_str()),
            date: article.date.date.map(|d| d.to_string()),
            date_confidence: article.date.confidence,
            words: article.words(),
            bookmarks,
        }
    }
}

pub(super) fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let corpus = load_corpus(&args.paths);
    let loaded = started.elapsed();
    report_skipped(&corpus);
    if corpus.articles.is_empty() {
        anyhow::bail!("no article could be loaded");
    }
    let order = match args.sort {
        SortArg::Date => Order::Date,
        SortArg::Relevance => Order::Relevance,
    };
    let query = match &args.query {
        Some(text) => match parse(text, today(), Outlets::embedded()) {
            Ok(query) => Some(query),
            Err(err) => {
                eprintln!("qari: bad query: {err} (at `{}`)", &text[err.span.clone()]);
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let needs_bookmarks = query.as_ref().is_some_and(|q| q.uses_bookmarks());
    let counts = if args.json || needs_bookmarks {
        match load_bookmarks() {
            Ok(bookmarks) => Some(bookmark_counts(&corpus.articles, &bookmarks)),
            Err(err) if needs_bookmarks => {
                eprintln!(
                    "qari: cannot answer is:bookmarked: {}",
                    visible(&err.to_string())
                );
                return Ok(ExitCode::FAILURE);
            }
            Err(err) => {
                eprintln!(
                    "qari: warning: {}; bookmarks are counted as none",
                    visible(&err.to_string())
                );
                None
            }
        }
    } else {
        None
    };
    let docs: Vec<usize> = match &query {
        Some(query) => {
            let building = Instant::now();
            let index = Index::build(&corpus.articles);
            let built = building.elapsed();
            let bookmarked = counts.as_deref().map(bookmarked_set);
            let limits = SearchLimits {
                bookmarked: bookmarked.as_ref(),
                ..SearchLimits::default()
            };
            let searching = Instant::now();
            let found = index.search_within(query, order, limits)?;
            if args.stats {
                eprintln!(
                    "qari: loaded {} articles in {:.1} ms, indexed {} terms in {:.1} ms, query in {:.2} ms: {} found",
                    corpus.articles.len(),
                    ms(loaded),
                    index.term_count(),
                    ms(built),
                    ms(searching.elapsed()),
                    found.len()
                );
            }
            found.into_iter().map(|doc| doc as usize).collect()
        }
        None => {
            if args.stats {
                eprintln!(
                    "qari: loaded {} articles in {:.1} ms",
                    corpus.articles.len(),
                    ms(loaded)
                );
            }
            let mut articles: Vec<Numbered> = corpus
                .articles
                .iter()
                .enumerate()
                .map(|(doc, article)| Numbered { doc, article })
                .collect();
            if order == Order::Date {
                sort_newest_first(&mut articles);
            }
            // Without a query there is no score: relevance order is the order found.
            articles.into_iter().map(|numbered| numbered.doc).collect()
        }
    };
    let limit = args.limit.unwrap_or(usize::MAX);
    write_stdout(|out| {
        for doc in docs.into_iter().take(limit) {
            let article = &corpus.articles[doc];
            if args.json {
                let bookmarks = counts.as_ref().map_or(0, |counts| counts[doc]);
                let json = serde_json::to_string(&ListRecord::new(article, bookmarks))?;
                writeln!(out, "{}", escape_invisible(&json))?;
            } else {
                let date = article.date.date.map_or("-".to_owned(), |d| d.to_string());
                let source = article.source.as_ref().map_or("-", |s| s.id.as_str());
                writeln!(
                    out,
                    "{}\t{date}\t{source}\t{}",
                    article.id,
                    visible(&article.title)
                )?;
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// An article with its number in the corpus, so that it sorts as articles do.
struct Numbered<'a> {
    doc: usize,
    article: &'a Article,
}

impl Borrow<Article> for Numbered<'_> {
    fn borrow(&self) -> &Article {
        self.article
    }
}

/// Every bookmark, after telling standard error about a corrupt file moved aside.
fn load_bookmarks() -> Result<Vec<Bookmark>, StoreError> {
    Ok(reported(BookmarkStore::open()?.load()?))
}

/// How many bookmarks each article has, numbered as in `articles`. A bookmark whose
/// passage is gone from the text still counts for its article; one whose article is not
/// in the corpus (not by id, not by content) counts for none.
fn bookmark_counts(articles: &[Article], bookmarks: &[Bookmark]) -> Vec<usize> {
    let lookup = ArticleLookup::new(articles);
    let mut counts = vec![0; articles.len()];
    for bookmark in bookmarks {
        if let Some((doc, _)) = lookup.find(bookmark) {
            counts[doc] += 1;
        }
    }
    counts
}

/// The articles with at least one bookmark.
fn bookmarked_set(counts: &[usize]) -> Bitset {
    let mut set = Bitset::empty(counts.len());
    for (doc, &count) in counts.iter().enumerate() {
        if count > 0 {
            set.insert(doc as u32);
        }
    }
    set
}

/// serde_json escapes only C0 controls; a file name can also carry C1 controls and bidi
/// overrides. They can only stand inside JSON strings, so `\uXXXX` keeps the value exact
/// while nothing of it can act on a terminal. (All such characters are in the BMP.)
pub(super) fn escape_invisible(json: &str) -> String {
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

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Today's date where qari runs, for relative `date:` filters.
pub fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
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
