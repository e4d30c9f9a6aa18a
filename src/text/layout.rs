//! Paragraph layout: from one logical paragraph to the screen lines a terminal shows.
//!
//! The order follows UAX #9 and the design: levels for the whole paragraph, shaping in
//! logical order, wrapping in logical order by the width of the shaped text, then each
//! line reordered on its own (L1–L2 from `unicode-bidi`, L3 by moving grapheme clusters
//! rather than characters, L4 by mirroring at odd levels), then alignment. Every cell keeps
//! the byte range of the logical text it shows, so highlights and selections made in
//! logical terms can be painted on the right cells.

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};

use super::units::{Unit, units};
use super::wrap::wrap;

/// Who reorders and shapes: qari itself, or a bidi-capable terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BidiMode {
    /// qari shapes, reorders and mirrors; the terminal draws cells as given.
    #[default]
    App,
    /// qari wraps and aligns but emits logical, unshaped text for a terminal that does
    /// bidi itself.
    Terminal,
}

/// Whether Arabic letters are turned into presentation forms (app mode only).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shaping {
    /// Letters take their contextual forms; lam-alef ligates.
    #[default]
    On,
    /// Letters are drawn as stored.
    Off,
}

/// Whether Arabic combining marks are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tashkeel {
    /// Marks are drawn on their letters.
    #[default]
    Shown,
    /// Marks are left out (their logical offsets still count).
    Hidden,
}

/// The paragraph direction: from the first strong character (UAX #9 P2–P3), or forced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BaseDirection {
    /// From the first strong character.
    #[default]
    Auto,
    /// Right to left.
    Rtl,
    /// Left to right.
    Ltr,
}

/// Whether right-to-left paragraphs are pushed to the right edge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Alignment {
    /// RTL paragraphs right-aligned, LTR paragraphs left-aligned.
    #[default]
    ByDirection,
    /// Every line starts at the left edge.
    Left,
}

/// Everything that decides how a paragraph is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Columns available; 0 means no wrapping.
    pub width: usize,
    /// Who reorders.
    pub bidi: BidiMode,
    /// Whether letters are shaped.
    pub shaping: Shaping,
    /// Whether marks are drawn.
    pub tashkeel: Tashkeel,
    /// Paragraph direction.
    pub base: BaseDirection,
    /// Where lines sit.
    pub alignment: Alignment,
}

/// One grapheme cluster (or a lam-alef ligature, which covers two) as drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// What the terminal is given: shaped, mirrored, never a control character.
    pub text: String,
    /// Columns it takes.
    pub width: usize,
    /// The bytes of the logical paragraph it stands for.
    pub logical: Range<usize>,
}

/// One screen line of a paragraph, cells in left-to-right screen order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisualLine {
    /// The cells, left to right.
    pub cells: Vec<Cell>,
    /// Blank columns before the first cell (right alignment).
    pub indent: usize,
    /// The paragraph is right-to-left.
    pub rtl: bool,
    /// The bytes of the logical paragraph this line covers.
    pub logical: Range<usize>,
}

impl VisualLine {
    /// Columns taken by the cells, without the indent.
    pub fn width(&self) -> usize {
        self.cells.iter().map(|cell| cell.width).sum()
    }

    /// The line as plain text: indent, then the cells, with no trailing spaces.
    pub fn to_plain(&self) -> String {
        let mut out = " ".repeat(self.indent);
        for cell in &self.cells {
            out.push_str(&cell.text);
        }
        out.truncate(out.trim_end().len());
        out
    }
}

/// Lays out one paragraph (no line breaks inside) into screen lines. An empty paragraph
/// gives one empty line.
pub fn layout_paragraph(text: &str, options: &LayoutOptions) -> Vec<VisualLine> {
    let base_level = match options.base {
        BaseDirection::Auto => None,
        BaseDirection::Rtl => Some(Level::rtl()),
        BaseDirection::Ltr => Some(Level::ltr()),
    };
    let bidi = ParagraphBidiInfo::new(text, base_level);
    let rtl = bidi.paragraph_level.is_rtl();
    let units = units(text, options);
    let line_ranges = wrap(&units, options.width);
    line_ranges
        .into_iter()
        .map(|range| {
            let mut line = visual_line(&bidi, &units[range], options);
            line.rtl = rtl;
            if rtl && options.alignment == Alignment::ByDirection {
                line.indent = options.width.saturating_sub(line.width());
            }
            line
        })
        .collect()
}

fn visual_line(
    bidi: &ParagraphBidiInfo<'_>,
    units: &[Unit],
    options: &LayoutOptions,
) -> VisualLine {
    let logical = match (units.first(), units.last()) {
        (Some(first), Some(last)) => first.logical.start..last.logical.end,
        _ => 0..0,
    };
    let app_order = options.bidi == BidiMode::App && !logical.is_empty();
    // Levels after L1 for this line; a unit takes the level of its first byte (marks share
    // their base's level by W1, and a lam-alef ligature lies within one run).
    let unit_levels: Vec<Level> = if app_order {
        let levels = bidi.reordered_levels(logical.clone());
        units
            .iter()
            .map(|unit| levels[unit.logical.start])
            .collect()
    } else {
        vec![Level::ltr(); units.len()]
    };
    let order: Vec<usize> = if app_order {
        ParagraphBidiInfo::reorder_visual(&unit_levels)
    } else {
        (0..units.len()).collect()
    };
    let cells = order
        .into_iter()
        .filter(|&i| !units[i].text.is_empty())
        .map(|i| {
            let unit = &units[i];
            let text = if unit_levels[i].is_rtl() {
                unit.text.chars().map(mirrored).collect()
            } else {
                unit.text.clone()
            };
            Cell {
                text,
                width: unit.width,
                logical: unit.logical.clone(),
            }
        })
        .collect();
    VisualLine {
        cells,
        indent: 0,
        rtl: false,
        logical,
    }
}

fn mirrored(c: char) -> char {
    unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(width: usize, shaping: Shaping, base: BaseDirection) -> LayoutOptions {
        LayoutOptions {
            width,
            shaping,
            base,
            ..LayoutOptions::default()
        }
    }

    fn cells(text: &str, options: &LayoutOptions) -> Vec<(String, Range<usize>)> {
        let lines = layout_paragraph(text, options);
        assert_eq!(lines.len(), 1, "{lines:?}");
        let cells = lines[0].cells.iter();
        cells.map(|c| (c.text.clone(), c.logical.clone())).collect()
    }

    #[test]
    fn brackets_are_mirrored_at_odd_levels_only() {
        let cell = |text: &str, range| (text.to_owned(), range);
        // Right to left, the brackets are at level 1: the closing one is drawn first, as "(".
        let rtl = options(0, Shaping::Off, BaseDirection::Auto);
        assert_eq!(
            cells("(ب)", &rtl),
            [cell("(", 3..4), cell("ب", 1..3), cell(")", 0..1)]
        );
        assert_eq!(cells("«ب»", &rtl)[0], cell("«", 4..6));
        // Left to right they take the paragraph's level 0 (N0) and stay as they are.
        let ltr = options(0, Shaping::Off, BaseDirection::Ltr);
        assert_eq!(
            cells("(ب)", &ltr),
            [cell("(", 0..1), cell("ب", 1..3), cell(")", 3..4)]
        );
    }

    #[test]
    fn marks_stay_after_their_base_when_a_run_is_reversed() {
        let rtl = options(0, Shaping::Off, BaseDirection::Auto);
        // بَت: the fatha travels with its beh (rule L3) instead of landing before it.
        assert_eq!(
            cells("ب\u{064E}ت", &rtl),
            [("ت".to_owned(), 4..6), ("ب\u{064E}".to_owned(), 0..4)]
        );
    }

    #[test]
    fn right_to_left_lines_are_pushed_to_the_right_edge() {
        let indent =
            |text: &str, options: &LayoutOptions| layout_paragraph(text, options)[0].indent;
        let by_direction = options(10, Shaping::Off, BaseDirection::Auto);
        assert_eq!(indent("سلام", &by_direction), 6);
        assert_eq!(indent("abcd", &by_direction), 0);
        assert_eq!(
            indent("سلام", &options(0, Shaping::Off, BaseDirection::Auto)),
            0
        );
        let left = LayoutOptions {
            alignment: Alignment::Left,
            ..by_direction
        };
        assert_eq!(indent("سلام", &left), 0);
    }

    #[test]
    fn wrapped_lines_never_exceed_the_width() {
        let text = "كتب الولد 🙂 رسالةً طويلة جداً to his friend في القاهرة (2024)";
        for width in 1..=30 {
            let lines = layout_paragraph(text, &options(width, Shaping::On, BaseDirection::Auto));
            for line in &lines {
                let one_wide_cell = line.cells.len() == 1 && line.cells[0].width > width;
                assert!(
                    line.indent + line.width() <= width || one_wide_cell,
                    "width {width}: {line:?}"
                );
            }
        }
        // The space a line breaks at, and spaces ending the paragraph, are not drawn.
        let lines = layout_paragraph("ab cd  ", &options(3, Shaping::Off, BaseDirection::Auto));
        let plain: Vec<String> = lines.iter().map(VisualLine::to_plain).collect();
        assert_eq!(plain, ["ab", "cd"]);
        assert_eq!(lines.iter().map(|l| l.cells.len()).sum::<usize>(), 4);
    }

    #[test]
    fn lam_alef_is_one_cell_covering_both_letters() {
        let shaped = options(0, Shaping::On, BaseDirection::Auto);
        assert_eq!(cells("لا", &shaped), [("\u{FEFB}".to_owned(), 0..4)]);
        // سلام: seen initial, lam-alef final, meem isolated, right to left.
        let line = &layout_paragraph("سلام", &shaped)[0];
        let texts: Vec<&str> = line.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["\u{FEE1}", "\u{FEFC}", "\u{FEB3}"]);
        assert_eq!(
            (line.cells[1].logical.clone(), line.cells[1].width),
            (2..6, 1)
        );
    }

    #[test]
    fn hidden_tashkeel_is_not_drawn_but_keeps_its_offsets() {
        let hidden = LayoutOptions {
            tashkeel: Tashkeel::Hidden,
            ..options(0, Shaping::Off, BaseDirection::Auto)
        };
        assert_eq!(cells("ب\u{064E}", &hidden), [("ب".to_owned(), 0..4)]);
        // A mark with no base is not drawn at all when hidden, on a dotted circle when shown.
        assert_eq!(cells("\u{064E}ب", &hidden), [("ب".to_owned(), 2..4)]);
        let shown = options(0, Shaping::Off, BaseDirection::Auto);
        assert_eq!(
            cells("\u{064E}", &shown),
            [("\u{25CC}\u{064E}".to_owned(), 0..2)]
        );
    }
}
