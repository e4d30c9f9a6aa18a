//! Bytes qari sends the terminal per one-line scroll of the reader, averaged over 20
//! scrolls down, in the split layout (the reader beside the list, which the terminal
//! cannot scroll for us) and at full width (where it can), printed as a report (run:
//! `cargo bench --bench scroll_bytes`). Captured with tmux `pipe-pane`, one key at a time,
//! each frame seen on the screen before the next key.

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

/// Scrolls measured per layout.
const SCROLLS: usize = 20;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        // `cargo test --benches` asks for the list of benchmarks: there are none to run there.
        return;
    }
    println!("bytes per one-line scroll (j) of the first sample article, mean of {SCROLLS}:");
    println!("{:<26} {:>8} {:>8} {:>8}", "layout", "mean", "min", "max");
    for (label, columns, rows) in [
        ("split 100x30", 100, 30),
        ("split 80x24", 80, 24),
        ("full width 79x24", 79, 24),
        ("full width 60x20", 60, 20),
    ] {
        let sizes = scroll_bytes(columns, rows);
        let mean = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
        println!(
            "{label:<26} {mean:>8.0} {:>8} {:>8}",
            sizes.iter().min().unwrap(),
            sizes.iter().max().unwrap()
        );
    }
}

/// The bytes of each of [`SCROLLS`] one-line scrolls, after opening the first article.
fn scroll_bytes(columns: u16, rows: u16) -> Vec<usize> {
    let tmux = Tmux::start(columns, rows);
    tmux.type_line(&qari_command(&[]));
    tmux.wait_for(|s| s.contains("article 1 of 5") && !s.contains("indexing"));
    tmux.keys(&["Enter"]);
    tmux.wait_for(|s| s.contains("lines 1–"));
    settle();
    let capture = tmux.capture_output();
    let mut sizes = Vec::with_capacity(SCROLLS);
    let mut before = 0;
    for top in 2..2 + SCROLLS {
        tmux.keys(&["j"]);
        tmux.wait_for(|s| s.contains(&format!("lines {top}–")));
        // pipe-pane can lag the screen: the frame is complete once nothing more arrives.
        let mut size = std::fs::metadata(&capture).unwrap().len() as usize;
        loop {
            std::thread::sleep(Duration::from_millis(60));
            let now = std::fs::metadata(&capture).unwrap().len() as usize;
            if now == size {
                break;
            }
            size = now;
        }
        sizes.push(size - before);
        before = size;
    }
    tmux.stop_capture();
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
    sizes
}

fn settle() {
    std::thread::sleep(Duration::from_millis(300));
}
