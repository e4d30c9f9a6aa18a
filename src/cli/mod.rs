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
    ThemeArg,
};
pub use list::today;

use std::sync::OnceLock;

use crate::config::{Config, DEFAULT_CONFIG};
use crate::corpus::{self, Corpus};
use crate::text::visible;

/// Runs what the command line asks for and returns the exit code (DESIGN §6: 0 ok,
/// 1 runtime error; clap has already answered usage errors with 2).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if cli.print_default_config {
        write_stdout(|out| out.write_all(DEFAULT_CONFIG.as_bytes()))?;
        return Ok(ExitCode::SUCCESS);
    }
    if cli.command.is_some() && !cli.paths.is_empty() {
        eprintln!("qari: paths go after the command (qari list PATH...); see qari --help");
        return Ok(ExitCode::from(2));
    }
    let (loaded, problem) = Config::load(cli.display.config.as_deref());
    if let Some(problem) = &problem {
        eprintln!("qari: {}", visible(&problem.to_string()));
    }
    let _ = CONFIG.set(loaded);
    match cli.command {
        Some(Command::List(args)) => list::run(&args),
        Some(Command::Show(args)) => show::run(&args, &cli.display, config()),
        Some(Command::Bookmarks(args)) => bookmarks::run(&args),
        None => {
            let paths = corpus_paths(&cli.paths).to_vec();
            let corpus = load_corpus(&cli.paths);
            if corpus.articles.is_empty() {
                report_skipped(&corpus);
                anyhow::bail!("no article could be loaded");
            }
            let config = config();
            let settings = crate::tui::Settings {
                bidi: cli.display.bidi_mode(config),
                shaping: cli.display.shaping(),
                theme: cli.display.theme(config),
                config,
                problem: problem.map(|p| p.to_string()),
                paths,
            };
            crate::tui::run(corpus, &settings)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The configuration in effect, read once at start (defaults until then).
static CONFIG: OnceLock<Config> = OnceLock::new();

fn config() -> &'static Config {
    CONFIG.get_or_init(Config::defaults)
}

/// The paths the reader loads: those given, else the configuration's `corpus`; none
/// means the embedded sample.
fn corpus_paths(given: &[PathBuf]) -> &[PathBuf] {
    if given.is_empty() {
        &config().corpus
    } else {
        given
    }
}

/// The articles under `paths`; with none, those of the configuration's `corpus`, else
/// the embedded sample.
fn load_corpus(paths: &[PathBuf]) -> Corpus {
    let paths = corpus_paths(paths);
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
