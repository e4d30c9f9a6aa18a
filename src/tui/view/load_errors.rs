//! The load-errors overlay (`e`): every file that was skipped, and why, wrapped to the
//! box; j and k scroll when they do not fit, and the last row says how much is below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::cells::draw_line;
use super::{grouped, popup};
use crate::text::{
    Alignment, BaseDirection, LayoutOptions, VisualLine, layout_paragraph, single_line,
};
use crate::tui::app::{App, Modal};

/// A box over the panes listing the skipped files, one per row.
pub struct LoadErrors<'a> {
    /// What to draw.
    pub app: &'a App,
}

impl Widget for LoadErrors<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let width = area.width.saturating_sub(4).max(area.width.min(20));
        let inner_width = usize::from(width.saturating_sub(2)).max(1);
        // Paths can hold Arabic: laid out like any text, left to right, and wrapped.
        let options = LayoutOptions {
            base: BaseDirection::Ltr,
            alignment: Alignment::Left,
            ..app.look.display.layout(inner_width)
        };
        let lines: Vec<VisualLine> = if app.status.skipped.is_empty() {
            vec![single_line("every file was loaded", &options)]
        } else {
            app.status
                .skipped
                .iter()
                .flat_map(|skipped| {
                    let text = format!("{}: {}", skipped.path.display(), skipped.reason);
                    layout_paragraph(&text, &options)
                })
                .collect()
        };
        let room = usize::from(area.height.saturating_sub(2)).max(1);
        let rows = lines.len().min(room).min(usize::from(u16::MAX) - 2) as u16;
        let scroll = match app.modal {
            Modal::LoadErrors { scroll } => scroll.min(lines.len().saturating_sub(room)),
            _ => 0,
        };
        let title = if lines.len() > room {
            format!(
                " {} files not loaded · j k scroll · other keys close ",
                grouped(app.status.skipped.len())
            )
        } else {
            format!(
                " {} files not loaded · any key closes ",
                grouped(app.status.skipped.len())
            )
        };
        let inner = popup(area, buf, width, rows + 2, &title);
        let height = usize::from(inner.height);
        let more = lines.len().saturating_sub(scroll + height);
        for (row, line) in lines.iter().skip(scroll).take(height).enumerate() {
            let row_area = Rect {
                y: inner.y + row as u16,
                height: 1,
                ..inner
            };
            if more > 0 && row + 1 == height {
                // The last row says what is below rather than showing part of it.
                let note = format!("… and {} more lines", grouped(more + 1));
                draw_line(
                    buf,
                    row_area,
                    &single_line(&note, &options),
                    Style::default(),
                );
                break;
            }
            draw_line(buf, row_area, line, Style::default());
        }
    }
}
