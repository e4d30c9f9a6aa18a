//! Properties of the layout on random mixed-direction paragraphs: no grapheme cluster is
//! split, reordering is a permutation of each line's clusters, no line is wider than the
//! width, every visible character is drawn exactly once, and nothing unprintable is drawn.

use proptest::prelude::*;
use qari::text::{
    Alignment, BaseDirection, BidiMode, LayoutOptions, Shaping, Tashkeel, VisualLine,
    is_never_emitted, is_tashkeel, layout_paragraph,
};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const PIECES: &[&str] = &[
    "ب", "ت", "س", "م", "ع", "ه", "ي", "ل", "ا", "أ", "إ", "آ", "ة", "ى", "ء", "لا", "ـ",
    "\u{064E}", "\u{064B}", "\u{0651}", "\u{0652}", "a", "Z", "x", "1", "42", "٣", " ", " ", " ",
    "  ", "(", ")", "[", "]", "{", "}", "<", ">", "«", "»", ".", "،", "-", "/", "ש", "א", "🙂",
    "🇷🇺", "\u{200D}", "\u{200C}", "\u{200F}", "\u{202B}", "\u{202E}", "\u{202C}", "\u{2066}",
    "\u{2067}", "\u{2068}", "\u{2069}", "\u{00A0}",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (
        prop_oneof![Just(0usize), Just(1), Just(2), 3usize..=40],
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

fn cluster_boundaries(text: &str) -> Vec<usize> {
    let mut bounds: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    bounds.push(text.len());
    bounds
}

/// Characters that may legitimately be missing from the cells.
fn may_be_undrawn(c: char, options: &LayoutOptions) -> bool {
    is_never_emitted(c)
        || (options.tashkeel == Tashkeel::Hidden && is_tashkeel(c))
        || c == ' '
        || matches!(c, '\u{200C}' | '\u{200D}')
}

fn check(text: &str, options: &LayoutOptions, lines: &[VisualLine]) -> Result<(), TestCaseError> {
    let bounds = cluster_boundaries(text);
    let mut drawn = vec![0usize; text.len()];
    for line in lines {
        // (a) whole clusters only.
        for cell in &line.cells {
            prop_assert!(
                bounds.contains(&cell.logical.start),
                "cell starts mid-cluster: {cell:?}"
            );
            prop_assert!(
                bounds.contains(&cell.logical.end),
                "cell ends mid-cluster: {cell:?}"
            );
            // (e) honest widths, nothing unprintable.
            prop_assert_eq!(cell.width, cell.text.width());
            prop_assert!(!cell.text.chars().any(is_never_emitted), "{:?}", cell.text);
            for b in cell.logical.clone() {
                drawn[b] += 1;
            }
        }
        // (b) a permutation of disjoint ranges inside the line.
        let mut ranges: Vec<_> = line.cells.iter().map(|c| c.logical.clone()).collect();
        ranges.sort_by_key(|r| r.start);
        for pair in ranges.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start, "overlap: {:?}", pair);
        }
        for range in &ranges {
            prop_assert!(line.logical.start <= range.start && range.end <= line.logical.end);
        }
        // (c) within the width.
        if options.width > 0 {
            let single_wide = line.cells.len() == 1 && line.cells[0].width > options.width;
            prop_assert!(
                line.indent + line.width() <= options.width || single_wide,
                "line of {} + {} columns at width {}",
                line.indent,
                line.width(),
                options.width
            );
        }
        // (f) terminal mode keeps logical order.
        if options.bidi == BidiMode::Terminal {
            let starts: Vec<usize> = line.cells.iter().map(|c| c.logical.start).collect();
            prop_assert!(
                starts.windows(2).all(|w| w[0] < w[1]),
                "not logical: {starts:?}"
            );
        }
    }
    // (d) every visible character exactly once.
    for (i, c) in text.char_indices() {
        let count = drawn[i];
        if may_be_undrawn(c, options) {
            prop_assert!(count <= 1, "{c:?} drawn {count} times");
        } else {
            prop_assert_eq!(
                count,
                1,
                "{:?} at byte {} drawn {} times in {:?}",
                c,
                i,
                count,
                text
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn layout_keeps_clusters_whole_and_draws_everything_once(
        text in paragraph(),
        options in options(),
    ) {
        let lines = layout_paragraph(&text, &options);
        prop_assert!(!lines.is_empty());
        check(&text, &options, &lines)?;
    }
}
