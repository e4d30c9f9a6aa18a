//! Opening the interactive reader from the command line: it needs a terminal on both
//! standard input (keys) and standard output (the screen), checked before anything is
//! loaded so that `qari | cat` or a script says at once what is wrong; and its theme,
//! where `NO_COLOR` is weighed against `--theme`.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::error::{NotTerminals, UsageError};
use super::{CliError, DisplayArgs, corpus_paths, load_config, load_corpus, report_skipped};

/// Reads the configuration, loads the corpus and runs the reader on it until the user
/// quits.
pub fn run(paths: &[PathBuf], display: &DisplayArgs) -> Result<(), CliError> {
    if let Some(missing) = missing_terminals() {
        return Err(UsageError::NoTerminal { missing }.into());
    }
    let (config, problem) = load_config(display);
    let config = &config;
    let corpus = load_corpus(paths, config);
    if corpus.articles.is_empty() {
        report_skipped(&corpus);
        return Err(anyhow::anyhow!("no article could be loaded").into());
    }
    let settings = crate::tui::Settings {
        bidi: display.bidi_mode(config),
        shaping: display.shaping(),
        theme: display.theme(config, |name| std::env::var(name).ok()),
        config,
        problem: problem.map(|p| p.to_string()),
        paths: corpus_paths(paths, config).to_vec(),
    };
    if display.theme.is_some() {
        // crossterm drops every colour while NO_COLOR is set; a theme on the command line
        // has already won over it (see `DisplayArgs::theme`).
        crossterm::style::Colored::set_ansi_color_disabled(false);
    }
    crate::tui::run(corpus, &settings)?;
    Ok(())
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
