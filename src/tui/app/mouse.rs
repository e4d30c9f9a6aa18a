//! The mouse, when it is on: the wheel scrolls the pane under the pointer, a click on a
//! list row selects its article, a click on the reader gives it the keyboard. Only the
//! panes take the mouse; a box over them (the help, the bookmarks) or a note being typed
//! leaves it alone, so that a stray click never acts behind what is shown.

use super::App;
use crate::config::commands::Command;
use crate::tui::geometry::Pane;

/// What the mouse did, at a cell of the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mouse {
    /// The wheel or the left button.
    pub action: MouseAction,
    /// The cell's column.
    pub column: u16,
    /// The cell's row.
    pub row: u16,
}

/// The mouse actions qari takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MouseAction {
    /// The wheel turned towards the user: further down the text.
    WheelDown,
    /// The wheel turned away: back up.
    WheelUp,
    /// The left button went down.
    Click,
}

/// Lines the reader scrolls per notch of the wheel, as most terminals' own scrollback.
const WHEEL_LINES: usize = 3;

impl App {
    /// Applies a mouse action; says whether it changed anything to draw.
    pub fn mouse(&mut self, mouse: Mouse) -> bool {
        if self.is_covered() {
            return false;
        }
        let areas = self.areas();
        let inside = |area: Option<ratatui::layout::Rect>| {
            area.is_some_and(|a| {
                a.contains(ratatui::layout::Position::new(mouse.column, mouse.row))
            })
        };
        let pane = if inside(areas.list) {
            Pane::List
        } else if inside(areas.reader) {
            Pane::Reader
        } else {
            return false;
        };
        match (mouse.action, pane) {
            (MouseAction::WheelDown | MouseAction::WheelUp, Pane::List) => {
                let command = if mouse.action == MouseAction::WheelDown {
                    Command::MoveDown
                } else {
                    Command::MoveUp
                };
                self.move_in_list(command);
            }
            (MouseAction::WheelDown | MouseAction::WheelUp, Pane::Reader) => {
                let command = if mouse.action == MouseAction::WheelDown {
                    Command::MoveDown
                } else {
                    Command::MoveUp
                };
                for _ in 0..WHEEL_LINES {
                    self.scroll_reader(command);
                }
            }
            (MouseAction::Click, Pane::List) => {
                if let Some(rows) = areas.list_rows()
                    && mouse.row >= rows.y
                {
                    // The rows drawn are those the list view draws: see `view::list`.
                    let height = usize::from(rows.height);
                    let first = (self.list.selected + 1).saturating_sub(height);
                    let index = first + usize::from(mouse.row - rows.y);
                    if index < self.list.shown.len() {
                        self.list.selected = index;
                        self.follow_selection();
                    }
                }
                if !self.is_filtering() {
                    self.focus_pane(Pane::List);
                }
            }
            (MouseAction::Click, Pane::Reader) => {
                if !self.is_filtering() {
                    self.focus_pane(Pane::Reader);
                }
            }
        }
        true
    }
}
