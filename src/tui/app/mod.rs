//! The reader's state and how commands change it. No I/O happens here: the event loop
//! feeds commands and sizes in, and the views draw whatever state results.

use ratatui::layout::Rect;

use super::command::Command;
use super::geometry::{Areas, Pane};
use std::sync::Arc;

use super::filter::Filter;
use std::collections::HashMap;

use super::selection::{Selection, SelectionUnit};
use super::theme::Theme;
use crate::article::{Article, BodyView, sort_newest_first};
use crate::bookmarks::{Bookmark, ReadingState};
use crate::corpus::{Corpus, Skipped};
use crate::index::query::Query;
use crate::index::{Index, Order};
use crate::text::{Alignment, BaseDirection, BidiMode, LayoutOptions, Shaping, Tashkeel};

mod bookmarking;
mod filtering;
mod modal;
mod mouse;
mod navigation;
mod passages;
mod reading;
mod reload;
mod update;

pub use bookmarking::{BookmarksPane, NoteInput, NoteTarget};
pub use modal::{Layer, Modal};
pub use mouse::{Mouse, MouseAction};
pub use update::{Effect, Msg};

pub use super::reader::{Direction, Jump, LineKind, Match, Reader, ReaderLine};

/// How text is drawn, as chosen on the command line and toggled by keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Display {
    /// Who reorders.
    pub bidi: BidiMode,
    /// Whether letters are shaped.
    pub shaping: Shaping,
    /// Whether harakat are drawn.
    pub tashkeel: Tashkeel,
}

impl Display {
    /// Layout options for a given width, aligned by paragraph direction.
    pub fn layout(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            bidi: self.bidi,
            shaping: self.shaping,
            tashkeel: self.tashkeel,
            base: BaseDirection::Auto,
            alignment: Alignment::ByDirection,
        }
    }
}

/// Everything the reader shows.
#[derive(Debug)]
pub struct App {
    /// The articles, newest first; shared with the thread that indexes them.
    pub articles: Arc<Vec<Article>>,
    /// The list's rows: article numbers that pass the filter, in the chosen order.
    pub shown: Vec<u32>,
    /// The search index, once built.
    pub index: Option<Arc<Index>>,
    /// The filter bar.
    pub filter: Filter,
    /// The order of filtered results.
    pub order: Order,
    /// The filter as last parsed, for painting its words in the reader.
    pub query: Option<Query>,
    /// The highlighted row of the list (an index into `shown`).
    pub selected: usize,
    /// Which pane has the keyboard.
    pub focus: Pane,
    /// The open article, if any.
    pub reader: Option<Reader>,
    /// What is open over the panes, if anything: with [`App::layer`], who has the
    /// keyboard.
    pub modal: Modal,
    /// Whether boilerplate is shown.
    pub body_view: BodyView,
    /// The files that could not be loaded.
    pub skipped: Vec<Skipped>,
    /// A short message for the status line, cleared by the next key.
    pub message: Option<String>,
    /// How text is drawn.
    pub display: Display,
    /// The whole screen.
    pub screen: Rect,
    /// How far the index build has got, in percent, while there is no index.
    pub index_progress: u8,
    /// The newest filter change: a search answer for an older one is dropped.
    search_generation: u64,
    /// Whether the answer to the newest search is still to come.
    searching: bool,
    /// Whether the filter's text does not parse (its error is shown in the bar).
    filter_malformed: bool,
    /// The passage being selected in the reader, if any.
    pub selection: Option<Selection>,
    /// Every bookmark in the store.
    pub bookmarks: Vec<Bookmark>,
    /// Article number → its bookmarks (indices into `bookmarks`).
    pub bookmarked_articles: HashMap<usize, Vec<usize>>,
    /// What has been read, and where.
    reading: ReadingState,
    /// Per article, whether it has been read: asked for every row of every frame, so
    /// kept beside the state rather than looked up by id each time.
    read: Vec<bool>,
    /// What the event loop is to do, in order: see [`App::update`].
    effects: Vec<Effect>,
    /// Colours and attributes of marks.
    pub theme: Theme,
    /// How days are written (strftime).
    pub date_format: String,
    /// Today, as of the last message: what `date:2w` counts back from.
    today: jiff::civil::Date,
}

impl App {
    /// A new reader on a corpus, with the first article open beside the list.
    pub fn new(corpus: Corpus, display: Display, screen: Rect) -> Self {
        let mut articles = corpus.articles;
        sort_newest_first(&mut articles);
        let shown = (0..articles.len() as u32).collect();
        let mut app = Self {
            articles: Arc::new(articles),
            shown,
            index: None,
            filter: Filter::default(),
            order: Order::Date,
            query: None,
            skipped: corpus.skipped,
            selected: 0,
            focus: Pane::List,
            reader: None,
            modal: Modal::None,
            body_view: BodyView::Clean,
            message: None,
            display,
            screen,
            index_progress: 0,
            search_generation: 0,
            searching: false,
            filter_malformed: false,
            selection: None,
            bookmarks: Vec::new(),
            bookmarked_articles: HashMap::new(),
            reading: ReadingState::default(),
            read: Vec::new(),
            effects: Vec::new(),
            theme: Theme::default(),
            date_format: "%Y-%m-%d".to_owned(),
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
        self.shown.get(self.selected).map(|&n| n as usize)
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
        Areas::new(self.screen, self.focus)
    }

    /// The terminal changed size: lay the open article out again, keeping its top line.
    pub fn resize(&mut self, screen: Rect) {
        self.screen = screen;
        // Grown from one pane into the split layout: the reader shows the selection.
        self.relayout();
        self.follow_selection();
    }

    /// Applies one command.
    pub fn handle(&mut self, command: Command) {
        self.message = None;
        if let Modal::Help { page } = &mut self.modal
            && command == Command::PageDown
        {
            *page += 1;
            return;
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
        if self.selection.is_some() && self.focus == Pane::Reader {
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
                self.body_view = match self.body_view {
                    BodyView::Clean => BodyView::Raw,
                    BodyView::Raw => BodyView::Clean,
                };
                // Its sentences are those of the other view.
                self.selection = None;
                self.message = Some(
                    match self.body_view {
                        BodyView::Raw => "raw text: boilerplate shown",
                        BodyView::Clean => "boilerplate hidden",
                    }
                    .to_owned(),
                );
                self.relayout();
            }
            Command::ToggleBidi => {
                self.display.bidi = match self.display.bidi {
                    BidiMode::App => BidiMode::Terminal,
                    BidiMode::Terminal => BidiMode::App,
                };
                self.effects.push(Effect::SetBidi(self.display.bidi));
                self.message = Some(
                    match self.display.bidi {
                        BidiMode::App => "qari orders Arabic",
                        BidiMode::Terminal => "the terminal orders Arabic",
                    }
                    .to_owned(),
                );
                self.relayout();
            }
            Command::ToggleTashkeel => {
                self.display.tashkeel = match self.display.tashkeel {
                    Tashkeel::Shown => Tashkeel::Hidden,
                    Tashkeel::Hidden => Tashkeel::Shown,
                };
                self.message = Some(
                    match self.display.tashkeel {
                        Tashkeel::Shown => "tashkeel shown",
                        Tashkeel::Hidden => "tashkeel hidden",
                    }
                    .to_owned(),
                );
                self.relayout();
            }
            Command::SwitchPane => self.focus_pane(match self.focus {
                Pane::List => Pane::Reader,
                Pane::Reader => Pane::List,
            }),
            Command::Back => {
                self.remember_position();
                self.focus_pane(Pane::List);
            }
            Command::Open if self.focus == Pane::List => {
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
                self.filter.cursor = self.filter.text.len();
                self.focus_pane(Pane::List);
            }
            Command::Sort => {
                self.order = match self.order {
                    Order::Date => Order::Relevance,
                    Order::Relevance => Order::Date,
                };
                self.message = Some(
                    match self.order {
                        Order::Date => "sorted newest first",
                        Order::Relevance => "sorted best match first",
                    }
                    .to_owned(),
                );
                self.refilter();
            }
            Command::Open => {}
            _ => match self.focus {
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
        self.focus = pane;
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
        let width = Areas::new(self.screen, Pane::Reader)
            .reader_text()
            .map_or(0, |a| usize::from(a.width));
        let options = self.display.layout(width.max(1));
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let article = &self.articles[reader.article];
        reader.lay_out(article, self.body_view, &options);
        reader.find_matches(article, self.query.as_ref(), self.index.as_deref());
        self.mark_bookmarked_lines();
        let max = self.max_scroll();
        if let Some(reader) = self.reader.as_mut() {
            reader.clamp_scroll(max);
        }
    }
}
