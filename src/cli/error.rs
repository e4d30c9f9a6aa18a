//! What can stop a command, in two kinds that the exit code tells apart (DESIGN §6): a
//! command line that asks for something impossible (2), and a failure while doing what
//! was asked (1). The binary's `main` turns the kind into the code; nothing else here
//! decides an exit code.

use crate::bookmarks::{PassageError, StoreError};
use crate::corpus::FindError;
use crate::index::SearchError;
use crate::index::query::QueryError;

/// Why a command did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The command line cannot be followed as written: exit code 2.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// Something went wrong while following it: exit code 1. Shown with its causes.
    #[error("{0:#}")]
    Runtime(#[from] anyhow::Error),
}

/// A command line that asks for something that cannot be done, each with the message
/// that says how to put it right.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    /// Paths given before a subcommand, where they would be ignored.
    #[error("paths go after the command (qari list PATH...); see qari --help")]
    PathsBeforeCommand,
    /// A `-q` filter that does not parse.
    #[error("bad query: {error} (at `{at}`)")]
    BadQuery {
        /// What is wrong.
        error: QueryError,
        /// The part of the query it is about.
        at: String,
    },
    /// Offsets that do not fit the article (`bookmarks add`), like a bad query.
    #[error(transparent)]
    Passage(#[from] PassageError),
    /// The reader asked for without a terminal to draw on or read keys from.
    #[error("the reader needs a terminal ({missing}); use `qari list` or `qari show` in scripts")]
    NoTerminal {
        /// Which standard streams are not terminals.
        missing: NotTerminals,
    },
}

/// The standard streams that the reader needs as terminals and that are not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotTerminals {
    /// Keys cannot be read.
    Input,
    /// The screen cannot be drawn.
    Output,
    /// Neither.
    Both,
}

impl std::fmt::Display for NotTerminals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Input => "standard input is not one",
            Self::Output => "standard output is not one",
            Self::Both => "standard input and standard output are not terminals",
        })
    }
}

/// The library's own failures, met while following the command line, are runtime errors.
macro_rules! runtime_errors {
    ($($error:ty),* $(,)?) => {
        $(
            impl From<$error> for CliError {
                fn from(err: $error) -> Self {
                    Self::Runtime(err.into())
                }
            }
        )*
    };
}

runtime_errors!(
    std::io::Error,
    serde_json::Error,
    StoreError,
    FindError,
    SearchError,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_what_is_not_a_terminal() {
        let message = |missing| UsageError::NoTerminal { missing }.to_string();
        assert_eq!(
            message(NotTerminals::Output),
            "the reader needs a terminal (standard output is not one); use `qari list` or \
             `qari show` in scripts"
        );
        assert!(message(NotTerminals::Input).contains("(standard input is not one)"));
        assert!(message(NotTerminals::Both).contains("input and standard output are not"));
    }

    #[test]
    fn runtime_errors_are_shown_with_their_causes() {
        let err = anyhow::anyhow!("inner").context("outer");
        assert_eq!(CliError::from(err).to_string(), "outer: inner");
    }
}
