//! What the status line and the list header say, and the keys that always work: the
//! hint names the keys actually bound, the header counts what the filter shows, a
//! filter waiting for the index says so once, and Ctrl-C leaves even when `quit` is
//! rebound.

use std::sync::Arc;

use crossterm::event::KeyCode;
use qari::config::Config;
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display, Effect};
use qari::tui::keymap::KeyMap;
use ratatui::layout::Rect;

use crate::harness::Harness;

fn app() -> Harness {
    Harness::new(App::new(
        load_sample(),
        Display::default(),
        Rect::new(0, 0, 100, 20),
    ))
}

fn keymap(config: &str) -> KeyMap {
    KeyMap::from_config(&Config::parse(config, std::path::Path::new("config.toml")).unwrap())
}

#[test]
fn the_hint_names_the_keys_bound() {
    let mut h = app();
    let default = h.rows();
    assert!(
        default
            .last()
            .unwrap()
            .trim_end()
            .ends_with("? help  q quit")
    );
    h.keymap = keymap("[keys]\nhelp = [\"F1\"]\nquit = [\"x\"]\n");
    let rebound = h.rows();
    let status = rebound.last().unwrap();
    assert!(status.trim_end().ends_with("F1 help  x quit"), "{status}");
}

#[test]
fn ctrl_c_leaves_even_when_quit_is_rebound() {
    let mut h = app();
    h.keymap = keymap("[keys]\nquit = [\"x\"]\n");
    let effects = h.ctrl('c');
    assert!(effects.iter().any(|e| matches!(e, Effect::Quit)));
    // Unless the configuration gives Ctrl-C to another command.
    let mut h = app();
    h.keymap = keymap_with_ctrl_c_for_help();
    let effects = h.ctrl('c');
    assert!(!effects.iter().any(|e| matches!(e, Effect::Quit)));
}

fn keymap_with_ctrl_c_for_help() -> KeyMap {
    keymap("[keys]\nhelp = [\"Ctrl-c\"]\nquit = [\"q\"]\n")
}

#[test]
fn the_list_header_counts_what_the_filter_shows() {
    let mut h = app();
    h.app.set_index(Arc::new(Index::build(&h.app.articles)));
    let header = h.rows()[0].clone();
    assert!(header.contains("Articles · 5"), "{header}");
    h.key(KeyCode::Char('/'));
    h.type_keys("حميميم");
    let header = h.rows()[0].clone();
    assert!(header.contains("Articles · 2 of 5"), "{header}");
}

#[test]
fn a_filter_waiting_for_the_index_says_indexing_once() {
    let mut h = app();
    h.key(KeyCode::Char('/'));
    h.key(KeyCode::Char('س'));
    h.app.set_index_progress(0.37);
    let status = h.status_row();
    assert_eq!(status.matches("indexing").count(), 1, "{status}");
    assert!(status.contains("indexing 37%…"), "{status}");
}
