//! The presentation-form table compiled into qari (`src/text/forms_table.rs`) is exactly
//! what the Unicode Character Database gives: it is re-derived here from UnicodeData.txt
//! by the rules of scripts/gen-presentation-forms.py, so a hand edit of the table, a
//! generator change, or a table generated from other Unicode data fails this test.

use std::collections::BTreeMap;

use qari::text::tables::{FORMS, LAM_ALEF};

use crate::support::unicode_data_file;

/// What the generator writes: the forms by letter, and the lam-alef ligatures.
struct Derived {
    forms: Vec<(char, [Option<char>; 4])>,
    lam_alef: Vec<(char, char, bool, char)>,
}

/// The generator's rules: a compatibility decomposition `<isolated|final|initial|medial>`
/// of one letter gives that form of the letter (the first such character wins); of two
/// letters, a ligature, kept only for lam-alef (U+FEF5..U+FEFC).
fn derive(unicode_data: &str) -> Derived {
    let mut forms: BTreeMap<char, [Option<char>; 4]> = BTreeMap::new();
    let mut ligatures: Vec<(char, char, usize, char)> = Vec::new();
    for line in unicode_data.lines() {
        let fields: Vec<&str> = line.split(';').collect();
        let (code, decomposition) = (fields[0], fields[5]);
        let Some(tagged) = decomposition.strip_prefix('<') else {
            continue;
        };
        let mut parts = tagged.split_whitespace();
        let slot = match parts.next().map(|tag| tag.trim_end_matches('>')) {
            Some("isolated") => 0,
            Some("final") => 1,
            Some("initial") => 2,
            Some("medial") => 3,
            _ => continue,
        };
        let code = hex_char(code);
        let letters: Vec<char> = parts.map(hex_char).collect();
        if let [letter] = letters[..] {
            forms.entry(letter).or_insert([None; 4])[slot].get_or_insert(code);
        } else if ('\u{FEF5}'..='\u{FEFC}').contains(&code) {
            ligatures.push((letters[0], letters[1], slot, code));
        }
    }
    // Sorted as Python sorts the tuples (lam, alef, slot, ligature).
    ligatures.sort();
    Derived {
        forms: forms.into_iter().collect(),
        lam_alef: ligatures
            .into_iter()
            .map(|(lam, alef, slot, ligature)| (lam, alef, slot == 0, ligature))
            .collect(),
    }
}

fn hex_char(hex: &str) -> char {
    char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap()
}

#[test]
fn presentation_forms_are_those_of_unicode_data() {
    let derived = derive(&unicode_data_file("UnicodeData.txt"));
    // Forms-B covers the Arabic letters and Forms-A adds the Persian and Urdu ones: far
    // fewer entries would mean the file was not the full database.
    assert!(derived.forms.len() > 60, "{} letters", derived.forms.len());
    for (expected, compiled) in derived.forms.iter().zip(FORMS) {
        assert_eq!(expected, compiled, "first difference in FORMS");
    }
    assert_eq!(FORMS, derived.forms.as_slice());
}

#[test]
fn lam_alef_ligatures_are_those_of_unicode_data() {
    let derived = derive(&unicode_data_file("UnicodeData.txt"));
    assert_eq!(derived.lam_alef.len(), 8);
    assert_eq!(LAM_ALEF, derived.lam_alef.as_slice());
}
