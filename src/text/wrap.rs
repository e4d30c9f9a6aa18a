//! Breaking a paragraph into lines, in logical order, by the width of what is drawn.

use std::ops::Range;

use super::units::Unit;

/// Greedy wrapping in logical order: breaks at spaces, drops the spaces it breaks at and
/// those that end the paragraph, and breaks a word longer than the width between
/// clusters. A cluster wider than the whole width gets a line of its own. Spaces that
/// open the paragraph are kept as indentation.
pub(super) fn wrap(units: &[Unit], width: usize) -> Vec<Range<usize>> {
    let mut end = units.len();
    while end > 0 && units[end - 1].breakable_space {
        end -= 1;
    }
    if width == 0 || end == 0 {
        return std::iter::once(0..end).collect();
    }
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut line_width = 0;
    let mut line_has_content = false;
    let mut i = 0;
    while i < end {
        let gap_start = i;
        let mut gap_width = 0;
        if line_has_content {
            while i < end && units[i].breakable_space {
                gap_width += units[i].width;
                i += 1;
            }
        }
        let word_start = i;
        let mut word_width = 0;
        while i < end && (i == word_start || !units[i].breakable_space) {
            word_width += units[i].width;
            i += 1;
        }
        if line_has_content {
            if line_width + gap_width + word_width <= width {
                line_width += gap_width + word_width;
                continue;
            }
            lines.push(line_start..gap_start);
            line_start = word_start;
            line_width = 0;
        }
        // The word opens a line: cut it into pieces that fit.
        for (j, unit) in units.iter().enumerate().take(i).skip(word_start) {
            if line_width > 0 && line_width + unit.width > width {
                lines.push(line_start..j);
                line_start = j;
                line_width = 0;
            }
            line_width += unit.width;
        }
        line_has_content = true;
    }
    lines.push(line_start..end);
    lines
}
