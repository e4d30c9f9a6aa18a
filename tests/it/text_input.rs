//! The filter bar as a new user meets it: Enter on a malformed filter keeps the bar and
//! its error (keys stay text, `q` does not quit), pasted lines are one line of text and
//! never commands, Left and Right move on screen in Arabic, and Ctrl-L asks for a whole
//! repaint from anywhere. Driven through `App::update`, the entry point the event loop
//! uses; a real terminal's bracketed paste is in `pasting_in_tmux`.

use std::sync::Arc;

use crossterm::event::KeyCode;
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display, Effect, Msg};
use ratatui::layout::Rect;

use crate::harness::Harness;
use crate::tmux::{Tmux, qari_command};

fn app() -> App {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    app.set_index(Arc::new(Index::build(&app.articles)));
    app
}

fn quits(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Quit))
}

fn repaints(effects: &[Effect]) -> bool {
    effects.iter().any(|e| matches!(e, Effect::Repaint))
}

#[test]
fn enter_on_a_malformed_filter_keeps_the_bar_and_its_error() {
    let mut h = Harness::new(app());
    h.key(KeyCode::Char('/'));
    h.type_keys("سوريا foo:");
    h.key(KeyCode::Enter);
    assert!(h.app.is_filtering(), "the bar keeps the keyboard");
    let status = h.status_row();
    assert!(status.contains("unknown filter `foo:`"), "{status}");
    assert!(status.contains("Esc clears"), "{status}");
    // Keys are still text: q is typed, not a command.
    assert!(!quits(&h.key(KeyCode::Char('q'))));
    assert!(
        h.app.list.filter.text.ends_with('q'),
        "{}",
        h.app.list.filter.text
    );
    // Esc clears, and then keys are commands again.
    h.key(KeyCode::Esc);
    assert!(!h.app.is_filtering() && h.app.list.filter.text.is_empty());
    assert!(quits(&h.key(KeyCode::Char('q'))));
}

#[test]
fn enter_on_a_good_filter_keeps_it_and_gives_the_keys_back() {
    let mut h = Harness::new(app());
    h.key(KeyCode::Char('/'));
    h.type_keys("سوريا");
    h.key(KeyCode::Enter);
    assert!(!h.app.is_filtering());
    assert_eq!(h.app.list.filter.text, "سوريا");
}

#[test]
fn pasted_lines_are_one_line_of_text_and_never_commands() {
    let mut h = Harness::new(app());
    h.key(KeyCode::Char('/'));
    let effects = h.feed(Msg::Paste("موسكو\nحميميم\n".to_owned()));
    assert_eq!(h.app.list.filter.text, "موسكو حميميم ");
    assert!(h.app.is_filtering());
    // The paste searched: the two articles with both words are listed.
    assert!(effects.iter().any(|e| matches!(e, Effect::Draw)));
    assert_eq!(h.app.list.shown.len(), 2);
    // A pasted q on its own line is text too.
    let effects = h.feed(Msg::Paste("\nq".to_owned()));
    assert!(!quits(&effects), "the second line is not run as keys");
    assert!(
        h.app.list.filter.text.ends_with(" q"),
        "{}",
        h.app.list.filter.text
    );
}

#[test]
fn a_paste_with_no_text_input_open_is_ignored_with_a_word() {
    let mut h = Harness::new(app());
    let effects = h.feed(Msg::Paste("q".to_owned()));
    assert!(!quits(&effects));
    assert!(h.status_row().contains("press / to filter"));
}

#[test]
fn left_moves_towards_the_end_of_arabic_text() {
    let mut h = Harness::new(app());
    h.key(KeyCode::Char('/'));
    h.type_keys("سوريا");
    h.key(KeyCode::Home);
    assert_eq!(h.app.list.filter.cursor, 0);
    h.key(KeyCode::Left);
    assert_eq!(
        h.app.list.filter.cursor,
        "س".len(),
        "Left goes to the next letter"
    );
    h.key(KeyCode::Right);
    assert_eq!(h.app.list.filter.cursor, 0);
}

#[test]
fn ctrl_l_asks_for_a_repaint_from_anywhere() {
    let mut h = Harness::new(app());
    assert!(repaints(&h.ctrl('l')));
    assert!(!repaints(&h.key(KeyCode::Char('j'))), "once");
    h.key(KeyCode::Char('/'));
    h.type_keys("سو");
    assert!(repaints(&h.ctrl('l')), "from the filter bar too");
    assert_eq!(h.app.list.filter.text, "سو");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Char('?'));
    assert!(repaints(&h.ctrl('l')), "and with the help open");
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
    let start = || Harness::with_stores(app(), qari::tui::effects::Stores::in_dir(dir.path()));
    let mut h = start();
    for filter in ["سوريا", "src:enabbaladi"] {
        h.key(KeyCode::Char('/'));
        h.type_keys(filter);
        h.keys(&[KeyCode::Enter, KeyCode::Char('/'), KeyCode::Esc]);
    }
    // Another start: ↑ brings the newest back, then the one before; ↓ goes forward
    // again and past the newest empties the bar.
    let mut h = start();
    h.key(KeyCode::Char('/'));
    h.key(KeyCode::Up);
    assert_eq!(h.app.list.filter.text, "src:enabbaladi");
    h.key(KeyCode::Up);
    assert_eq!(h.app.list.filter.text, "سوريا");
    h.key(KeyCode::Up);
    assert_eq!(h.app.list.filter.text, "سوريا", "the oldest stays");
    h.key(KeyCode::Down);
    assert_eq!(h.app.list.filter.text, "src:enabbaladi");
    h.key(KeyCode::Down);
    assert_eq!(h.app.list.filter.text, "");
    assert!(h.app.is_filtering());
}
