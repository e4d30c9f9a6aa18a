//! qari on a pseudo-terminal of our own, for what tmux hides: the exact bytes of a
//! session, idle silence, the terminal hanging up under it, and startup time. Shared by
//! the tests and by `benches/terminal.rs`.

use std::fs::File;
use std::io::Read;
use std::os::fd::OwnedFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, poll};
use rustix::fs::OFlags;
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

/// A running qari whose terminal is a pty we hold the master side of.
pub struct PtySession {
    /// The master side: what qari writes arrives here. Dropping it hangs the terminal up.
    pub master: Option<File>,
    /// qari.
    pub child: Child,
    /// Everything read from the master so far.
    pub output: Vec<u8>,
}

impl PtySession {
    /// Starts `binary` with `args` on a new `columns`×`rows` pty. The pty is not made the
    /// controlling terminal, so closing it sends no SIGHUP: only the hang-up itself tells.
    pub fn spawn(binary: &Path, args: &[&str], columns: u16, rows: u16, data_dir: &Path) -> Self {
        // CLOEXEC: a copy of the master inherited by qari would keep the terminal alive.
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
        grantpt(&master).unwrap();
        unlockpt(&master).unwrap();
        let name = ptsname(&master, Vec::new()).unwrap();
        let slave: OwnedFd = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(OFlags::NOCTTY.bits() as i32)
            .open(name.to_str().unwrap())
            .unwrap()
            .into();
        let size = Winsize {
            ws_row: rows,
            ws_col: columns,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&slave, size).unwrap();
        let child = Command::new(binary)
            .args(args)
            .env("TERM", "xterm-256color")
            .env("QARI_DATA_DIR", data_dir)
            .env("QARI_CONFIG", data_dir.join("config.toml"))
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .spawn()
            .unwrap();
        Self {
            master: Some(File::from(master)),
            child,
            output: Vec::new(),
        }
    }

    /// Reads whatever arrives within `wait`; returns how many bytes came.
    pub fn read_for(&mut self, wait: Duration) -> usize {
        let start = Instant::now();
        let before = self.output.len();
        let Some(master) = self.master.as_mut() else {
            return 0;
        };
        loop {
            let left = wait.saturating_sub(start.elapsed());
            if left.is_zero() {
                break;
            }
            let timeout = rustix::event::Timespec::try_from(left).unwrap();
            let ready = {
                let mut fds = [PollFd::new(&*master, PollFlags::IN)];
                poll(&mut fds, Some(&timeout)).unwrap_or(0)
            };
            if ready == 0 {
                continue;
            }
            let mut buf = [0u8; 65536];
            match master.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => self.output.extend_from_slice(&buf[..n]),
            }
        }
        self.output.len() - before
    }

    /// Reads until `needle` has arrived; panics after `limit`. Returns the time it took.
    pub fn read_until(&mut self, needle: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        while !contains(&self.output, needle.as_bytes()) {
            assert!(
                start.elapsed() < limit,
                "{needle:?} never arrived; got:\n{}",
                String::from_utf8_lossy(&self.output)
            );
            self.read_for(Duration::from_millis(20));
        }
        start.elapsed()
    }

    /// Reads until `needle` has arrived and returns when it did, to within one read:
    /// [`Self::read_until`] reads in 20 ms slices, too coarse to time a start-up with.
    pub fn read_until_arrival(&mut self, needle: &str, limit: Duration) -> Instant {
        match self.try_read_until_arrival(needle, limit) {
            Ok(arrived) => arrived,
            Err(why) => panic!("{needle:?} never arrived: {why}"),
        }
    }

    /// [`Self::read_until_arrival`], saying why `needle` did not arrive instead of
    /// panicking.
    pub fn try_read_until_arrival(
        &mut self,
        needle: &str,
        limit: Duration,
    ) -> Result<Instant, &'static str> {
        let start = Instant::now();
        loop {
            if contains(&self.output, needle.as_bytes()) {
                return Ok(Instant::now());
            }
            let left = limit.saturating_sub(start.elapsed());
            if left.is_zero() {
                return Err("timed out");
            }
            let master = self.master.as_mut().expect("the terminal is open");
            let timeout = rustix::event::Timespec::try_from(left).unwrap();
            let mut fds = [PollFd::new(&*master, PollFlags::IN)];
            if poll(&mut fds, Some(&timeout)).unwrap_or(0) == 0 {
                continue;
            }
            let mut buf = [0u8; 65536];
            match master.read(&mut buf) {
                Ok(0) | Err(_) => return Err("the terminal closed"),
                Ok(n) => self.output.extend_from_slice(&buf[..n]),
            }
        }
    }

    /// Sends keys as the terminal would.
    #[allow(dead_code)] // used by benches/terminal.rs
    pub fn type_keys(&mut self, bytes: &[u8]) {
        use std::io::Write;
        self.master.as_mut().unwrap().write_all(bytes).unwrap();
    }

    /// CPU time (user + system) the child has used, from /proc.
    pub fn cpu_time(&self) -> Duration {
        let stat =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // Fields after the command name, which is in parentheses and may hold spaces.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
        let ticks: u64 = fields
            .get(11..13)
            .map_or(0, |f| f.iter().filter_map(|t| t.parse::<u64>().ok()).sum());
        Duration::from_millis(ticks * 10)
    }

    /// Waits for the child to end, up to `limit`.
    #[allow(dead_code)] // used by benches/terminal.rs
    pub fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }
}

impl Drop for PtySession {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether `haystack` contains `needle`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
