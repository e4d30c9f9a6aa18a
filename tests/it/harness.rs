//! One way for tests to drive the reader as the event loop does: messages go through
//! [`App::update`] with the time as an argument, searches are answered as the worker
//! answers them, store changes are carried out when the test gave stores, and the screen
//! is drawn with ratatui's `TestBackend` from the same `Screen` widget the loop draws.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use qari::tui::app::{App, Effect, Msg};
use qari::tui::effects::Stores;
use qari::tui::keymap::KeyMap;
use ratatui::buffer::Buffer;

use crate::support::{TODAY, run_searches};

/// A reader under test: its state, its keys and, if given, its stores.
pub struct Harness {
    /// The state, for the test to look at (and set up).
    pub app: App,
    /// The keys in effect.
    pub keymap: KeyMap,
    /// Where bookmarks and the reading state are written, if anywhere.
    pub stores: Option<Stores>,
}

#[allow(dead_code)]
impl Harness {
    /// The reader with the default keys and no stores: store changes are returned among
    /// the effects, not carried out.
    pub fn new(app: App) -> Self {
        Self {
            app,
            keymap: KeyMap::default(),
            stores: None,
        }
    }

    /// The reader writing to `stores`, with what they hold already loaded.
    pub fn with_stores(mut app: App, stores: Stores) -> Self {
        stores.load_into(&mut app);
        Self {
            app,
            keymap: KeyMap::default(),
            stores: Some(stores),
        }
    }

    /// Gives `msg` to the reader as the event loop does, answers the searches it asks
    /// for, carries out store changes (with stores), and returns the other effects.
    pub fn feed(&mut self, msg: Msg) -> Vec<Effect> {
        let effects = self.app.update(msg, &self.keymap, TODAY);
        let effects = run_searches(&mut self.app, effects);
        match &self.stores {
            None => effects,
            Some(stores) => {
                let (changes, others): (Vec<_>, Vec<_>) =
                    effects.into_iter().partition(Effect::is_store_change);
                stores.apply(&mut self.app, changes);
                others
            }
        }
    }

    /// Gives `msg` to the reader as the event loop does, as if the worker were busy: the
    /// effects come back as [`App::update`] returns them, the searches among them
    /// unanswered, and nothing is carried out.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.app.update(msg, &self.keymap, TODAY)
    }

    /// A key press with these modifiers.
    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
        self.feed(Msg::Key(KeyEvent::new(code, modifiers)))
    }

    /// A key press.
    pub fn key(&mut self, code: KeyCode) -> Vec<Effect> {
        self.key_with(code, KeyModifiers::NONE)
    }

    /// Ctrl and a letter.
    pub fn ctrl(&mut self, c: char) -> Vec<Effect> {
        self.key_with(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// Key presses, one after the other; their effects are dropped (store changes are
    /// still carried out).
    pub fn keys(&mut self, codes: &[KeyCode]) {
        for &code in codes {
            self.key(code);
        }
    }

    /// Each character of `text` as a key press: Tab and Esc as those keys, a newline
    /// as Enter.
    pub fn type_keys(&mut self, text: &str) {
        for c in text.chars() {
            let code = match c {
                '\t' => KeyCode::Tab,
                '\u{1b}' => KeyCode::Esc,
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            self.key(code);
        }
    }

    /// The whole screen, drawn as the event loop draws it.
    pub fn buffer(&self) -> Buffer {
        let area = self.app.layout.screen;
        let backend = ratatui::backend::TestBackend::new(area.width, area.height);
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        terminal
            .draw(|frame| {
                let screen = qari::tui::view::Screen {
                    app: &self.app,
                    keymap: &self.keymap,
                };
                frame.render_widget(screen, frame.area());
            })
            .unwrap();
        terminal.backend().buffer().clone()
    }

    /// The screen as text, a row per entry.
    pub fn rows(&self) -> Vec<String> {
        let buffer = self.buffer();
        let area = self.app.layout.screen;
        (0..area.height)
            .map(|y| (0..area.width).map(|x| buffer[(x, y)].symbol()).collect())
            .collect()
    }

    /// The screen as text, one row per line.
    pub fn screen(&self) -> String {
        self.rows().join("\n")
    }

    /// The status line: the bottom row.
    pub fn status_row(&self) -> String {
        self.rows().pop().unwrap_or_default()
    }
}
