//! `qari bookmarks`: list, add and export bookmarked passages without the reader. Listing
//! and exporting read only the bookmarks file (each bookmark keeps its article's title,
//! source and date); adding loads the corpus to quote the passage. On a terminal the
//! listed passages and notes, and each line of the Markdown export, are shaped and in
//! visual order; JSON is always logical.

use serde::Serialize;

use super::list::escape_invisible;
use super::output::Output;
use super::{
    BookmarksAction, BookmarksAddArgs, BookmarksArgs, CliError, ExportFormat, UsageError,
    load_corpus, report_skipped, write_stdout,
};
use crate::bookmarks::store::FORMAT_VERSION;
use crate::bookmarks::{Bookmark, BookmarkStore, LogicalBody, NewBookmark, Outcome};
use crate::config::Config;
use crate::text::visible;

/// Chars of a passage shown on a `list` line.
const SHORT_PASSAGE_CHARS: usize = 60;

pub(super) fn run(args: &BookmarksArgs, config: &Config, output: &Output) -> Result<(), CliError> {
    match &args.action {
        None => list(args.json, output),
        Some(BookmarksAction::List(list_args)) => list(list_args.json, output),
        Some(BookmarksAction::Add(add_args)) => add(add_args, config),
        Some(BookmarksAction::Export(export_args)) => export(export_args.format, output),
    }
}

/// The bookmarks, after telling standard error about a corrupt file moved aside.
fn load(store: &BookmarkStore) -> Result<Vec<Bookmark>, CliError> {
    Ok(reported(store.load()?))
}

/// The value, after telling standard error about a corrupt file moved aside.
pub(super) fn reported<T>(outcome: Outcome<T>) -> T {
    if let Some(moved) = &outcome.moved_aside {
        eprintln!("qari: warning: {}", visible(&moved.to_string()));
    }
    outcome.value
}

fn list(json: bool, output: &Output) -> Result<(), CliError> {
    let bookmarks = load(&BookmarkStore::open()?)?;
    write_stdout(|out| {
        for bookmark in &bookmarks {
            if json {
                let line = serde_json::to_string(bookmark)?;
                writeln!(out, "{}", escape_invisible(&line))?;
            } else {
                let fields = [
                    visible(bookmark.id.as_str()),
                    bookmark.article_id.to_string(),
                    bookmark.position.start.to_string(),
                    bookmark.position.end.to_string(),
                    shorten(&one_line(&bookmark.quote.exact), SHORT_PASSAGE_CHARS),
                    bookmark.note.as_deref().map_or("-".to_owned(), one_line),
                ];
                let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
                writeln!(out, "{}", output.fields(&fields))?;
            }
        }
        Ok(())
    })
}

fn add(args: &BookmarksAddArgs, config: &Config) -> Result<(), CliError> {
    let corpus = load_corpus(&args.paths, config);
    report_skipped(&corpus);
    let article = corpus.find(&args.id)?;
    let body = LogicalBody::of(article);
    let new = NewBookmark::new(article, &body, args.start..args.end, args.note.clone())
        .map_err(UsageError::Passage)?;
    let bookmark = reported(BookmarkStore::open()?.add(new)?);
    // The id alone, logical on a terminal too: it is what a script keeps.
    write_stdout(|out| writeln!(out, "{}", bookmark.id))
}

fn export(format: ExportFormat, output: &Output) -> Result<(), CliError> {
    let bookmarks = load(&BookmarkStore::open()?)?;
    let text = match format {
        ExportFormat::Json => {
            let store = Export {
                version: FORMAT_VERSION,
                bookmarks: &bookmarks,
            };
            // Line by line: the line breaks are the pretty-printer's, and every one
            // inside a string is already written `\n`.
            let json = serde_json::to_string_pretty(&store)?;
            json.lines()
                .map(|line| escape_invisible(line) + "\n")
                .collect()
        }
        ExportFormat::Md => output.text(&markdown(&bookmarks)),
    };
    write_stdout(|out| out.write_all(text.as_bytes()))
}

/// `export --format json`: the store as `bookmarks.json` holds it.
#[derive(Serialize)]
struct Export<'a> {
    version: u32,
    bookmarks: &'a [Bookmark],
}

/// Markdown of the bookmarks: one section per article, in the order of its first
/// bookmark; each passage a block quote (a paragraph per paragraph) and its note.
fn markdown(bookmarks: &[Bookmark]) -> String {
    let mut articles: Vec<(&str, Vec<&Bookmark>)> = Vec::new();
    for bookmark in bookmarks {
        let id = bookmark.article_id.as_str();
        match articles.iter_mut().find(|(article, _)| *article == id) {
            Some((_, group)) => group.push(bookmark),
            None => articles.push((id, vec![bookmark])),
        }
    }
    let mut out = String::from("# Bookmarks\n");
    for (id, group) in articles {
        // The latest snapshot names the article.
        let snapshot = &group[group.len() - 1].article;
        let source = snapshot
            .source_name
            .as_deref()
            .or(snapshot.source.as_deref())
            .map(|name| escape_markdown(&one_line(name)));
        let date = snapshot.date.map(|d| d.to_string());
        let id = format!("`{}`", id.replace('`', "'"));
        let about: Vec<String> = [source, date, Some(id)].into_iter().flatten().collect();
        out.push_str(&format!(
            "\n## {}\n\n",
            escape_markdown(&one_line(&snapshot.title))
        ));
        out.push_str(&format!("{}\n", about.join(" · ")));
        if let Some(url) = &snapshot.url {
            // An autolink: what would end it or break it is percent-encoded.
            let url: String = one_line(url)
                .chars()
                .map(|c| match c {
                    '<' => "%3C".to_owned(),
                    '>' => "%3E".to_owned(),
                    ' ' => "%20".to_owned(),
                    c => c.to_string(),
                })
                .collect();
            out.push_str(&format!("\n<{url}>\n"));
        }
        for bookmark in group {
            out.push('\n');
            let paragraphs: Vec<String> = bookmark
                .quote
                .exact
                .split('\n')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| format!("> {}\n", escape_markdown(&one_line(p))))
                .collect();
            out.push_str(&paragraphs.join(">\n"));
            if let Some(note) = &bookmark.note {
                out.push_str(&format!("\nNote: {}\n", escape_markdown(&one_line(note))));
            }
        }
    }
    out
}

/// Printable text on one line: controls and bidi controls dropped, runs of whitespace
/// (line breaks included) made one space.
fn one_line(text: &str) -> String {
    visible(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first `max` chars, with `…` when something was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max - 1).collect();
    short.push('…');
    short
}

/// Text that Markdown shows as it is: inline markup characters escaped, and a line that
/// would start a heading, list or rule made plain.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    let starts_list = matches!(out.chars().next(), Some('-' | '+' | '='))
        || (digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')));
    if starts_list {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_markup_is_escaped() {
        assert_eq!(escape_markdown("a *b* [c](d) #e"), r"a \*b\* \[c\](d) \#e");
        assert_eq!(escape_markdown("- item"), r"\- item");
        assert_eq!(escape_markdown("12. item"), r"12\. item");
        assert_eq!(escape_markdown("12 items."), "12 items.");
    }

    #[test]
    fn passages_are_shortened_on_one_line() {
        assert_eq!(one_line("a\n\nb\tc\u{202E}d"), "a b cd");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abcd", 4), "abcd");
    }
}
