//! The reader pane: the open article's title and body, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::cells::{draw_line, draw_styled_line, drawn_columns, overlaps};
use super::{date_label, header_style};
use crate::article::BodyView;
use crate::text::{Alignment, BaseDirection, LayoutOptions, single_line};
use crate::tui::app::{App, LineKind};
use crate::tui::geometry::{Areas, Pane};
use crate::tui::hyperlink::{Link, Target};

/// The hyperlinks of the frame [`ReaderPane`] draws: the article's address on the rows
/// that show it, when it is a safe link ([`Target`]) and no overlay covers the reader
/// (the rows under one show something else; they are linked again once it closes).
pub fn reader_links(app: &App) -> Vec<Link> {
    let (Some(reader), Some(text)) = (app.reader.as_ref(), app.areas().reader_text()) else {
        return Vec::new();
    };
    let target = app.articles[reader.article]
        .url
        .as_deref()
        .and_then(Target::new);
    let Some(target) = target.filter(|_| !app.is_covered()) else {
        return Vec::new();
    };
    let first = reader.scroll.min(reader.lines.len());
    (text.top()..text.bottom())
        .zip(&reader.lines[first..])
        .filter(|(_, line)| line.kind == LineKind::Url)
        .map(|(row, line)| Link {
            row,
            columns: drawn_columns(
                Rect {
                    y: row,
                    height: 1,
                    ..text
                },
                &line.line,
            ),
            target: target.clone(),
        })
        .filter(|link| !link.columns.is_empty())
        .collect()
}

/// The reader: a header with the position in the text, then the laid-out lines.
pub struct ReaderPane<'a> {
    /// What to draw.
    pub app: &'a App,
}

impl Widget for ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        if area.height == 0 {
            return;
        }
        let header = Rect { height: 1, ..area };
        buf.set_style(header, header_style(app, Pane::Reader));
        let Some(reader) = app.reader.as_ref() else {
            return;
        };
        let page = app.reader_page();
        let shown_to = (reader.scroll + page).min(reader.lines.len());
        let article = &app.articles[reader.article];
        let mut label = format!(
            " Reader · lines {}–{} of {}",
            (reader.scroll + 1).min(shown_to),
            shown_to,
            reader.lines.len()
        );
        if let Some(source) = &article.source {
            // Isolated (FSI…PDI), so that an Arabic name does not pull the date after it
            // into its right-to-left run.
            label.push_str(" · \u{2068}");
            label.push_str(&source.name);
            label.push('\u{2069}');
        }
        if let Some(date) = date_label(app, &article.date) {
            label.push_str(" · ");
            label.push_str(&date);
        }
        if app.look.body_view == BodyView::Raw {
            label.push_str(" · raw");
        }
        // Laid out left to right (the position comes first, so a narrow pane cuts the
        // source and date, not the position), with Arabic names shaped and ordered.
        let options = LayoutOptions {
            base: BaseDirection::Ltr,
            alignment: Alignment::Left,
            ..app.look.display.layout(usize::from(header.width))
        };
        draw_line(
            buf,
            header,
            &single_line(&label, &options),
            header_style(app, Pane::Reader),
        );
        let Some(text) = Areas::new(app.layout.screen, app.layout.focus).reader_text() else {
            return;
        };
        let first = reader.scroll.min(reader.lines.len());
        let current = reader.current_match();
        let selected = app
            .selection
            .as_ref()
            .map(|s| s.passages())
            .unwrap_or_default();
        for (row, line) in reader.lines[first..]
            .iter()
            .take(usize::from(text.height))
            .enumerate()
        {
            let style = match line.kind {
                LineKind::Title => Style::default().add_modifier(Modifier::BOLD),
                LineKind::Url => Style::default().add_modifier(Modifier::UNDERLINED),
                LineKind::Paragraph(_) | LineKind::Blank => Style::default(),
            };
            let row_area = Rect {
                y: text.y + row as u16,
                height: 1,
                ..text
            };
            let marks = reader.marks.get(first + row).map_or(&[][..], Vec::as_slice);
            let current = current
                .filter(|m| m.kind == line.kind)
                .map_or(&[][..], |m| std::slice::from_ref(&m.range));
            let selection: Vec<_> = match line.kind {
                LineKind::Paragraph(p) => selected
                    .iter()
                    .filter(|s| s.paragraph == p)
                    .map(|s| s.range.clone())
                    .collect(),
                _ => Vec::new(),
            };
            if reader.bookmarked.get(first + row) == Some(&true) {
                // The passage's side: the right margin for right-to-left text.
                let x = if line.line.rtl {
                    text.right()
                } else {
                    text.x.saturating_sub(1)
                };
                if x >= area.x && x < area.right() {
                    buf.set_string(x, row_area.y, "▐", app.look.theme.bookmark_mark);
                }
            }
            draw_styled_line(buf, row_area, &line.line, |cell| {
                let mut cell_style = style;
                if overlaps(cell, marks) {
                    // Matches are underlined and bold as well as coloured: never colour
                    // alone.
                    cell_style = cell_style.patch(app.look.theme.matched);
                }
                if overlaps(cell, current) {
                    cell_style = cell_style.patch(app.look.theme.current_match);
                }
                if overlaps(cell, &selection) {
                    cell_style = cell_style.add_modifier(Modifier::REVERSED);
                }
                cell_style
            });
        }
    }
}
