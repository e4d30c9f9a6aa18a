//! The corpus arriving while the reader runs (issue: the first frame at once): the first
//! frame before any article, batches put in their places newest first, the highlight,
//! the open article, read marks and bookmarks kept on their articles as others arrive,
//! the index asked for once everything is in, and a real terminal drawn at once.

use std::time::Duration;

use crossterm::event::KeyCode;
use qari::article::Article;
use qari::corpus::{Corpus, load_sample};
use qari::tui::app::{App, Arrival, Display, Effect, LoadEnd, LoadProgress, Msg};
use qari::tui::effects::Stores;
use ratatui::layout::Rect;

use crate::harness::Harness;
use crate::support::asks;
use crate::tmux::{Tmux, qari_command};

/// A reader with nothing read yet, as qari starts.
fn starting() -> App {
    let mut app = App::new(
        Corpus::default(),
        Display::default(),
        Rect::new(0, 0, 100, 30),
    );
    app.status.loading = Some(LoadProgress::default());
    app
}

fn batch(articles: &[Article], end: LoadEnd, read: usize) -> Msg {
    Msg::Arrived(Box::new(Arrival {
        articles: articles.to_vec(),
        skipped: Vec::new(),
        progress: LoadProgress {
            articles: read,
            elapsed: Duration::from_millis(500),
        },
        end,
    }))
}

fn ids(app: &App) -> Vec<String> {
    app.articles.iter().map(|a| a.id.to_string()).collect()
}

/// The sample in the order it was found, cut into three batches.
fn sample_batches() -> [Vec<Article>; 3] {
    let found = load_sample().articles;
    [
        found[..2].to_vec(),
        found[2..3].to_vec(),
        found[3..].to_vec(),
    ]
}

#[test]
fn the_first_frame_is_drawn_before_any_article_and_says_it_is_loading() {
    let h = Harness::new(starting());
    let status = h.status_row();
    assert!(status.contains("loading 0 articles…"), "{status}");
    assert!(!status.contains("no articles"), "{status}");
    assert!(h.screen().contains("Articles · 0"), "{}", h.screen());
}

#[test]
fn batches_end_in_the_order_a_whole_load_gives_and_then_the_index_is_asked_for() {
    let whole = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    let mut h = Harness::new(starting());
    let [first, second, third] = sample_batches();
    let effects = h.feed(batch(&first, LoadEnd::More, 2));
    assert!(!asks(&effects, |e| matches!(e, Effect::IndexArticles)));
    assert_eq!(h.app.articles.len(), 2);
    // The first article is open at once, and the status line counts and rates.
    assert!(h.app.reader.is_some());
    let status = h.status_row();
    assert!(status.contains("loading 2 articles… 4/s"), "{status}");
    assert!(status.contains("article 1 of 2"), "{status}");
    h.feed(batch(&second, LoadEnd::More, 3));
    let effects = h.feed(batch(&third, LoadEnd::Finished, 5));
    assert!(asks(&effects, |e| matches!(e, Effect::IndexArticles)));
    assert_eq!(ids(&h.app), ids(&whole));
    assert!(!h.app.is_loading());
    let status = h.status_row();
    assert!(!status.contains("loading"), "{status}");
    // The list shows every article, newest first, as a whole load's does.
    assert_eq!(h.app.list.shown, whole.list.shown);
}

#[test]
fn an_untouched_list_keeps_its_top_and_a_moved_highlight_keeps_its_article() {
    let [first, second, third] = sample_batches();
    // Untouched: the top row is the newest article so far, whatever arrives.
    let mut h = Harness::new(starting());
    h.feed(batch(&third, LoadEnd::More, 2));
    h.feed(batch(&first, LoadEnd::More, 4));
    assert_eq!(h.app.list.selected, 0);
    let newest = h.app.articles[0].id.clone();
    assert_eq!(h.app.reader.as_ref().map(|r| r.article), Some(0));
    assert_eq!(h.app.articles[0].id, newest);

    // Moved: the highlight stays on its article as newer ones arrive above it.
    let mut h = Harness::new(starting());
    h.feed(batch(&third, LoadEnd::More, 2));
    h.key(KeyCode::Down);
    let chosen = h.app.articles[h.app.selected_article().unwrap()].id.clone();
    h.feed(batch(&first, LoadEnd::More, 4));
    h.feed(batch(&second, LoadEnd::Finished, 5));
    let now = h.app.selected_article().unwrap();
    assert_eq!(h.app.articles[now].id, chosen);
    assert_eq!(h.app.reader.as_ref().map(|r| r.article), Some(now));
}

#[test]
fn the_open_article_and_its_read_mark_stay_with_it_as_others_arrive() {
    let [first, second, third] = sample_batches();
    let mut h = Harness::new(starting());
    h.feed(batch(&third, LoadEnd::More, 2));
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    let open = h.app.reader.as_ref().unwrap().article;
    let id = h.app.articles[open].id.clone();
    assert!(h.app.is_read(open));
    h.key(KeyCode::Char('j'));
    let scroll = h.app.reader.as_ref().unwrap().scroll;
    h.feed(batch(&first, LoadEnd::More, 4));
    h.feed(batch(&second, LoadEnd::Finished, 5));
    let reader = h.app.reader.as_ref().unwrap();
    assert_eq!(h.app.articles[reader.article].id, id);
    assert_eq!(reader.scroll, scroll);
    assert!(h.app.is_read(reader.article));
    let unread = (0..h.app.articles.len()).filter(|&n| !h.app.is_read(n));
    assert_eq!(unread.count(), 4);
}

#[test]
fn bookmarks_find_their_articles_when_those_arrive() {
    let dir = tempfile::tempdir().unwrap();
    // A bookmark made on the whole sample.
    let app = App::new(load_sample(), Display::default(), Rect::new(0, 0, 100, 30));
    let mut h = Harness::with_stores(app, Stores::in_dir(dir.path()));
    h.keys(&[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    h.keys(&[KeyCode::Char('v'), KeyCode::Char('b')]);
    assert_eq!(
        h.app.library.bookmarks.len(),
        1,
        "{:?}",
        h.app.status.message
    );
    let marked = h.app.articles[h.app.reader.as_ref().unwrap().article]
        .id
        .clone();
    let places = h.app.library.places.clone();

    // The next start: the store is read before any article is.
    let mut h = Harness::with_stores(starting(), Stores::in_dir(dir.path()));
    assert_eq!(
        h.app.library.places,
        [qari::tui::app::Place::NotLoaded],
        "nothing is loaded yet"
    );
    for (i, part) in sample_batches().iter().enumerate() {
        let end = if i == 2 {
            LoadEnd::Finished
        } else {
            LoadEnd::More
        };
        h.feed(batch(part, end, 0));
    }
    assert_eq!(h.app.library.places, places);
    let (&article, _) = h.app.library.bookmarked_articles.iter().next().unwrap();
    assert_eq!(h.app.articles[article].id, marked);
}

#[test]
fn in_a_terminal_the_reader_is_drawn_while_a_big_corpus_is_still_being_read() {
    let corpus = crate::support::repo_file("../shared/corpus/saudinewsnet");
    let tmux = Tmux::start(100, 30);
    let data = tempfile::tempdir().unwrap();
    tmux.type_line(&format!(
        "QARI_DATA_DIR='{}' {}",
        data.path().display(),
        qari_command(&[&corpus])
    ));
    // Drawn at once: the status line says it is loading before the list is complete.
    let loading = tmux.wait_for(|s| s.contains("loading") || s.contains("31,030 unread"));
    assert!(loading.contains(" articles…"), "{loading}");
    assert!(!loading.contains("Articles · 31,030"), "{loading}");
    // Keys work as soon as there are articles, and the highlight stays on the article
    // they put it on, however many arrive around it.
    tmux.wait_for(|s| s.contains("article 1 of"));
    tmux.keys(&["Down"]);
    let moved = tmux.wait_for(|s| s.contains("article 2 of"));
    let highlighted = |screen: &str| {
        let row = screen.lines().find(|l| l.starts_with('▌')).unwrap_or("");
        row.split('│').next().unwrap_or("").to_owned()
    };
    let chosen = highlighted(&moved);
    assert!(!chosen.is_empty(), "{moved}");
    let done = tmux.wait_for(|s| s.contains(" of 31,030") && !s.contains("loading"));
    assert!(done.contains("Articles · 31,030"), "{done}");
    assert_eq!(highlighted(&done), chosen, "{done}");
    tmux.keys(&["q"]);
    tmux.wait_for(|s| s.contains("QARI-EXITED-0"));
}
