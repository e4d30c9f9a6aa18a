//! The filter bar as a new user meets it: Enter on a malformed filter keeps the bar and
//! its error (keys stay text, `q` does not quit), pasted lines are one line of text and
//! never commands, Left and Right move on screen in Arabic, and Ctrl-L asks for a whole
//! repaint from anywhere. Driven through `press` and `App::paste`, the entry points the
//! event loop uses.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display};
use qari::tui::keymap::KeyMap;
use qari::tui::press;
use ratatui::layout::Rect;

use crate::support::status_row;

fn app() -> App {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    app.set_index(Arc::new(Index::build(&app.articles)));
    app
}

fn key(app: &mut App, code: KeyCode) {
    press(
        app,
        &KeyMap::default(),
        &KeyEvent::new(code, KeyModifiers::NONE),
    );
}

fn ctrl(app: &mut App, c: char) {
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    press(app, &KeyMap::default(), &event);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn enter_on_a_malformed_filter_keeps_the_bar_and_its_error() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "سوريا foo:");
    key(&mut app, KeyCode::Enter);
    assert!(app.is_filtering(), "the bar keeps the keyboard");
    let status = status_row(&app);
    assert!(status.contains("unknown filter `foo:`"), "{status}");
    assert!(status.contains("Esc clears"), "{status}");
    // Keys are still text: q is typed, not a command.
    key(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit());
    assert!(app.filter.text.ends_with('q'), "{}", app.filter.text);
    // Esc clears, and then keys are commands again.
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_filtering() && app.filter.text.is_empty());
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn enter_on_a_good_filter_keeps_it_and_gives_the_keys_back() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "سوريا");
    key(&mut app, KeyCode::Enter);
    assert!(!app.is_filtering());
    assert_eq!(app.filter.text, "سوريا");
}

#[test]
fn pasted_lines_are_one_line_of_text_and_never_commands() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    assert!(app.paste("حميميم\nq\n"));
    assert!(!app.should_quit(), "the second line is not run as keys");
    assert_eq!(app.filter.text, "حميميم q ");
    assert!(app.is_filtering());
    let request = app.take_search_request().expect("a paste searches");
    app.search_done(request.run(&|| false));
    assert!(status_row(&app).contains("/ حميميم") || app.shown.len() < 5);
}

#[test]
fn a_paste_with_no_text_input_open_is_ignored_with_a_word() {
    let mut app = app();
    assert!(app.paste("q"));
    assert!(!app.should_quit());
    assert!(status_row(&app).contains("press / to filter"));
}

#[test]
fn left_moves_towards_the_end_of_arabic_text() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "سوريا");
    key(&mut app, KeyCode::Home);
    assert_eq!(app.filter.cursor, 0);
    key(&mut app, KeyCode::Left);
    assert_eq!(app.filter.cursor, "س".len(), "Left goes to the next letter");
    key(&mut app, KeyCode::Right);
    assert_eq!(app.filter.cursor, 0);
}

#[test]
fn ctrl_l_asks_for_a_repaint_from_anywhere() {
    let mut app = app();
    ctrl(&mut app, 'l');
    assert!(app.take_repaint());
    assert!(!app.take_repaint(), "once");
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "سو");
    ctrl(&mut app, 'l');
    assert!(app.take_repaint(), "from the filter bar too");
    assert_eq!(app.filter.text, "سو");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('?'));
    ctrl(&mut app, 'l');
    assert!(app.take_repaint(), "and with the help open");
}
