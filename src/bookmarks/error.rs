//! What can go wrong with a store file, in words that say which file and what to do.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::paths::PathsError;

/// Why a store could not be read or changed. Nothing is ever overwritten on an error.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but cannot be read (permissions, I/O error). It is left alone,
    /// and no change is saved until it can be read.
    #[error(
        "cannot read {}: {source}; it was left as it is, and no change can be saved until qari can read it",
        .path.display()
    )]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// Writing, locking or creating the folder failed; the file is as it was.
    #[error("cannot save {}: {source}; the file is as it was", .path.display())]
    Unwritable {
        /// The file or folder.
        path: PathBuf,
        /// The system's reason.
        source: io::Error,
    },
    /// The file cannot be understood and could not be moved aside (no write access).
    #[error(
        "{} is not a file qari can read ({problem}); it was left as it is because it could not be moved aside: {source}",
        .path.display()
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: Problem,
        /// Why it could not be moved.
        source: io::Error,
    },
    /// No bookmark has this id (it may have been deleted by another qari).
    #[error("no bookmark has the id `{0}`")]
    NoSuchBookmark(String),
    /// No random numbers for a new id.
    #[error("cannot make a bookmark id: {0}")]
    Random(getrandom::Error),
    /// qari does not know where its data folder is.
    #[error(transparent)]
    Paths(#[from] PathsError),
}

/// What is wrong with a store file that cannot be understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but not the fields qari expects.
    WrongShape(String),
    /// Written by a newer qari, in a format this one does not know.
    FutureVersion {
        /// The file's version.
        found: u64,
        /// The newest this qari reads.
        supported: u32,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotJson(err) => write!(f, "not JSON: {err}"),
            Problem::WrongShape(err) => write!(f, "not the expected fields: {err}"),
            Problem::FutureVersion { found, supported } => write!(
                f,
                "format version {found}, newer than the version {supported} this qari reads"
            ),
        }
    }
}

/// A file that could not be understood and was moved aside, so that a fresh one could
/// be started without losing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovedAside {
    /// Where it was.
    pub from: PathBuf,
    /// Where it is now, content untouched.
    pub to: PathBuf,
    /// What was wrong with it.
    pub problem: Problem,
}

impl fmt::Display for MovedAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} was not a file qari can read ({}); it was moved aside to {} and a new one started",
            self.from.display(),
            self.problem,
            self.to.display()
        )
    }
}

/// A result, and the file moved aside on the way if there was one (to be reported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome<T> {
    /// What was asked for.
    pub value: T,
    /// The corrupt file found and moved aside, if any.
    pub moved_aside: Option<MovedAside>,
}
