//! Where each pane goes for a given screen size. Shared by `update` (which must know the
//! reader's width to lay text out, and its height to page) and by the views.

use ratatui::layout::Rect;

/// Below this width only one pane is shown at a time.
pub const SPLIT_MIN_WIDTH: u16 = 80;

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    /// The article list.
    List,
    /// The reader.
    Reader,
}

/// The screen cut into areas. A pane that is not shown has no area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The list pane, header row included.
    pub list: Option<Rect>,
    /// The column between the panes.
    pub divider: Option<Rect>,
    /// The reader pane, header row included.
    pub reader: Option<Rect>,
    /// The status line at the bottom.
    pub status: Rect,
}

impl Areas {
    /// Splits `screen` for the pane that has the focus.
    pub fn new(screen: Rect, focus: Pane) -> Self {
        let status_height = screen.height.min(1);
        let status = Rect {
            y: screen.bottom() - status_height,
            height: status_height,
            ..screen
        };
        let body = Rect {
            height: screen.height - status_height,
            ..screen
        };
        if screen.width < SPLIT_MIN_WIDTH {
            let (list, reader) = match focus {
                Pane::List => (Some(body), None),
                Pane::Reader => (None, Some(body)),
            };
            return Self {
                list,
                divider: None,
                reader,
                status,
            };
        }
        let list_width = (body.width * 2 / 5).max(30);
        let list = Rect {
            width: list_width,
            ..body
        };
        let divider = Rect {
            x: body.x + list_width,
            width: 1,
            ..body
        };
        let reader = Rect {
            x: divider.right(),
            width: body.width - list_width - 1,
            ..body
        };
        Self {
            list: Some(list),
            divider: Some(divider),
            reader: Some(reader),
            status,
        }
    }

    /// Where the reader's text goes: below its header row, one column of margin each side.
    pub fn reader_text(&self) -> Option<Rect> {
        self.reader.map(text_area)
    }

    /// Where the list's rows go: below its header row, one column of margin each side.
    pub fn list_rows(&self) -> Option<Rect> {
        self.list.map(text_area)
    }
}

fn text_area(pane: Rect) -> Rect {
    let header = pane.height.min(1);
    let margin = if pane.width > 2 { 1 } else { 0 };
    Rect {
        x: pane.x + margin,
        y: pane.y + header,
        width: pane.width - 2 * margin,
        height: pane.height - header,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_split_and_narrow_ones_show_the_focused_pane() {
        let wide = Areas::new(Rect::new(0, 0, 100, 30), Pane::List);
        assert_eq!(
            wide.list.unwrap().width + 1 + wide.reader.unwrap().width,
            100
        );
        assert_eq!(wide.status, Rect::new(0, 29, 100, 1));
        let narrow = Areas::new(Rect::new(0, 0, 40, 20), Pane::Reader);
        assert_eq!(narrow.list, None);
        assert_eq!(narrow.reader, Some(Rect::new(0, 0, 40, 19)));
    }

    #[test]
    fn tiny_screens_give_empty_areas_without_overflow() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 2), (3, 2)] {
            for focus in [Pane::List, Pane::Reader] {
                let areas = Areas::new(Rect::new(0, 0, w, h), focus);
                let _ = areas.reader_text();
                let _ = areas.list_rows();
            }
        }
    }
}
