//! Reading the corpus on a thread while the reader runs, so that the first frame never
//! waits for it: what is read is reported to the event loop as [`Arrival`]s, the last
//! one saying that everything is in.

use std::io;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, Instant};

use super::app::{Arrival, LoadEnd, LoadProgress};
use super::events::Event;
use crate::corpus::{self, LoadOptions};

/// Where the reader's articles come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CorpusSource {
    /// The sample compiled into qari.
    Sample,
    /// Files and folders.
    Paths(Vec<PathBuf>),
}

/// How often the reader is given what arrived: often enough that the list visibly
/// grows, seldom enough that merging batches into it costs little.
const REPORT_EVERY: Duration = Duration::from_millis(100);

/// Starts reading `source` on a thread that reports to `report`: the first articles at
/// once, then what arrived every [`REPORT_EVERY`], then the rest with the end.
pub fn spawn(source: CorpusSource, report: Sender<Event>) -> io::Result<()> {
    thread::Builder::new()
        .name("qari-load".into())
        .spawn(move || {
            let started = Instant::now();
            let mut pending = Arrival::default();
            let mut last_report: Option<Instant> = None;
            let send = |arrival: Arrival| {
                // The reader may have gone meanwhile: then reading can stop.
                report.send(Event::Arrived(Box::new(arrival))).is_ok()
            };
            let paths = match source {
                CorpusSource::Sample => {
                    let corpus = corpus::load_sample();
                    send(Arrival {
                        progress: LoadProgress {
                            articles: corpus.articles.len(),
                            elapsed: started.elapsed(),
                        },
                        articles: corpus.articles,
                        skipped: corpus.skipped,
                        end: LoadEnd::Finished,
                    });
                    return;
                }
                CorpusSource::Paths(paths) => paths,
            };
            corpus::load_with(&paths, LoadOptions::default(), |batch| {
                pending.articles.extend(batch.articles);
                pending.skipped.extend(batch.skipped);
                pending.progress = LoadProgress {
                    articles: batch.progress.articles,
                    elapsed: started.elapsed(),
                };
                if last_report.is_some_and(|at| at.elapsed() < REPORT_EVERY) {
                    return ControlFlow::Continue(());
                }
                last_report = Some(Instant::now());
                match send(std::mem::take(&mut pending)) {
                    true => ControlFlow::Continue(()),
                    false => ControlFlow::Break(()),
                }
            });
            pending.progress.elapsed = started.elapsed();
            pending.end = LoadEnd::Finished;
            send(pending);
        })?;
    Ok(())
}
