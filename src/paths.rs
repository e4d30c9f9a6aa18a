//! Where qari keeps its files: the only user of `directories`, so that every other module
//! receives a folder and never asks the platform itself (tests point it into a temporary
//! folder with `QARI_DATA_DIR`).

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment variable that moves the data folder (bookmarks, reading state).
pub const DATA_DIR_VAR: &str = "QARI_DATA_DIR";

/// The environment variable that names the configuration file.
pub const CONFIG_VAR: &str = "QARI_CONFIG";

/// The configuration file: `QARI_CONFIG` when set and not empty, else the platform's
/// (`$XDG_CONFIG_HOME/qari/config.toml`, by default `~/.config/qari/config.toml`);
/// none when there is no home folder.
pub fn config_file() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_VAR) {
        Some(file) if !file.is_empty() => Some(PathBuf::from(file)),
        _ => directories::ProjectDirs::from("", "", "qari")
            .map(|dirs| dirs.config_dir().join("config.toml")),
    }
}

/// Why qari does not know where to keep its data.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PathsError {
    /// Neither `QARI_DATA_DIR` nor the platform names a folder (no home folder).
    #[error("no data folder: set {DATA_DIR_VAR}, or HOME or XDG_DATA_HOME")]
    NoDataDir,
}

/// The folder that holds bookmarks and reading state: `QARI_DATA_DIR` when set and not
/// empty, else the platform's data folder for qari (`$XDG_DATA_HOME/qari`, by default
/// `~/.local/share/qari`). It may not exist yet: whoever writes creates it.
pub fn data_dir() -> Result<PathBuf, PathsError> {
    data_dir_from(std::env::var_os(DATA_DIR_VAR))
}

fn data_dir_from(overridden: Option<OsString>) -> Result<PathBuf, PathsError> {
    match overridden {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "qari")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .ok_or(PathsError::NoDataDir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_wins_and_an_empty_one_is_ignored() {
        assert_eq!(
            data_dir_from(Some("/tmp/q".into())),
            Ok(PathBuf::from("/tmp/q"))
        );
        // HOME is set wherever the tests run; the platform folder ends in qari.
        let platform = data_dir_from(Some(OsString::new())).unwrap();
        assert!(platform.ends_with("qari"), "{}", platform.display());
    }
}
