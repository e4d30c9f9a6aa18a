//! `src:`, `date:` and `is:`: what each resolves to, and their errors.

use jiff::civil::{Date, date};

use super::tests::{TODAY, and, clause, error, exact, not, parsed, phrase, typed, word};
use super::*;

fn on(text: &str, today: Date) -> Expr {
    parsed(text, Mode::Exact, today)
}

fn source(ids: &[&str]) -> Expr {
    clause(Clause::Source {
        ids: ids.iter().map(ToString::to_string).collect(),
    })
}

fn days(from: Option<Date>, to: Option<Date>) -> Expr {
    clause(Clause::Date {
        range: DateRange { from, to },
    })
}

fn between(from: Date, to: Date) -> Expr {
    days(Some(from), Some(to))
}

const BOOKMARKED: Expr = Expr::Clause(Clause::Bookmarked);
const READ: Expr = Expr::Clause(Clause::Reading(Reading::Read));
const UNREAD: Expr = Expr::Clause(Clause::Reading(Reading::Unread));

#[test]
fn sources_by_id_name_and_alias() {
    assert_eq!(exact("src:okaz"), source(&["okaz"]));
    assert_eq!(exact("SRC:Okaz"), source(&["okaz"]));
    assert_eq!(exact("src:عكاظ"), source(&["okaz"]));
    assert_eq!(exact("src:aleqt"), source(&["aleqtisadiya"]));
    assert_eq!(exact("src:\"صحيفة عكاظ\""), source(&["okaz"]));
    assert_eq!(exact("src:\"عنب بلدي\" "), source(&["enabbaladi"]));
    // Folded: hamza forms and ta marbuta do not matter.
    assert_eq!(exact("src:الاناضول"), source(&["anadolu-ar"]));
    // A whole name wins over the longer names it begins.
    assert_eq!(exact("src:اليوم"), source(&["alyaum"]));
    assert_eq!(exact("src:alwatan"), source(&["alwatan"]));
    // A `)` ends the name.
    assert_eq!(exact("(src:okaz)"), source(&["okaz"]));
}

/// The outlets with a name that starts with الوطن, in file order.
const WATAN: [&str; 4] = ["alwatan", "alwatan-sy", "alwatan-eg", "alwatan-kw"];

#[test]
fn sources_by_prefix() {
    assert_eq!(exact("src:عنب"), source(&["enabbaladi"]));
    assert_eq!(typed("src:\"عنب بل"), source(&["enabbaladi"]));
    assert_eq!(exact("src:enab"), source(&["enabbaladi"]));
    assert_eq!(exact("src:الوطن"), source(&WATAN));
    assert_eq!(exact("-src:الوطن"), not(source(&WATAN)));
}

#[test]
fn a_list_of_sources_is_any_of_them() {
    assert_eq!(exact("src:okaz,alyaum"), source(&["okaz", "alyaum"]));
    assert_eq!(
        exact("src:\"عنب بلدي\",عكاظ"),
        source(&["enabbaladi", "okaz"])
    );
    assert_eq!(
        exact("src:عنب,\"صحيفة عكاظ\""),
        source(&["enabbaladi", "okaz"])
    );
    // Each outlet once, in the order named.
    assert_eq!(exact("src:alyaum,okaz,عكاظ"), source(&["alyaum", "okaz"]));
    assert_eq!(
        exact("src:okaz,الوطن"),
        source(&["okaz", "alwatan", "alwatan-sy", "alwatan-eg", "alwatan-kw"])
    );
    assert_eq!(exact("-src:okaz,alyaum"), not(source(&["okaz", "alyaum"])));
    assert_eq!(exact("(src:okaz,alyaum)"), source(&["okaz", "alyaum"]));
    // The next name is being typed.
    assert_eq!(typed("src:okaz,"), source(&["okaz"]));
    assert_eq!(typed("src:okaz,\""), source(&["okaz"]));
    // Only src: takes a list: elsewhere a comma is part of the value.
    assert_eq!(
        error("date:2021,2022"),
        ("`2021,2022` is not a date".into(), "2021,2022")
    );
}

#[test]
fn unknown_and_missing_sources_are_errors() {
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
        error("src:okaz,xyzzy"),
        ("no outlet matches `xyzzy`".into(), "xyzzy")
    );
    assert_eq!(
        error("x src: y"),
        ("`src:` needs a value, such as src:okaz".into(), "src:")
    );
    assert_eq!(
        error("src:\"\""),
        ("`src:` needs a value, such as src:okaz".into(), "src:\"\"")
    );
    let missing = || "an outlet name is missing beside this `,` (src:a,b)".to_owned();
    for text in [
        "src:okaz,",
        "src:,okaz",
        "src:okaz,,alyaum",
        "src:okaz,\"\"",
    ] {
        assert_eq!(error(text), (missing(), ","), "{text}");
    }
    // Typing, with the cursor elsewhere than after the comma.
    let text = "src:okaz, حرب";
    let typing = Mode::Typing { cursor: text.len() };
    let err = parse(text, typing, TODAY, Outlets::embedded()).unwrap_err();
    assert_eq!((err.message, &text[err.span]), (missing(), ","));
}

#[test]
fn dates_of_each_granularity() {
    let year = between(date(2021, 1, 1), date(2021, 12, 31));
    assert_eq!(exact("date:2021"), year);
    assert_eq!(exact("Date:٢٠٢١"), year);
    let month = between(date(2021, 1, 1), date(2021, 1, 31));
    assert_eq!(exact("date:2021-01"), month);
    assert_eq!(exact("date:2021/1"), month);
    let day = between(date(2021, 1, 18), date(2021, 1, 18));
    assert_eq!(exact("date:2021-01-18"), day);
    assert_eq!(exact("date:2021/01/18"), day);
    assert_eq!(exact("date:2021-1-18"), day);
    assert_eq!(exact("date:\"2021-01-18\""), day);
    assert_eq!(exact("(date:2021-01-18)"), day);
}

#[test]
fn months_end_on_their_last_day() {
    let feb = |year, last| between(date(year, 2, 1), date(year, 2, last));
    assert_eq!(exact("date:2024-02"), feb(2024, 29));
    assert_eq!(exact("date:2023-02"), feb(2023, 28));
    assert_eq!(exact("date:2000-02"), feb(2000, 29));
    assert_eq!(exact("date:1900-02"), feb(1900, 28));
    assert_eq!(
        exact("date:2021-04"),
        between(date(2021, 4, 1), date(2021, 4, 30))
    );
    let leap_day = date(2024, 2, 29);
    assert_eq!(exact("date:2024-02-29"), between(leap_day, leap_day));
}

#[test]
fn date_ranges() {
    assert_eq!(
        exact("date:2020..2021-06"),
        between(date(2020, 1, 1), date(2021, 6, 30))
    );
    assert_eq!(
        exact("date:2020-03-05..2020-03-05"),
        between(date(2020, 3, 5), date(2020, 3, 5))
    );
    assert_eq!(
        exact("date:2024-02..2024"),
        between(date(2024, 2, 1), date(2024, 12, 31))
    );
    assert_eq!(exact("date:..2015"), days(None, Some(date(2015, 12, 31))));
    assert_eq!(exact("date:2024.."), days(Some(date(2024, 1, 1)), None));
    assert_eq!(exact("date:2024/02.."), days(Some(date(2024, 2, 1)), None));
}

#[test]
fn relative_dates_end_today() {
    assert_eq!(exact("date:1d"), between(TODAY, TODAY));
    assert_eq!(exact("date:7d"), between(date(2024, 5, 9), TODAY));
    assert_eq!(exact("date:1w"), between(date(2024, 5, 9), TODAY));
    assert_eq!(exact("date:2w"), between(date(2024, 5, 2), TODAY));
    assert_eq!(exact("date:2W"), exact("date:14d"));
    assert_eq!(exact("date:3m"), between(date(2024, 2, 16), TODAY));
    assert_eq!(exact("date:1y"), between(date(2023, 5, 16), TODAY));
    assert_eq!(exact("date:1Y"), between(date(2023, 5, 16), TODAY));
    assert_eq!(exact("-date:٧d"), not(between(date(2024, 5, 9), TODAY)));
    // Months are calendar months: from the day after the same day three months back,
    // which is clamped to the end of a shorter month.
    let may_31 = date(2024, 5, 31);
    assert_eq!(on("date:3m", may_31), between(date(2024, 3, 1), may_31));
    // Further back than the calendar goes: everything up to today.
    for text in [
        "date:20000y",
        "date:99999999999999999999999d",
        "date:9999999w",
    ] {
        assert_eq!(exact(text), days(None, Some(TODAY)), "{text}");
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
    not_a_date("date:7h", "7h");
    not_a_date("date:-7d", "-7d");
    not_a_date("date:7d..", "7d");
    not_a_date("date:2w..", "2w");
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
    assert_eq!(
        error("date:0w"),
        ("`0w` is an empty period (use 1w or more)".into(), "0w")
    );
}

#[test]
fn bookmarked_read_and_unread() {
    assert_eq!(exact("is:bookmarked"), BOOKMARKED);
    assert_eq!(
        exact("IS:Bookmarked حرب"),
        and(vec![BOOKMARKED, word("حرب")])
    );
    assert_eq!(
        exact("x -is:bookmarked"),
        and(vec![word("x"), not(BOOKMARKED)])
    );
    assert_eq!(exact("is:read"), READ);
    assert_eq!(exact("is:unread"), UNREAD);
    assert_eq!(exact("IS:UnRead"), UNREAD);
    assert_eq!(exact("-is:read"), not(READ));
    assert_eq!(exact("(is:unread)"), UNREAD);
    assert_eq!(
        error("is:new"),
        (
            "unknown `is:new` (use is:bookmarked, is:read or is:unread)".into(),
            "new"
        )
    );
    assert_eq!(
        error("is:"),
        ("`is:` needs a value, such as is:bookmarked".into(), "is:")
    );
}

#[test]
fn unknown_filters_are_errors() {
    for (text, key) in [
        ("حرب foo:bar", "foo:"),
        ("-Source:okaz", "Source:"),
        ("https://okaz.com.sa", "https:"),
        ("(a OR x:y)", "x:"),
    ] {
        let message = format!("unknown filter `{key}` (use src:, date:, is:)");
        assert_eq!(error(text), (message, key), "{text}");
    }
}

#[test]
fn the_first_filter_error_is_reported() {
    assert_eq!(error("date:2021-13 foo:x").1, "2021-13");
    assert_eq!(error("foo:x date:2021-13").1, "foo:");
}

#[test]
fn everything_together() {
    assert_eq!(
        typed(
            "-\"الأمم المتحدة\" src:عنب,okaz date:2020..2021-06 (is:bookmarked OR is:unread) -sana حل"
        ),
        and(vec![
            not(phrase(&["الأمم", "المتحدة"])),
            source(&["enabbaladi", "okaz"]),
            between(date(2020, 1, 1), date(2021, 6, 30)),
            Expr::Any(vec![BOOKMARKED, UNREAD]),
            not(word("sana")),
            super::tests::prefix("حل"),
        ])
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
