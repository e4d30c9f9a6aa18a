//! From the text of a raw article (no metadata block) to its title and paragraphs.
//!
//! A scraped page starts with its title line, sometimes after a one-word section label
//! ("سورية"), or straight with its lead paragraph. A short line that does not end like a
//! sentence is a title; otherwise the title is the lead's first sentence, shortened at a
//! word boundary. The title line is not repeated in the body.

use crate::article::Paragraph;

/// Longest line, in characters, still taken as a title line.
const TITLE_LINE_MAX: usize = 150;
/// Longest title, in characters, cut from a lead paragraph.
const LEAD_TITLE_MAX: usize = 90;

/// The title of a raw article whose paragraphs are given, and which paragraph it was
/// taken from when it is a whole title line (that paragraph then leaves the body).
/// Boilerplate paragraphs are never titles. `None` when there is no visible text.
pub fn title_of(paragraphs: &[Paragraph]) -> Option<(String, Option<usize>)> {
    let content: Vec<usize> = (0..paragraphs.len())
        .filter(|&i| !paragraphs[i].boilerplate)
        .collect();
    let candidate = content
        .iter()
        .copied()
        .find(|&i| paragraphs[i].text.split_whitespace().nth(1).is_some())
        .or_else(|| content.first().copied())?;
    let line = crate::text::visible(&paragraphs[candidate].text);
    if is_title_line(&line) {
        Some((line, Some(candidate)))
    } else {
        Some((shorten(first_sentence(&line), LEAD_TITLE_MAX), None))
    }
}

/// The non-empty lines of a text, trimmed, as paragraphs (none of them boilerplate yet).
pub fn paragraphs_of(text: &str) -> Vec<Paragraph> {
    text.lines()
        .map(str::trim)
        .filter(|line| {
            line.chars()
                .any(|c| !c.is_whitespace() && !crate::text::is_never_emitted(c))
        })
        .map(|line| Paragraph {
            text: line.to_owned(),
            boilerplate: false,
        })
        .collect()
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

    fn title(text: &str) -> Option<(String, Option<usize>)> {
        title_of(&paragraphs_of(text))
    }

    #[test]
    fn a_title_line_is_taken_with_its_index() {
        let got = title("روسيا تعرض على إسرائيل\n\nالفقرة الأولى.\nالثانية.").unwrap();
        assert_eq!(got, ("روسيا تعرض على إسرائيل".to_owned(), Some(0)));
        assert_eq!(paragraphs_of("أ\n\n  ب  \n").len(), 2);
    }

    #[test]
    fn a_one_word_section_label_is_not_the_title() {
        let got = title("سورية\n\nموسكو وطهران تبحثان\nنص.").unwrap();
        assert_eq!(got, ("موسكو وطهران تبحثان".to_owned(), Some(1)));
    }

    #[test]
    fn boilerplate_is_never_the_title() {
        let mut paragraphs = paragraphs_of("زر الذهاب إلى الأعلى\nعنوان الخبر هنا");
        paragraphs[0].boilerplate = true;
        assert_eq!(title_of(&paragraphs).unwrap().1, Some(1));
    }

    #[test]
    fn a_lead_paragraph_gives_its_first_sentence_shortened_at_a_word() {
        let lead = "كشف وزير الخارجية الروسي سيرغي لافروف، اليوم الاثنين، أنّ بلاده اقترحت على إسرائيل إبلاغها بالتهديدات الأمنية المفترضة. وجملة ثانية.";
        let (got, index) = title(lead).unwrap();
        assert!(got.ends_with('…'), "{got}");
        assert!(got.chars().count() <= LEAD_TITLE_MAX + 1);
        assert!(lead.starts_with(got.trim_end_matches('…')));
        assert_eq!(index, None);
    }

    #[test]
    fn a_short_lead_sentence_is_the_whole_title() {
        let text = format!("{}نهاية. {}", "كلمة ".repeat(10), "بقية ".repeat(40));
        let (got, _) = title(&text).unwrap();
        assert_eq!(got, format!("{}نهاية.", "كلمة ".repeat(10)));
    }

    #[test]
    fn text_with_nothing_visible_has_no_title() {
        assert_eq!(title(" \n\n \u{200F}\n"), None);
    }
}
