//! The reader's passages: selecting one sentence or paragraph at a time, keeping it in
//! view, and copying it.

use super::{App, Effect};
use crate::config::commands::Command;
use crate::tui::geometry::Pane;
use crate::tui::reader::LineKind;
use crate::tui::selection::{Selection, SelectionUnit};

/// The most OSC 52 carries: terminals drop longer sequences (xterm and tmux stop near
/// 100 kB of base64).
const CLIPBOARD_LIMIT: usize = 74_000;

impl App {
    /// `v` and `V`: start a selection at the sentence (or paragraph) at the top of the
    /// reader, switch an ongoing one to the other unit, or end it when it already grows
    /// by that unit.
    pub(super) fn select(&mut self, unit: SelectionUnit) {
        if self.layout.focus != Pane::Reader {
            self.status.message = Some("open an article to select in it (Enter)".to_owned());
            return;
        }
        let Some(reader) = self.reader.as_ref() else {
            return;
        };
        let article = &self.articles[reader.article];
        self.selection = match self.selection.take() {
            Some(selection) if selection.unit == unit => None,
            Some(selection) => Some(selection.regrown(article, self.look.body_view, unit)),
            None => {
                let (paragraph, at) = reader.top_paragraph().unwrap_or((0, 0));
                let started = Selection::start(article, self.look.body_view, unit, paragraph, at);
                if started.is_none() {
                    self.status.message = Some("nothing to select".to_owned());
                }
                started
            }
        };
        self.show_selection_head();
    }

    /// `j`/`k` while selecting: grow or shrink the selection by one unit.
    pub(super) fn extend_selection(&mut self, command: Command) {
        if let Some(selection) = self.selection.as_mut() {
            selection.extend(command == Command::MoveDown);
            self.show_selection_head();
        }
    }

    /// Scrolls the reader so that the unit the selection was extended to is in view.
    fn show_selection_head(&mut self) {
        let page = self.reader_page().max(1);
        let max = self.max_scroll();
        let (Some(reader), Some(selection)) = (self.reader.as_mut(), self.selection.as_ref())
        else {
            return;
        };
        let head = selection.head();
        let lines: Vec<usize> = (0..reader.lines.len())
            .filter(|&i| {
                let line = &reader.lines[i];
                line.kind == LineKind::Paragraph(head.paragraph)
                    && line.line.logical.start < head.range.end
                    && line.line.logical.end > head.range.start
            })
            .collect();
        let (Some(&first), Some(&last)) = (lines.first(), lines.last()) else {
            return;
        };
        if last >= reader.scroll + page {
            reader.scroll = (last + 1).saturating_sub(page).min(first);
        }
        if first < reader.scroll {
            reader.scroll = first;
        }
        reader.scroll = reader.scroll.min(max);
    }

    /// `y`: the selected passage, or else the paragraph at the top of the reader, goes to
    /// the clipboard (in logical order, as it was written).
    pub(super) fn copy_passage(&mut self) {
        let Some(text) = self.passage_text() else {
            self.status.message = Some("nothing to copy".to_owned());
            return;
        };
        if text.len() > CLIPBOARD_LIMIT {
            self.status.message = Some("passage too long for the clipboard".to_owned());
            return;
        }
        self.status.message = Some(format!(
            "copied {} characters to the clipboard",
            text.chars().count()
        ));
        self.effects.push(Effect::Clipboard(text));
        self.selection = None;
    }

    /// `o`: the open article's address goes to the clipboard, and the status line shows
    /// it.
    pub(super) fn copy_url(&mut self) {
        let url = self
            .reader
            .as_ref()
            .and_then(|reader| self.articles[reader.article].url.clone());
        let Some(url) = url.filter(|u| u.len() <= CLIPBOARD_LIMIT) else {
            self.status.message = Some("this article has no address".to_owned());
            return;
        };
        self.status.message = Some(format!("copied {}", crate::text::visible(&url)));
        self.effects.push(Effect::Clipboard(url));
    }

    /// The selected text, or the paragraph at the top of the reader.
    fn passage_text(&self) -> Option<String> {
        let reader = self.reader.as_ref()?;
        let article = &self.articles[reader.article];
        if let Some(selection) = &self.selection {
            return Some(selection.text(article));
        }
        let (paragraph, _) = reader.top_paragraph()?;
        Some(article.paragraphs.at(paragraph).text.trim().to_owned())
    }
}
