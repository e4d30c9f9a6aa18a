//! Matches painted in the reader: through the layout's logical offsets, so the mark lands
//! on the right (shaped, reordered) letters; `n` and `N` move between them, counting
//! them and coming round at the ends.

use std::sync::Arc;

use crossterm::event::KeyCode;
use qari::corpus::load_sample;
use qari::index::Index;
use qari::tui::app::{App, Display};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use crate::harness::Harness;

/// Each screen row's marked (underlined) cells, joined left to right.
fn marked_rows(h: &Harness) -> Vec<String> {
    let area = h.app.layout.screen;
    let buffer = &h.buffer();
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
    let mut h = Harness::new(app);
    h.key(KeyCode::Char('/'));
    for c in "حميميم ".chars() {
        h.key(KeyCode::Char(c));
    }
    h.key(KeyCode::Enter);
    assert_eq!(h.app.list.shown.len(), 2);
    h.key(KeyCode::Enter);
    let first_top = h.app.reader.as_ref().unwrap().scroll;
    h.key(KeyCode::Char('n'));
    let reader = h.app.reader.as_ref().unwrap();
    assert!(reader.scroll > first_top, "n scrolled to a match");
    assert!(reader.matches.iter().any(|m| m.line == reader.scroll));
    // The top line now holds a match: its marked cells spell the word, shaped, in
    // visual order (as FriBidi draws it).
    let expected = crate::support::fribidi_visual_lines("حميميم")[0]
        .trim()
        .to_owned();
    let rows = marked_rows(&h);
    assert!(rows.iter().any(|row| row.contains(&expected)), "{rows:?}");
    assert!(
        rows.iter()
            .all(|row| row.is_empty() || row.replace(&expected, "").is_empty()),
        "{rows:?}"
    );
    let at = h.app.reader.as_ref().unwrap().scroll;
    h.key(KeyCode::Char('n'));
    let next = h.app.reader.as_ref().unwrap().scroll;
    let wrapped = h
        .app
        .status
        .message
        .as_deref()
        .is_some_and(|m| m.ends_with("(from the top)"));
    assert!(next > at || wrapped, "{:?}", h.app.status.message);
    h.key(KeyCode::Char('N'));
    assert_eq!(h.app.reader.as_ref().unwrap().scroll, at);
}

/// An article where the filter `الميناء` occurs six times: once in the title, three
/// times in one paragraph (twice close together, so on one line), once in the last
/// paragraph, with text enough between them to scroll.
fn port_article() -> Harness {
    let filler = "وتناولت الصحف المحلية أخبار الطقس والأسواق والرياضة في صفحاتها الأولى. ";
    let text = format!(
        "حركة السفن في الميناء\n\n\
         افتتح الميناء الجديد صباح اليوم بحضور المسؤولين.\n\n\
         قال المدير إن الميناء سيستقبل السفن الكبيرة، وإن أرصفة الميناء جاهزة منذ أسبوع، \
         وإن الميناء يعمل ليلا ونهارا.\n\n\
         {}\n\n\
         ويعمل في الميناء ألف عامل.\n",
        filler.repeat(12)
    );
    let corpus = qari::corpus::load_bytes("port.txt", text.as_bytes());
    assert_eq!(corpus.articles.len(), 1, "{:?}", corpus.skipped);
    let mut app = App::new(corpus, Display::default(), Rect::new(0, 0, 100, 12));
    app.set_index(Arc::new(Index::build(&app.articles)));
    Harness::new(app)
}

fn filter_and_open(h: &mut Harness, filter: &str) {
    h.key(KeyCode::Char('/'));
    for c in filter.chars() {
        h.key(KeyCode::Char(c));
    }
    h.key(KeyCode::Enter);
    h.key(KeyCode::Enter);
}

#[test]
fn n_counts_every_occurrence_and_wraps_round_from_the_top() {
    let mut h = port_article();
    filter_and_open(&mut h, "الميناء");
    let total = h.app.reader.as_ref().unwrap().matches.len();
    assert_eq!(total, 6);
    let mut tops = Vec::new();
    for number in 1..=total {
        h.key(KeyCode::Char('n'));
        assert_eq!(
            h.app.status.message.as_deref(),
            Some(format!("match {number} of {total}").as_str())
        );
        let reader = h.app.reader.as_ref().unwrap();
        let current = reader
            .current_match()
            .expect("the match jumped to is current");
        assert_eq!(current, &reader.matches[number - 1]);
        // Its line at the top, unless it is on the last page.
        let max = reader.lines.len() - h.app.reader_page();
        assert_eq!(reader.scroll, current.line.min(max));
        tops.push(reader.scroll);
    }
    // Forward, never back; the two matches on one line share its scroll.
    assert!(tops.windows(2).all(|w| w[0] <= w[1]), "{tops:?}");
    assert!(tops.windows(2).any(|w| w[0] == w[1]), "{tops:?}");
    assert!(tops.first() < tops.last(), "{tops:?}");
    h.key(KeyCode::Char('n'));
    assert_eq!(
        h.app.status.message.as_deref(),
        Some(format!("match 1 of {total} (from the top)").as_str())
    );
    assert_eq!(h.app.reader.as_ref().unwrap().scroll, tops[0]);
    h.key(KeyCode::Char('n'));
    assert_eq!(h.app.status.message.as_deref(), Some("match 2 of 6"));
}

#[test]
fn shift_n_goes_back_and_wraps_round_from_the_bottom() {
    let mut h = port_article();
    filter_and_open(&mut h, "الميناء");
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Char('N'));
    assert_eq!(h.app.status.message.as_deref(), Some("match 1 of 6"));
    h.key(KeyCode::Char('N'));
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("match 6 of 6 (from the bottom)")
    );
    for number in (1..6).rev() {
        h.key(KeyCode::Char('N'));
        assert_eq!(
            h.app.status.message.as_deref(),
            Some(format!("match {number} of 6").as_str())
        );
    }
    // From the top of a freshly opened article, `N` comes round to the last match.
    let mut h = port_article();
    filter_and_open(&mut h, "الميناء");
    h.key(KeyCode::Char('N'));
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("match 6 of 6 (from the bottom)")
    );
}

#[test]
fn after_scrolling_away_n_starts_from_the_top_of_the_pane() {
    let mut h = port_article();
    filter_and_open(&mut h, "الميناء");
    for _ in 0..4 {
        h.key(KeyCode::Char('n'));
    }
    assert_eq!(h.app.status.message.as_deref(), Some("match 4 of 6"));
    h.key(KeyCode::Char('g'));
    assert_eq!(h.app.reader.as_ref().unwrap().current_match(), None);
    h.key(KeyCode::Char('n'));
    assert_eq!(h.app.status.message.as_deref(), Some("match 1 of 6"));
    // A new width lays the article out again; the current match stays current.
    h.key(KeyCode::Char('n'));
    h.app.resize(Rect::new(0, 0, 80, 12));
    h.key(KeyCode::Char('n'));
    assert_eq!(h.app.status.message.as_deref(), Some("match 3 of 6"));
}

#[test]
fn an_article_without_the_filter_s_words_says_so() {
    let mut h = port_article();
    // `-word` lets the article through and marks nothing in it.
    filter_and_open(&mut h, "-قطار");
    assert_eq!(h.app.list.shown.len(), 1);
    h.key(KeyCode::Char('n'));
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("no matches in this article")
    );
    h.key(KeyCode::Char('N'));
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("no matches in this article")
    );
    // With no filter at all there is nothing to match.
    let mut h = port_article();
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('n'));
    assert_eq!(
        h.app.status.message.as_deref(),
        Some("no filter to match: / sets one")
    );
}

#[test]
fn the_status_line_counts_the_matches_and_the_current_one_is_drawn_reversed() {
    let mut h = port_article();
    filter_and_open(&mut h, "الميناء");
    h.key(KeyCode::Char('n'));
    h.key(KeyCode::Char('n'));
    let status = h.status_row();
    assert!(status.contains("· match 2 of 6"), "{status:?}");
    // Exactly one match on screen is reversed: the current one, spelled as the others.
    let buffer = h.buffer();
    let reversed: Vec<String> = (0..h.app.layout.screen.height - 1)
        .map(|y| {
            (0..h.app.layout.screen.width)
                .map(|x| &buffer[(x, y)])
                .filter(|c| {
                    c.modifier
                        .contains(Modifier::UNDERLINED | Modifier::REVERSED)
                })
                .map(|c| c.symbol().to_owned())
                .collect()
        })
        .filter(|row: &String| !row.is_empty())
        .collect();
    let expected = crate::support::fribidi_visual_lines("الميناء")[0]
        .trim()
        .to_owned();
    assert_eq!(reversed, vec![expected]);
    h.key(KeyCode::Char('n'));
    assert!(h.status_row().contains("· match 3 of 6"));
}
