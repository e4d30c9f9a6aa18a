//! The status line: where you are, what went wrong while loading, the last message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::cells::draw_line;
use super::grouped;
use crate::text::{Alignment, VisualLine, single_line};
use crate::tui::app::App;

/// The bottom row.
pub struct StatusLine<'a> {
    /// What to draw.
    pub app: &'a App,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.height == 0 || area.width == 0 {
            return;
        }
        let style = Style::default().add_modifier(Modifier::REVERSED);
        buf.set_style(area, style);
        let mut x = area.x;
        let mut left = if app.filter.editing || app.filter.is_active() {
            // The filter bar: "/", the text shaped and ordered, then the count.
            let line = query_line(app, area.width);
            buf.set_stringn(area.x + 1, area.y, "/", 1, style);
            let start = Rect {
                x: area.x + 3,
                width: area.width.saturating_sub(3),
                ..area
            };
            draw_line(buf, start, &line, style);
            x = start.x + (line.width() as u16).min(start.width) + 1;
            format!(
                " {} of {}",
                grouped(app.shown.len()),
                grouped(app.articles.len())
            )
        } else if app.shown.is_empty() {
            " no articles".to_owned()
        } else {
            format!(
                " article {} of {}",
                grouped(app.selected + 1),
                grouped(app.shown.len())
            )
        };
        if app.index.is_none() && !app.articles.is_empty() {
            // The list works meanwhile; filters wait for the index.
            match app.index_progress {
                0 => left.push_str(" · indexing…"),
                percent => left.push_str(&format!(" · indexing {percent}%…")),
            }
        }
        if app.is_searching() {
            left.push_str(" · searching…");
        }
        if let Some(error) = &app.filter.error {
            left.push_str(" · ");
            left.push_str(error);
        }
        if !app.skipped.is_empty() {
            let files = if app.skipped.len() == 1 {
                "file"
            } else {
                "files"
            };
            left.push_str(&format!(
                " · {} {files} skipped (e)",
                grouped(app.skipped.len())
            ));
        }
        if let Some(message) = &app.message {
            left.push_str(" · ");
            left.push_str(message);
        }
        let right = "? help  q quit ";
        let width = usize::from(area.width);
        let used = usize::from(x - area.x);
        buf.set_stringn(x, area.y, &left, width.saturating_sub(used), style);
        let left_width = used + left.chars().count();
        if left_width + right.len() < width {
            let x = area.x + (width - right.len()) as u16;
            buf.set_stringn(x, area.y, right, right.len(), style);
        }
    }
}

/// The filter text as the bar draws it: at most half the row, left-aligned.
fn query_line(app: &App, row_width: u16) -> VisualLine {
    let options = crate::text::LayoutOptions {
        alignment: Alignment::Left,
        ..app.display.layout(usize::from(row_width / 2).max(1))
    };
    single_line(&app.filter.text, &options)
}

/// Where the terminal cursor goes while the filter is edited: beside the character
/// before it, on the side the next character will appear (left of an Arabic letter).
pub fn filter_cursor(app: &App, status: Rect) -> Option<(u16, u16)> {
    if !app.filter.editing || status.height == 0 {
        return None;
    }
    let line = query_line(app, status.width);
    let start = status.x + 3;
    let cursor = app.filter.cursor;
    let before = app.filter.text[..cursor].chars().next_back();
    let mut x = usize::from(start);
    for cell in &line.cells {
        if before.is_some()
            && cell
                .logical
                .contains(&(cursor - before.map_or(0, char::len_utf8)))
        {
            let rtl = before.is_some_and(|c| {
                matches!(
                    unicode_bidi::bidi_class(c),
                    unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
                )
            });
            let column = if rtl {
                x.saturating_sub(1)
            } else {
                x + cell.width
            };
            return Some((
                column.min(usize::from(status.right().saturating_sub(1))) as u16,
                status.y,
            ));
        }
        x += cell.width;
    }
    let end = if before.is_none() {
        usize::from(start)
    } else {
        x
    };
    Some((
        end.min(usize::from(status.right().saturating_sub(1))) as u16,
        status.y,
    ))
}
