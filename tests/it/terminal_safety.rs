//! Hostile article text never reaches the terminal: escape sequences (clipboard writes,
//! title changes, screen clears), C1 controls, BEL, backspaces and "Trojan Source" bidi
//! overrides in titles and bodies are checked against the raw bytes qari writes, captured
//! with tmux `pipe-pane`, and against a terminal emulator's view of them (`vt100`).

use std::path::Path;
use std::process::Command;

use crate::support::qari_bin;
use crate::tmux::{Tmux, qari_command};

/// A title and body carrying every kind of hostile sequence, around Arabic text.
fn hostile_article() -> String {
    [
        "خبر \u{1b}]0;pwned title\u{07}عاجل\u{1b}[2J \u{202E}مقلوب\u{202C} \u{9b}31mأحمر",
        "",
        "فقرة أولى \u{1b}]52;c;aGFja2Vk\u{07}فيها نسخ إلى الحافظة\u{1b}[H\u{1b}[31m.",
        "فقرة \u{1b}P+q544e\u{1b}\\ثانية \u{9d}52;c;eA==\u{9c}فيها \u{85}تحكم C1 \u{07}\u{07} و\u{08}\u{08}مسح.",
        "Trojan \u{202E}evil\u{202C} \u{2066}isolate\u{2069} \u{2067}rtl\u{2069} \u{202D}lro\u{202C} \u{200F}rlm.",
        "ESC alone \u{1b} and a cursor \u{1b}[10;10H move, \u{1b}c reset, \u{1b}_apc\u{1b}\\ end.",
    ]
    .join("\n")
}

/// Byte sequences none of which may appear in what qari writes.
const FORBIDDEN: &[(&str, &[u8])] = &[
    ("OSC", b"\x1b]"),
    ("DCS", b"\x1bP"),
    ("APC", b"\x1b_"),
    ("full reset", b"\x1bc"),
    ("BEL", b"\x07"),
    ("backspace", b"\x08"),
    ("RLO", "\u{202E}".as_bytes()),
    ("LRO", "\u{202D}".as_bytes()),
    ("PDF", "\u{202C}".as_bytes()),
    ("LRI", "\u{2066}".as_bytes()),
    ("RLI", "\u{2067}".as_bytes()),
    ("PDI", "\u{2069}".as_bytes()),
    ("RLM", "\u{200F}".as_bytes()),
];

fn assert_clean(bytes: &[u8], what: &str) {
    for (name, needle) in FORBIDDEN {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == *needle),
            "{what} contains {name}"
        );
    }
    let text = String::from_utf8_lossy(bytes);
    let c1 = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c));
    assert_eq!(c1, None, "{what} contains a C1 control");
}

/// Records what a terminal emulator would have done with the bytes.
#[derive(Default)]
struct Witness {
    titles: usize,
    clipboard: usize,
    osc: usize,
    bells: usize,
    odd_csi: Vec<String>,
}

impl vt100::Callbacks for Witness {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.titles += 1;
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, _: &[u8]) {
        self.titles += 1;
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], _: &[u8]) {
        self.clipboard += 1;
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, _: &[&[u8]]) {
        self.osc += 1;
    }
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        i1: Option<u8>,
        _: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        self.odd_csi.push(format!("{i1:?} {params:?} {c}"));
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let tmux = Tmux::start(100, 30);
    let corpus = tmux.dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("hostile.txt"), hostile_article()).unwrap();
    let capture = tmux.capture_output();
    tmux.type_line(&qari_command(&[&corpus]));
    tmux.wait_for(|s| s.contains("article 1 of 1"));
    tmux.keys(&["Enter", "j", "Space", "?", "x", "G", "t"]);
    tmux.wait_for(|s| s.contains("tashkeel hidden"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
    tmux.stop_capture();
    let bytes = std::fs::read(&capture).unwrap();
    assert!(bytes.len() > 1000, "only {} bytes captured", bytes.len());
    // The text itself did arrive (shaped): "ﺔﻴﻧﺎﺛ" is ثانية in presentation forms.
    assert!(String::from_utf8_lossy(&bytes).contains("ﺔﻴﻧﺎﺛ"));
    assert_clean(&bytes, "the reader's output");

    let rows = std::num::NonZeroU16::new(30).unwrap();
    let columns = std::num::NonZeroU16::new(100).unwrap();
    let mut terminal = vt100::Parser::new_with_callbacks(rows, columns, 0, Witness::default());
    terminal.process(&bytes);
    let witness = terminal.callbacks();
    assert_eq!(witness.titles, 0, "window title changed");
    assert_eq!(witness.clipboard, 0, "clipboard written");
    assert_eq!(witness.osc, 0, "OSC sequences");
    assert_eq!(witness.bells, 0, "bells");
    // The only sequences vt100 does not know are qari's own bidi-mode requests and
    // crossterm's "default underline colour" SGR.
    let unknown: Vec<&String> = witness
        .odd_csi
        .iter()
        .filter(|csi| {
            !matches!(
                csi.as_str(),
                "None [[8]] l" | "None [[8]] h" | "None [[59]] m"
            )
        })
        .collect();
    assert!(unknown.is_empty(), "unexpected CSI: {unknown:?}");
}

#[test]
fn list_and_show_print_no_hostile_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.txt");
    std::fs::write(&file, hostile_article()).unwrap();
    let run = |args: &[&str], path: &Path| {
        let output = Command::new(qari_bin())
            .args(args)
            .arg(path)
            .output()
            .unwrap();
        assert!(output.status.success());
        output.stdout
    };
    assert_clean(&run(&["list"], dir.path()), "qari list");
    assert_clean(&run(&["list", "--json"], dir.path()), "qari list --json");
    assert_clean(&run(&["show"], &file), "qari show");
    assert_clean(
        &run(&["show", "--bidi", "terminal"], &file),
        "qari show --bidi terminal",
    );
}
