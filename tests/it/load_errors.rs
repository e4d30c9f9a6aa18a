//! The load-errors panel with more problems than fit: each wrapped to the box, the last
//! row saying how much is below, j scrolling, any other key closing.

use crossterm::event::KeyCode;
use qari::corpus::load_paths;
use qari::tui::app::{App, Display, Modal};
use ratatui::layout::Rect;

use crate::harness::Harness;

#[test]
fn many_problems_wrap_scroll_and_say_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "عنوان\n\nنص.\n").unwrap();
    for n in 0..30 {
        std::fs::write(
            dir.path().join(format!("broken-archive-{n:02}.zip")),
            b"not a zip",
        )
        .unwrap();
    }
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.skipped.len(), 30, "{:?}", corpus.skipped);
    let mut h = Harness::new(App::new(
        corpus,
        Display::default(),
        Rect::new(0, 0, 60, 14),
    ));
    h.key(KeyCode::Char('e'));
    let shown = h.rows();
    assert!(shown.iter().any(|r| r.contains("more lines")), "{shown:#?}");
    assert!(shown.iter().any(|r| r.contains("j k scroll")), "{shown:#?}");
    let first = shown
        .iter()
        .position(|r| r.contains("broken-archive-00"))
        .unwrap();
    // Every row of the box stays inside the screen: long lines wrap, never cut.
    assert!(shown.iter().all(|r| r.chars().count() == 60));
    h.key(KeyCode::Char('j'));
    h.key(KeyCode::Char('j'));
    assert!(matches!(h.app.modal, Modal::LoadErrors { scroll: 2 }));
    let scrolled = h.rows();
    assert_ne!(scrolled[first], shown[first], "j scrolled");
    h.key(KeyCode::Char('x'));
    assert!(matches!(h.app.modal, Modal::None));
}
