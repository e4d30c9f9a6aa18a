//! What the status line and the list header say, and the keys that always work: the
//! hint names the keys actually bound, the header counts what the filter shows, a
//! filter waiting for the index says so once, and Ctrl-C leaves even when `quit` is
//! rebound.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::config::Config;
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display, Effect, Msg};
use qari::tui::keymap::KeyMap;
use ratatui::layout::Rect;

use crate::support::{TODAY, feed_key, status_row};

fn app() -> App {
    App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 20))
}

fn keymap(config: &str) -> KeyMap {
    KeyMap::from_config(&Config::parse(config, std::path::Path::new("config.toml")).unwrap())
}

/// The screen's rows as text, drawn with `keymap`.
fn rows(app: &App, keymap: &KeyMap) -> Vec<String> {
    let area = app.layout.screen;
    let backend = ratatui::backend::TestBackend::new(area.width, area.height);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| {
            let screen = qari::tui::view::Screen { app, keymap };
            frame.render_widget(screen, frame.area());
        })
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..area.height)
        .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn the_hint_names_the_keys_bound() {
    let app = app();
    let default = rows(&app, &KeyMap::default());
    assert!(
        default
            .last()
            .unwrap()
            .trim_end()
            .ends_with("? help  q quit")
    );
    let rebound = rows(&app, &keymap("[keys]\nhelp = [\"F1\"]\nquit = [\"x\"]\n"));
    let status = rebound.last().unwrap();
    assert!(status.trim_end().ends_with("F1 help  x quit"), "{status}");
}

#[test]
fn ctrl_c_leaves_even_when_quit_is_rebound() {
    let mut app = app();
    let keymap = keymap("[keys]\nquit = [\"x\"]\n");
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let effects = app.update(Msg::Key(ctrl_c), &keymap, TODAY);
    assert!(effects.iter().any(|e| matches!(e, Effect::Quit)));
    // Unless the configuration gives Ctrl-C to another command.
    let mut app = self::app();
    let keymap = keymap_with_ctrl_c_for_help();
    let effects = app.update(Msg::Key(ctrl_c), &keymap, TODAY);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Quit)));
}

fn keymap_with_ctrl_c_for_help() -> KeyMap {
    keymap("[keys]\nhelp = [\"Ctrl-c\"]\nquit = [\"q\"]\n")
}

#[test]
fn the_list_header_counts_what_the_filter_shows() {
    let mut app = app();
    app.set_index(Arc::new(Index::build(&app.articles)));
    let header = rows(&app, &KeyMap::default())[0].clone();
    assert!(header.contains("Articles · 5"), "{header}");
    feed_key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    for c in "حميميم".chars() {
        feed_key(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    let header = rows(&app, &KeyMap::default())[0].clone();
    assert!(header.contains("Articles · 2 of 5"), "{header}");
}

#[test]
fn a_filter_waiting_for_the_index_says_indexing_once() {
    let mut app = app();
    feed_key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
    feed_key(&mut app, KeyCode::Char('س'), KeyModifiers::NONE);
    app.set_index_progress(0.37);
    let status = status_row(&app);
    assert_eq!(status.matches("indexing").count(), 1, "{status}");
    assert!(status.contains("indexing 37%…"), "{status}");
}
