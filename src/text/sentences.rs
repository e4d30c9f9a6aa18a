//! Cutting a paragraph into sentences, for selecting passages sentence by sentence.
//!
//! A sentence ends at `.` `؟` `?` `!` `؛` `…` (a run of them counts as one end), together
//! with the closing quotes and brackets that follow, or at the end of the paragraph. A
//! full stop between two digits (3.5) or inside a run of letters with no space after it
//! (an abbreviation or a domain, such as `sana.sy`) ends nothing.

use std::ops::Range;

/// The sentences of `paragraph`, as byte ranges in order, leading spaces left out and
/// trailing ones too; together they hold every non-space character.
pub fn sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(at);
        }
        if !is_terminator(c) {
            continue;
        }
        let after = chars.peek().map(|&(_, next)| next);
        if c == '.' && after.is_some_and(|next| !next.is_whitespace() && !is_terminator(next)) {
            // 3.5, sana.sy: no end unless something closes the sentence.
            if !after.is_some_and(is_closing) {
                continue;
            }
        }
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if is_terminator(next) || is_closing(next) {
                end = next_at + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if let Some(begin) = start.take() {
            found.push(begin..end);
        }
    }
    if let Some(begin) = start {
        let end = begin + paragraph[begin..].trim_end().len();
        if end > begin {
            found.push(begin..end);
        }
    }
    found
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '؟' | '?' | '!' | '؛' | '…' | '۔')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '﴿' | '」'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn arabic_sentences_end_at_their_own_marks() {
        assert_eq!(
            cut("قال الوزير إن الاتفاق قريب. هل يوافق البرلمان؟ لا أحد يعرف! وبعد؛ انتهى"),
            [
                "قال الوزير إن الاتفاق قريب.",
                "هل يوافق البرلمان؟",
                "لا أحد يعرف!",
                "وبعد؛",
                "انتهى"
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            cut("وقال: «نحن مستعدون.» ثم غادر. \"Done.\" (بالفعل.)"),
            ["وقال: «نحن مستعدون.»", "ثم غادر.", "\"Done.\"", "(بالفعل.)"]
        );
    }

    #[test]
    fn decimals_domains_and_runs_of_marks_are_not_cut() {
        assert_eq!(
            cut("ارتفع النمو 3.5 في المئة وفق sana.sy أمس... ماذا؟! لا شيء"),
            [
                "ارتفع النمو 3.5 في المئة وفق sana.sy أمس...",
                "ماذا؟!",
                "لا شيء"
            ]
        );
    }

    #[test]
    fn spaces_around_are_left_out_and_nothing_else_is() {
        let text = "  أول.   ثان  ";
        let found = sentences(text);
        assert_eq!(cut(text), ["أول.", "ثان"]);
        let covered: String = found.iter().map(|r| &text[r.clone()]).collect();
        let letters: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(covered.replace(' ', ""), letters);
        assert!(sentences("   ").is_empty());
    }
}
