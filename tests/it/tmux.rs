//! A real terminal for whole-program tests: a private tmux server per test, keys sent with
//! `send-keys`, the screen read with `capture-pane`, the raw bytes a program writes
//! caught with `pipe-pane`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long to wait for a screen to show what a test expects.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A tmux server with one window, killed when dropped.
pub struct Tmux {
    socket: String,
    /// Scratch folder for the test (data and config dirs, captures).
    pub dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts a detached session of `width`×`height` running `sh` with qari's data and
    /// config folders pointed into a scratch folder.
    pub fn start(width: u16, height: u16) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "qari-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let dir = tempfile::tempdir().unwrap();
        let tmux = Self { socket, dir };
        let data = tmux.dir.path().join("data");
        let config = tmux.dir.path().join("config.toml");
        let output = tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-e",
            &format!("QARI_DATA_DIR={}", data.display()),
            "-e",
            &format!("QARI_CONFIG={}", config.display()),
            "sh",
        ]);
        assert!(
            output.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        // The shell's prompt.
        tmux.wait_for(|screen| !screen.trim().is_empty());
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap_or_else(|err| panic!("tmux: {err}; run scripts/test.sh, which installs tmux"))
    }

    /// Types a shell command line and presses Enter.
    pub fn type_line(&self, line: &str) {
        self.run(&["send-keys", "-l", line]);
        self.run(&["send-keys", "Enter"]);
    }

    /// Types text as it is, without pressing Enter.
    pub fn run_keys_literal(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
    }

    /// Sends keys by tmux name (`Enter`, `j`, `Space`, `C-c`…).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Pastes `text` as a terminal does, in bracketed paste when the program asked for it.
    pub fn paste(&self, text: &str) {
        self.run(&["set-buffer", "-b", "qari-paste", "--", text]);
        self.run(&["paste-buffer", "-p", "-d", "-b", "qari-paste"]);
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// Waits until the screen satisfies `ready`, and returns it; panics with the screen
    /// after [`PATIENCE`].
    pub fn wait_for(&self, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "screen never became ready:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Starts appending what the program in the pane writes to a file.
    pub fn capture_output(&self) -> PathBuf {
        let file = self.dir.path().join("output.bytes");
        std::fs::write(&file, b"").unwrap();
        let command = format!("cat >> '{}'", file.display());
        self.run(&["pipe-pane", "-o", &command]);
        file
    }

    /// Stops the capture.
    pub fn stop_capture(&self) {
        self.run(&["pipe-pane"]);
    }

    /// The value of a global server or session option (`default-terminal`…).
    pub fn global_option(&self, name: &str) -> String {
        let output = self.run(&["show-options", "-gv", name]);
        assert!(
            output.status.success(),
            "tmux show-options {name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }

    /// Resizes the window.
    pub fn resize(&self, width: u16, height: u16) {
        self.run(&[
            "resize-window",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The shell command that runs qari with `args` and reports how it ended.
pub fn qari_command(args: &[&Path]) -> String {
    let mut line = format!("'{}'", crate::support::qari_bin().display());
    for arg in args {
        line.push_str(&format!(" '{}'", arg.display()));
    }
    // Quoted apart so that the command line itself never shows `QARI-EXITED-`: a wait for
    // the marker would otherwise end as soon as the shell's screen is back, before the
    // status is printed.
    line.push_str("; echo QARI-EXIT''ED-$?");
    line
}
