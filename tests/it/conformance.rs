//! Unicode conformance: every case of BidiCharacterTest.txt through qari's layout code
//! (unshaped, no wrapping) gives the visual order the Unicode Consortium publishes.
//!
//! Two documented differences are allowed for. qari reorders by grapheme cluster, so a
//! mark stays after its base (rule L3, which the test file leaves out of scope): the
//! comparison is made cluster by cluster. And qari draws neither the characters it never
//! sends to a terminal (controls, bidi formatting characters) nor whitespace at the end
//! of a paragraph: those are left out of the expected order.

use std::collections::BTreeSet;

use qari::text::{
    Alignment, BaseDirection, BidiMode, LayoutOptions, Shaping, Tashkeel, is_never_emitted,
    layout_paragraph,
};

const TEST_FILE: &str = "/usr/share/unicode/BidiCharacterTest.txt";

#[test]
fn bidi_character_test_matches_in_full() {
    let data = std::fs::read_to_string(TEST_FILE).unwrap_or_else(|err| {
        panic!("{TEST_FILE}: {err}; run scripts/test.sh, which installs unicode-data")
    });
    let (mut cases, mut failures) = (0, Vec::new());
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        cases += 1;
        if let Err(why) = check_case(line) {
            failures.push(format!("{line}\n    {why}"));
        }
    }
    let passed = cases - failures.len();
    println!(
        "BidiCharacterTest: {passed}/{cases} cases match ({:.2} %)",
        100.0 * passed as f64 / cases as f64
    );
    assert!(cases > 90_000, "only {cases} cases read");
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(5)].join("\n")
    );
}

fn check_case(line: &str) -> Result<(), String> {
    let fields: Vec<&str> = line.split(';').collect();
    let chars: Vec<char> = fields[0]
        .split_whitespace()
        .map(|hex| char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap())
        .collect();
    let text: String = chars.iter().collect();
    let base = match fields[1] {
        "0" => BaseDirection::Ltr,
        "1" => BaseDirection::Rtl,
        _ => BaseDirection::Auto,
    };
    let options = LayoutOptions {
        width: 0,
        bidi: BidiMode::App,
        shaping: Shaping::Off,
        tashkeel: Tashkeel::Shown,
        base,
        alignment: Alignment::Left,
    };
    let levels: Vec<&str> = fields[3].split_whitespace().collect();
    let trailing_spaces = chars.iter().rev().take_while(|&&c| c == ' ').count();
    let drawn = |i: usize| {
        levels[i] != "x" && !is_never_emitted(chars[i]) && i < chars.len() - trailing_spaces
    };
    let expected: Vec<usize> = fields[4]
        .split_whitespace()
        .map(|s| s.parse().unwrap())
        .filter(|&i| drawn(i))
        .collect();

    let byte_to_char: Vec<usize> = text
        .char_indices()
        .enumerate()
        .flat_map(|(ci, (_, c))| std::iter::repeat_n(ci, c.len_utf8()))
        .collect();
    let lines = layout_paragraph(&text, &options);
    if lines.len() != 1 {
        return Err(format!("{} lines", lines.len()));
    }
    let mut rest = expected.as_slice();
    for cell in &lines[0].cells {
        let cluster: BTreeSet<usize> = cell
            .logical
            .clone()
            .map(|b| byte_to_char[b])
            .filter(|&i| drawn(i))
            .collect();
        if cluster.len() > rest.len() {
            return Err(format!("cell {cell:?} runs past the expected order"));
        }
        let (head, tail) = rest.split_at(cluster.len());
        if head.iter().copied().collect::<BTreeSet<_>>() != cluster {
            return Err(format!("expected {head:?} where qari put {cluster:?}"));
        }
        rest = tail;
    }
    if rest.is_empty() {
        Ok(())
    } else {
        Err(format!("never drawn: {rest:?}"))
    }
}
