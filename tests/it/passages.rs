//! Selecting passages in the reader, sentence by sentence or paragraph by paragraph, and
//! copying them: the selection is painted on its own letters and copied in logical order.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::corpus::load_sample;
use qari::tui::app::{App, Display};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use crate::harness::Harness;

const CAPTION: &str = "المبعوث الخاص للرئيس الروسي، ألكسندر لافرنتييف (سبوتنيك)";
const LEAD: &str = "قال المبعوث الخاص للرئيس الروسي، ألكسندر لافرنتييف، إن بلاده على استعداد \
                    لاستئناف الحوار مع واشنطن بشأن سوريا عندما يصل الرئيس الأمريكي المنتخب، \
                    دونالد ترامب، إلى البيت الأبيض.";

/// Each screen row's reversed (selected) cells in the reader, joined left to right.
fn reversed_rows(h: &Harness) -> Vec<String> {
    let app = &h.app;
    let buffer = h.buffer();
    let text = qari::tui::geometry::Areas::new(app.layout.screen, app.layout.focus)
        .reader_text()
        .unwrap();
    (0..app.layout.screen.height)
        .map(|y| {
            if y < text.y || y >= text.bottom() {
                return String::new();
            }
            (text.x..text.right())
                .map(|x| &buffer[(x, y)])
                .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
                .map(|cell| cell.symbol().to_owned())
                .collect()
        })
        .collect()
}

/// The reader on the sample, with the keyboard on the article. Every key the tests
/// type is bound in the default key map.
fn reader() -> Harness {
    let mut h = Harness::new(App::new(
        load_sample(),
        Display::default(),
        Rect::new(0, 0, 100, 30),
    ));
    for code in [KeyCode::Tab, KeyCode::Esc]
        .into_iter()
        .chain("vVjky".chars().map(KeyCode::Char))
    {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        assert!(h.keymap.command(&key).is_some(), "{code:?} is bound");
    }
    h.type_keys("\t");
    h
}

#[test]
fn v_selects_the_sentence_at_the_top_and_j_adds_the_next_one() {
    let mut h = reader();
    h.type_keys("v");
    let article = &h.app.articles[h.app.reader.as_ref().unwrap().article];
    assert_eq!(h.app.selection.as_ref().unwrap().text(article), CAPTION);
    // The caption is printed twice in the article, as it was on the page.
    h.type_keys("jj");
    let article = &h.app.articles[h.app.reader.as_ref().unwrap().article];
    assert_eq!(
        h.app.selection.as_ref().unwrap().text(article),
        format!("{CAPTION}\n\n{CAPTION}\n\n{LEAD}")
    );
    // Painted on exactly the rows of those two paragraphs, all of each row, and the
    // caption's row is the caption shaped and ordered.
    let buffer = h.buffer();
    let reader = h.app.reader.as_ref().unwrap();
    let text = qari::tui::geometry::Areas::new(h.app.layout.screen, h.app.layout.focus)
        .reader_text()
        .unwrap();
    let rows = reversed_rows(&h);
    let chosen: Vec<usize> = h
        .app
        .selection
        .as_ref()
        .unwrap()
        .passages()
        .iter()
        .map(|p| p.paragraph)
        .collect();
    assert_eq!(chosen.len(), 3);
    let mut painted = 0;
    for (i, line) in reader.lines[reader.scroll..]
        .iter()
        .take(usize::from(text.height))
        .enumerate()
    {
        let y = text.y + i as u16;
        let row: String = (text.x..text.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        let selected =
            matches!(line.kind, qari::tui::app::LineKind::Paragraph(p) if chosen.contains(&p));
        if selected {
            assert_eq!(rows[usize::from(y)].trim(), row.trim(), "row {y}");
            painted += 1;
        } else {
            assert_eq!(rows[usize::from(y)], "", "row {y}");
        }
    }
    assert!(painted >= 4, "{painted} rows painted");
    assert!(
        rows.iter()
            .any(|r| r.trim() == crate::support::fribidi_visual_lines(CAPTION)[0].trim())
    );
    // k takes it back; Esc ends it, and the keys scroll again.
    h.type_keys("kk");
    let article = &h.app.articles[h.app.reader.as_ref().unwrap().article];
    assert_eq!(h.app.selection.as_ref().unwrap().text(article), CAPTION);
    h.type_keys("\u{1b}");
    assert!(h.app.selection.is_none());
    let rows = reversed_rows(&h);
    assert!(rows.iter().all(String::is_empty), "{rows:#?}");
    h.type_keys("j");
    assert_eq!(h.app.reader.as_ref().unwrap().scroll, 1);
}

#[test]
fn y_copies_the_passage_in_logical_order_and_says_so() {
    let mut h = reader();
    h.type_keys("vjj");
    let effects = h.key(KeyCode::Char('y'));
    let passage = format!("{CAPTION}\n\n{CAPTION}\n\n{LEAD}");
    assert_eq!(
        crate::support::clipboard(&effects).as_deref(),
        Some(passage.as_str())
    );
    let said = format!(
        "copied {} characters to the clipboard",
        passage.chars().count()
    );
    assert_eq!(h.app.status.message.as_deref(), Some(said.as_str()));
    // Without a selection, the paragraph at the top.
    let effects = h.key(KeyCode::Char('y'));
    assert_eq!(
        crate::support::clipboard(&effects).as_deref(),
        Some(CAPTION)
    );
}

#[test]
fn capital_v_selects_whole_paragraphs() {
    let mut h = reader();
    h.type_keys("Vjj");
    let article = &h.app.articles[h.app.reader.as_ref().unwrap().article];
    let text = h.app.selection.as_ref().unwrap().text(article);
    assert_eq!(text, format!("{CAPTION}\n\n{CAPTION}\n\n{LEAD}"));
    // v switches the same passage to sentences; v again ends it.
    h.type_keys("vk");
    let article = &h.app.articles[h.app.reader.as_ref().unwrap().article];
    let text = h.app.selection.as_ref().unwrap().text(article);
    assert_eq!(text, format!("{CAPTION}\n\n{CAPTION}"));
    h.type_keys("v");
    assert!(h.app.selection.is_none());
}
