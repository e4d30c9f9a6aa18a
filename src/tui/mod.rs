//! The interactive reader (ratatui + crossterm): the terminal session, the event loop, the
//! state and its views. The state and views are pure; only this file and `terminal`,
//! `events` touch the terminal.

pub mod app;
pub mod effects;
pub mod events;
pub mod filter;
pub mod geometry;
pub mod hyperlink;
pub mod keymap;
pub mod loader;
pub mod overhang;
pub mod reader;
pub mod scroll;
pub mod search;
pub mod selection;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod watch;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};

use self::app::{App, Display, Effect, Layer, LoadProgress, Msg};
use self::effects::Stores;
use self::events::Event;
use self::keymap::KeyMap;
use self::loader::CorpusSource;
use self::search::SearchWorker;
use self::terminal::TerminalSession;
use self::theme::Theme;
use self::view::Screen;
use self::watch::{Reloader, Watch};
use crate::article::Article;
use crate::config::commands::Command;
use crate::config::{Config, TashkeelSetting, ThemeName};
use crate::corpus::{Corpus, Skipped};
use crate::index::{Index, Progress};
use crate::text::{BidiMode, Shaping, Tashkeel};

/// How the reader is to look and behave, from the command line over the configuration.
pub struct Settings<'a> {
    /// Who reorders.
    pub bidi: BidiMode,
    /// Whether letters are shaped.
    pub shaping: Shaping,
    /// The colour theme asked for (the environment may reduce it to mono).
    pub theme: ThemeName,
    /// The rest: keys, tashkeel, date format.
    pub config: &'a Config,
    /// What was wrong with the configuration file, shown on the status line at start.
    pub problem: Option<String>,
    /// The files and folders the corpus was loaded from, watched for changes (none for
    /// the embedded sample).
    pub paths: Vec<PathBuf>,
}

/// How long the screen waits for a search answer before it is drawn without one (and
/// says "searching…"): about a frame, so that a fast query shows its results at once and
/// a slow one never holds up typing.
const FRAME_BUDGET: Duration = Duration::from_millis(16);

/// How a reader's run ended.
#[derive(Debug)]
pub enum RunEnd {
    /// The user quit, a signal arrived or the terminal went away.
    Stopped,
    /// The whole corpus was read and none of it is an article: these files were skipped.
    NothingLoaded(Vec<Skipped>),
}

/// Runs the reader on the corpus of `source`, read while the reader runs, until the user
/// quits, a signal arrives or the terminal goes away. The terminal is restored on every
/// one of those paths.
pub fn run(source: CorpusSource, settings: &Settings) -> anyhow::Result<RunEnd> {
    let display = Display {
        bidi: settings.bidi,
        shaping: settings.shaping,
        tashkeel: match settings.config.tashkeel {
            TashkeelSetting::Shown => Tashkeel::Shown,
            TashkeelSetting::Hidden => Tashkeel::Hidden,
        },
    };
    let keymap = KeyMap::from_config(settings.config);
    let (report, events) = events::spawn()?;
    let searcher = SearchWorker::spawn(report.clone())?;
    let mut session = TerminalSession::start(display.bidi, settings.config.mouse)?;
    let mut app = App::new(
        Corpus::default(),
        display,
        session.screen.get_frame().area(),
    );
    app.status.loading = Some(LoadProgress::default());
    loader::spawn(source, report.clone())?;
    app.look.theme = Theme::for_terminal(settings.theme, |name| std::env::var(name).ok());
    app.look.date_format = settings.config.date_format.clone();
    app.look.date_locale = settings.config.date_locale;
    app.status.message = settings.problem.clone();
    let stores = match Stores::open() {
        Ok(stores) => {
            stores.load_into(&mut app);
            Some(stores)
        }
        Err(err) => {
            app.status.message = Some(format!("bookmarks unavailable: {err}"));
            None
        }
    };
    // The list is usable as soon as articles arrive; the index is built once they are
    // all in.
    let builds = Arc::new(AtomicU64::new(0));
    let watch = Watch::start(&settings.paths, report.clone());
    if let Some(problem) = watch.problem() {
        app.status.message = Some(match app.status.message.take() {
            Some(message) => format!("{message} · {problem}"),
            None => problem.to_owned(),
        });
    }
    let mut reloader = Reloader::new(settings.paths.clone(), report.clone());
    // Files that changed while the corpus was still being read: loaded again once it is.
    let mut changed_while_loading = false;
    let mut end = RunEnd::Stopped;
    draw(&mut session, &app, &keymap)?;
    // Until when drawing waits for a search answer; none when no search is pending.
    let mut hold: Option<Instant> = None;
    // Whether a frame is owed: asked for, but held for a search answer.
    let mut owed = false;
    // Blocking on the channel: nothing runs and nothing is written while nobody types.
    loop {
        let event = match hold {
            Some(until) => {
                match events.recv_timeout(until.saturating_duration_since(Instant::now())) {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            None => match events.recv() {
                Ok(event) => Some(event),
                Err(_) => break,
            },
        };
        let msg = match event {
            Some(Event::Key(key)) => Some(Msg::Key(key)),
            Some(Event::Paste(text)) => Some(Msg::Paste(text)),
            Some(Event::Mouse(mouse)) => Some(Msg::Mouse(mouse)),
            Some(Event::Resize(columns, rows)) => {
                let area = Rect::new(0, 0, columns, rows);
                session.resize(area)?;
                Some(Msg::Resize(area))
            }
            Some(Event::IndexProgress(done)) => Some(Msg::IndexProgress(done)),
            Some(Event::IndexReady(index, built_from)) => Some(Msg::IndexReady(index, built_from)),
            Some(Event::SearchDone(answer)) => Some(Msg::SearchDone(answer)),
            Some(Event::Reloaded(corpus)) => Some(Msg::Reloaded(corpus)),
            Some(Event::Arrived(arrival)) => Some(Msg::Arrived(arrival)),
            Some(Event::FilesChanged) if app.is_loading() => {
                changed_while_loading = true;
                None
            }
            Some(Event::FilesChanged) => {
                if let Err(err) = reloader.request(&app.articles) {
                    app.status.message = Some(format!("cannot load the changed files: {err}"));
                }
                None
            }
            Some(Event::Hangup | Event::Terminate) => {
                // A dropped link or a signal: the place in the article is kept all the
                // same (bookmarks were saved as they were made).
                app.remember_position();
                let effects = app.take_effects();
                carry_out_store_changes(&stores, &mut app, effects);
                break;
            }
            None => None,
        };
        let reloaded = matches!(msg, Some(Msg::Reloaded(_)));
        let arrived = matches!(msg, Some(Msg::Arrived(_)));
        let effects = match msg {
            Some(msg) => app.update(msg, &keymap, today()),
            None => Vec::new(),
        };
        if reloaded && let Err(err) = reloader.finished(&app.articles) {
            app.status.message = Some(format!("cannot load the changed files: {err}"));
        }
        if arrived && !app.is_loading() {
            if app.articles.is_empty() {
                end = RunEnd::NothingLoaded(std::mem::take(&mut app.status.skipped));
                break;
            }
            if std::mem::take(&mut changed_while_loading)
                && let Err(err) = reloader.request(&app.articles)
            {
                app.status.message = Some(format!("cannot load the changed files: {err}"));
            }
        }
        let mut quit = false;
        let mut stored = Vec::new();
        for effect in effects {
            match effect {
                Effect::Clipboard(text) => session.queue_clipboard(&text)?,
                Effect::SetBidi(bidi) => session.set_bidi(bidi)?,
                Effect::Search(request) => {
                    searcher.supersede(request.generation);
                    searcher.submit(request);
                    // At most one frame's wait since the screen was last drawn.
                    hold = hold.or(Some(Instant::now() + FRAME_BUDGET));
                }
                Effect::IndexArticles => {
                    if let Err(err) = build_index(&app.articles, &builds, &report) {
                        app.status.message = Some(format!("cannot index the changed files: {err}"));
                    }
                }
                Effect::Repaint => {
                    session.repaint()?;
                    owed = true;
                }
                Effect::Draw => owed = true,
                Effect::Quit => quit = true,
                store_change => stored.push(store_change),
            }
        }
        // A newer filter change (or none at all) makes older searches unwanted.
        searcher.supersede(app.search_generation());
        carry_out_store_changes(&stores, &mut app, stored);
        if quit {
            break;
        }
        if !owed {
            continue;
        }
        if app.is_searching() && hold.is_some_and(|until| Instant::now() < until) {
            continue;
        }
        hold = None;
        owed = false;
        draw(&mut session, &app, &keymap)?;
    }
    session.restore();
    Ok(end)
}

/// Gives the stores the changes asked of them; without stores (the data folder could
/// not be opened), says that nothing is saved.
fn carry_out_store_changes(stores: &Option<Stores>, app: &mut App, changes: Vec<Effect>) {
    if changes.is_empty() {
        return;
    }
    match stores {
        Some(stores) => stores.apply(app, changes),
        None => {
            app.status.message =
                Some("not saved: bookmarks and reading state unavailable".to_owned());
        }
    }
}

/// Today in the local time zone: what `date:2w` counts back from.
fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

/// Builds the search index of `articles` on a thread, which reports its progress and the
/// index. `builds` counts the builds started: only the newest one's progress is reported,
/// as an older one's (for articles since reloaded) would show a wrong percentage.
fn build_index(
    articles: &Arc<Vec<Article>>,
    builds: &Arc<AtomicU64>,
    report: &Sender<Event>,
) -> std::io::Result<()> {
    let articles = Arc::clone(articles);
    let builds = Arc::clone(builds);
    let build = builds.fetch_add(1, Ordering::SeqCst) + 1;
    let report = report.clone();
    std::thread::Builder::new()
        .name("qari-index".into())
        .spawn(move || {
            let progress_report = report.clone();
            let tell = move |done: f32| {
                if builds.load(Ordering::SeqCst) == build {
                    let _ = progress_report.send(Event::IndexProgress(done));
                }
            };
            let index = Index::build_with_progress(&articles, &Progress::new(&tell));
            let _ = report.send(Event::IndexReady(Arc::new(index), articles));
        })?;
    Ok(())
}

/// Gives a key press to whatever has the keyboard: the note being typed, the bookmarks
/// pane, the filter bar, or else the command the key map binds it to. Says whether the
/// key did anything (an unbound key does not).
pub(crate) fn press(app: &mut App, keymap: &KeyMap, key: &KeyEvent) -> bool {
    // Ctrl-C quits and Ctrl-L redraws from anywhere; plain letters belong to whatever
    // reads text.
    let global = key
        .modifiers
        .contains(crossterm::event::KeyModifiers::CONTROL)
        && matches!(keymap.command(key), Some(Command::Quit | Command::Redraw));
    match app.layer() {
        Layer::Note if !global => app.edit_note(key),
        Layer::BookmarksFilter if !global => app.pane_filter_key(key),
        Layer::Bookmarks if !global => match keymap.bookmarks_command(key) {
            Some(command) => app.pane_command(command),
            None => return false,
        },
        Layer::Filter if !global => app.edit_filter(key),
        _ => match key_command(app, keymap, key) {
            Some(command) => app.handle(command),
            None => return false,
        },
    }
    true
}

/// The command a key press stands for. While an overlay is shown, any key (bound or not)
/// closes it.
pub(crate) fn key_command(app: &App, keymap: &KeyMap, key: &KeyEvent) -> Option<Command> {
    keymap
        .command(key)
        .or_else(|| matches!(app.layer(), Layer::Help | Layer::LoadErrors).then_some(Command::Help))
}

fn draw(session: &mut TerminalSession, app: &App, keymap: &KeyMap) -> std::io::Result<()> {
    let cursor = view::filter_cursor(app, app.areas().status).map(Position::from);
    // Only rows that span the whole screen can be scrolled by the terminal: the reader's
    // text when it is the one pane shown.
    let areas = app.areas();
    let scroll_rows = areas
        .reader_text()
        .filter(|_| areas.list.is_none() && !app.is_covered())
        .map(|text| text.top()..text.bottom());
    let links = view::reader_links(app);
    session.draw(scroll_rows, cursor, &links, |frame| {
        frame.render_widget(Screen { app, keymap }, frame.area());
    })?;
    session.commit()
}
