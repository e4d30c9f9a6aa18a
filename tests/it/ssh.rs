//! qari over a real SSH link: a private `sshd` on 127.0.0.1 with a throwaway host key and
//! user key, `ssh -tt` inside tmux. The list and the reader read exactly like `qari show`,
//! a passage is bookmarked, and the bytes that reach the terminal (and the encrypted
//! bytes the client reads off the socket) to open an article and scroll it ten lines are
//! printed beside `less` doing the same over the same server. Then the client is killed,
//! as when a link drops: qari and everything the server started for it must end, and the
//! bookmark store must still hold the bookmark.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use qari::tui::geometry::{Areas, Pane};
use ratatui::layout::Rect;

use crate::screen::{listed, reader_lines, wait_rows, window};
use crate::sshd::{Sshd, quote};
use crate::support::qari_bin;
use crate::tmux::{PATIENCE, Tmux};

/// The terminal both sessions run in: the size of the README's screen.
const COLUMNS: u16 = 100;
const ROWS: u16 = 30;
/// Lines scrolled, one `j` at a time.
const SCROLLED: usize = 10;
/// Time for the last bytes of a redraw to reach the capture once the screen shows it.
const SETTLE: Duration = Duration::from_millis(300);

/// What one terminal received during a measured action.
#[derive(Clone, Copy)]
struct Received {
    /// Bytes written to the terminal by the ssh client: the session's output.
    terminal: usize,
    /// Bytes the ssh client read, less the keys it read from the terminal: the encrypted
    /// packets off the socket.
    wire: u64,
}

/// Counts what reaches the terminal of `tmux`, whose ssh client is `client`, while `act`
/// presses `keys` keys and waits for the screen to show their effect.
fn measure(tmux: &Tmux, client: u32, keys: u64, act: impl FnOnce()) -> Received {
    std::thread::sleep(SETTLE);
    let capture = tmux.capture_output();
    let before = bytes_read(client);
    act();
    std::thread::sleep(SETTLE);
    let wire = (bytes_read(client) - before)
        .checked_sub(keys)
        .expect("the client read fewer bytes than the keys typed");
    tmux.stop_capture();
    let terminal = std::fs::read(capture).unwrap().len();
    Received { terminal, wire }
}

/// Bytes process `pid` has read, from any file or socket.
fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap();
    io.lines()
        .find_map(|line| line.strip_prefix("rchar: "))
        .unwrap()
        .parse()
        .unwrap()
}

/// The processes whose command line or environment mentions `needle`.
fn processes_mentioning(needle: &str) -> Vec<u32> {
    all_pids()
        .filter(|pid| {
            ["cmdline", "environ"].iter().any(|file| {
                std::fs::read(format!("/proc/{pid}/{file}"))
                    .is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(needle))
            })
        })
        .collect()
}

/// The processes whose parent is `parent`.
fn children_of(parent: u32) -> Vec<u32> {
    all_pids()
        .filter(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // The field after the name, which may hold anything but ends with ')'.
            stat.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse::<u32>().ok())
                == Some(parent)
        })
        .collect()
}

fn all_pids() -> impl Iterator<Item = u32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
}

fn executable(pid: u32) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/{pid}/exe")).ok()
}

/// Runs `qari bookmarks list` on the store in `data` and returns its lines.
fn bookmarks_in(data: &Path) -> Vec<String> {
    crate::support::succeeded(&crate::support::qari_with_data(
        data,
        &["bookmarks", "list"],
    ))
    .lines()
    .map(str::to_owned)
    .collect()
}

/// `less` over the same server on `qari show` output of article `id` at `width`: bytes
/// to start it (Enter, after the shell has written the file) and to scroll ten lines.
fn less_over_ssh(sshd: &Sshd, id: &str, width: u16, (columns, rows): (u16, u16)) -> Figures {
    let tmux = Tmux::start(columns, rows);
    let file = sshd.dir.path().join("article.txt");
    let file = quote(&file.display().to_string());
    let qari = quote(&qari_bin().display().to_string());
    let remote = format!(
        "{qari} show {id} --width {width} > {file} && echo READ\"\"Y && read line && \
         exec env LC_ALL=C.UTF-8 LESS= LESSHISTFILE=- TERM={} less -R {file}",
        tmux.global_option("default-terminal")
    );
    tmux.type_line(&sshd.client_line("less", &format!("sh -c {}", quote(&remote))));
    let client = sshd.client_pid("less");
    tmux.wait_for(|s| s.contains("READY"));
    let lines: Vec<String> = std::fs::read_to_string(sshd.dir.path().join("article.txt"))
        .unwrap()
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect();
    // less shows all rows but the last, its prompt.
    let text = Rect::new(0, 0, columns, rows - 1);
    assert!(lines.len() > usize::from(text.height) + SCROLLED);
    let open = measure(&tmux, client, 1, || {
        tmux.keys(&["Enter"]);
        wait_rows(&tmux, text, &window(&lines, 0, text.height), "less started");
    });
    let scroll = measure(&tmux, client, SCROLLED as u64, || {
        for top in 1..=SCROLLED {
            tmux.keys(&["j"]);
            wait_rows(&tmux, text, &window(&lines, top, text.height), "less: j");
        }
    });
    tmux.keys(&["q"]);
    let start = Instant::now();
    // The server's side too: sshd reaps it, where an orphan might never be reaped.
    while executable(client).is_some() || !children_of(sshd.pid()).is_empty() {
        assert!(
            start.elapsed() < PATIENCE,
            "the session did not end after less"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Figures { open, scroll }
}

/// Figures for one program: opening an article, then scrolling it.
struct Figures {
    open: Received,
    scroll: Received,
}

#[test]
fn over_ssh_it_reads_bookmarks_and_a_dropped_link_ends_it_cleanly() {
    let sshd = Sshd::start();
    let articles = listed(&[]);
    let text = Areas::new(Rect::new(0, 0, COLUMNS, ROWS), Pane::Reader)
        .reader_text()
        .unwrap();
    let lines_of = |n: usize| {
        let shown = crate::screen::Shown {
            target: &articles[n].id,
            paths: &[],
            options: &[],
        };
        reader_lines(&articles[n].title, &shown, text.width)
    };
    let (first, second) = (lines_of(0), lines_of(1));

    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().display().to_string();
    let tmux = Tmux::start(COLUMNS, ROWS);
    let term = tmux.global_option("default-terminal");
    let remote = format!(
        "env LC_ALL=C.UTF-8 QARI_DATA_DIR={} TERM={term} {}",
        quote(&data_dir),
        quote(&qari_bin().display().to_string())
    );
    tmux.type_line(&sshd.client_line("qari", &remote));
    let client = sshd.client_pid("qari");
    tmux.wait_for(|s| s.contains("article 1 of 5") && !s.contains("indexing"));
    wait_rows(&tmux, text, &window(&first, 0, text.height), "first");
    let qari_exe = std::fs::canonicalize(qari_bin()).unwrap();
    let remote_qari: Vec<u32> = processes_mentioning(&data_dir)
        .into_iter()
        .filter(|&pid| executable(pid) == Some(qari_exe.clone()))
        .collect();
    assert_eq!(remote_qari.len(), 1, "qari's process not found");

    // A bookmark, so that the store the dropped link must not harm has something in it.
    tmux.keys(&["Enter", "v", "b"]);
    tmux.wait_for(|s| s.contains("bookmarked"));
    assert_eq!(bookmarks_in(data.path()).len(), 1);
    tmux.keys(&["h"]);

    // Opening: the next article drawn in the reader (j) and the focus moved to it (Enter).
    let open = measure(&tmux, client, 2, || {
        tmux.keys(&["j", "Enter"]);
        wait_rows(&tmux, text, &window(&second, 0, text.height), "second");
        tmux.wait_for(|s| s.contains("article 2 of 5") && s.contains("3 unread"));
    });
    let scroll = measure(&tmux, client, SCROLLED as u64, || {
        for top in 1..=SCROLLED {
            tmux.keys(&["j"]);
            let header = format!("lines {}–", top + 1);
            tmux.wait_for(|s| s.contains(&header));
            wait_rows(&tmux, text, &window(&second, top, text.height), "j");
        }
    });
    let qari = Figures { open, scroll };

    assert!(
        !children_of(sshd.pid()).is_empty(),
        "sshd has no process for the session"
    );
    // The link drops: the client dies without a word to the server.
    let pid = rustix::process::Pid::from_raw(client as i32).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::KILL).unwrap();
    assert_all_ended(&sshd, &data_dir, remote_qari[0]);
    let bookmarks = bookmarks_in(data.path());
    assert_eq!(bookmarks.len(), 1, "{bookmarks:?}");
    assert_eq!(
        bookmarks[0].split('\t').nth(1),
        Some(articles[0].id.as_str()),
        "{bookmarks:?}"
    );
    let store = std::fs::read_to_string(data.path().join("bookmarks.json")).unwrap();
    let store: serde_json::Value = serde_json::from_str(&store).unwrap();
    assert_eq!(store["bookmarks"].as_array().map(Vec::len), Some(1));

    let less = less_over_ssh(&sshd, &articles[1].id, text.width, (COLUMNS, ROWS));
    println!(
        "bytes over SSH, {COLUMNS}x{ROWS}, TERM={term}, article {} (reader {} columns; \
         less on `qari show --width {}`):",
        articles[1].id, text.width, text.width
    );
    print_figures(&qari, &less, "j Enter in the list");
    assert_sane(&qari, &less, text);
}

/// Waits up to 5 s for the link's end to end everything the server ran for it: no process
/// mentions qari's data folder (the remote shell, qari) and sshd has no session left.
fn assert_all_ended(sshd: &Sshd, data_dir: &str, qari: u32) {
    let start = Instant::now();
    loop {
        let left = processes_mentioning(data_dir);
        let sessions = children_of(sshd.pid());
        if left.is_empty() && sessions.is_empty() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "5 s after the link dropped, still running: {left:?} (qari's pid was {qari}), \
             sshd's children {sessions:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn print_figures(qari: &Figures, less: &Figures, open: &str) {
    println!("{:<34} {:>9} {:>9}", "", "terminal", "wire");
    let open = format!("qari: open ({open})");
    for (what, received) in [
        (open.as_str(), qari.open),
        ("less: open (start less)", less.open),
        ("qari: scroll 10 lines (10 x j)", qari.scroll),
        ("less: scroll 10 lines (10 x j)", less.scroll),
    ] {
        println!("{what:<34} {:>9} {:>9}", received.terminal, received.wire);
    }
}

/// Sane bounds only: the figures are reported, not held to a goal. Opening must have
/// redrawn the reader and stayed within a few screens' worth of bytes.
fn assert_sane(qari: &Figures, less: &Figures, reader: Rect) {
    let full_screen = usize::from(COLUMNS) * usize::from(ROWS);
    let reader_area = usize::from(reader.width) * usize::from(reader.height);
    assert!(
        qari.open.terminal > reader_area / 2 && qari.open.terminal < 8 * full_screen,
        "{} bytes to open an article",
        qari.open.terminal
    );
    for (what, received) in [
        ("qari scroll", qari.scroll),
        ("less open", less.open),
        ("less scroll", less.scroll),
    ] {
        assert!(received.terminal > 0, "{what}: nothing received");
    }
    for received in [qari.open, qari.scroll, less.open, less.scroll] {
        assert!(
            received.wire as usize >= received.terminal,
            "encryption adds bytes, never removes them"
        );
    }
}

/// The full-width layout (below 80 columns the reader has the whole width), where qari
/// scrolls with the terminal's scroll region as `less` does: the bytes for the same
/// opening and ten lines, over the same kind of link.
#[test]
fn over_ssh_the_full_width_reader_scrolls_about_as_cheaply_as_less() {
    let (columns, rows) = (79, 24);
    let sshd = Sshd::start();
    let articles = listed(&[]);
    let text = Areas::new(Rect::new(0, 0, columns, rows), Pane::Reader)
        .reader_text()
        .unwrap();
    let shown = crate::screen::Shown {
        target: &articles[0].id,
        paths: &[],
        options: &[],
    };
    let lines = reader_lines(&articles[0].title, &shown, text.width);
    let data = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(columns, rows);
    let term = tmux.global_option("default-terminal");
    let remote = format!(
        "env LC_ALL=C.UTF-8 QARI_DATA_DIR={} TERM={term} {}",
        quote(&data.path().display().to_string()),
        quote(&qari_bin().display().to_string())
    );
    tmux.type_line(&sshd.client_line("qari", &remote));
    let client = sshd.client_pid("qari");
    tmux.wait_for(|s| s.contains("article 1 of 5") && !s.contains("indexing"));
    std::thread::sleep(SETTLE);
    let open = measure(&tmux, client, 1, || {
        tmux.keys(&["Enter"]);
        wait_rows(&tmux, text, &window(&lines, 0, text.height), "opened");
    });
    let scroll = measure(&tmux, client, SCROLLED as u64, || {
        for top in 1..=SCROLLED {
            tmux.keys(&["j"]);
            tmux.wait_for(|s| s.contains(&format!("lines {}–", top + 1)));
            wait_rows(&tmux, text, &window(&lines, top, text.height), "j");
        }
    });
    let qari = Figures { open, scroll };
    tmux.keys(&["q"]);
    let start = Instant::now();
    while executable(client).is_some() || !children_of(sshd.pid()).is_empty() {
        assert!(
            start.elapsed() < PATIENCE,
            "the session did not end after q"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let less = less_over_ssh(&sshd, &articles[0].id, text.width, (columns, rows));
    println!(
        "bytes over SSH, {columns}x{rows} (the reader has the whole width), TERM={term}, \
         article {} (less on `qari show --width {}`):",
        articles[0].id, text.width
    );
    print_figures(&qari, &less, "Enter in the list");
    // The scroll region keeps ten lines within a small multiple of less's bytes; a
    // redrawn pane would cost twenty times as much.
    assert!(
        qari.scroll.terminal < 3 * less.scroll.terminal,
        "{} bytes against less's {}",
        qari.scroll.terminal,
        less.scroll.terminal
    );
}
