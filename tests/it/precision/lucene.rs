//! Lucene's Arabic light stemming, ported as the anchor the precision suite measures
//! qari against: `ArabicNormalizer` then `ArabicStemmer`, the two filters that
//! Lucene's `ArabicAnalyzer` (and so OpenSearch's and Elasticsearch's `arabic`
//! analyzer) runs on every token. Ported from apache/lucene,
//! `lucene/analysis/common/src/java/org/apache/lucene/analysis/ar/ArabicNormalizer.java`
//! and `.../ar/ArabicStemmer.java` (main branch), rule for rule:
//!
//! - `ArabicNormalizer.normalize`: آ أ إ → ا; ى → ي; ة → ه; tatweel and the eight
//!   harakat (fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun) deleted.
//!   Nothing else: no ٱ, no hamza seats ؤ ئ, no superscript alef, no presentation forms.
//! - `ArabicStemmer.stemPrefix`: the first of ال وال بال كال فال لل و that starts the
//!   word is deleted, and only that one; `startsWithCheckLength` wants a word of at least
//!   4 letters for the one-letter و (3 left) and of the prefix's length + 2 for the others.
//! - `ArabicStemmer.stemSuffix`: each of ها ان ات ون ين يه ية ه ة ي, in that order, is
//!   deleted if the word (as shortened so far) ends with it and is at least the suffix's
//!   length + 2 long (`endsWithCheckLength`); so several can go, each at most once.
//!
//! Lengths are Java `char`s (UTF-16 units); every letter involved is in the BMP, so they
//! are counted here as `char`s. The analyzer's other filters (lower-casing, its stop
//! words, decimal digits) are left out: the suite compares the stemming rules.

/// `ArabicNormalizer.normalize`.
pub fn normalize(word: &str) -> String {
    word.chars()
        .filter_map(|c| match c {
            'آ' | 'أ' | 'إ' => Some('ا'),
            'ى' => Some('ي'),
            'ة' => Some('ه'),
            // TATWEEL, FATHATAN, DAMMATAN, KASRATAN, FATHA, DAMMA, KASRA, SHADDA, SUKUN.
            '\u{0640}' | '\u{064B}'..='\u{0652}' => None,
            c => Some(c),
        })
        .collect()
}

const PREFIXES: [&str; 7] = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];

const SUFFIXES: [&str; 10] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// `ArabicStemmer.stem`: `stemPrefix` then `stemSuffix`.
pub fn stem(word: &str) -> String {
    let mut s: Vec<char> = word.chars().collect();
    for prefix in PREFIXES {
        let prefix: Vec<char> = prefix.chars().collect();
        let long_enough = if prefix.len() == 1 {
            s.len() >= 4
        } else {
            s.len() >= prefix.len() + 2
        };
        if long_enough && s.starts_with(&prefix) {
            s.drain(..prefix.len());
            break;
        }
    }
    for suffix in SUFFIXES {
        let suffix: Vec<char> = suffix.chars().collect();
        if s.len() >= suffix.len() + 2 && s.ends_with(&suffix) {
            s.truncate(s.len() - suffix.len());
        }
    }
    s.into_iter().collect()
}

/// What Lucene indexes for a token as written: its normalized light stem.
pub fn analyze(token: &str) -> String {
    stem(&normalize(token))
}

/// Lucene's own test cases, `TestArabicStemFilter` (the stemmer alone, unnormalized).
#[test]
fn the_stemmer_passes_lucenes_own_cases() {
    let cases = [
        ("الحسن", "حسن"),
        ("والحسن", "حسن"),
        ("بالحسن", "حسن"),
        ("كالحسن", "حسن"),
        ("فالحسن", "حسن"),
        ("للاخر", "اخر"),
        ("وحسن", "حسن"),
        ("زوجها", "زوج"),
        ("ساهدان", "ساهد"),
        ("ساهدات", "ساهد"),
        ("ساهدون", "ساهد"),
        ("ساهدين", "ساهد"),
        ("ساهديه", "ساهد"),
        ("ساهدية", "ساهد"),
        ("ساهده", "ساهد"),
        ("ساهدة", "ساهد"),
        ("ساهدي", "ساهد"),
        ("وساهدون", "ساهد"),
        ("ساهدهات", "ساهد"),
        ("الو", "الو"),
        ("English", "English"),
        ("", ""),
    ];
    for (word, expected) in cases {
        assert_eq!(stem(word), expected, "{word}");
    }
}

#[test]
fn the_normalizer_folds_what_lucene_folds_and_nothing_else() {
    assert_eq!(normalize("أإآا"), "اااا");
    assert_eq!(normalize("مستشفى"), "مستشفي");
    assert_eq!(normalize("كلية"), "كليه");
    assert_eq!(normalize("مُحَمَّدٌ"), "محمد");
    assert_eq!(normalize("كـــلية"), "كليه");
    // Not Lucene's: hamza seats, wasla and the superscript alef stay.
    assert_eq!(normalize("مسؤول"), "مسؤول");
    assert_eq!(normalize("ٱلله"), "ٱلله");
    assert_eq!(normalize("هٰذا"), "هٰذا");
}

/// The collisions the issue reports, as Lucene makes them.
#[test]
fn lucene_makes_the_collisions_the_issue_names() {
    assert_eq!(analyze("كلية"), analyze("كلها"));
    assert_eq!(analyze("جامعة"), analyze("جامع"));
    assert_eq!(analyze("رياضة"), analyze("الرياض"));
    assert_eq!(analyze("وزارة"), analyze("زار"));
    // و needs four letters, the other prefixes two left.
    assert_eq!(analyze("وطن"), "وطن");
    assert_eq!(analyze("وطنية"), "طن");
    assert_eq!(analyze("الله"), "له");
    assert_eq!(analyze("لله"), "لل");
    // No ك, ب or ل prefix, no يا suffix.
    assert_eq!(analyze("كسور"), "كسور");
    assert_eq!(analyze("بسوريا"), "بسوريا");
    assert_eq!(analyze("سوريا"), "سوريا");
    assert_eq!(analyze("سورية"), "سور");
}
