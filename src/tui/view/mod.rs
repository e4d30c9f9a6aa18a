//! Drawing: pure functions from the state to a frame. Nothing here changes state or
//! touches the terminal, so every screen can be checked with ratatui's `TestBackend`.

mod cells;
mod help;
mod list;
mod reader;
mod status;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::app::App;
use super::geometry::Pane;
use super::keymap::KeyMap;

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
        status::StatusLine { app: self.app }.render(areas.status, buf);
        if self.app.help {
            help::HelpOverlay {
                keymap: self.keymap,
            }
            .render(area, buf);
        }
    }
}

/// The style of a pane's header row: reversed, and bold when the pane has the focus, so
/// the focus shows without colour.
fn header_style(app: &App, pane: Pane) -> Style {
    let style = Style::default().add_modifier(Modifier::REVERSED);
    if app.focus == pane {
        style.add_modifier(Modifier::BOLD)
    } else {
        style
    }
}
