//! Owning the terminal: raw mode, the alternate screen, bidi mode, bracketed paste, and
//! putting all of it back on every way out (normal exit, panic, signal, hang-up).
//!
//! We do not use `ratatui::init` because it writes straight to `Stdout`, whose line
//! buffering and ratatui's cursor `execute!`s would split a frame into several writes, and
//! because it knows nothing of the bidi mode. The panic hook below does what its hook
//! does, plus the bidi mode.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{MoveTo, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::ops::Range;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use super::hyperlink::{self, Link};
use super::{overhang, scroll};

use crate::config::MouseSetting;
use crate::text::BidiMode;

/// ECMA-48 BDSM reset: the terminal shows cells in the order given ("explicit" mode), so
/// a bidi-capable terminal (VTE, mintty) does not reorder what qari has already ordered.
const BIDI_EXPLICIT: &[u8] = b"\x1b[8l";
/// BDSM set: back to the terminal's own ("implicit") bidi.
const BIDI_IMPLICIT: &[u8] = b"\x1b[8h";

/// Collects everything written during a frame and sends it in one `write(2)` when the
/// frame is done. `flush` does nothing: ratatui flushes several times per frame (each
/// cursor command is an `execute!`), which would otherwise split it.
#[derive(Debug)]
pub struct FrameWriter<W: Write> {
    pending: Vec<u8>,
    out: W,
}

impl<W: Write> FrameWriter<W> {
    /// Wraps the terminal's output.
    pub fn new(out: W) -> Self {
        Self {
            pending: Vec::with_capacity(1 << 16),
            out,
        }
    }

    /// Sends the frame.
    pub fn commit(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let result = self
            .out
            .write_all(&self.pending)
            .and_then(|()| self.out.flush());
        self.pending.clear();
        result
    }

    /// The wrapped writer.
    pub fn get_ref(&self) -> &W {
        &self.out
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The ratatui terminal qari draws on.
pub type Screen = Terminal<CrosstermBackend<FrameWriter<File>>>;

/// The terminal while qari runs; [`TerminalSession::restore`] gives it back.
pub struct TerminalSession {
    /// Where frames are drawn.
    pub screen: Screen,
    /// What the terminal shows: the last frame sent, none before the first (or after a
    /// resize, which clears the screen).
    shown: Option<Buffer>,
    /// The hyperlinks the terminal holds in the cells of `shown` (see [`hyperlink`]).
    linked: Vec<Link>,
    bidi: BidiMode,
    restored: bool,
}

impl TerminalSession {
    /// Raw mode, alternate screen, bracketed paste, the mouse (unless the configuration
    /// leaves it to the terminal), explicit bidi mode (in app mode), and a panic hook that
    /// undoes them.
    pub fn start(bidi: BidiMode, mouse: MouseSetting) -> io::Result<Self> {
        install_panic_hook(bidi);
        // Our own handle on fd 1, so frames bypass `Stdout`'s line buffer.
        let out = File::from(io::stdout().as_fd().try_clone_to_owned()?);
        enable_raw_mode()?;
        let mut writer = FrameWriter::new(out);
        // Bracketed paste: pasted text arrives marked as such, so that its letters are
        // text for the bar, never keys (a pasted `q` does not quit).
        crossterm::queue!(writer, EnterAlternateScreen, EnableBracketedPaste)?;
        if mouse == MouseSetting::Taken {
            crossterm::queue!(writer, EnableMouseCapture)?;
        }
        if bidi == BidiMode::App {
            writer.write_all(BIDI_EXPLICIT)?;
        }
        writer.commit()?;
        let (width, height) = crossterm::terminal::size()?;
        let screen = Terminal::with_options(
            CrosstermBackend::new(writer),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )?;
        Ok(Self {
            screen,
            shown: None,
            linked: Vec::new(),
            bidi,
            restored: false,
        })
    }

    /// Asks the terminal to put `text` on the clipboard of the machine it runs on
    /// (OSC 52, which crosses SSH; inside tmux it needs `set -g set-clipboard on`). Sent
    /// with the next frame, in the same write. `text` is base64 encoded, so nothing in it
    /// reaches the terminal as a control.
    pub fn queue_clipboard(&mut self, text: &str) -> io::Result<()> {
        use base64::Engine;
        let encoded = base64::engine::general_purpose::STANDARD.encode(text);
        let writer = self.screen.backend_mut().writer_mut();
        write!(writer, "\x1b]52;c;{encoded}\x07")
    }

    /// Tells the terminal who orders text from now on (BDSM, sent with the next frame),
    /// and what to restore on the way out.
    pub fn set_bidi(&mut self, bidi: BidiMode) -> io::Result<()> {
        self.bidi = bidi;
        APP_BIDI.store(bidi == BidiMode::App, Ordering::Relaxed);
        let writer = self.screen.backend_mut().writer_mut();
        writer.write_all(match bidi {
            BidiMode::App => BIDI_EXPLICIT,
            BidiMode::Terminal => BIDI_IMPLICIT,
        })
    }

    /// Sends what the last draw produced.
    pub fn commit(&mut self) -> io::Result<()> {
        self.screen.backend_mut().writer_mut().commit()
    }

    /// The terminal changed size: the next frame is drawn whole.
    pub fn resize(&mut self, area: Rect) -> io::Result<()> {
        self.shown = None;
        self.screen.resize(area)
    }

    /// Clears the terminal and forgets what it showed, so that the next frame is drawn
    /// whole on a blank screen (Ctrl-L: after another program wrote over qari's screen).
    /// Sent with the next frame, in the same write. Not ratatui's `Terminal::clear`: that
    /// asks the terminal where its cursor is and waits for the answer on standard input,
    /// where the event thread takes it first, so it fails after two seconds; and it would
    /// not reset what [`TerminalSession::draw`] diffs against.
    pub fn repaint(&mut self) -> io::Result<()> {
        self.shown = None;
        let writer = self.screen.backend_mut().writer_mut();
        writer.write_all(b"\x1b[m\x1b[H\x1b[2J")
    }

    /// Draws a frame: `render` fills it, and the terminal is sent what differs from what
    /// it shows, then the cursor is placed (or hidden). When the full-width rows
    /// `scroll_rows` show the same lines as before, moved as a block, the terminal moves
    /// them itself and only the rows that came into view are sent (see [`scroll`]). The
    /// part of a row that changed is erased and sent as a fresh start sends it, so that no
    /// pixels of an old glyph are left beside it (see [`overhang`]). `links` are the
    /// frame's hyperlinks, written where the terminal does not hold them already (see
    /// [`hyperlink`]). The frame still goes out in one write, with
    /// [`TerminalSession::commit`].
    pub fn draw(
        &mut self,
        scroll_rows: Option<Range<u16>>,
        cursor: Option<Position>,
        links: &[Link],
        render: impl FnOnce(&mut Frame),
    ) -> io::Result<()> {
        render(&mut self.screen.get_frame());
        let current = self.screen.current_buffer_mut().clone();
        let mut shown = match self.shown.take() {
            Some(shown) if shown.area == current.area => shown,
            _ => {
                // A blank screen holds no links either.
                self.linked.clear();
                Buffer::empty(current.area)
            }
        };
        let mut scrolled = None;
        if let Some(rows) = scroll_rows
            && let Some(shift) = scroll::detect_shift(&shown, &current, rows.clone())
        {
            let writer = self.screen.backend_mut().writer_mut();
            scroll::scroll_region(writer, &mut shown, rows.clone(), shift)?;
            scrolled = Some(rows);
        }
        let updates = overhang::redraw(self.screen.backend_mut().writer_mut(), &shown, &current)?;
        let stale = hyperlink::stale(&self.linked, links, &updates, scrolled.as_ref());
        let updates = hyperlink::without(updates, &stale);
        self.screen.backend_mut().draw(updates.into_iter())?;
        hyperlink::draw(self.screen.backend_mut(), &stale, &current)?;
        self.linked = links.to_vec();
        match cursor {
            Some(position) => {
                self.screen.show_cursor()?;
                self.screen.set_cursor_position(position)?;
            }
            None => self.screen.hide_cursor()?,
        }
        self.screen.swap_buffers();
        ratatui::backend::Backend::flush(self.screen.backend_mut())?;
        self.shown = Some(current);
        Ok(())
    }

    /// Leaves the alternate screen, restores bidi mode, cursor and cooked mode. Safe to call
    /// more than once; errors (a terminal that is gone) are ignored, there is nothing
    /// left to tell.
    pub fn restore(&mut self) {
        if self.restored {
            return;
        }
        self.restored = true;
        let writer = self.screen.backend_mut().writer_mut();
        let _ = write_restore(writer, self.bidi);
        let _ = writer.commit();
        let _ = disable_raw_mode();
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        self.restore();
    }
}

fn write_restore(out: &mut impl Write, bidi: BidiMode) -> io::Result<()> {
    if bidi == BidiMode::App {
        out.write_all(BIDI_IMPLICIT)?;
    }
    // Clearing the alternate screen before leaving it: tmux 3.3a, after the window grew,
    // otherwise shows parts of it on the restored main screen.
    crossterm::queue!(
        out,
        DisableBracketedPaste,
        // Harmless when it was never asked for; a panic may not know whether it was.
        DisableMouseCapture,
        MoveTo(0, 0),
        Clear(ClearType::All),
        LeaveAlternateScreen,
        Show
    )
}

/// Whether qari orders text now, for the panic hook: the mode can change while it runs.
static APP_BIDI: AtomicBool = AtomicBool::new(false);

fn install_panic_hook(bidi: BidiMode) {
    static ONCE: Once = Once::new();
    APP_BIDI.store(bidi == BidiMode::App, Ordering::Relaxed);
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let mut stdout = io::stdout();
            let bidi = if APP_BIDI.load(Ordering::Relaxed) {
                BidiMode::App
            } else {
                BidiMode::Terminal
            };
            let _ = write_restore(&mut stdout, bidi);
            let _ = stdout.flush();
            let _ = disable_raw_mode();
            previous(info);
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::Paragraph;

    /// Counts the writes that reach the "terminal".
    #[derive(Default)]
    struct CountingWriter {
        writes: usize,
        bytes: Vec<u8>,
    }

    impl Write for CountingWriter {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_reaches_the_terminal_in_one_write_even_with_a_resize() {
        let area = Rect::new(0, 0, 40, 10);
        let backend = CrosstermBackend::new(FrameWriter::new(CountingWriter::default()));
        let mut terminal = Terminal::with_options(
            backend,
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )
        .unwrap();
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("سلام عليكم"), frame.area()))
            .unwrap();
        terminal.backend_mut().writer_mut().commit().unwrap();
        assert_eq!(terminal.backend().writer().get_ref().writes, 1);

        terminal.resize(Rect::new(0, 0, 30, 8)).unwrap();
        terminal
            .draw(|frame| frame.render_widget(Paragraph::new("second"), frame.area()))
            .unwrap();
        terminal.backend_mut().writer_mut().commit().unwrap();
        assert_eq!(terminal.backend().writer().get_ref().writes, 2);

        // Nothing new to send: no write at all.
        terminal.backend_mut().writer_mut().commit().unwrap();
        assert_eq!(terminal.backend().writer().get_ref().writes, 2);
    }
}
