//! The article list pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::cells::draw_line;
use super::header_style;
use crate::text::single_line;
use crate::tui::app::App;
use crate::tui::geometry::{Areas, Pane};

/// The list of articles: a header, then one title per row, the selected one reversed
/// and marked in the margin.
pub struct ListPane<'a> {
    /// What to draw.
    pub app: &'a App,
}

impl Widget for ListPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.height == 0 {
            return;
        }
        let header = Rect { height: 1, ..area };
        let label = format!(" Articles · {}", app.articles.len());
        buf.set_style(header, header_style(app, Pane::List));
        buf.set_stringn(
            header.x,
            header.y,
            &label,
            usize::from(header.width),
            header_style(app, Pane::List),
        );
        let Some(rows) = Areas::new(app.screen, app.focus).list_rows() else {
            return;
        };
        let height = usize::from(rows.height);
        let first = (app.selected + 1).saturating_sub(height);
        let options = app.display.layout(usize::from(rows.width));
        for (row, index) in (first..app.articles.len()).take(height).enumerate() {
            let y = rows.y + row as u16;
            let row_area = Rect {
                y,
                height: 1,
                ..rows
            };
            let selected = index == app.selected;
            let style = if selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            if selected {
                buf.set_style(row_area, style);
                if rows.x > area.x {
                    buf.set_string(rows.x - 1, y, "▌", Style::default());
                }
            }
            let title = single_line(&app.articles[index].title, &options);
            draw_line(buf, row_area, &title, style);
        }
    }
}
