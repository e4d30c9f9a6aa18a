//! Text analysis for the search index (DESIGN §4): splitting text into words, normalizing
//! each word, and light stemming. The same functions analyze articles and queries, so a
//! query word matches whatever spelling variant an article used.
//!
//! A word is a run of letters, digits (of any script) and combining marks, Arabic harakat
//! and tatweel included; everything else (spaces, punctuation, symbols, bidi controls,
//! ZWNJ as Lucene's `PersianCharFilter` has it) separates words, and ZWJ, soft hyphens and
//! variation selectors are skipped inside a word. Offsets are bytes into the original text, so a word's span covers its
//! harakat and tatweel and can be highlighted as it was written.
//!
//! Normalization, character by character, and where each rule comes from:
//! - Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are replaced by their
//!   compatibility decomposition from the Unicode data (what NFKC does, for these blocks
//!   only): lam-alef ligatures give lam and an alef, ﷲ gives الله, and a multi-word
//!   ligature such as ﷺ gives separate words. Text copied out of PDFs is full of them.
//!   Lucene leaves this to ICU folding; qari has no ICU, hence the table in `fold_table`.
//! - Harakat, shadda, sukun, tanwin and the other marks that "hide tashkeel" removes
//!   ([`crate::text::is_tashkeel`], a superset of Lucene's list), and tatweel, are
//!   dropped; أ إ آ → ا, ى → ي, ة → ه: Lucene's `ArabicNormalizer`, after the
//!   normalization of Larkey, Ballesteros and Connell's light stemming paper.
//! - ک → ك, ی and ے → ي, ۀ and ہ → ه, hamza above dropped: Lucene's `PersianNormalizer`.
//!   The precomposed ۂ and ۓ, which it sees only decomposed, follow the same rules.
//! - ٱ → ا, ؤ → و, ئ → ي: qari's own (DESIGN §4); news spells hamza seats loosely.
//! - Arabic-Indic and Persian digits → ASCII digits: Lucene's `DecimalDigitFilter`, which
//!   its Arabic analyzer runs (other scripts' digits are words, left as they are).
//! - Letters of other scripts are lower-cased.
//!
//! Stemming ([`stem`]) strips at most one prefix, longest first, then each suffix once in
//! a fixed order, as Lucene's `ArabicStemmer` (after Larkey's light10) does; a stem keeps
//! at least two letters, three after a one-letter prefix (Lucene's rule for و). DESIGN §4
//! adds the one-letter prefixes ف ب ك ل to Lucene's و ال وال بال كال فال لل. qari's own
//! suffix يا (not after an alef) unites سوريا with سورية and سوريه: all three stem to
//! سور, which Lucene already gives for سورية, سوري and سوريون. The normalized forms stay
//! apart, because a word-final يا ↔ يه rule would also join عليا with عليه, هدايا with
//! هداية and رسميا with رسمية, and the normalized form is what ranks as an exact match.

use std::str::CharIndices;
use std::sync::LazyLock;

mod fold_table;
#[cfg(test)]
mod tests;

use crate::text::is_tashkeel;
use fold_table::FOLD;

/// One word of a text, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word's first character in the text.
    pub start: usize,
    /// Byte offset just past the word's last character (a trailing haraka included).
    pub end: usize,
    /// The word normalized, as [`normalize`] gives it.
    pub normalized: String,
}

/// One word as [`Words::next_word`] lends it: the normalized form borrows the
/// tokenizer's buffer, so reading words allocates nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'t> {
    /// Byte offset of the word's first character in the text.
    pub start: usize,
    /// Byte offset just past the word's last character.
    pub end: usize,
    /// The word normalized, as [`normalize`] gives it.
    pub normalized: &'t str,
}

/// The words of `text` (byte offsets into `text`), normalized. Words are runs of
/// letters, digits and marks (Arabic letters with their harakat and tatweel, Latin
/// letters, digits of any script); punctuation, spaces, bidi controls and symbols separate
/// words. Presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are folded back to letters
/// first. A run with nothing left after normalization (a lone tatweel) is no word.
/// [`words`] gives the same words one at a time, without allocating.
pub fn tokens(text: &str) -> Vec<Token> {
    words(text).collect()
}

/// The words of `text`, as [`tokens`] finds them, one at a time: an iterator of
/// [`Token`]s, and [`Words::next_word`], which lends each word instead.
pub fn words(text: &str) -> Words<'_> {
    Words {
        chars: text.char_indices(),
        folding: "",
        folded_span: (0, 0),
        normalized: String::new(),
    }
}

/// The words of a text, in order, from [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    chars: CharIndices<'a>,
    /// What is left of a presentation form's decomposition, read before the next
    /// character of the text, and the span of that presentation form in the text.
    folding: &'static str,
    folded_span: (usize, usize),
    /// The current word's normalized form, reused from word to word.
    normalized: String,
}

impl Words<'_> {
    /// The next word without allocating: what building the index over a whole corpus
    /// needs (a `Token` costs an allocation). The normalized form is overwritten by the
    /// next call.
    pub fn next_word(&mut self) -> Option<Word<'_>> {
        self.normalized.clear();
        let arabic = &*ARABIC;
        // The word's span so far; no word yet while `start` is past the end.
        let (mut start, mut end) = (usize::MAX, 0);
        loop {
            let (c, at, after) = if let Some(c) = self.folding.chars().next() {
                self.folding = &self.folding[c.len_utf8()..];
                (c, self.folded_span.0, self.folded_span.1)
            } else if let Some((at, c)) = self.chars.next() {
                (c, at, at + c.len_utf8())
            } else {
                break;
            };
            // Letters first: most characters are, and the branch predicts well.
            let class = class(c, arabic);
            if let Class::Letter(letter) = class {
                self.normalized.push(letter);
                start = start.min(at);
                end = after;
                continue;
            }
            match class {
                Class::Letter(_) | Class::Silent => {
                    start = start.min(at);
                    end = after;
                }
                Class::Skipped => {}
                Class::Fold(index) => {
                    self.folding = FOLD[usize::from(index)].1;
                    self.folded_span = (at, after);
                }
                Class::Break if self.normalized.is_empty() => start = usize::MAX,
                Class::Break => break,
            }
        }
        (!self.normalized.is_empty()).then_some(Word {
            start,
            end,
            normalized: &self.normalized,
        })
    }
}

impl Iterator for Words<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        self.next_word().map(|word| Token {
            start: word.start,
            end: word.end,
            normalized: word.normalized.to_owned(),
        })
    }
}

/// One word normalized (what [`tokens`] gives as `normalized`). Characters that would
/// separate words are dropped, so a query word with stray punctuation still matches.
pub fn normalize(word: &str) -> String {
    let mut normalized = String::with_capacity(word.len());
    for c in word.chars() {
        push_normalized(c, &mut normalized);
    }
    normalized
}

fn push_normalized(c: char, normalized: &mut String) {
    match class(c, &ARABIC) {
        Class::Letter(letter) => normalized.push(letter),
        Class::Fold(index) => {
            for c in FOLD[usize::from(index)].1.chars() {
                push_normalized(c, normalized);
            }
        }
        Class::Silent | Class::Skipped | Class::Break => {}
    }
}

/// The light stem of a normalized word, as an owned string; see [`stem_str`].
pub fn stem(normalized: &str) -> String {
    stem_str(normalized).to_owned()
}

/// Prefixes, longest first: Lucene's `ArabicStemmer` list, plus ف ب ك ل (DESIGN §4).
const PREFIXES: [&str; 11] = [
    "وال", "بال", "كال", "فال", "ال", "لل", "و", "ف", "ب", "ك", "ل",
];

/// Suffixes in the order they are tried, each at most once: Lucene's `ArabicStemmer`
/// list, with qari's يا after ية. ية and ة cannot match a normalized word (ة is ه by then)
/// but are kept so that unnormalized input stems as in Lucene.
const SUFFIXES: [&str; 11] = [
    "ها", "ان", "ات", "ون", "ين", "يه", "ية", "يا", "ه", "ة", "ي",
];

/// The light stem of a normalized word, which is always a slice of it: at most one
/// prefix off (longest first), then each suffix off once, in order. The stem keeps at
/// least two letters, three after a one-letter prefix. Words of other scripts come back
/// unchanged.
pub fn stem_str(normalized: &str) -> &str {
    let mut stem = normalized;
    let mut letters = stem.chars().count();
    for prefix in PREFIXES {
        // Every affix is Arabic, two bytes a letter.
        let prefix_letters = prefix.len() / 2;
        let keep = if prefix_letters == 1 { 3 } else { 2 };
        if letters >= prefix_letters + keep && stem.starts_with(prefix) {
            stem = &stem[prefix.len()..];
            letters -= prefix_letters;
            break;
        }
    }
    for suffix in SUFFIXES {
        let suffix_letters = suffix.len() / 2;
        if letters < suffix_letters + 2 {
            continue;
        }
        if let Some(rest) = stem.strip_suffix(suffix) {
            // سوريا but not قضايا: after an alef, يا ends a broken plural whose singular
            // is a different word (رعايا nationals, رعاية care).
            if suffix == "يا" && rest.ends_with('ا') {
                continue;
            }
            stem = rest;
            letters -= suffix_letters;
        }
    }
    stem
}

/// What one character of the text is to a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Part of a word, normalized to this letter or digit.
    Letter(char),
    /// Part of a word's span, not of its normalized form: harakat and tatweel.
    Silent,
    /// Neither part of a word nor a break: ZWJ, soft hyphen, variation selectors.
    Skipped,
    /// A presentation form, read as the decomposition at this index of `FOLD`.
    Fold(u16),
    /// Between words: spaces, punctuation, symbols, bidi controls, ZWNJ.
    Break,
}

// Tokenizing is a table look-up for ASCII and the Arabic block, which is nearly all of
// the text: 100 MB of news go through here when the index is built.
fn class(c: char, arabic: &[Class; 256]) -> Class {
    match u32::from(c) {
        code @ 0..0x80 => ASCII[code as usize],
        code @ 0x600..0x700 => arabic[(code - 0x600) as usize],
        _ => rare_class(c),
    }
}

const ASCII: [Class; 128] = {
    let mut table = [Class::Break; 128];
    let mut byte: u8 = 0;
    while byte < 128 {
        if byte.is_ascii_alphanumeric() {
            table[byte as usize] = Class::Letter(byte.to_ascii_lowercase() as char);
        }
        byte += 1;
    }
    table
};

/// [`arabic_class`] for every character of U+0600–U+06FF.
static ARABIC: LazyLock<[Class; 256]> = LazyLock::new(|| {
    let mut table = [Class::Break; 256];
    for (slot, c) in table.iter_mut().zip('\u{0600}'..='\u{06FF}') {
        *slot = arabic_class(c);
    }
    table
});

/// The Arabic block, where the normalization rules live (see the module documentation).
fn arabic_class(c: char) -> Class {
    let letter = match c {
        'آ' | 'أ' | 'إ' | 'ٱ' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ے' | 'ۓ' => 'ي',
        'ة' | 'ۀ' | 'ہ' | 'ۂ' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        '٠'..='٩' => ascii_digit(c, '٠'),
        '۰'..='۹' => ascii_digit(c, '۰'),
        'ـ' => return Class::Silent,
        _ if is_tashkeel(c) => return Class::Silent,
        _ if c.is_alphanumeric() => c,
        _ => return Class::Break,
    };
    Class::Letter(letter)
}

fn ascii_digit(c: char, zero: char) -> char {
    char::from_digit(u32::from(c) - u32::from(zero), 10).unwrap_or(c)
}

/// Every other script: presentation forms folded, letters and digits lower-cased, marks
/// kept.
#[inline(never)]
fn rare_class(c: char) -> Class {
    match c {
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => {
            if let Ok(index) = FOLD.binary_search_by_key(&c, |&(form, _)| form) {
                // The table has fewer than a thousand entries.
                return Class::Fold(index as u16);
            }
        }
        '\u{00AD}' | '\u{200D}' | '\u{2060}' | '\u{FE00}'..='\u{FE0F}' => return Class::Skipped,
        // Spaces and punctuation common in news, before the Unicode tables.
        '\u{00A0}' | '\u{00AB}' | '\u{00BB}' | '\u{2000}'..='\u{206F}' => return Class::Break,
        _ => {}
    }
    if is_tashkeel(c) {
        Class::Silent
    } else if c.is_alphanumeric() {
        Class::Letter(c.to_lowercase().next().unwrap_or(c))
    } else if matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    ) {
        // Combining marks that are not Alphabetic (std has no general category).
        Class::Letter(c)
    } else {
        Class::Break
    }
}
