//! The interactive reader.
use crate::cli::DisplayArgs;
use crate::corpus::Corpus;

/// Runs the reader until the user quits.
pub fn run(_corpus: Corpus, _display: &DisplayArgs) -> anyhow::Result<()> {
    anyhow::bail!("the reader is being built")
}
