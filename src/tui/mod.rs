//! The interactive reader (ratatui + crossterm): the terminal session, the event loop, the
//! state and its views. The state and views are pure; only this file and `terminal`,
//! `events` touch the terminal.

pub mod app;
pub mod command;
pub mod events;
pub mod filter;
pub mod geometry;
pub mod keymap;
pub mod reader;
pub mod terminal;
pub mod view;

use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use self::app::{App, Display};
use self::command::Command;
use self::events::Event;
use self::keymap::KeyMap;
use self::terminal::TerminalSession;
use self::view::Screen;
use crate::cli::DisplayArgs;
use crate::corpus::Corpus;
use crate::index::Index;

/// Runs the reader on a corpus until the user quits, a signal arrives or the terminal
/// goes away. The terminal is restored on every one of those paths.
pub fn run(corpus: Corpus, display_args: &DisplayArgs) -> anyhow::Result<()> {
    let display = Display {
        bidi: display_args.bidi_mode(),
        shaping: display_args.shaping(),
        ..Display::default()
    };
    let keymap = KeyMap::default();
    let (report, events) = events::spawn()?;
    let mut session = TerminalSession::start(display.bidi)?;
    let mut app = App::new(corpus, display, session.screen.get_frame().area());
    // The list is usable at once; the index arrives when it is built.
    let articles = Arc::clone(&app.articles);
    std::thread::Builder::new()
        .name("qari-index".into())
        .spawn(move || {
            let _ = report.send(Event::IndexReady(Arc::new(Index::build(&articles))));
        })?;
    draw(&mut session, &app, &keymap)?;
    // Blocking on the channel: nothing runs and nothing is written while nobody types.
    while let Ok(event) = events.recv() {
        match event {
            Event::Key(key) if app.filter.editing && app.overlay.is_none() => app.edit_filter(&key),
            Event::Key(key) => match key_command(&app, &keymap, &key) {
                Some(command) => app.handle(command),
                None => continue,
            },
            Event::IndexReady(index) => app.set_index(index),
            Event::Resize(columns, rows) => {
                let area = Rect::new(0, 0, columns, rows);
                session.resize(area)?;
                app.resize(area);
            }
            Event::Hangup | Event::Terminate => break,
        }
        if app.should_quit() {
            break;
        }
        draw(&mut session, &app, &keymap)?;
    }
    session.restore();
    Ok(())
}

/// The command a key press stands for. While an overlay is shown, any key (bound or not)
/// closes it.
pub fn key_command(app: &App, keymap: &KeyMap, key: &KeyEvent) -> Option<Command> {
    keymap
        .command(key)
        .or_else(|| app.overlay.is_some().then_some(Command::Help))
}

fn draw(session: &mut TerminalSession, app: &App, keymap: &KeyMap) -> std::io::Result<()> {
    session.screen.draw(|frame| {
        frame.render_widget(Screen { app, keymap }, frame.area());
        if let Some(position) = view::filter_cursor(app, app.areas().status) {
            frame.set_cursor_position(position);
        }
    })?;
    session.commit()
}
