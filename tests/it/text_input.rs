//! The filter bar as a new user meets it: Enter on a malformed filter keeps the bar and
//! its error (keys stay text, `q` does not quit), pasted lines are one line of text and
//! never commands, Left and Right move on screen in Arabic, and Ctrl-L asks for a whole
//! repaint from anywhere. Driven through `App::update`, the entry point the event loop
//! uses; a real terminal's bracketed paste is in `pasting_in_tmux`.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyModifiers};
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display, Effect, Msg};
use ratatui::layout::Rect;

use crate::support::{feed, feed_key, status_row};
use crate::tmux::{Tmux, qari_command};

fn app() -> App {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    app.set_index(Arc::new(Index::build(&app.articles)));
    app
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    feed_key(app, code, KeyModifiers::NONE)
}

fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    feed_key(app, KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn quits(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Quit))
}

fn repaints(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Repaint))
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
    assert!(!quits(&key(&mut app, KeyCode::Char('q'))));
    assert!(
        app.list.filter.text.ends_with('q'),
        "{}",
        app.list.filter.text
    );
    // Esc clears, and then keys are commands again.
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_filtering() && app.list.filter.text.is_empty());
    assert!(quits(&key(&mut app, KeyCode::Char('q'))));
}

#[test]
fn enter_on_a_good_filter_keeps_it_and_gives_the_keys_back() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "سوريا");
    key(&mut app, KeyCode::Enter);
    assert!(!app.is_filtering());
    assert_eq!(app.list.filter.text, "سوريا");
}

#[test]
fn pasted_lines_are_one_line_of_text_and_never_commands() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    let effects = feed(&mut app, Msg::Paste("موسكو\nحميميم\n".to_owned()));
    assert_eq!(app.list.filter.text, "موسكو حميميم ");
    assert!(app.is_filtering());
    // The paste searched: the two articles with both words are listed.
    assert!(effects.iter().any(|e| matches!(e, Effect::Draw)));
    assert_eq!(app.list.shown.len(), 2);
    // A pasted q on its own line is text too.
    let effects = feed(&mut app, Msg::Paste("\nq".to_owned()));
    assert!(!quits(&effects), "the second line is not run as keys");
    assert!(
        app.list.filter.text.ends_with(" q"),
        "{}",
        app.list.filter.text
    );
}

#[test]
fn a_paste_with_no_text_input_open_is_ignored_with_a_word() {
    let mut app = app();
    let effects = feed(&mut app, Msg::Paste("q".to_owned()));
    assert!(!quits(&effects));
    assert!(status_row(&app).contains("press / to filter"));
}

#[test]
fn left_moves_towards_the_end_of_arabic_text() {
    let mut app = app();
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "سوريا");
    key(&mut app, KeyCode::Home);
    assert_eq!(app.list.filter.cursor, 0);
    key(&mut app, KeyCode::Left);
    assert_eq!(
        app.list.filter.cursor,
        "س".len(),
        "Left goes to the next letter"
    );
    key(&mut app, KeyCode::Right);
    assert_eq!(app.list.filter.cursor, 0);
}

#[test]
fn ctrl_l_asks_for_a_repaint_from_anywhere() {
    let mut app = app();
    assert!(repaints(&ctrl(&mut app, 'l')));
    assert!(!repaints(&key(&mut app, KeyCode::Char('j'))), "once");
    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "سو");
    assert!(repaints(&ctrl(&mut app, 'l')), "from the filter bar too");
    assert_eq!(app.list.filter.text, "سو");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('?'));
    assert!(repaints(&ctrl(&mut app, 'l')), "and with the help open");
}

/// tmux pastes with bracketed paste when the program asked for it: the pasted lines
/// land in the bar as one line, and qari is still running after a pasted `q`. Ctrl-L
/// redraws and qari goes on (ratatui's own clear would wait for a cursor report that
/// the event thread takes, and stop qari two seconds later).
#[test]
fn pasting_in_tmux() {
    let tmux = Tmux::start(100, 30);
    tmux.type_line(&qari_command(&[]));
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    tmux.keys(&["/"]);
    tmux.wait_for(|s| s.contains("5 of 5"));
    tmux.paste("موسكو\nحميميم\n");
    // The status line (the bar, still open) counts what passes; the list's header says
    // the same, so the bar's own row is what is waited for.
    let bar = |s: &str, count: &str| {
        s.lines()
            .last()
            .is_some_and(|row| row.contains('/') && row.contains(count))
    };
    tmux.wait_for(|s| bar(s, " 2 of 5"));
    // A pasted q on a line of its own is text: qari is still running, the bar has it.
    tmux.paste("\nq");
    tmux.wait_for(|s| bar(s, " 0 of 5"));
    tmux.keys(&["Escape"]);
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    tmux.keys(&["C-l"]);
    std::thread::sleep(std::time::Duration::from_millis(2500));
    tmux.keys(&["j"]);
    let screen = tmux.wait_for(|s| s.contains("article 2 of 5"));
    assert!(!screen.contains("QARI-EXITED"), "{screen}");
}

#[test]
fn up_and_down_walk_the_filters_kept_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let start = || {
        let mut app = app();
        let stores = qari::tui::effects::Stores::in_dir(dir.path());
        stores.load_into(&mut app);
        (app, stores)
    };
    let press = |app: &mut App, stores: &qari::tui::effects::Stores, code| {
        let effects = key(app, code);
        stores.apply(app, effects);
    };
    let (mut app, stores) = start();
    for filter in ["سوريا", "src:enabbaladi"] {
        press(&mut app, &stores, KeyCode::Char('/'));
        for c in filter.chars() {
            press(&mut app, &stores, KeyCode::Char(c));
        }
        press(&mut app, &stores, KeyCode::Enter);
        press(&mut app, &stores, KeyCode::Char('/'));
        press(&mut app, &stores, KeyCode::Esc);
    }
    // Another start: ↑ brings the newest back, then the one before; ↓ goes forward
    // again and past the newest empties the bar.
    let (mut app, stores) = start();
    press(&mut app, &stores, KeyCode::Char('/'));
    press(&mut app, &stores, KeyCode::Up);
    assert_eq!(app.list.filter.text, "src:enabbaladi");
    press(&mut app, &stores, KeyCode::Up);
    assert_eq!(app.list.filter.text, "سوريا");
    press(&mut app, &stores, KeyCode::Up);
    assert_eq!(app.list.filter.text, "سوريا", "the oldest stays");
    press(&mut app, &stores, KeyCode::Down);
    assert_eq!(app.list.filter.text, "src:enabbaladi");
    press(&mut app, &stores, KeyCode::Down);
    assert_eq!(app.list.filter.text, "");
    assert!(app.is_filtering());
}
