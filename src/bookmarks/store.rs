//! The bookmarks file, `bookmarks.json` in the data folder: each change (add, delete,
//! edit a note, restore a deleted one) is a delta applied under the lock to the file as
//! it is at that moment, so that two qari processes never lose each other's bookmarks.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::{Outcome, StoreError};
use super::file::{Change, Document, JsonFile};
use super::{Bookmark, BookmarkId, NewBookmark};

/// The bookmarks file's content.
#[derive(Default, Serialize, Deserialize)]
struct BookmarksFile {
    bookmarks: Vec<Bookmark>,
}

/// The format version of `bookmarks.json` this qari writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

impl Document for BookmarksFile {
    const VERSION: u32 = FORMAT_VERSION;
}

impl BookmarksFile {
    /// Where the bookmark with this id is; it may have been deleted by another qari.
    fn index_of(&self, id: &BookmarkId) -> Result<usize, StoreError> {
        self.bookmarks
            .iter()
            .position(|b| &b.id == id)
            .ok_or_else(|| StoreError::NoSuchBookmark(id.to_string()))
    }
}

/// The bookmarks of one data folder. Holds no copy of them: every call reads the file.
#[derive(Clone, Debug)]
pub struct BookmarkStore {
    file: JsonFile,
}

impl BookmarkStore {
    /// The store in `dir` (created on the first change).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            file: JsonFile::new(dir, "bookmarks"),
        }
    }

    /// The store in qari's data folder ([`crate::paths::data_dir`]).
    pub fn open() -> Result<Self, StoreError> {
        Ok(Self::in_dir(&crate::paths::data_dir()?))
    }

    /// The file it keeps them in.
    pub fn path(&self) -> &Path {
        self.file.path()
    }

    /// Every bookmark, oldest first.
    pub fn load(&self) -> Result<Outcome<Vec<Bookmark>>, StoreError> {
        let Outcome { value, moved_aside } = self.file.load::<BookmarksFile>()?;
        Ok(Outcome {
            value: value
                .bookmarks
                .into_iter()
                .map(Bookmark::sanitized)
                .collect(),
            moved_aside,
        })
    }

    /// Adds a bookmark and returns it, with its new id and times.
    pub fn add(&self, new: NewBookmark) -> Result<Outcome<Bookmark>, StoreError> {
        self.file.update(|file: &mut BookmarksFile| {
            let id = loop {
                let id = BookmarkId::random().map_err(StoreError::Random)?;
                if !file.bookmarks.iter().any(|b| b.id == id) {
                    break id;
                }
            };
            let now = jiff::Timestamp::now();
            let bookmark = Bookmark {
                id,
                article_id: new.article_id,
                article_hash: new.article_hash,
                article: new.article,
                quote: new.quote,
                position: new.position,
                note: new.note,
                created: now,
                updated: now,
            };
            file.bookmarks.push(bookmark.clone());
            Ok(Change::Save(bookmark))
        })
    }

    /// Deletes a bookmark and returns it, so that it can be restored (undo).
    pub fn delete(&self, id: &BookmarkId) -> Result<Outcome<Bookmark>, StoreError> {
        self.file.update(|file: &mut BookmarksFile| {
            let at = file.index_of(id)?;
            Ok(Change::Save(file.bookmarks.remove(at)))
        })
    }

    /// Sets or clears (`None` or empty) a bookmark's note and returns the bookmark.
    pub fn edit_note(
        &self,
        id: &BookmarkId,
        note: Option<String>,
    ) -> Result<Outcome<Bookmark>, StoreError> {
        let note = note.and_then(|n| super::model::clean_note(&n));
        self.file.update(|file: &mut BookmarksFile| {
            let at = file.index_of(id)?;
            let bookmark = &mut file.bookmarks[at];
            if bookmark.note == note {
                return Ok(Change::Keep(bookmark.clone()));
            }
            bookmark.note = note;
            bookmark.updated = jiff::Timestamp::now();
            Ok(Change::Save(bookmark.clone()))
        })
    }

    /// Puts back a deleted bookmark, in its place by creation time. Nothing happens when
    /// a bookmark with its id is already there (restored by another qari).
    pub fn restore(&self, bookmark: Bookmark) -> Result<Outcome<()>, StoreError> {
        self.file.update(|file: &mut BookmarksFile| {
            if file.bookmarks.iter().any(|b| b.id == bookmark.id) {
                return Ok(Change::Keep(()));
            }
            let at = file
                .bookmarks
                .partition_point(|b| b.created <= bookmark.created);
            file.bookmarks.insert(at, bookmark);
            Ok(Change::Save(()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::{ArticleLookup, FoundBy, LogicalBody};

    fn sample() -> Vec<crate::article::Article> {
        crate::corpus::load_sample().articles
    }

    fn new_bookmark(article: &crate::article::Article, note: &str) -> NewBookmark {
        let body = LogicalBody::of(article);
        NewBookmark::new(article, &body, 3..20, Some(note.to_owned())).unwrap()
    }

    #[test]
    fn delete_restore_and_edit_work_by_id_across_stores() {
        let dir = tempfile::tempdir().unwrap();
        let (one, two) = (
            BookmarkStore::in_dir(dir.path()),
            BookmarkStore::in_dir(dir.path()),
        );
        let articles = sample();
        let a = one.add(new_bookmark(&articles[0], "a")).unwrap().value;
        let b = two.add(new_bookmark(&articles[1], "b")).unwrap().value;
        assert_ne!(a.id, b.id);
        let deleted = one.delete(&a.id).unwrap().value;
        assert_eq!(deleted, a);
        assert!(matches!(
            two.edit_note(&a.id, Some("x".into())),
            Err(StoreError::NoSuchBookmark(_))
        ));
        two.restore(deleted.clone()).unwrap();
        one.restore(deleted).unwrap();
        let ids: Vec<_> = one
            .load()
            .unwrap()
            .value
            .into_iter()
            .map(|b| b.id)
            .collect();
        assert_eq!(
            ids,
            vec![a.id.clone(), b.id.clone()],
            "restored once, in its place"
        );
        let edited = two.edit_note(&b.id, Some("ملاحظة".into())).unwrap().value;
        assert_eq!(edited.note.as_deref(), Some("ملاحظة"));
        assert!(edited.updated >= edited.created);
        let cleared = one.edit_note(&b.id, Some(String::new())).unwrap().value;
        assert_eq!(cleared.note, None);
        assert_eq!(one.load().unwrap().value[1], cleared);
    }

    #[test]
    fn a_moved_article_is_found_by_its_hash_and_its_passage_anchored() {
        let articles = sample();
        let dir = tempfile::tempdir().unwrap();
        let store = BookmarkStore::in_dir(dir.path());
        let bookmark = store.add(new_bookmark(&articles[2], "n")).unwrap().value;
        let mut moved = articles.clone();
        moved[2].id = crate::article::ArticleId::new("elsewhere/renamed.txt");
        let lookup = ArticleLookup::new(&moved);
        assert_eq!(lookup.find(&bookmark), Some((2, FoundBy::Hash)));
        assert_eq!(
            ArticleLookup::new(&articles).find(&bookmark),
            Some((2, FoundBy::Id))
        );
        assert_eq!(ArticleLookup::new(&moved[..2]).find(&bookmark), None);
        assert_eq!(
            bookmark.anchor(&LogicalBody::of(&moved[2])),
            crate::bookmarks::Anchor::Anchored {
                range: 3..20,
                how: crate::bookmarks::AnchorHow::Unchanged
            }
        );
    }
}
