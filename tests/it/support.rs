//! Shared helpers for the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The built `qari` binary.
#[allow(dead_code)]
pub fn qari_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_qari"))
}

/// `qari args` with its data folder (bookmarks, reading state) in `data`.
#[allow(dead_code)]
pub fn qari_with_data(data: &Path, args: &[&str]) -> Output {
    Command::new(qari_bin())
        .env("QARI_DATA_DIR", data)
        .args(args)
        .output()
        .unwrap()
}

/// The standard output of a run that must have succeeded; a failure shows its status and
/// standard error.
#[allow(dead_code)]
pub fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
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

/// GNU FriBidi's rendering of one line, with the flags of [`fribidi_visual_lines`], its
/// lam-alef fillers removed and the spaces at both ends trimmed (qari drops whitespace at
/// paragraph ends, where FriBidi places it by rule L1), so that it compares with
/// [`qari::text::VisualLine::to_plain`] of a left-aligned line.
#[allow(dead_code)]
pub fn fribidi_visual(line: &str) -> String {
    assert!(!line.contains('\n'), "one line at a time: {line:?}");
    fribidi_visual_lines(line)
        .first()
        .map_or_else(String::new, |visual| visual.trim_matches(' ').to_owned())
}

/// A file of the Unicode Character Database as Debian's unicode-data package installs it.
#[allow(dead_code)]
pub fn unicode_data_file(name: &str) -> String {
    let path = format!("/usr/share/unicode/{name}");
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!("{path}: {err}; run scripts/test.sh, which installs unicode-data")
    })
}

/// Whether qari may break a line at this character, and so drops it where a line breaks
/// or the paragraph ends: the space separators (White_Space, general category Zs) except
/// the no-break ones that UAX #14 glues to their neighbours. Controls and the line and
/// paragraph separators are whitespace too, but qari never draws them at all.
#[allow(dead_code)]
pub fn is_breakable_space(c: char) -> bool {
    c.is_whitespace()
        && !c.is_control()
        && !matches!(
            c,
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2028}' | '\u{2029}'
        )
}

/// The day tests pretend it is.
#[allow(dead_code)]
pub const TODAY: jiff::civil::Date = jiff::civil::date(2024, 12, 1);

/// Runs the searches among `effects` and gives `app` their answers; the other effects,
/// with those the answers asked for, are returned.
#[allow(dead_code)]
pub fn run_searches(
    app: &mut qari::tui::app::App,
    effects: Vec<qari::tui::app::Effect>,
) -> Vec<qari::tui::app::Effect> {
    let mut others = Vec::new();
    for effect in effects {
        match effect {
            qari::tui::app::Effect::Search(request) => app.search_done(request.run(&|| false)),
            other => others.push(other),
        }
    }
    others.extend(qari::tui::search::settle(app));
    others
}

/// The last search among the effects `app` has waiting, without running it.
#[allow(dead_code)]
pub fn search_request(app: &mut qari::tui::app::App) -> Option<qari::tui::search::SearchRequest> {
    app.take_effects()
        .into_iter()
        .filter_map(|e| match e {
            qari::tui::app::Effect::Search(request) => Some(request),
            _ => None,
        })
        .last()
}

/// The text among `effects` that goes to the clipboard.
#[allow(dead_code)]
pub fn clipboard(effects: &[qari::tui::app::Effect]) -> Option<String> {
    effects.iter().find_map(|e| match e {
        qari::tui::app::Effect::Clipboard(text) => Some(text.clone()),
        _ => None,
    })
}

/// Whether `effects` ask for this effect (compared by kind).
#[allow(dead_code)]
pub fn asks(effects: &[qari::tui::app::Effect], kind: fn(&qari::tui::app::Effect) -> bool) -> bool {
    effects.iter().any(kind)
}
