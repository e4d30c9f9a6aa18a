//! Bookmarks and reading state in the reader, driven through the key map with the stores
//! in a temporary folder: what `b`, `B`, the bookmarks pane and `m`, `]`, `[` change in
//! the files, and what a restart finds there.

use crossterm::event::{KeyCode, KeyModifiers};
use qari::corpus::load_sample;
use qari::tui::app::{App, Display};
use qari::tui::effects::Stores;
use ratatui::layout::Rect;

const CAPTION: &str = "المبعوث الخاص للرئيس الروسي، ألكسندر لافرنتييف (سبوتنيك)";

/// A reader on the sample with the stores of `dir` loaded, as qari starts.
fn start(dir: &std::path::Path) -> (App, Stores) {
    let mut app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    let stores = Stores::in_dir(dir);
    stores.load_into(&mut app);
    let index = qari::index::Index::build(&app.articles);
    app.set_index(std::sync::Arc::new(index));
    (app, stores)
}

/// Presses keys as the event loop routes them, and carries out the effects.
fn press(app: &mut App, stores: &Stores, keys: &[KeyCode]) {
    for &code in keys {
        let effects = crate::support::feed_key(app, code, KeyModifiers::NONE);
        stores.apply(app, effects);
    }
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

fn screen(app: &App) -> String {
    crate::support::screen_rows(app).join("\n")
}

#[test]
fn b_bookmarks_the_selection_and_the_margin_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, stores) = start(dir.path());
    press(
        &mut app,
        &stores,
        &[KeyCode::Enter, KeyCode::Char('v'), KeyCode::Char('b')],
    );
    assert_eq!(app.library.bookmarks.len(), 1, "{:?}", app.status.message);
    assert_eq!(app.library.bookmarks[0].quote.exact, CAPTION);
    assert_eq!(app.library.bookmarks[0].note, None);
    assert!(app.selection.is_none());
    // In the file, and marked in the margin of the caption's row (right: Arabic).
    let file = std::fs::read_to_string(dir.path().join("bookmarks.json")).unwrap();
    assert!(file.contains(CAPTION));
    let reader = app.reader.as_ref().unwrap();
    let marked: Vec<usize> = (0..reader.lines.len())
        .filter(|&i| reader.bookmarked[i])
        .collect();
    assert_eq!(marked.len(), 1, "one line: {marked:?}");
    assert!(screen(&app).lines().any(|row| row.ends_with('▐')));
}

#[test]
fn capital_b_asks_for_a_note_in_arabic_and_the_pane_edits_deletes_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, stores) = start(dir.path());
    press(
        &mut app,
        &stores,
        &[KeyCode::Enter, KeyCode::Char('v'), KeyCode::Char('B')],
    );
    assert!(app.note_input().is_some());
    press(&mut app, &stores, &chars("للتحقق"));
    // The note is drawn shaped on the status line while typed.
    let shaped = crate::support::fribidi_visual_lines("للتحقق")[0]
        .trim()
        .to_owned();
    assert!(screen(&app).lines().last().unwrap().contains(&shaped));
    press(&mut app, &stores, &[KeyCode::Enter]);
    assert_eq!(app.library.bookmarks[0].note.as_deref(), Some("للتحقق"));

    // The pane lists it with its note; e edits the note.
    press(&mut app, &stores, &[KeyCode::Char('\'')]);
    let listed = screen(&app);
    assert!(listed.contains("bookmarks · 1"), "{listed}");
    press(
        &mut app,
        &stores,
        &[KeyCode::Char('e'), KeyCode::Backspace, KeyCode::Backspace],
    );
    press(&mut app, &stores, &chars("ق مهم"));
    press(&mut app, &stores, &[KeyCode::Enter]);
    assert_eq!(app.library.bookmarks[0].note.as_deref(), Some("للتحق مهم"));

    // d deletes (from the file too); u brings it back.
    press(&mut app, &stores, &[KeyCode::Char('d')]);
    assert!(app.library.bookmarks.is_empty());
    let file = std::fs::read_to_string(dir.path().join("bookmarks.json")).unwrap();
    assert!(!file.contains(CAPTION));
    press(&mut app, &stores, &[KeyCode::Char('u')]);
    assert_eq!(app.library.bookmarks.len(), 1);
    assert_eq!(app.library.bookmarks[0].note.as_deref(), Some("للتحق مهم"));
    // Esc while typing a note for a new bookmark drops it.
    press(
        &mut app,
        &stores,
        &[
            KeyCode::Esc,
            KeyCode::Char('B'),
            KeyCode::Char('x'),
            KeyCode::Esc,
        ],
    );
    assert_eq!(app.library.bookmarks.len(), 1);
}

#[test]
fn enter_in_the_pane_opens_the_article_at_the_passage_and_the_filter_finds_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, stores) = start(dir.path());
    // The third article, scrolled down a page: bookmark the paragraph at the top.
    press(
        &mut app,
        &stores,
        &[KeyCode::Char('j'), KeyCode::Char('j'), KeyCode::Enter],
    );
    press(&mut app, &stores, &[KeyCode::Char(' '), KeyCode::Char('b')]);
    let article = app.reader.as_ref().unwrap().article;
    let scroll = app.reader.as_ref().unwrap().scroll;
    let passage = app.library.bookmarks[0].quote.exact.clone();
    // Elsewhere, then back through the pane.
    press(
        &mut app,
        &stores,
        &[KeyCode::Char('h'), KeyCode::Char('g'), KeyCode::Enter],
    );
    assert_ne!(app.reader.as_ref().unwrap().article, article);
    press(
        &mut app,
        &stores,
        &[KeyCode::Char('\''), KeyCode::Char('/')],
    );
    press(&mut app, &stores, &chars("xyz"));
    assert!(screen(&app).contains("no bookmark holds that text"));
    press(&mut app, &stores, &[KeyCode::Esc, KeyCode::Enter]);
    assert!(app.bookmarks_pane().is_none());
    let reader = app.reader.as_ref().unwrap();
    assert_eq!(reader.article, article);
    assert!(
        reader.scroll <= scroll && reader.scroll + 3 >= scroll,
        "{} vs {scroll}",
        reader.scroll
    );
    let top: String = reader.lines[reader.scroll..reader.scroll + 3]
        .iter()
        .flat_map(|l| l.line.cells.iter().map(|c| c.text.clone()))
        .collect();
    assert!(!top.is_empty());
    // is:bookmarked in the filter bar lists just that article.
    press(&mut app, &stores, &[KeyCode::Char('h'), KeyCode::Char('/')]);
    press(&mut app, &stores, &chars("is:bookmarked"));
    assert_eq!(app.list.shown, vec![article as u32], "{passage}");
}

#[test]
fn reading_state_survives_a_restart_and_brackets_find_unread_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, stores) = start(dir.path());
    assert_eq!(app.unread_count(), 5);
    // Open the second article, read down a page and a half, leave.
    press(&mut app, &stores, &[KeyCode::Char('j'), KeyCode::Enter]);
    press(
        &mut app,
        &stores,
        &[KeyCode::Char(' '), KeyCode::Char('j'), KeyCode::Char('j')],
    );
    let top = app.reader.as_ref().unwrap().scroll;
    assert!(top > 2);
    let article = app.reader.as_ref().unwrap().article;
    press(&mut app, &stores, &[KeyCode::Char('h')]);
    assert_eq!(app.unread_count(), 4);
    assert!(screen(&app).contains("4 unread"));

    // A new qari: read, and reopened at the same line.
    let (mut again, stores) = start(dir.path());
    assert!(again.is_read(article));
    assert_eq!(again.unread_count(), 4);
    press(&mut again, &stores, &[KeyCode::Char('j'), KeyCode::Enter]);
    assert_eq!(again.reader.as_ref().unwrap().article, article);
    assert_eq!(again.reader.as_ref().unwrap().scroll, top);

    // ] skips the read article; [ comes back to the first unread; m toggles.
    press(
        &mut again,
        &stores,
        &[KeyCode::Char('h'), KeyCode::Char('g'), KeyCode::Char(']')],
    );
    assert_eq!(again.list.selected, 2, "the second row is read");
    press(&mut again, &stores, &[KeyCode::Char('[')]);
    assert_eq!(again.list.selected, 0);
    press(&mut again, &stores, &[KeyCode::Char('m')]);
    assert!(again.is_read(again.selected_article().unwrap()));
    press(&mut again, &stores, &[KeyCode::Char('m')]);
    assert!(!again.is_read(again.selected_article().unwrap()));
}
