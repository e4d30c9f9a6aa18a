//! From the text of a raw article (no metadata block) to its title and paragraphs.
//!
//! A scraped page starts with its title line, sometimes after a one-word section label
//! ("سورية"), or straight with its lead paragraph. A short line that does not end like a
//! sentence is a title; otherwise the title is the lead's first sentence, shortened at a
//! word boundary. The title line is not repeated in the body.

/// Longest line, in characters, still taken as a title line.
const TITLE_LINE_MAX: usize = 150;
/// Longest title, in characters, cut from a lead paragraph.
const LEAD_TITLE_MAX: usize = 90;

/// Title and body of a raw article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extracted {
    /// One line, never empty.
    pub title: String,
    /// Non-empty lines, trimmed, in order.
    pub paragraphs: Vec<String>,
}

/// Splits sanitized text into title and paragraphs; `None` when it has no visible text.
pub fn extract(text: &str) -> Option<Extracted> {
    let mut paragraphs: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|line| !crate::text::visible(line).trim().is_empty())
        .map(str::to_owned)
        .collect();
    let candidate = paragraphs
        .iter()
        .position(|line| line.split_whitespace().nth(1).is_some())
        .unwrap_or(0);
    let line = crate::text::visible(paragraphs.get(candidate)?);
    if is_title_line(&line) {
        paragraphs.remove(candidate);
        return Some(Extracted {
            title: line,
            paragraphs,
        });
    }
    Some(Extracted {
        title: shorten(first_sentence(&line), LEAD_TITLE_MAX),
        paragraphs,
    })
}

fn is_title_line(line: &str) -> bool {
    let ends_a_sentence = line.ends_with('.') && !line.ends_with("..");
    !ends_a_sentence && line.chars().count() <= TITLE_LINE_MAX
}

/// Up to and including the first sentence end that is followed by a space.
fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?' | '؟' | '؛');
        if ends && chars.peek().is_none_or(|(_, next)| next.is_whitespace()) {
            return &text[..i + c.len_utf8()];
        }
    }
    text
}

/// At most `max` characters, cut at the last space before the limit, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([' ', '،', ',', ':', '؛']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_line_is_taken_and_left_out_of_the_body() {
        let got = extract("روسيا تعرض على إسرائيل\n\nالفقرة الأولى.\nالثانية.").unwrap();
        assert_eq!(got.title, "روسيا تعرض على إسرائيل");
        assert_eq!(got.paragraphs, ["الفقرة الأولى.", "الثانية."]);
    }

    #[test]
    fn a_one_word_section_label_is_not_the_title() {
        let got = extract("سورية\n\nموسكو وطهران تبحثان\nنص.").unwrap();
        assert_eq!(got.title, "موسكو وطهران تبحثان");
        assert_eq!(got.paragraphs, ["سورية", "نص."]);
    }

    #[test]
    fn a_lead_paragraph_gives_its_first_sentence_shortened_at_a_word() {
        let lead = "كشف وزير الخارجية الروسي سيرغي لافروف، اليوم الاثنين، أنّ بلاده اقترحت على إسرائيل إبلاغها بالتهديدات الأمنية المفترضة. وجملة ثانية.";
        let got = extract(lead).unwrap();
        assert!(got.title.ends_with('…'), "{}", got.title);
        assert!(got.title.chars().count() <= LEAD_TITLE_MAX + 1);
        assert!(lead.starts_with(got.title.trim_end_matches('…')));
        assert_eq!(got.paragraphs, [lead]);
    }

    #[test]
    fn a_short_lead_sentence_is_the_whole_title() {
        let text = format!("{}نهاية. {}", "كلمة ".repeat(10), "بقية ".repeat(40));
        let got = extract(&text).unwrap();
        assert_eq!(got.title, format!("{}نهاية.", "كلمة ".repeat(10)));
    }

    #[test]
    fn text_with_nothing_visible_has_no_article() {
        assert_eq!(extract(" \n\n \u{200F}\n"), None);
    }
}
