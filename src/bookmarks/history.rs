//! The filters a user kept, `filters.json` beside the bookmarks and kept as safely:
//! what ↑ and ↓ walk in the filter bar, across restarts and across qari sessions.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::{Outcome, StoreError};
use super::file::{Change, Document, JsonFile};

/// How many filters are remembered; the oldest go first.
pub const HISTORY_LEN: usize = 100;

/// The filters kept, oldest first, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterHistory {
    /// The filters, oldest first.
    pub filters: Vec<String>,
}

impl Document for FilterHistory {
    const VERSION: u32 = 1;
}

impl FilterHistory {
    /// Remembers `filter` as the newest, once; says whether anything changed.
    pub fn remember(&mut self, filter: &str) -> bool {
        let filter = filter.trim();
        if filter.is_empty() || self.filters.last().map(String::as_str) == Some(filter) {
            return false;
        }
        self.filters.retain(|f| f != filter);
        self.filters.push(filter.to_owned());
        let extra = self.filters.len().saturating_sub(HISTORY_LEN);
        self.filters.drain(..extra);
        true
    }
}

/// The filter history on disk.
#[derive(Clone, Debug)]
pub struct HistoryStore {
    file: JsonFile,
}

impl HistoryStore {
    /// The store in `dir` (created on the first filter kept).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            file: JsonFile::new(dir, "filters"),
        }
    }

    /// The history as it is now.
    pub fn load(&self) -> Result<Outcome<FilterHistory>, StoreError> {
        self.file.load()
    }

    /// Remembers a filter; returns the whole history as it is now (with what other
    /// sessions kept meanwhile).
    pub fn remember(&self, filter: &str) -> Result<Outcome<FilterHistory>, StoreError> {
        self.file.update(|history: &mut FilterHistory| {
            Ok(if history.remember(filter) {
                Change::Save(history.clone())
            } else {
                Change::Keep(history.clone())
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_is_kept_once_newest_last_and_survives_a_new_store() {
        let dir = tempfile::tempdir().unwrap();
        let store = HistoryStore::in_dir(dir.path());
        store.remember("سوريا").unwrap();
        store.remember("src:sabq").unwrap();
        let history = store.remember(" سوريا ").unwrap().value;
        assert_eq!(history.filters, ["src:sabq", "سوريا"]);
        let again = HistoryStore::in_dir(dir.path()).load().unwrap().value;
        assert_eq!(again, history);
        let mut long = FilterHistory::default();
        for n in 0..HISTORY_LEN + 5 {
            long.remember(&n.to_string());
        }
        assert_eq!(long.filters.len(), HISTORY_LEN);
        assert_eq!(long.filters[0], "5");
    }
}
