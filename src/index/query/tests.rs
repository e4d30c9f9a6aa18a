//! Words, phrases and exclusions, the two modes, and the helpers of the other query
//! tests: the tree (OR, groups) and its errors are in `tree_tests.rs`, filters in
//! `filter_tests.rs`.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;

/// A Wednesday, mid-month, in a leap year.
pub(super) const TODAY: Date = date(2024, 5, 15);

/// `text` as `qari list -q` reads it.
pub(super) fn exact(text: &str) -> Expr {
    parsed(text, Mode::Exact, TODAY)
}

/// `text` typed into the bar, the cursor at its end.
pub(super) fn typed(text: &str) -> Expr {
    typed_at(text, text.len())
}

/// `text` in the bar with the cursor at byte `cursor`.
pub(super) fn typed_at(text: &str, cursor: usize) -> Expr {
    parsed(text, Mode::Typing { cursor }, TODAY)
}

pub(super) fn parsed(text: &str, mode: Mode, today: Date) -> Expr {
    match parse(text, mode, today, Outlets::embedded()) {
        Ok(query) => query.expr,
        Err(error) => panic!("{text:?} ({mode:?}): {error} at {:?}", error.span),
    }
}

/// The message and the underlined text, read exactly.
pub(super) fn error(text: &str) -> (String, &str) {
    error_in(text, Mode::Exact)
}

/// The same, typed with the cursor at the end.
pub(super) fn typing_error(text: &str) -> (String, &str) {
    error_in(text, Mode::Typing { cursor: text.len() })
}

fn error_in(text: &str, mode: Mode) -> (String, &str) {
    match parse(text, mode, TODAY, Outlets::embedded()) {
        Ok(query) => panic!("{text:?} ({mode:?}) parsed: {query:?}"),
        Err(error) => (error.message, &text[error.span]),
    }
}

pub(super) fn clause(clause: Clause) -> Expr {
    Expr::Clause(clause)
}

/// A word, matching its own forms.
pub(super) fn word(text: &str) -> Expr {
    clause(Clause::Word {
        text: text.into(),
        matching: Match::Word,
    })
}

/// A word matching every word it begins.
pub(super) fn prefix(text: &str) -> Expr {
    clause(Clause::Word {
        text: text.into(),
        matching: Match::Prefix,
    })
}

fn phrase_with(words: &[&str], last: Match) -> Expr {
    clause(Clause::Phrase {
        words: words.iter().map(ToString::to_string).collect(),
        last,
    })
}

pub(super) fn phrase(words: &[&str]) -> Expr {
    phrase_with(words, Match::Word)
}

pub(super) fn prefix_phrase(words: &[&str]) -> Expr {
    phrase_with(words, Match::Prefix)
}

pub(super) fn and(items: Vec<Expr>) -> Expr {
    Expr::All(items)
}

pub(super) fn or(items: Vec<Expr>) -> Expr {
    Expr::Any(items)
}

pub(super) fn not(inner: Expr) -> Expr {
    Expr::Not(Box::new(inner))
}

pub(super) const EVERYTHING: Expr = Expr::All(Vec::new());

#[test]
fn an_empty_text_matches_everything() {
    for text in ["", " ", "  \t ", "\u{a0}"] {
        assert_eq!(exact(text), EVERYTHING, "{text:?}");
        assert_eq!(typed(text), EVERYTHING, "{text:?}");
    }
}

#[test]
fn while_typing_the_word_the_cursor_ends_is_a_prefix() {
    assert_eq!(typed("سوريا"), prefix("سوريا"));
    assert_eq!(typed("سوريا دمش"), and(vec![word("سوريا"), prefix("دمش")]));
    assert_eq!(typed("سوريا دمشق "), and(vec![word("سوريا"), word("دمشق")]));
    assert_eq!(typed("  covid  19"), and(vec![word("covid"), prefix("19")]));
    // The cursor moved back to the end of the first word.
    let text = "حميم سوريا";
    assert_eq!(
        typed_at(text, "حميم".len()),
        and(vec![prefix("حميم"), word("سوريا")])
    );
    // In the middle of a word, no word ends at the cursor.
    assert_eq!(
        typed_at(text, "حم".len()),
        and(vec![word("حميم"), word("سوريا")])
    );
    // A cursor past the end or off a character boundary makes nothing a prefix.
    assert_eq!(typed_at("حرب", 100), word("حرب"));
    assert_eq!(typed_at("حرب", 1), word("حرب"));
}

#[test]
fn read_exactly_a_word_is_a_word_and_only_a_star_asks_for_a_prefix() {
    assert_eq!(exact("سوريا"), word("سوريا"));
    assert_eq!(exact("حميم*"), prefix("حميم"));
    assert_eq!(
        exact("حميم* سوريا"),
        and(vec![prefix("حميم"), word("سوريا")])
    );
    assert_eq!(typed("حميم* "), prefix("حميم"));
    assert_eq!(typed("حميم*"), prefix("حميم"));
    // One star is taken; a star alone is a punctuation mark, found in no article.
    assert_eq!(exact("ab**"), prefix("ab*"));
    assert_eq!(exact("*"), word("*"));
}

#[test]
fn words_split_at_whitespace_and_parentheses_and_nothing_else() {
    assert_eq!(
        exact("أ\tب\u{a0}ج\n"),
        and(vec![word("أ"), word("ب"), word("ج")])
    );
    assert_eq!(
        exact("U.S. ،الحرب؟ ab\"c 10:30 قال:"),
        and(vec![
            word("U.S."),
            word("،الحرب؟"),
            word("ab\"c"),
            word("10:30"),
            word("قال:"),
        ])
    );
    assert_eq!(exact("f(x)"), and(vec![word("f"), word("x")]));
}

#[test]
fn words_are_kept_as_typed() {
    assert_eq!(
        exact("الْحَرْبُ الـحرب إِلى ٢٠٢١ COVID or"),
        and(vec![
            word("الْحَرْبُ"),
            word("الـحرب"),
            word("إِلى"),
            word("٢٠٢١"),
            word("COVID"),
            word("or"),
        ])
    );
}

#[test]
fn words_with_nothing_searchable_are_kept_and_dashes_twice_are_words() {
    // The index finds them in no article (they used to vanish and match everything).
    assert_eq!(exact("--"), word("--"));
    assert_eq!(exact("…"), word("…"));
    assert_eq!(exact("سوريا ،"), and(vec![word("سوريا"), word("،")]));
    assert_eq!(exact("--x"), word("--x"));
    assert_eq!(exact("-—"), not(word("—")));
}

#[test]
fn phrases() {
    assert_eq!(
        exact("\"عنب بلدي\" سوريا"),
        and(vec![phrase(&["عنب", "بلدي"]), word("سوريا")])
    );
    assert_eq!(exact("\"عنب  بلدي\""), phrase(&["عنب", "بلدي"]));
    assert_eq!(exact("\"كلمة\""), phrase(&["كلمة"]));
    // A filter, OR and parentheses inside quotes are text.
    assert_eq!(exact("\"src:okaz\""), phrase(&["src:okaz"]));
    assert_eq!(exact("\"a OR (b)\""), phrase(&["a", "OR", "(b)"]));
    // A closing quote ends the phrase even without a space after it.
    assert_eq!(exact("\"a b\"c"), and(vec![phrase(&["a", "b"]), word("c")]));
    // A star on the last word asks for a prefix.
    assert_eq!(exact("\"عنب بل*\""), prefix_phrase(&["عنب", "بل"]));
    assert_eq!(exact("\"a* b\""), phrase(&["a*", "b"]));
}

#[test]
fn an_unterminated_phrase_is_being_typed() {
    assert_eq!(typed("\"الحرب في"), prefix_phrase(&["الحرب", "في"]));
    assert_eq!(
        typed("x \"الحرب في "),
        and(vec![word("x"), phrase(&["الحرب", "في"])])
    );
    assert_eq!(typed("\"الحرب"), prefix_phrase(&["الحرب"]));
    // The cursor elsewhere: its last word is a word.
    assert_eq!(typed_at("\"الحرب في", 1), phrase(&["الحرب", "في"]));
    // The cursor at the end of the last word of a closed phrase.
    let text = "\"عنب بل\"";
    assert_eq!(
        typed_at(text, text.len() - 1),
        prefix_phrase(&["عنب", "بل"])
    );
    assert_eq!(typed(text), phrase(&["عنب", "بل"]));
    // Nothing typed after the quote yet.
    for (text, expected) in [
        ("\"", EVERYTHING),
        ("\"  ", EVERYTHING),
        ("-\"", EVERYTHING),
        ("a \"", word("a")),
    ] {
        assert_eq!(typed(text), expected, "{text:?}");
    }
}

#[test]
fn an_unterminated_phrase_read_exactly_is_an_error() {
    let never_closed = || ("this quote is never closed: add a `\"`".to_owned(), "\"");
    assert_eq!(error("\"الحرب في"), never_closed());
    assert_eq!(error("x -\""), never_closed());
    assert_eq!(error("src:\"عنب بل"), never_closed());
}

#[test]
fn empty_quotes_are_an_error() {
    for text in ["\"\"", "-\"\"", "a \"\" b", "\"  \""] {
        let message = "nothing between the quotes".to_owned();
        let quotes = text
            .trim_start_matches(['a', ' ', '-'])
            .trim_end_matches([' ', 'b']);
        assert_eq!(error(text), (message.clone(), quotes), "{text:?}");
        assert_eq!(typing_error(text), (message, quotes), "{text:?}");
    }
}

#[test]
fn exclusions_of_each_kind() {
    assert_eq!(exact("-حرب"), not(word("حرب")));
    assert_eq!(typed("-حرب"), not(prefix("حرب")));
    assert_eq!(exact("-حرب سلام"), and(vec![not(word("حرب")), word("سلام")]));
    assert_eq!(exact("-\"عنب بلدي\""), not(phrase(&["عنب", "بلدي"])));
    assert_eq!(typed("-\"عنب بل"), not(prefix_phrase(&["عنب", "بل"])));
    assert_eq!(exact("-حميم*"), not(prefix("حميم")));
    assert_eq!(exact("-(a b)"), not(and(vec![word("a"), word("b")])));
    assert_eq!(exact("-(a)"), not(word("a")));
    // After a `-`, OR is the word it excludes.
    assert_eq!(exact("a -OR"), and(vec![word("a"), not(word("OR"))]));
}

#[test]
fn a_dash_alone_is_a_punctuation_mark_unless_just_typed() {
    assert_eq!(exact("-"), word("-"));
    assert_eq!(exact("a - b"), and(vec![word("a"), word("-"), word("b")]));
    assert_eq!(exact("(a -)"), and(vec![word("a"), word("-")]));
    // Just typed, it waits for what it will exclude.
    assert_eq!(typed("-"), EVERYTHING);
    assert_eq!(typed("a -"), word("a"));
    assert_eq!(typed("a OR -"), word("a"));
    assert_eq!(typed("a - "), and(vec![word("a"), word("-")]));
}

/// Whatever is typed gives a query or an error that underlines part of the text.
fn parses_without_panic(text: &str, mode: Mode) {
    if let Err(error) = parse(text, mode, TODAY, Outlets::embedded()) {
        assert!(
            text.get(error.span.clone()).is_some(),
            "{text:?}: {error:?}"
        );
        assert!(!error.span.is_empty(), "{text:?}: {error:?}");
        assert!(!error.message.is_empty());
    }
}

/// Any text parses or fails cleanly; what parses exactly also parses while being typed
/// with the cursor at the end (typing is never stricter).
fn typing_is_never_stricter(text: &str, cursor: usize) {
    parses_without_panic(text, Mode::Exact);
    parses_without_panic(text, Mode::Typing { cursor });
    if parse(text, Mode::Exact, TODAY, Outlets::embedded()).is_ok() {
        let typing = Mode::Typing { cursor };
        assert!(
            parse(text, typing, TODAY, Outlets::embedded()).is_ok(),
            "{text:?} parses exactly but not typed"
        );
    }
}

proptest! {
    #[test]
    fn any_text_parses_or_fails_cleanly(text in any::<String>(), cursor in 0usize..64) {
        typing_is_never_stricter(&text, cursor);
    }

    #[test]
    fn query_like_text_parses_or_fails_cleanly(
        text in r#"((-|"|\(|\)|OR|\*|,|src:|date:|is:|foo:|\.\.|[0-9]{1,5}|[-/]|[dmyw]|عنب|الوطن|okaz|bookmarked|read|٢|ب|ْ| |\t)){0,14}"#,
        cursor in 0usize..40,
    ) {
        typing_is_never_stricter(&text, cursor);
    }
}
