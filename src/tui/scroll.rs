//! Scrolling with the terminal's own scroll region: when the rows of a full-width region
//! show the same lines as before, moved up or down as a block (the reader scrolled), the
//! terminal is asked to move them (DECSTBM + SU/SD) and only the rows that came into
//! view are sent, instead of every cell of the pane. `less` scrolls the same way.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};

/// How far the rows of `rows` (full-width rows of both buffers) moved between `before`
/// and `after`: positive when the text moved up (the reader scrolled down). None when
/// no shift saves anything: fewer rows would match shifted than already match in place.
pub fn detect_shift(before: &Buffer, after: &Buffer, rows: Range<u16>) -> Option<i32> {
    if before.area != after.area || rows.end > after.area.height || rows.len() < 3 {
        return None;
    }
    let width = usize::from(after.area.width);
    fn row(buffer: &Buffer, width: usize, y: u16) -> &[ratatui::buffer::Cell] {
        let start = usize::from(y) * width;
        &buffer.content[start..start + width]
    }
    let matching = |shift: i32| {
        rows.clone()
            .filter(|&y| {
                let from = i32::from(y) + shift;
                rows.contains(&(from as u16))
                    && from >= 0
                    && row(before, width, from as u16) == row(after, width, y)
            })
            .count()
    };
    let in_place = matching(0);
    // A shift of more than half the region leaves too few rows to be worth it.
    let reach = (rows.len() / 2) as i32;
    (1..=reach)
        .flat_map(|k| [k, -k])
        .map(|shift| (matching(shift), shift))
        .filter(|&(count, _)| count > in_place + 1)
        .max_by_key(|&(count, shift)| (count, -shift.abs()))
        .map(|(_, shift)| shift)
}

/// Writes the sequences that move `rows` by `shift` (as [`detect_shift`] measures it) and
/// makes `shown` (what the terminal shows) match: moved rows, blank rows where new ones
/// will be drawn.
pub fn scroll_region(
    out: &mut impl Write,
    shown: &mut Buffer,
    rows: Range<u16>,
    shift: i32,
) -> io::Result<()> {
    // DECSTBM takes 1-based, inclusive rows; the margins are reset right after, and the
    // cursor is placed explicitly by everything that follows.
    let (top, bottom) = (rows.start + 1, rows.end);
    let moved = shift.unsigned_abs();
    let direction = if shift > 0 { 'S' } else { 'T' };
    write!(out, "\x1b[{top};{bottom}r\x1b[{moved}{direction}\x1b[r")?;
    let width = usize::from(shown.area.width);
    let range = |y: u16| usize::from(y) * width..(usize::from(y) + 1) * width;
    let blank = Buffer::empty(shown.area).content[..width].to_vec();
    let order: Vec<u16> = if shift > 0 {
        rows.clone().collect()
    } else {
        rows.clone().rev().collect()
    };
    for y in order {
        let from = i32::from(y) + shift;
        let source = if rows.contains(&(from as u16)) && from >= 0 {
            shown.content[range(from as u16)].to_vec()
        } else {
            blank.clone()
        };
        shown.content[range(y)].clone_from_slice(&source);
    }
    Ok(())
}

/// The cells to send to turn `shown` into `next`: the changed cells, and also the
/// unchanged ones in short gaps between changes on a row, when writing them again costs
/// fewer bytes than the cursor move that would skip them (`ESC [ row ; col H`, 6 to 9
/// bytes). Shifted Arabic text differs almost everywhere but for scattered letters and
/// spaces that happen to match, and each of those would otherwise cost a cursor move.
pub fn updates<'a>(shown: &Buffer, next: &'a Buffer) -> Vec<(u16, u16, &'a Cell)> {
    let changed = shown.diff(next);
    let mut out: Vec<(u16, u16, &'a Cell)> = Vec::with_capacity(changed.len());
    for (x, y, cell) in changed {
        if let Some(&(last_x, last_y, last)) = out.last()
            && last_y == y
            && x > last_x + 1
        {
            let gap: Vec<(u16, u16, &'a Cell)> =
                (last_x + 1..x).map(|gx| (gx, y, &next[(gx, y)])).collect();
            let bytes: usize = gap.iter().map(|(_, _, c)| c.symbol().len()).sum();
            let plain = gap.iter().all(|(_, _, c)| {
                unicode_width::UnicodeWidthStr::width(c.symbol()) == 1
                    && c.fg == last.fg
                    && c.bg == last.bg
                    && c.modifier == last.modifier
            });
            if plain && bytes <= 6 && unicode_width::UnicodeWidthStr::width(last.symbol()) == 1 {
                out.extend(gap);
            }
        }
        out.push((x, y, cell));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn screen(lines: &[&str]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, lines.len() as u16));
        for (y, line) in lines.iter().enumerate() {
            buffer.set_string(0, y as u16, line, ratatui::style::Style::default());
        }
        buffer
    }

    #[test]
    fn a_block_moved_up_or_down_is_found_and_replayed() {
        let before = screen(&["header", "one", "two", "three", "four", "five", "status"]);
        let after = screen(&["header", "two", "three", "four", "five", "six", "status"]);
        assert_eq!(detect_shift(&before, &after, 1..6), Some(1));
        let mut shown = before.clone();
        let mut bytes = Vec::new();
        scroll_region(&mut bytes, &mut shown, 1..6, 1).unwrap();
        assert_eq!(bytes, b"\x1b[2;6r\x1b[1S\x1b[r");
        // What is left to draw is the row that came into view.
        let left: Vec<u16> = shown.diff(&after).iter().map(|(_, y, _)| *y).collect();
        assert!(left.iter().all(|&y| y == 5), "{left:?}");

        assert_eq!(detect_shift(&after, &before, 1..6), Some(-1));
        let mut shown = after.clone();
        let mut bytes = Vec::new();
        scroll_region(&mut bytes, &mut shown, 1..6, -1).unwrap();
        assert_eq!(bytes, b"\x1b[2;6r\x1b[1T\x1b[r");
        let left: Vec<u16> = shown.diff(&before).iter().map(|(_, y, _)| *y).collect();
        assert!(left.iter().all(|&y| y == 1), "{left:?}");
    }

    #[test]
    fn nothing_is_scrolled_when_nothing_moved_or_everything_changed() {
        let before = screen(&["h", "a", "b", "c", "d", "s"]);
        assert_eq!(detect_shift(&before, &before, 1..5), None);
        let other = screen(&["h", "w", "x", "y", "z", "s"]);
        assert_eq!(detect_shift(&before, &other, 1..5), None);
        // A page down (more than half the region) is drawn, not scrolled.
        let paged = screen(&["h", "d", "e", "f", "g", "s"]);
        assert_eq!(detect_shift(&before, &paged, 1..5), None);
    }
}
