//! Folding text so that spellings of the same name compare equal: the hamza forms of alef,
//! ta marbuta and alef maqsura, tashkeel, tatweel, invisible marks, digits and letter case.
//! Shared by outlet detection and the boilerplate rules, so that a phrase in a data file
//! and the line it should match are folded the same way.

/// What [`fold_into`] does with characters that are neither letters nor digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marks {
    /// Keep punctuation and symbols (boilerplate lines such as `×` or `• 2024/11/13`).
    Keep,
    /// Treat them as spaces, leaving words only (names, signature phrases).
    AsSpace,
}

/// The folded form of one character, `None` when it is dropped.
fn fold_char(c: char) -> Option<char> {
    if crate::text::is_tashkeel(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        // Tatweel, zero-width and bidi controls, BOM: none of them is part of a word.
        '\u{0640}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => return None,
        '\u{00A0}' => ' ',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    })
}

/// Writes the folded `text` into `out` (cleared first): lowercase, whitespace runs collapsed
/// to one space, no space at either end.
pub(crate) fn fold_into(text: &str, marks: Marks, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in text.chars().filter_map(fold_char) {
        // Arabic letters have no case and are all alphanumeric: skip the Unicode tables
        // for them, which this runs over every short line of every article.
        let arabic_letter = matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}');
        let separator = !arabic_letter
            && (c.is_whitespace() || (marks == Marks::AsSpace && !c.is_alphanumeric()));
        if separator {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if arabic_letter || c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// [`fold_into`] into a new string.
pub(crate) fn fold(text: &str, marks: Marks) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, marks, &mut out);
    out
}

/// Whether `needle` occurs in `haystack` (both folded with [`Marks::AsSpace`]) as whole
/// words; gives the byte offset of each such occurrence.
pub(crate) fn word_matches<'a>(
    haystack: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    haystack.match_indices(needle).filter_map(move |(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        (before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hamza_alef_ta_marbuta_and_alef_maqsura_fold() {
        assert_eq!(fold("إلى الأعلى", Marks::Keep), "الي الاعلي");
        assert_eq!(fold("صحيفة", Marks::Keep), "صحيفه");
        assert_eq!(fold("آر تي", Marks::Keep), "ار تي");
    }

    #[test]
    fn tashkeel_tatweel_and_invisible_marks_go() {
        assert_eq!(fold("شهريًا", Marks::Keep), "شهريا");
        assert_eq!(fold("الموجّه", Marks::Keep), "الموجه");
        assert_eq!(fold("عـنـب\u{200F} بلدي", Marks::Keep), "عنب بلدي");
    }

    #[test]
    fn latin_is_lowercased_digits_are_ascii_and_spaces_collapse() {
        assert_eq!(fold("  Enab   Baladi ", Marks::Keep), "enab baladi");
        assert_eq!(fold("٢٠٢٤/١١", Marks::Keep), "2024/11");
    }

    #[test]
    fn marks_as_space_leaves_words_only() {
        assert_eq!(
            fold("المصدر : «الوطن» + وكالات", Marks::AsSpace),
            "المصدر الوطن وكالات"
        );
        assert_eq!(fold("alwatan-sy", Marks::AsSpace), "alwatan sy");
        assert_eq!(fold("×", Marks::AsSpace), "");
    }

    #[test]
    fn word_matches_need_word_boundaries() {
        let hay = "ادعم عنب بلدي";
        assert_eq!(word_matches(hay, "عنب بلدي").collect::<Vec<_>>(), [9]);
        assert_eq!(word_matches("عنبر بلدي", "عنب").count(), 0);
    }
}
