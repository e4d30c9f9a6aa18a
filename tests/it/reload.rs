//! Live reload as the reader's state sees it: a folder's files change while an article
//! is open and scrolled, the folder is loaded again, and the reader takes the new
//! articles without losing its place, its bookmarks or its filter.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crossterm::event::KeyCode;
use qari::corpus::load_paths;
use qari::index::Index;
use qari::tui::app::{App, Display, FilterStatus};
use qari::tui::effects::Stores;
use qari::tui::geometry::Pane;
use qari::tui::reader::LineKind;
use qari::tui::watch::reload;
use ratatui::layout::Rect;

use crate::harness::Harness;

/// A text file with a title and a day, so that the list's order is known.
fn write(dir: &Path, name: &str, title: &str, date: &str, paragraphs: &[String]) {
    let body = paragraphs.join("\n\n");
    let text = format!("---\ntitle: {title}\ndate: {date}\n---\n{body}\n");
    std::fs::write(dir.join(name), text).unwrap();
}

/// Paragraph `n` of the long article: words of its own, long enough to wrap.
fn paragraph(n: usize) -> String {
    format!(
        "الفقرة رقم {n} من التقرير الطويل تروي ما جرى في الجلسة {n} بتفصيل، وتذكر \
         المشاركين فيها واحدا واحدا وما قاله كل منهم عن الموضوع {n} قبل أن ترفع."
    )
}

fn long_article(dir: &Path, first: usize) {
    let paragraphs: Vec<String> = (first..40).map(paragraph).collect();
    write(dir, "long.txt", "تقرير طويل", "2021-03-01", &paragraphs);
}

/// A folder with three articles: `c.txt` (newest), `long.txt`, `a.txt`.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "خبر قديم",
        "2021-01-01",
        &["نص الخبر القديم عن السوق.".to_owned()],
    );
    long_article(dir.path(), 3);
    write(
        dir.path(),
        "c.txt",
        "خبر سيحذف",
        "2021-04-01",
        &["نص الخبر الذي سيحذف بعد قليل.".to_owned()],
    );
    dir
}

fn paths(dir: &Path) -> Vec<PathBuf> {
    vec![dir.to_path_buf()]
}

/// A reader on the folder with the stores of `data`, as qari starts.
fn start(dir: &Path, data: &Path) -> Harness {
    let app = App::new(
        load_paths(&paths(dir)),
        Display::default(),
        Rect::new(0, 0, 100, 30),
    );
    let mut h = Harness::with_stores(app, Stores::in_dir(data));
    h.app.set_index(Arc::new(Index::build(&h.app.articles)));
    h
}

fn id(app: &App, article: Option<usize>) -> Option<&str> {
    article.map(|n| app.articles[n].id.as_str())
}

fn ids(app: &App) -> Vec<&str> {
    app.list
        .shown
        .iter()
        .map(|&n| app.articles[n as usize].id.as_str())
        .collect()
}

/// The text from the reader's top line on: what the reader sees first.
fn top_text(app: &App) -> String {
    let reader = app.reader.as_ref().unwrap();
    let line = &reader.lines[reader.scroll];
    let LineKind::Paragraph(p) = line.kind else {
        panic!("the top line is not text: {:?}", line.kind);
    };
    let text = &app.articles[reader.article].paragraphs.at(p).text;
    text[line.line.logical.start..].chars().take(60).collect()
}

/// Opens `long.txt` (the second row) and scrolls into the middle of it.
fn open_long(h: &mut Harness) {
    h.keys(&[KeyCode::Char('j'), KeyCode::Enter]);
    assert_eq!(
        id(&h.app, h.app.reader.as_ref().map(|r| r.article)),
        Some("long.txt")
    );
    h.keys(&[KeyCode::Char('j'); 17]);
    // On a line of text, a blank line between paragraphs has no place of its own.
    while h
        .app
        .reader
        .as_ref()
        .is_some_and(|r| r.lines[r.scroll].kind == LineKind::Blank)
    {
        h.keys(&[KeyCode::Char('j')]);
    }
    assert_eq!(h.app.layout.focus, Pane::Reader);
}

#[test]
fn new_changed_and_removed_files_keep_the_reader_where_it_was() {
    let dir = folder();
    let data = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), data.path());
    assert_eq!(ids(&h.app), ["c.txt", "long.txt", "a.txt"]);
    open_long(&mut h);
    // A bookmark on the paragraph at the top, kept in the store.
    h.keys(&[KeyCode::Char('b')]);
    assert_eq!(
        h.app.library.bookmarks.len(),
        1,
        "{:?}",
        h.app.status.message
    );
    let before = top_text(&h.app);
    let scroll = h.app.reader.as_ref().unwrap().scroll;
    assert!(scroll > 10, "scrolled into the article: {scroll}");
    let old_articles = Arc::clone(&h.app.articles);

    write(
        dir.path(),
        "b.txt",
        "خبر جديد",
        "2021-05-01",
        &["نص الخبر الجديد عن المطر.".to_owned()],
    );
    // Three paragraphs written above the text at the top.
    long_article(dir.path(), 0);
    std::fs::remove_file(dir.path().join("c.txt")).unwrap();
    assert!(h.app.reload(reload(&paths(dir.path()), &h.app.articles)));

    assert_eq!(ids(&h.app), ["b.txt", "long.txt", "a.txt"]);
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("files reloaded: 1 new, 1 changed, 1 removed")
    );
    assert_eq!(id(&h.app, h.app.selected_article()), Some("long.txt"));
    assert_eq!(h.app.list.selected, 1);
    let reader = h.app.reader.as_ref().unwrap();
    assert_eq!(id(&h.app, Some(reader.article)), Some("long.txt"));
    assert_eq!(h.app.layout.focus, Pane::Reader);
    assert_eq!(top_text(&h.app), before);
    assert!(
        reader.scroll > scroll,
        "the inserted paragraphs are above: {} then {scroll}",
        reader.scroll
    );
    // The bookmark belongs to the article at its new number, and still marks its line.
    let long = reader.article;
    assert_eq!(
        h.app.library.bookmarked_articles.keys().collect::<Vec<_>>(),
        [&long]
    );
    assert!(
        reader.bookmarked[reader.scroll..]
            .iter()
            .any(|&marked| marked)
    );
    assert_eq!(
        h.app.bookmark_place(0).map(|(article, _)| article),
        Some(long)
    );

    // The index of the old articles is never used with the new ones.
    assert!(h.app.index.ready.is_none());
    let stale = Arc::new(Index::build(&old_articles));
    assert!(!h.app.index_built(stale, &old_articles));
    assert!(h.app.index.ready.is_none());
    let current = Arc::clone(&h.app.articles);
    assert!(
        h.app
            .index_built(Arc::new(Index::build(&current)), &current)
    );
    assert!(h.app.index.ready.is_some());
}

#[test]
fn an_unchanged_article_keeps_its_exact_line_and_a_second_reload_changes_nothing() {
    let dir = folder();
    let data = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), data.path());
    open_long(&mut h);
    let scroll = h.app.reader.as_ref().unwrap().scroll;
    let before = top_text(&h.app);

    write(
        dir.path(),
        "b.txt",
        "خبر جديد",
        "2021-05-01",
        &["نص الخبر الجديد عن المطر.".to_owned()],
    );
    assert!(h.app.reload(reload(&paths(dir.path()), &h.app.articles)));
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("files reloaded: 1 new")
    );
    assert_eq!(h.app.reader.as_ref().unwrap().scroll, scroll);
    assert_eq!(top_text(&h.app), before);
    assert_eq!(id(&h.app, h.app.selected_article()), Some("long.txt"));
    assert_eq!(h.app.list.selected, 2, "b.txt is newest, above it");

    // Loading the same files again is no change: the articles (and their index) stay.
    h.app.status.message = None;
    let articles = Arc::clone(&h.app.articles);
    assert!(!h.app.reload(reload(&paths(dir.path()), &h.app.articles)));
    assert!(Arc::ptr_eq(&articles, &h.app.articles));
    assert_eq!(h.app.status.message, None);
}

#[test]
fn a_removed_open_article_is_said_and_the_list_shown() {
    let dir = folder();
    let data = tempfile::tempdir().unwrap();
    // Narrow: the reader takes the whole screen.
    let app = App::new(
        load_paths(&paths(dir.path())),
        Display::default(),
        Rect::new(0, 0, 50, 20),
    );
    let mut h = Harness::with_stores(app, Stores::in_dir(data.path()));
    open_long(&mut h);

    std::fs::remove_file(dir.path().join("long.txt")).unwrap();
    write(
        dir.path(),
        "x.txt",
        "خبر غير مقروء",
        "2020-01-01",
        &["نص لا يقرأ الآن.".to_owned()],
    );
    // An unreadable file is counted among the skipped.
    std::fs::write(dir.path().join("bad.txt"), b"\0\0binary").unwrap();
    assert!(h.app.reload(reload(&paths(dir.path()), &h.app.articles)));

    assert!(h.app.reader.is_none());
    assert_eq!(h.app.layout.focus, Pane::List);
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("files reloaded: 1 new, 1 removed (the open article was removed)")
    );
    assert_eq!(ids(&h.app), ["c.txt", "a.txt", "x.txt"]);
    // The nearest row: the one the removed article was on.
    assert_eq!(h.app.list.selected, 1);
    assert_eq!(h.app.status.skipped.len(), 1);
    assert!(h.app.status.skipped[0].path.ends_with("bad.txt"));
}

#[test]
fn the_filter_keeps_its_rows_until_the_new_index_runs_it_again() {
    let dir = folder();
    let data = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), data.path());
    h.keys(&[KeyCode::Char('/')]);
    h.type_keys("الخبر");
    assert_eq!(ids(&h.app), ["c.txt", "a.txt"]);
    h.keys(&[KeyCode::Enter, KeyCode::Char('j')]);
    assert_eq!(id(&h.app, h.app.selected_article()), Some("a.txt"));

    write(
        dir.path(),
        "b.txt",
        "خبر جديد",
        "2021-05-01",
        &["نص الخبر الجديد عن المطر.".to_owned()],
    );
    std::fs::remove_file(dir.path().join("c.txt")).unwrap();
    assert!(h.app.reload(reload(&paths(dir.path()), &h.app.articles)));
    // The old rows that are left; the new article waits for the index.
    assert_eq!(ids(&h.app), ["a.txt"]);
    assert_eq!(id(&h.app, h.app.selected_article()), Some("a.txt"));
    assert_eq!(
        crate::support::search_request(&mut h.app).map(|r| r.generation),
        None
    );

    let current = Arc::clone(&h.app.articles);
    assert!(
        h.app
            .index_built(Arc::new(Index::build(&current)), &current)
    );
    qari::tui::search::settle(&mut h.app);
    assert_eq!(ids(&h.app), ["b.txt", "a.txt"]);
    assert_eq!(id(&h.app, h.app.selected_article()), Some("a.txt"));
    assert_eq!(h.app.list.search.status, FilterStatus::Parsed);
}

/// The reader's text on the screen: right of the list and its divider, below the pane's
/// header (which counts lines) and above the status line.
fn reader_pane(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    rows[1..rows.len().saturating_sub(1)]
        .iter()
        .map(|row| {
            row.chars()
                .skip(45)
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect()
}

#[test]
fn a_running_reader_picks_up_new_changed_and_removed_files_in_place() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "خبر قديم",
        "2021-01-01",
        &["نص الخبر القديم عن السوق.".to_owned()],
    );
    long_article(dir.path(), 3);
    let tmux = crate::tmux::Tmux::start(100, 30);
    tmux.type_line(&crate::tmux::qari_command(&[dir.path()]));
    tmux.wait_for(|s| s.contains("Articles · 2") && !s.contains("indexing"));
    // The long article is newest: open it and read a little way in.
    tmux.keys(&["Enter", "j", "j", "j", "j", "j", "j", "j", "j"]);
    let before = reader_pane(&tmux.wait_for(|s| s.contains("Reader · lines 9–")));
    let settled = |screen: &str| !screen.contains("indexing") && !screen.contains("searching");

    write(
        dir.path(),
        "b.txt",
        "خبر جديد",
        "2021-05-01",
        &["نص الخبر الجديد عن المطر.".to_owned()],
    );
    let screen = tmux.wait_for(|s| {
        s.contains("Articles · 3") && s.contains("files reloaded: 1 new") && settled(s)
    });
    assert_eq!(reader_pane(&screen), before, "{screen}");

    // Paragraphs written above the text the reader shows: the same text stays in view.
    long_article(dir.path(), 0);
    let screen = tmux.wait_for(|s| s.contains("files reloaded: 1 changed") && settled(s));
    assert_eq!(reader_pane(&screen), before, "{screen}");

    std::fs::remove_file(dir.path().join("a.txt")).unwrap();
    let screen = tmux.wait_for(|s| {
        s.contains("Articles · 2") && s.contains("files reloaded: 1 removed") && settled(s)
    });
    assert_eq!(reader_pane(&screen), before, "{screen}");
    // The list: the new article's day, and no longer the removed one's.
    assert!(screen.contains("2021-05-01"), "{screen}");
    assert!(!screen.contains("2021-01-01"), "{screen}");

    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}
