//! The `qari` binary: parse the command line, run, turn the outcome into an exit code.
//! The codes are DESIGN §6's: 0 ok, 1 runtime error, 2 usage error (clap answers its own
//! usage errors with 2 before anything runs).

use std::process::ExitCode;

use clap::Parser;
use qari::cli::{Cli, CliError};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match qari::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A message may quote a file name or a query: nothing of it may act on the
            // terminal.
            eprintln!("qari: {}", qari::text::visible(&err.to_string()));
            match err {
                CliError::Usage(_) => ExitCode::from(2),
                CliError::Runtime(_) => ExitCode::FAILURE,
            }
        }
    }
}
