use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;

/// A Wednesday, mid-month, in a leap year.
const TODAY: Date = date(2024, 5, 15);

fn clauses(text: &str) -> Vec<Clause> {
    clauses_on(text, TODAY)
}

fn clauses_on(text: &str, today: Date) -> Vec<Clause> {
    match parse(text, today, Outlets::embedded()) {
        Ok(query) => query.clauses,
        Err(error) => panic!("{text:?}: {error} at {:?}", error.span),
    }
}

/// The message and the underlined text.
fn error(text: &str) -> (String, &str) {
    match parse(text, TODAY, Outlets::embedded()) {
        Ok(query) => panic!("{text:?} parsed: {query:?}"),
        Err(error) => (error.message, &text[error.span]),
    }
}

/// A finished word.
fn word(text: &str) -> Clause {
    Clause::Word {
        text: text.into(),
        prefix: false,
        negated: false,
    }
}

/// The word being typed.
fn typing(text: &str) -> Clause {
    Clause::Word {
        text: text.into(),
        prefix: true,
        negated: false,
    }
}

fn phrase(words: &[&str]) -> Clause {
    Clause::Phrase {
        words: words.iter().map(ToString::to_string).collect(),
        prefix: false,
        negated: false,
    }
}

fn typing_phrase(words: &[&str]) -> Clause {
    Clause::Phrase {
        words: words.iter().map(ToString::to_string).collect(),
        prefix: true,
        negated: false,
    }
}

fn source(ids: &[&str]) -> Clause {
    Clause::Source {
        ids: ids.iter().map(ToString::to_string).collect(),
        negated: false,
    }
}

fn days(from: Option<Date>, to: Option<Date>) -> Clause {
    Clause::Date {
        range: DateRange { from, to },
        negated: false,
    }
}

fn between(from: Date, to: Date) -> Clause {
    days(Some(from), Some(to))
}

const BOOKMARKED: Clause = Clause::Bookmarked { negated: false };

/// The same clause, excluded.
fn not(mut clause: Clause) -> Clause {
    match &mut clause {
        Clause::Word { negated, .. }
        | Clause::Phrase { negated, .. }
        | Clause::Source { negated, .. }
        | Clause::Date { negated, .. }
        | Clause::Bookmarked { negated } => *negated = true,
    }
    clause
}

#[test]
fn an_empty_text_matches_everything() {
    for text in ["", " ", "  \t ", "\u{a0}"] {
        assert_eq!(clauses(text), vec![], "{text:?}");
    }
}

#[test]
fn only_the_last_word_without_a_space_after_it_is_a_prefix() {
    assert_eq!(clauses("سوريا"), vec![typing("سوريا")]);
    assert_eq!(clauses("سوريا دمش"), vec![word("سوريا"), typing("دمش")]);
    assert_eq!(clauses("سوريا دمشق "), vec![word("سوريا"), word("دمشق")]);
    assert_eq!(clauses("  covid  19"), vec![word("covid"), typing("19")]);
    assert_eq!(
        clauses("سوريا src:okaz"),
        vec![word("سوريا"), source(&["okaz"])]
    );
}

#[test]
fn words_split_at_any_whitespace_and_nothing_else() {
    assert_eq!(
        clauses("أ\tب\u{a0}ج\n"),
        vec![word("أ"), word("ب"), word("ج")]
    );
    assert_eq!(
        clauses("U.S. ،الحرب؟ ab\"c 10:30 قال:"),
        vec![
            word("U.S."),
            word("،الحرب؟"),
            word("ab\"c"),
            word("10:30"),
            typing("قال:"),
        ]
    );
}

#[test]
fn words_are_kept_as_typed() {
    assert_eq!(
        clauses("الْحَرْبُ الـحرب إِلى ٢٠٢١ COVID"),
        vec![
            word("الْحَرْبُ"),
            word("الـحرب"),
            word("إِلى"),
            word("٢٠٢١"),
            typing("COVID"),
        ]
    );
}

#[test]
fn phrases() {
    assert_eq!(
        clauses("\"عنب بلدي\" سوريا"),
        vec![phrase(&["عنب", "بلدي"]), typing("سوريا")]
    );
    assert_eq!(clauses("\"عنب  بلدي\""), vec![phrase(&["عنب", "بلدي"])]);
    assert_eq!(clauses("\"كلمة\""), vec![phrase(&["كلمة"])]);
    // A filter inside quotes is text.
    assert_eq!(clauses("\"src:okaz\" "), vec![phrase(&["src:okaz"])]);
    // A closing quote ends the phrase even without a space after it.
    assert_eq!(clauses("\"a b\"c"), vec![phrase(&["a", "b"]), typing("c")]);
}

#[test]
fn an_unterminated_phrase_is_being_typed() {
    assert_eq!(clauses("\"الحرب في"), vec![typing_phrase(&["الحرب", "في"])]);
    assert_eq!(
        clauses("x \"الحرب في "),
        vec![word("x"), phrase(&["الحرب", "في"])]
    );
    assert_eq!(clauses("\"الحرب"), vec![typing_phrase(&["الحرب"])]);
}

#[test]
fn quotes_without_words_are_dropped() {
    for text in ["\"", "\"  ", "\"\"", "-\"\"", "a \"\" b"] {
        let words: Vec<_> = clauses(text)
            .into_iter()
            .filter(|c| !matches!(c, Clause::Word { .. }))
            .collect();
        assert_eq!(words, vec![], "{text:?}");
    }
}

#[test]
fn exclusions_of_each_kind() {
    assert_eq!(clauses("-حرب"), vec![not(typing("حرب"))]);
    assert_eq!(clauses("-حرب سلام"), vec![not(word("حرب")), typing("سلام")]);
    assert_eq!(
        clauses("-\"عنب بلدي\""),
        vec![not(phrase(&["عنب", "بلدي"]))]
    );
    assert_eq!(
        clauses("-\"عنب بل"),
        vec![not(typing_phrase(&["عنب", "بل"]))]
    );
    assert_eq!(clauses("-src:okaz"), vec![not(source(&["okaz"]))]);
    assert_eq!(
        clauses("-date:2021"),
        vec![not(between(date(2021, 1, 1), date(2021, 12, 31)))]
    );
    // Only the first `-` excludes.
    assert_eq!(clauses("--x "), vec![not(word("-x"))]);
}

#[test]
fn a_dash_alone_excludes_nothing() {
    assert_eq!(clauses("-"), vec![]);
    assert_eq!(clauses("a - b"), vec![word("a"), typing("b")]);
    assert_eq!(clauses("a -"), vec![word("a")]);
}

#[test]
fn sources_by_id_name_and_alias() {
    assert_eq!(clauses("src:okaz"), vec![source(&["okaz"])]);
    assert_eq!(clauses("SRC:Okaz"), vec![source(&["okaz"])]);
    assert_eq!(clauses("src:عكاظ"), vec![source(&["okaz"])]);
    assert_eq!(clauses("src:aleqt"), vec![source(&["aleqtisadiya"])]);
    assert_eq!(clauses("src:\"صحيفة عكاظ\""), vec![source(&["okaz"])]);
    assert_eq!(clauses("src:\"عنب بلدي\" "), vec![source(&["enabbaladi"])]);
    // Folded: hamza forms and ta marbuta do not matter.
    assert_eq!(clauses("src:الاناضول"), vec![source(&["anadolu-ar"])]);
    // A whole name wins over the longer names it begins.
    assert_eq!(clauses("src:اليوم"), vec![source(&["alyaum"])]);
    assert_eq!(clauses("src:alwatan"), vec![source(&["alwatan"])]);
}

/// The outlets with a name that starts with الوطن, in file order.
const WATAN: [&str; 4] = ["alwatan", "alwatan-sy", "alwatan-eg", "alwatan-kw"];

#[test]
fn sources_by_prefix() {
    assert_eq!(clauses("src:عنب"), vec![source(&["enabbaladi"])]);
    assert_eq!(clauses("src:\"عنب بل"), vec![source(&["enabbaladi"])]);
    assert_eq!(clauses("src:enab"), vec![source(&["enabbaladi"])]);
    assert_eq!(clauses("src:الوطن"), vec![source(&WATAN)]);
    assert_eq!(clauses("-src:الوطن"), vec![not(source(&WATAN))]);
}

#[test]
fn unknown_sources_are_errors() {
    assert_eq!(
        error("حرب src:xyzzy سلام"),
        ("no outlet matches `xyzzy`".into(), "xyzzy")
    );
    assert_eq!(
        error("src:\"عنب حلبي\""),
        ("no outlet matches `عنب حلبي`".into(), "عنب حلبي")
    );
    assert_eq!(
        error("src:\" xyzzy  \""),
        ("no outlet matches `xyzzy`".into(), "xyzzy")
    );
    assert_eq!(
        error("src:عن"),
        (
            "no outlet matches `عن` (type at least 3 letters)".into(),
            "عن"
        )
    );
    assert_eq!(
        error("x src: y"),
        ("`src:` needs a value, such as src:okaz".into(), "src:")
    );
    assert_eq!(
        error("src:\"\""),
        ("`src:` needs a value, such as src:okaz".into(), "src:\"\"")
    );
}

#[test]
fn dates_of_each_granularity() {
    let year = between(date(2021, 1, 1), date(2021, 12, 31));
    assert_eq!(clauses("date:2021"), vec![year.clone()]);
    assert_eq!(clauses("Date:٢٠٢١"), vec![year]);
    let month = between(date(2021, 1, 1), date(2021, 1, 31));
    assert_eq!(clauses("date:2021-01"), vec![month.clone()]);
    assert_eq!(clauses("date:2021/1"), vec![month]);
    let day = between(date(2021, 1, 18), date(2021, 1, 18));
    assert_eq!(clauses("date:2021-01-18"), vec![day.clone()]);
    assert_eq!(clauses("date:2021/01/18"), vec![day.clone()]);
    assert_eq!(clauses("date:2021-1-18"), vec![day.clone()]);
    assert_eq!(clauses("date:\"2021-01-18\""), vec![day]);
}

#[test]
fn months_end_on_their_last_day() {
    let feb = |year, last| between(date(year, 2, 1), date(year, 2, last));
    assert_eq!(clauses("date:2024-02"), vec![feb(2024, 29)]);
    assert_eq!(clauses("date:2023-02"), vec![feb(2023, 28)]);
    assert_eq!(clauses("date:2000-02"), vec![feb(2000, 29)]);
    assert_eq!(clauses("date:1900-02"), vec![feb(1900, 28)]);
    assert_eq!(
        clauses("date:2021-04"),
        vec![between(date(2021, 4, 1), date(2021, 4, 30))]
    );
    let leap_day = date(2024, 2, 29);
    assert_eq!(
        clauses("date:2024-02-29"),
        vec![between(leap_day, leap_day)]
    );
}

#[test]
fn date_ranges() {
    assert_eq!(
        clauses("date:2020..2021-06"),
        vec![between(date(2020, 1, 1), date(2021, 6, 30))]
    );
    assert_eq!(
        clauses("date:2020-03-05..2020-03-05"),
        vec![between(date(2020, 3, 5), date(2020, 3, 5))]
    );
    assert_eq!(
        clauses("date:2024-02..2024"),
        vec![between(date(2024, 2, 1), date(2024, 12, 31))]
    );
    assert_eq!(
        clauses("date:..2015"),
        vec![days(None, Some(date(2015, 12, 31)))]
    );
    assert_eq!(
        clauses("date:2024.."),
        vec![days(Some(date(2024, 1, 1)), None)]
    );
    assert_eq!(
        clauses("date:2024/02.."),
        vec![days(Some(date(2024, 2, 1)), None)]
    );
}

#[test]
fn relative_dates_end_today() {
    assert_eq!(clauses("date:1d"), vec![between(TODAY, TODAY)]);
    assert_eq!(clauses("date:7d"), vec![between(date(2024, 5, 9), TODAY)]);
    assert_eq!(clauses("date:3m"), vec![between(date(2024, 2, 16), TODAY)]);
    assert_eq!(clauses("date:1y"), vec![between(date(2023, 5, 16), TODAY)]);
    assert_eq!(clauses("date:1Y"), vec![between(date(2023, 5, 16), TODAY)]);
    assert_eq!(
        clauses("-date:٧d"),
        vec![not(between(date(2024, 5, 9), TODAY))]
    );
    // Months are calendar months: from the day after the same day three months back,
    // which is clamped to the end of a shorter month.
    let may_31 = date(2024, 5, 31);
    assert_eq!(
        clauses_on("date:3m", may_31),
        vec![between(date(2024, 3, 1), may_31)]
    );
    // Further back than the calendar goes: everything up to today.
    for text in ["date:20000y", "date:99999999999999999999999d"] {
        assert_eq!(clauses(text), vec![days(None, Some(TODAY))], "{text}");
    }
}

#[test]
fn malformed_dates_are_errors() {
    let not_a_date = |text: &str, part: &str| {
        assert_eq!(
            error(text),
            (format!("`{part}` is not a date"), part),
            "{text}"
        );
    };
    not_a_date("date:2021-13", "2021-13");
    not_a_date("date:2021-02-30", "2021-02-30");
    not_a_date("date:2023-02-29", "2023-02-29");
    not_a_date("حرب date:20x1", "20x1");
    not_a_date("date:21", "21");
    not_a_date("date:2021-", "2021-");
    not_a_date("date:2021-01-18-1", "2021-01-18-1");
    not_a_date("date:2021-001", "2021-001");
    not_a_date("date:7w", "7w");
    not_a_date("date:-7d", "-7d");
    not_a_date("date:7d..", "7d");
    not_a_date("date:2020..2021-13", "2021-13");
    not_a_date("date:2020...2021", ".2021");
    assert_eq!(
        error("x date:"),
        (
            "`date:` needs a value, such as date:2021 or date:7d".into(),
            "date:"
        )
    );
    assert_eq!(
        error("date:.."),
        (
            "`..` needs a start or an end, such as date:2020.. or date:..2020".into(),
            ".."
        )
    );
    assert_eq!(
        error("date:2022..2021-06"),
        (
            "`2022..2021-06` ends before it starts".into(),
            "2022..2021-06"
        )
    );
    assert_eq!(
        error("date:0d"),
        ("`0d` is an empty period (use 1d or more)".into(), "0d")
    );
}

#[test]
fn bookmarked() {
    assert_eq!(clauses("is:bookmarked"), vec![BOOKMARKED]);
    assert_eq!(
        clauses("IS:Bookmarked حرب"),
        vec![BOOKMARKED, typing("حرب")]
    );
    assert_eq!(
        clauses("x -is:bookmarked"),
        vec![word("x"), not(BOOKMARKED)]
    );
    for (text, uses) in [
        ("is:bookmarked", true),
        ("حرب -is:bookmarked", true),
        ("حرب src:okaz date:2021", false),
        ("\"is:bookmarked\"", false),
        ("", false),
    ] {
        let query = parse(text, TODAY, Outlets::embedded()).unwrap();
        assert_eq!(query.uses_bookmarks(), uses, "{text}");
    }
    assert_eq!(
        error("is:read"),
        ("unknown `is:read` (use is:bookmarked)".into(), "read")
    );
    assert_eq!(
        error("is:"),
        ("`is:` needs a value, such as is:bookmarked".into(), "is:")
    );
}

#[test]
fn unknown_filters_are_errors() {
    assert_eq!(
        error("حرب foo:bar"),
        (
            "unknown filter `foo:` (use src:, date:, is:)".into(),
            "foo:"
        )
    );
    assert_eq!(
        error("-Source:okaz"),
        (
            "unknown filter `Source:` (use src:, date:, is:)".into(),
            "Source:"
        )
    );
    assert_eq!(
        error("https://okaz.com.sa"),
        (
            "unknown filter `https:` (use src:, date:, is:)".into(),
            "https:"
        )
    );
}

#[test]
fn the_first_error_is_reported() {
    assert_eq!(error("date:2021-13 foo:x").1, "2021-13");
    assert_eq!(error("foo:x date:2021-13").1, "foo:");
}

#[test]
fn everything_together() {
    assert_eq!(
        clauses("-\"الأمم المتحدة\" src:عنب date:2020..2021-06 is:bookmarked -sana حل"),
        vec![
            not(phrase(&["الأمم", "المتحدة"])),
            source(&["enabbaladi"]),
            between(date(2020, 1, 1), date(2021, 6, 30)),
            BOOKMARKED,
            not(word("sana")),
            typing("حل"),
        ]
    );
}

#[test]
fn date_ranges_contain_their_ends() {
    let range = DateRange {
        from: Some(date(2021, 1, 1)),
        to: Some(date(2021, 1, 31)),
    };
    assert!(range.contains(date(2021, 1, 1)));
    assert!(range.contains(date(2021, 1, 31)));
    assert!(!range.contains(date(2020, 12, 31)));
    assert!(!range.contains(date(2021, 2, 1)));
    let open = DateRange {
        from: None,
        to: None,
    };
    assert!(open.contains(Date::MIN) && open.contains(Date::MAX));
    let until = DateRange {
        from: None,
        to: Some(date(2015, 12, 31)),
    };
    assert!(until.contains(Date::MIN) && !until.contains(date(2016, 1, 1)));
}

/// Whatever is typed gives a query or an error that underlines part of the text.
fn parses_without_panic(text: &str) {
    if let Err(error) = parse(text, TODAY, Outlets::embedded()) {
        assert!(error.span.end <= text.len(), "{text:?}: {error:?}");
        assert!(
            text.get(error.span.clone()).is_some(),
            "{text:?}: {error:?}"
        );
        assert!(!error.message.is_empty());
    }
}

proptest! {
    #[test]
    fn any_text_parses_or_fails_cleanly(text in any::<String>()) {
        parses_without_panic(&text);
    }

    #[test]
    fn filter_like_text_parses_or_fails_cleanly(
        text in r#"((-|"|src:|date:|is:|foo:|\.\.|[0-9]{1,5}|[-/]|[dmyw]|عنب|الوطن|okaz|bookmarked|٢|ب|ْ| |\t)){0,12}"#,
    ) {
        parses_without_panic(&text);
    }
}
