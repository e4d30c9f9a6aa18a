//! The article's address as an OSC 8 hyperlink, in the bytes qari writes on a pty of our
//! own: the link is opened right before the address's cells, at their place on the
//! screen (as a vt100 replay shows them), and closed right after; it is written again
//! when its row is drawn again (scrolled away and back, Ctrl-L, the help over it) and not
//! when nothing on that row changed; and an address full of escape sequences, BEL and
//! C1 controls puts none of them on the terminal, in the link or anywhere else.

use std::num::NonZeroU16;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::pty::PtySession;
use crate::support::qari_bin;

/// The split layout: the list beside the reader.
const SPLIT: (u16, u16) = (100, 30);
/// One pane at a time: the reader is full width, and the terminal scrolls it.
const ONE_PANE: (u16, u16) = (60, 20);
const PATIENCE: Duration = Duration::from_secs(15);

const FRIENDLY: &str = "https://example.com/news/lavrov?id=1";
/// A line of the help overlay.
const HELP_LINE: &str = "copy the article's address";
const OPEN: &[u8] = b"\x1b]8;;";
const CLOSE: &[u8] = b"\x1b]8;;\x1b\\";

/// A corpus of one article at `url` (a JSON string, escapes and all), with a body long
/// enough to scroll, and a data folder, in `dir`; the corpus's path.
fn corpus(dir: &Path, url_json: &str) -> String {
    let body: Vec<String> = (1..=12)
        .map(|n| format!("الفقرة رقم {n} من الخبر، وفيها كلام يكفي لسطر أو سطرين في القارئ."))
        .collect();
    let line = format!(
        r#"{{"title": "عنوان الخبر", "url": "{url_json}", "text": {}}}"#,
        serde_json::to_string(&body.join("\n")).unwrap()
    );
    let path = dir.join("news.jsonl");
    std::fs::write(&path, line + "\n").unwrap();
    path.to_str().unwrap().to_owned()
}

/// qari on `corpus` in a pty, its data folder in `dir`, and the screen it shows.
struct Session {
    pty: PtySession,
    screen: vt100::Parser,
    /// How much of the output the screen has been given.
    replayed: usize,
}

impl Session {
    fn start(dir: &Path, corpus: &str, (columns, rows): (u16, u16)) -> Self {
        let data = dir.join("data");
        std::fs::create_dir_all(&data).unwrap();
        let size = |n| NonZeroU16::new(n).unwrap();
        let mut session = Self {
            pty: PtySession::spawn(&qari_bin(), &[corpus], columns, rows, &data),
            screen: vt100::Parser::new(size(rows), size(columns), 0),
            replayed: 0,
        };
        session.wait(|screen| screen.contains("q quit") && !screen.contains("indexing"));
        session
    }

    /// Reads until something arrived, the screen satisfies `done` and nothing more
    /// arrives for a while; returns everything written since the last call.
    fn wait(&mut self, done: impl Fn(&str) -> bool) -> Vec<u8> {
        let from = self.replayed;
        let start = Instant::now();
        loop {
            self.pty.read_for(Duration::from_millis(20));
            self.screen.process(&self.pty.output[self.replayed..]);
            self.replayed = self.pty.output.len();
            if self.replayed > from && done(&self.screen.screen().contents()) {
                break;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the screen never showed what was awaited:\n{}",
                self.screen.screen().contents()
            );
        }
        // The end of the frame (the link's cells come after the diff) may be a read later.
        while self.pty.read_for(Duration::from_millis(150)) > 0 {}
        self.screen.process(&self.pty.output[self.replayed..]);
        self.replayed = self.pty.output.len();
        self.pty.output[from..].to_vec()
    }

    /// Types `keys` and returns what qari wrote once the screen satisfies `done`.
    fn press(&mut self, keys: &[u8], done: impl Fn(&str) -> bool) -> Vec<u8> {
        self.pty.type_keys(keys);
        self.wait(done)
    }

    /// The screen's row `row` as text.
    fn row(&self, row: u16) -> String {
        let columns = self.screen.screen().size().1.get();
        self.screen
            .screen()
            .rows(0, columns)
            .nth(usize::from(row))
            .unwrap()
    }
}

/// One link written: where it leads, where its cells start (0-based row and column, from
/// the cursor move that comes first) and the text printed inside it.
#[derive(Debug)]
struct Written {
    target: String,
    at: (u16, u16),
    text: String,
}

/// Every link in `bytes`. Panics at an OSC 8 that is not closed, or one whose text
/// does not start with a cursor move.
fn links(bytes: &[u8]) -> Vec<Written> {
    let mut found = Vec::new();
    let mut rest = bytes;
    while let Some(at) = find(rest, OPEN) {
        rest = &rest[at + OPEN.len()..];
        let end = find(rest, b"\x1b\\").expect("an OSC 8 without its ST");
        let target = String::from_utf8(rest[..end].to_vec()).unwrap();
        rest = &rest[end + 2..];
        if target.is_empty() {
            continue;
        }
        let close = find(rest, CLOSE).expect("a link that is never closed");
        let (at, text) = printed(&rest[..close]);
        found.push(Written {
            target,
            at: at.expect("a link's text starts with a cursor move"),
            text,
        });
        rest = &rest[close..];
    }
    found
}

/// The first cursor move (CUP) in `bytes`, 0-based, and the text printed outside CSI
/// sequences.
fn printed(bytes: &[u8]) -> (Option<(u16, u16)>, String) {
    let mut at = None;
    let mut text = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"\x1b[") {
            let length = bytes[i + 2..]
                .iter()
                .position(|b| (0x40..=0x7e).contains(b))
                .expect("a CSI without its final byte");
            let sequence = &bytes[i + 2..i + 2 + length + 1];
            if at.is_none() && sequence.ends_with(b"H") {
                let params = std::str::from_utf8(&sequence[..length]).unwrap();
                let (row, column) = params.split_once(';').unwrap();
                at = Some((
                    row.parse::<u16>().unwrap() - 1,
                    column.parse::<u16>().unwrap() - 1,
                ));
            }
            i += 2 + length + 1;
        } else {
            assert_ne!(bytes[i], 0x1b, "another escape inside a link");
            text.push(bytes[i]);
            i += 1;
        }
    }
    (at, String::from_utf8(text).unwrap())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The one link `bytes` write, which must lead to `target` and sit around the address
/// where the screen shows it.
fn assert_one_link(session: &Session, bytes: &[u8], target: &str, what: &str) {
    let written = links(bytes);
    assert_eq!(written.len(), 1, "{what}: {written:?}");
    let link = &written[0];
    assert_eq!(link.target, target, "{what}");
    assert_eq!(link.text, FRIENDLY, "{what}");
    let (row, column) = link.at;
    let shown = session.row(row);
    let shown: String = shown.chars().skip(usize::from(column)).collect();
    assert!(
        shown.starts_with(FRIENDLY),
        "{what}: row {row} shows {shown:?}"
    );
}

#[test]
fn the_address_is_a_link_written_again_only_when_its_row_is() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), FRIENDLY);
    let mut qari = Session::start(dir.path(), &corpus, SPLIT);
    let first = qari.pty.output.clone();
    assert_one_link(&qari, &first, FRIENDLY, "the first frame");
    let url_row = links(&first)[0].at.0;

    // The reader takes the keyboard: its header changes, the address's row does not.
    let focused = qari.press(b"\t", |_| true);
    assert!(
        links(&focused).is_empty(),
        "sent again unchanged: {focused:?}"
    );
    // `o` copies it: a status message, and the clipboard; the link stays as it was.
    let copied = qari.press(b"o", |s| s.contains("copied https://example.com"));
    assert!(find(&copied, b"\x1b]52;c;").is_some());
    assert!(links(&copied).is_empty(), "sent again unchanged");

    // One line down: the address moves up a row, and its link with it.
    let moved = qari.press(b"j", |s| s.contains("lines 2–"));
    assert_one_link(&qari, &moved, FRIENDLY, "one line down");
    assert_eq!(links(&moved)[0].at.0, url_row - 1);
    // Out of view: no link.
    let mut away = qari.press(b"j", |s| s.contains("lines 3–"));
    away.extend(qari.press(b"j", |s| s.contains("lines 4–")));
    assert!(links(&away).is_empty(), "{away:?}");
    assert!(!qari.screen.screen().contents().contains(FRIENDLY));
    // Back: the link is written again with the address.
    let mut back = qari.press(b"k", |s| s.contains("lines 3–"));
    back.extend(qari.press(b"k", |s| s.contains("lines 2–")));
    assert_one_link(&qari, &back, FRIENDLY, "scrolled back into view");
    let top = qari.press(b"k", |s| s.contains("lines 1–"));
    assert_one_link(&qari, &top, FRIENDLY, "back at the top");
    assert_eq!(links(&top)[0].at.0, url_row);

    // The help over it, then closed: the row is drawn again, and so is its link.
    let help = qari.press(b"?", |s| s.contains(HELP_LINE));
    assert!(links(&help).is_empty());
    let closed = qari.press(b"x", |s| !s.contains(HELP_LINE));
    assert_one_link(&qari, &closed, FRIENDLY, "the help closed");
    // Ctrl-L: the screen is cleared and drawn whole, the link too.
    let repainted = qari.press(b"\x0c", |_| true);
    assert!(find(&repainted, b"\x1b[2J").is_some());
    assert_one_link(&qari, &repainted, FRIENDLY, "Ctrl-L");
}

#[test]
fn where_the_terminal_scrolls_the_row_the_link_is_written_again() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), FRIENDLY);
    let mut qari = Session::start(dir.path(), &corpus, ONE_PANE);
    let opened = qari.press(b"\r", |s| s.contains("lines 1–"));
    assert_one_link(&qari, &opened, FRIENDLY, "the reader opened");
    let url_row = links(&opened)[0].at.0;
    // The terminal moves the rows (a scroll region), the address's row among them.
    let moved = qari.press(b"j", |s| s.contains("lines 2–"));
    assert!(
        find(&moved, b"\x1b[1S").is_some(),
        "not scrolled by the terminal"
    );
    assert_one_link(&qari, &moved, FRIENDLY, "scrolled by the terminal");
    assert_eq!(links(&moved)[0].at.0, url_row - 1);
}

#[test]
fn an_address_in_a_foreign_script_is_percent_encoded() {
    let dir = tempfile::tempdir().unwrap();
    let url = "https://example.com/news/سوريا?q=a b";
    let qari = Session::start(dir.path(), &corpus(dir.path(), url), SPLIT);
    let written = links(&qari.pty.output);
    assert_eq!(written.len(), 1, "{written:?}");
    assert_eq!(
        written[0].target,
        "https://example.com/news/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7?q=a%20b"
    );
}

/// An address with an OSC title change ended by BEL, a CSI, C1 CSI and OSC (U+009B,
/// U+009D … U+009C), a lone BEL, an RLO and a space, as JSON escapes.
const HOSTILE: &str = r"https://evil.example/a\u001b]0;pwned-title\u0007b\u009b2Jc\u009d8;;http://pwned.example/\u009cd\u001b[31me\u0007f\u202eg h";

#[test]
fn no_control_of_a_hostile_address_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut qari = Session::start(dir.path(), &corpus(dir.path(), HOSTILE), SPLIT);
    // Scrolled away and back, to have the link written more than once.
    qari.press(b"\t", |_| true);
    qari.press(b"j", |s| s.contains("lines 2–"));
    qari.press(b"j", |s| s.contains("lines 3–"));
    qari.press(b"k", |s| s.contains("lines 2–"));
    qari.press(b"k", |s| s.contains("lines 1–"));
    let bytes = qari.pty.output.clone();
    let text = std::str::from_utf8(&bytes).expect("UTF-8 only: no lone 8-bit C1 byte");
    assert!(!bytes.contains(&0x07), "a BEL reached the terminal");
    assert!(!text.contains("pwned"), "a payload reached the terminal");
    let c1 = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c));
    assert_eq!(c1, None, "a C1 control reached the terminal");
    // Every OSC is a link whose target is printable ASCII, and the address is linked.
    let mut oscs = 0;
    let mut rest = &bytes[..];
    while let Some(at) = find(rest, b"\x1b]") {
        rest = &rest[at..];
        assert!(
            rest.starts_with(OPEN),
            "{:?}",
            String::from_utf8_lossy(&rest[..20])
        );
        let end = find(rest, b"\x1b\\").unwrap();
        let target = &rest[OPEN.len()..end];
        assert!(
            target.iter().all(|b| (0x21..=0x7e).contains(b)),
            "{target:?}"
        );
        oscs += 1;
        rest = &rest[end..];
    }
    let written = links(&bytes);
    assert!(written.len() >= 2, "{written:?}");
    assert_eq!(oscs, 2 * written.len());
    for link in &written {
        assert!(link.target.starts_with("https://evil.example/"), "{link:?}");
        assert!(link.text.starts_with("https://evil.example/"), "{link:?}");
    }
}

/// In xterm (which knows no OSC 8 and ignores it), the linked address's pixels after it
/// was scrolled away and back and the help opened over it are those of a fresh start,
/// and of xterm's own repaint: writing the link again leaves nothing behind.
#[test]
fn the_link_leaves_xterms_pixels_as_a_fresh_start_has_them() {
    use crate::xterm_pixels::{FONT_FILE, INSTALL, Xterm, Xvfb, differing_pixels};
    assert!(
        Path::new(FONT_FILE).exists(),
        "{FONT_FILE} is missing; {INSTALL}"
    );
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), FRIENDLY);
    let x = Xvfb::start();
    let shot = |name: &str| dir.path().join(format!("{name}.png"));
    let data = |name: &str| {
        let data = dir.path().join(name);
        std::fs::create_dir_all(&data).unwrap();
        data
    };

    let fresh = Xterm::start(&x, &data("fresh"), &[&corpus]);
    fresh.settled(&shot("fresh"));
    drop(fresh);
    let travelled = Xterm::start(&x, &data("travelled"), &[&corpus]);
    travelled.settled(&shot("start"));
    travelled.keys(&["Tab", "j", "j", "j", "k", "k", "k", "question", "x", "Tab"]);
    travelled.settled(&shot("travelled"));
    travelled.repaint_from_cells();
    travelled.settled(&shot("repainted"));
    drop(travelled);

    let against_fresh = differing_pixels(&shot("travelled"), &shot("fresh"), &shot("diff-fresh"));
    let against_repaint = differing_pixels(
        &shot("travelled"),
        &shot("repainted"),
        &shot("diff-repainted"),
    );
    if against_fresh + against_repaint > 0 {
        let kept = dir.keep();
        panic!(
            "{against_fresh} pixels differ from a fresh start, {against_repaint} from \
             xterm's own repaint; screenshots in {}",
            kept.display()
        );
    }
}
