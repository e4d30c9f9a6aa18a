//! Unicode conformance of the bidi reordering: every case of BidiCharacterTest.txt goes
//! through `layout_paragraph` (app mode, unshaped, no wrapping) and must come out in the
//! visual order the Unicode Consortium publishes.
//!
//! What qari deliberately does differently is left out of the expected order, and nothing
//! else: characters removed by rule X9 (level `x`), characters qari never sends to a
//! terminal (controls, bidi embeddings, isolates and marks; tabs never reach layout, as
//! they become spaces at load), and breakable spaces that end the paragraph, which qari
//! does not draw. And because qari moves whole grapheme clusters (rule L3, so that a mark
//! stays on its base; the test file leaves L3 out of scope), the order is compared cluster
//! by cluster: each cell must take the next characters of the expected order, in any order
//! among themselves.

use std::collections::BTreeSet;

use qari::text::{
    Alignment, BaseDirection, BidiMode, Cell, LayoutOptions, Shaping, Tashkeel, is_never_emitted,
    layout_paragraph,
};
use unicode_segmentation::UnicodeSegmentation;

use crate::support::{is_breakable_space, unicode_data_file};

/// Failures shown in full; the rest are only counted.
const SHOWN_FAILURES: usize = 5;

#[test]
fn every_bidi_character_test_line_matches() {
    let data = unicode_data_file("BidiCharacterTest.txt");
    let (mut cases, mut failures) = (0usize, Vec::new());
    for (number, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        cases += 1;
        if let Err(why) = check_case(line) {
            failures.push(format!("line {}: {line}\n    {why}", number + 1));
        }
    }
    let passed = cases - failures.len();
    println!(
        "BidiCharacterTest: {passed}/{cases} lines match ({:.2} %)",
        100.0 * passed as f64 / cases.max(1) as f64
    );
    // A truncated or foreign file would make a full pass meaningless (Unicode 15.0 has
    // 91,707 cases).
    assert!(cases > 90_000, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{} of {cases} lines differ; the first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(SHOWN_FAILURES)].join("\n")
    );
}

/// One line of the file: code points; paragraph direction (0 LTR, 1 RTL, 2 auto);
/// resolved paragraph level; resolved levels; visual order of the kept characters.
fn check_case(line: &str) -> Result<(), String> {
    let fields: Vec<&str> = line.split(';').collect();
    let [code_points, direction, _, levels, order] = fields[..] else {
        return Err(format!("{} fields", fields.len()));
    };
    let chars: Vec<char> = code_points
        .split_whitespace()
        .map(|hex| char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap())
        .collect();
    let text: String = chars.iter().collect();
    let levels: Vec<&str> = levels.split_whitespace().collect();
    let base = match direction {
        "0" => BaseDirection::Ltr,
        "1" => BaseDirection::Rtl,
        "2" => BaseDirection::Auto,
        other => return Err(format!("paragraph direction {other}")),
    };

    let mut excluded: Vec<bool> = chars
        .iter()
        .zip(&levels)
        .map(|(&c, &level)| level == "x" || is_never_emitted(c))
        .collect();
    // Spaces are dropped at the paragraph end only when each is a cluster of its own: a
    // space carrying a mark is a visible cluster, and is drawn.
    let mut end = chars.len();
    for cluster in text.graphemes(true).rev() {
        let mut cluster_chars = cluster.chars();
        match (cluster_chars.next(), cluster_chars.next()) {
            (Some(c), None) if is_breakable_space(c) => {
                end -= 1;
                excluded[end] = true;
            }
            _ => break,
        }
    }
    let expected: Vec<usize> = order
        .split_whitespace()
        .map(|index| index.parse().unwrap())
        .filter(|&index: &usize| !excluded[index])
        .collect();

    let options = LayoutOptions {
        width: 0,
        bidi: BidiMode::App,
        shaping: Shaping::Off,
        tashkeel: Tashkeel::Shown,
        base,
        alignment: Alignment::Left,
    };
    let lines = layout_paragraph(&text, &options);
    let [visual] = lines.as_slice() else {
        return Err(format!("{} lines at width 0", lines.len()));
    };
    let char_at_byte: Vec<usize> = text
        .chars()
        .enumerate()
        .flat_map(|(index, c)| std::iter::repeat_n(index, c.len_utf8()))
        .collect();
    let mut rest = expected.as_slice();
    for cell in &visual.cells {
        let cluster: BTreeSet<usize> = cell
            .logical
            .clone()
            .map(|byte| char_at_byte[byte])
            .filter(|&index| !excluded[index])
            .collect();
        // An empty set would let qari draw what it should not, unnoticed.
        if cluster.is_empty() {
            return Err(format!(
                "qari draws {:?}, which is not in the expected order; qari: {}",
                cell.text,
                describe(&visual.cells, &char_at_byte)
            ));
        }
        if cluster.len() > rest.len() {
            return Err(format!(
                "qari draws {cluster:?} after the expected order ends; qari: {}",
                describe(&visual.cells, &char_at_byte)
            ));
        }
        let (head, tail) = rest.split_at(cluster.len());
        if head.iter().copied().collect::<BTreeSet<_>>() != cluster {
            return Err(format!(
                "expected {head:?} where qari draws {cluster:?}; expected order {expected:?}, qari: {}",
                describe(&visual.cells, &char_at_byte)
            ));
        }
        rest = tail;
    }
    if rest.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "never drawn: {rest:?}; qari: {}",
            describe(&visual.cells, &char_at_byte)
        ))
    }
}

/// The cells as the character indices they cover, left to right.
fn describe(cells: &[Cell], char_at_byte: &[usize]) -> String {
    let clusters: Vec<BTreeSet<usize>> = cells
        .iter()
        .map(|cell| {
            cell.logical
                .clone()
                .map(|byte| char_at_byte[byte])
                .collect()
        })
        .collect();
    format!("{clusters:?}")
}
