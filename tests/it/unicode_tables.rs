//! The presentation-form table compiled into qari is exactly what the Unicode Character
//! Database says (re-derived here from UnicodeData.txt, the way the generator script does).

use std::collections::BTreeMap;

use qari::text::tables::{FORMS, LAM_ALEF};

const UNICODE_DATA: &str = "/usr/share/unicode/UnicodeData.txt";

#[test]
fn presentation_forms_are_derived_from_unicode_data() {
    let data = std::fs::read_to_string(UNICODE_DATA).unwrap_or_else(|err| {
        panic!("{UNICODE_DATA}: {err}; run scripts/test.sh, which installs unicode-data")
    });
    let mut forms: BTreeMap<char, [Option<char>; 4]> = BTreeMap::new();
    let mut lam_alef = Vec::new();
    for line in data.lines() {
        let fields: Vec<&str> = line.split(';').collect();
        let code = char::from_u32(u32::from_str_radix(fields[0], 16).unwrap());
        let mut parts = fields[5].split_whitespace();
        let slot = match parts.next() {
            Some("<isolated>") => 0,
            Some("<final>") => 1,
            Some("<initial>") => 2,
            Some("<medial>") => 3,
            _ => continue,
        };
        let (Some(code), letters) = (code, parts.collect::<Vec<_>>()) else {
            continue;
        };
        let letters: Vec<char> = letters
            .iter()
            .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
            .collect();
        if letters.len() == 1 {
            let entry = forms.entry(letters[0]).or_default();
            entry[slot].get_or_insert(code);
        } else if ('\u{FEF5}'..='\u{FEFC}').contains(&code) {
            lam_alef.push((letters[0], letters[1], slot == 0, code));
        }
    }
    let derived: Vec<(char, [Option<char>; 4])> = forms.into_iter().collect();
    assert_eq!(FORMS, derived.as_slice());
    lam_alef.sort_by_key(|&(lam, alef, _, ligature)| (lam, alef, ligature));
    assert_eq!(LAM_ALEF, lam_alef.as_slice());
}
