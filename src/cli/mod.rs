//! The command-line front end: argument parsing and the non-interactive commands
//! (`list`, `show`, `bookmarks`) that scripts and pipes use. The reader itself lives in
//! [`crate::tui`].

mod args;
mod bookmarks;
mod list;
mod show;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub use args::{
    BaseDirArg, BidiArg, BookmarksAction, BookmarksAddArgs, BookmarksArgs, BookmarksExportArgs,
    BookmarksListArgs, Cli, Command, DisplayArgs, ExportFormat, ListArgs, ShowArgs, SortArg,
};
pub use list::today;

use crate::corpus::{self, Corpus};
use crate::text::visible;

/// Runs what the command line asks for and returns the exit code (DESIGN §6: 0 ok,
/// 1 runtime error; clap has already answered usage errors with 2).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::List(args)) => list::run(&args),
        Some(Command::Show(args)) => show::run(&args, &cli.display),
        Some(Command::Bookmarks(args)) => bookmarks::run(&args),
        None => {
            let corpus = load_corpus(&cli.paths);
            if corpus.articles.is_empty() {
                report_skipped(&corpus);
                anyhow::bail!("no article could be loaded");
            }
            crate::tui::run(corpus, &cli.display)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The articles under `paths`, or the embedded sample when there are none.
fn load_corpus(paths: &[PathBuf]) -> Corpus {
    if paths.is_empty() {
        corpus::load_sample()
    } else {
        corpus::load_paths(paths)
    }
}

/// Tells standard error about every file that was skipped.
fn report_skipped(corpus: &Corpus) {
    for skipped in &corpus.skipped {
        eprintln!(
            "qari: skipped {}: {}",
            visible(&skipped.path.display().to_string()),
            skipped.reason
        );
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
