//! The filter's searches as the event loop sees them: each filter change asks for a
//! search, answers come back later (from the worker) and only the newest counts.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display};
use qari::tui::search::SearchRequest;
use ratatui::layout::Rect;

fn app() -> App {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    app.set_index(Arc::new(Index::build(&app.articles)));
    let keymap = qari::tui::keymap::KeyMap::default();
    let slash = KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE);
    app.handle(qari::tui::key_command(&app, &keymap, &slash).unwrap());
    app
}

/// Types `text` into the filter bar and returns the search it asks for.
fn type_text(app: &mut App, text: &str) -> Option<SearchRequest> {
    for c in text.chars() {
        app.edit_filter(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    crate::support::search_request(app)
}

use crate::support::status_row as status;

#[test]
fn an_answer_to_a_superseded_query_is_dropped() {
    let mut app = app();
    let older = type_text(&mut app, "موسكو").unwrap();
    let newer = type_text(&mut app, " حميميم").unwrap();
    assert!(status(&app).contains("searching…"));
    app.search_done(newer.run(&|| false));
    assert_eq!(app.list.shown.len(), 2);
    assert!(!status(&app).contains("searching…"));
    // The older, broader answer arrives late: it must not replace the newer one.
    app.search_done(older.run(&|| false));
    assert_eq!(app.list.shown.len(), 2);
}

#[test]
fn a_malformed_filter_keeps_the_answer_of_the_last_text_that_parsed() {
    let mut app = app();
    let pending = type_text(&mut app, "حميميم date").unwrap();
    // The text turns malformed before the answer comes: no new search, the error shows.
    assert!(type_text(&mut app, ":").is_none());
    assert!(status(&app).contains("`date:` needs a value"));
    app.search_done(pending.run(&|| false));
    assert_eq!(
        app.list.shown.len(),
        0,
        "the last good text's answer is shown"
    );
    assert!(
        status(&app).contains("`date:` needs a value"),
        "the error stays"
    );
    // Fixed, the text searches again.
    let fixed = type_text(&mut app, "2021").unwrap();
    app.search_done(fixed.run(&|| false));
    assert_eq!(app.list.shown.len(), 2);
    assert!(!status(&app).contains("needs a value"));
}

#[test]
fn clearing_the_filter_drops_the_pending_answer() {
    let mut app = app();
    let pending = type_text(&mut app, "حميميم").unwrap();
    app.edit_filter(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.list.shown.len(), 5);
    app.search_done(pending.run(&|| false));
    assert_eq!(app.list.shown.len(), 5);
    assert!(!status(&app).contains("searching…"));
}

fn enter(app: &mut App) -> Option<SearchRequest> {
    app.edit_filter(&KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    crate::support::search_request(app)
}

#[test]
fn the_word_being_typed_is_a_prefix_until_enter_keeps_the_filter_as_written() {
    let mut app = app();
    let typing = type_text(&mut app, "حميم").unwrap();
    app.search_done(typing.run(&|| false));
    assert_eq!(app.list.shown.len(), 2, "حميم* while typing");
    let kept = enter(&mut app).expect("Enter searches again, read exactly");
    app.search_done(kept.run(&|| false));
    assert_eq!(app.list.shown.len(), 0, "حميم is no word of the sample");
    assert!(!app.is_filtering());
    // Asked for, the prefix stays one.
    let mut app = self::app();
    type_text(&mut app, "حميم*");
    let kept = enter(&mut app).unwrap();
    app.search_done(kept.run(&|| false));
    assert_eq!(app.list.shown.len(), 2);
}

#[test]
fn is_unread_leaves_out_the_articles_read() {
    let mut app = app();
    let mut reading = qari::bookmarks::ReadingState::default();
    for n in [0, 3] {
        reading.mark(&app.articles[n].id, true);
    }
    app.set_reading(reading);
    let unread = type_text(&mut app, "is:unread").unwrap();
    app.search_done(unread.run(&|| false));
    let mut shown = app.list.shown.clone();
    shown.sort_unstable();
    assert_eq!(shown, [1, 2, 4]);
    let read = type_text(&mut app, " OR is:read").unwrap();
    app.search_done(read.run(&|| false));
    assert_eq!(app.list.shown.len(), 5);
}
