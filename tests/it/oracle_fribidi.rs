//! Shaping and order checked against an independent implementation, GNU FriBidi: every
//! line of the five sample articles through `qari show - --width 0 --no-align` and through
//! `fribidi --nopad --nobreak --clean --reordernsm` (which also shapes, and keeps marks
//! after their base) must be identical.

use crate::support::{fribidi_visual_lines, qari_bin, repo_file, run_with_stdin};

#[test]
fn every_sample_paragraph_matches_fribidi() {
    let (mut total, mut same, mut differences) = (0, 0, Vec::new());
    for entry in std::fs::read_dir(repo_file("assets/sample")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let ours = qari_show_stdin(&text);
        let theirs = fribidi_visual_lines(&text);
        assert_eq!(ours.len(), theirs.len(), "{}", path.display());
        for (a, b) in ours.iter().zip(&theirs) {
            total += 1;
            // qari drops whitespace at paragraph ends; FriBidi moves it to one side by
            // rule L1. Neither is visible, so both are trimmed.
            if a.trim() == b.trim() {
                same += 1;
            } else {
                differences.push(format!(
                    "{}:\n  qari:    {a}\n  fribidi: {b}",
                    path.display()
                ));
            }
        }
    }
    println!("FriBidi: {same}/{total} paragraphs identical");
    assert!(total > 200, "only {total} paragraphs compared");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

fn qari_show_stdin(text: &str) -> Vec<String> {
    let mut qari = std::process::Command::new(qari_bin());
    qari.args(["show", "-", "--width", "0", "--no-align"]);
    let output = run_with_stdin(&mut qari, text).unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}
