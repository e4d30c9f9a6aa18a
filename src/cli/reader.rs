//! Opening the interactive reader from the command line: it needs a terminal on both
//! standard input (keys) and standard output (the screen), checked before anything is
//! loaded so that `qari | cat` or a script says at once what is wrong; and its theme,
//! where `NO_COLOR` is weighed against `--theme`.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::error::{NotTerminals, UsageError};
use super::{CliError, DisplayArgs, corpus_paths, load_config, report_skipped};
use crate::corpus::Corpus;
use crate::tui::RunEnd;
use crate::tui::loader::CorpusSource;

/// Reads the configuration and runs the reader on the corpus, read as it runs, until
/// the user quits.
pub fn run(paths: &[PathBuf], display: &DisplayArgs) -> Result<(), CliError> {
    if let Some(missing) = missing_terminals() {
        return Err(UsageError::NoTerminal { missing }.into());
    }
    let (config, problem) = load_config(display);
    let config = &config;
    let corpus_paths = corpus_paths(paths, config);
    // Read while the reader runs: its first frame does not wait for the corpus.
    let source = if corpus_paths.is_empty() {
        CorpusSource::Sample
    } else {
        CorpusSource::Paths(corpus_paths.to_vec())
    };
    let settings = crate::tui::Settings {
        bidi: display.bidi_mode(config),
        shaping: display.shaping(),
        theme: display.theme(config, |name| std::env::var(name).ok()),
        config,
        problem: problem.map(|p| p.to_string()),
        paths: corpus_paths.to_vec(),
    };
    if display.theme.is_some() {
        // crossterm drops every colour while NO_COLOR is set; a theme on the command line
        // has already won over it (see `DisplayArgs::theme`).
        crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    match crate::tui::run(source, &settings)? {
        RunEnd::Stopped => Ok(()),
        RunEnd::NothingLoaded(skipped) => {
            report_skipped(&Corpus {
                skipped,
                ..Corpus::default()
            });
            Err(anyhow::anyhow!("no article could be loaded").into())
        }
    }
}

/// Which of standard input and output are not terminals, if any.
fn missing_terminals() -> Option<NotTerminals> {
    match (
        std::io::stdin().is_terminal(),
        std::io::stdout().is_terminal(),
    ) {
        (true, true) => None,
        (false, true) => Some(NotTerminals::Input),
        (true, false) => Some(NotTerminals::Output),
        (false, false) => Some(NotTerminals::Both),
    }
}
