//! Bookmarks and reading state in the reader, driven through the key map with the stores
//! in a temporary folder: what `b`, `B`, the bookmarks pane and `m`, `]`, `[` change in
//! the files, and what a restart finds there.

use crossterm::event::KeyCode;
use qari::corpus::load_sample;
use qari::tui::app::{App, Display};
use qari::tui::effects::Stores;
use ratatui::layout::Rect;

use crate::harness::Harness;

const CAPTION: &str = "المبعوث الخاص للرئيس الروسي، ألكسندر لافرنتييف (سبوتنيك)";

/// A reader on the sample with the stores of `dir` loaded, as qari starts.
fn start(dir: &std::path::Path) -> Harness {
    let app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    let mut h = Harness::with_stores(app, Stores::in_dir(dir));
    let index = qari::index::Index::build(&h.app.articles);
    h.app.set_index(std::sync::Arc::new(index));
    h
}

#[test]
fn b_bookmarks_the_selection_and_the_margin_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path());
    h.keys(&[KeyCode::Enter, KeyCode::Char('v'), KeyCode::Char('b')]);
    assert_eq!(
        h.app.library.bookmarks.len(),
        1,
        "{:?}",
        h.app.status.message
    );
    assert_eq!(h.app.library.bookmarks[0].quote.exact, CAPTION);
    assert_eq!(h.app.library.bookmarks[0].note, None);
    assert!(h.app.selection.is_none());
    // In the file, and marked in the margin of the caption's row (right: Arabic).
    let file = std::fs::read_to_string(dir.path().join("bookmarks.json")).unwrap();
    assert!(file.contains(CAPTION));
    let reader = h.app.reader.as_ref().unwrap();
    let marked: Vec<usize> = (0..reader.lines.len())
        .filter(|&i| reader.bookmarked[i])
        .collect();
    assert_eq!(marked.len(), 1, "one line: {marked:?}");
    assert!(h.screen().lines().any(|row| row.ends_with('▐')));
}

#[test]
fn capital_b_asks_for_a_note_in_arabic_and_the_pane_edits_deletes_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path());
    h.keys(&[KeyCode::Enter, KeyCode::Char('v'), KeyCode::Char('B')]);
    assert!(h.app.note_input().is_some());
    h.type_keys("للتحقق");
    // The note is drawn shaped on the status line while typed.
    let shaped = crate::support::fribidi_visual_lines("للتحقق")[0]
        .trim()
        .to_owned();
    assert!(h.screen().lines().last().unwrap().contains(&shaped));
    h.keys(&[KeyCode::Enter]);
    assert_eq!(h.app.library.bookmarks[0].note.as_deref(), Some("للتحقق"));

    // The pane lists it with its note; e edits the note.
    h.keys(&[KeyCode::Char('\'')]);
    let listed = h.screen();
    assert!(listed.contains("bookmarks · 1"), "{listed}");
    h.keys(&[KeyCode::Char('e'), KeyCode::Backspace, KeyCode::Backspace]);
    h.type_keys("ق مهم");
    h.keys(&[KeyCode::Enter]);
    assert_eq!(
        h.app.library.bookmarks[0].note.as_deref(),
        Some("للتحق مهم")
    );

    // d deletes (from the file too); u brings it back.
    h.keys(&[KeyCode::Char('d')]);
    assert!(h.app.library.bookmarks.is_empty());
    let file = std::fs::read_to_string(dir.path().join("bookmarks.json")).unwrap();
    assert!(!file.contains(CAPTION));
    h.keys(&[KeyCode::Char('u')]);
    assert_eq!(h.app.library.bookmarks.len(), 1);
    assert_eq!(
        h.app.library.bookmarks[0].note.as_deref(),
        Some("للتحق مهم")
    );
    // Esc while typing a note for a new bookmark drops it.
    h.keys(&[
        KeyCode::Esc,
        KeyCode::Char('B'),
        KeyCode::Char('x'),
        KeyCode::Esc,
    ]);
    assert_eq!(h.app.library.bookmarks.len(), 1);
}

#[test]
fn enter_in_the_pane_opens_the_article_at_the_passage_and_the_filter_finds_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path());
    // The third article, scrolled down a page: bookmark the paragraph at the top.
    h.keys(&[KeyCode::Char('j'), KeyCode::Char('j'), KeyCode::Enter]);
    h.keys(&[KeyCode::Char(' '), KeyCode::Char('b')]);
    let article = h.app.reader.as_ref().unwrap().article;
    let scroll = h.app.reader.as_ref().unwrap().scroll;
    let passage = h.app.library.bookmarks[0].quote.exact.clone();
    // Elsewhere, then back through the pane.
    h.keys(&[KeyCode::Char('h'), KeyCode::Char('g'), KeyCode::Enter]);
    assert_ne!(h.app.reader.as_ref().unwrap().article, article);
    h.keys(&[KeyCode::Char('\''), KeyCode::Char('/')]);
    h.type_keys("xyz");
    assert!(h.screen().contains("no bookmark holds that text"));
    h.keys(&[KeyCode::Esc, KeyCode::Enter]);
    assert!(h.app.bookmarks_pane().is_none());
    let reader = h.app.reader.as_ref().unwrap();
    assert_eq!(reader.article, article);
    assert!(
        reader.scroll <= scroll && reader.scroll + 3 >= scroll,
        "{} vs {scroll}",
        reader.scroll
    );
    let top: String = reader.lines[reader.scroll..reader.scroll + 3]
        .iter()
        .flat_map(|l| l.line.cells.iter().map(|c| c.text.clone()))
        .collect();
    assert!(!top.is_empty());
    // is:bookmarked in the filter bar lists just that article.
    h.keys(&[KeyCode::Char('h'), KeyCode::Char('/')]);
    h.type_keys("is:bookmarked");
    assert_eq!(h.app.list.shown, vec![article as u32], "{passage}");
}

#[test]
fn reading_state_survives_a_restart_and_brackets_find_unread_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path());
    assert_eq!(h.app.unread_count(), 5);
    // Open the second article, read down a page and a half, leave.
    h.keys(&[KeyCode::Char('j'), KeyCode::Enter]);
    h.keys(&[KeyCode::Char(' '), KeyCode::Char('j'), KeyCode::Char('j')]);
    let top = h.app.reader.as_ref().unwrap().scroll;
    assert!(top > 2);
    let article = h.app.reader.as_ref().unwrap().article;
    h.keys(&[KeyCode::Char('h')]);
    assert_eq!(h.app.unread_count(), 4);
    assert!(h.screen().contains("4 unread"));

    // A new qari: read, and reopened at the same line.
    let mut again = start(dir.path());
    assert!(again.app.is_read(article));
    assert_eq!(again.app.unread_count(), 4);
    again.keys(&[KeyCode::Char('j'), KeyCode::Enter]);
    assert_eq!(again.app.reader.as_ref().unwrap().article, article);
    assert_eq!(again.app.reader.as_ref().unwrap().scroll, top);

    // ] skips the read article; [ comes back to the first unread; m toggles.
    again.keys(&[KeyCode::Char('h'), KeyCode::Char('g'), KeyCode::Char(']')]);
    assert_eq!(again.app.list.selected, 2, "the second row is read");
    again.keys(&[KeyCode::Char('[')]);
    assert_eq!(again.app.list.selected, 0);
    again.keys(&[KeyCode::Char('m')]);
    assert!(again.app.is_read(again.app.selected_article().unwrap()));
    again.keys(&[KeyCode::Char('m')]);
    assert!(!again.app.is_read(again.app.selected_article().unwrap()));
}
