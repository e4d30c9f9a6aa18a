//! The reader's state and how messages change it. No I/O happens here: the event loop
//! feeds messages in through [`App::update`], carries out the effects that come back,
//! and the views draw whatever state results.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::geometry::{Areas, Pane};
use super::selection::{Selection, SelectionUnit};
use super::theme::Theme;
use crate::article::{Article, BodyView, sort_newest_first};
use crate::config::commands::Command;
use crate::corpus::Corpus;
use crate::corpus::dates::DateLocale;
use crate::index::Order;
use crate::text::{BidiMode, Tashkeel};

mod arrival;
mod bookmarking;
mod filtering;
mod modal;
mod mouse;
mod navigation;
mod passages;
mod reading;
mod reload;
mod state;
mod update;

pub use arrival::{Arrival, LoadEnd, LoadProgress};
pub use bookmarking::{BookmarksPane, NoteInput, NoteTarget};
pub use modal::{Layer, Modal};
pub use mouse::{Mouse, MouseAction};
pub use state::{
    Display, FilterStatus, IndexState, Layout, Library, ListState, Look, Place, SearchState, Status,
};
pub use update::{Effect, Msg};

pub use super::reader::{Direction, Jump, LineKind, Match, Reader, ReaderLine};

/// Everything the reader shows: one part per concept (see [`state`]).
#[derive(Debug)]
pub struct App {
    /// The articles, newest first; shared with the thread that indexes them.
    pub articles: Arc<Vec<Article>>,
    /// The list, its filter and its searches.
    pub list: ListState,
    /// The search index.
    pub index: IndexState,
    /// The open article, if any.
    pub reader: Option<Reader>,
    /// The passage being selected in the reader, if any.
    pub selection: Option<Selection>,
    /// What is open over the panes, if anything: with [`App::layer`], who has the
    /// keyboard.
    pub modal: Modal,
    /// Bookmarks and reading state.
    pub library: Library,
    /// How text is drawn.
    pub look: Look,
    /// The status line's message and the files skipped.
    pub status: Status,
    /// The screen and the focus.
    pub layout: Layout,
    /// What the event loop is to do, in order: see [`App::update`].
    effects: Vec<Effect>,
    /// Today, as of the last message: what `date:2w` counts back from.
    today: jiff::civil::Date,
}

impl App {
    /// A new reader on a corpus, with the first article open beside the list.
    pub fn new(corpus: Corpus, display: Display, screen: Rect) -> Self {
        let mut articles = corpus.articles;
        sort_newest_first(&mut articles);
        let count = articles.len();
        let mut app = Self {
            articles: Arc::new(articles),
            list: ListState::all(count),
            index: IndexState::default(),
            reader: None,
            selection: None,
            modal: Modal::None,
            library: Library::default(),
            look: Look {
                display,
                body_view: BodyView::Clean,
                theme: Theme::default(),
                date_format: DateLocale::default().default_format().to_owned(),
                date_locale: DateLocale::default(),
            },
            status: Status {
                message: None,
                skipped: corpus.skipped,
                loading: None,
            },
            layout: Layout {
                screen,
                focus: Pane::List,
            },
            effects: Vec::new(),
            today: jiff::civil::Date::default(),
        };
        app.refresh_read();
        if !app.articles.is_empty() {
            app.open(0);
        }
        app
    }

    /// The article on the highlighted row.
    pub fn selected_article(&self) -> Option<usize> {
        self.list.shown.get(self.list.selected).map(|&n| n as usize)
    }

    /// In the split layout the reader shows the highlighted article.
    fn follow_selection(&mut self) {
        if let Some(article) = self.selected_article()
            && self.areas().reader.is_some()
            && self.reader.as_ref().map(|r| r.article) != Some(article)
        {
            self.open(article);
        }
    }

    /// The areas of the current screen.
    pub fn areas(&self) -> Areas {
        Areas::new(self.layout.screen, self.layout.focus)
    }

    /// The terminal changed size: lay the open article out again, keeping its top line.
    pub fn resize(&mut self, screen: Rect) {
        self.layout.screen = screen;
        // Grown from one pane into the split layout: the reader shows the selection.
        self.relayout();
        self.follow_selection();
    }

    /// Applies one command.
    pub fn handle(&mut self, command: Command) {
        self.status.message = None;
        if let Modal::Help { page } = &mut self.modal
            && command == Command::PageDown
        {
            *page += 1;
            return;
        }
        // The load errors scroll (the view keeps the scroll within the lines it has).
        if let Modal::LoadErrors { scroll } = &mut self.modal {
            let step = match command {
                Command::MoveDown => Some(1isize),
                Command::MoveUp => Some(-1),
                Command::PageDown => Some(8),
                Command::PageUp => Some(-8),
                _ => None,
            };
            if let Some(step) = step {
                *scroll = scroll.saturating_add_signed(step);
                return;
            }
        }
        if matches!(self.modal, Modal::Help { .. } | Modal::LoadErrors { .. }) {
            // Any key closes an overlay; only quitting and redrawing also act.
            self.modal = Modal::None;
            match command {
                Command::Quit => self.effects.push(Effect::Quit),
                Command::Redraw => self.effects.push(Effect::Repaint),
                _ => {}
            }
            return;
        }
        if self.selection.is_some() && self.layout.focus == Pane::Reader {
            match command {
                Command::Back => {
                    self.selection = None;
                    return;
                }
                Command::MoveDown | Command::MoveUp => {
                    self.extend_selection(command);
                    return;
                }
                _ => {}
            }
        }
        match command {
            Command::Quit => self.effects.push(Effect::Quit),
            Command::Help => self.modal = Modal::Help { page: 0 },
            // The terminal's contents may have been spoiled by another program.
            Command::Redraw => self.effects.push(Effect::Repaint),
            Command::SelectSentences => self.select(SelectionUnit::Sentence),
            Command::SelectParagraphs => self.select(SelectionUnit::Paragraph),
            Command::Copy => self.copy_passage(),
            Command::CopyUrl => self.copy_url(),
            Command::Bookmark => self.bookmark(false),
            Command::BookmarkWithNote => self.bookmark(true),
            Command::Bookmarks => self.toggle_bookmarks_pane(),
            Command::ToggleRead => self.toggle_read(),
            Command::NextUnread => self.jump_to_unread(true),
            Command::PreviousUnread => self.jump_to_unread(false),
            Command::LoadErrors => self.modal = Modal::LoadErrors { scroll: 0 },
            Command::ToggleRaw => {
                self.look.body_view = match self.look.body_view {
                    BodyView::Clean => BodyView::Raw,
                    BodyView::Raw => BodyView::Clean,
                };
                // Its sentences are those of the other view.
                self.selection = None;
                self.status.message = Some(
                    match self.look.body_view {
                        BodyView::Raw => "raw text: boilerplate shown",
                        BodyView::Clean => "boilerplate hidden",
                    }
                    .to_owned(),
                );
                self.relayout();
            }
            Command::ToggleBidi => {
                self.look.display.bidi = match self.look.display.bidi {
                    BidiMode::App => BidiMode::Terminal,
                    BidiMode::Terminal => BidiMode::App,
                };
                self.effects.push(Effect::SetBidi(self.look.display.bidi));
                self.status.message = Some(
                    match self.look.display.bidi {
                        BidiMode::App => "qari orders Arabic",
                        BidiMode::Terminal => "the terminal orders Arabic",
                    }
                    .to_owned(),
                );
                self.relayout();
            }
            Command::ToggleTashkeel => {
                self.look.display.tashkeel = match self.look.display.tashkeel {
                    Tashkeel::Shown => Tashkeel::Hidden,
                    Tashkeel::Hidden => Tashkeel::Shown,
                };
                self.status.message = Some(
                    match self.look.display.tashkeel {
                        Tashkeel::Shown => "tashkeel shown",
                        Tashkeel::Hidden => "tashkeel hidden",
                    }
                    .to_owned(),
                );
                self.relayout();
            }
            Command::SwitchPane => self.focus_pane(match self.layout.focus {
                Pane::List => Pane::Reader,
                Pane::Reader => Pane::List,
            }),
            Command::Back => {
                self.remember_position();
                self.focus_pane(Pane::List);
            }
            Command::Open if self.layout.focus == Pane::List => {
                if let Some(article) = self.selected_article() {
                    if self.reader.as_ref().map(|r| r.article) != Some(article) {
                        self.open(article);
                    }
                    self.focus_pane(Pane::Reader);
                    self.start_reading();
                }
            }
            Command::NextMatch => self.jump_to_match(Direction::Forward),
            Command::PreviousMatch => self.jump_to_match(Direction::Backward),
            Command::Filter => {
                self.modal = Modal::Filter;
                self.list.filter.cursor = self.list.filter.text.len();
                self.focus_pane(Pane::List);
            }
            Command::Sort => {
                self.list.order = match self.list.order {
                    Order::Date => Order::Relevance,
                    Order::Relevance => Order::Date,
                };
                self.status.message = Some(
                    match self.list.order {
                        Order::Date => "sorted newest first",
                        Order::Relevance => "sorted best match first",
                    }
                    .to_owned(),
                );
                self.refilter();
            }
            Command::Open => {}
            _ => match self.layout.focus {
                Pane::List => self.move_in_list(command),
                Pane::Reader => self.scroll_reader(command),
            },
        }
    }

    fn focus_pane(&mut self, pane: Pane) {
        if pane == Pane::Reader && self.reader.is_none() {
            return;
        }
        let width_before = self.areas().reader_text().map(|a| a.width);
        self.layout.focus = pane;
        if self.areas().reader_text().map(|a| a.width) != width_before {
            self.relayout();
        }
    }

    fn open(&mut self, article: usize) {
        if self.reader.as_ref().is_some_and(|r| r.article != article) {
            self.remember_position();
        }
        self.selection = None;
        self.reader = Some(Reader::new(article));
        self.relayout();
    }

    /// Lays the open article out for the reader's width (the width it would have when
    /// focused, so that the narrow layout's hidden reader is ready too), keeping the text
    /// that was at the top of the pane at the top, and finds the query's matches in it.
    fn relayout(&mut self) {
        let width = Areas::new(self.layout.screen, Pane::Reader)
            .reader_text()
            .map_or(0, |a| usize::from(a.width));
        let options = self.look.display.layout(width.max(1));
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let article = &self.articles[reader.article];
        reader.lay_out(article, self.look.body_view, &options);
        reader.find_matches(
            article,
            self.list.query.as_ref(),
            self.index.ready.as_deref(),
        );
        self.mark_bookmarked_lines();
        let max = self.max_scroll();
        if let Some(reader) = self.reader.as_mut() {
            reader.clamp_scroll(max);
        }
    }
}
