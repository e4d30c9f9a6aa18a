//! The open article as the reader shows it: its lines laid out for the pane's width, the
//! position in them, and where the filter's words occur.

use std::ops::Range;

use crate::article::{Article, BodyView};
use crate::index::Index;
use crate::index::query::Query;
use crate::text::{
    Alignment, BaseDirection, BodyLine, LayoutOptions, VisualLine, layout_body, layout_paragraph,
    visible,
};

/// What one line of the reader shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// A line of the title.
    Title,
    /// A line of the page's address, under the title.
    Url,
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

/// One occurrence of the filter's words: a highlighted run, however many lines it is
/// wrapped over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The first line that shows it.
    pub line: usize,
    /// The title or paragraph it is in.
    pub kind: LineKind,
    /// Its logical byte range in that text.
    pub range: Range<usize>,
}

/// Which way `n` and `N` go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end of the article.
    Forward,
    /// Towards its start.
    Backward,
}

/// Where a jump between matches landed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Jump {
    /// The match's number, from 1.
    pub number: usize,
    /// How many matches the article has.
    pub total: usize,
    /// Whether it went past an end of the article and came round from the other.
    pub wrapped: bool,
}

/// The match `n` or `N` last landed on, and the scroll it left the reader at: once the
/// reader is scrolled elsewhere it is no longer current, and the next jump starts from
/// the top of the pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Current {
    index: usize,
    scroll: usize,
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
    /// Every occurrence of the filter's words, in reading order.
    pub matches: Vec<Match>,
    /// For each line, the logical byte ranges of the filter's words on it.
    pub marks: Vec<Vec<Range<usize>>>,
    /// For each line, whether it shows part of a bookmarked passage.
    pub bookmarked: Vec<bool>,
    /// The match last jumped to, if any.
    current: Option<Current>,
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
            current: None,
        }
    }

    /// Lays the article out again, keeping the text that was at the top at the top.
    pub fn lay_out(&mut self, article: &Article, view: BodyView, options: &LayoutOptions) {
        // The current match stays current: the text at the top, where it was, stays there.
        let current = self.current_index();
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
        if let Some(url) = &article.url {
            // An address reads left to right whatever the article's language.
            let url_options = LayoutOptions {
                base: BaseDirection::Ltr,
                alignment: Alignment::Left,
                ..*options
            };
            lines.extend(
                layout_paragraph(&visible(url), &url_options)
                    .into_iter()
                    .map(|line| ReaderLine {
                        kind: LineKind::Url,
                        line,
                    }),
            );
        }
        lines.push(ReaderLine {
            kind: LineKind::Blank,
            line: VisualLine::default(),
        });
        // Paragraphs keep their index in the whole article, so that a line found before a
        // switch to or from the raw view is found again after it.
        let shown: Vec<usize> = (0..article.paragraphs.len())
            .filter(|&i| view == BodyView::Raw || !article.paragraphs.at(i).boilerplate)
            .collect();
        let texts: Vec<&str> = shown
            .iter()
            .map(|&i| article.paragraphs.at(i).text)
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
        self.current = current.map(|index| Current {
            index,
            scroll: self.scroll,
        });
    }

    /// Finds where the query's words occur: each line's marked byte ranges (painted by
    /// the view every frame without searching again) and each occurrence, for `n` and
    /// `N`. Each paragraph is searched once, however many lines it takes.
    pub fn find_matches(
        &mut self,
        article: &Article,
        query: Option<&Query>,
        index: Option<&Index>,
    ) {
        // The current match, found again below if the new query still marks it.
        let current = self
            .current_index()
            .map(|i| (self.matches[i].kind, self.matches[i].range.clone()));
        self.current = None;
        self.marks = vec![Vec::new(); self.lines.len()];
        self.matches.clear();
        let (Some(query), Some(index)) = (query, index) else {
            return;
        };
        let highlighter = index.highlighter(query);
        // The paragraph being searched: its highlighted runs, and how many of them
        // already have their first line.
        let mut found: Option<(LineKind, Vec<Range<usize>>, usize)> = None;
        for (i, line) in self.lines.iter().enumerate() {
            let text = match line.kind {
                LineKind::Title => article.title.as_str(),
                LineKind::Paragraph(p) => article.paragraphs.at(p).text,
                LineKind::Url | LineKind::Blank => continue,
            };
            if found.as_ref().is_some_and(|(kind, ..)| *kind != line.kind) {
                found = None;
            }
            let (_, ranges, placed) =
                found.get_or_insert_with(|| (line.kind, runs(highlighter.spans(text)), 0));
            let span = &line.line.logical;
            self.marks[i] = ranges
                .iter()
                .filter(|r| r.start < span.end && r.end > span.start)
                .cloned()
                .collect();
            // A run belongs to the first line that ends after it starts: one match,
            // however many lines it is wrapped over.
            while let Some(range) = ranges.get(*placed).filter(|r| r.start < span.end) {
                self.matches.push(Match {
                    line: i,
                    kind: line.kind,
                    range: range.clone(),
                });
                *placed += 1;
            }
        }
        self.current = current
            .and_then(|(kind, range)| {
                self.matches
                    .iter()
                    .position(|m| m.kind == kind && m.range == range)
            })
            .map(|index| Current {
                index,
                scroll: self.scroll,
            });
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

    /// The match last jumped to, while the reader is still where the jump left it.
    pub fn current_match(&self) -> Option<&Match> {
        self.current_index().map(|i| &self.matches[i])
    }

    fn current_index(&self) -> Option<usize> {
        self.current
            .filter(|c| c.scroll == self.scroll && c.index < self.matches.len())
            .map(|c| c.index)
    }

    /// Scrolls to the next match (or the previous one), coming round from the other end
    /// past the last (or the first); none when the article has no match. From the
    /// current match it goes one further, even on the same line; otherwise from the top
    /// of the pane: forward to the first match at or below it, backward to the last above.
    pub fn jump(&mut self, direction: Direction, max_scroll: usize) -> Option<Jump> {
        let last = self.matches.len().checked_sub(1)?;
        let (index, wrapped) = match (self.current_index(), direction) {
            (Some(i), Direction::Forward) if i == last => (0, true),
            (Some(i), Direction::Forward) => (i + 1, false),
            (Some(0), Direction::Backward) => (last, true),
            (Some(i), Direction::Backward) => (i - 1, false),
            (None, Direction::Forward) => self
                .matches
                .iter()
                .position(|m| m.line >= self.scroll)
                .map_or((0, true), |i| (i, false)),
            (None, Direction::Backward) => self
                .matches
                .iter()
                .rposition(|m| m.line < self.scroll)
                .map_or((last, true), |i| (i, false)),
        };
        self.scroll = self.matches[index].line.min(max_scroll);
        self.current = Some(Current {
            index,
            scroll: self.scroll,
        });
        Some(Jump {
            number: index + 1,
            total: self.matches.len(),
            wrapped,
        })
    }

    /// Keeps the top line within `max`; the current match stays current.
    pub fn clamp_scroll(&mut self, max: usize) {
        let current = self.current_index();
        self.scroll = self.scroll.min(max);
        self.current = current.map(|index| Current {
            index,
            scroll: self.scroll,
        });
    }
}

/// Highlighted ranges, sorted by start, as the runs a reader sees: ranges that overlap or
/// touch (a word and a phrase that contains it) are one run.
fn runs(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| r.start);
    let mut runs: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match runs.last_mut() {
            Some(run) if range.start <= run.end => run.end = run.end.max(range.end),
            _ => runs.push(range),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, DateInfo, Origin, Paragraph};
    use crate::corpus::sources::Outlets;
    use crate::index::query::{Mode, parse};

    const BODY: &str = "قال المدير إن أرصفة الميناء جاهزة منذ أسبوع، وإن أرصفة الميناء \
                        تستقبل السفن الكبيرة، وإن أرصفة الميناء تعمل ليلا ونهارا.";

    fn article() -> Article {
        Article {
            id: ArticleId::new("a"),
            title: "السفن".to_owned(),
            paragraphs: vec![Paragraph {
                text: BODY.to_owned(),
                boilerplate: false,
            }]
            .into(),
            source: None,
            date: DateInfo::default(),
            url: None,
            origin: Origin::Stdin,
        }
    }

    /// The article laid out `width` columns wide, with the matches of `filter` found.
    fn reader(article: &Article, index: &Index, filter: &str, width: usize) -> Reader {
        let query = parse(
            filter,
            Mode::Exact,
            jiff::civil::date(2024, 12, 1),
            Outlets::embedded(),
        )
        .unwrap();
        let mut reader = Reader::new(0);
        let options = LayoutOptions {
            width,
            ..LayoutOptions::default()
        };
        reader.lay_out(article, BodyView::Clean, &options);
        reader.find_matches(article, Some(&query), Some(index));
        reader
    }

    #[test]
    fn a_phrase_wrapped_over_two_lines_is_one_match() {
        let article = article();
        let index = Index::build(std::slice::from_ref(&article));
        let mut wrapped = false;
        for width in 8..=80 {
            let reader = reader(&article, &index, "\"أرصفة الميناء\"", width);
            assert_eq!(reader.matches.len(), 3, "at width {width}");
            for m in &reader.matches {
                let marked: Vec<usize> = (0..reader.lines.len())
                    .filter(|&i| reader.marks[i].contains(&m.range))
                    .collect();
                assert_eq!(marked.first(), Some(&m.line), "at width {width}");
                wrapped |= marked.len() > 1;
            }
        }
        assert!(wrapped, "some width wraps a phrase over two lines");
    }

    #[test]
    fn a_word_inside_a_phrase_that_is_also_asked_for_is_still_one_match() {
        let article = article();
        let index = Index::build(std::slice::from_ref(&article));
        let reader = reader(&article, &index, "الميناء \"أرصفة الميناء\"", 0);
        assert_eq!(reader.matches.len(), 3);
    }

    #[test]
    fn jumps_count_round_both_ends_and_stop_being_current_when_scrolled_away() {
        let article = article();
        let index = Index::build(std::slice::from_ref(&article));
        let mut reader = reader(&article, &index, "\"أرصفة الميناء\"", 20);
        let max = reader.lines.len();
        let numbers: Vec<(usize, bool)> = (0..4)
            .map(|_| reader.jump(Direction::Forward, max).unwrap())
            .map(|j| (j.number, j.wrapped))
            .collect();
        assert_eq!(numbers, [(1, false), (2, false), (3, false), (1, true)]);
        let back = reader.jump(Direction::Backward, max).unwrap();
        assert_eq!((back.number, back.total, back.wrapped), (3, 3, true));
        assert_eq!(reader.scroll, reader.matches[2].line);
        reader.scroll = 0;
        assert_eq!(reader.current_match(), None);
        let from_top = reader.jump(Direction::Forward, max).unwrap();
        assert_eq!((from_top.number, from_top.wrapped), (1, false));
        let mut none = Reader::new(0);
        none.lay_out(&article, BodyView::Clean, &LayoutOptions::default());
        assert_eq!(none.jump(Direction::Forward, max), None);
    }
}
