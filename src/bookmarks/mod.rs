//! Bookmarked passages and reading state, kept so that they are never lost (DESIGN §5).
//!
//! - [`body`]: the logical body that offsets count in, its paragraph map and hash.
//! - [`anchor`](mod@anchor): finding a passage again after the text changed.
//! - `fuzzy`: the strict approximate match that anchoring tries last.
//! - [`model`]: what a bookmark is.
//! - [`store`]: the bookmarks file, changed by deltas under a lock.
//! - [`reading`]: read/unread and the last reading position of each article.
//! - [`lookup`]: a bookmark's article in the corpus, by id or by content hash.
//! - `file`: the locked, atomic read-merge-write that both files share.
//! - [`error`]: what can go wrong, and what was moved aside.
//!
//! Nothing here draws or reads keys: the reader calls these and shows the results.

pub mod anchor;
pub mod body;
pub mod error;
mod file;
mod fuzzy;
pub mod history;
pub mod lookup;
pub mod model;
pub mod reading;
pub mod store;

pub use anchor::{Anchor, AnchorHow, CONTEXT_CHARS, Position, Quote, anchor};
pub use body::{ArticleHash, BodyPlace, LogicalBody, PARAGRAPH_SEPARATOR, ParaOffset};
pub use error::{MovedAside, Outcome, Problem, StoreError};
pub use history::{FilterHistory, HistoryStore};
pub use lookup::{ArticleLookup, FoundBy};
pub use model::{ArticleSnapshot, Bookmark, BookmarkId, NewBookmark, PassageError};
pub use reading::{ReadingPosition, ReadingState, ReadingStore};
pub use store::BookmarkStore;
