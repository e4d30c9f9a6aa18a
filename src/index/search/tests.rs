use super::*;
use crate::article::Article;
use crate::corpus::load_sample;
use crate::corpus::sources::Outlets;
use crate::index::query::parse;

fn sample() -> (Vec<Article>, Index) {
    let articles = load_sample().articles;
    let index = Index::build(&articles);
    (articles, index)
}

fn query(text: &str) -> Query {
    parse(text, jiff::civil::date(2024, 12, 1), Outlets::embedded()).unwrap()
}

fn set(len: usize, members: &[u32]) -> Bitset {
    let mut set = Bitset::empty(len);
    for &n in members {
        set.insert(n);
    }
    set
}

fn with_bookmarks(bookmarked: &Bitset) -> SearchLimits<'_> {
    SearchLimits {
        bookmarked: Some(bookmarked),
        ..SearchLimits::default()
    }
}

fn sorted(mut found: Vec<u32>) -> Vec<u32> {
    found.sort_unstable();
    found
}

#[test]
fn is_bookmarked_finds_the_bookmarked_articles_and_its_negation_the_others() {
    let (articles, index) = sample();
    assert_eq!(articles.len(), 5);
    let bookmarked = set(5, &[1, 4]);
    let limits = with_bookmarks(&bookmarked);
    let found = index
        .search_within(&query("is:bookmarked"), Order::Date, limits)
        .unwrap();
    assert_eq!(sorted(found.clone()), [1, 4]);
    // In the same order as the unfiltered list.
    let all = index.search(&query(""), Order::Date).unwrap();
    let expected: Vec<u32> = all.iter().copied().filter(|n| [1, 4].contains(n)).collect();
    assert_eq!(found, expected);
    let others = index
        .search_within(&query("-is:bookmarked"), Order::Date, limits)
        .unwrap();
    assert_eq!(sorted(others), [0, 2, 3]);
    // Combined with a word: حميميم is in articles 0 and 1 only.
    let both = index
        .search_within(&query("حميميم is:bookmarked"), Order::Relevance, limits)
        .unwrap();
    assert_eq!(both, [1]);
    let neither = index
        .search_within(&query("-is:bookmarked حميميم"), Order::Date, limits)
        .unwrap();
    assert_eq!(neither, [0]);
}

#[test]
fn no_bookmarks_and_no_bookmarked_set_are_different_things() {
    let (_, index) = sample();
    let none = set(5, &[]);
    let limits = with_bookmarks(&none);
    assert_eq!(
        index.search_within(&query("is:bookmarked"), Order::Date, limits),
        Ok(vec![])
    );
    let all = index.search(&query(""), Order::Date).unwrap();
    assert_eq!(
        index.search_within(&query("-is:bookmarked"), Order::Date, limits),
        Ok(all)
    );
    for text in ["is:bookmarked", "-is:bookmarked", "حميميم is:bookmarked"] {
        let err = index.search(&query(text), Order::Date).unwrap_err();
        assert_eq!(err, SearchError::BookmarksUnavailable, "{text}");
        assert!(err.to_string().contains("could not be read"), "{err}");
    }
    // Queries that do not ask about bookmarks need no set.
    assert_eq!(
        sorted(index.search(&query("حميميم"), Order::Date).unwrap()),
        [0, 1]
    );
}

#[test]
fn a_bookmarked_set_of_another_size_neither_panics_nor_reaches_past_its_end() {
    let (_, index) = sample();
    let shorter = set(2, &[1]);
    let found = index.search_within(
        &query("is:bookmarked"),
        Order::Date,
        with_bookmarks(&shorter),
    );
    assert_eq!(found, Ok(vec![1]));
    let found = index.search_within(
        &query("-is:bookmarked"),
        Order::Date,
        with_bookmarks(&shorter),
    );
    assert_eq!(sorted(found.unwrap()), [0, 2, 3, 4]);
    let longer = set(200, &[3, 5, 130]);
    let found = index.search_within(
        &query("is:bookmarked"),
        Order::Date,
        with_bookmarks(&longer),
    );
    assert_eq!(found, Ok(vec![3]));
    let found = index.search_within(
        &query("-is:bookmarked"),
        Order::Date,
        with_bookmarks(&longer),
    );
    assert_eq!(sorted(found.unwrap()), [0, 1, 2, 4]);
}

#[test]
fn a_stop_signal_still_stops_a_search_with_bookmarks() {
    let (_, index) = sample();
    let bookmarked = set(5, &[0]);
    let stop = || true;
    let limits = SearchLimits {
        stop: Some(&stop),
        bookmarked: Some(&bookmarked),
    };
    assert_eq!(
        index.search_within(&query("is:bookmarked"), Order::Date, limits),
        Err(SearchError::Stopped)
    );
}
