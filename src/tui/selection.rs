//! A passage being selected in the reader: whole sentences (`v`) or whole paragraphs
//! (`V`), from the one where it started to the one it has been extended to.

use std::ops::Range;

use crate::article::{Article, BodyView};
use crate::text::sentences;

/// What a selection grows by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionUnit {
    /// A sentence: up to `.` `؟` `!` `؛` or the end of the paragraph.
    Sentence,
    /// A paragraph.
    Paragraph,
}

/// A piece of one paragraph: its index in the article's paragraphs and a byte range of
/// its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Index in [`Article::paragraphs`].
    pub paragraph: usize,
    /// Bytes of that paragraph's text.
    pub range: Range<usize>,
}

/// A selection: every unit from `anchor` to `head`, whichever comes first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// What it grows by.
    pub unit: SelectionUnit,
    /// Every unit of the shown body, in order.
    units: Vec<Passage>,
    /// Where it started.
    anchor: usize,
    /// Where it has been extended to.
    head: usize,
}

impl Selection {
    /// A selection of the first unit of the shown body that ends after byte `at` of
    /// paragraph `paragraph` (the top of the reader), or the last unit above it; none
    /// for an article without text.
    pub fn start(
        article: &Article,
        view: BodyView,
        unit: SelectionUnit,
        paragraph: usize,
        at: usize,
    ) -> Option<Self> {
        let units: Vec<Passage> = article
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| view == BodyView::Raw || !p.boilerplate)
            .flat_map(|(index, p)| {
                let ranges = match unit {
                    SelectionUnit::Sentence => sentences(p.text),
                    SelectionUnit::Paragraph => sentences(p.text)
                        .first()
                        .zip(sentences(p.text).last())
                        .map(|(first, last)| first.start..last.end)
                        .into_iter()
                        .collect(),
                };
                ranges.into_iter().map(move |range| Passage {
                    paragraph: index,
                    range,
                })
            })
            .collect();
        let first = units
            .iter()
            .position(|u| (u.paragraph, u.range.end) > (paragraph, at))
            .or_else(|| units.len().checked_sub(1))?;
        Some(Self {
            unit,
            units,
            anchor: first,
            head: first,
        })
    }

    /// The same passage start, now growing by `unit`: from the anchor's unit of that
    /// kind to the head's.
    pub fn regrown(&self, article: &Article, view: BodyView, unit: SelectionUnit) -> Self {
        let (from, to) = (&self.units[self.anchor], &self.units[self.head]);
        let mut regrown = Self::start(article, view, unit, from.paragraph, from.range.start)
            .unwrap_or_else(|| self.clone());
        let head = regrown
            .units
            .iter()
            .position(|u| (u.paragraph, u.range.end) >= (to.paragraph, to.range.end))
            .unwrap_or(regrown.units.len() - 1);
        regrown.head = head;
        regrown
    }

    /// Moves the head one unit forward or back; says whether it moved.
    pub fn extend(&mut self, forward: bool) -> bool {
        let head = if forward {
            (self.head + 1).min(self.units.len() - 1)
        } else {
            self.head.saturating_sub(1)
        };
        let moved = head != self.head;
        self.head = head;
        moved
    }

    /// The unit the selection was last extended to, which the reader keeps in view.
    pub fn head(&self) -> &Passage {
        &self.units[self.head]
    }

    /// The selected text, one passage per paragraph, in order.
    pub fn passages(&self) -> Vec<Passage> {
        let (from, to) = (self.anchor.min(self.head), self.anchor.max(self.head));
        let mut passages: Vec<Passage> = Vec::new();
        for unit in &self.units[from..=to] {
            match passages.last_mut() {
                Some(last) if last.paragraph == unit.paragraph => {
                    last.range.end = unit.range.end;
                }
                _ => passages.push(unit.clone()),
            }
        }
        passages
    }

    /// The selected text in logical order, paragraphs separated by a blank line.
    pub fn text(&self, article: &Article) -> String {
        self.passages()
            .iter()
            .map(|p| &article.paragraphs.at(p.paragraph).text[p.range.clone()])
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, DateInfo, Origin, Paragraph};

    fn article(paragraphs: &[(&str, bool)]) -> Article {
        Article {
            id: ArticleId::new("a"),
            title: "عنوان".to_owned(),
            paragraphs: paragraphs
                .iter()
                .map(|&(text, boilerplate)| Paragraph {
                    text: text.to_owned(),
                    boilerplate,
                })
                .collect(),
            source: None,
            date: DateInfo::default(),
            url: None,
            origin: Origin::Stdin,
        }
    }

    #[test]
    fn sentences_are_added_one_by_one_across_paragraphs_and_boilerplate_is_skipped() {
        let article = article(&[
            ("أول. ثان؟", false),
            ("شارك المقال", true),
            ("ثالث! رابع", false),
        ]);
        let mut selection =
            Selection::start(&article, BodyView::Clean, SelectionUnit::Sentence, 0, 0).unwrap();
        assert_eq!(selection.text(&article), "أول.");
        selection.extend(true);
        assert_eq!(selection.text(&article), "أول. ثان؟");
        selection.extend(true);
        assert_eq!(selection.text(&article), "أول. ثان؟\n\nثالث!");
        selection.extend(true);
        assert!(
            !selection.extend(true),
            "the last sentence is as far as it goes"
        );
        assert_eq!(selection.text(&article), "أول. ثان؟\n\nثالث! رابع");
        // Back past the anchor: the selection now runs from the head to the anchor.
        for _ in 0..4 {
            selection.extend(false);
        }
        assert_eq!(selection.text(&article), "أول.");
    }

    #[test]
    fn a_selection_starts_at_the_sentence_at_the_top_and_grows_into_paragraphs() {
        let article = article(&[("أول. ثان؟ ثالث.", false), ("رابع.", false)]);
        let top = "أول. ثان".len();
        let selection =
            Selection::start(&article, BodyView::Clean, SelectionUnit::Sentence, 0, top).unwrap();
        assert_eq!(selection.text(&article), "ثان؟");
        let mut paragraphs = selection.regrown(&article, BodyView::Clean, SelectionUnit::Paragraph);
        assert_eq!(paragraphs.text(&article), "أول. ثان؟ ثالث.");
        paragraphs.extend(true);
        assert_eq!(paragraphs.text(&article), "أول. ثان؟ ثالث.\n\nرابع.");
    }

    #[test]
    fn an_article_without_text_has_nothing_to_select() {
        let empty = article(&[("   ", false)]);
        assert!(Selection::start(&empty, BodyView::Clean, SelectionUnit::Sentence, 0, 0).is_none());
    }
}
