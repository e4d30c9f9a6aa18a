//! Everything that can wake the reader, merged into one channel: keys, pastes, the mouse
//! and resizes from the terminal, termination signals, the terminal hanging up, and work done on other threads
//! (the index, searches, the files changing and being loaded again).
//!
//! The hang-up watch exists because of crossterm #793: when an SSH link drops, the pty
//! closes and crossterm's event reading spins at 100 % CPU forever instead of failing.
//! A thread blocked in `poll(2)` on the terminal with no events requested wakes only for
//! POLLHUP/POLLERR, which is exactly that moment, and costs nothing until then.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

use crossterm::event::{Event as TermEvent, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};
use rustix::event::{PollFd, PollFlags, poll};
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::app::{Arrival, Mouse, MouseAction};
use super::search::SearchAnswer;
use crate::article::Article;
use crate::corpus::Corpus;
use crate::index::Index;

/// Something the event loop must react to.
#[derive(Clone, Debug)]
pub enum Event {
    /// A key was pressed.
    Key(KeyEvent),
    /// Text was pasted (bracketed paste): text, never keys.
    Paste(String),
    /// The mouse wheel turned or the left button was pressed.
    Mouse(Mouse),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// The terminal is gone (hang-up, or reading it failed): stop without drawing.
    Hangup,
    /// A signal asked qari to stop.
    Terminate,
    /// The search index build has got this far (0 to 1).
    IndexProgress(f32),
    /// The search index finished building, for these articles (an index built for
    /// articles since replaced by a reload is not used).
    IndexReady(Arc<Index>, Arc<Vec<Article>>),
    /// The search worker answered a query.
    SearchDone(SearchAnswer),
    /// Files the reader was opened on changed, and the changes have settled.
    FilesChanged,
    /// The files were loaded again.
    Reloaded(Box<Corpus>),
    /// The loader read more of the corpus the reader was opened on.
    Arrived(Box<Arrival>),
}

/// Starts the threads that feed the channel; returns a sender for other work to report
/// on (the index) and the receiving end.
pub fn spawn() -> io::Result<(Sender<Event>, Receiver<Event>)> {
    let (sender, receiver) = channel();
    let terminal = terminal_fd()?;
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;

    let to_loop = sender.clone();
    thread::Builder::new()
        .name("qari-input".into())
        .spawn(move || read_terminal(&to_loop))?;

    let to_loop = sender.clone();
    thread::Builder::new()
        .name("qari-hangup".into())
        .spawn(move || watch_hangup(&terminal, &to_loop))?;

    let to_loop = sender.clone();
    thread::Builder::new()
        .name("qari-signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let _ = to_loop.send(Event::Terminate);
            }
        })?;
    Ok((sender, receiver))
}

/// The file crossterm reads keys from: standard input when it is a terminal, else the
/// controlling terminal.
fn terminal_fd() -> io::Result<OwnedFd> {
    if io::stdin().is_terminal() {
        io::stdin().as_fd().try_clone_to_owned()
    } else {
        Ok(File::open("/dev/tty")?.into())
    }
}

fn read_terminal(to_loop: &Sender<Event>) {
    // A terminal being dragged to a new size sends a storm of resizes: only the last of
    // those already waiting is worth a layout.
    let mut waiting: Option<std::io::Result<TermEvent>> = None;
    loop {
        let read = waiting.take().unwrap_or_else(crossterm::event::read);
        let event = match read {
            Ok(TermEvent::Key(key)) if key.kind != KeyEventKind::Release => Event::Key(key),
            Ok(TermEvent::Paste(text)) => Event::Paste(text),
            Ok(TermEvent::Mouse(mouse)) => match mouse_action(mouse.kind) {
                Some(action) => Event::Mouse(Mouse {
                    action,
                    column: mouse.column,
                    row: mouse.row,
                }),
                None => continue,
            },
            Ok(TermEvent::Resize(mut columns, mut rows)) => {
                while crossterm::event::poll(Duration::ZERO).unwrap_or(false) {
                    match crossterm::event::read() {
                        Ok(TermEvent::Resize(c, r)) => (columns, rows) = (c, r),
                        other => {
                            waiting = Some(other);
                            break;
                        }
                    }
                }
                Event::Resize(columns, rows)
            }
            Ok(_) => continue,
            Err(_) => Event::Hangup,
        };
        let hangup = matches!(event, Event::Hangup);
        if to_loop.send(event).is_err() || hangup {
            return;
        }
    }
}

/// The mouse actions qari takes; moves, drags and other buttons are left alone.
fn mouse_action(kind: MouseEventKind) -> Option<MouseAction> {
    match kind {
        MouseEventKind::ScrollDown => Some(MouseAction::WheelDown),
        MouseEventKind::ScrollUp => Some(MouseAction::WheelUp),
        MouseEventKind::Down(MouseButton::Left) => Some(MouseAction::Click),
        _ => None,
    }
}

fn watch_hangup(terminal: &OwnedFd, to_loop: &Sender<Event>) {
    loop {
        let mut fds = [PollFd::new(terminal, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_)
                if fds[0]
                    .revents()
                    .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) =>
            {
                let _ = to_loop.send(Event::Hangup);
                return;
            }
            // A wake-up with nothing to report: never spin on it.
            Ok(_) => thread::sleep(Duration::from_millis(50)),
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => {
                let _ = to_loop.send(Event::Hangup);
                return;
            }
        }
    }
}
