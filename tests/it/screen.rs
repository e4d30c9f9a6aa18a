//! Reading a captured terminal screen by pane, and what each pane should hold according
//! to `qari show`, whose output is by contract (DESIGN §6) exactly the reader's layout.
//! Comparing whole rows this way checks shaping, order, alignment and clipping at once,
//! which a search for a few words on the screen cannot.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

use crate::support::qari_bin;
use crate::tmux::{PATIENCE, Tmux};

/// Runs qari with `args` (and `stdin`, if given) and returns its standard output by line.
pub fn qari_lines(args: &[&str], stdin: Option<&str>) -> Vec<String> {
    let mut child = Command::new(qari_bin())
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    if let (Some(mut input), Some(text)) = (child.stdin.take(), stdin) {
        input.write_all(text.as_bytes()).unwrap();
    }
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "qari {args:?} failed");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// An article as `qari list` prints it.
pub struct Listed {
    /// Its id, for `qari show`.
    pub id: String,
    /// Its title, in logical order.
    pub title: String,
}

/// The articles `qari list` gives for `paths` (the embedded sample when empty), in order.
pub fn listed(paths: &[&str]) -> Vec<Listed> {
    let mut args = vec!["list"];
    args.extend_from_slice(paths);
    qari_lines(&args, None)
        .iter()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "ID, DATE, SOURCE, TITLE: {line:?}");
            Listed {
                id: fields[0].to_owned(),
                title: fields[3].to_owned(),
            }
        })
        .collect()
}

/// What `qari show` is asked to print, and how.
pub struct Shown<'a> {
    /// The article: an id or a file.
    pub target: &'a str,
    /// Where to look the id up (none: the embedded sample).
    pub paths: &'a [&'a str],
    /// Display options shared by the reader and `qari show` (`--bidi terminal`…).
    pub options: &'a [&'a str],
}

/// Every line the reader pane can show for an article at `width` columns: its title as
/// `qari show -` lays out a paragraph, a blank line, then its body as `qari show` prints it.
pub fn reader_lines(title: &str, shown: &Shown, width: u16) -> Vec<String> {
    let width = width.to_string();
    let mut title_args = vec!["show", "-", "--width", &width];
    title_args.extend_from_slice(shown.options);
    let mut lines = qari_lines(&title_args, Some(title));
    lines.push(String::new());
    let mut body_args = vec!["show", shown.target];
    body_args.extend_from_slice(shown.paths);
    body_args.extend_from_slice(&["--width", &width]);
    body_args.extend_from_slice(shown.options);
    lines.extend(qari_lines(&body_args, None));
    lines
}

/// The `height` lines starting at `top`, blank past the end, as a pane scrolled to `top`
/// shows them.
pub fn window(lines: &[String], top: usize, height: u16) -> Vec<String> {
    (top..top + usize::from(height))
        .map(|i| lines.get(i).cloned().unwrap_or_default())
        .collect()
}

/// The rows of `screen` inside `area`, each cut at the area's columns (by display width,
/// combining marks staying with their base) with trailing blanks removed.
pub fn area_rows(screen: &str, area: Rect) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    (area.top()..area.bottom())
        .map(|y| cut(rows.get(usize::from(y)).copied().unwrap_or(""), area))
        .collect()
}

fn cut(row: &str, area: Rect) -> String {
    let (from, to) = (usize::from(area.left()), usize::from(area.right()));
    let mut column = 0;
    let mut taking = false;
    let mut out = String::new();
    for c in row.chars() {
        let width = c.width().unwrap_or(0);
        if width > 0 {
            taking = column >= from && column + width <= to;
            column += width;
        }
        if taking {
            out.push(c);
        }
    }
    out.trim_end().to_owned()
}

/// Display width of a row.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Waits until the rows of `area` are `expected`; on time-out panics naming `what`, the
/// first row that differs and the whole screen.
pub fn wait_rows(tmux: &Tmux, area: Rect, expected: &[String], what: &str) -> String {
    let start = Instant::now();
    loop {
        let screen = tmux.screen();
        let rows = area_rows(&screen, area);
        if rows == expected {
            return screen;
        }
        if start.elapsed() > PATIENCE {
            let row = rows
                .iter()
                .zip(expected)
                .position(|(got, want)| got != want)
                .unwrap_or(0);
            panic!(
                "{what}: row {row} of {area:?} is\n  {:?}\nexpected\n  {:?}\nscreen:\n{screen}",
                rows.get(row),
                expected.get(row)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

/// Waits until the whole screen is `expected`, panicking with both after the time-out.
pub fn wait_screen(tmux: &Tmux, expected: &str, what: &str) {
    let start = Instant::now();
    loop {
        let screen = tmux.screen();
        if screen == expected {
            return;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "{what}: the screen is\n{screen}\nexpected\n{expected}"
        );
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
}

/// Where the titles are in the list's `rows`: right of the date and source columns.
pub fn title_column(rows: Rect) -> Rect {
    let (x, width) = qari::tui::view::ListColumns::for_width(rows.width).title;
    Rect {
        x: rows.x + x,
        width,
        ..rows
    }
}
