//! The filter's searches as the event loop sees them: each filter change asks for a
//! search, answers come back later (from the worker) and only the newest counts.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display, Effect, Msg};
use qari::tui::search::SearchRequest;
use ratatui::layout::Rect;

use crate::harness::Harness;

/// The sample with its index and the filter bar open.
fn app() -> Harness {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    app.set_index(Arc::new(Index::build(&app.articles)));
    let mut h = Harness::new(app);
    searched(&mut h, [KeyCode::Char('/')]);
    assert!(h.app.is_filtering(), "/ opens the bar");
    h
}

/// Presses `codes` while the worker is busy, and returns the last search they ask for,
/// unanswered.
fn searched(h: &mut Harness, codes: impl IntoIterator<Item = KeyCode>) -> Option<SearchRequest> {
    codes
        .into_iter()
        .flat_map(|code| h.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))))
        .filter_map(|effect| match effect {
            Effect::Search(request) => Some(request),
            _ => None,
        })
        .last()
}

/// Types `text` into the filter bar and returns the search it asks for.
fn type_text(h: &mut Harness, text: &str) -> Option<SearchRequest> {
    searched(h, text.chars().map(KeyCode::Char))
}

#[test]
fn an_answer_to_a_superseded_query_is_dropped() {
    let mut h = app();
    let older = type_text(&mut h, "موسكو").unwrap();
    let newer = type_text(&mut h, " حميميم").unwrap();
    assert!(h.status_row().contains("searching…"));
    h.app.search_done(newer.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 2);
    assert!(!h.status_row().contains("searching…"));
    // The older, broader answer arrives late: it must not replace the newer one.
    h.app.search_done(older.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 2);
}

#[test]
fn a_malformed_filter_keeps_the_answer_of_the_last_text_that_parsed() {
    let mut h = app();
    let pending = type_text(&mut h, "حميميم date").unwrap();
    // The text turns malformed before the answer comes: no new search, the error shows.
    assert!(type_text(&mut h, ":").is_none());
    assert!(h.status_row().contains("`date:` needs a value"));
    h.app.search_done(pending.run(&|| false));
    assert_eq!(
        h.app.list.shown.len(),
        0,
        "the last good text's answer is shown"
    );
    assert!(
        h.status_row().contains("`date:` needs a value"),
        "the error stays"
    );
    // Fixed, the text searches again.
    let fixed = type_text(&mut h, "2021").unwrap();
    h.app.search_done(fixed.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 2);
    assert!(!h.status_row().contains("needs a value"));
}

#[test]
fn clearing_the_filter_drops_the_pending_answer() {
    let mut h = app();
    let pending = type_text(&mut h, "حميميم").unwrap();
    searched(&mut h, [KeyCode::Esc]);
    assert_eq!(h.app.list.shown.len(), 5);
    h.app.search_done(pending.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 5);
    assert!(!h.status_row().contains("searching…"));
}

fn enter(h: &mut Harness) -> Option<SearchRequest> {
    searched(h, [KeyCode::Enter])
}

#[test]
fn the_word_being_typed_is_a_prefix_until_enter_keeps_the_filter_as_written() {
    let mut h = app();
    let typing = type_text(&mut h, "حميم").unwrap();
    h.app.search_done(typing.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 2, "حميم* while typing");
    let kept = enter(&mut h).expect("Enter searches again, read exactly");
    h.app.search_done(kept.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 0, "حميم is no word of the sample");
    assert!(!h.app.is_filtering());
    // Asked for, the prefix stays one.
    let mut h = app();
    type_text(&mut h, "حميم*");
    let kept = enter(&mut h).unwrap();
    h.app.search_done(kept.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 2);
}

#[test]
fn is_unread_leaves_out_the_articles_read() {
    let mut h = app();
    let mut reading = qari::bookmarks::ReadingState::default();
    for n in [0, 3] {
        reading.mark(&h.app.articles[n].id, true);
    }
    h.app.set_reading(reading);
    let unread = type_text(&mut h, "is:unread").unwrap();
    h.app.search_done(unread.run(&|| false));
    let mut shown = h.app.list.shown.clone();
    shown.sort_unstable();
    assert_eq!(shown, [1, 2, 4]);
    let read = type_text(&mut h, " OR is:read").unwrap();
    h.app.search_done(read.run(&|| false));
    assert_eq!(h.app.list.shown.len(), 5);
}
