//! Arabic shaping for terminals that cannot shape: each letter becomes the presentation
//! form (isolated, final, initial, medial) that its neighbours call for, and lam followed
//! by alef becomes one lam-alef ligature. Decided in logical order, before reordering.
//!
//! Why our own shaper rather than `ar-reshaper`: that crate forms the Allah ligature inside
//! names such as عبدالله, one of its configurations drops every lam-alef ligature, it leaves
//! letters missing from its table unjoined, and it gives no map back to the logical text.
//! Here the joining types come from the Unicode data (`unicode-joining-type`), the forms
//! from a table generated from `UnicodeData.txt` (see `forms_table.rs`), and the only
//! ligature is lam-alef, which a terminal cell can show.
//!
//! One deliberate choice: a letter that has no presentation forms at all (a rare letter
//! from Arabic Extended, say) is treated as non-joining, so its neighbours do not reach
//! towards a letter that will be drawn on its own.

use unicode_joining_type::{JoiningType, get_joining_type};

use super::forms_table::{FORMS, LAM_ALEF};

/// What one logical character becomes once shaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shaped {
    /// Drawn as this character (a presentation form, or the character itself).
    Char(char),
    /// An alef merged into the lam-alef ligature that the preceding lam became.
    Ligated,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Joining {
    None,
    Right,
    Left,
    Dual,
    Causing,
    Transparent,
}

impl Joining {
    fn of(c: char) -> Self {
        match get_joining_type(c) {
            JoiningType::Transparent => Joining::Transparent,
            JoiningType::JoinCausing => Joining::Causing,
            _ if forms_of(c).is_none() => Joining::None,
            JoiningType::RightJoining => Joining::Right,
            JoiningType::LeftJoining => Joining::Left,
            JoiningType::DualJoining => Joining::Dual,
            _ => Joining::None,
        }
    }

    /// Joins with the character that follows it in logical order.
    fn reaches_forward(self) -> bool {
        matches!(self, Joining::Left | Joining::Dual | Joining::Causing)
    }

    /// Joins with the character that precedes it in logical order.
    fn reaches_back(self) -> bool {
        matches!(self, Joining::Right | Joining::Dual | Joining::Causing)
    }
}

fn forms_of(c: char) -> Option<&'static [Option<char>; 4]> {
    FORMS
        .binary_search_by_key(&c, |(letter, _)| *letter)
        .ok()
        .map(|i| &FORMS[i].1)
}

const ISOLATED: usize = 0;
const FINAL: usize = 1;
const INITIAL: usize = 2;
const MEDIAL: usize = 3;

fn lam_alef(lam: char, alef: char, joined_before: bool) -> Option<char> {
    LAM_ALEF
        .iter()
        .find(|(l, a, isolated, _)| *l == lam && *a == alef && *isolated != joined_before)
        .map(|(.., ligature)| *ligature)
}

/// Shapes a paragraph given as its logical characters; the result has one entry per input
/// character.
pub fn shape(chars: &[char]) -> Vec<Shaped> {
    let joining: Vec<Joining> = chars.iter().map(|&c| Joining::of(c)).collect();

    // For each character, whether the next non-transparent character reaches back to it.
    let mut next_reaches_back = vec![false; chars.len()];
    let mut following = false;
    for i in (0..chars.len()).rev() {
        next_reaches_back[i] = following;
        if joining[i] != Joining::Transparent {
            following = joining[i].reaches_back();
        }
    }

    let mut shaped = Vec::with_capacity(chars.len());
    let mut prev_reaches_forward = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let kind = joining[i];
        if kind == Joining::Transparent {
            shaped.push(Shaped::Char(c));
            i += 1;
            continue;
        }
        let joined_before = prev_reaches_forward && kind.reaches_back();
        if let Some(ligature) = chars
            .get(i + 1)
            .and_then(|&next| lam_alef(c, next, joined_before))
        {
            shaped.push(Shaped::Char(ligature));
            shaped.push(Shaped::Ligated);
            // The ligature ends in an alef, which never joins forward.
            prev_reaches_forward = false;
            i += 2;
            continue;
        }
        if kind == Joining::None {
            // Non-joining characters keep their nominal form (as FriBidi does): hamza's
            // isolated presentation form would look the same and only obscure the text.
            shaped.push(Shaped::Char(c));
            prev_reaches_forward = false;
            i += 1;
            continue;
        }
        let joined_after = kind.reaches_forward() && next_reaches_back[i];
        let slot = match (joined_before, joined_after) {
            (true, true) => MEDIAL,
            (true, false) => FINAL,
            (false, true) => INITIAL,
            (false, false) => ISOLATED,
        };
        let form = forms_of(c).and_then(|forms| forms[slot]).unwrap_or(c);
        shaped.push(Shaped::Char(form));
        prev_reaches_forward = kind.reaches_forward();
        i += 1;
    }
    shaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_str(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        shape(&chars)
            .into_iter()
            .filter_map(|s| match s {
                Shaped::Char(c) => Some(c),
                Shaped::Ligated => None,
            })
            .collect()
    }

    #[test]
    fn letters_take_the_form_their_neighbours_call_for() {
        // بيت: initial beh, medial yeh, final teh.
        assert_eq!(shape_str("بيت"), "\u{FE91}\u{FEF4}\u{FE96}");
        // A lone letter is isolated; dal does not join forward, so the beh after it starts anew.
        assert_eq!(shape_str("ب"), "\u{FE8F}");
        assert_eq!(shape_str("دب"), "\u{FEA9}\u{FE8F}");
    }

    #[test]
    fn lam_alef_becomes_one_ligature_isolated_or_final() {
        assert_eq!(shape_str("لا"), "\u{FEFB}");
        assert_eq!(shape_str("سلام"), "\u{FEB3}\u{FEFC}\u{FEE1}");
        assert_eq!(shape_str("لأن"), "\u{FEF7}\u{FEE5}");
        assert_eq!(shape_str("إلى"), "\u{FE87}\u{FEDF}\u{FEF0}");
    }

    #[test]
    fn allah_inside_a_name_is_not_a_special_ligature() {
        // عبدالله: ain initial, beh medial, dal final, then alef, lam, lam, heh as letters.
        assert_eq!(
            shape_str("عبدالله"),
            "\u{FECB}\u{FE92}\u{FEAA}\u{FE8D}\u{FEDF}\u{FEE0}\u{FEEA}"
        );
    }

    #[test]
    fn harakat_are_transparent_and_kept_in_place() {
        // بَيْتٌ keeps every mark after its letter and joins across them.
        assert_eq!(
            shape_str("بَيْتٌ"),
            "\u{FE91}\u{064E}\u{FEF4}\u{0652}\u{FE96}\u{064C}"
        );
    }

    #[test]
    fn tatweel_and_zwj_cause_joining_and_zwnj_prevents_it() {
        assert_eq!(shape_str("بـ"), "\u{FE91}\u{0640}");
        assert_eq!(shape_str("ب\u{200D}"), "\u{FE91}\u{200D}");
        assert_eq!(shape_str("ب\u{200C}ب"), "\u{FE8F}\u{200C}\u{FE8F}");
    }

    #[test]
    fn persian_letters_use_forms_a() {
        // پ (peh) between two letters is medial.
        assert_eq!(shape_str("بپب"), "\u{FE91}\u{FB59}\u{FE90}");
    }

    #[test]
    fn letters_without_forms_are_left_alone_and_do_not_join() {
        // U+08A0 (beh with small v below) has no presentation form.
        assert_eq!(shape_str("ب\u{08A0}ب"), "\u{FE8F}\u{08A0}\u{FE8F}");
    }

    #[test]
    fn latin_and_digits_pass_through() {
        assert_eq!(shape_str("abc 123"), "abc 123");
    }
}
