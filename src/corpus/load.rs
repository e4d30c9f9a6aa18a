//! Loading articles from the paths the user gave: walking folders, reading files, ZIP
//! archives and standard input as streams, on worker threads, and handing the articles
//! over in batches as they are read, in the order of the final corpus. Nothing here stops
//! a load: each file or entry that cannot be read is recorded with its reason and the
//! rest goes on.
//!
//! The parts: [`walk`] finds the inputs and gives them their ids, [`read`] turns one input
//! into raw entries (cut by [`split`], UTF-16 transcoded by [`utf16`]), [`entry`] builds an
//! article from a raw entry, [`pool`] runs the workers and [`order`] puts their results
//! back in order.

mod entry;
mod order;
mod pool;
mod read;
mod split;
mod utf16;
mod walk;

use std::num::NonZeroUsize;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc;

pub use walk::SpecialKind;

use super::decode::decode;
use super::{Corpus, SkipReason, Skipped};
use crate::article::Article;
use crate::text::sanitize;
use pool::Inputs;

/// The most text one article may have (16 MiB, in UTF-8); a longer one is reported and
/// skipped. It is a limit per article, not per file: JSON arrays, JSON Lines and ZIP
/// archives of any size are read as streams.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// The most bytes of one entry (a text file, a JSON value, a line) held in memory before
/// it is given up as too large. Above [`MAX_ARTICLE_BYTES`] because escapes, markup and
/// fields qari does not read make the raw form larger than the text it gives.
const MAX_ENTRY_BYTES: usize = 4 * MAX_ARTICLE_BYTES;

/// How large an article that was too large is, as far as qari read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleSize {
    /// Its size in bytes.
    Exactly(u64),
    /// Reading stopped after this many bytes: there is more.
    MoreThan(u64),
}

impl std::fmt::Display for ArticleSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArticleSize::Exactly(bytes) => write!(f, "{bytes} bytes"),
            ArticleSize::MoreThan(bytes) => write!(f, "more than {bytes} bytes"),
        }
    }
}

/// How a load runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Threads reading and building articles.
    pub workers: NonZeroUsize,
}

impl Default for LoadOptions {
    /// As many workers as the machine runs threads at once.
    fn default() -> Self {
        Self {
            workers: std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
        }
    }
}

/// Articles and skipped files as they were read. Batches come in corpus order:
/// appending them one after the other gives the [`Corpus`] that [`load_paths`] returns.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// The next articles, in order.
    pub articles: Vec<Article>,
    /// The next files and entries that could not be loaded, in order.
    pub skipped: Vec<Skipped>,
    /// How far the load is, this batch included.
    pub progress: Progress,
}

/// How much of a load has been handed over so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Articles handed over.
    pub articles: usize,
    /// Files and entries reported as skipped.
    pub skipped: usize,
}

/// Loads every article under the given paths. Folders are walked recursively (hidden
/// entries skipped, symbolic-link loops detected) for `.txt`, `.md`, `.json`, `.jsonl`
/// and `.zip` files; a file named directly is read whatever its extension (as text unless
/// it says otherwise); `-` is standard input. Ids are paths relative to the path given,
/// with `#n` for the n-th entry of a JSON array or JSON Lines file.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    let mut corpus = Corpus::default();
    load_with(paths, LoadOptions::default(), |batch| {
        corpus.articles.extend(batch.articles);
        corpus.skipped.extend(batch.skipped);
        ControlFlow::Continue(())
    });
    corpus
}

/// Loads what [`load_paths`] loads, handing each batch to `sink` as soon as it is ready
/// (on the calling thread), until everything is read or `sink` breaks: then the workers
/// stop at their next entry.
pub fn load_with(
    paths: &[PathBuf],
    options: LoadOptions,
    sink: impl FnMut(Batch) -> ControlFlow<()>,
) {
    pool::run(Inputs::Paths(paths), options, sink);
}

/// Loads what [`load_paths`] loads on a thread of its own, sending the batches as they
/// are ready; the channel closes when the load is done. Dropping the receiver stops it.
pub fn stream(paths: Vec<PathBuf>, options: LoadOptions) -> std::io::Result<mpsc::Receiver<Batch>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("qari-load".into())
        .spawn(move || {
            load_with(&paths, options, |batch| match sender.send(batch) {
                Ok(()) => ControlFlow::Continue(()),
                Err(_) => ControlFlow::Break(()),
            });
        })?;
    Ok(receiver)
}

/// Loads `bytes` as [`load_paths`] loads a file at the relative path `name` (or standard
/// input, for `-`), without touching the disk.
pub(super) fn load_named_bytes(name: &str, bytes: &[u8]) -> Corpus {
    let mut corpus = Corpus::default();
    let options = LoadOptions {
        workers: NonZeroUsize::MIN,
    };
    pool::run(Inputs::Memory { name, bytes }, options, |batch| {
        corpus.articles.extend(batch.articles);
        corpus.skipped.extend(batch.skipped);
        ControlFlow::Continue(())
    });
    corpus
}

/// Decodes standard input for `qari show -`.
pub fn load_stdin(bytes: &[u8]) -> Result<String, SkipReason> {
    decode(bytes).map(|(text, _)| sanitize(&text))
}

#[cfg(test)]
mod tests;
