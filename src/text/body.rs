//! Layout of a whole article body: its paragraphs one after another, a blank line between.

use super::layout::{LayoutOptions, VisualLine, layout_paragraph};

/// One screen line of a body: a line of a paragraph, or the blank between two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLine {
    /// The paragraph this line belongs to; `None` for a blank separator.
    pub paragraph: Option<usize>,
    /// The line itself (empty for a separator).
    pub line: VisualLine,
}

/// Lays out paragraphs separated by one blank line each.
pub fn layout_body<S: AsRef<str>>(paragraphs: &[S], options: &LayoutOptions) -> Vec<BodyLine> {
    let mut lines = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        if index > 0 {
            lines.push(BodyLine {
                paragraph: None,
                line: VisualLine::default(),
            });
        }
        lines.extend(
            layout_paragraph(paragraph.as_ref(), options)
                .into_iter()
                .map(|line| BodyLine {
                    paragraph: Some(index),
                    line,
                }),
        );
    }
    lines
}
