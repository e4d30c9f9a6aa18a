//! Carrying out what the reader's state asks of the stores ([`Effect`]s): the bookmarks,
//! reading-state and filter-history files, each change written at once, and the state given the files'
//! new contents (which include what other qari sessions wrote meanwhile).

use super::app::{App, Effect};
use crate::bookmarks::{BookmarkStore, HistoryStore, Outcome, ReadingStore, StoreError};

/// The two files under the data folder.
pub struct Stores {
    bookmarks: BookmarkStore,
    reading: ReadingStore,
    history: HistoryStore,
}

impl Stores {
    /// The stores of the data folder (`QARI_DATA_DIR`, else the user's data folder).
    pub fn open() -> Result<Self, StoreError> {
        Ok(Self::in_dir(&crate::paths::data_dir()?))
    }

    /// The stores in `dir`.
    pub fn in_dir(dir: &std::path::Path) -> Self {
        Self {
            bookmarks: BookmarkStore::in_dir(dir),
            reading: ReadingStore::in_dir(dir),
            history: HistoryStore::in_dir(dir),
        }
    }

    /// Gives `app` what the files hold; a problem is shown on the status line.
    pub fn load_into(&self, app: &mut App) {
        match self.history.load() {
            Ok(outcome) => app.library.filters = report(app, outcome),
            Err(err) => app.status.message = Some(err.to_string()),
        }
        match self.bookmarks.load() {
            Ok(outcome) => {
                let bookmarks = report(app, outcome);
                app.set_bookmarks(bookmarks);
            }
            Err(err) => app.status.message = Some(err.to_string()),
        }
        match self.reading.load() {
            Ok(outcome) => {
                let state = report(app, outcome);
                app.set_reading(state);
            }
            Err(err) => app.status.message = Some(err.to_string()),
        }
    }

    /// Carries out the store changes among `effects`, in order, and gives `app` the
    /// files' new contents; other effects are not the stores' and are left alone.
    pub fn apply(&self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            let bookmarks = |result: Result<Outcome<()>, StoreError>, app: &mut App| match result
                .and_then(|_| self.bookmarks.load())
            {
                Ok(outcome) => {
                    let loaded = report(app, outcome);
                    app.set_bookmarks(loaded);
                }
                Err(err) => app.status.message = Some(err.to_string()),
            };
            let unit = |outcome: Outcome<_>| Outcome {
                value: (),
                moved_aside: outcome.moved_aside,
            };
            match effect {
                Effect::AddBookmark(new) => bookmarks(self.bookmarks.add(*new).map(unit), app),
                Effect::DeleteBookmark(id) => bookmarks(self.bookmarks.delete(&id).map(unit), app),
                Effect::RestoreBookmark(bookmark) => {
                    bookmarks(self.bookmarks.restore(*bookmark), app)
                }
                Effect::EditNote(id, note) => {
                    bookmarks(self.bookmarks.edit_note(&id, note).map(unit), app)
                }
                Effect::SetRead(id, read) => match self.reading.set_read(&id, read) {
                    Ok(outcome) => {
                        let state = report(app, outcome);
                        app.set_reading(state);
                    }
                    Err(err) => app.status.message = Some(err.to_string()),
                },
                Effect::SetPosition(id, position) => {
                    match self.reading.set_position(&id, position) {
                        Ok(outcome) => {
                            let state = report(app, outcome);
                            app.set_reading(state);
                        }
                        Err(err) => app.status.message = Some(err.to_string()),
                    }
                }
                Effect::RememberFilter(filter) => match self.history.remember(&filter) {
                    Ok(outcome) => app.library.filters = report(app, outcome),
                    Err(err) => app.status.message = Some(err.to_string()),
                },
                Effect::ReadBookmarks => bookmarks(
                    Ok(Outcome {
                        value: (),
                        moved_aside: None,
                    }),
                    app,
                ),
                _ => {}
            }
        }
    }
}

/// The value of `outcome`, telling the user when a corrupt file was moved aside.
fn report<T>(app: &mut App, outcome: Outcome<T>) -> T {
    if let Some(moved) = outcome.moved_aside {
        app.status.message = Some(moved.to_string());
    }
    outcome.value
}
