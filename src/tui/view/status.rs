//! The status line: where you are, what went wrong while loading, the last message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::grouped;
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
        let mut left = if app.articles.is_empty() {
            " no articles".to_owned()
        } else {
            format!(
                " article {} of {}",
                grouped(app.selected + 1),
                grouped(app.articles.len())
            )
        };
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
        buf.set_stringn(area.x, area.y, &left, width, style);
        let left_width = left.chars().count();
        if left_width + right.len() < width {
            let x = area.x + (width - right.len()) as u16;
            buf.set_stringn(x, area.y, right, right.len(), style);
        }
    }
}
