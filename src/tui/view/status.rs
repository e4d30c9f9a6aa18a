//! The status line: where you are, what went wrong while loading, the last message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::cells::draw_line;
use super::grouped;
use crate::config::commands::Command;
use crate::text::{Alignment, VisualLine, single_line};
use crate::tui::app::{App, Layer};
use crate::tui::filter::Filter;
use crate::tui::keymap::KeyMap;

/// The bottom row.
pub struct StatusLine<'a> {
    /// What to draw.
    pub app: &'a App,
    /// For the hint of the keys that open the help and quit.
    pub keymap: &'a KeyMap,
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
        let typed = typing(app);
        if let Some((label, editor)) = typed {
            // A line being typed: its label, then the text shaped and ordered.
            let line = typed_line(app, editor, area.width);
            buf.set_stringn(area.x + 1, area.y, label, label.len(), style);
            let start = text_start(area, label);
            let start = Rect {
                x: start,
                width: area.right().saturating_sub(start),
                ..area
            };
            draw_line(buf, start, &line, style);
            x = start.x + (line.width() as u16).min(start.width) + 1;
        }
        let mut left = if typed.is_some_and(|(_, e)| std::ptr::eq(e, &app.list.filter)) {
            if app.is_filtering() || app.list.shown.is_empty() {
                // While typing: how many the filter lets through.
                format!(
                    " {} of {}",
                    grouped(app.list.shown.len()),
                    grouped(app.articles.len())
                )
            } else {
                // Filtered and reading: where in the results, and of how many in all.
                format!(
                    " article {} of {} ({} in all)",
                    grouped(app.list.selected + 1),
                    grouped(app.list.shown.len()),
                    grouped(app.articles.len())
                )
            }
        } else if typed.is_some() || (app.list.shown.is_empty() && app.is_loading()) {
            // The text typed, or the loading progress alone, says enough.
            String::new()
        } else if app.list.shown.is_empty() {
            " no articles".to_owned()
        } else {
            format!(
                " article {} of {}",
                grouped(app.list.selected + 1),
                grouped(app.list.shown.len())
            )
        };
        if let Some(progress) = app.status.loading {
            // The list grows meanwhile; filters wait for the index, built at the end.
            if !left.is_empty() {
                left.push_str(" ·");
            }
            left.push_str(&format!(
                " loading {} articles…",
                grouped(progress.articles)
            ));
            if let Some(rate) = progress.per_second() {
                left.push_str(&format!(" {}/s", grouped(rate as usize)));
            }
        } else if app.index.ready.is_none() && !app.articles.is_empty() {
            // The list works meanwhile; filters wait for the index.
            match app.index.progress {
                0 => left.push_str(" · indexing…"),
                percent => left.push_str(&format!(" · indexing {percent}%…")),
            }
        }
        if app.is_searching() {
            left.push_str(" · searching…");
        }
        if app.list.order == crate::index::Order::Relevance && app.list.filter.is_active() {
            // The order in effect is always said, not only when it was switched.
            left.push_str(" · best match first");
        }
        if typed.is_none() {
            let unread = app.unread_count();
            if unread > 0 {
                left.push_str(&format!(" · {} unread", grouped(unread)));
            }
        }
        if let Some(error) = app.list.search.status.message() {
            left.push_str(" · ");
            left.push_str(&error);
        }
        if !app.status.skipped.is_empty() {
            let files = if app.status.skipped.len() == 1 {
                "file"
            } else {
                "files"
            };
            left.push_str(&format!(
                " · {} {files} skipped (e)",
                grouped(app.status.skipped.len())
            ));
        }
        if let Some(message) = &app.status.message {
            left.push_str(" · ");
            left.push_str(message);
        }
        let right = hint(self.keymap);
        let right = right.as_str();
        let width = usize::from(area.width);
        let used = usize::from(x - area.x);
        buf.set_stringn(x, area.y, &left, width.saturating_sub(used), style);
        let left_width = used + left.chars().count();
        let right_width = right.chars().count();
        if left_width + right_width < width {
            let x = area.x + (width - right_width) as u16;
            buf.set_stringn(x, area.y, right, right_width, style);
        }
    }
}

/// The keys that open the help and quit, as they are bound: "? help  q quit ".
fn hint(keymap: &KeyMap) -> String {
    let mut hint = String::new();
    for (command, word) in [(Command::Help, "help"), (Command::Quit, "quit")] {
        if let Some(key) = keymap.keys_of(command).first() {
            hint.push_str(&format!("{key} {word}  "));
        }
    }
    hint.truncate(hint.trim_end().len());
    hint.push(' ');
    hint
}

/// The line being typed, if any, with its label: a note, the bookmarks pane's filter,
/// or the filter bar (shown while it applies, even when not being edited).
fn typing(app: &App) -> Option<(&'static str, &Filter)> {
    if let Some(input) = app.note_input() {
        return Some(("note:", &input.editor));
    }
    if let Some(pane) = app.bookmarks_pane() {
        return pane.filtering.then_some(("/", &pane.filter));
    }
    (app.is_filtering() || app.list.filter.is_active()).then_some(("/", &app.list.filter))
}

/// The column where typed text starts, after its label and a space.
fn text_start(area: Rect, label: &str) -> u16 {
    area.x + 2 + label.len() as u16
}

/// The typed text as the bar draws it: at most half the row, left-aligned.
fn typed_line(app: &App, editor: &Filter, row_width: u16) -> VisualLine {
    let options = crate::text::LayoutOptions {
        alignment: Alignment::Left,
        ..app.look.display.layout(usize::from(row_width / 2).max(1))
    };
    single_line(&editor.text, &options)
}

/// Where the terminal cursor goes while text is typed: beside the character before it,
/// on the side the next character will appear (left of an Arabic letter).
pub fn filter_cursor(app: &App, status: Rect) -> Option<(u16, u16)> {
    let (label, editor) = typing(app)?;
    let typing = matches!(
        app.layer(),
        Layer::Filter | Layer::BookmarksFilter | Layer::Note
    );
    if !typing || status.height == 0 {
        return None;
    }
    let line = typed_line(app, editor, status.width);
    let start = text_start(status, label);
    let cursor = editor.cursor;
    let before = editor.text[..cursor].chars().next_back();
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
