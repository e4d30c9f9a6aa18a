//! `qari list`: one article per line, for scripts. The query means exactly what is
//! written ([`Mode::Exact`]). The bookmarks and reading-state files are read only when
//! they are needed: for `--json`, which counts each article's bookmarks and says whether
//! it was read, and for `is:bookmarked`, `is:read` and `is:unread`. In the order found
//! (`--sort relevance` without a query) the lines are printed as the corpus loads.

mod streamed;

use std::borrow::Borrow;
use std::io::{self, Write};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::bookmarks::reported;
use super::output::Output;
use super::{
    CliError, ListArgs, SortArg, UsageError, corpus_paths, load_corpus, report_skipped,
    write_stdout,
};
use crate::article::{Article, DateConfidence, sort_newest_first};
use crate::bookmarks::{
    ArticleLookup, Bookmark, BookmarkStore, ReadingState, ReadingStore, StoreError,
};
use crate::config::Config;
use crate::corpus::sources::Outlets;
use crate::index::query::{Mode, Query, parse};
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
    read: bool,
}

impl<'a> ListRecord<'a> {
    fn new(article: &'a Article, bookmarks: usize, read: bool) -> Self {
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
            read,
        }
    }
}

pub(super) fn run(args: &ListArgs, config: &Config, output: &Output) -> Result<(), CliError> {
    let started = Instant::now();
    let order = match args.sort {
        SortArg::Date => Order::Date,
        SortArg::Relevance => Order::Relevance,
    };
    let query = match &args.query {
        Some(text) => match parse(text, Mode::Exact, today(), Outlets::embedded()) {
            Ok(query) => Some(query),
            Err(error) => {
                let at = text[error.span.clone()].to_owned();
                return Err(UsageError::BadQuery { error, at }.into());
            }
        },
        None => None,
    };
    let bookmarks_use = store_use(args, query.as_ref(), Query::uses_bookmarks);
    let bookmarks = load_store(bookmarks_use, load_bookmarks, &BOOKMARKS)?;
    let reading_use = store_use(args, query.as_ref(), Query::uses_reading);
    let reading = load_store(reading_use, load_reading, &READING)?;
    // Only the order found can be printed while the corpus loads: newest first and a
    // ranking need every article, and so do bookmark counts (a bookmark whose article
    // moved is found by its text, anywhere in the corpus).
    let printer = Printer { args, output };
    if query.is_none() && order == Order::Relevance && bookmarks.as_ref().is_none_or(Vec::is_empty)
    {
        let paths = corpus_paths(&args.paths, config);
        return streamed::run(paths, &printer, reading.as_ref(), started);
    }
    let corpus = load_corpus(&args.paths, config);
    let loaded = started.elapsed();
    report_skipped(&corpus);
    if corpus.articles.is_empty() {
        return Err(anyhow::anyhow!("no article could be loaded").into());
    }
    let counts = bookmarks.map(|bookmarks| bookmark_counts(&corpus.articles, &bookmarks));
    let read = reading.map(|state| read_set(&corpus.articles, &state));
    let docs: Vec<usize> = match &query {
        Some(query) => {
            let building = Instant::now();
            let index = Index::build(&corpus.articles);
            let built = building.elapsed();
            let bookmarked = counts.as_deref().map(bookmarked_set);
            let limits = SearchLimits {
                bookmarked: bookmarked.as_ref(),
                read: read.as_ref(),
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
                report_load_time(corpus.articles.len(), loaded);
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
            let marks = Marks {
                bookmarks: counts.as_ref().map_or(0, |counts| counts[doc]),
                read: read.as_ref().is_some_and(|read| read.contains(doc as u32)),
            };
            printer.print(out, &corpus.articles[doc], marks)?;
        }
        Ok(())
    })
}

/// What `--json` says of an article besides the article itself.
#[derive(Clone, Copy, Default)]
struct Marks {
    /// Bookmarks on it.
    bookmarks: usize,
    /// Whether the reading state has it as read.
    read: bool,
}

/// How `qari list` prints one article.
struct Printer<'a> {
    args: &'a ListArgs,
    output: &'a Output,
}

impl Printer<'_> {
    fn print(&self, out: &mut dyn Write, article: &Article, marks: Marks) -> io::Result<()> {
        if self.args.json {
            let record = ListRecord::new(article, marks.bookmarks, marks.read);
            let json = serde_json::to_string(&record)?;
            writeln!(out, "{}", escape_invisible(&json))
        } else {
            let date = article.date.date.map_or("-".to_owned(), |d| d.to_string());
            let source = article.source.as_ref().map_or("-", |s| s.id.as_str());
            let title = visible(&article.title);
            let fields = [article.id.as_str(), &date, source, &title];
            writeln!(out, "{}", self.output.fields(&fields))
        }
    }
}

/// `--stats` without a query.
fn report_load_time(articles: usize, loaded: Duration) {
    eprintln!("qari: loaded {articles} articles in {:.1} ms", ms(loaded));
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

/// Why `qari list` reads a store.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Nothing asks for it.
    None,
    /// `--json` shows what it holds; without it the output is still right.
    Shown,
    /// The query cannot be answered without it.
    Needed,
}

/// Why a store is read, `asks` telling whether the query needs it.
fn store_use(args: &ListArgs, query: Option<&Query>, asks: fn(&Query) -> bool) -> Use {
    if query.is_some_and(asks) {
        Use::Needed
    } else if args.json {
        Use::Shown
    } else {
        Use::None
    }
}

/// What `qari list` says when a store cannot be read.
struct StoreMessages {
    /// The filters that need the store.
    filters: &'static str,
    /// What the output shows instead, when only `--json` wanted it.
    otherwise: &'static str,
}

const BOOKMARKS: StoreMessages = StoreMessages {
    filters: "is:bookmarked",
    otherwise: "bookmarks are counted as none",
};

const READING: StoreMessages = StoreMessages {
    filters: "is:read and is:unread",
    otherwise: "no article is shown as read",
};

/// What a store holds, loaded only when something uses it. A store that cannot be read
/// fails a query that needs it, and is otherwise warned about and left out.
fn load_store<T>(
    why: Use,
    load: impl FnOnce() -> Result<T, StoreError>,
    store: &StoreMessages,
) -> Result<Option<T>, CliError> {
    if why == Use::None {
        return Ok(None);
    }
    match load() {
        Ok(value) => Ok(Some(value)),
        Err(err) if why == Use::Needed => {
            Err(anyhow::anyhow!("cannot answer {}: {err}", store.filters).into())
        }
        Err(err) => {
            let err = visible(&err.to_string());
            eprintln!("qari: warning: {err}; {}", store.otherwise);
            Ok(None)
        }
    }
}

/// Every bookmark, after telling standard error about a corrupt file moved aside.
fn load_bookmarks() -> Result<Vec<Bookmark>, StoreError> {
    Ok(reported(BookmarkStore::open()?.load()?))
}

/// The reading state, after telling standard error about a corrupt file moved aside.
fn load_reading() -> Result<ReadingState, StoreError> {
    Ok(reported(ReadingStore::open()?.load()?))
}

/// The articles of `articles` (by number) that the reading state has as read.
fn read_set(articles: &[Article], state: &ReadingState) -> Bitset {
    let mut set = Bitset::empty(articles.len());
    for (doc, article) in articles.iter().enumerate() {
        if state.is_read(&article.id) {
            set.insert(doc as u32);
        }
    }
    set
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
