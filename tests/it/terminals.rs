//! The reader in the terminals people use: the same screens at 40×12, 80×24 and 200×60
//! under `TERM=xterm`, `screen-256color`, `tmux-256color` and with `NO_COLOR`
//! (snapshotted), colour only where the environment allows it, and the bidi mode
//! switched live with `D`.

use crate::tmux::{Tmux, qari_command};

/// Bytes of the SGR sequences in `bytes` that set a colour (foreground or background).
fn colour_codes(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for sgr in text.split("\u{1b}[").skip(1) {
        let Some(end) = sgr.find('m') else { continue };
        let params = &sgr[..end];
        if !params.chars().all(|c| c.is_ascii_digit() || c == ';') {
            continue;
        }
        for n in params.split(';').filter_map(|n| n.parse::<u16>().ok()) {
            match n {
                // Resets to the default colour (39, 49) are not colours.
                30..=37 | 40..=47 | 90..=97 | 100..=107 => found.push(params.to_owned()),
                38 | 48 | 58 => {
                    found.push(params.to_owned());
                    break;
                }
                _ => {}
            }
        }
    }
    found
}

/// The screen once it has stopped changing (two captures 100 ms apart agree).
fn settled(tmux: &Tmux) -> String {
    let mut last = tmux.screen();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let now = tmux.screen();
        if now == last {
            return now;
        }
        last = now;
    }
}

/// Starts qari under `env`, filters for سوريا and opens the first match; returns the
/// screen and every byte qari wrote.
fn filtered_screen(columns: u16, rows: u16, env: &str) -> (String, Vec<u8>) {
    let tmux = Tmux::start(columns, rows);
    let capture = tmux.capture_output();
    tmux.type_line(&format!("env {env} {}", qari_command(&[])));
    tmux.wait_for(|s| s.contains("of 5") && !s.contains("indexing"));
    tmux.keys(&["/"]);
    tmux.run_keys_literal("حميميم");
    tmux.wait_for(|s| s.contains("2 of 5"));
    // Every letter searched (a prefix may find the same two).
    settled(&tmux);
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for(|s| s.contains("Reader ·") && s.contains("article 1 of 2 (5 in all)"));
    let screen = settled(&tmux);
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
    tmux.stop_capture();
    (screen, std::fs::read(capture).unwrap())
}

#[test]
fn every_size_looks_the_same_under_every_term_and_colour_is_left_out_with_no_color() {
    for (columns, rows) in [(40, 12), (80, 24), (200, 60)] {
        let (xterm, coloured) = filtered_screen(columns, rows, "TERM=xterm");
        insta::assert_snapshot!(format!("terminal_{columns}x{rows}"), xterm);
        assert!(
            !colour_codes(&coloured).is_empty(),
            "the dark theme colours matches"
        );
        for env in ["TERM=screen-256color", "TERM=tmux-256color", "NO_COLOR=1"] {
            let (screen, bytes) = filtered_screen(columns, rows, env);
            assert_eq!(screen, xterm, "{env} at {columns}x{rows}");
            if env == "NO_COLOR=1" {
                assert_eq!(
                    colour_codes(&bytes),
                    Vec::<String>::new(),
                    "{columns}x{rows}"
                );
            }
        }
    }
}

#[test]
fn colorterm_allows_24_bit_colour_and_the_light_theme_has_its_own() {
    let (_, bytes) = filtered_screen(100, 30, "COLORTERM=truecolor");
    assert!(
        colour_codes(&bytes).iter().any(|c| c.starts_with("38;2;")),
        "{:?}",
        colour_codes(&bytes)
    );
    let tmux = Tmux::start(100, 30);
    let capture = tmux.capture_output();
    let light = [
        std::path::Path::new("--theme"),
        std::path::Path::new("light"),
    ];
    tmux.type_line(&qari_command(&light));
    tmux.wait_for(|s| s.contains("of 5") && !s.contains("indexing"));
    tmux.keys(&["/"]);
    tmux.run_keys_literal("حميميم");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for(|s| s.contains("Reader ·") && s.contains("(5 in all)"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
    let light = colour_codes(&std::fs::read(capture).unwrap());
    // Blue matches and magenta marks (ANSI 4 and 5), none of the dark theme's yellow
    // and cyan (3 and 6).
    assert!(light.iter().any(|c| c.starts_with("38;5;4;")), "{light:?}");
    assert!(light.iter().any(|c| c.starts_with("38;5;5;")), "{light:?}");
    assert!(
        !light
            .iter()
            .any(|c| c.starts_with("38;5;3;") || c.starts_with("38;5;6;")),
        "{light:?}"
    );
}

#[test]
fn d_switches_who_orders_arabic_and_tells_the_terminal() {
    let tmux = Tmux::start(100, 30);
    let capture = tmux.capture_output();
    tmux.type_line(&qari_command(&[]));
    // qari orders: the title is shaped and reversed on screen.
    let shaped = crate::support::fribidi_visual_lines("استعداد روسي")[0]
        .trim()
        .to_owned();
    tmux.wait_for(|s| s.contains(&shaped));
    tmux.keys(&["D"]);
    // The terminal orders: logical letters, unshaped (tmux itself does no bidi).
    tmux.wait_for(|s| s.contains("the terminal orders Arabic") && s.contains("استعداد روسي"));
    // The screen can show the change before tmux's pipe-pane has written the bytes.
    let last = |sequence: &[u8]| {
        let bytes = std::fs::read(&capture).unwrap();
        bytes.windows(4).rposition(|w| w == sequence)
    };
    let settled = |done: &dyn Fn() -> bool| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while !done() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    settled(&|| last(b"\x1b[8h") > last(b"\x1b[8l"));
    let explicit = last(b"\x1b[8l").unwrap();
    let implicit = last(b"\x1b[8h").unwrap();
    assert!(implicit > explicit, "BDSM set after D");
    tmux.keys(&["D"]);
    tmux.wait_for(|s| s.contains("qari orders Arabic") && s.contains(&shaped));
    settled(&|| last(b"\x1b[8l") > Some(implicit));
    let explicit = last(b"\x1b[8l").unwrap();
    assert!(explicit > implicit, "BDSM reset after the second D");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}

#[test]
fn the_full_width_reader_scrolls_with_the_terminals_scroll_region() {
    // Below 80 columns the reader has the whole width: a line down is the terminal moving
    // the text rows up (DECSTBM over them, SU 1) and qari drawing the one new row.
    let tmux = Tmux::start(79, 24);
    tmux.type_line(&qari_command(&[]));
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    tmux.keys(&["Enter"]);
    tmux.wait_for(|s| s.contains("lines 1–"));
    settled(&tmux);
    let capture = tmux.capture_output();
    tmux.keys(&["j"]);
    tmux.wait_for(|s| s.contains("lines 2–"));
    settled(&tmux);
    tmux.stop_capture();
    let bytes = std::fs::read(capture).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("\u{1b}[2;23r\u{1b}[1S\u{1b}[r"), "{text:?}");
    // A whole redraw of the pane would be well over a kilobyte.
    assert!(bytes.len() < 600, "{} bytes for one line", bytes.len());
    tmux.keys(&["k"]);
    tmux.wait_for(|s| s.contains("lines 1–"));
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}
