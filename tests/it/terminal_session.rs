//! The terminal session on a pty of our own: set-up and restore bytes, silence while
//! idle, one write per frame, and prompt exit without spinning when the terminal hangs up
//! (a dropped SSH link) or a signal arrives.

use std::time::Duration;

use crate::pty::{PtySession, contains};
use crate::support::qari_bin;

const FIRST_FRAME: &str = "article 1 of 5";

fn start() -> (PtySession, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut session = PtySession::spawn(&qari_bin(), &[], 100, 30, dir.path());
    session.read_until(FIRST_FRAME, Duration::from_secs(10));
    (session, dir)
}

#[test]
fn set_up_asks_for_explicit_bidi_and_nothing_is_written_while_idle() {
    let (mut session, _dir) = start();
    assert!(
        contains(&session.output, b"\x1b[?1049h"),
        "alternate screen"
    );
    assert!(
        contains(&session.output, b"\x1b[8l"),
        "BDSM reset (explicit bidi)"
    );
    assert_eq!(
        session.read_for(Duration::from_millis(1500)),
        0,
        "bytes written while idle"
    );
    session.type_keys(b"j");
    assert!(
        session.read_for(Duration::from_millis(500)) > 0,
        "a key redraws"
    );
    assert_eq!(
        session.read_for(Duration::from_millis(500)),
        0,
        "bytes after the frame"
    );
    session.type_keys(b"q");
    let status = session.wait_exit(Duration::from_secs(2)).expect("q quits");
    assert!(status.success());
    session.read_for(Duration::from_millis(200));
    let tail = &session.output[session.output.len().saturating_sub(200)..];
    assert!(contains(tail, b"\x1b[8h"), "bidi mode restored");
    assert!(contains(tail, b"\x1b[?1049l"), "alternate screen left");
}

#[test]
fn a_hung_up_terminal_ends_qari_within_a_second_without_spinning() {
    let (mut session, _dir) = start();
    let cpu_before = session.cpu_time();
    // Closing the master side is what the kernel does when an SSH link drops.
    drop(session.master.take());
    let status = session.wait_exit(Duration::from_secs(1));
    let cpu_used = session.cpu_time().saturating_sub(cpu_before);
    assert!(
        status.is_some(),
        "qari still running a second after the hang-up"
    );
    assert!(
        cpu_used < Duration::from_millis(300),
        "{cpu_used:?} of CPU after hang-up"
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_exit() {
    for signal in [rustix::process::Signal::TERM, rustix::process::Signal::HUP] {
        let (mut session, _dir) = start();
        let pid = rustix::process::Pid::from_raw(session.child.id() as i32).unwrap();
        rustix::process::kill_process(pid, signal).unwrap();
        session.read_for(Duration::from_millis(300));
        let status = session.wait_exit(Duration::from_secs(1));
        let status = status.unwrap_or_else(|| panic!("still running after {signal:?}"));
        assert!(status.success(), "{signal:?}: {status:?}");
        assert!(
            contains(&session.output, b"\x1b[?1049l"),
            "{signal:?}: alternate screen left"
        );
        assert!(
            contains(&session.output, b"\x1b[8h"),
            "{signal:?}: bidi mode restored"
        );
    }
}
