//! The article list pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::cells::draw_line;
use super::{date_label, date_width, grouped, header_style};
use crate::text::{Alignment, BaseDirection, LayoutOptions, single_line};
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
        // What the list shows: filtered, how many of how many.
        let label = if app.list.shown.len() == app.articles.len() {
            format!(" Articles · {}", grouped(app.articles.len()))
        } else {
            format!(
                " Articles · {} of {}",
                grouped(app.list.shown.len()),
                grouped(app.articles.len())
            )
        };
        buf.set_style(header, header_style(app, Pane::List));
        buf.set_stringn(
            header.x,
            header.y,
            &label,
            usize::from(header.width),
            header_style(app, Pane::List),
        );
        let Some(rows) = Areas::new(app.layout.screen, app.layout.focus).list_rows() else {
            return;
        };
        let height = usize::from(rows.height);
        let first = (app.list.selected + 1).saturating_sub(height);
        let columns = ListColumns::for_row(
            rows.width,
            date_width(&app.look.date_format, app.look.date_locale),
        );
        // Laid out like the reader's header: an Arabic month shaped and ordered, the
        // `~` of an inferred day after it.
        let date_options = LayoutOptions {
            base: BaseDirection::Ltr,
            alignment: Alignment::Left,
            ..app
                .look
                .display
                .layout(usize::from(columns.date.map_or(0, |c| c.1)))
        };
        let title_options = app.look.display.layout(usize::from(columns.title.1));
        let source_options = app
            .look
            .display
            .layout(usize::from(columns.source.map_or(0, |c| c.1)));
        for (row, (index, &article)) in app
            .list
            .shown
            .iter()
            .enumerate()
            .skip(first)
            .take(height)
            .enumerate()
        {
            let y = rows.y + row as u16;
            let row_area = Rect {
                y,
                height: 1,
                ..rows
            };
            let selected = index == app.list.selected;
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
            let article = &app.articles[article as usize];
            let cell = |(x, width): (u16, u16)| Rect {
                x: rows.x + x,
                width,
                ..row_area
            };
            if let Some(column) = columns.date {
                let date = date_label(app, &article.date).unwrap_or_else(|| "-".to_owned());
                draw_line(buf, cell(column), &single_line(&date, &date_options), style);
            }
            if let Some(column) = columns.source {
                let name = article.source.as_ref().map_or("-", |s| s.name.as_str());
                draw_line(
                    buf,
                    cell(column),
                    &single_line(name, &source_options),
                    style,
                );
            }
            let title = single_line(&article.title, &title_options);
            // Unread: bold, and a dot in the margin, so it shows without colour.
            let unread = !app.is_read(app.list.shown[index] as usize);
            let title_style = if unread {
                style.add_modifier(Modifier::BOLD)
            } else {
                style
            };
            draw_line(buf, cell(columns.title), &title, title_style);
            if unread && rows.right() < area.right() {
                buf.set_string(rows.right(), y, "•", app.look.theme.unread_mark);
            }
        }
    }
}

/// Where each column of a list row goes, as (offset, width) within the row: the date and
/// source columns appear when the row is wide enough, the title takes the rest. Each
/// column is laid out on its own, so mixed Arabic and Latin text cannot push the next
/// one out of line.
pub struct ListColumns {
    /// The date column, when shown.
    pub date: Option<(u16, u16)>,
    /// The source column, when shown.
    pub source: Option<(u16, u16)>,
    /// The title column.
    pub title: (u16, u16),
}

impl ListColumns {
    /// `2021-01-18~`: the date and the mark of an inferred one.
    const DATE: u16 = 11;
    const SOURCE: u16 = 12;

    /// The columns of a row `width` cells wide, with ISO dates.
    pub fn for_width(width: u16) -> Self {
        Self::for_row(width, Self::DATE)
    }

    /// The columns of a row `width` cells wide whose dates take `date_width` columns.
    pub fn for_row(width: u16, date_width: u16) -> Self {
        let mut x = 0;
        let mut column = |wanted: u16, min_row: u16| {
            (width >= min_row).then(|| {
                let at = (x, wanted);
                x += wanted + 1;
                at
            })
        };
        let date = column(date_width, 25 + date_width);
        let source = column(Self::SOURCE, 56);
        Self {
            date,
            source,
            title: (x, width - x),
        }
    }
}
