//! `qari list` in the order found, printed while the corpus loads: each batch of articles
//! is written (and flushed) as it arrives, so that the first line comes out before a
//! large corpus, or a pipe still being written, is read to its end. With `--limit` the
//! load stops once enough lines are out.

use std::io;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::time::Instant;

use super::{Marks, Printer, report_load_time};
use crate::bookmarks::ReadingState;
use crate::cli::{CliError, report_skips, write_stdout};
use crate::corpus::{self, Batch, LoadOptions};

/// Loads `paths` (none: the embedded sample) and prints every article as it comes.
pub(super) fn run(
    paths: &[PathBuf],
    printer: &Printer<'_>,
    reading: Option<&ReadingState>,
    started: Instant,
) -> Result<(), CliError> {
    let limit = printer.args.limit.unwrap_or(usize::MAX);
    let mut loaded = 0;
    write_stdout(|out| {
        let mut failed = None;
        let mut print = |batch: Batch| {
            report_skips(&batch.skipped);
            loaded += batch.articles.len();
            let room = limit.saturating_sub(loaded - batch.articles.len());
            let written = batch.articles.iter().take(room).try_for_each(|article| {
                let marks = Marks {
                    bookmarks: 0,
                    read: reading.is_some_and(|state| state.is_read(&article.id)),
                };
                printer.print(out, article, marks)
            });
            // Flushed batch by batch: a reader of the pipe sees the lines as they come.
            match written.and_then(|()| out.flush()) {
                Err(err) => {
                    failed = Some(err);
                    ControlFlow::Break(())
                }
                Ok(()) if loaded > 0 && loaded >= limit => ControlFlow::Break(()),
                Ok(()) => ControlFlow::Continue(()),
            }
        };
        if paths.is_empty() {
            let sample = corpus::load_sample();
            let _ = print(Batch {
                progress: corpus::Progress {
                    articles: sample.articles.len(),
                    skipped: 0,
                },
                articles: sample.articles,
                skipped: sample.skipped,
            });
        } else {
            corpus::load_with(paths, LoadOptions::default(), print);
        }
        failed.map_or(Ok(()), Err::<(), io::Error>)
    })?;
    if loaded == 0 {
        return Err(anyhow::anyhow!("no article could be loaded").into());
    }
    if printer.args.stats {
        report_load_time(loaded, started.elapsed());
    }
    Ok(())
}
