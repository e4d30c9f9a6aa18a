//! Reading the corpus on a thread while the reader runs, so that the first frame never
//! waits for it: what is read is reported to the event loop as [`Arrival`]s, the last
//! one saying that everything is in.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Instant;

use super::app::{Arrival, LoadEnd, LoadProgress};
use super::events::Event;
use crate::corpus;

/// Where the reader's articles come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusSource {
    /// The sample compiled into qari.
    Sample,
    /// Files and folders.
    Paths(Vec<PathBuf>),
}

/// Starts reading `source` on a thread that reports to `report`.
pub fn spawn(source: CorpusSource, report: Sender<Event>) -> io::Result<()> {
    thread::Builder::new()
        .name("qari-load".into())
        .spawn(move || {
            let started = Instant::now();
            let corpus = match &source {
                CorpusSource::Sample => corpus::load_sample(),
                CorpusSource::Paths(paths) => corpus::load_paths(paths),
            };
            let progress = LoadProgress {
                articles: corpus.articles.len(),
                elapsed: started.elapsed(),
            };
            // The reader may have gone meanwhile: nobody is left to tell.
            let _ = report.send(Event::Arrived(Box::new(Arrival {
                articles: corpus.articles,
                skipped: corpus.skipped,
                progress,
                end: LoadEnd::Finished,
            })));
        })?;
    Ok(())
}
