//! The help overlay, generated from the live key map: every layer's keys under its
//! heading.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::popup;

use crate::tui::keymap::{HelpRow, KeyMap};

/// A box in the middle of the screen listing every key and what it does.
pub struct HelpOverlay<'a> {
    /// The bindings to list.
    pub keymap: &'a KeyMap,
    /// Which page, when they do not fit at once (counted modulo the pages).
    pub page: usize,
}

impl Widget for HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let entries = self.keymap.help_rows();
        let key_width = entries
            .iter()
            .map(|row| match row {
                HelpRow::Keys(keys, _) => keys.chars().count(),
                HelpRow::Heading(_) => 0,
            })
            .max()
            .unwrap_or(0);
        let text_width = entries
            .iter()
            .map(|row| match row {
                HelpRow::Keys(_, what) => what.chars().count(),
                HelpRow::Heading(heading) => heading.chars().count().saturating_sub(key_width),
            })
            .max()
            .unwrap_or(0);
        // One column; when the screen is too short for every key, pages that Space
        // turns (the title says so).
        let room = usize::from(area.height.saturating_sub(2)).max(1);
        let pages = entries.len().div_ceil(room).max(1);
        let page = self.page % pages;
        let shown: Vec<_> = entries.iter().skip(page * room).take(room).collect();
        let title = if pages > 1 {
            format!(
                " keys {}/{pages} · Space more · other keys close ",
                page + 1
            )
        } else {
            " keys · any key closes ".to_owned()
        };
        let width = (key_width + text_width + 6).min(usize::from(u16::MAX)) as u16;
        let height = (shown.len() + 2).min(usize::from(u16::MAX)) as u16;
        let inner = popup(area, buf, width, height, &title);
        for (row, entry) in shown
            .into_iter()
            .enumerate()
            .take(usize::from(inner.height))
        {
            let y = inner.y + row as u16;
            let (keys, what) = match entry {
                HelpRow::Heading(heading) => {
                    buf.set_stringn(
                        inner.x,
                        y,
                        format!(" {heading}"),
                        usize::from(inner.width),
                        Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                    );
                    continue;
                }
                HelpRow::Keys(keys, what) => (keys, what),
            };
            let line = format!(" {keys:<key_width$}  {what}");
            buf.set_stringn(
                inner.x,
                y,
                &line,
                usize::from(inner.width),
                Style::default(),
            );
            buf.set_style(
                Rect {
                    x: inner.x,
                    y,
                    width: (key_width as u16 + 1).min(inner.width),
                    height: 1,
                },
                Style::default().add_modifier(Modifier::BOLD),
            );
        }
    }
}
