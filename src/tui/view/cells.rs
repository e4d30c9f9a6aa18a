//! Putting laid-out lines into the buffer, cell by cell at the columns the layout chose.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::text::VisualLine;

/// Draws `line` on the first row of `area`, clipped to its width. Cells come from the text
/// pipeline, so they never hold control characters; `set_stringn` is still used rather
/// than writing cell symbols directly, so that ratatui keeps its own width bookkeeping
/// for wide characters.
pub fn draw_line(buf: &mut Buffer, area: Rect, line: &VisualLine, style: Style) {
    draw_styled_line(buf, area, line, |_| style);
}

/// Draws `line` like [`draw_line`], each cell in the style `style_of` gives for the
/// logical byte range the cell shows (search matches, a selection): painted through the
/// layout's map, so a mark lands on the right letters after shaping and reordering.
pub fn draw_styled_line(
    buf: &mut Buffer,
    area: Rect,
    line: &VisualLine,
    style_of: impl Fn(&Range<usize>) -> Style,
) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let right = usize::from(area.right());
    let mut x = usize::from(area.x) + line.indent;
    for cell in &line.cells {
        if x + cell.width > right {
            break;
        }
        let column = u16::try_from(x).unwrap_or(u16::MAX);
        buf.set_stringn(
            column,
            area.y,
            &cell.text,
            cell.width,
            style_of(&cell.logical),
        );
        x += cell.width;
    }
}

/// The columns [`draw_styled_line`] fills with `line` on a row of `area`.
pub fn drawn_columns(area: Rect, line: &VisualLine) -> Range<u16> {
    let start = usize::from(area.x) + line.indent;
    let right = usize::from(area.right());
    let mut end = start;
    for cell in &line.cells {
        if end + cell.width > right {
            break;
        }
        end += cell.width;
    }
    let column = |x: usize| u16::try_from(x.min(right)).unwrap_or(u16::MAX);
    column(start)..column(end)
}

/// Whether the byte range `cell` overlaps any of `ranges`.
pub fn overlaps(cell: &Range<usize>, ranges: &[Range<usize>]) -> bool {
    ranges
        .iter()
        .any(|r| r.start < cell.end && cell.start < r.end)
}
