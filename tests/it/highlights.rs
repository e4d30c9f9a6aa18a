//! Matches painted in the reader: through the layout's logical offsets, so the mark lands
//! on the right (shaped, reordered) letters; `n` and `N` move between them.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display};
use qari::tui::keymap::KeyMap;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

fn key(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    qari::tui::press(app, &KeyMap::default(), &event);
    qari::tui::search::settle(app);
}

/// Each screen row's marked (underlined) cells, joined left to right.
fn marked_rows(app: &App) -> Vec<String> {
    let area = app.screen;
    let buffer = &crate::support::render(app);
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| &buffer[(x, y)])
                .filter(|cell| cell.modifier.contains(Modifier::UNDERLINED))
                .map(|cell| cell.symbol().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn a_filtered_word_is_marked_on_its_shaped_letters_and_n_walks_the_matches() {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    app.set_index(Arc::new(Index::build(&app.articles)));
    key(&mut app, KeyCode::Char('/'));
    for c in "حميميم ".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.shown.len(), 2);
    key(&mut app, KeyCode::Enter);
    let first_top = app.reader.as_ref().unwrap().scroll;
    key(&mut app, KeyCode::Char('n'));
    let reader = app.reader.as_ref().unwrap();
    assert!(reader.scroll > first_top, "n scrolled to a match");
    assert!(reader.matches.contains(&reader.scroll));
    // The top line now holds a match: its marked cells spell the word, shaped, in
    // visual order (as FriBidi draws it).
    let expected = crate::support::fribidi_visual_lines("حميميم")[0]
        .trim()
        .to_owned();
    let rows = marked_rows(&app);
    assert!(rows.iter().any(|row| row.contains(&expected)), "{rows:?}");
    assert!(
        rows.iter()
            .all(|row| row.is_empty() || row.replace(&expected, "").is_empty()),
        "{rows:?}"
    );
    let at = app.reader.as_ref().unwrap().scroll;
    key(&mut app, KeyCode::Char('n'));
    let next = app.reader.as_ref().unwrap().scroll;
    assert!(next > at || app.message.as_deref() == Some("no more matches"));
    key(&mut app, KeyCode::Char('N'));
    assert!(app.reader.as_ref().unwrap().scroll < next.max(at + 1));
}
