//! Running the filter's queries off the UI thread, so that a slow query never freezes the
//! screen: a worker thread answers the newest query only, and a query that a newer one
//! supersedes is stopped where it stands.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};

use super::events::Event;
use crate::index::query::Query;
use crate::index::{Bitset, Index, Order, SearchError, SearchLimits};

/// A query to run, numbered so that its answer can be matched with it.
#[derive(Debug)]
pub struct SearchRequest {
    /// Higher is newer.
    pub generation: u64,
    /// What to find.
    pub query: Query,
    /// In which order.
    pub order: Order,
    /// Where.
    pub index: Arc<Index>,
    /// The articles with bookmarks, for `is:bookmarked`.
    pub bookmarked: Option<Arc<Bitset>>,
    /// The articles read, for `is:read` and `is:unread`.
    pub read: Option<Arc<Bitset>>,
}

/// What a [`SearchRequest`] found.
#[derive(Clone, Debug)]
pub struct SearchAnswer {
    /// The request's generation.
    pub generation: u64,
    /// The request's query, for painting its matches.
    pub query: Query,
    /// The articles found, in order.
    pub found: Result<Vec<u32>, SearchError>,
}

impl SearchRequest {
    /// Runs the query here, giving up when `stop` says so.
    pub fn run(self, stop: &(dyn Fn() -> bool + Sync)) -> SearchAnswer {
        let limits = SearchLimits {
            stop: Some(stop),
            bookmarked: self.bookmarked.as_deref(),
            read: self.read.as_deref(),
        };
        let found = self.index.search_within(&self.query, self.order, limits);
        SearchAnswer {
            generation: self.generation,
            query: self.query,
            found,
        }
    }
}

/// The worker thread that runs queries; answers arrive as [`Event::SearchDone`].
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    /// The generation of the newest request: older ones are skipped or stopped.
    newest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the worker; it ends when the worker is dropped.
    pub fn spawn(report: Sender<Event>) -> io::Result<Self> {
        let (requests, incoming) = mpsc::channel::<SearchRequest>();
        let newest = Arc::new(AtomicU64::new(0));
        let watched = Arc::clone(&newest);
        std::thread::Builder::new()
            .name("qari-search".into())
            .spawn(move || {
                while let Ok(mut request) = incoming.recv() {
                    // Only the last of the requests queued meanwhile is worth running.
                    while let Ok(newer) = incoming.try_recv() {
                        request = newer;
                    }
                    let generation = request.generation;
                    let superseded = || watched.load(Ordering::Relaxed) != generation;
                    if superseded() {
                        continue;
                    }
                    let answer = request.run(&superseded);
                    if matches!(answer.found, Err(SearchError::Stopped)) {
                        continue;
                    }
                    if report.send(Event::SearchDone(answer)).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Self { requests, newest })
    }

    /// Runs `request` as soon as the worker is free, stopping any older one.
    pub fn submit(&self, request: SearchRequest) {
        self.supersede(request.generation);
        // The worker only ends with the program; nothing to do if it has.
        let _ = self.requests.send(request);
    }

    /// Stops every request older than `generation`: their answers are no longer wanted
    /// (the filter changed, or was cleared).
    pub fn supersede(&self, generation: u64) {
        self.newest.store(generation, Ordering::Relaxed);
    }
}

/// Runs the searches `app` asks for, on this thread, as the worker would, and gives it
/// the answers; the other effects are returned. For tests and tools that drive an
/// [`App`](super::app::App) without the event loop.
pub fn settle(app: &mut super::app::App) -> Vec<super::app::Effect> {
    let mut others = Vec::new();
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return others;
        }
        for effect in effects {
            match effect {
                super::app::Effect::Search(request) => {
                    let answer = request.run(&|| false);
                    app.search_done(answer);
                }
                other => others.push(other),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::corpus::load_sample;
    use crate::corpus::sources::Outlets;
    use crate::index::query::{Mode, parse};

    fn typing(text: &str) -> Mode {
        Mode::Typing { cursor: text.len() }
    }

    fn request(index: &Arc<Index>, generation: u64, text: &str) -> SearchRequest {
        let today = jiff::civil::date(2024, 12, 1);
        SearchRequest {
            generation,
            // Typed into the bar, letter by letter.
            query: parse(text, typing(text), today, Outlets::embedded()).unwrap(),
            order: Order::Date,
            index: Arc::clone(index),
            bookmarked: None,
            read: None,
        }
    }

    #[test]
    fn the_worker_answers_the_newest_query_last_and_never_an_older_one_after_it() {
        let index = Arc::new(Index::build(&load_sample().articles));
        let (report, events) = mpsc::channel();
        let worker = SearchWorker::spawn(report).unwrap();
        let texts = [
            "س",
            "سو",
            "سور",
            "سوري",
            "سوريا",
            "\"قاعدة حميميم\"",
            "حميميم",
        ];
        for (generation, text) in (1..).zip(texts.iter().cycle().take(200)) {
            worker.submit(request(&index, generation, text));
        }
        let mut answered = Vec::new();
        loop {
            let Ok(Event::SearchDone(answer)) = events.recv_timeout(Duration::from_secs(10)) else {
                panic!("no answer for the newest query; answered {answered:?}");
            };
            answered.push(answer.generation);
            if answer.generation == 200 {
                let direct = request(&index, 200, texts[199 % texts.len()]);
                let expected = index.search(&direct.query, Order::Date).unwrap();
                assert_eq!(answer.found.unwrap(), expected);
                break;
            }
        }
        assert!(answered.is_sorted(), "{answered:?}");
        // Superseded ones were skipped, not all answered in turn.
        assert!(answered.len() < 200, "{answered:?}");
    }

    #[test]
    fn a_superseded_search_stops_where_it_stands() {
        let index = Arc::new(Index::build(&load_sample().articles));
        let answer = request(&index, 1, "\"قاعدة حميميم\" سوريا").run(&|| true);
        assert_eq!(answer.found, Err(SearchError::Stopped));
        let answer = request(&index, 1, "\"قاعدة حميميم\" سوريا").run(&|| false);
        assert_eq!(answer.found.unwrap().len(), 2);
    }
}
