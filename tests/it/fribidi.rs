//! Shaping and visual order checked against an independent implementation, GNU FriBidi:
//! every paragraph of the five sample articles, laid out by `qari show - --width 0
//! --no-align`, is character for character what `fribidi --nopad --nobreak --clean
//! --reordernsm` prints (FriBidi also shapes, forms lam-alef ligatures and, with
//! `--reordernsm`, keeps marks after their base as qari's rule L3 does).

use std::path::PathBuf;
use std::process::Command;

use qari::text::{
    Alignment, BaseDirection, BidiMode, LayoutOptions, Shaping, Tashkeel, layout_paragraph,
    regional_indicator_letter,
};

use crate::support::{fribidi_visual, fribidi_visual_lines, qari_bin, repo_file, run_with_stdin};

#[test]
fn every_sample_paragraph_is_what_fribidi_draws() {
    let (mut paragraphs, mut identical, mut differences) = (0, 0, Vec::new());
    for path in sample_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let ours = qari_show(&text);
        let theirs = fribidi_visual_lines(&text);
        for index in 0..ours.len().max(theirs.len()) {
            // qari drops whitespace at the ends of a paragraph; FriBidi keeps it and moves
            // it to one side by rule L1. Either way nothing visible is there, so both sides
            // are trimmed of it.
            let ours = ours.get(index).map(|line| line.trim_matches(' '));
            // qari spells a flag as its two letters (terminals disagree on a flag's
            // width); FriBidi keeps the regional indicators. Compared in qari's spelling.
            let theirs: Option<String> = theirs.get(index).map(|line| {
                line.trim_matches(' ')
                    .chars()
                    .map(|c| regional_indicator_letter(c).unwrap_or(c))
                    .collect()
            });
            let theirs = theirs.as_deref();
            // Blank lines only separate paragraphs, and would pad the count.
            if ours.is_some_and(str::is_empty) && ours == theirs {
                continue;
            }
            paragraphs += 1;
            if ours == theirs {
                identical += 1;
            } else {
                differences.push(format!(
                    "{}, line {}:\n  qari:    {ours:?}\n  fribidi: {theirs:?}",
                    path.display(),
                    index + 1
                ));
            }
        }
    }
    println!("FriBidi: {identical}/{paragraphs} paragraphs identical");
    // Guards against comparing two empty outputs.
    assert!(paragraphs > 100, "only {paragraphs} paragraphs compared");
    assert!(
        differences.is_empty(),
        "{} paragraphs differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn fribidi_renders_the_first_word_of_every_sample_title() {
    let corpus = qari::corpus::load_paths(&sample_files());
    assert!(corpus.skipped.is_empty(), "{:?}", corpus.skipped);
    assert_eq!(corpus.articles.len(), 5);
    let options = LayoutOptions {
        width: 0,
        bidi: BidiMode::App,
        shaping: Shaping::On,
        tashkeel: Tashkeel::Shown,
        base: BaseDirection::Auto,
        alignment: Alignment::Left,
    };
    for article in &corpus.articles {
        let word = article.title.split_whitespace().next().unwrap();
        let theirs = fribidi_visual(word);
        assert!(
            !theirs.is_empty() && !theirs.contains('\u{FEFF}') && theirs.trim() == theirs,
            "FriBidi gave {theirs:?} for {word:?}"
        );
        // An Arabic word comes out shaped and reversed, so it differs from its logical form.
        assert_ne!(theirs, word);
        let ours: String = layout_paragraph(word, &options)
            .iter()
            .map(|line| line.to_plain())
            .collect();
        assert_eq!(ours, theirs, "first word of {:?}", article.title);
    }
}

/// The five sample articles, in name order.
fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_file("assets/sample"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "{files:?}");
    files
}

/// `qari show -` reads one paragraph per line, so its output lines pair with the input's.
fn qari_show(text: &str) -> Vec<String> {
    let mut qari = Command::new(qari_bin());
    qari.args(["show", "-", "--width", "0", "--no-align"]);
    let output = run_with_stdin(&mut qari, text).unwrap();
    crate::support::succeeded(&output)
        .lines()
        .map(str::to_owned)
        .collect()
}
