//! The mouse and the article's address, through the entry points the event loop uses:
//! the wheel scrolls the pane under the pointer, a click selects a row or focuses the
//! reader, nothing acts behind the help; the reader shows the address under the title
//! and `o` copies it.

use crossterm::event::KeyCode;
use qari::corpus::{load_bytes, load_sample};
use qari::tui::app::{App, Display, LineKind, Mouse, MouseAction};
use ratatui::layout::Rect;

use crate::harness::Harness;

fn at(action: MouseAction, column: u16, row: u16) -> Mouse {
    Mouse {
        action,
        column,
        row,
    }
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 20));
    let reader = app.areas().reader.unwrap();
    let list = app.areas().list.unwrap();
    // Over the reader: its text scrolls three lines, the list stays.
    assert!(app.mouse(at(MouseAction::WheelDown, reader.x + 5, reader.y + 3)));
    assert_eq!(app.reader.as_ref().unwrap().scroll, 3);
    assert_eq!(app.list.selected, 0);
    assert!(app.mouse(at(MouseAction::WheelUp, reader.x + 5, reader.y + 3)));
    assert_eq!(app.reader.as_ref().unwrap().scroll, 0);
    // Over the list: the next article, which the reader then shows.
    assert!(app.mouse(at(MouseAction::WheelDown, list.x + 2, list.y + 2)));
    assert_eq!(app.list.selected, 1);
    assert_eq!(app.reader.as_ref().unwrap().article, 1);
}

#[test]
fn a_click_selects_a_row_or_focuses_the_reader() {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 20));
    let rows = app.areas().list_rows().unwrap();
    assert!(app.mouse(at(MouseAction::Click, rows.x + 3, rows.y + 2)));
    assert_eq!(app.list.selected, 2);
    assert_eq!(app.reader.as_ref().unwrap().article, 2);
    let reader = app.areas().reader.unwrap();
    assert!(app.mouse(at(MouseAction::Click, reader.x + 3, reader.y + 4)));
    assert_eq!(app.layout.focus, qari::tui::geometry::Pane::Reader);
    // A click on the status line does nothing.
    let status = app.areas().status;
    assert!(!app.mouse(at(MouseAction::Click, 3, status.y)));
    // A click under the last row selects nothing new.
    let rows = app.areas().list_rows().unwrap();
    app.mouse(at(MouseAction::Click, rows.x + 1, rows.bottom() - 1));
    assert_eq!(app.list.selected, 2);
}

#[test]
fn nothing_behind_the_help_takes_the_mouse() {
    let app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 20));
    let mut h = Harness::new(app);
    h.key(KeyCode::Char('?'));
    let rows = h.app.areas().list_rows().unwrap();
    assert!(!h.app.mouse(at(MouseAction::Click, rows.x + 3, rows.y + 2)));
    assert!(
        !h.app
            .mouse(at(MouseAction::WheelDown, rows.x + 3, rows.y + 2))
    );
    assert_eq!(h.app.list.selected, 0);
}

const WITH_URL: &str = r#"{"title": "عنوان الخبر", "url": "https://example.com/news/سوريا?id=1", "text": "الفقرة الأولى من الخبر."}
"#;

#[test]
fn the_reader_shows_the_address_under_the_title_and_o_copies_it() {
    let corpus = load_bytes("news.jsonl", WITH_URL.as_bytes());
    assert_eq!(corpus.articles.len(), 1, "{:?}", corpus.skipped);
    let mut h = Harness::new(App::new(
        corpus,
        Display::default(),
        Rect::new(0, 0, 100, 12),
    ));
    let reader = h.app.reader.as_ref().unwrap();
    let url_row = reader
        .lines
        .iter()
        .position(|l| l.kind == LineKind::Url)
        .expect("an address line");
    assert_eq!(reader.lines[url_row - 1].kind, LineKind::Title);
    let buffer = h.buffer();
    let text_area = h.app.areas().reader_text().unwrap();
    let row: String = (text_area.x..text_area.right())
        .map(|x| {
            buffer[(x, text_area.y + url_row as u16)]
                .symbol()
                .to_owned()
        })
        .collect();
    assert!(
        row.trim_start().starts_with("https://example.com/news/"),
        "{row:?}"
    );
    let effects = h.key(KeyCode::Char('o'));
    assert_eq!(
        crate::support::clipboard(&effects).as_deref(),
        Some("https://example.com/news/سوريا?id=1")
    );
    assert!(h.status_row().contains("copied https://example.com"));
}

#[test]
fn an_article_without_an_address_says_so() {
    let mut h = Harness::new(App::new(
        load_sample(),
        Display::default(),
        Rect::new(0, 0, 100, 12),
    ));
    assert!(
        h.app
            .reader
            .as_ref()
            .unwrap()
            .lines
            .iter()
            .all(|l| l.kind != LineKind::Url)
    );
    let effects = h.key(KeyCode::Char('o'));
    assert_eq!(crate::support::clipboard(&effects), None);
    assert!(h.status_row().contains("no address"));
}
