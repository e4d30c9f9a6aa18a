//! Whole screens of the reader drawn with ratatui's `TestBackend`, driven by real key
//! presses through the key map, and compared with reviewed snapshots.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::corpus::load_sample;
use qari::text::BidiMode;
use qari::tui::app::{App, Display};
use qari::tui::keymap::KeyMap;
use ratatui::layout::Rect;

/// The reader on the sample once its index is built (as it is a moment after start).
fn app(width: u16, height: u16, display: Display) -> App {
    let mut app = App::new(load_sample(), display, Rect::new(0, 0, width, height));
    app.set_index(std::sync::Arc::new(qari::index::Index::build(
        &app.articles,
    )));
    app
}

#[test]
fn the_status_line_says_when_the_index_is_not_ready_yet() {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    assert!(screen(&app).contains("article 1 of 5 · indexing…"));
    assert!(app.set_index_progress(0.42));
    assert!(
        !app.set_index_progress(0.425),
        "same percentage, nothing to redraw"
    );
    assert!(
        !app.set_index_progress(0.2),
        "a late report from another thread"
    );
    assert!(screen(&app).contains("article 1 of 5 · indexing 42%…"));
    app.set_index(std::sync::Arc::new(qari::index::Index::build(
        &app.articles,
    )));
    assert!(!screen(&app).contains("indexing"));
}

fn press(app: &mut App, keys: &[KeyCode]) {
    let keymap = KeyMap::default();
    for &code in keys {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(command) = qari::tui::key_command(app, &keymap, &key) {
            app.handle(command);
        }
        qari::tui::search::settle(app);
    }
}

/// The screen as text, one row per line, trailing spaces cut.
fn screen(app: &App) -> String {
    let area = app.layout.screen;
    let buffer = &crate::support::render(app);
    (0..area.height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < area.width {
                let cell = &buffer[(x, y)];
                row.push_str(cell.symbol());
                x += 1;
            }
            row.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn split_layout_lists_the_sample_and_shows_the_first_article() {
    let app = app(100, 30, Display::default());
    insta::assert_snapshot!("split_100x30", screen(&app));
}

#[test]
fn moving_in_the_list_opens_the_article_beside_it() {
    let mut app = app(100, 30, Display::default());
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    insta::assert_snapshot!("split_third_article", screen(&app));
}

#[test]
fn reader_scrolls_by_line_and_page() {
    let mut app = app(100, 30, Display::default());
    press(
        &mut app,
        &[KeyCode::Enter, KeyCode::Char('j'), KeyCode::Char(' ')],
    );
    insta::assert_snapshot!("split_scrolled", screen(&app));
}

#[test]
fn narrow_screens_show_one_pane_at_a_time() {
    let mut app = app(40, 20, Display::default());
    insta::assert_snapshot!("narrow_list", screen(&app));
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Enter]);
    insta::assert_snapshot!("narrow_reader", screen(&app));
    press(&mut app, &[KeyCode::Char('h')]);
    // Back at the list as it was, the article opened now read.
    assert_eq!(screen(&app), {
        let mut list = self::app(40, 20, Display::default());
        press(&mut list, &[KeyCode::Char('j'), KeyCode::Char('m')]);
        list.status.message = None;
        screen(&list)
    });
}

#[test]
fn help_overlay_lists_every_key() {
    let mut app = app(80, 24, Display::default());
    press(&mut app, &[KeyCode::Char('?')]);
    let first = screen(&app);
    insta::assert_snapshot!("help_80x24", first);
    // Too many keys for 24 rows: Space shows the rest.
    press(&mut app, &[KeyCode::Char(' ')]);
    let second = screen(&app);
    insta::assert_snapshot!("help_80x24_page2", second);
    for command in qari::config::commands::Command::ALL {
        let description = command.description();
        assert!(
            first.contains(description) || second.contains(description),
            "{description}"
        );
    }
    press(&mut app, &[KeyCode::Char('x')]);
    assert!(matches!(app.modal, qari::tui::app::Modal::None));
}

#[test]
fn hiding_tashkeel_removes_the_marks_and_keeps_the_letters() {
    let mut app = app(100, 30, Display::default());
    // The second article (000) has harakat on its first screen ("أنّ").
    press(&mut app, &[KeyCode::Char('j')]);
    let with_marks = screen(&app);
    press(&mut app, &[KeyCode::Char('t')]);
    let without = screen(&app);
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
    let app = app(100, 30, display);
    let text = screen(&app);
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
            let mut app = app(width, height, Display::default());
            for key in keys {
                press(&mut app, &[key]);
                let _ = screen(&app);
            }
            app.resize(Rect::new(0, 0, height, width));
            let _ = screen(&app);
        }
    }
}
