//! Where a text cursor stands on screen, and where Left and Right take it. A cursor is a
//! byte offset in the logical text; on screen it is a column boundary beside the
//! character before it, on the side the next character will appear: to the left of an
//! Arabic letter, to the right of a Latin one. Left and Right move to the nearest
//! boundary on that side of the screen, so that in Arabic Left goes towards the end of
//! the text, as every editor of right-to-left text does.

use super::layout::VisualLine;

/// A side of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Towards column 0.
    Left,
    /// Away from it.
    Right,
}

/// The column boundary (counted from the line's first cell, indent left out) where the
/// cursor at byte `cursor` of `text` stands on `line`, which lays `text` out.
pub fn caret_column(line: &VisualLine, text: &str, cursor: usize) -> usize {
    let starts = cell_starts(line);
    let before = text[..cursor].char_indices().next_back().map(|(i, _)| i);
    let at = (cursor < text.len()).then_some(cursor);
    let cell_of = |byte: usize| {
        line.cells
            .iter()
            .position(|cell| cell.logical.contains(&byte))
    };
    let left = |i: usize| starts[i];
    let right = |i: usize| starts[i] + line.cells[i].width;
    match (before.and_then(cell_of), at.and_then(cell_of)) {
        (Some(a), Some(b)) if b == a + 1 => right(a),
        (Some(a), Some(b)) if a == b + 1 => left(a),
        (Some(a), _) => {
            let earlier = before.and_then(|b| text[..b].char_indices().next_back());
            let rtl = match earlier.and_then(|(i, _)| cell_of(i)) {
                Some(e) if e + 1 == a => false,
                Some(e) if a + 1 == e => true,
                _ => before.is_some_and(|b| is_rtl(text, b, line.rtl)),
            };
            if rtl { left(a) } else { right(a) }
        }
        (None, Some(b)) => {
            let later = text[cursor..]
                .char_indices()
                .nth(1)
                .map(|(i, _)| cursor + i);
            let rtl = match later.and_then(cell_of) {
                Some(l) if l == b + 1 => false,
                Some(l) if l + 1 == b => true,
                _ => is_rtl(text, cursor, line.rtl),
            };
            if rtl { right(b) } else { left(b) }
        }
        (None, None) if cursor == 0 => 0,
        (None, None) => line.width(),
    }
}

/// Where the cursor at byte `cursor` goes when moved one step towards `side`: the
/// nearest character boundary whose caret stands on that side of the current one, or
/// `None` at the edge of the text. Boundaries inside one cell (between the letters of a
/// lam-alef ligature, before a haraka) are stepped over; where two boundaries stand on
/// one column (the two ends of a run of the other direction), the logically nearer is
/// taken.
pub fn step(line: &VisualLine, text: &str, cursor: usize, side: Side) -> Option<usize> {
    let here = caret_column(line, text, cursor);
    let boundaries = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .filter(|&b| b != cursor && !inside_cell(line, text, b));
    let mut best: Option<(usize, usize, usize)> = None;
    for boundary in boundaries {
        let column = caret_column(line, text, boundary);
        let gap = match side {
            Side::Left if column < here => here - column,
            Side::Right if column > here => column - here,
            _ => continue,
        };
        // The nearest column first; of boundaries on one column, the logically nearest.
        let distance = boundary.abs_diff(cursor);
        if best.is_none_or(|(g, d, _)| (gap, distance) < (g, d)) {
            best = Some((gap, distance, boundary));
        }
    }
    best.map(|(_, _, boundary)| boundary)
}

/// Whether the boundary at byte `at` falls inside one cell: the characters on both
/// sides of it are drawn together.
fn inside_cell(line: &VisualLine, text: &str, at: usize) -> bool {
    let Some((before, _)) = text[..at].char_indices().next_back() else {
        return false;
    };
    at < text.len()
        && line
            .cells
            .iter()
            .any(|cell| cell.logical.contains(&before) && cell.logical.contains(&at))
}

/// The column where each cell starts.
fn cell_starts(line: &VisualLine) -> Vec<usize> {
    let mut x = 0;
    line.cells
        .iter()
        .map(|cell| {
            let start = x;
            x += cell.width;
            start
        })
        .collect()
}

/// Whether the character at byte `at` runs right to left: a strong Arabic or Hebrew
/// letter does; a neutral one takes the paragraph's direction.
fn is_rtl(text: &str, at: usize, paragraph_rtl: bool) -> bool {
    use unicode_bidi::BidiClass::{AL, L, R};
    match text[at..].chars().next().map(unicode_bidi::bidi_class) {
        Some(R | AL) => true,
        Some(L) => false,
        _ => paragraph_rtl,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Alignment, LayoutOptions, layout_paragraph};

    fn line(text: &str) -> VisualLine {
        let options = LayoutOptions {
            alignment: Alignment::Left,
            ..LayoutOptions::default()
        };
        layout_paragraph(text, &options).swap_remove(0)
    }

    /// Every boundary reached by pressing `side` from `cursor` until the edge.
    fn walk(text: &str, mut cursor: usize, side: Side) -> Vec<usize> {
        let line = line(text);
        let mut seen = vec![cursor];
        while let Some(next) = step(&line, text, cursor, side) {
            cursor = next;
            seen.push(cursor);
        }
        seen
    }

    #[test]
    fn in_arabic_left_goes_towards_the_end_of_the_text() {
        let text = "سوريا ولبنان";
        let all: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        assert_eq!(walk(text, 0, Side::Left), all);
        let mut back = all.clone();
        back.reverse();
        assert_eq!(walk(text, text.len(), Side::Right), back);
        assert_eq!(step(&line(text), text, 0, Side::Right), None);
    }

    #[test]
    fn a_ligature_is_stepped_over_as_one_cell() {
        let text = "سلام";
        // س, لا, م: the boundary between ل and ا is inside the ligature's cell.
        assert_eq!(walk(text, 0, Side::Left), vec![0, 2, 6, 8]);
    }

    #[test]
    fn in_latin_right_goes_towards_the_end() {
        let text = "src:sabq";
        assert_eq!(walk(text, 0, Side::Right).len(), text.len() + 1);
        assert_eq!(step(&line(text), text, 0, Side::Left), None);
    }

    #[test]
    fn the_caret_stands_left_of_an_arabic_letter_and_right_of_a_latin_one() {
        let text = "ab سوريا";
        let line = line(text);
        assert_eq!(caret_column(&line, text, 1), 1, "after a");
        assert_eq!(caret_column(&line, text, 0), 0);
        // The Arabic word takes columns 3..8, its first letter the rightmost.
        assert_eq!(caret_column(&line, text, "ab س".len()), 7, "after س");
        assert_eq!(
            caret_column(&line, text, text.len()),
            3,
            "after the last letter"
        );
    }

    #[test]
    fn every_caret_column_of_a_mixed_line_is_reached_both_ways() {
        let text = "src:sabq سوريا -لبنان 2024";
        let line = line(text);
        let mut columns: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .map(|b| caret_column(&line, text, b))
            .collect();
        columns.sort_unstable();
        columns.dedup();
        let leftmost = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .min_by_key(|&b| caret_column(&line, text, b))
            .unwrap();
        let right: Vec<usize> = walk(text, leftmost, Side::Right)
            .iter()
            .map(|&b| caret_column(&line, text, b))
            .collect();
        assert_eq!(right, columns, "left to right, one column at a time");
        let rightmost = *walk(text, leftmost, Side::Right).last().unwrap();
        let mut left: Vec<usize> = walk(text, rightmost, Side::Left)
            .iter()
            .map(|&b| caret_column(&line, text, b))
            .collect();
        left.reverse();
        assert_eq!(left, columns, "and back");
    }
}
