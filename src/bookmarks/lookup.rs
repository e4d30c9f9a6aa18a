//! Finding a bookmark's article in the loaded corpus: by its id, else (the file moved or
//! was renamed) by the content hash of its logical body. The hashes are computed only the
//! first time an id is missing.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::{ArticleHash, Bookmark, LogicalBody};
use crate::article::Article;

/// How a bookmark's article was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundBy {
    /// Its id.
    Id,
    /// The hash of its text: the article's id changed.
    Hash,
}

/// The articles of a corpus, indexed for bookmarks.
pub struct ArticleLookup<'a> {
    articles: &'a [Article],
    by_id: HashMap<&'a str, usize>,
    by_hash: OnceCell<HashMap<ArticleHash, usize>>,
}

impl<'a> ArticleLookup<'a> {
    /// Indexes `articles` by id.
    pub fn new(articles: &'a [Article]) -> Self {
        Self {
            articles,
            by_id: articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.as_str(), i))
                .collect(),
            by_hash: OnceCell::new(),
        }
    }

    /// The index (in the slice given) of the bookmark's article, and how it was found.
    pub fn find(&self, bookmark: &Bookmark) -> Option<(usize, FoundBy)> {
        if let Some(&i) = self.by_id.get(bookmark.article_id.as_str()) {
            return Some((i, FoundBy::Id));
        }
        let by_hash = self.by_hash.get_or_init(|| {
            let mut map = HashMap::new();
            for (i, article) in self.articles.iter().enumerate() {
                // The first of identical articles keeps the hash.
                map.entry(LogicalBody::of(article).hash()).or_insert(i);
            }
            map
        });
        by_hash
            .get(&bookmark.article_hash)
            .map(|&i| (i, FoundBy::Hash))
    }
}
