//! Shared helpers for the integration tests.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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

/// GNU FriBidi's visual rendering of each line of `text` (shaped, marks after their base,
/// lam-alef fillers removed), as an independent oracle.
#[allow(dead_code)]
pub fn fribidi_visual_lines(text: &str) -> Vec<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("fribidi")
        .args(["--nopad", "--nobreak", "--clean", "--reordernsm"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|err| {
            panic!("fribidi: {err}; run scripts/test.sh, which installs libfribidi-bin")
        });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "fribidi failed");
    String::from_utf8(output.stdout)
        .unwrap()
        .replace('\u{FEFF}', "")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Runs a command with `input` on its standard input and collects what it prints.
pub fn run_with_stdin(command: &mut Command, input: &str) -> std::io::Result<Output> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child.stdin.take().unwrap().write_all(input.as_bytes())?;
    child.wait_with_output()
}
