//! Drawing: pure functions from the state to a frame. Nothing here changes state or
//! touches the terminal, so every screen can be checked with ratatui's `TestBackend`.

mod bookmarks;
mod cells;
mod help;
mod list;
mod load_errors;
mod reader;
mod status;

pub use list::ListColumns;
pub use reader::reader_links;
pub use status::filter_cursor;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::app::{App, Modal};
use super::geometry::Pane;
use super::keymap::KeyMap;
use crate::article::{DateConfidence, DateInfo};
use crate::corpus::dates::{DateLocale, write_day};

/// The whole screen for an app and its key map.
pub struct Screen<'a> {
    /// What to draw.
    pub app: &'a App,
    /// For the help overlay.
    pub keymap: &'a KeyMap,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = self.app.areas();
        if let Some(list) = areas.list {
            list::ListPane { app: self.app }.render(list, buf);
        }
        if let Some(divider) = areas.divider {
            for y in divider.top()..divider.bottom() {
                buf.set_string(divider.x, y, "│", Style::default());
            }
        }
        if let Some(reader) = areas.reader {
            reader::ReaderPane { app: self.app }.render(reader, buf);
        }
        status::StatusLine {
            app: self.app,
            keymap: self.keymap,
        }
        .render(areas.status, buf);
        if self.app.bookmarks_pane().is_some() {
            let above_status = Rect {
                height: area.height.saturating_sub(1),
                ..area
            };
            bookmarks::BookmarksOverlay { app: self.app }.render(above_status, buf);
        }
        match self.app.modal {
            Modal::Help { page } => help::HelpOverlay {
                keymap: self.keymap,
                page,
            }
            .render(area, buf),
            Modal::LoadErrors { .. } => load_errors::LoadErrors { app: self.app }.render(area, buf),
            Modal::None | Modal::Filter | Modal::Bookmarks(_) | Modal::Note { .. } => {}
        }
    }
}

/// The style of a pane's header row: reversed, and bold when the pane has the focus, so
/// the focus shows without colour.
fn header_style(app: &App, pane: Pane) -> Style {
    let style = Style::default().add_modifier(Modifier::REVERSED);
    if app.layout.focus == pane {
        style.add_modifier(Modifier::BOLD)
    } else {
        style
    }
}

/// Clears a `width`×`height` box centred in `area` (clipped to it), draws its border and
/// title, and returns the inside, for the overlays.
fn popup(area: Rect, buf: &mut Buffer, width: u16, height: u16, title: &str) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let outer = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    ratatui::widgets::Clear.render(outer, buf);
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .title(title);
    let inner = block.inner(outer);
    block.render(outer, buf);
    inner
}

/// A count with thousands separators: 31030 → "31,030".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A day as the configuration's `date_format` and `date_locale` write it, with `~` when
/// it was worked out rather than read. Isolated (FSI…PDI): "13 نوفمبر 2024" is one run
/// that reads right to left inside a left-to-right header, and nothing beside it is
/// pulled into it.
fn date_label(app: &App, date: &DateInfo) -> Option<String> {
    let day = date.date?;
    let mark = if date.confidence == DateConfidence::Inferred {
        "~"
    } else {
        ""
    };
    let written = format_day(&app.look.date_format, app.look.date_locale, day);
    Some(format!("\u{2068}{written}\u{2069}{mark}"))
}

/// `day` in `format` (checked when the configuration was read; ISO if it still fails).
fn format_day(format: &str, locale: DateLocale, day: jiff::civil::Date) -> String {
    write_day(format, day, locale).unwrap_or_else(|_| day.to_string())
}

/// Columns a day takes in `format`, its `~` included: the widest of a day of each month
/// and each weekday (their names differ in length, Arabic ones more than English).
fn date_width(format: &str, locale: DateLocale) -> u16 {
    let months = (1..=12).map(|month| jiff::civil::date(2024, month, 28));
    let weekdays = (22..=28).map(|day| jiff::civil::date(2024, 1, day));
    months
        .chain(weekdays)
        .map(|day| {
            let text = format_day(format, locale, day);
            unicode_width::UnicodeWidthStr::width(text.as_str())
        })
        .max()
        .map_or(11, |w| (w + 1).min(40) as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(31030), "31,030");
        assert_eq!(grouped(1234567), "1,234,567");
    }
}
