//! The command-line front end: argument parsing and the non-interactive commands
//! (`list`, `show`, `bookmarks`) that scripts and pipes use, each given the configuration
//! in effect. The reader itself lives in [`crate::tui`]; every failure comes back as one
//! [`CliError`], whose kind the binary turns into the exit code.

mod args;
mod bookmarks;
mod error;
mod list;
mod output;
mod reader;
mod show;

use std::path::PathBuf;

pub use args::{
    BaseDirArg, BidiArg, BookmarksAction, BookmarksAddArgs, BookmarksArgs, BookmarksExportArgs,
    BookmarksListArgs, Cli, Command, DisplayArgs, ExportFormat, ListArgs, ShowArgs, SortArg,
    ThemeArg,
};
pub use error::{CliError, NotTerminals, UsageError};
pub use list::today;

use self::output::{Destination, Output, write_stdout};
use crate::config::{Config, ConfigError, default_file};
use crate::corpus::{self, Corpus, Skipped};
use crate::text::visible;

/// Does what the command line asks for.
pub fn run(cli: Cli) -> Result<(), CliError> {
    if cli.print_default_config {
        return write_stdout(|out| out.write_all(default_file().as_bytes()));
    }
    let Some(command) = cli.command else {
        return reader::run(&cli.paths, &cli.display);
    };
    if !cli.paths.is_empty() {
        return Err(UsageError::PathsBeforeCommand.into());
    }
    let (config, _) = load_config(&cli.display);
    let output = Output {
        destination: Destination::of_stdout(),
        reader_line: cli.display.reader_line(&config),
    };
    match command {
        Command::List(args) => list::run(&args, &config, &output),
        Command::Show(args) => show::run(&args, &config, &output),
        Command::Bookmarks(args) => bookmarks::run(&args, &config, &output),
    }
}

/// The configuration in effect (`--config`, else `QARI_CONFIG` or the user's file), after
/// telling standard error what was wrong with the file, if anything.
fn load_config(display: &DisplayArgs) -> (Config, Option<ConfigError>) {
    let (config, problem) = Config::load(display.config.as_deref());
    if let Some(problem) = &problem {
        eprintln!("qari: {}", visible(&problem.to_string()));
    }
    (config, problem)
}

/// The paths to load: those given, else the configuration's `corpus`; none means the
/// embedded sample.
fn corpus_paths<'a>(given: &'a [PathBuf], config: &'a Config) -> &'a [PathBuf] {
    if given.is_empty() {
        &config.corpus
    } else {
        given
    }
}

/// The articles under `paths`; with none, those of the configuration's `corpus`, else
/// the embedded sample.
fn load_corpus(paths: &[PathBuf], config: &Config) -> Corpus {
    let paths = corpus_paths(paths, config);
    if paths.is_empty() {
        corpus::load_sample()
    } else {
        corpus::load_paths(paths)
    }
}

/// Tells standard error about every file that was skipped.
fn report_skipped(corpus: &Corpus) {
    report_skips(&corpus.skipped);
}

/// Tells standard error about each of these skipped files.
fn report_skips(skips: &[Skipped]) {
    for skipped in skips {
        eprintln!(
            "qari: skipped {}: {}",
            visible(&skipped.path.display().to_string()),
            skipped.reason
        );
    }
}
