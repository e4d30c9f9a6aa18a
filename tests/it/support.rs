//! Shared helpers for the integration tests.

use std::path::PathBuf;

/// The built `qari` binary.
#[allow(dead_code)]
pub fn qari_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_qari"))
}

/// A file of the repository, by its path from the top.
#[allow(dead_code)]
pub fn repo_file(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}
