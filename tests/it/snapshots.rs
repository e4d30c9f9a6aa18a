//! Whole screens of the reader drawn with ratatui's `TestBackend`, driven by real key
//! presses through the key map, and compared with reviewed snapshots.

use crossterm::event::KeyCode;
use qari::corpus::load_sample;
use qari::text::BidiMode;
use qari::tui::app::{App, Display};
use ratatui::layout::Rect;

use crate::harness::Harness;

/// The reader on the sample once its index is built (as it is a moment after start).
fn started(width: u16, height: u16, display: Display) -> Harness {
    let mut app = App::new(load_sample(), display, Rect::new(0, 0, width, height));
    app.set_index(std::sync::Arc::new(qari::index::Index::build(
        &app.articles,
    )));
    Harness::new(app)
}

#[test]
fn the_status_line_says_when_the_index_is_not_ready_yet() {
    let mut h = Harness::new(App::new(
        load_sample(),
        Display::default(),
        Rect::new(0, 0, 100, 30),
    ));
    assert!(trimmed(&h).contains("article 1 of 5 · indexing…"));
    assert!(h.app.set_index_progress(0.42));
    assert!(
        !h.app.set_index_progress(0.425),
        "same percentage, nothing to redraw"
    );
    assert!(
        !h.app.set_index_progress(0.2),
        "a late report from another thread"
    );
    assert!(trimmed(&h).contains("article 1 of 5 · indexing 42%…"));
    h.app
        .set_index(std::sync::Arc::new(qari::index::Index::build(
            &h.app.articles,
        )));
    assert!(!trimmed(&h).contains("indexing"));
}

/// The screen as text, one row per line, trailing spaces cut.
fn trimmed(h: &Harness) -> String {
    h.rows()
        .iter()
        .map(|row| row.trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn split_layout_lists_the_sample_and_shows_the_first_article() {
    let h = started(100, 30, Display::default());
    insta::assert_snapshot!("split_100x30", trimmed(&h));
}

#[test]
fn moving_in_the_list_opens_the_article_beside_it() {
    let mut h = started(100, 30, Display::default());
    h.keys(&[KeyCode::Char('j'), KeyCode::Char('j')]);
    insta::assert_snapshot!("split_third_article", trimmed(&h));
}

#[test]
fn reader_scrolls_by_line_and_page() {
    let mut h = started(100, 30, Display::default());
    h.keys(&[KeyCode::Enter, KeyCode::Char('j'), KeyCode::Char(' ')]);
    insta::assert_snapshot!("split_scrolled", trimmed(&h));
}

#[test]
fn narrow_screens_show_one_pane_at_a_time() {
    let mut h = started(40, 20, Display::default());
    insta::assert_snapshot!("narrow_list", trimmed(&h));
    h.keys(&[KeyCode::Char('j'), KeyCode::Enter]);
    insta::assert_snapshot!("narrow_reader", trimmed(&h));
    h.keys(&[KeyCode::Char('h')]);
    // Back at the list as it was, the article opened now read.
    assert_eq!(trimmed(&h), {
        let mut list = started(40, 20, Display::default());
        list.keys(&[KeyCode::Char('j'), KeyCode::Char('m')]);
        list.app.status.message = None;
        trimmed(&list)
    });
}

#[test]
fn help_overlay_lists_every_key() {
    let mut h = started(80, 24, Display::default());
    h.keys(&[KeyCode::Char('?')]);
    let first = trimmed(&h);
    insta::assert_snapshot!("help_80x24", first);
    // Too many keys for 24 rows: Space shows the rest.
    h.keys(&[KeyCode::Char(' ')]);
    let second = trimmed(&h);
    insta::assert_snapshot!("help_80x24_page2", second);
    for command in qari::config::commands::Command::ALL {
        let description = command.description();
        assert!(
            first.contains(description) || second.contains(description),
            "{description}"
        );
    }
    h.keys(&[KeyCode::Char('x')]);
    assert!(matches!(h.app.modal, qari::tui::app::Modal::None));
}

#[test]
fn hiding_tashkeel_removes_the_marks_and_keeps_the_letters() {
    let mut h = started(100, 30, Display::default());
    // The second article (000) has harakat on its first screen ("أنّ").
    h.keys(&[KeyCode::Char('j')]);
    let with_marks = trimmed(&h);
    h.keys(&[KeyCode::Char('t')]);
    let without = trimmed(&h);
    let is_mark = |c: char| qari::text::is_tashkeel(c);
    assert!(with_marks.chars().any(is_mark));
    assert!(!without.chars().any(is_mark));
    assert!(without.contains("tashkeel hidden"));
}

#[test]
fn terminal_bidi_mode_draws_logical_unshaped_text() {
    let display = Display {
        bidi: BidiMode::Terminal,
        ..Display::default()
    };
    let h = started(100, 30, display);
    let text = trimmed(&h);
    assert!(text.contains("روسيا تعرض على إسرائيل"), "{text}");
    assert!(!text.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)));
}

#[test]
fn every_size_down_to_one_cell_draws_without_panicking() {
    let keys = [
        KeyCode::Enter,
        KeyCode::Char('G'),
        KeyCode::Char('?'),
        KeyCode::Char('x'),
        KeyCode::Tab,
        KeyCode::Char('j'),
    ];
    for width in [0, 1, 2, 3, 5, 10, 39, 79, 80, 81] {
        for height in [0, 1, 2, 3, 5, 12] {
            let mut h = started(width, height, Display::default());
            for key in keys {
                h.keys(&[key]);
                let _ = trimmed(&h);
            }
            h.app.resize(Rect::new(0, 0, height, width));
            let _ = trimmed(&h);
        }
    }
}
