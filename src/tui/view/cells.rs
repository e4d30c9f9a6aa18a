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
    draw_marked_line(buf, area, line, style, &[], style);
}

/// Draws `line` like [`draw_line`], with the cells that show any of the logical byte
/// ranges `marks` in `mark` style (search matches): painted through the layout's map, so
/// the mark lands on the right letters after shaping and reordering.
pub fn draw_marked_line(
    buf: &mut Buffer,
    area: Rect,
    line: &VisualLine,
    style: Style,
    marks: &[Range<usize>],
    mark: Style,
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
        let marked = marks
            .iter()
            .any(|m| m.start < cell.logical.end && cell.logical.start < m.end);
        let cell_style = if marked { mark } else { style };
        buf.set_stringn(column, area.y, &cell.text, cell.width, cell_style);
        x += cell.width;
    }
}
