//! Facts about Arabic-script characters that more than one stage needs.

/// Whether a character is an Arabic combining mark (harakat, shadda, sukun, tanwin,
/// Quranic annotation marks, superscript alef): what "hide tashkeel" removes.
pub fn is_tashkeel(c: char) -> bool {
    matches!(
        c,
        '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06DC}'
            | '\u{06DF}'..='\u{06E4}'
            | '\u{06E7}'..='\u{06E8}'
            | '\u{06EA}'..='\u{06ED}'
            | '\u{08CA}'..='\u{08E1}'
            | '\u{08E3}'..='\u{08FF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harakat_are_tashkeel_and_letters_are_not() {
        for mark in ['\u{064E}', '\u{0651}', '\u{0652}', '\u{064B}', '\u{0670}'] {
            assert!(is_tashkeel(mark), "{mark:?}");
        }
        for letter in ['ا', 'ب', 'ـ', 'a', '1'] {
            assert!(!is_tashkeel(letter), "{letter:?}");
        }
    }
}
