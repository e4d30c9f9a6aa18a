use super::*;

fn normalized(text: &str) -> Vec<String> {
    words(text).map(|token| token.normalized).collect()
}

/// Lucene's `TestArabicNormalizationFilter`, and the same rules for the other harakat;
/// but the teh marbuta is kept, since it makes a different word (كلية is not كل + ه).
#[test]
fn normalizes_as_lucene_arabic_normalizer() {
    for (word, expected) in [
        ("آجن", "اجن"),
        ("أحمد", "احمد"),
        ("إعاذ", "اعاذ"),
        ("بنى", "بني"),
        ("فاطمة", "فاطمة"),
        ("روبرـــــت", "روبرت"),
        ("مَبنا", "مبنا"),
        ("علِي", "علي"),
        ("بُوات", "بوات"),
        ("ولداً", "ولدا"),
        ("ولدٍ", "ولد"),
        ("ولدٌ", "ولد"),
        ("نلْسون", "نلسون"),
        ("هتميّ", "هتمي"),
        ("مِبنا", "مبنا"),
        ("مُبنا", "مبنا"),
        ("مًبنا", "مبنا"),
        ("مٍبنا", "مبنا"),
        ("مٌبنا", "مبنا"),
        ("مْبنا", "مبنا"),
        ("", ""),
    ] {
        assert_eq!(normalize(word), expected, "{word}");
    }
}

#[test]
fn normalizes_qari_and_persian_rules() {
    for (word, expected) in [
        ("ٱبنا", "ابنا"),
        // Hamza seats are one letter: مسئول and مسؤول are one spelling.
        ("مؤتمر", "مءتمر"),
        ("رئيس", "رءيس"),
        ("مسئول", "مسءول"),
        ("مسؤول", "مسءول"),
        ("کتاب", "كتاب"),
        ("ایران", "ايران"),
        ("ہمہ", "همه"),
        ("ۀ", "ه"),
        // Hamza written as a combining mark, as decomposed text has it.
        ("\u{0627}\u{0654}\u{062D}\u{0645}\u{062F}", "احمد"),
        ("\u{0648}\u{0654}", "و"),
        ("٢٠٢١", "2021"),
        ("۱۴۰۰", "1400"),
        ("BBC", "bbc"),
        ("Ünïcode", "ünïcode"),
        // Presentation forms: ﺳﻮﺭﻳﺎ is سوريا as a PDF gives it.
        ("ﺳﻮﺭﻳﺎ", "سوريا"),
        ("ﻻ", "لا"),
        ("ﻷ", "لا"),
        ("ﻵ", "لا"),
        ("ﻹ", "لا"),
        ("ﷲ", "الله"),
        ("ﻣَﺪﺭﺳﺔ", "مدرسة"),
    ] {
        assert_eq!(normalize(word), expected, "{word}");
    }
}

#[test]
fn syria_spellings_stay_apart_as_terms() {
    // The lexicon unites them where the corpus says so; the terms keep the spelling.
    assert_ne!(normalize("سوريا"), normalize("سورية"));
    assert_ne!(normalize("سورية"), normalize("سوريه"));
    assert_eq!(normalize("سوريّة"), normalize("سورية"));
}

#[test]
fn spelling_marks_are_counted() {
    let mut found = words("ألمانيا رسمياً رسميًا الرياض إحدى مكاني");
    let marks: Vec<Spelling> =
        std::iter::from_fn(|| found.next_word().map(|w| w.spelling)).collect();
    assert!(marks[0].hamza_initial && !marks[0].tanween_final);
    assert!(marks[1].tanween_final && marks[2].tanween_final);
    assert_eq!(marks[3], Spelling::default());
    // ى and ي are one letter once normalized; the mark keeps which it was.
    assert!(marks[4].hamza_initial && marks[4].maqsura_final);
    assert!(!marks[5].maqsura_final);
}

fn spans(text: &str) -> Vec<(&str, String)> {
    tokens(text)
        .into_iter()
        .map(|token| (&text[token.start..token.end], token.normalized))
        .collect()
}

fn owned(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|&(a, b)| (a, b.to_owned())).collect()
}

#[test]
fn words_keep_their_original_span() {
    let text = "قالَ الرئيسُ «سوريا»، في ٢٠٢١: ولداً روبرـــــت.";
    assert_eq!(
        spans(text),
        owned(&[
            ("قالَ", "قال"),
            ("الرئيسُ", "الرءيس"),
            ("سوريا", "سوريا"),
            ("في", "في"),
            ("٢٠٢١", "2021"),
            ("ولداً", "ولدا"),
            ("روبرـــــت", "روبرت"),
        ])
    );
}

#[test]
fn punctuation_symbols_and_controls_split() {
    assert_eq!(normalized("«سوريا»،"), ["سوريا"]);
    assert_eq!(normalized("(سوريا)؛ سوريا؟ سوريا!"), ["سوريا"; 3]);
    // RLM, LRE…PDF, LRI…PDI and ALM between or around words.
    assert_eq!(
        normalized("\u{200F}سوريا\u{200F} \u{202A}BBC\u{202C}\u{2066}x\u{2069}\u{061C}ab"),
        ["سوريا", "bbc", "x", "ab"]
    );
    // Percent signs and Arabic decimal separators are not letters.
    assert_eq!(normalized("٥٠٪ و٣٫٥"), ["50", "و3", "5"]);
    assert_eq!(normalized("a💥b ★ c—d"), ["a", "b", "c", "d"]);
    // ZWNJ splits, as Lucene's Persian analyzer does; ZWJ and a soft hyphen do not.
    assert_eq!(normalized("می\u{200C}شود"), ["مي", "شود"]);
    assert_eq!(normalized("سو\u{200D}ريا new\u{00AD}s"), ["سوريا", "news"]);
}

#[test]
fn digits_are_words() {
    assert_eq!(normalized("2021/01/18"), ["2021", "01", "18"]);
    assert_eq!(
        normalized("١٨ كانون الثاني ٢٠٢١"),
        ["18", "كانون", "الثاني", "2021"]
    );
    assert_eq!(normalized("F-16s"), ["f", "16s"]);
}

#[test]
fn urls_and_emails_split_into_parts() {
    assert_eq!(
        normalized("https://www.Enabbaladi.net/archives/123?id=٤"),
        [
            "https",
            "www",
            "enabbaladi",
            "net",
            "archives",
            "123",
            "id",
            "4"
        ]
    );
    assert_eq!(normalized("info@sana.sy"), ["info", "sana", "sy"]);
}

#[test]
fn marks_and_tatweel_alone_are_no_word() {
    assert_eq!(normalized("ـــ ، \u{064E} ﹰ"), Vec::<String>::new());
    // A mark at the start of the text still belongs to the word it precedes.
    assert_eq!(spans("\u{064E}ب"), owned(&[("\u{064E}ب", "ب")]));
    assert_eq!(normalized(""), Vec::<String>::new());
}

#[test]
fn presentation_forms_keep_their_span() {
    let text = "ﺳﻮﺭﻳﺎ ﻻ ﷲ";
    assert_eq!(
        spans(text),
        owned(&[("ﺳﻮﺭﻳﺎ", "سوريا"), ("ﻻ", "لا"), ("ﷲ", "الله")])
    );
    // A multi-word ligature gives its words, each spanning the ligature.
    assert_eq!(
        spans("محمدﷺ."),
        owned(&[
            ("محمد", "محمد"),
            ("ﷺ", "صلي"),
            ("ﷺ", "الله"),
            ("ﷺ", "عليه"),
            ("ﷺ", "وسلم"),
        ])
    );
    // A lam-alef ligature in the middle of a word, as shaped text has it.
    assert_eq!(spans("ﺍﻟﻼﺟﺌﻴﻦ"), owned(&[("ﺍﻟﻼﺟﺌﻴﻦ", "اللاجءين")]));
}

#[test]
fn next_word_lends_what_the_iterator_gives() {
    let text = "وقالت وكالة (سانا) إنّ ٣ قتلى سقطوا.";
    let mut found = words(text);
    let mut lent = Vec::new();
    while let Some(word) = found.next_word() {
        lent.push(Token {
            start: word.start,
            end: word.end,
            normalized: word.normalized.to_owned(),
        });
    }
    assert_eq!(lent, tokens(text));
    assert_eq!(lent.len(), 7);
    assert!(found.next_word().is_none());
}

#[test]
fn normalize_agrees_with_tokens() {
    for word in [
        "إنَّ",
        "ﺳﻮﺭﻳﺎ",
        "ﻻجئ",
        "Ünïcode",
        "٢٠٢١",
        "روبرـــــت",
        "ىؤئة",
    ] {
        assert_eq!(normalized(word), [normalize(word)], "{word}");
    }
}

#[test]
fn any_text_splits_without_panicking() {
    let text = "a\u{0301}\u{FEFF}\u{FFFD}\0\u{10FFFF}𝔘ﷺﻵ\u{FE70}x\u{E0100}y ﴾١﴿ \u{FDFD}";
    for token in tokens(text) {
        assert!(token.start < token.end && text.is_char_boundary(token.start));
        assert!(text.is_char_boundary(token.end) && !token.normalized.is_empty());
    }
}

/// What the fold table must hold: for every character of the Arabic presentation-form
/// blocks with a compatibility decomposition, that decomposition. A space before marks
/// only (isolated harakat forms) is dropped; a multi-word ligature is wrapped in spaces
/// so that its words never join the text next to it.
fn derive_fold_table(unicode_data: &str) -> Vec<(char, String)> {
    let mut table = Vec::new();
    for line in unicode_data.lines() {
        let fields: Vec<&str> = line.split(';').collect();
        let code = u32::from_str_radix(fields[0], 16).unwrap();
        let in_blocks = matches!(code, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
        let Some(tagged) = fields[5].strip_prefix('<').filter(|_| in_blocks) else {
            continue;
        };
        let form = hex_char(fields[0]);
        let chars: Vec<char> = tagged.split_whitespace().skip(1).map(hex_char).collect();
        let decomposition: String = match chars.split_first() {
            Some((' ', marks)) if marks.iter().all(|&c| is_tashkeel(c)) => marks.iter().collect(),
            _ if chars.contains(&' ') => format!(" {} ", chars.iter().collect::<String>()),
            _ => chars.iter().collect(),
        };
        table.push((form, decomposition));
    }
    table
}

fn hex_char(hex: &str) -> char {
    char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap()
}

fn unicode_data() -> String {
    let path = "/usr/share/unicode/UnicodeData.txt";
    std::fs::read_to_string(path).unwrap_or_else(|err| {
        panic!("{path}: {err}; run scripts/test.sh, which installs unicode-data")
    })
}

#[test]
fn fold_table_is_that_of_unicode_data() {
    let derived = derive_fold_table(&unicode_data());
    assert!(derived.len() > 700, "{} forms", derived.len());
    let compiled: Vec<(char, String)> = FOLD
        .iter()
        .map(|&(form, decomposition)| (form, decomposition.to_owned()))
        .collect();
    if compiled != derived {
        let written = std::env::temp_dir().join("fold_table.rs");
        std::fs::write(&written, fold_table_source(&derived)).unwrap();
        panic!(
            "src/index/analyze/fold_table.rs is not what UnicodeData.txt gives; the table it \
             gives is in {}: copy it there",
            written.display()
        );
    }
    // Decompositions are plain text: no presentation form to fold a second time.
    for (_, decomposition) in FOLD {
        for c in decomposition.chars() {
            assert!(!matches!(class(c, &ARABIC), Class::Fold(_)), "{c:?}");
        }
    }
}

/// The source of `fold_table.rs` for `table`.
fn fold_table_source(table: &[(char, String)]) -> String {
    let mut out = String::from(
        "//! Arabic presentation forms and their compatibility decompositions, generated from\n\
         //! UnicodeData.txt by the test `fold_table_is_that_of_unicode_data`, which\n\
         //! re-derives it, compares, and writes the table it derives when they differ.\n\n\
         /// (presentation form, what it stands for), sorted by form.\n\
         pub(super) const FOLD: &[(char, &str)] = &[\n",
    );
    for (form, decomposition) in table {
        let escaped: String = decomposition
            .chars()
            .map(|c| format!("\\u{{{:04X}}}", u32::from(c)))
            .collect();
        out.push_str(&format!(
            "    ('\\u{{{:04X}}}', \"{escaped}\"),\n",
            u32::from(*form)
        ));
    }
    out.push_str("];\n");
    out
}
