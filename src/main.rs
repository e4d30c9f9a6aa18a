//! The `qari` binary: parse the command line, run, turn the outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = qari::cli::Cli::parse();
    match qari::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("qari: {}", qari::text::visible(&format!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}
