//! What a new user tripped over in the bookmarks: `b` twice on one passage, a bookmark
//! whose article is not loaded, and a label that a narrow pane cut off.

use crossterm::event::KeyCode;
use qari::corpus::{load_bytes, load_sample};
use qari::tui::app::{App, Display, Place};
use qari::tui::effects::Stores;
use ratatui::layout::Rect;

use crate::harness::Harness;

fn start(dir: &std::path::Path, corpus: qari::corpus::Corpus, width: u16) -> Harness {
    let app = App::new(corpus, Display::default(), Rect::new(0, 0, width, 24));
    Harness::with_stores(app, Stores::in_dir(dir))
}

#[test]
fn b_on_a_passage_already_bookmarked_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), load_sample(), 100);
    h.keys(&[KeyCode::Enter, KeyCode::Char('b')]);
    assert_eq!(h.app.library.bookmarks.len(), 1);
    h.keys(&[KeyCode::Char('b')]);
    assert_eq!(h.app.library.bookmarks.len(), 1, "no duplicate");
    assert_eq!(h.app.status.message.as_deref(), Some("already bookmarked"));
    // Another passage is bookmarked as before.
    h.keys(&[KeyCode::PageDown, KeyCode::Char('b')]);
    assert_eq!(h.app.library.bookmarks.len(), 2);
}

#[test]
fn a_bookmark_whose_article_is_not_loaded_says_so_and_the_label_fits_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    // Bookmarked in the sample...
    let mut h = start(dir.path(), load_sample(), 80);
    h.keys(&[KeyCode::Enter, KeyCode::Char('b')]);
    assert_eq!(h.app.library.bookmarks.len(), 1);
    // ...then opened on another corpus.
    let other = load_bytes(
        "other.txt",
        "عنوان آخر\n\nنص آخر لا علاقة له بالعينة.\n".as_bytes(),
    );
    let mut h = start(dir.path(), other, 80);
    assert_eq!(h.app.library.places, vec![Place::NotLoaded]);
    h.keys(&[KeyCode::Char('\''), KeyCode::Enter]);
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("article not loaded: its file is not among those open")
    );
    let shown = h.screen();
    assert!(shown.contains("article not loaded ·"), "{shown}");
}

#[test]
fn the_pane_reads_the_store_again_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = start(dir.path(), load_sample(), 100);
    // Another qari on the same data folder bookmarks something.
    let mut second = start(dir.path(), load_sample(), 100);
    second.keys(&[KeyCode::Enter, KeyCode::Char('b')]);
    assert_eq!(first.app.library.bookmarks.len(), 0);
    first.keys(&[KeyCode::Char('\'')]);
    assert_eq!(
        first.app.library.bookmarks.len(),
        1,
        "read again on opening"
    );
}

#[test]
fn opening_a_bookmark_marks_its_article_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), load_sample(), 100);
    h.keys(&[KeyCode::Enter, KeyCode::Char('b')]);
    let article = h.app.reader.as_ref().unwrap().article;
    h.keys(&[KeyCode::Char('m')]);
    assert!(!h.app.is_read(article), "m marked it unread");
    h.keys(&[KeyCode::Char('h'), KeyCode::Char('\''), KeyCode::Enter]);
    assert!(h.app.is_read(article));
}

#[test]
fn an_article_left_at_its_start_reopens_with_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), load_sample(), 100);
    h.keys(&[KeyCode::Enter, KeyCode::Char('h')]);
    h.keys(&[KeyCode::Char('j'), KeyCode::Char('k')]);
    h.keys(&[KeyCode::Enter]);
    let reader = h.app.reader.as_ref().unwrap();
    assert_eq!(reader.scroll, 0);
    assert_eq!(reader.lines[0].kind, qari::tui::app::LineKind::Title);
}

#[test]
fn with_no_result_the_reader_shows_nothing_to_bookmark() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), load_sample(), 100);
    h.app
        .set_index(std::sync::Arc::new(qari::index::Index::build(
            &h.app.articles,
        )));
    h.keys(&[KeyCode::Char('/')]);
    let keys: Vec<KeyCode> = "كلمةلاتوجد".chars().map(KeyCode::Char).collect();
    h.keys(&keys);
    assert!(h.app.list.shown.is_empty());
    assert!(h.app.reader.is_none(), "no stale article");
    h.keys(&[KeyCode::Enter, KeyCode::Tab, KeyCode::Char('b')]);
    assert!(h.app.library.bookmarks.is_empty());
    // Clearing the filter shows the articles again, the first open beside the list.
    h.keys(&[KeyCode::Char('/'), KeyCode::Esc]);
    assert_eq!(h.app.list.shown.len(), 5);
    assert!(h.app.reader.is_some());
}

#[test]
fn a_date_in_an_arabic_heading_reads_year_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = start(dir.path(), load_sample(), 100);
    h.keys(&[KeyCode::Enter, KeyCode::Char('b')]);
    let date = h.app.library.bookmarks[0].article.date.unwrap().to_string();
    h.keys(&[KeyCode::Char('\'')]);
    let shown = h.screen();
    let reversed: String = {
        let parts: Vec<&str> = date.split('-').collect();
        format!("{}-{}-{}", parts[2], parts[1], parts[0])
    };
    assert!(shown.contains(&date), "{shown}");
    assert!(!shown.contains(&reversed), "{shown}");
}
