//! The load-errors overlay (`e`): every file that was skipped, and why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::cells::draw_line;
use super::{grouped, popup};
use crate::text::{Alignment, BaseDirection, LayoutOptions, single_line};
use crate::tui::app::App;

/// A box over the panes listing the skipped files, one per row.
pub struct LoadErrors<'a> {
    /// What to draw.
    pub app: &'a App,
}

impl Widget for LoadErrors<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let width = area.width.saturating_sub(4).max(area.width.min(20));
        let rows = app
            .status
            .skipped
            .len()
            .max(1)
            .min(usize::from(u16::MAX) - 2) as u16;
        let title = format!(
            " {} files not loaded · any key closes ",
            grouped(app.status.skipped.len())
        );
        let inner = popup(area, buf, width, rows + 2, &title);
        // Paths can hold Arabic: laid out like any text, left to right.
        let options = LayoutOptions {
            base: BaseDirection::Ltr,
            alignment: Alignment::Left,
            ..app.look.display.layout(usize::from(inner.width))
        };
        if app.status.skipped.is_empty() {
            let line = single_line("every file was loaded", &options);
            draw_line(buf, inner, &line, Style::default());
            return;
        }
        for (row, skipped) in app
            .status
            .skipped
            .iter()
            .enumerate()
            .take(usize::from(inner.height))
        {
            let text = format!("{}: {}", skipped.path.display(), skipped.reason);
            let row_area = Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            };
            draw_line(
                buf,
                row_area,
                &single_line(&text, &options),
                Style::default(),
            );
        }
    }
}
