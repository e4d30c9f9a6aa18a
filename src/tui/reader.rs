//! The open article as the reader shows it: its lines laid out for the pane's width, the
//! position in them, and where the filter's words occur.

use std::ops::Range;

use crate::article::{Article, BodyView};
use crate::index::Index;
use crate::index::query::Query;
use crate::text::{BodyLine, LayoutOptions, VisualLine, layout_body, layout_paragraph};

/// What one line of the reader shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A line of the title.
    Title,
    /// A line of paragraph `n` of the body.
    Paragraph(usize),
    /// A blank line.
    Blank,
}

/// One line of the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderLine {
    /// What it belongs to.
    pub kind: LineKind,
    /// Its cells.
    pub line: VisualLine,
}

/// The open article, laid out for the reader's current width.
#[derive(Clone, Debug)]
pub struct Reader {
    /// Index of the article in [`App::articles`].
    pub article: usize,
    /// Title lines, a blank, then the body.
    pub lines: Vec<ReaderLine>,
    /// First line shown.
    pub scroll: usize,
    /// Lines where the filter's words occur, ascending.
    pub matches: Vec<usize>,
    /// For each line, the logical byte ranges of the filter's words on it.
    pub marks: Vec<Vec<Range<usize>>>,
    /// For each line, whether it shows part of a bookmarked passage.
    pub bookmarked: Vec<bool>,
}

impl Reader {
    /// An article about to be laid out.
    pub fn new(article: usize) -> Self {
        Self {
            article,
            lines: Vec::new(),
            scroll: 0,
            matches: Vec::new(),
            marks: Vec::new(),
            bookmarked: Vec::new(),
        }
    }

    /// Lays the article out again, keeping the text that was at the top at the top.
    pub fn lay_out(&mut self, article: &Article, view: BodyView, options: &LayoutOptions) {
        // The first line with text at or below the top, and how many blank lines above it
        // were at the top: blank lines have no logical position of their own.
        let anchor = self.lines[self.scroll.min(self.lines.len())..]
            .iter()
            .enumerate()
            .find(|(_, l)| l.kind != LineKind::Blank)
            .map(|(blanks, top)| (top.kind, top.line.logical.start, blanks));
        let mut lines: Vec<ReaderLine> = layout_paragraph(&article.title, options)
            .into_iter()
            .map(|line| ReaderLine {
                kind: LineKind::Title,
                line,
            })
            .collect();
        lines.push(ReaderLine {
            kind: LineKind::Blank,
            line: VisualLine::default(),
        });
        // Paragraphs keep their index in the whole article, so that a line found before a
        // switch to or from the raw view is found again after it.
        let shown: Vec<usize> = (0..article.paragraphs.len())
            .filter(|&i| view == BodyView::Raw || !article.paragraphs[i].boilerplate)
            .collect();
        let texts: Vec<&str> = shown
            .iter()
            .map(|&i| article.paragraphs[i].text.as_str())
            .collect();
        lines.extend(layout_body(&texts, options).into_iter().map(
            |BodyLine { paragraph, line }| ReaderLine {
                kind: paragraph.map_or(LineKind::Blank, |p| LineKind::Paragraph(shown[p])),
                line,
            },
        ));
        self.scroll = anchor.map_or(0, |(kind, offset, blanks)| {
            lines
                .iter()
                .position(|l| l.kind == kind && l.line.logical.end > offset)
                .or_else(|| lines.iter().position(|l| l.kind == kind))
                .unwrap_or(0)
                .saturating_sub(blanks)
        });
        self.lines = lines;
    }

    /// Finds where the query's words occur: each line's marked byte ranges (painted by
    /// the view every frame without searching again) and the lines that have any, for
    /// `n` and `N`. Each paragraph is searched once, however many lines it takes.
    pub fn find_matches(
        &mut self,
        article: &Article,
        query: Option<&Query>,
        index: Option<&Index>,
    ) {
        self.marks = vec![Vec::new(); self.lines.len()];
        self.matches.clear();
        let (Some(query), Some(index)) = (query, index) else {
            return;
        };
        let mut found: Option<(LineKind, Vec<Range<usize>>)> = None;
        for (i, line) in self.lines.iter().enumerate() {
            let text = match line.kind {
                LineKind::Title => article.title.as_str(),
                LineKind::Paragraph(p) => article.paragraphs[p].text.as_str(),
                LineKind::Blank => continue,
            };
            if found.as_ref().is_none_or(|(kind, _)| *kind != line.kind) {
                found = Some((line.kind, index.highlights(query, text)));
            }
            let span = &line.line.logical;
            let ranges = found.as_ref().map_or(&[][..], |(_, r)| r.as_slice());
            self.marks[i] = ranges
                .iter()
                .filter(|r| r.start < span.end && r.end > span.start)
                .cloned()
                .collect();
            if !self.marks[i].is_empty() {
                self.matches.push(i);
            }
        }
    }

    /// The first paragraph line at or below the top of the pane: the paragraph's index in
    /// the article and the byte its line starts at. What a passage, a bookmark or a
    /// reading position without a selection starts from.
    pub fn top_paragraph(&self) -> Option<(usize, usize)> {
        self.lines[self.scroll.min(self.lines.len())..]
            .iter()
            .find_map(|line| match line.kind {
                LineKind::Paragraph(p) => Some((p, line.line.logical.start)),
                _ => None,
            })
    }

    /// The first line with a match below (`forward`) or above the top line.
    pub fn next_match(&self, forward: bool) -> Option<usize> {
        if forward {
            self.matches.iter().copied().find(|&l| l > self.scroll)
        } else {
            self.matches
                .iter()
                .rev()
                .copied()
                .find(|&l| l < self.scroll)
        }
    }
}
