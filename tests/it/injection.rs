//! Hostile article text never reaches the terminal. The fixture `tests/fixtures/hostile`
//! hides, among Arabic words in its title and body, screen clears, colours and cursor
//! moves, an OSC 52 clipboard write, OSC 0 title changes, OSC 8 links, DCS and APC
//! strings, C1 controls (U+009B CSI, U+009D OSC, U+0085), BEL, backspaces and Trojan
//! Source bidi controls (RLO, LRO, LRE, RLE, PDF, LRI, RLI, FSI, PDI, LRM, RLM, ALM).
//! The reader is driven in both bidi modes under tmux with `pipe-pane` recording from
//! before launch; the bytes are checked raw, replayed through another emulator (`vt100`)
//! whose callbacks must see no title, clipboard, OSC or bell, and the screen must show
//! exactly the sanitized text `qari show` prints. `qari list` and `qari show` are checked
//! the same way, and so are error messages and file names.

use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use qari::tui::geometry::{Areas, Pane};
use ratatui::layout::Rect;

use crate::screen::{
    Shown, area_rows, listed, qari_lines, reader_lines, title_column, wait_rows, width, window,
};
use crate::support::{qari_bin, repo_file};
use crate::tmux::{Tmux, qari_command};

const FIXTURE: &str = "tests/fixtures/hostile";
const ARTICLE: &str = "trojan.txt";

/// Byte strings that must never be written, whatever the mode.
const FORBIDDEN: &[(&str, &[u8])] = &[
    ("OSC", b"\x1b]"),
    ("DCS", b"\x1bP"),
    ("APC", b"\x1b_"),
    ("PM", b"\x1b^"),
    ("SOS", b"\x1bX"),
    ("RIS", b"\x1bc"),
    ("BEL", b"\x07"),
    ("backspace", b"\x08"),
    ("LRM", "\u{200E}".as_bytes()),
    ("RLM", "\u{200F}".as_bytes()),
    ("ALM", "\u{061C}".as_bytes()),
    ("LRE", "\u{202A}".as_bytes()),
    ("RLE", "\u{202B}".as_bytes()),
    ("PDF", "\u{202C}".as_bytes()),
    ("LRO", "\u{202D}".as_bytes()),
    ("RLO", "\u{202E}".as_bytes()),
    ("LRI", "\u{2066}".as_bytes()),
    ("RLI", "\u{2067}".as_bytes()),
    ("FSI", "\u{2068}".as_bytes()),
    ("PDI", "\u{2069}".as_bytes()),
    // The payloads of the fixture's escape sequences: a dropped sequence goes whole.
    ("an OSC/DCS/APC payload", b"pwned"),
    ("the OSC 52 payload", b"cHduZWQ"),
];

/// The first thing in `bytes` that must not reach a terminal: anything in [`FORBIDDEN`],
/// bytes that are not UTF-8 (a lone 8-bit C1 byte is not), a C1 code point, DEL, or a C0
/// control other than those in `allowed`.
fn first_hostile(bytes: &[u8], allowed: &[u8]) -> Option<String> {
    for (name, needle) in FORBIDDEN {
        if let Some(at) = bytes.windows(needle.len()).position(|w| w == *needle) {
            let context = &bytes[at.saturating_sub(40)..(at + 40).min(bytes.len())];
            let context = String::from_utf8_lossy(context);
            return Some(format!("{name} at byte {at}: …{}…", context.escape_debug()));
        }
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return Some(format!("not UTF-8: {err}")),
    };
    text.chars()
        .find(|&c| {
            ('\u{80}'..='\u{9f}').contains(&c)
                || c == '\u{7f}'
                || (c < ' ' && !allowed.contains(&(c as u8)))
        })
        .map(|c| format!("control character {c:?}"))
}

fn assert_clean(bytes: &[u8], allowed: &[u8], what: &str) {
    if let Some(problem) = first_hostile(bytes, allowed) {
        panic!("{what} contains {problem}");
    }
}

/// What a terminal emulator would have done with the bytes, besides drawing.
#[derive(Default)]
struct Witness {
    titles: Vec<Vec<u8>>,
    clipboard: usize,
    bells: usize,
    odd: Vec<String>,
}

impl vt100::Callbacks for Witness {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], _: &[u8]) {
        self.clipboard += 1;
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.clipboard += 1;
    }
    fn unhandled_char(&mut self, _: &mut vt100::Screen, c: char) {
        self.odd.push(format!("char {c:?}"));
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.odd.push(format!("control {b:#04x}"));
    }
    fn unhandled_escape(&mut self, _: &mut vt100::Screen, i1: Option<u8>, i2: Option<u8>, b: u8) {
        self.odd.push(format!("ESC {i1:?} {i2:?} {:?}", b as char));
    }
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        i1: Option<u8>,
        i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        // qari's own bidi-mode switch (BDSM), crossterm's reset of the underline colour
        // and the urxvt mouse mode among those that turn the mouse on (1015) are the
        // only sequences vt100 does not implement.
        let known = matches!((i1, i2, params, c), (None, None, [[8]], 'h' | 'l'))
            || matches!((i1, i2, params, c), (None, None, [[59]], 'm'))
            || matches!((i1, i2, params, c), (Some(b'?'), None, [[1015]], 'h' | 'l'));
        if !known {
            self.odd.push(format!("CSI {i1:?} {i2:?} {params:?} {c:?}"));
        }
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.odd.push(format!("OSC {params:?}"));
    }
}

/// Replays `bytes` on a `columns`×`rows` vt100 and returns what it saw, and its screen
/// just before qari began to restore the terminal (it clears the alternate screen, then
/// leaves it).
fn replay(bytes: &[u8], columns: u16, rows: u16) -> (Witness, String) {
    let size = |n| NonZeroU16::new(n).unwrap();
    let mut terminal =
        vt100::Parser::new_with_callbacks(size(rows), size(columns), 0, Witness::default());
    let leave = bytes
        .windows(8)
        .rposition(|w| w == b"\x1b[?1049l")
        .expect("qari left the alternate screen");
    let leave = bytes[..leave]
        .windows(4)
        .rposition(|w| w == b"\x1b[2J")
        .expect("qari cleared the alternate screen before leaving it");
    terminal.process(&bytes[..leave]);
    let screen = terminal.screen().contents();
    terminal.process(&bytes[leave..]);
    (std::mem::take(terminal.callbacks_mut()), screen)
}

/// Opens the fixture in the reader with `options`, scrolls, pages, shows the help, hides
/// tashkeel and quits, checking the screen at each step; returns what qari wrote.
fn read_the_fixture(options: &[&str]) -> Vec<u8> {
    let (columns, rows) = (100, 30);
    let dir = repo_file(FIXTURE);
    let dir_arg = dir.to_str().unwrap();
    let article = listed(&[dir_arg]).remove(0);
    let areas = Areas::new(Rect::new(0, 0, columns, rows), Pane::Reader);
    let text = areas.reader_text().unwrap();
    let shown = Shown {
        target: ARTICLE,
        paths: &[dir_arg],
        options,
    };
    let lines = reader_lines(&article.title, &shown, text.width);
    let page = usize::from(text.height);
    assert!(
        lines.len() > 2 * page,
        "the fixture is too short to page through"
    );

    let tmux = Tmux::start(columns, rows);
    // Recording from before launch, so that nothing qari writes is missed.
    let capture = tmux.capture_output();
    let mut args: Vec<&Path> = options.iter().map(Path::new).collect();
    args.push(&dir);
    tmux.type_line(&qari_command(&args));
    let screen = tmux.wait_for(|s| s.contains("article 1 of 1"));
    let mut title_args = vec!["show", "-", "--width", "0"];
    title_args.extend_from_slice(options);
    let title = qari_lines(&title_args, Some(&article.title)).remove(0);
    let list_row = area_rows(&screen, title_column(areas.list_rows().unwrap())).remove(0);
    // The title column may be too narrow for the whole title: then it is cut at its
    // logical end, marked with an ellipsis.
    let kept = list_row.trim_start().trim_matches('…');
    assert!(
        title.contains(kept) && width(kept) > 10,
        "the list row {list_row:?} is not the start of {title:?}"
    );

    for (keys, top, what) in [
        (&["Enter"][..], 0, "opened"),
        (&["j"], 1, "j"),
        (&["Space"], page, "Space"),
        (&["G"], lines.len() - page, "G"),
        (&["?", "x"], lines.len() - page, "help shown and closed"),
    ] {
        tmux.keys(keys);
        wait_rows(&tmux, text, &window(&lines, top, text.height), what);
    }
    tmux.keys(&["t"]);
    tmux.wait_for(|s| s.contains("tashkeel hidden"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
    tmux.stop_capture();
    let bytes = std::fs::read(capture).unwrap();
    assert!(bytes.len() > 5000, "only {} bytes captured", bytes.len());

    assert_clean(&bytes, b"\x1b\r\n", "what the reader wrote");
    let (witness, last_screen) = replay(&bytes, columns, rows);
    assert!(witness.titles.is_empty(), "title set: {:?}", witness.titles);
    assert_eq!(witness.clipboard, 0, "clipboard used");
    assert_eq!(witness.bells, 0, "bell rung");
    assert!(witness.odd.is_empty(), "unexpected: {:?}", witness.odd);
    // A second emulator agrees with tmux about the last screen.
    let replayed = area_rows(&last_screen, text);
    assert_eq!(replayed, window(&lines, lines.len() - page, text.height));
    bytes
}

#[test]
fn the_checks_catch_the_fixture_itself() {
    // The fixture written straight to a terminal trips every check, so a pass above means
    // qari filtered, not that the checks are blind.
    let raw = std::fs::read(repo_file(FIXTURE).join(ARTICLE)).unwrap();
    assert!(first_hostile(&raw, b"\n").is_some());
    let mut framed = b"\x1b[?1049h".to_vec();
    framed.extend_from_slice(&raw);
    framed.extend_from_slice(b"\x1b[?1049l");
    let (witness, _) = replay(&framed, 100, 30);
    assert!(witness.titles.len() > 40, "{:?}", witness.titles);
    assert_eq!(witness.clipboard, 2);
    assert!(witness.bells > 40);
}

#[test]
fn the_reader_in_app_mode_writes_nothing_hostile() {
    let bytes = read_the_fixture(&[]);
    // The Arabic did arrive, shaped: ﻓﻘﺮﺓ is فقرة in presentation forms, reordered.
    assert!(String::from_utf8_lossy(&bytes).contains("ﺓﺮﻘﻓ"));
}

#[test]
fn the_reader_in_terminal_bidi_mode_writes_nothing_hostile() {
    // In this mode text goes out in logical order, where a bidi control would matter most.
    let bytes = read_the_fixture(&["--bidi", "terminal"]);
    assert!(String::from_utf8_lossy(&bytes).contains("فقرة"));
}

/// Runs qari; `stdin` is given only to commands that read it (`show -`).
fn run(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let reads_stdin = args.contains(&"-");
    let mut child = Command::new(qari_bin())
        .args(args)
        .stdin(if reads_stdin {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).unwrap();
    }
    child.wait_with_output().unwrap()
}

#[test]
fn list_and_show_print_nothing_hostile() {
    let dir = repo_file(FIXTURE);
    let dir = dir.to_str().unwrap();
    let file = format!("{dir}/{ARTICLE}");
    let content = std::fs::read(&file).unwrap();
    let cases: &[&[&str]] = &[
        &["list", dir],
        &["list", "--json", dir],
        &["show", ARTICLE, dir],
        &["show", &file],
        &["show", &file, "--bidi", "terminal"],
        &["show", &file, "--no-shape"],
        &["show", &file, "--width", "0"],
        &["show", &file, "--raw"],
        &["show", "-", "--width", "0"],
        &["show", "-", "--bidi", "terminal"],
    ];
    for args in cases {
        let output = run(args, &content);
        assert!(output.status.success(), "qari {args:?} failed");
        let allowed: &[u8] = if args[0] == "list" { b"\t\n" } else { b"\n" };
        assert_clean(&output.stdout, allowed, &format!("qari {args:?}"));
        assert!(!output.stdout.contains(&0x1b), "qari {args:?} wrote ESC");
        assert_clean(&output.stderr, b"\n", &format!("qari {args:?} errors"));
    }
}

#[test]
fn error_messages_quote_hostile_arguments_harmlessly() {
    let id = "\u{1b}]52;c;aGk=\u{7}\u{202E}\u{9b}2J\u{1b}[2J\u{8}\u{85}nope";
    let output = run(&["show", id], b"");
    assert!(!output.status.success());
    assert!(!output.stderr.is_empty(), "no error message");
    assert_clean(&output.stderr, b"\n", "the error message");
    assert!(!output.stderr.contains(&0x1b), "ESC in the error message");
}

/// Once a bug: `qari list --json` printed file names' C1 and bidi controls raw in "path"
/// (serde_json escapes only C0); they are now `\u`-escaped, which keeps the JSON exact.
#[test]
fn hostile_file_names_are_listed_harmlessly() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\u{1b}]0;title\u{7}\u{202E}\u{85}b.txt";
    std::fs::write(dir.path().join(name), "عنوان\n\nنص الخبر.\n").unwrap();
    let dir = dir.path().to_str().unwrap();
    for args in [&["list", dir][..], &["list", "--json", dir]] {
        let output = run(args, b"");
        assert!(output.status.success());
        assert_clean(&output.stdout, b"\t\n", &format!("qari {args:?}"));
        assert!(!output.stdout.contains(&0x1b), "qari {args:?} wrote ESC");
    }
}

/// Bookmarks whose note and passage carry hostile sequences (a note typed on the
/// command line, a store file edited by hand) reach the screen as harmless text too:
/// in the bookmarks pane, in `qari bookmarks list` and in the Markdown export.
#[test]
fn hostile_bookmark_notes_are_drawn_harmlessly() {
    let hostile_note =
        "ملاحظة\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}31m\u{202e}نص\u{8}\u{1b}]0;pwned\u{7}";
    let tmux = Tmux::start(100, 30);
    let data = tmux.dir.path().join("data");
    let dir = repo_file(FIXTURE);
    let dir_arg = dir.display().to_string();
    let add = ["bookmarks", "add", ARTICLE, "--start", "0", "--end", "40"];
    let note = ["--note", hostile_note, &dir_arg];
    crate::support::succeeded(&crate::support::qari_with_data(
        &data,
        &[&add[..], &note].concat(),
    ));
    for args in [
        &["bookmarks", "list"][..],
        &["bookmarks", "export", "--format", "md"],
    ] {
        let output = Command::new(qari_bin())
            .env("QARI_DATA_DIR", &data)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success());
        assert_clean(&output.stdout, b"\t\n", &args.join(" "));
    }
    let capture = tmux.capture_output();
    tmux.type_line(&qari_command(&[&dir]));
    tmux.wait_for(|s| s.contains("article 1 of 1"));
    tmux.keys(&["'"]);
    let pane = tmux.wait_for(|s| s.contains("bookmarks · 1"));
    assert!(
        pane.contains("ﺔﻈﺣﻼﻣ"),
        "the note's Arabic is shown:\n{pane}"
    );
    // ' closes the pane (Esc and q at once would read as Alt-q).
    tmux.keys(&["'"]);
    tmux.wait_for(|s| !s.contains("bookmarks ·"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
    tmux.stop_capture();
    let bytes = std::fs::read(capture).unwrap();
    assert_clean(&bytes, b"\x1b\r\n", "the bookmarks pane");
    let (witness, _) = replay(&bytes, 100, 30);
    assert!(witness.titles.is_empty() && witness.clipboard == 0 && witness.bells == 0);
}
