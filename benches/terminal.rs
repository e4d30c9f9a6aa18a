//! Terminal figures for the reader, printed as a report (run: `cargo bench --bench terminal`):
//! time from start to the first complete frame on the embedded sample, and the bytes sent
//! to the terminal to scroll the reader by one line, beside `less` scrolling the same text
//! (`qari show` output at the reader's width) at the same terminal size, both captured
//! with tmux `pipe-pane`.

#[path = "../tests/it/pty.rs"]
#[allow(dead_code)]
mod pty;
#[path = "../tests/it/tmux.rs"]
#[allow(dead_code)]
mod tmux;

/// What the shared test helpers expect to find at `crate::support`.
mod support {
    pub fn qari_bin() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_BIN_EXE_qari"))
    }
}

use std::time::Duration;

use tmux::{Tmux, qari_command};

const FIRST_ARTICLE: &str = "000_363616b262b6a0eb.txt";

fn main() {
    if std::env::args().any(|a| a == "--list") {
        // `cargo test --benches` asks for the list of benchmarks: there are none to run there.
        return;
    }
    first_frame();
    println!();
    println!("bytes to scroll the reader one line (j), qari vs less on the same text;");
    println!("pane: the UTF-8 bytes of the reader pane's cells, what painting it once takes:");
    println!(
        "{:<28} {:>8} {:>8} {:>7} {:>8} {:>8}",
        "layout", "qari", "less", "ratio", "pane", "to pane"
    );
    for (label, columns, rows, reader_width) in [
        ("split 100x30 (reader 57)", 100, 30, 57),
        ("split 80x24 (reader 45)", 80, 24, 45),
        ("split 119x40 (reader 69)", 119, 40, 69),
        ("full width 79x24", 79, 24, 77),
        ("full width 60x20", 60, 20, 58),
    ] {
        let (ours, pane) = qari_scroll_bytes(columns, rows);
        let theirs = less_scroll_bytes(columns, rows, reader_width);
        println!(
            "{label:<28} {ours:>8} {theirs:>8} {:>6.1}x {pane:>8} {:>7.2}x",
            ours as f64 / theirs as f64,
            ours as f64 / pane as f64
        );
    }
}

fn first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let mut times: Vec<Duration> = (0..20)
        .map(|_| {
            let start = std::time::Instant::now();
            let mut session =
                pty::PtySession::spawn(&support::qari_bin(), &[], 100, 30, dir.path());
            // The status line is the last row a frame writes.
            let elapsed = session.read_until_arrival("q quit", Duration::from_secs(10)) - start;
            session.type_keys(b"q");
            session.wait_exit(Duration::from_secs(2));
            elapsed
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "time to first frame, embedded sample, 100x30 pty, 20 runs: median {:.1} ms, p90 {:.1} ms, min {:.1} ms",
        ms((times[9] + times[10]) / 2),
        ms(times[17]),
        ms(times[0])
    );
}

/// Bytes qari writes for one `j` in the reader, after opening the first article.
/// Bytes qari writes for one `j` in the reader, and the bytes of the reader pane's cells.
fn qari_scroll_bytes(columns: u16, rows: u16) -> (usize, usize) {
    let tmux = Tmux::start(columns, rows);
    tmux.type_line(&qari_command(&[]));
    tmux.wait_for(|s| s.contains("article 1 of 5"));
    tmux.keys(&["Enter"]);
    tmux.wait_for(|s| s.contains("Reader ·"));
    settle();
    let sent = measure(&tmux, |t| t.wait_for(|s| s.contains("lines 2–")));
    // The reader is right of the divider in the split layout, the whole width otherwise;
    // every row but the status line.
    let screen = tmux.screen();
    let pane: usize = screen
        .lines()
        .take(usize::from(rows) - 1)
        .map(|line| {
            // Columns left of the reader (the list and the divider), if any.
            let (left, cells) = match line.split_once('│') {
                Some((list, reader)) => (list.chars().count() + 1, reader),
                None => (0, line),
            };
            // capture-pane drops trailing blanks; they are painted as spaces.
            let width = usize::from(columns) - left;
            cells.len() + width.saturating_sub(cells.chars().count())
        })
        .sum();
    (sent, pane)
}

/// Bytes `less` writes for one `j` on `qari show` output of the same article.
fn less_scroll_bytes(columns: u16, rows: u16, width: usize) -> usize {
    let tmux = Tmux::start(columns, rows);
    let text = tmux.dir.path().join("article.txt");
    let shown = std::process::Command::new(support::qari_bin())
        .args(["show", FIRST_ARTICLE, "--width", &width.to_string()])
        .output()
        .unwrap();
    std::fs::write(&text, shown.stdout).unwrap();
    let first_line = String::from_utf8_lossy(&std::fs::read(&text).unwrap())
        .lines()
        .next()
        .unwrap()
        .trim()
        .to_owned();
    tmux.type_line(&format!("LESS= less '{}'", text.display()));
    tmux.wait_for(|s| s.contains(&first_line));
    settle();
    measure(&tmux, |t| {
        t.wait_for(|s| !s.lines().next().unwrap_or("").contains(&first_line))
    })
}

fn measure(tmux: &Tmux, after_key: impl Fn(&Tmux) -> String) -> usize {
    let capture = tmux.capture_output();
    tmux.keys(&["j"]);
    after_key(tmux);
    settle();
    tmux.stop_capture();
    std::fs::read(capture).unwrap().len()
}

fn settle() {
    std::thread::sleep(Duration::from_millis(300));
}
