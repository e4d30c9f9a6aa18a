//! `qari list`, `show` and `bookmarks` on a terminal and in a pipe (DESIGN §6): on a pty
//! each line is shaped and in visual order as the reader lays it out (checked against the
//! core layout and GNU FriBidi), in a pipe it is the logical text scripts read, and JSON is
//! logical everywhere. The reader without a terminal says which stream is missing and
//! exits 2; `--theme` given on the command line wins over `NO_COLOR`.

use std::ffi::OsStr;
use std::fs::File;
use std::os::fd::OwnedFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use qari::text::{Alignment, LayoutOptions, Tashkeel, layout_body, layout_paragraph};
use rustix::fs::OFlags;
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

use crate::pty::{PtySession, contains};
use crate::support::{fribidi_visual, qari_bin, succeeded};

/// A day of SaudiNewsNet, as one ZIP of JSON.
const SAUDI_DAY: &str = "../shared/corpus/saudinewsnet/2015-08-11.zip";
/// An article of the sample with harakat in its body (مؤكدًا).
const WITH_HARAKAT: &str = "001_28018be113238a9f.txt";
/// How long a command may take on the pty.
const PATIENCE: Duration = Duration::from_secs(20);

/// What qari printed on the pty when it ended, with the terminal's CR LF made LF.
fn finished(mut session: PtySession) -> (ExitStatus, String) {
    let started = Instant::now();
    let status = loop {
        session.read_for(Duration::from_millis(20));
        if let Some(status) = session.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "qari did not end: {}",
            String::from_utf8_lossy(&session.output)
        );
    };
    // Once it has ended, the rest is still in the pty's buffer until the read fails.
    while session.read_for(Duration::from_millis(200)) > 0 {}
    let text = String::from_utf8(std::mem::take(&mut session.output)).unwrap();
    (status, text.replace("\r\n", "\n"))
}

/// `qari args` with every standard stream on a 200-column pty, its data folder and
/// configuration file (`config.toml`) in `data`; what it printed.
fn on_terminal(args: &[&str], data: &Path) -> String {
    let session = PtySession::spawn(&qari_bin(), args, 200, 50, data);
    let (status, text) = finished(session);
    assert!(status.success(), "{args:?}: {status:?}\n{text}");
    text
}

/// `qari args` with standard output a pipe, and the same data folder and configuration.
fn in_pipe(args: &[&str], data: &Path) -> String {
    let output = Command::new(qari_bin())
        .args(args)
        .env("QARI_DATA_DIR", data)
        .env("QARI_CONFIG", data.join("config.toml"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    succeeded(&output)
}

/// The reader's layout of one line of text: unwrapped, unaligned, default display.
fn reader_line(text: &str) -> String {
    let options = LayoutOptions {
        alignment: Alignment::Left,
        ..LayoutOptions::default()
    };
    let lines = layout_paragraph(text, &options);
    assert_eq!(lines.len(), 1, "{text}");
    lines[0].to_plain()
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

fn fields(line: &str) -> Vec<&str> {
    line.split('\t').collect()
}

#[test]
fn list_on_a_terminal_shapes_and_orders_each_title_and_a_pipe_gets_it_logical() {
    let data = tempfile::tempdir().unwrap();
    let saudi = crate::support::repo_file(SAUDI_DAY);
    let saudi = saudi.to_str().unwrap();
    for args in [&["list"][..], &["list", saudi, "--limit", "40"]] {
        let logical = in_pipe(args, data.path());
        let visual = on_terminal(args, data.path());
        let (logical, visual) = (lines(&logical), lines(&visual));
        assert_eq!(logical.len(), visual.len(), "{args:?}");
        assert!(logical.len() >= 5, "{args:?}");
        for (logical, visual) in logical.iter().zip(&visual) {
            let (logical, visual) = (fields(logical), fields(visual));
            assert_eq!(logical.len(), 4, "{logical:?}");
            assert_eq!(
                logical[..3],
                visual[..3],
                "id, date and source are as they were"
            );
            let title = logical[3];
            assert!(title.chars().any(|c| ('\u{0600}'..'\u{0700}').contains(&c)));
            assert_eq!(visual[3], reader_line(title), "{title}");
            assert_ne!(visual[3], title, "{title}");
        }
    }
    // The newest title of the sample, which SaudiNewsNet cannot vouch for, as GNU FriBidi
    // lays it out too.
    let title = "استعداد روسي لاتصال مع واشنطن حول سوريا";
    let visual = on_terminal(&["list", "--limit", "1"], data.path());
    assert_eq!(fields(visual.trim_end())[3], fribidi_visual(title));
    assert_eq!(
        in_pipe(&["list", "--limit", "1"], data.path()),
        format!("003_721a83bec11d9acb.txt\t2024-11-13\t-\t{title}\n")
    );
}

#[test]
fn list_titles_of_saudinewsnet_on_a_terminal_read_as_gnu_fribidi_draws_them() {
    let data = tempfile::tempdir().unwrap();
    let saudi = crate::support::repo_file(SAUDI_DAY);
    let args = ["list", saudi.to_str().unwrap(), "--limit", "40"];
    let logical = in_pipe(&args, data.path());
    let visual = on_terminal(&args, data.path());
    let mut compared = 0;
    for (logical, visual) in lines(&logical).iter().zip(lines(&visual)) {
        let title = fields(logical)[3];
        // FriBidi's --clean drops bidi controls, as qari does; a title with none is
        // compared whole.
        if title.chars().any(|c| c.is_control()) {
            continue;
        }
        assert_eq!(fields(visual)[3], fribidi_visual(title), "{title}");
        compared += 1;
    }
    assert!(compared >= 30, "only {compared} titles compared");
}

#[test]
fn list_json_is_logical_on_a_terminal_too() {
    let data = tempfile::tempdir().unwrap();
    let args = ["list", "--json"];
    assert_eq!(on_terminal(&args, data.path()), in_pipe(&args, data.path()));
}

#[test]
fn show_on_a_terminal_is_the_reader_pane_at_the_terminal_width_with_its_harakat_setting() {
    let data = tempfile::tempdir().unwrap();
    // Without --width, the terminal's width (200 columns).
    let shown = on_terminal(&["show", "003"], data.path());
    assert_eq!(
        shown,
        in_pipe(&["show", "003", "--width", "200"], data.path())
    );
    assert!(
        shown.lines().any(|line| line.starts_with(' ')),
        "right-aligned"
    );

    // Harakat hidden in the configuration: the reader and `show` on a terminal leave them
    // out; a pipe keeps printing them, as it always has.
    std::fs::write(data.path().join("config.toml"), "tashkeel = \"hidden\"\n").unwrap();
    let args = ["show", WITH_HARAKAT, "--width", "70"];
    let terminal = on_terminal(&args, data.path());
    let pipe = in_pipe(&args, data.path());
    assert!(pipe.chars().any(qari::text::is_tashkeel), "{pipe}");
    assert!(!terminal.chars().any(qari::text::is_tashkeel), "{terminal}");
    let corpus = qari::corpus::load_sample();
    let article = corpus.find(WITH_HARAKAT).unwrap();
    let options = LayoutOptions {
        width: 70,
        tashkeel: Tashkeel::Hidden,
        ..LayoutOptions::default()
    };
    let expected: String = layout_body(&article.body(qari::article::BodyView::Clean), &options)
        .iter()
        .map(|line| line.line.to_plain() + "\n")
        .collect();
    assert_eq!(terminal, expected);
}

#[test]
fn bookmarks_on_a_terminal_show_passages_and_notes_as_the_reader_does() {
    let data = tempfile::tempdir().unwrap();
    let note = "تحقق من المصدر";
    let added = in_pipe(
        &[
            "bookmarks",
            "add",
            WITH_HARAKAT,
            "--start",
            "4",
            "--end",
            "30",
            "--note",
            note,
        ],
        data.path(),
    );
    let id = added.trim();
    let logical = in_pipe(&["bookmarks"], data.path());
    let visual = on_terminal(&["bookmarks"], data.path());
    let (logical, visual) = (fields(logical.trim_end()), fields(visual.trim_end()));
    assert_eq!(
        logical,
        [
            id,
            WITH_HARAKAT,
            "4",
            "30",
            "وزير الخارجية الروسي، سيرغ",
            note
        ]
    );
    assert_eq!(visual[..4], logical[..4]);
    assert_eq!(visual[4], reader_line(logical[4]));
    assert_eq!(visual[5], fribidi_visual(note));
    assert_eq!(visual[5], reader_line(note));

    // The Markdown export line by line; the JSON forms stay logical.
    let markdown = in_pipe(&["bookmarks", "export"], data.path());
    let shown = on_terminal(&["bookmarks", "export"], data.path());
    assert_eq!(lines(&shown).len(), lines(&markdown).len());
    for (logical, visual) in lines(&markdown).iter().zip(lines(&shown)) {
        let expected = if logical.is_empty() {
            String::new()
        } else {
            reader_line(logical)
        };
        assert_eq!(visual, expected, "{logical}");
    }
    assert!(markdown.contains(&format!("Note: {note}")), "{markdown}");
    assert!(
        shown.contains(&reader_line(&format!("Note: {note}"))),
        "{shown}"
    );
    for args in [
        &["bookmarks", "--json"][..],
        &["bookmarks", "export", "--format", "json"],
    ] {
        assert_eq!(on_terminal(args, data.path()), in_pipe(args, data.path()));
    }
}

/// Which of qari's standard streams are on the pty; standard input is nothing otherwise.
#[derive(Clone, Copy)]
enum OnTerminal {
    /// Standard output and error only: `qari </dev/null`.
    Output,
    /// All three.
    All,
}

/// A new 100×30 pty: the master side and the terminal side.
fn new_pty() -> (File, OwnedFd) {
    // CLOEXEC: a copy of the master inherited by qari would keep the terminal alive.
    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let terminal: OwnedFd = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(OFlags::NOCTTY.bits() as i32)
        .open(name.to_str().unwrap())
        .unwrap()
        .into();
    let size = Winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    tcsetwinsize(&terminal, size).unwrap();
    (File::from(master), terminal)
}

/// Starts qari with `args` and `env`, the streams `on_terminal` says on a new pty, its
/// data folder in `data`.
fn start(args: &[&str], env: &[(&str, &str)], on_terminal: OnTerminal, data: &Path) -> PtySession {
    let (master, terminal) = new_pty();
    let tty = || Stdio::from(terminal.try_clone().unwrap());
    let mut command = Command::new(qari_bin());
    command
        .args(args)
        .env("TERM", "xterm-256color")
        .env("QARI_DATA_DIR", data)
        .env("QARI_CONFIG", data.join("config.toml"))
        .envs(
            env.iter()
                .map(|(name, value)| (OsStr::new(name), OsStr::new(value))),
        );
    match on_terminal {
        OnTerminal::Output => command.stdin(Stdio::null()),
        OnTerminal::All => command.stdin(tty()),
    };
    let child = command.stdout(tty()).stderr(tty()).spawn().unwrap();
    PtySession {
        master: Some(master),
        child,
        output: Vec::new(),
    }
}

const NEEDS_A_TERMINAL: &str = "qari: the reader needs a terminal";

#[test]
fn the_reader_without_a_terminal_says_which_stream_is_missing_and_exits_2() {
    let data = tempfile::tempdir().unwrap();
    // `qari | cat` with no input either: nothing is loaded, not even a missing path.
    let output = Command::new(qari_bin())
        .arg(data.path().join("missing"))
        .env("QARI_DATA_DIR", data.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(output.stdout, b"");
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "qari: the reader needs a terminal (standard input and standard output are not \
         terminals); use `qari list` or `qari show` in scripts\n"
    );

    // `qari | cat` typed at a terminal.
    let (_master, terminal) = new_pty();
    let output = Command::new(qari_bin())
        .env("QARI_DATA_DIR", data.path())
        .stdin(terminal)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(output.stdout, b"");
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(said.starts_with(NEEDS_A_TERMINAL), "{said}");
    assert!(said.contains("(standard output is not one)"), "{said}");

    // `qari </dev/null` at a terminal: the message reaches it, and nothing else does (no
    // alternate screen, no raw mode).
    let session = start(&[], &[], OnTerminal::Output, data.path());
    let (status, shown) = finished(session);
    assert_eq!(status.code(), Some(2), "{shown}");
    assert!(shown.starts_with(NEEDS_A_TERMINAL), "{shown:?}");
    assert!(shown.contains("(standard input is not one)"), "{shown}");
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}

/// Whether `bytes` hold an SGR sequence that sets a foreground or background colour.
fn sets_a_colour(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.split("\u{1b}[").skip(1).any(|sgr| {
        let Some(params) = sgr.split_once('m').map(|(params, _)| params) else {
            return false;
        };
        params.chars().all(|c| c.is_ascii_digit() || c == ';')
            && params.split(';').any(|n| {
                matches!(
                    n.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                )
            })
    })
}

/// The bytes of the reader's first frame, started with `args` and `env` on a pty.
fn first_frame(args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let data = tempfile::tempdir().unwrap();
    let mut session = start(args, env, OnTerminal::All, data.path());
    session.read_until("q quit", PATIENCE);
    session.read_for(Duration::from_millis(200));
    assert!(contains(&session.output, "Articles".as_bytes()));
    std::mem::take(&mut session.output)
}

#[test]
fn no_color_leaves_the_reader_without_colour_unless_a_theme_is_asked_for() {
    assert!(sets_a_colour(&first_frame(&[], &[])), "the dark theme");
    assert!(!sets_a_colour(&first_frame(&[], &[("NO_COLOR", "1")])));
    // A theme from the configuration file gives way to it: only the command line speaks
    // for this one run.
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("config.toml"), "theme = \"light\"\n").unwrap();
    let mut session = start(&[], &[("NO_COLOR", "1")], OnTerminal::All, data.path());
    session.read_until("q quit", PATIENCE);
    session.read_for(Duration::from_millis(200));
    assert!(!sets_a_colour(&session.output));
}

#[test]
fn a_theme_on_the_command_line_wins_over_no_color() {
    for theme in ["dark", "light"] {
        let frame = first_frame(&["--theme", theme], &[("NO_COLOR", "1")]);
        assert!(sets_a_colour(&frame), "--theme {theme}");
    }
    let mono = first_frame(&["--theme", "mono"], &[]);
    assert!(!sets_a_colour(&mono));
}
