//! Glyphs that reach past their cells. Terminal fonts draw some glyphs wider than a cell
//! (DejaVu Sans Mono's Arabic letters stretch into the next cell to join their
//! neighbours), and what a terminal shows of that overhang depends on how the row was
//! written: xterm draws each run of text it is sent (cells side by side, one style)
//! clipped to the run, and repaints only the cells it is sent. A diff that sends just
//! the changed cells therefore leaves pixels of old glyphs in the unchanged cells of an
//! old run, and even where nothing is left behind it cuts the row into other runs than
//! a fresh start would, which joins the letters at the cut differently.
//!
//! So the part of a row that changes is erased and sent again exactly as a fresh start
//! sends it (the same cells, blanks that fill a gap included, in the same runs), out to
//! places where a fresh start's runs break in the old frame and in the new one alike (a
//! change of style, a stretch of blanks skipped): what the terminal shows is then always
//! what it would show had qari just started on the same screen. In the split layout that
//! is the pane beside an unchanged one, so scrolling the reader does not send the list
//! again.

use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell};
use unicode_width::UnicodeWidthStr;

use super::scroll;

/// A cell to send: column, row, content (what [`scroll::updates`] lists).
pub type Update<'a> = (u16, u16, &'a Cell);

/// The cells to send to turn what the terminal shows (`shown`, the last frame sent, with
/// rows a scroll moved already moved) into `next`. It erases the stretches of rows
/// whose pixels a fresh start would draw otherwise, writing that to `out`, and returns
/// those stretches' cells as a fresh start sends them; the rest of the screen is left
/// as it is. A stretch that showed nothing (a row a scroll brought into view) needs no
/// erasing.
pub fn redraw<'a>(
    out: &mut impl Write,
    shown: &Buffer,
    next: &'a Buffer,
) -> io::Result<Vec<Update<'a>>> {
    let blank = Buffer::empty(next.area);
    let fresh = scroll::updates(&blank, next);
    if shown.area != next.area {
        // Not a screen `next` can be drawn over (the caller starts from a blank one of
        // the same size): all of it, as to a cleared screen.
        return Ok(fresh);
    }
    let was = scroll::updates(&blank, shown);
    let width = usize::from(next.area.width);
    let mut sent = Vec::with_capacity(fresh.len());
    let mut reset = false;
    for y in 0..next.area.height {
        let row = usize::from(y) * width..(usize::from(y) + 1) * width;
        let (old, new) = (&shown.content[row.clone()], &next.content[row]);
        let (old_runs, new_runs) = (Runs::of(&was, y, width), Runs::of(&fresh, y, width));
        if old == new && old_runs.sent == new_runs.sent && old_runs.joined == new_runs.joined {
            continue;
        }
        let mut resend = vec![false; width];
        let mut erase: Vec<(usize, usize)> = Vec::new();
        for (start, end) in stretches(old, new, &old_runs, &new_runs) {
            let span = start..end;
            if old[span.clone()] == new[span.clone()]
                && old_runs.sent[span.clone()] == new_runs.sent[span.clone()]
                && old_runs.joined[span.clone()] == new_runs.joined[span.clone()]
            {
                // The same cells drawn in the same runs: the same pixels.
                continue;
            }
            resend[span.clone()].fill(true);
            if !old_runs.sent[span].contains(&true) {
                continue;
            }
            match erase.last_mut() {
                Some(last) if last.1 == start => last.1 = end,
                _ => erase.push((start, end)),
            }
        }
        sent.extend(
            fresh[new_runs.span.clone()]
                .iter()
                .filter(|(x, _, _)| resend[usize::from(*x)]),
        );
        for (start, end) in erase {
            if !reset {
                // Erasing paints the current background: make it the default one. (ratatui
                // ends every frame with a reset, but nothing else promises it.)
                out.write_all(b"\x1b[m")?;
                reset = true;
            }
            write!(out, "\x1b[{};{}H", y + 1, start + 1)?;
            if end == width {
                out.write_all(b"\x1b[K")?;
            } else {
                write!(out, "\x1b[{}X", end - start)?;
            }
        }
    }
    Ok(sent)
}

/// How a fresh start sends one row: which cells it sends, and which it sends in one
/// run with the cell before (both sent, one after the other, in the same style; a new
/// style or a cursor move starts a new run).
struct Runs {
    sent: Vec<bool>,
    joined: Vec<bool>,
    /// Where the row's cells are in the fresh start's list.
    span: std::ops::Range<usize>,
}

impl Runs {
    /// Row `y`'s runs in `fresh`, a fresh start's list for the whole screen (in order of
    /// rows, then columns).
    fn of(fresh: &[Update<'_>], y: u16, width: usize) -> Self {
        let start = fresh.partition_point(|&(_, row, _)| row < y);
        let end = start + fresh[start..].partition_point(|&(_, row, _)| row == y);
        let mut sent = vec![false; width];
        let mut joined = vec![false; width];
        for &(x, _, _) in &fresh[start..end] {
            sent[usize::from(x)] = true;
        }
        for pair in fresh[start..end].windows(2) {
            let ((x, _, before), (next, _, cell)) = (pair[0], pair[1]);
            if next == x + 1 && before.style() == cell.style() {
                joined[usize::from(next)] = true;
            }
        }
        Self {
            sent,
            joined,
            span: start..end,
        }
    }
}

/// The row cut wherever a fresh start's runs break both in `old` and in `new`, and so
/// no glyph of either frame is drawn across the cut.
fn stretches(old: &[Cell], new: &[Cell], before: &Runs, after: &Runs) -> Vec<(usize, usize)> {
    let second_half = |row: &[Cell], x: usize| row[x - 1].symbol().width() > 1;
    let mut cuts = vec![0];
    cuts.extend((1..old.len()).filter(|&x| {
        !before.joined[x] && !after.joined[x] && !second_half(old, x) && !second_half(new, x)
    }));
    cuts.push(old.len());
    cuts.windows(2).map(|pair| (pair[0], pair[1])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};

    /// Cases the property test runs when PROPTEST_CASES does not say.
    const CASES: u32 = 50_000;

    /// What xterm shows in a cell, as this module understands it: nothing when it was
    /// erased or never drawn, else the cell and the neighbours it was last drawn in one
    /// run with (their glyphs reach into it; glyphs outside the run are clipped).
    type Pixels = Option<(Cell, Option<Cell>, Option<Cell>)>;

    /// A terminal of such cells.
    struct Xterm {
        width: usize,
        pixels: Vec<Pixels>,
    }

    impl Xterm {
        fn cleared(area: Rect) -> Self {
            let width = usize::from(area.width);
            let pixels = vec![None; width * usize::from(area.height)];
            Self { width, pixels }
        }

        /// Carries out the erasing [`redraw`] writes.
        fn erase(&mut self, bytes: &[u8]) {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let mut at = 0;
            for sequence in text.split('\x1b').skip(1) {
                let (params, end) = sequence.split_at(sequence.len() - 1);
                let numbers: Vec<usize> = params
                    .trim_start_matches('[')
                    .split(';')
                    .filter_map(|n| n.parse().ok())
                    .collect();
                let line_end = (at / self.width + 1) * self.width;
                match end {
                    "H" => at = (numbers[0] - 1) * self.width + numbers[1] - 1,
                    "K" => self.pixels[at..line_end].fill(None),
                    "X" => self.pixels[at..at + numbers[0]].fill(None),
                    _ => assert_eq!(sequence, "[m"),
                }
            }
        }

        /// Draws what ratatui sends for `updates`, in runs as xterm does.
        fn draw(&mut self, updates: &[(u16, u16, &Cell)]) {
            let runs = updates.chunk_by(|(x, y, a), (next, z, b)| {
                *next == x + 1 && y == z && a.style() == b.style()
            });
            for run in runs {
                for (i, &(x, y, cell)) in run.iter().enumerate() {
                    let neighbour =
                        |j: Option<usize>| j.and_then(|j| run.get(j)).map(|c| c.2.clone());
                    let at = usize::from(y) * self.width + usize::from(x);
                    self.pixels[at] = Some((
                        cell.clone(),
                        neighbour(i.checked_sub(1)),
                        neighbour(Some(i + 1)),
                    ));
                    if cell.symbol().width() > 1 {
                        self.pixels[at + 1] = self.pixels[at].clone();
                    }
                }
            }
        }
    }

    fn screen(lines: &[&[(&str, Style)]]) -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, lines.len() as u16));
        for (y, line) in lines.iter().enumerate() {
            let mut x = 0;
            for (text, style) in line.iter() {
                x = buffer
                    .set_stringn(x, y as u16, text, 12 - usize::from(x), *style)
                    .0;
            }
        }
        buffer
    }

    /// The terminal after a fresh start on `frame`.
    fn fresh(frame: &Buffer) -> Xterm {
        let mut xterm = Xterm::cleared(frame.area);
        xterm.draw(&scroll::updates(&Buffer::empty(frame.area), frame));
        xterm
    }

    /// The terminal showing `before` once `after` has been drawn over it, and the bytes
    /// of the erasing.
    fn redrawn(before: &Buffer, after: &Buffer) -> (Xterm, String) {
        let mut xterm = fresh(before);
        let mut bytes = Vec::new();
        let updates = redraw(&mut bytes, before, after).unwrap();
        xterm.erase(&bytes);
        xterm.draw(&updates);
        (xterm, String::from_utf8(bytes).unwrap())
    }

    const PLAIN: Style = Style::new();
    const MARK: Style = Style::new().fg(Color::Cyan);

    #[test]
    fn the_changed_pane_is_erased_and_redrawn_and_the_unchanged_one_is_not() {
        // A list title, its marker in another colour, the divider, the reader's text.
        let before = screen(&[&[("ﻛﺸﻒ", PLAIN), ("•", MARK), ("│ ﺳﻼﻡ ﻋﺮﺏ", PLAIN)]]);
        let after = screen(&[&[("ﻛﺸﻒ", PLAIN), ("•", MARK), ("│ ﻋﺮﺏ ﺳﻼﻡ", PLAIN)]]);
        let (xterm, bytes) = redrawn(&before, &after);
        assert_eq!(bytes, "\x1b[m\x1b[1;5H\x1b[K");
        assert_eq!(xterm.pixels, fresh(&after).pixels);
    }

    #[test]
    fn nothing_is_erased_where_nothing_was_shown_or_nothing_changed() {
        let empty = screen(&[&[], &[("ﻋﺮﺏ", PLAIN)]]);
        let filled = screen(&[&[("ﺳﻼﻡ", PLAIN)], &[("ﻋﺮﺏ", PLAIN)]]);
        assert_eq!(redrawn(&empty, &filled).1, "");
        assert_eq!(redrawn(&filled, &filled).1, "");
    }

    #[test]
    fn without_the_erasing_the_diff_leaves_other_pixels_than_a_fresh_start() {
        let before = screen(&[&[("ﺳﻼﻡ ﻋﺮﺏ", PLAIN)]]);
        let after = screen(&[&[("ﺳﻼﺡ ﻋﺮﺏ", PLAIN)]]);
        let mut xterm = fresh(&before);
        xterm.draw(&scroll::updates(&before, &after));
        assert_ne!(xterm.pixels, fresh(&after).pixels);
    }

    #[test]
    fn a_blank_that_joins_a_glyph_in_a_fresh_start_is_sent_again_with_it() {
        // A fresh start sends the blank after the letter (it fills the gap before the
        // coloured blank) in one run with it, so the letter reaches into it; the cells
        // that were there already are the same, but not their runs.
        let before = screen(&[&[], &[("ﻼ", PLAIN)]]);
        let after = screen(&[&[], &[("ﻼ", PLAIN), (" ", PLAIN), (" ", MARK)]]);
        let (xterm, bytes) = redrawn(&before, &after);
        assert_eq!(bytes, "\x1b[m\x1b[2;1H\x1b[2X");
        assert_eq!(xterm.pixels, fresh(&after).pixels);
    }

    fn rows() -> impl Strategy<Value = Buffer> {
        let piece = (
            prop::sample::select(vec![" ", "  ", "       ", "a", "ﺳ", "ﻼ", "国", "│"]),
            prop::sample::select(vec![PLAIN, MARK, PLAIN.add_modifier(Modifier::REVERSED)]),
        );
        prop::collection::vec(prop::collection::vec(piece, 0..8), 2).prop_map(|lines| {
            let lines: Vec<Vec<(&str, Style)>> = lines;
            let borrowed: Vec<&[(&str, Style)]> = lines.iter().map(Vec::as_slice).collect();
            screen(&borrowed)
        })
    }

    proptest! {
        // Many cases, each a few microseconds: frames that break this are rare (a blank
        // that fills a gap inside a stretch took thousands of cases to find). A random
        // seed each run; PROPTEST_CASES sets another count.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|cases| cases.parse().ok())
                .unwrap_or(CASES),
            ..ProptestConfig::default()
        })]
        #[test]
        fn any_frame_over_any_other_shows_what_a_fresh_start_shows(
            before in rows(),
            after in rows(),
        ) {
            prop_assert_eq!(redrawn(&before, &after).0.pixels, fresh(&after).pixels);
        }
    }
}
