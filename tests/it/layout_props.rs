//! Properties of `layout_paragraph` on random paragraphs that mix Arabic (with harakat,
//! tatweel and lam-alef), Latin, Hebrew, both kinds of digits, brackets, emoji, joiners and
//! bidi controls, under every combination of options and widths 0 to 40. For every case:
//! no grapheme cluster is split; each line's cells are a permutation of disjoint pieces of
//! that line; no line is wider than the screen; every character is drawn exactly once
//! unless qari has a stated reason not to draw it; cells report their true width and
//! never carry a control; a cell shows its own logical text (shaped or mirrored at most);
//! terminal mode keeps logical order.

use std::ops::Range;

use proptest::prelude::*;
use qari::text::tables::{FORMS, LAM_ALEF};
use qari::text::{
    Alignment, BaseDirection, BidiMode, Cell, LayoutOptions, Shaping, Tashkeel, VisualLine,
    is_never_emitted, is_tashkeel, layout_paragraph, regional_indicator_letter,
};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::support::is_breakable_space;

/// The pieces paragraphs are made of. Lam and the alef forms come alone and already paired,
/// so that lam-alef ligatures, and lam-mark-alef (no ligature), are frequent.
const PIECES: &[&str] = &[
    "ب", "ت", "ج", "س", "ع", "ه", "ي", "ة", "ى", "ء", "و", "د", "ل", "ل", "ا", "أ", "إ", "آ", "لا",
    "لأ", "لإ", "لآ", "\u{064B}", "\u{064C}", "\u{064D}", "\u{064E}", "\u{064F}", "\u{0650}",
    "\u{0651}", "\u{0652}", "ـ", "a", "Z", "q", "1", "7", "٣", "٠", " ", " ", " ", "  ",
    "\u{00A0}", ".", ",", "،", "!", "-", "/", "(", ")", "[", "]", "{", "}", "<", ">", "«", "»",
    "ש", "א", "🙂", "🇷🇺", "\u{200D}", "\u{200C}", "\u{200F}", "\u{202B}", "\u{202E}", "\u{202C}",
    "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
];

const ALEFS: [char; 4] = ['ا', 'أ', 'إ', 'آ'];

/// The mirrored characters of [`PIECES`], both ways (Bidi_Mirroring_Glyph).
const MIRRORS: [(char, char); 10] = [
    ('(', ')'),
    (')', '('),
    ('[', ']'),
    (']', '['),
    ('{', '}'),
    ('}', '{'),
    ('<', '>'),
    ('>', '<'),
    ('«', '»'),
    ('»', '«'),
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|pieces| pieces.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        // 1 and 2 are narrower than an emoji or a flag, the hardest case for wrapping.
        prop_oneof![Just(1usize), Just(2), 0usize..=40],
        prop_oneof![Just(BidiMode::App), Just(BidiMode::Terminal)],
        prop_oneof![Just(Shaping::On), Just(Shaping::Off)],
        prop_oneof![Just(Tashkeel::Shown), Just(Tashkeel::Hidden)],
        prop_oneof![
            Just(BaseDirection::Auto),
            Just(BaseDirection::Rtl),
            Just(BaseDirection::Ltr)
        ],
        prop_oneof![Just(Alignment::ByDirection), Just(Alignment::Left)],
    )
        .prop_map(
            |(width, bidi, shaping, tashkeel, base, alignment)| LayoutOptions {
                width,
                bidi,
                shaping,
                tashkeel,
                base,
                alignment,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn layout_keeps_every_character_whole_once_and_on_screen(
        text in paragraph(),
        options in options(),
    ) {
        let lines = layout_paragraph(&text, &options);
        prop_assert!(!lines.is_empty(), "no line at all");
        let clusters: Vec<Range<usize>> = text
            .grapheme_indices(true)
            .map(|(start, cluster)| start..start + cluster.len())
            .collect();
        for line in &lines {
            check_line(&text, &clusters, &options, line)?;
        }
        check_drawn_once(&text, &clusters, &options, &lines)?;
    }
}

fn check_line(
    text: &str,
    clusters: &[Range<usize>],
    options: &LayoutOptions,
    line: &VisualLine,
) -> Result<(), TestCaseError> {
    for cell in &line.cells {
        check_cell(text, clusters, options, cell)?;
    }

    // (b) Reordering is a permutation of the line's pieces.
    let mut ranges: Vec<Range<usize>> = line.cells.iter().map(|c| c.logical.clone()).collect();
    ranges.sort_by_key(|range| range.start);
    for pair in ranges.windows(2) {
        prop_assert!(pair[0].end <= pair[1].start, "overlapping cells {pair:?}");
    }
    for range in &ranges {
        prop_assert!(
            line.logical.start <= range.start && range.end <= line.logical.end,
            "cell {range:?} outside its line {:?}",
            line.logical
        );
    }

    // (c) Nothing runs off the screen, and right alignment fills the line exactly.
    if options.width > 0 {
        let one_wide_cell = line.cells.len() == 1 && line.cells[0].width > options.width;
        prop_assert!(
            line.indent + line.width() <= options.width || one_wide_cell,
            "{} + {} columns at width {}: {line:?}",
            line.indent,
            line.width(),
            options.width
        );
    }
    let indent = if line.rtl && options.alignment == Alignment::ByDirection {
        options.width.saturating_sub(line.width())
    } else {
        0
    };
    prop_assert_eq!(line.indent, indent);

    // (f) A bidi terminal is handed logical order.
    if options.bidi == BidiMode::Terminal {
        let starts: Vec<usize> = line.cells.iter().map(|c| c.logical.start).collect();
        prop_assert!(
            starts.windows(2).all(|pair| pair[0] < pair[1]),
            "not in logical order: {starts:?}"
        );
    }
    Ok(())
}

fn check_cell(
    text: &str,
    clusters: &[Range<usize>],
    options: &LayoutOptions,
    cell: &Cell,
) -> Result<(), TestCaseError> {
    // (a) Whole clusters only; more than one only for a lam-alef ligature.
    let first = clusters.iter().position(|c| c.start == cell.logical.start);
    let last = clusters.iter().position(|c| c.end == cell.logical.end);
    let (Some(first), Some(last)) = (first, last) else {
        return Err(TestCaseError::fail(format!(
            "{cell:?} splits a cluster of {text:?}"
        )));
    };
    prop_assert!(first <= last, "empty cell {cell:?}");
    if first < last {
        let lam = &text[clusters[first].clone()];
        let alef = text[clusters[last].clone()].chars().next();
        prop_assert!(
            last == first + 1
                && lam == "ل"
                && alef.is_some_and(|a| ALEFS.contains(&a))
                && options.bidi == BidiMode::App
                && options.shaping == Shaping::On
                && cell
                    .text
                    .starts_with(|c| ('\u{FEF5}'..='\u{FEFC}').contains(&c)),
            "{cell:?} covers several clusters without being a lam-alef"
        );
    }

    // (e) Honest width, and nothing a terminal would act on.
    prop_assert!(!cell.text.is_empty(), "empty text in {cell:?}");
    prop_assert_eq!(cell.width, cell.text.width(), "width of {:?}", cell);
    prop_assert!(
        !cell.text.chars().any(is_never_emitted),
        "never-emitted character in {cell:?}"
    );

    prop_assert!(
        shows(&text[cell.logical.clone()], &cell.text, options),
        "{cell:?} does not show {:?}",
        &text[cell.logical.clone()]
    );
    Ok(())
}

/// Whether `drawn` is `logical` less what is never drawn, each character as stored, in
/// its presentation form, mirrored, or (lam then alef) as one ligature. A cluster of
/// marks alone may be drawn on a dotted circle.
fn shows(logical: &str, drawn: &str, options: &LayoutOptions) -> bool {
    let app = options.bidi == BidiMode::App;
    let shaped = app && options.shaping == Shaping::On;
    let logical: Vec<char> = logical
        .chars()
        .filter(|&c| !never_drawn(c, options))
        .collect();
    let mut drawn: Vec<char> = drawn.chars().collect();
    if drawn.first() == Some(&'\u{25CC}') && logical.iter().all(|c| c.width() == Some(0)) {
        drawn.remove(0);
    }
    let (mut i, mut j) = (0, 0);
    while i < logical.len() && j < drawn.len() {
        let (l, d) = (logical[i], drawn[j]);
        let next = logical.get(i + 1).copied();
        if shaped
            && LAM_ALEF
                .iter()
                .any(|&(lam, alef, _, ligature)| (lam, Some(alef), ligature) == (l, next, d))
        {
            i += 2;
            j += 1;
            continue;
        }
        let same = d == l
            || regional_indicator_letter(l) == Some(d)
            || (app && MIRRORS.contains(&(l, d)))
            || (shaped
                && FORMS
                    .iter()
                    .any(|(letter, forms)| *letter == l && forms.contains(&Some(d))));
        if !same {
            return false;
        }
        i += 1;
        j += 1;
    }
    i == logical.len() && j == drawn.len()
}

/// Characters that no cell ever shows.
fn never_drawn(c: char, options: &LayoutOptions) -> bool {
    is_never_emitted(c) || (options.tashkeel == Tashkeel::Hidden && is_tashkeel(c))
}

/// (d) Every character is covered by exactly one cell, except those qari has a reason not
/// to draw, which are covered at most once.
fn check_drawn_once(
    text: &str,
    clusters: &[Range<usize>],
    options: &LayoutOptions,
    lines: &[VisualLine],
) -> Result<(), TestCaseError> {
    let mut covered = vec![0usize; text.len()];
    for cell in lines.iter().flat_map(|line| &line.cells) {
        for byte in cell.logical.clone() {
            covered[byte] += 1;
        }
    }
    let first_line_start = lines[0].logical.start;
    let in_a_line = |byte: usize| lines.iter().any(|line| line.logical.contains(&byte));
    for cluster in clusters {
        let cluster_text = &text[cluster.clone()];
        // A space where a line breaks or the paragraph ends is not drawn: a line never
        // begins or ends with the space it broke at.
        let dropped_space = cluster_text.chars().count() == 1
            && cluster_text.chars().all(is_breakable_space)
            && cluster.start >= first_line_start
            && !in_a_line(cluster.start);
        // A joiner with nothing to join (at the start of the paragraph, after a control, or
        // after hidden marks) is not drawn: a cell of zero width would only confuse
        // terminals.
        let lone_joiners = cluster_text
            .chars()
            .all(|c| never_drawn(c, options) || matches!(c, '\u{200C}' | '\u{200D}'));
        for (offset, c) in cluster_text.char_indices() {
            let count = covered[cluster.start + offset];
            if dropped_space || lone_joiners || never_drawn(c, options) {
                prop_assert!(count <= 1, "{c:?} at {} drawn {count} times", cluster.start);
            } else {
                prop_assert_eq!(
                    count,
                    1,
                    "{:?} at byte {} of {:?} drawn {} times",
                    c,
                    cluster.start + offset,
                    text,
                    count
                );
            }
        }
    }
    Ok(())
}
