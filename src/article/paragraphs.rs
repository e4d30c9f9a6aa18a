//! An article's body held compactly: all paragraphs in one string, and where each ends
//! with whether it is boilerplate. A body of 15 paragraphs is two allocations rather
//! than sixteen, which at 100k articles is tens of megabytes of allocator overhead and
//! string headers not spent.

use super::Paragraph;

/// One paragraph of a body, borrowed from its article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParagraphRef<'a> {
    /// The text, logical order, one line.
    pub text: &'a str,
    /// Site furniture, hidden from the reader unless raw text is asked for, never indexed.
    pub boilerplate: bool,
}

impl AsRef<str> for ParagraphRef<'_> {
    fn as_ref(&self) -> &str {
        self.text
    }
}

/// Where one paragraph ends in the body's text, and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    end: u32,
    boilerplate: bool,
}

/// The paragraphs of a body, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraphs {
    text: Box<str>,
    spans: Box<[Span]>,
}

impl Paragraphs {
    /// How many there are.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Paragraph `n`, if there is one.
    pub fn get(&self, n: usize) -> Option<ParagraphRef<'_>> {
        let span = self.spans.get(n)?;
        let start = match n {
            0 => 0,
            _ => self.spans[n - 1].end as usize,
        };
        Some(ParagraphRef {
            text: &self.text[start..span.end as usize],
            boilerplate: span.boilerplate,
        })
    }

    /// Paragraph `n`; panics past the last, as indexing a slice does.
    pub fn at(&self, n: usize) -> ParagraphRef<'_> {
        self.get(n)
            .unwrap_or_else(|| panic!("paragraph {n} of {}", self.len()))
    }

    /// Every paragraph, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = ParagraphRef<'_>> + ExactSizeIterator {
        (0..self.len()).map(|n| self.at(n))
    }

    /// The body's text bytes.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }
}

impl From<Vec<Paragraph>> for Paragraphs {
    fn from(paragraphs: Vec<Paragraph>) -> Self {
        let mut text = String::with_capacity(paragraphs.iter().map(|p| p.text.len()).sum());
        let mut spans = Vec::with_capacity(paragraphs.len());
        for paragraph in paragraphs {
            text.push_str(&paragraph.text);
            // An article's text is limited to 16 MiB when it is loaded; a longer body
            // built by hand saturates rather than wraps.
            let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            spans.push(Span {
                end,
                boilerplate: paragraph.boilerplate,
            });
        }
        Self {
            text: text.into_boxed_str(),
            spans: spans.into_boxed_slice(),
        }
    }
}

impl FromIterator<Paragraph> for Paragraphs {
    fn from_iter<I: IntoIterator<Item = Paragraph>>(paragraphs: I) -> Self {
        Self::from(paragraphs.into_iter().collect::<Vec<_>>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_come_back_as_given() {
        let given = vec![
            Paragraph {
                text: "أول".to_owned(),
                boilerplate: false,
            },
            Paragraph {
                text: String::new(),
                boilerplate: true,
            },
            Paragraph {
                text: "third".to_owned(),
                boilerplate: false,
            },
        ];
        let compact = Paragraphs::from(given.clone());
        assert_eq!(compact.len(), 3);
        let back: Vec<(&str, bool)> = compact.iter().map(|p| (p.text, p.boilerplate)).collect();
        assert_eq!(back, [("أول", false), ("", true), ("third", false)]);
        assert_eq!(compact.get(3), None);
        assert_eq!(compact.text_len(), "أول".len() + 5);
    }
}
