//! Text analysis for the search index (DESIGN §4): splitting text into words and
//! normalizing each word. The same functions analyze articles and queries, so a query
//! word matches whatever spelling variant an article used; which normalized words are
//! forms of one word is the lexicon's to decide (`super::lexicon`).
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
//!   dropped; أ إ آ → ا, ى → ي: Lucene's `ArabicNormalizer`, after the normalization of
//!   Larkey, Ballesteros and Connell's light stemming paper. Unlike Lucene, the teh
//!   marbuta is kept: it makes a different word (كلية college, كل all; جامعة university,
//!   جامع mosque), and a careless ه for it is the lexicon's to recognize from evidence.
//!   What normalizing drops of a hamza alef and a final tanwin is reported as
//!   [`Spelling`], so that the index can count it.
//! - ک → ك, ی and ے → ي, ۀ and ہ → ه, hamza above dropped: Lucene's `PersianNormalizer`.
//!   The precomposed ۂ and ۓ, which it sees only decomposed, follow the same rules.
//! - ٱ → ا, and ؤ, ئ → ء: qari's own; news spells hamza seats loosely (مسئول, مسؤول).
//! - Arabic-Indic and Persian digits → ASCII digits: Lucene's `DecimalDigitFilter`, which
//!   its Arabic analyzer runs (other scripts' digits are words, left as they are).
//! - Letters of other scripts are lower-cased.
//!

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
    /// What the spelling showed that normalizing took away.
    pub spelling: Spelling,
}

/// Marks of a word as written that normalizing drops but that tell words apart: the
/// index counts them per term, as evidence for deciding what a word is (see
/// [`super::lexicon`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spelling {
    /// The word starts with a hamza on or under its alef (أ إ آ): that alef is a letter of
    /// the word, never the article ال (ألمانيا, إلغاء).
    pub hamza_initial: bool,
    /// The word ends with tanwin fatha (رسمياً, رسميًا): an adverb or an indefinite
    /// accusative, never a name.
    pub tanween_final: bool,
    /// The word ends with alef maqsura ى, which normalizing makes ي: a long vowel of the
    /// word (إحدى, ذكرى, أرى), never the pronoun ي ("my").
    pub maqsura_final: bool,
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
        let mut hamza_initial = false;
        let mut maqsura_final = false;
        // The normalized length when a tanwin fatha was last seen.
        let mut tanween_at = None;
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
                if self.normalized.is_empty() {
                    hamza_initial = matches!(c, 'أ' | 'إ' | 'آ');
                }
                maqsura_final = c == 'ى';
                self.normalized.push(letter);
                start = start.min(at);
                end = after;
                continue;
            }
            match class {
                Class::Letter(_) | Class::Silent => {
                    if c == FATHATAN {
                        tanween_at = Some(self.normalized.len());
                    }
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
        // Before the last letter (رسميًا) or after it (رسمياً); an Arabic letter is two bytes.
        let tanween_final = tanween_at.is_some_and(|at| at + 2 >= self.normalized.len() && at > 0);
        (!self.normalized.is_empty()).then_some(Word {
            start,
            end,
            normalized: &self.normalized,
            spelling: Spelling {
                hamza_initial,
                tanween_final,
                maqsura_final,
            },
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

/// Tanwin fatha, the mark of an indefinite accusative.
const FATHATAN: char = '\u{064B}';

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
        'ى' | 'ی' | 'ے' | 'ۓ' => 'ي',
        'ۀ' | 'ہ' | 'ۂ' => 'ه',
        'ؤ' | 'ئ' => 'ء',
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
