//! qari in a real terminal (tmux), read back row by row: list rows against GNU FriBidi
//! and `qari list`, the reader pane against `qari show` at the pane's width after every
//! move, one full-width pane at a time on a narrow terminal, tiny terminals and a storm of
//! resizes that must end on exactly the screen a fresh start draws, and the shell's own
//! screen given back on quitting.

use qari::tui::geometry::{Areas, Pane};
use ratatui::layout::Rect;

use crate::screen::{
    Listed, Shown, area_rows, listed, qari_lines, reader_lines, title_column, wait_rows,
    wait_screen, width, window,
};
use crate::support::{fribidi_visual_lines, repo_file};
use crate::tmux::{Tmux, qari_command};

/// A shell line that must be on the screen again once qari has left the alternate screen.
const BEFORE: &str = "BEFORE-QARI";

/// Starts qari on the embedded sample in a `columns`×`rows` terminal, after leaving
/// [`BEFORE`] on the shell's screen.
fn start(columns: u16, rows: u16) -> Tmux {
    let tmux = Tmux::start(columns, rows);
    tmux.type_line(&format!("echo {BEFORE}"));
    tmux.wait_for(|s| s.lines().any(|l| l == BEFORE));
    tmux.type_line(&qari_command(&[]));
    // Screens are compared with each other, so each starts once the index is ready: the
    // status line says "indexing…" until then.
    tmux.wait_for(|s| s.contains("article 1 of 5") && !s.contains("indexing"));
    tmux
}

/// Presses `key`, checks that qari ended with status 0, and returns the shell's screen.
fn quit(tmux: &Tmux, key: &str) -> String {
    tmux.keys(&[key]);
    // Lines joined: after a grown terminal the shell's echo may wrap.
    let status = |s: &str| {
        let joined = s.replace('\n', "");
        let (_, after) = joined.rsplit_once("QARI-EXITED-")?;
        let code: String = after.chars().take_while(char::is_ascii_digit).collect();
        code.parse::<i32>().ok()
    };
    let screen = tmux.wait_for(|s| status(s).is_some());
    assert_eq!(status(&screen), Some(0), "{screen}");
    screen
}

/// Nothing of qari's screen is left on the shell's.
fn assert_no_leftovers(screen: &str) {
    for leftover in ["Articles ·", "Reader ·", "article 1 of", "q quit", "│"] {
        assert!(!screen.contains(leftover), "{leftover:?} left:\n{screen}");
    }
    // Shaped letters on the shell's screen would be qari's text left behind.
    assert!(
        !screen
            .chars()
            .any(|c| ('\u{FB50}'..='\u{FEFC}').contains(&c)),
        "Arabic presentation forms left:\n{screen}"
    );
}

/// Quits with `key`: status 0, nothing of qari's screen left, the shell's screen back.
fn quit_to_the_shell(tmux: &Tmux, key: &str) {
    let screen = quit(tmux, key);
    assert_no_leftovers(&screen);
    assert!(
        screen.lines().any(|l| l == BEFORE),
        "the shell's screen was not restored:\n{screen}"
    );
}

/// The sample as `qari show` knows it.
fn sample(article: &Listed) -> Shown<'_> {
    Shown {
        target: &article.id,
        paths: &[],
        options: &[],
    }
}

/// Each row shows its title right-aligned, its first words (FriBidi's rendering) at the
/// right edge, and a title too long for the row cut at its logical end (the left), marked
/// with an ellipsis.
fn assert_list_rows(screen: &str, rows: Rect, articles: &[Listed]) {
    let rows = title_column(rows);
    let shown = area_rows(screen, rows);
    for (row, article) in shown.iter().zip(articles) {
        let first_words: Vec<&str> = article.title.split_whitespace().take(2).collect();
        let first_words = fribidi_visual_lines(&first_words.join(" "))[0]
            .trim()
            .to_owned();
        assert!(
            row.ends_with(&first_words),
            "row {row:?} should end with {first_words:?}:\n{screen}"
        );
        assert_eq!(
            width(row),
            usize::from(rows.width),
            "row {row:?} is not right-aligned:\n{screen}"
        );
        let whole = qari_lines(&["show", "-", "--width", "0"], Some(&article.title)).remove(0);
        let whole = whole.trim_start();
        let row = row.trim_start();
        if width(whole) <= usize::from(rows.width) {
            assert_eq!(row, whole);
        } else {
            let kept = row
                .strip_prefix('…')
                .unwrap_or_else(|| panic!("cut title {row:?} has no ellipsis on its left"));
            assert!(
                whole.ends_with(kept) && width(kept) > usize::from(rows.width) / 2,
                "{kept:?} is not the logical start of {whole:?}"
            );
        }
    }
    assert!(shown.len() >= articles.len(), "{screen}");
}

/// The screen of a qari started at `columns`×`rows` after `keys`, once `ready` shows.
fn fresh_screen(columns: u16, rows: u16, keys: &[&str], ready: &str) -> String {
    let tmux = start(columns, rows);
    tmux.keys(keys);
    tmux.wait_for(|s| s.contains(ready))
}

#[test]
fn split_screen_lists_titles_and_reads_exactly_like_qari_show() {
    let (columns, rows) = (100, 30);
    let articles = listed(&[]);
    assert_eq!(articles.len(), 5);
    let tmux = start(columns, rows);
    let areas = Areas::new(Rect::new(0, 0, columns, rows), Pane::Reader);
    assert_list_rows(&tmux.screen(), areas.list_rows().unwrap(), &articles);

    // The first article is open beside the list from the start.
    let text = areas.reader_text().unwrap();
    let first = reader_lines(&articles[0].title, &sample(&articles[0]), text.width);
    wait_rows(
        &tmux,
        text,
        &window(&first, 0, text.height),
        "first article",
    );

    // Down: the reader follows the selection; Enter moves the focus, not the text.
    tmux.keys(&["Down", "Enter"]);
    let second = reader_lines(&articles[1].title, &sample(&articles[1]), text.width);
    let screen = wait_rows(&tmux, text, &window(&second, 0, text.height), "second");
    let header = format!("Reader · lines 1–{} of {}", text.height, second.len());
    assert!(screen.contains(&header), "no {header:?} in\n{screen}");
    assert!(screen.contains("article 2 of 5"), "{screen}");
    scroll_through(&tmux, text, &second);
    quit_to_the_shell(&tmux, "q");
}

/// Scrolls the focused reader by line and by page both ways, checking every row each time.
fn scroll_through(tmux: &Tmux, text: Rect, lines: &[String]) {
    let page = usize::from(text.height);
    assert!(
        lines.len() > 2 * page,
        "the article is too short to page through"
    );
    let last_page = lines.len() - page;
    for (keys, top, what) in [
        (
            &["j", "j", "j"][..],
            3,
            "j j j: the first three lines scrolled off",
        ),
        (&["Space"], 3 + page - 1, "Space: the last row on top"),
        (&["k"], 3 + page - 2, "k"),
        (&["Down"], 3 + page - 1, "Down"),
        (&["Up"], 3 + page - 2, "Up"),
        (&["G"], last_page, "G"),
        (&["j"], last_page, "j at the end"),
        (&["PageUp"], last_page - page + 1, "PgUp"),
        (&["g"], 0, "g"),
        (&["k"], 0, "k at the top"),
        (&["PageDown"], page - 1, "PgDn"),
    ] {
        tmux.keys(keys);
        wait_rows(tmux, text, &window(lines, top, text.height), what);
    }
}

#[test]
fn narrow_screen_shows_one_full_width_pane_at_a_time() {
    let (columns, rows) = (40, 20);
    let articles = listed(&[]);
    let tmux = start(columns, rows);
    let screen_area = Rect::new(0, 0, columns, rows);
    let list = Areas::new(screen_area, Pane::List).list_rows().unwrap();
    let screen = tmux.screen();
    assert_list_rows(&screen, list, &articles);
    assert!(!screen.contains("Reader ·"), "{screen}");
    let list_rows = area_rows(&screen, list);

    let text = Areas::new(screen_area, Pane::Reader).reader_text().unwrap();
    assert_eq!(
        text.width,
        columns - 2,
        "the reader is full width but margins"
    );
    let first = reader_lines(&articles[0].title, &sample(&articles[0]), text.width);
    tmux.keys(&["Enter"]);
    let screen = wait_rows(&tmux, text, &window(&first, 0, text.height), "Enter");
    assert!(!screen.contains("Articles ·"), "{screen}");
    tmux.keys(&["j"]);
    wait_rows(&tmux, text, &window(&first, 1, text.height), "j");
    tmux.keys(&["h"]);
    let screen = wait_rows(&tmux, list, &list_rows, "h goes back to the list");
    assert!(!screen.contains("Reader ·"), "{screen}");

    tmux.keys(&["Down", "l"]);
    let second = reader_lines(&articles[1].title, &sample(&articles[1]), text.width);
    wait_rows(&tmux, text, &window(&second, 0, text.height), "l opens");
    scroll_through(&tmux, text, &second);
    tmux.keys(&["Escape"]);
    wait_rows(&tmux, list, &list_rows, "Esc goes back to the list");
    quit_to_the_shell(&tmux, "C-c");
}

/// Starts qari in a `tiny` terminal, uses it there, then grows the terminal: the screen
/// must be exactly what a qari started at the grown size draws after the same commands.
fn start_tiny_then_grow(tiny: (u16, u16), grown: (u16, u16)) {
    let reference = fresh_screen(grown.0, grown.1, &["t"], "tashkeel hidden");
    let tmux = Tmux::start(grown.0, grown.1);
    tmux.resize(tiny.0, tiny.1);
    let capture = tmux.capture_output();
    tmux.type_line(&qari_command(&[]));
    // Nothing can be read off a 1×1 screen: wait for the bytes of a frame after the set-up.
    let start = std::time::Instant::now();
    loop {
        let bytes = std::fs::read(&capture).unwrap();
        let set_up = bytes.windows(4).position(|w| w == b"\x1b[8l");
        if set_up.is_some_and(|at| bytes.len() > at + 4) {
            break;
        }
        assert!(
            start.elapsed() < crate::tmux::PATIENCE,
            "no frame at {tiny:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Every command once at the tiny size, ending in the state the reference is in
    // (Enter marks the article read; m marks it unread again).
    // (Not Esc: followed at once by another key, it reads as Alt and that key.)
    tmux.keys(&[
        "?", "x", "Tab", "j", "Space", "G", "g", "h", "Enter", "m", "h", "t",
    ]);
    // And its transpose, for good measure.
    tmux.resize(tiny.1, tiny.0);
    tmux.resize(grown.0, grown.1);
    wait_screen(&tmux, &reference, &format!("grown from {tiny:?}"));
    // Not checked for leftovers: see `quitting_after_the_terminal_grew_leaves_a_clean_shell`.
    quit(&tmux, "q");
}

#[test]
fn started_at_1x1_it_survives_and_grows_into_a_normal_screen() {
    start_tiny_then_grow((1, 1), (100, 30));
}

#[test]
fn started_at_3x2_it_survives_and_grows_into_a_normal_screen() {
    start_tiny_then_grow((3, 2), (60, 20));
}

#[test]
fn after_a_resize_storm_the_screen_is_what_a_fresh_start_draws() {
    let (columns, rows) = (90, 26);
    let reference = fresh_screen(columns, rows, &["t"], "tashkeel hidden");
    let tmux = start(100, 30);
    // A fixed walk, so a failure can be replayed; every fifth size is tiny.
    let mut seed: u32 = 0x5eed;
    for step in 0..200 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let size = match step % 5 {
            0 => (1 + (seed >> 12) % 3, 1 + (seed >> 20) % 3),
            _ => (1 + (seed >> 8) % 180, 1 + (seed >> 20) % 60),
        };
        tmux.resize(size.0 as u16, size.1 as u16);
    }
    tmux.resize(columns, rows);
    tmux.keys(&["t"]);
    wait_screen(&tmux, &reference, "after the storm");
    assert_no_leftovers(&quit(&tmux, "q"));
}

/// Once a bug with tmux 3.3a: leaving the alternate screen after the terminal grew left
/// rows of qari's screen on the shell's; qari now clears before CSI ?1049l.
#[test]
fn quitting_after_the_terminal_grew_leaves_a_clean_shell() {
    let tmux = start(60, 20);
    tmux.resize(100, 30);
    tmux.wait_for(|s| s.contains("Reader ·"));
    quit_to_the_shell(&tmux, "q");
}

/// Once a bug: after growing from one pane to the split layout, the reader still showed
/// the article that was open, not the selected one.
#[test]
fn the_reader_follows_the_selection_after_growing_into_the_split_layout() {
    let articles = listed(&[]);
    let tmux = start(40, 20);
    tmux.keys(&["j", "j"]);
    tmux.wait_for(|s| s.contains("article 3 of 5"));
    tmux.resize(100, 30);
    let text = Areas::new(Rect::new(0, 0, 100, 30), Pane::List)
        .reader_text()
        .unwrap();
    let third = reader_lines(&articles[2].title, &sample(&articles[2]), text.width);
    wait_rows(
        &tmux,
        text,
        &window(&third, 0, text.height),
        "the selected article",
    );
}

/// Once a bug: a relayout (t, resize) with a blank line at the top of the reader jumped
/// back to the first blank line of the article.
#[test]
fn toggling_tashkeel_twice_leaves_the_reader_where_it_was() {
    let articles = listed(&[]);
    let tmux = start(100, 30);
    let text = Areas::new(Rect::new(0, 0, 100, 30), Pane::Reader)
        .reader_text()
        .unwrap();
    let lines = reader_lines(&articles[0].title, &sample(&articles[0]), text.width);
    tmux.keys(&["Enter"]);
    for top in 0..12 {
        wait_rows(&tmux, text, &window(&lines, top, text.height), "scrolled");
        tmux.keys(&["t", "t"]);
        // Only the second t leaves this message (the j below clears it).
        tmux.wait_for(|s| s.contains("tashkeel shown"));
        wait_rows(&tmux, text, &window(&lines, top, text.height), "after t t");
        tmux.keys(&["j"]);
    }
}

/// A flag (two regional indicators) is one 2-column cell to ratatui but two 1-column
/// cells to tmux, so scrolling it away once left its second half on the screen; qari now
/// spells flags with their two letters.
#[test]
fn scrolling_past_a_flag_leaves_nothing_behind() {
    let articles = listed(&[]);
    let tmux = start(100, 30);
    let text = Areas::new(Rect::new(0, 0, 100, 30), Pane::Reader)
        .reader_text()
        .unwrap();
    // Sample 000 quotes a tweet with 🇷🇺 in it.
    let index = articles
        .iter()
        .position(|a| a.id.starts_with("000"))
        .unwrap();
    let article = &articles[index];
    let source = std::fs::read_to_string(repo_file("assets/sample").join(&article.id)).unwrap();
    assert!(source.contains("\u{1F1F7}\u{1F1FA}"));
    let lines = reader_lines(&article.title, &sample(article), text.width);
    assert!(lines.iter().any(|l| l.contains("RU ")));
    for _ in 0..index {
        tmux.keys(&["j"]);
    }
    tmux.wait_for(|s| s.contains(&format!("article {} of 5", index + 1)));
    tmux.keys(&["Enter"]);
    for top in 0..=lines.len() - usize::from(text.height) {
        wait_rows(&tmux, text, &window(&lines, top, text.height), "scrolling");
        tmux.keys(&["j"]);
    }
}
