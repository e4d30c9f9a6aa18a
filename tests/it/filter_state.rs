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
    app.take_search_request()
}

fn status(app: &App) -> String {
    let buffer = crate::support::render(app);
    let y = app.screen.height - 1;
    (0..app.screen.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

#[test]
fn an_answer_to_a_superseded_query_is_dropped() {
    let mut app = app();
    let older = type_text(&mut app, "موسكو").unwrap();
    let newer = type_text(&mut app, " حميميم").unwrap();
    assert!(status(&app).contains("searching…"));
    app.search_done(newer.run(&|| false));
    assert_eq!(app.shown.len(), 2);
    assert!(!status(&app).contains("searching…"));
    // The older, broader answer arrives late: it must not replace the newer one.
    app.search_done(older.run(&|| false));
    assert_eq!(app.shown.len(), 2);
}

#[test]
fn a_malformed_filter_keeps_the_answer_of_the_last_text_that_parsed() {
    let mut app = app();
    let pending = type_text(&mut app, "حميميم date").unwrap();
    // The text turns malformed before the answer comes: no new search, the error shows.
    assert!(type_text(&mut app, ":").is_none());
    assert!(status(&app).contains("`date:` needs a value"));
    app.search_done(pending.run(&|| false));
    assert_eq!(app.shown.len(), 0, "the last good text's answer is shown");
    assert!(
        status(&app).contains("`date:` needs a value"),
        "the error stays"
    );
    // Fixed, the text searches again.
    let fixed = type_text(&mut app, "2021").unwrap();
    app.search_done(fixed.run(&|| false));
    assert_eq!(app.shown.len(), 2);
    assert!(!status(&app).contains("needs a value"));
}

#[test]
fn clearing_the_filter_drops_the_pending_answer() {
    let mut app = app();
    let pending = type_text(&mut app, "حميميم").unwrap();
    app.edit_filter(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.shown.len(), 5);
    app.search_done(pending.run(&|| false));
    assert_eq!(app.shown.len(), 5);
    assert!(!status(&app).contains("searching…"));
}
