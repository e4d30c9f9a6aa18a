//! The tree evaluated on the sample (five articles: 0 and 1 of 2021-01-18, 1 from Enab
//! Baladi; 2 from Al-Watan (Syria), undated; 3 of 2024-11-13; 4 undated, no outlet).

use super::*;
use crate::article::Article;
use crate::corpus::load_sample;
use crate::corpus::sources::Outlets;
use crate::index::query::{Mode, parse};

fn sample() -> (Vec<Article>, Index) {
    let articles = load_sample().articles;
    let index = Index::build(&articles);
    (articles, index)
}

fn query(text: &str) -> Query {
    query_on(text, jiff::civil::date(2024, 12, 1))
}

fn query_on(text: &str, today: jiff::civil::Date) -> Query {
    parse(text, Mode::Exact, today, Outlets::embedded()).unwrap()
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

fn with_read(read: &Bitset) -> SearchLimits<'_> {
    SearchLimits {
        read: Some(read),
        ..SearchLimits::default()
    }
}

/// The sample's articles that `text` finds (read exactly), by number.
fn found(index: &Index, text: &str) -> Vec<u32> {
    sorted(index.search(&query(text), Order::Date).unwrap())
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
        read: Some(&bookmarked),
    };
    for text in [
        "is:bookmarked",
        "is:unread",
        "كيري OR -(طهران src:okaz)",
        "--",
    ] {
        assert_eq!(
            index.search_within(&query(text), Order::Date, limits),
            Err(SearchError::Stopped),
            "{text}"
        );
    }
}

#[test]
fn or_is_either_and_binds_tighter_than_and() {
    let (_, index) = sample();
    assert_eq!(found(&index, "كيري"), [4]);
    assert_eq!(found(&index, "طهران"), [1, 2]);
    assert_eq!(found(&index, "كيري OR طهران"), [1, 2, 4]);
    assert_eq!(found(&index, "طهران OR كيري"), [1, 2, 4]);
    // x a OR b = x AND (a OR b): حميميم is in 0 and 1.
    assert_eq!(found(&index, "حميميم كيري OR طهران"), [1]);
    assert_eq!(found(&index, "(حميميم كيري) OR طهران"), [1, 2]);
    // An OR of a word in no article is the other side.
    assert_eq!(found(&index, "كيري OR غيرموجود"), [4]);
}

#[test]
fn groups_and_negated_groups() {
    let (_, index) = sample();
    assert_eq!(found(&index, "موسكو"), [0, 1, 2, 4]);
    assert_eq!(found(&index, "واشنطن"), [3, 4]);
    assert_eq!(found(&index, "-(كيري OR طهران)"), [0, 3]);
    // Neither both of them nor none.
    assert_eq!(found(&index, "-(موسكو واشنطن)"), [0, 1, 2, 3]);
    assert_eq!(found(&index, "-(موسكو OR واشنطن)"), Vec::<u32>::new());
    assert_eq!(found(&index, "موسكو -(حميميم OR كيري)"), [2]);
    // A double exclusion is the thing itself.
    assert_eq!(found(&index, "-(-كيري)"), [4]);
    // Every article with موسكو or without واشنطن.
    assert_eq!(found(&index, "موسكو OR -واشنطن"), [0, 1, 2, 4]);
}

#[test]
fn a_prefix_asked_for_with_a_star_and_a_word_read_exactly() {
    let (_, index) = sample();
    assert_eq!(found(&index, "حميم*"), [0, 1]);
    assert_eq!(found(&index, "حميم"), Vec::<u32>::new());
    assert_eq!(found(&index, "-حميم*"), [2, 3, 4]);
    let typing = parse(
        "حميم",
        Mode::Typing { cursor: 8 },
        jiff::civil::date(2024, 12, 1),
        Outlets::embedded(),
    );
    assert_eq!(
        sorted(index.search(&typing.unwrap(), Order::Date).unwrap()),
        [0, 1]
    );
}

#[test]
fn sources_listed_with_commas_are_either() {
    let (_, index) = sample();
    assert_eq!(found(&index, "src:enabbaladi"), [1]);
    assert_eq!(found(&index, "src:enabbaladi,alwatan-sy"), [1, 2]);
    assert_eq!(found(&index, "src:عنب,\"الوطن السورية\""), [1, 2]);
    assert_eq!(found(&index, "-src:enabbaladi,alwatan-sy"), [0, 3, 4]);
    assert_eq!(
        found(&index, "src:enabbaladi,alwatan-sy"),
        found(&index, "src:enabbaladi OR src:alwatan-sy")
    );
}

#[test]
fn relative_dates_in_weeks() {
    let (_, index) = sample();
    // Article 3 is of 2024-11-13.
    let search =
        |text: &str, today| sorted(index.search(&query_on(text, today), Order::Date).unwrap());
    let today = jiff::civil::date(2024, 11, 20);
    assert_eq!(search("date:2w", today), [3]);
    assert_eq!(search("date:1w", today), Vec::<u32>::new());
    assert_eq!(search("date:1w", jiff::civil::date(2024, 11, 19)), [3]);
    // Undated articles are in no period, and so in every exclusion of one.
    assert_eq!(search("-date:2w", today), [0, 1, 2, 4]);
}

#[test]
fn words_with_nothing_searchable_match_nothing() {
    let (_, index) = sample();
    for text in ["--", "…", "،", "-", "*", "\"… —\"", "موسكو --"] {
        assert_eq!(found(&index, text), Vec::<u32>::new(), "{text:?}");
    }
    // Excluding nothing leaves everything; either nothing or a word is the word.
    assert_eq!(found(&index, "-…"), [0, 1, 2, 3, 4]);
    assert_eq!(found(&index, "-- OR كيري"), [4]);
    // Not highlighted anywhere either.
    let all = load_sample().articles;
    assert!(index.highlights(&query("--"), &all[0].title).is_empty());
}

#[test]
fn is_read_and_is_unread_use_the_read_set() {
    let (_, index) = sample();
    let read = set(5, &[0, 3]);
    let limits = with_read(&read);
    let search = |text: &str| {
        sorted(
            index
                .search_within(&query(text), Order::Date, limits)
                .unwrap(),
        )
    };
    assert_eq!(search("is:read"), [0, 3]);
    assert_eq!(search("is:unread"), [1, 2, 4]);
    assert_eq!(search("-is:read"), [1, 2, 4]);
    assert_eq!(search("-is:unread"), [0, 3]);
    assert_eq!(search("حميميم is:unread"), [1]);
    assert_eq!(search("is:read OR كيري"), [0, 3, 4]);
    // A set built for another corpus neither panics nor reaches past its end.
    let shorter = set(2, &[1]);
    let found = index.search_within(&query("is:unread"), Order::Date, with_read(&shorter));
    assert_eq!(sorted(found.unwrap()), [0, 2, 3, 4]);
    // No read set: the reading state could not be read.
    for text in ["is:read", "-is:unread", "a OR (b -is:read)"] {
        let err = index.search(&query(text), Order::Date).unwrap_err();
        assert_eq!(err, SearchError::ReadingUnavailable, "{text}");
        assert!(
            err.to_string().contains("reading state could not be read"),
            "{err}"
        );
    }
}

#[test]
fn only_words_under_no_dash_rank_and_are_highlighted() {
    let (articles, index) = sample();
    let title = &articles[4].title;
    let spans = |text: &str| -> Vec<&str> {
        index
            .highlights(&query(text), title)
            .into_iter()
            .map(|range| &title[range])
            .collect()
    };
    assert_eq!(spans("كيري"), ["كيري"]);
    assert_eq!(spans("كيري OR طهران"), ["كيري"]);
    assert_eq!(spans("(كيري موسكو)"), ["كيري", "موسكو"]);
    assert_eq!(spans("-كيري"), Vec::<&str>::new());
    assert_eq!(spans("-(كيري OR موسكو) حميميم"), Vec::<&str>::new());
    // Relevance with an excluded word ranks by the others, and finds the same articles.
    let by_relevance = index
        .search(&query("موسكو -كيري"), Order::Relevance)
        .unwrap();
    assert_eq!(sorted(by_relevance), [0, 1, 2]);
}
