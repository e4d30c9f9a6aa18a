//! Who has the keyboard: one modal state over the two panes, and the layer it gives.
//! Everything that reads keys besides the panes — the filter bar, a note being typed,
//! the help, the load errors, the bookmarks pane — is one variant here, so that two of
//! them can never both think they have the keyboard.

use super::App;
use super::bookmarking::{BookmarksPane, NoteInput};
use crate::tui::geometry::Pane;

/// What is open over the panes, if anything.
#[derive(Debug, Default)]
pub enum Modal {
    /// Nothing: the focused pane has the keyboard.
    #[default]
    None,
    /// The filter bar is being typed in.
    Filter,
    /// The keys and what they do, at this page.
    Help {
        /// The page shown, from 0.
        page: usize,
    },
    /// The files that could not be loaded.
    LoadErrors {
        /// How many problems are scrolled past.
        scroll: usize,
    },
    /// The bookmarks pane.
    Bookmarks(BookmarksPane),
    /// A note being typed, over the bookmarks pane when it was opened from there.
    Note {
        /// The note and what it is for.
        input: NoteInput,
        /// The pane to go back to when the note is done.
        over: Option<BookmarksPane>,
    },
}

/// Who a key goes to: a pane or what is open over it. Each has its own keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    /// The article list.
    List,
    /// The reader.
    Reader,
    /// The filter bar, being typed in.
    Filter,
    /// The help overlay.
    Help,
    /// The load errors panel.
    LoadErrors,
    /// The bookmarks pane.
    Bookmarks,
    /// The bookmarks pane's own filter, being typed in.
    BookmarksFilter,
    /// A note being typed.
    Note,
}

impl App {
    /// Who has the keyboard: decided here and nowhere else.
    pub fn layer(&self) -> Layer {
        match &self.modal {
            Modal::None => match self.layout.focus {
                Pane::List => Layer::List,
                Pane::Reader => Layer::Reader,
            },
            Modal::Filter => Layer::Filter,
            Modal::Help { .. } => Layer::Help,
            Modal::LoadErrors { .. } => Layer::LoadErrors,
            Modal::Bookmarks(pane) if pane.filtering => Layer::BookmarksFilter,
            Modal::Bookmarks(_) => Layer::Bookmarks,
            Modal::Note { .. } => Layer::Note,
        }
    }

    /// Whether the filter bar is being typed in.
    pub fn is_filtering(&self) -> bool {
        matches!(self.modal, Modal::Filter)
    }

    /// Whether a box covers the panes (help, load errors, bookmarks, a note over them):
    /// the panes then take neither keys nor the mouse.
    pub fn is_covered(&self) -> bool {
        !matches!(self.modal, Modal::None | Modal::Filter)
    }

    /// The bookmarks pane, when it is open (a note may be typed over it).
    pub fn bookmarks_pane(&self) -> Option<&BookmarksPane> {
        match &self.modal {
            Modal::Bookmarks(pane) => Some(pane),
            Modal::Note { over, .. } => over.as_ref(),
            _ => None,
        }
    }

    /// The note being typed, if any.
    pub fn note_input(&self) -> Option<&NoteInput> {
        match &self.modal {
            Modal::Note { input, .. } => Some(input),
            _ => None,
        }
    }
}
