//! The parts the reader's state is made of, one concept each: the list and its filter,
//! the index, the library of bookmarks and reading state, how text looks, the status
//! line, and where the panes are. [`App`](super::App) holds one of each.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::arrival::LoadProgress;
use crate::article::BodyView;
use crate::bookmarks::{Bookmark, FilterHistory, ReadingState};
use crate::corpus::Skipped;
use crate::corpus::dates::DateLocale;
use crate::index::query::Query;
use crate::index::{Index, Order};
use crate::text::{Alignment, BaseDirection, BidiMode, LayoutOptions, Shaping, Tashkeel};
use crate::tui::filter::Filter;
use crate::tui::geometry::Pane;
use crate::tui::theme::Theme;

/// The article list: which articles pass the filter, in what order, and which row is
/// highlighted.
#[derive(Debug)]
pub struct ListState {
    /// The rows: article numbers that pass the filter, in the chosen order.
    pub shown: Vec<u32>,
    /// The highlighted row (an index into `shown`).
    pub selected: usize,
    /// The order of filtered results.
    pub order: Order,
    /// The filter bar's text.
    pub filter: Filter,
    /// The filter as last parsed, for painting its words in the reader.
    pub query: Option<Query>,
    /// The searches the filter asked for.
    pub search: SearchState,
    /// Which kept filter ↑ and ↓ have put in the bar (an index into the history).
    pub history_at: Option<usize>,
}

impl ListState {
    /// Every article of `count`, newest first, unfiltered.
    pub fn all(count: usize) -> Self {
        Self {
            shown: (0..count as u32).collect(),
            selected: 0,
            order: Order::Date,
            filter: Filter::default(),
            query: None,
            search: SearchState::default(),
            history_at: None,
        }
    }
}

/// Where the filter's searches stand.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The newest filter change: a search answer for an older one is dropped.
    pub generation: u64,
    /// Whether the answer to the newest search is still to come.
    pub waiting: bool,
    /// Whether the filter's text parsed and its search ran, and if not why.
    pub status: FilterStatus,
}

/// How the filter's last text fared: the status line says so, and the list keeps the
/// last answer of a text that did parse.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FilterStatus {
    /// The text parses, or there is none.
    #[default]
    Parsed,
    /// The text does not parse; the message says why and where.
    Malformed(String),
    /// Enter on a text that does not parse: the bar keeps the keyboard until the text
    /// is fixed or Esc clears it.
    Refused(String),
    /// The text parsed, but its search could not be answered.
    Failed(String),
}

impl FilterStatus {
    /// What the status line says, if anything.
    pub fn message(&self) -> Option<String> {
        match self {
            FilterStatus::Parsed => None,
            FilterStatus::Malformed(why) | FilterStatus::Failed(why) => Some(why.clone()),
            FilterStatus::Refused(why) => Some(format!("{why} (Esc clears)")),
        }
    }

    /// Whether the text does not parse.
    pub fn is_malformed(&self) -> bool {
        matches!(self, FilterStatus::Malformed(_) | FilterStatus::Refused(_))
    }
}

/// The search index, or how far its build has got.
#[derive(Debug, Default)]
pub struct IndexState {
    /// The index, once built.
    pub ready: Option<Arc<Index>>,
    /// How far the build has got, in percent, while there is no index.
    pub progress: u8,
}

/// The bookmarks and the reading state, as the stores last gave them.
#[derive(Debug, Default)]
pub struct Library {
    /// Every bookmark in the store.
    pub bookmarks: Vec<Bookmark>,
    /// Article number → its bookmarks (indices into `bookmarks`).
    pub bookmarked_articles: HashMap<usize, Vec<usize>>,
    /// Where each bookmark's passage is now, in `bookmarks` order: worked out when the
    /// bookmarks or the articles change, not on every frame.
    pub places: Vec<Place>,
    /// What has been read, and where.
    pub reading: ReadingState,
    /// Per article, whether it has been read: asked for every row of every frame, so
    /// kept beside the state rather than looked up by id each time.
    pub read: Vec<bool>,
    /// The filters kept, oldest first: what ↑ and ↓ walk in the filter bar.
    pub filters: FilterHistory,
}

/// Where a bookmark's passage is among the articles loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// In article number `article`, at this char range of its logical body.
    Found {
        /// The article's number.
        article: usize,
        /// The passage's chars in the article's logical body.
        range: std::ops::Range<usize>,
    },
    /// Its article is loaded, but the passage is no longer in it.
    Orphaned,
    /// Its article is not among those loaded.
    NotLoaded,
}

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

/// How the reader looks: text drawing, boilerplate, colours, dates.
#[derive(Debug)]
pub struct Look {
    /// How text is drawn.
    pub display: Display,
    /// Whether boilerplate is shown.
    pub body_view: BodyView,
    /// Colours and attributes of marks.
    pub theme: Theme,
    /// How days are written (strftime).
    pub date_format: String,
    /// Whose month and weekday names the format writes.
    pub date_locale: DateLocale,
}

/// What the status line says besides the counts.
#[derive(Debug, Default)]
pub struct Status {
    /// A short message, cleared by the next key.
    pub message: Option<String>,
    /// The files that could not be loaded.
    pub skipped: Vec<Skipped>,
    /// How far the corpus has been read, while it is still being read.
    pub loading: Option<LoadProgress>,
}

/// The screen and which pane has the focus: what the areas are cut from.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// The whole screen.
    pub screen: Rect,
    /// Which pane has the keyboard.
    pub focus: Pane,
}
