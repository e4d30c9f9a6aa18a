//! A text squeezed onto one screen line, for list rows and headers.

use super::layout::{Cell, LayoutOptions, VisualLine, layout_paragraph};

/// Lays out `text` on a single line of `options.width` columns. Text that does not fit
/// is cut at its logical end (so the first words always show, whatever the direction)
/// and an ellipsis marks the cut.
pub fn single_line(text: &str, options: &LayoutOptions) -> VisualLine {
    let width = options.width;
    if width == 0 {
        return VisualLine::default();
    }
    let mut lines = layout_paragraph(text, options);
    if lines.len() <= 1 {
        return lines.pop().unwrap_or_default();
    }
    let narrower = LayoutOptions {
        width: width - 1,
        ..*options
    };
    let mut line = if width > 1 {
        layout_paragraph(text, &narrower).swap_remove(0)
    } else {
        VisualLine::default()
    };
    // Wrapping gives a cluster wider than the whole width a line of its own, so at width 2
    // a wide first character (CJK, an emoji) fills the narrower line by itself and the
    // ellipsis would push the row a column past its edge. The ellipsis alone stands for
    // the text then, as it does at width 1.
    if line.width() > narrower.width {
        line = VisualLine {
            rtl: line.rtl,
            logical: line.logical.start..line.logical.start,
            ..VisualLine::default()
        };
    }
    // A title that already ends its kept part with an ellipsis needs no second one.
    let last_logical = line.cells.iter().max_by_key(|cell| cell.logical.end);
    if last_logical.is_some_and(|cell| cell.text == "…") {
        line.indent = if line.rtl && alignment_right(options) {
            width.saturating_sub(line.width())
        } else {
            0
        };
        return line;
    }
    let ellipsis = Cell {
        text: "…".to_owned(),
        width: 1,
        logical: line.logical.end..line.logical.end,
    };
    // The logical end is at the visual left of a right-to-left line, unless the
    // terminal does the reordering, in which case cells are in logical order.
    if line.rtl && options.bidi == super::layout::BidiMode::App {
        line.cells.insert(0, ellipsis);
    } else {
        line.cells.push(ellipsis);
    }
    line.indent = if line.rtl && alignment_right(options) {
        width.saturating_sub(line.width())
    } else {
        0
    };
    line
}

fn alignment_right(options: &LayoutOptions) -> bool {
    options.alignment == super::layout::Alignment::ByDirection
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Alignment, Shaping};

    fn options(width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            shaping: Shaping::Off,
            alignment: Alignment::ByDirection,
            ..LayoutOptions::default()
        }
    }

    #[test]
    fn short_text_is_one_line_as_is() {
        let line = single_line("ab cd", &options(10));
        assert_eq!(line.to_plain(), "ab cd");
    }

    #[test]
    fn long_ltr_text_keeps_its_start_and_ends_in_an_ellipsis() {
        let line = single_line("alpha beta gamma", &options(12));
        assert_eq!(line.to_plain(), "alpha beta…");
        assert!(line.width() <= 12);
    }

    #[test]
    fn long_rtl_text_keeps_its_first_words_at_the_right() {
        let line = single_line("واحد اثنان ثلاثة أربعة", &options(12));
        assert!(line.indent + line.width() <= 12);
        let plain = line.to_plain();
        assert!(plain.trim_start().starts_with('…'), "{plain}");
        assert!(plain.ends_with("دحاو"), "{plain}");
    }

    #[test]
    fn a_wide_first_character_that_cannot_fit_beside_the_ellipsis_gives_way_to_it() {
        for text in ["中文", "🙂🙂", "🙂 abc"] {
            let line = single_line(text, &options(2));
            assert_eq!(line.to_plain(), "…", "{text}");
            assert!(line.indent + line.width() <= 2, "{text}: {line:?}");
        }
        assert_eq!(single_line("中文字", &options(3)).to_plain(), "中…");
        assert_eq!(single_line("中", &options(2)).to_plain(), "中");
    }

    #[test]
    fn in_terminal_bidi_mode_the_ellipsis_follows_in_logical_order() {
        let options = LayoutOptions {
            bidi: crate::text::BidiMode::Terminal,
            ..options(12)
        };
        let line = single_line("واحد اثنان ثلاثة أربعة", &options);
        assert!(line.to_plain().trim_start().starts_with("واحد"));
        assert!(line.to_plain().ends_with('…'));
    }
}
