//! qari's pixels in a real X terminal: xterm drawing with DejaVu Sans Mono under Xvfb,
//! keys typed with xdotool (XTEST, as a keyboard types), the window read with
//! ImageMagick's `import` and compared with its `compare`. DejaVu Sans Mono's Arabic
//! letters reach past their cells to join, so a frame that sends only the changed cells
//! leaves pixels of old glyphs behind, which no capture of cells (tmux, vt100) can see.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The font the bug was seen with; xterm would silently fall back to another without it.
pub(crate) const FONT_FILE: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf";
/// Wide enough for the split layout (80 columns and more), and short enough that every
/// frame stays well under 2 KiB (1.6 KiB at most here). The kernel hands a pty's output
/// over in 2 KiB pieces, and xterm may read a bigger frame in two: it then draws the
/// cells on either side of the cut in runs of their own, clipped apart, and a few pixels
/// of antialiasing differ from one run of the test to the next.
const GEOMETRY: &str = "80x10";
/// How long a window may take to appear or to stop changing.
const PATIENCE: Duration = Duration::from_secs(15);

/// Runs a tool this test needs; one that is missing fails the test and says how to get it.
fn run(command: &mut Command) -> Output {
    let name = command.get_program().to_string_lossy().into_owned();
    command
        .output()
        .unwrap_or_else(|err| panic!("{name}: {err}; {INSTALL}"))
}

pub(crate) const INSTALL: &str =
    "run scripts/test.sh, which installs xvfb, xterm, xdotool, imagemagick and fonts-dejavu-core";

/// An X server of our own on a display number it picks itself, stopped when dropped.
pub(crate) struct Xvfb {
    server: Child,
    display: String,
}

impl Xvfb {
    pub(crate) fn start() -> Self {
        // -displayfd: the server takes the first free display and writes its number when
        // it accepts connections. -noreset: by default the server starts over whenever
        // its last client leaves (each xdotool run, the first xterm), and refuses
        // connections meanwhile: "Can't open display".
        let mut server = Command::new("Xvfb")
            .args(["-displayfd", "1", "-noreset", "-nolisten", "tcp"])
            .args(["-screen", "0", "1280x800x24"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("Xvfb: {err}; {INSTALL}"));
        let mut line = String::new();
        BufReader::new(server.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let number = line.trim();
        assert!(!number.is_empty(), "Xvfb did not start");
        Self {
            display: format!(":{number}"),
            server,
        }
    }

    /// A tool run against this display.
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("DISPLAY", &self.display);
        command
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        // SIGTERM, so that the server removes its lock file and socket.
        let pid = rustix::process::Pid::from_child(&self.server);
        let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
        let _ = self.server.wait();
    }
}

/// An xterm running qari, closed (and qari hung up) when dropped.
pub(crate) struct Xterm<'x> {
    x: &'x Xvfb,
    terminal: Child,
    window: String,
}

impl<'x> Xterm<'x> {
    /// Starts xterm on `qari args` with its data folder at `data`, and waits for the
    /// window.
    pub(crate) fn start(x: &'x Xvfb, data: &Path, args: &[&str]) -> Self {
        let qari = crate::support::qari_bin();
        let mut terminal = x
            .command("xterm")
            .args([
                "-u8",
                "+bc",
                "-sl",
                "0",
                "-fa",
                "DejaVu Sans Mono",
                "-fs",
                "12",
            ])
            .args(["-geometry", GEOMETRY, "-e"])
            .arg(&qari)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .env("QARI_DATA_DIR", data)
            .env("QARI_CONFIG", data.join("config.toml"))
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(data.join("xterm.log")).unwrap())
            .spawn()
            .unwrap_or_else(|err| panic!("xterm: {err}; {INSTALL}"));
        let pid = terminal.id().to_string();
        let start = Instant::now();
        let window = loop {
            let found = run(x.command("xdotool").args(["search", "--pid", &pid]));
            if let Some(id) = String::from_utf8_lossy(&found.stdout)
                .split_whitespace()
                .next()
            {
                break id.to_owned();
            }
            let log = || std::fs::read_to_string(data.join("xterm.log")).unwrap_or_default();
            if let Some(status) = terminal.try_wait().unwrap() {
                panic!("xterm ended ({status}) before its window showed: {}", log());
            }
            assert!(start.elapsed() < PATIENCE, "no xterm window: {}", log());
            std::thread::sleep(Duration::from_millis(50));
        };
        Self {
            x,
            terminal,
            window,
        }
    }

    /// Types `keys` (xdotool names) into the window, a little apart as a person would.
    pub(crate) fn keys(&self, keys: &[&str]) {
        // No window manager gives the focus: it is set by hand, and XTEST types into it.
        run(self
            .x
            .command("xdotool")
            .args(["windowfocus", "--sync", &self.window]));
        run(self
            .x
            .command("xdotool")
            .args(["key", "--delay", "80"])
            .args(keys));
    }

    /// The window's pixels (raw RGB).
    fn pixels(&self) -> Vec<u8> {
        run(self
            .x
            .command("import")
            .args(["-window", &self.window, "-depth", "8", "rgb:-"]))
        .stdout
    }

    /// Waits until the window shows qari and has stopped changing (three looks 120 ms
    /// apart agree), then saves it as `png`.
    pub(crate) fn settled(&self, png: &Path) {
        let start = Instant::now();
        let mut last = self.pixels();
        let mut agreeing = 0;
        while agreeing < 2 {
            assert!(
                start.elapsed() < PATIENCE,
                "the window never settled ({})",
                png.display()
            );
            std::thread::sleep(Duration::from_millis(120));
            let now = self.pixels();
            agreeing = if now == last && drawn(&now) {
                agreeing + 1
            } else {
                0
            };
            last = now;
        }
        let path = png.to_str().unwrap();
        let saved = run(self
            .x
            .command("import")
            .args(["-window", &self.window, path]));
        assert!(saved.status.success(), "import {path} failed");
    }

    /// Has xterm paint the whole window again from what it holds for each cell, as it
    /// does when a window is uncovered: the screen with nothing left behind.
    pub(crate) fn repaint_from_cells(&self) {
        for step in ["windowunmap", "windowmap"] {
            run(self
                .x
                .command("xdotool")
                .args([step, "--sync", &self.window]));
        }
    }
}

impl Drop for Xterm<'_> {
    fn drop(&mut self) {
        let _ = self.terminal.kill();
        let _ = self.terminal.wait();
    }
}

/// Whether qari has drawn: its text and reversed headers darken well over 1 % of the
/// window (an empty xterm shows only its cursor).
fn drawn(rgb: &[u8]) -> bool {
    let dark = rgb
        .chunks_exact(3)
        .filter(|p| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 384)
        .count();
    !rgb.is_empty() && dark * 100 > rgb.len() / 3
}

/// How many pixels differ between two screenshots (ImageMagick's absolute error count);
/// `diff` shows where.
pub(crate) fn differing_pixels(a: &Path, b: &Path, diff: &Path) -> u64 {
    let output = run(Command::new("compare")
        .arg("-metric")
        .arg("AE")
        .args([a, b, diff]));
    let count = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    count
        .split_whitespace()
        .next()
        .and_then(|n| n.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("compare {}: {count}", a.display())) as u64
}

/// A data folder holding one bookmark, in an article that is not the one read, so that
/// the bookmarks pane shows Arabic over the reader.
fn seeded_data(dir: &Path) -> PathBuf {
    let seed = dir.join("seed");
    let added = crate::support::qari_with_data(
        &seed,
        &["bookmarks", "add", "000", "--start", "0", "--end", "120"],
    );
    crate::support::succeeded(&added);
    seed
}

/// A fresh copy of the seeded data folder for one run.
fn data_copy(seed: &Path, name: &str) -> PathBuf {
    let data = seed.with_file_name(name);
    std::fs::create_dir_all(&data).unwrap();
    for entry in std::fs::read_dir(seed).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), data.join(entry.file_name())).unwrap();
    }
    data
}

/// Scrolled five lines, the long way round and through both overlays, the split reader
/// must look exactly like one that was scrolled there straight, and like what xterm
/// paints from its own characters.
#[test]
fn the_split_reader_leaves_no_glyph_pixels_behind_in_xterm() {
    assert!(
        Path::new(FONT_FILE).exists(),
        "{FONT_FILE} is missing; {INSTALL}"
    );
    let dir = tempfile::tempdir().unwrap();
    let seed = seeded_data(dir.path());
    let x = Xvfb::start();
    let shot = |name: &str| dir.path().join(format!("{name}.png"));

    // The long way: the reader gets the focus beside the list (Tab), goes eight lines
    // down and three back up, then help (?) opens and any key (x) closes it, then the
    // bookmarks pane opens and closes (' twice).
    let travelled = Xterm::start(&x, &data_copy(&seed, "travelled"), &[]);
    travelled.settled(&shot("start"));
    let mut keys = vec!["Tab"];
    keys.extend(["j"; 8]);
    keys.extend(["k"; 3]);
    keys.extend(["question", "x", "apostrophe", "apostrophe"]);
    travelled.keys(&keys);
    travelled.settled(&shot("travelled"));
    travelled.repaint_from_cells();
    travelled.settled(&shot("travelled-repainted"));
    drop(travelled);

    // The short way to the same state, in a fresh xterm.
    let straight = Xterm::start(&x, &data_copy(&seed, "straight"), &[]);
    straight.settled(&shot("start-again"));
    let mut keys = vec!["Tab"];
    keys.extend(["j"; 5]);
    straight.keys(&keys);
    straight.settled(&shot("straight"));
    drop(straight);

    let against_straight = differing_pixels(
        &shot("travelled"),
        &shot("straight"),
        &shot("diff-straight"),
    );
    let against_repaint = differing_pixels(
        &shot("travelled"),
        &shot("travelled-repainted"),
        &shot("diff-repainted"),
    );
    if against_straight + against_repaint > 0 {
        let kept = dir.keep();
        panic!(
            "{against_straight} pixels differ from a fresh qari scrolled straight there, \
             {against_repaint} from xterm's own repaint; screenshots in {}",
            kept.display()
        );
    }
}
