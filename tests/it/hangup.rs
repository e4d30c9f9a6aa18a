//! qari on a pty of our own when the terminal goes away or a signal asks it to stop: it
//! must not spin (crossterm's reader loops at 100 % CPU on a closed pty, crossterm #793),
//! must end within a second, and, when the terminal is still there, must give it back as
//! it found it: main screen, bidi mode, cursor, cooked mode.

use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process};
use rustix::termios::{LocalModes, tcgetattr};

use crate::pty::{PtySession, contains};
use crate::support::qari_bin;

/// The end of the status line, the last row of the first frame.
const FIRST_FRAME: &str = "q quit";
/// CPU that qari may use while it stops: far below one second of spinning.
const STOPPING_CPU: Duration = Duration::from_millis(300);

/// qari on the sample in a 100×30 pty, its first frame read.
fn started(binary: &std::path::Path, args: &[&str]) -> (PtySession, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = PtySession::spawn(binary, args, 100, 30, dir.path());
    session.read_until_arrival(FIRST_FRAME, Duration::from_secs(10));
    // The frame's last bytes (attribute resets, cursor) may come in a later read.
    session.read_for(Duration::from_millis(100));
    (session, dir)
}

/// Waits up to `limit` for qari to end; returns how it ended and the most CPU time it had
/// used by then. /proc is read before each `try_wait`, because reaping the process
/// removes its entry (a zombie still has one, with its final times).
fn wait_watching_cpu(session: &mut PtySession, limit: Duration) -> (Option<ExitStatus>, Duration) {
    let start = Instant::now();
    let mut cpu = Duration::ZERO;
    loop {
        cpu = cpu.max(session.cpu_time());
        if let Some(status) = session.child.try_wait().unwrap() {
            return (Some(status), cpu);
        }
        if start.elapsed() > limit {
            return (None, cpu);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether the terminal is in cooked mode (canonical input with echo). On Linux the
/// master side reports the terminal's (slave's) modes.
fn cooked(session: &PtySession) -> bool {
    let modes = tcgetattr(session.master.as_ref().unwrap())
        .unwrap()
        .local_modes;
    modes.contains(LocalModes::ICANON | LocalModes::ECHO)
}

#[test]
fn idle_it_uses_no_cpu_and_a_hang_up_ends_it_within_a_second() {
    let (mut session, _dir) = started(&qari_bin(), &[]);
    let before = session.cpu_time();
    assert_eq!(
        session.read_for(Duration::from_secs(1)),
        0,
        "output while idle"
    );
    let idle = session.cpu_time().saturating_sub(before);
    assert!(
        idle < Duration::from_millis(50),
        "{idle:?} of CPU in 1 s idle"
    );

    // Closing the master is what the kernel does to a pty when an SSH link drops. This
    // pty is not qari's controlling terminal, so no SIGHUP comes: only the hang-up tells.
    let before = session.cpu_time();
    drop(session.master.take());
    let (status, cpu) = wait_watching_cpu(&mut session, Duration::from_secs(1));
    let used = cpu.saturating_sub(before);
    assert!(
        status.is_some(),
        "still running 1 s after the hang-up ({used:?} CPU)"
    );
    assert!(used < STOPPING_CPU, "{used:?} of CPU while stopping");
}

#[test]
fn a_hang_up_of_its_controlling_terminal_ends_it_within_a_second() {
    // `setsid --ctty` makes the pty qari's controlling terminal (and then execs qari, same
    // pid), so closing the master sends SIGHUP as well: the usual case over SSH.
    let qari = qari_bin();
    let (mut session, _dir) = started(
        std::path::Path::new("setsid"),
        &["--ctty", qari.to_str().unwrap()],
    );
    let before = session.cpu_time();
    drop(session.master.take());
    let (status, cpu) = wait_watching_cpu(&mut session, Duration::from_secs(1));
    let used = cpu.saturating_sub(before);
    let status = status.unwrap_or_else(|| panic!("still running 1 s after SIGHUP ({used:?})"));
    assert_eq!(
        status.signal(),
        None,
        "killed by a signal, not handled: {status:?}"
    );
    assert!(used < STOPPING_CPU, "{used:?} of CPU while stopping");
}

#[test]
fn termination_signals_restore_the_terminal_then_end_it() {
    for signal in [Signal::TERM, Signal::HUP, Signal::INT, Signal::QUIT] {
        let (mut session, _dir) = started(&qari_bin(), &[]);
        assert!(
            !cooked(&session),
            "{signal:?}: not in raw mode while running"
        );
        let frames_end = session.output.len();
        let pid = Pid::from_raw(session.child.id() as i32).unwrap();
        kill_process(pid, signal).unwrap();

        session.read_until("\x1b[?1049l", Duration::from_secs(1));
        let (status, cpu) = wait_watching_cpu(&mut session, Duration::from_secs(1));
        let status = status.unwrap_or_else(|| panic!("{signal:?}: still running after 1 s"));
        assert_eq!(status.signal(), None, "{signal:?} killed it: {status:?}");
        let code = status.code().unwrap();
        assert!(
            code == 0 || code == 128 + signal.as_raw(),
            "{signal:?}: exit code {code}"
        );
        assert!(cpu < Duration::from_secs(1), "{signal:?}: {cpu:?} of CPU");

        session.read_for(Duration::from_millis(50));
        let restore = &session.output[frames_end..];
        for (what, bytes) in [
            ("main screen", &b"\x1b[?1049l"[..]),
            ("bidi mode", b"\x1b[8h"),
            ("cursor shown", b"\x1b[?25h"),
        ] {
            assert!(contains(restore, bytes), "{signal:?}: {what} not restored");
        }
        assert!(
            cooked(&session),
            "{signal:?}: the terminal was left in raw mode"
        );
    }
}
