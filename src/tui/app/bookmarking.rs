//! Bookmarks as the reader sees them: making one from the selection (with a note or
//! not), the bookmarks pane, and which articles and lines have bookmarks. Changes to the
//! store are requested as [`Effect`]s, which the event loop carries out and answers with
//! the store's new contents.

use std::collections::HashMap;

use crossterm::event::KeyEvent;

use super::{App, Effect, Modal, Place};
use crate::article::BodyView;
use crate::bookmarks::{
    Anchor, ArticleLookup, BodyPlace, Bookmark, BookmarkId, LogicalBody, NewBookmark, ParaOffset,
};
use crate::config::commands::BookmarksCommand;
use crate::tui::filter::{Edit, Filter};
use crate::tui::geometry::Pane;
use crate::tui::reader::LineKind;

/// The note being typed, and what it is for.
#[derive(Debug)]
pub struct NoteInput {
    /// The text and cursor.
    pub editor: Filter,
    /// What the note goes to.
    pub target: NoteTarget,
}

/// What a note being typed goes to.
#[derive(Debug)]
pub enum NoteTarget {
    /// A bookmark still to be made.
    New(Box<NewBookmark>),
    /// An existing bookmark.
    Existing(BookmarkId),
}

/// The bookmarks pane.
#[derive(Debug, Default)]
pub struct BookmarksPane {
    /// The highlighted row, an index into [`App::pane_rows`].
    pub selected: usize,
    /// Text that rows must contain (title, passage or note).
    pub filter: Filter,
    /// Whether its filter is being typed in.
    pub filtering: bool,
    /// Bookmarks deleted since the pane opened, last deleted last, for `u`.
    pub deleted: Vec<Bookmark>,
}

impl App {
    /// The store's bookmarks, as just loaded or changed.
    pub fn set_bookmarks(&mut self, bookmarks: Vec<Bookmark>) {
        let lookup = ArticleLookup::new(&self.articles);
        self.library.bookmarked_articles = HashMap::new();
        for (i, bookmark) in bookmarks.iter().enumerate() {
            if let Some((article, _)) = lookup.find(bookmark) {
                self.library
                    .bookmarked_articles
                    .entry(article)
                    .or_default()
                    .push(i);
            }
        }
        self.library.places = (0..bookmarks.len())
            .map(|i| {
                let found = self
                    .library
                    .bookmarked_articles
                    .iter()
                    .find(|(_, marks)| marks.contains(&i));
                let Some((&article, _)) = found else {
                    return Place::NotLoaded;
                };
                let body = LogicalBody::of(&self.articles[article]);
                match bookmarks[i].anchor(&body) {
                    Anchor::Anchored { range, .. } => Place::Found { article, range },
                    Anchor::Orphaned => Place::Orphaned,
                }
            })
            .collect();
        self.library.bookmarks = bookmarks;
        self.mark_bookmarked_lines();
        if self.list.filter.is_active() {
            // is:bookmarked may hold other articles now.
            self.refilter();
        }
        let count = self.library.bookmarks.len();
        if let Modal::Bookmarks(pane)
        | Modal::Note {
            over: Some(pane), ..
        } = &mut self.modal
        {
            pane.selected = pane.selected.min(count.saturating_sub(1));
        }
    }

    /// Where a bookmark's passage is in its article now: the article's number and the
    /// char range in its logical body; none for an orphaned bookmark or a missing article.
    pub fn bookmark_place(&self, bookmark: usize) -> Option<(usize, std::ops::Range<usize>)> {
        match self.library.places.get(bookmark)? {
            Place::Found { article, range } => Some((*article, range.clone())),
            Place::Orphaned | Place::NotLoaded => None,
        }
    }

    /// Marks the open article's lines that show a bookmarked passage.
    pub(super) fn mark_bookmarked_lines(&mut self) {
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        reader.bookmarked = vec![false; reader.lines.len()];
        let Some(marks) = self.library.bookmarked_articles.get(&reader.article) else {
            return;
        };
        let article = &self.articles[reader.article];
        let body = LogicalBody::of(article);
        for &mark in marks {
            let Anchor::Anchored { range, .. } = self.library.bookmarks[mark].anchor(&body) else {
                continue;
            };
            for (paragraph, bytes) in body.paragraph_parts(range) {
                for (i, line) in reader.lines.iter().enumerate() {
                    if line.kind == LineKind::Paragraph(paragraph)
                        && line.line.logical.start < bytes.end
                        && bytes.start < line.line.logical.end.max(line.line.logical.start + 1)
                    {
                        reader.bookmarked[i] = true;
                    }
                }
            }
        }
    }

    /// `b` and `B`: bookmark the selection, or the paragraph at the top of the reader;
    /// `B` asks for a note first.
    pub(super) fn bookmark(&mut self, with_note: bool) {
        if self.layout.focus != Pane::Reader {
            self.status.message = Some("open an article to bookmark in it (Enter)".to_owned());
            return;
        }
        let Some(new) = self.new_bookmark() else {
            return;
        };
        if with_note {
            self.modal = Modal::Note {
                input: NoteInput {
                    editor: Filter::default(),
                    target: NoteTarget::New(Box::new(new)),
                },
                over: None,
            };
        } else {
            self.effects.push(Effect::AddBookmark(Box::new(new)));
            self.status.message = Some("bookmarked".to_owned());
        }
        self.selection = None;
    }

    /// A bookmark of the selected passage, or of the paragraph at the top.
    fn new_bookmark(&mut self) -> Option<NewBookmark> {
        let reader = self.reader.as_ref()?;
        let article = &self.articles[reader.article];
        let body = LogicalBody::of(article);
        let passages = match &self.selection {
            Some(selection) => selection.passages(),
            None => {
                let (paragraph, _) = reader.top_paragraph()?;
                let text = &article.paragraphs.at(paragraph).text;
                let start = text.len() - text.trim_start().len();
                vec![crate::tui::selection::Passage {
                    paragraph,
                    range: start..text.trim_end().len(),
                }]
            }
        };
        let char_at = |paragraph, byte| body.char_offset(ParaOffset { paragraph, byte });
        let (first, last) = (passages.first()?, passages.last()?);
        let range = match (
            char_at(first.paragraph, first.range.start),
            char_at(last.paragraph, last.range.end),
        ) {
            (Some(start), Some(end)) => start..end,
            _ => {
                self.status.message =
                    Some("boilerplate cannot be bookmarked (r: clean view)".to_owned());
                return None;
            }
        };
        // The same passage twice is one bookmark: say so rather than make a duplicate.
        let number = reader.article;
        let already = self
            .library
            .bookmarked_articles
            .get(&number)
            .into_iter()
            .flatten()
            .any(|&i| self.bookmark_place(i).is_some_and(|(_, r)| r == range));
        if already {
            self.status.message = Some("already bookmarked".to_owned());
            return None;
        }
        match NewBookmark::new(article, &body, range, None) {
            Ok(new) => Some(new),
            Err(err) => {
                self.status.message = Some(format!("cannot bookmark: {err}"));
                None
            }
        }
    }

    /// A key while a note is being typed: Enter saves it, Esc drops it (and, for a new
    /// bookmark, the bookmark).
    pub fn edit_note(&mut self, key: &KeyEvent) {
        let Modal::Note { input, .. } = &mut self.modal else {
            return;
        };
        match input.editor.edit(key) {
            Edit::Keep => {
                let Modal::Note { input, over } = std::mem::take(&mut self.modal) else {
                    return;
                };
                self.modal = over.map_or(Modal::None, Modal::Bookmarks);
                let note = Some(input.editor.text.trim().to_owned()).filter(|n| !n.is_empty());
                match input.target {
                    NoteTarget::New(new) => {
                        self.effects
                            .push(Effect::AddBookmark(Box::new(new.with_note(note))));
                        self.status.message = Some("bookmarked with a note".to_owned());
                    }
                    NoteTarget::Existing(id) => {
                        self.effects.push(Effect::EditNote(id, note));
                        self.status.message = Some("note saved".to_owned());
                    }
                }
            }
            Edit::Clear => {
                if let Modal::Note { over, .. } = std::mem::take(&mut self.modal) {
                    self.modal = over.map_or(Modal::None, Modal::Bookmarks);
                }
                self.status.message = Some("cancelled".to_owned());
            }
            Edit::Changed | Edit::Moved | Edit::Ignored => {}
        }
    }

    /// The bookmarks the pane lists, as indices into [`App::bookmarks`], newest first,
    /// those that contain the pane's filter text.
    pub fn pane_rows(&self) -> Vec<usize> {
        let needle = self
            .bookmarks_pane()
            .map(|p| p.filter.text.trim().to_owned())
            .unwrap_or_default();
        (0..self.library.bookmarks.len())
            .rev()
            .filter(|&i| {
                let b = &self.library.bookmarks[i];
                needle.is_empty()
                    || b.quote.exact.contains(&needle)
                    || b.article.title.contains(&needle)
                    || b.note.as_deref().is_some_and(|n| n.contains(&needle))
            })
            .collect()
    }

    /// `'`: opens the bookmarks pane, or closes it.
    pub(super) fn toggle_bookmarks_pane(&mut self) {
        self.modal = match self.modal {
            Modal::Bookmarks(_) => Modal::None,
            _ => {
                // Another qari may have written the store meanwhile.
                self.effects.push(Effect::ReadBookmarks);
                Modal::Bookmarks(BookmarksPane::default())
            }
        };
    }

    /// A key while the bookmarks pane's filter is being typed.
    pub fn pane_filter_key(&mut self, key: &KeyEvent) {
        let Modal::Bookmarks(pane) = &mut self.modal else {
            return;
        };
        match pane.filter.edit(key) {
            Edit::Keep => pane.filtering = false,
            Edit::Clear => {
                pane.filter = Filter::default();
                pane.filtering = false;
            }
            Edit::Changed => pane.selected = 0,
            Edit::Moved | Edit::Ignored => {}
        }
    }

    /// A command of the bookmarks pane (`[keys.bookmarks_pane]`).
    pub fn pane_command(&mut self, command: BookmarksCommand) {
        let rows = self.pane_rows();
        let Modal::Bookmarks(pane) = &mut self.modal else {
            return;
        };
        let current = rows.get(pane.selected).copied();
        match command {
            BookmarksCommand::MoveDown => {
                pane.selected = (pane.selected + 1).min(rows.len().saturating_sub(1));
            }
            BookmarksCommand::MoveUp => pane.selected = pane.selected.saturating_sub(1),
            BookmarksCommand::Filter => {
                pane.filtering = true;
                pane.filter.cursor = pane.filter.text.len();
            }
            BookmarksCommand::Delete => {
                if let Some(i) = current {
                    let bookmark = self.library.bookmarks[i].clone();
                    self.effects
                        .push(Effect::DeleteBookmark(bookmark.id.clone()));
                    pane.deleted.push(bookmark);
                    self.status.message = Some("deleted (u: undo)".to_owned());
                }
            }
            BookmarksCommand::Undo => match pane.deleted.pop() {
                Some(bookmark) => {
                    self.effects
                        .push(Effect::RestoreBookmark(Box::new(bookmark)));
                    self.status.message = Some("restored".to_owned());
                }
                None => self.status.message = Some("nothing to undo".to_owned()),
            },
            BookmarksCommand::EditNote => {
                if let Some(i) = current
                    && let Modal::Bookmarks(pane) = std::mem::take(&mut self.modal)
                {
                    let note = self.library.bookmarks[i].note.clone().unwrap_or_default();
                    self.modal = Modal::Note {
                        input: NoteInput {
                            editor: Filter {
                                cursor: note.len(),
                                text: note,
                            },
                            target: NoteTarget::Existing(self.library.bookmarks[i].id.clone()),
                        },
                        over: Some(pane),
                    };
                }
            }
            BookmarksCommand::Open => {
                if let Some(i) = current {
                    self.jump_to_bookmark(i);
                }
            }
            BookmarksCommand::Close => {
                self.modal = Modal::None;
            }
        }
    }

    /// Opens a bookmark's article in the reader, scrolled to its passage.
    fn jump_to_bookmark(&mut self, bookmark: usize) {
        let Some((article, range)) = self.bookmark_place(bookmark) else {
            self.status.message = Some(match self.library.places.get(bookmark) {
                Some(Place::NotLoaded) => {
                    "article not loaded: its file is not among those open".to_owned()
                }
                _ => "orphaned: its passage is no longer in the article".to_owned(),
            });
            return;
        };
        self.modal = Modal::None;
        if !self.list.shown.contains(&(article as u32)) {
            // The filter hides it: show everything again rather than a hidden article.
            self.list.filter = Filter::default();
            self.refilter();
        }
        if let Some(row) = self.list.shown.iter().position(|&n| n as usize == article) {
            self.list.selected = row;
        }
        self.open(article);
        if !self.is_read(article) {
            self.mark_read(article, true);
        }
        self.focus_pane(Pane::Reader);
        self.look.body_view = BodyView::Clean;
        self.relayout();
        self.scroll_to_char(range.start);
    }

    /// Scrolls the reader so that char `offset` of the logical body is on the top line.
    pub(super) fn scroll_to_char(&mut self, offset: usize) {
        let max = self.max_scroll();
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let body = LogicalBody::of(&self.articles[reader.article]);
        let first_line = |paragraph| {
            reader
                .lines
                .iter()
                .position(|l| l.kind == LineKind::Paragraph(paragraph))
        };
        let line = match body.place(offset) {
            None => None,
            // A place in a paragraph break is the blank line before the next paragraph.
            Some(BodyPlace::BreakBefore { paragraph }) => {
                first_line(paragraph).map(|first| first.saturating_sub(1))
            }
            Some(BodyPlace::Text(at)) => reader.lines.iter().position(|l| {
                l.kind == LineKind::Paragraph(at.paragraph) && l.line.logical.end > at.byte
            }),
        };
        if let Some(line) = line {
            reader.scroll = line.min(max);
        }
    }
}
