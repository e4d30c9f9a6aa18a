//! The bookmarks pane (`'`): every bookmark, newest first, as three rows: the article's
//! title with its source and date, the passage shortened to a row, and the note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::cells::draw_line;
use super::{grouped, popup};
use crate::text::{Alignment, BaseDirection, LayoutOptions, single_line};
use crate::tui::app::{App, Place};

/// Rows each bookmark takes, the blank one after it included.
const ROWS_PER_BOOKMARK: usize = 4;

/// A box over the panes listing the bookmarks.
pub struct BookmarksOverlay<'a> {
    /// What to draw.
    pub app: &'a App,
}

impl Widget for BookmarksOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(pane) = app.bookmarks_pane() else {
            return;
        };
        let rows = app.pane_rows();
        let title = format!(
            " bookmarks · {} · Enter open · e note · d delete · u undo · / filter ",
            grouped(rows.len())
        );
        let inner = popup(
            area,
            buf,
            area.width.saturating_sub(4).max(area.width.min(20)),
            area.height.saturating_sub(2).max(3),
            &title,
        );
        if inner.width < 3 || inner.height == 0 {
            return;
        }
        let text_width = usize::from(inner.width - 2);
        let options = LayoutOptions {
            base: BaseDirection::Auto,
            alignment: Alignment::ByDirection,
            ..app.look.display.layout(text_width)
        };
        if rows.is_empty() {
            let empty = if app.library.bookmarks.is_empty() {
                "no bookmarks yet: b in the reader bookmarks a passage"
            } else {
                "no bookmark holds that text"
            };
            draw_line(buf, inner, &single_line(empty, &options), Style::default());
            return;
        }
        let visible = (usize::from(inner.height) / ROWS_PER_BOOKMARK).max(1);
        let first = pane.selected.saturating_sub(visible - 1);
        for (slot, &index) in rows.iter().enumerate().skip(first).take(visible) {
            let bookmark = &app.library.bookmarks[index];
            let selected = slot == pane.selected;
            let y = inner.y + ((slot - first) * ROWS_PER_BOOKMARK) as u16;
            // What is wrong comes first, so that a narrow pane never cuts it off.
            let mut heading = match app.library.places.get(index) {
                Some(Place::Orphaned) => "orphaned: passage not found · ".to_owned(),
                Some(Place::NotLoaded) => "article not loaded · ".to_owned(),
                Some(Place::Found { .. }) | None => String::new(),
            };
            heading.push_str(&bookmark.article.title);
            // Each isolated: after Arabic, the digits of 2024-11-13 would be Arabic
            // numbers and the hyphens between them neutral, so that it read 13-11-2024.
            if let Some(source) = &bookmark.article.source_name {
                heading.push_str(" · \u{2068}");
                heading.push_str(source);
                heading.push('\u{2069}');
            }
            if let Some(date) = &bookmark.article.date {
                heading.push_str(&format!(" · \u{2066}{date}\u{2069}"));
            }
            let passage: String = bookmark
                .quote
                .exact
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let note = bookmark
                .note
                .as_deref()
                .map_or("—".to_owned(), |n| format!("✎ {n}"));
            let texts = [
                (heading, Modifier::BOLD),
                (passage, Modifier::empty()),
                (note, Modifier::ITALIC),
            ];
            for (row, (text, modifier)) in texts.iter().enumerate() {
                let y = y + row as u16;
                if y >= inner.bottom() {
                    break;
                }
                let mut style = Style::default().add_modifier(*modifier);
                if selected {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                let marker = if selected && row == 0 { "▶" } else { " " };
                buf.set_stringn(inner.x, y, marker, 1, style);
                let row_area = Rect {
                    x: inner.x + 2,
                    y,
                    width: inner.width - 2,
                    height: 1,
                };
                buf.set_style(row_area, style);
                draw_line(buf, row_area, &single_line(text, &options), style);
            }
        }
    }
}
