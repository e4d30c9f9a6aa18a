//! The command-line contract (DESIGN §6) that scripts rely on: output formats, widths,
//! exit codes, and bad input reported without stopping the rest.

use std::process::{Command, Output, Stdio};

use crate::support::{qari_bin, run_with_stdin};

fn qari(args: &[&str]) -> Output {
    Command::new(qari_bin()).args(args).output().unwrap()
}

fn qari_with_stdin(args: &[&str], input: &str) -> Output {
    run_with_stdin(Command::new(qari_bin()).args(args), input).unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn list_prints_id_date_source_title_for_the_sample() {
    let output = qari(&["list"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5);
    for row in &rows {
        assert_eq!(row.len(), 4, "{row:?}");
    }
    // Newest first; what is unknown is "-".
    assert_eq!(
        rows[0],
        [
            "003_721a83bec11d9acb.txt",
            "2024-11-13",
            "-",
            "استعداد روسي لاتصال مع واشنطن حول سوريا"
        ]
    );
    assert_eq!(
        rows[2][..3],
        ["001_28018be113238a9f.txt", "2021-01-18", "enabbaladi"]
    );
    assert_eq!(
        rows[2][3],
        "روسيا تعرض على إسرائيل التعامل مع تهديداتها الأمنية في سوريا"
    );
    assert_eq!(rows[3][1..3], ["-", "alwatan-sy"]);
    assert!(rows[3][3].starts_with("موسكو وطهران تبحثان منطقة تخفيف التصعيد"));
    assert_eq!(rows[4][1..3], ["-", "-"]);
    assert!(rows[4][3].starts_with("كيري في موسكو الثلاثاء"));
    assert!(rows[1][3].starts_with("كشف وزير الخارجية الروسي سيرغي لافروف"));
    // --sort relevance without a query keeps the order found.
    let found = stdout(&qari(&["list", "--sort", "relevance"]));
    let ids: Vec<&str> = found.lines().map(|l| &l[..3]).collect();
    assert_eq!(ids, ["000", "001", "002", "003", "004"]);
}

#[test]
fn list_json_has_every_field_and_limit_cuts() {
    let output = qari(&["list", "--json", "--limit", "2"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    for field in [
        "id",
        "path",
        "url",
        "title",
        "source",
        "source_name",
        "date",
        "date_confidence",
        "words",
        "bookmarks",
        "read",
    ] {
        assert!(records[0].get(field).is_some(), "missing {field}");
    }
    assert_eq!(records[0]["date"], "2024-11-13");
    assert_eq!(records[0]["date_confidence"], "explicit");
    assert_eq!(records[1]["date_confidence"], "inferred");
    assert!(records[0]["words"].as_u64().unwrap() > 100);
}

#[test]
fn show_wraps_to_the_width_and_right_aligns_rtl_lines() {
    let output = qari(&["show", "003", "--width", "40"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.lines().count() > 20);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 40, "{line}");
        assert_eq!(line, line.trim_end(), "no trailing spaces");
    }
    let first = text.lines().next().unwrap();
    assert!(first.starts_with(' '), "right-aligned: {first:?}");
    // With --raw the body opens with the dateline "• 2024/11/13", which has no strong
    // letter and so is a left-to-right paragraph, left-aligned.
    let raw = stdout(&qari(&["show", "003", "--width", "40", "--raw"]));
    assert!(raw.lines().next().unwrap().starts_with('•'));
    let unaligned = stdout(&qari(&["show", "003", "--width", "40", "--no-align"]));
    assert!(unaligned.lines().all(|line| !line.starts_with(' ')));
}

#[test]
fn show_stdin_gives_one_output_line_per_input_line_without_wrapping() {
    let input = "سطر أول طويل جدا جدا جدا\n\nsecond line (with brackets)\n[عربي]\n";
    let output = qari_with_stdin(&["show", "-", "--width", "0"], input);
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "second line (with brackets)");
    // Brackets in a right-to-left line are mirrored: the visual text reads "]...[".
    assert!(
        lines[3].starts_with('[') && lines[3].ends_with(']'),
        "{}",
        lines[3]
    );
}

#[test]
fn show_terminal_mode_emits_logical_unshaped_text() {
    let output = qari_with_stdin(
        &["show", "-", "--width", "0", "--bidi", "terminal"],
        "سلام عليكم\n",
    );
    assert_eq!(stdout(&output), "سلام عليكم\n");
    let output = qari_with_stdin(&["show", "-", "--width", "0", "--no-shape"], "سلام\n");
    assert_eq!(stdout(&output), "مالس\n");
}

#[test]
fn usage_errors_exit_2_and_runtime_errors_exit_1() {
    assert_eq!(qari(&["list", "--sort", "nonsense"]).status.code(), Some(2));
    assert_eq!(qari(&["show"]).status.code(), Some(2));
    let missing = qari(&["show", "no-such-article"]);
    assert_eq!(missing.status.code(), Some(1));
    let message = String::from_utf8_lossy(&missing.stderr);
    assert!(message.contains("no-such-article"), "{message}");
    // `0` starts every sample id: ambiguous, and the message says so.
    let ambiguous = qari(&["show", "0"]);
    assert_eq!(ambiguous.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&ambiguous.stderr).contains("could be"));
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "عنوان الخبر\n\nنص الخبر.\n").unwrap();
    std::fs::write(dir.path().join("latin1.txt"), b"caf\xe9 \xe0 la carte\n").unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"abc\x00def").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "\n \n").unwrap();
    std::fs::write(dir.path().join(".hidden.txt"), "مخفي مخفي").unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "not an article here").unwrap();
    let output = qari(&["list", dir.path().to_str().unwrap()]);
    assert!(output.status.success(), "one article loaded: exit 0");
    assert_eq!(stdout(&output), "good.txt\t-\t-\tعنوان الخبر\n");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("latin1.txt: not UTF-8"), "{errors}");
    assert!(errors.contains("binary.txt: binary file"), "{errors}");
    assert!(errors.contains("empty.txt: no text"), "{errors}");
    assert_eq!(errors.lines().count(), 3, "{errors}");

    let nothing = qari(&["list", dir.path().join("missing").to_str().unwrap()]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nothing.stderr).contains("no such file or folder"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(qari_bin())
        .args(["show", "004", "--width", "20"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
