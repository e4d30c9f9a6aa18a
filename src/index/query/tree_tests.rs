//! The tree: OR binding tighter than the spaces around it, groups, exclusions of groups,
//! what typing forgives at the end of the text, and the errors of the syntax.

use jiff::civil::date;

use super::tests::{
    EVERYTHING, TODAY, and, clause, error, exact, not, or, phrase, prefix, typed, typed_at,
    typing_error, word,
};
use super::*;

#[test]
fn or_binds_tighter_than_the_spaces_around_it() {
    assert_eq!(exact("a OR b"), or(vec![word("a"), word("b")]));
    assert_eq!(
        exact("x a OR b y"),
        and(vec![word("x"), or(vec![word("a"), word("b")]), word("y")])
    );
    assert_eq!(
        exact("a OR b OR \"c d\""),
        or(vec![word("a"), word("b"), phrase(&["c", "d"])])
    );
    assert_eq!(
        exact("-a OR src:okaz"),
        or(vec![
            not(word("a")),
            clause(Clause::Source {
                ids: vec!["okaz".into()]
            })
        ])
    );
    assert_eq!(
        typed("سوريا OR لبن"),
        or(vec![word("سوريا"), prefix("لبن")])
    );
    // Only in capitals and on its own.
    assert_eq!(exact("a or b"), and(vec![word("a"), word("or"), word("b")]));
    assert_eq!(exact("a ORB"), and(vec![word("a"), word("ORB")]));
    assert_eq!(exact("\"OR\""), phrase(&["OR"]));
}

#[test]
fn parentheses_group() {
    assert_eq!(
        exact("(a OR b) c"),
        and(vec![or(vec![word("a"), word("b")]), word("c")])
    );
    assert_eq!(
        exact("(a b) OR c"),
        or(vec![and(vec![word("a"), word("b")]), word("c")])
    );
    assert_eq!(
        exact("x -(a OR b)"),
        and(vec![word("x"), not(or(vec![word("a"), word("b")]))])
    );
    assert_eq!(exact("((a))(b)"), and(vec![word("a"), word("b")]));
    assert_eq!(
        exact("(src:okaz OR date:2021)"),
        or(vec![
            clause(Clause::Source {
                ids: vec!["okaz".into()]
            }),
            clause(Clause::Date {
                range: DateRange {
                    from: Some(date(2021, 1, 1)),
                    to: Some(date(2021, 12, 31)),
                }
            }),
        ])
    );
    // The cursor before the `)`: the word it ends is being typed.
    let text = "(a OR bc)";
    assert_eq!(
        typed_at(text, text.len() - 1),
        or(vec![word("a"), prefix("bc")])
    );
    assert_eq!(typed(text), or(vec![word("a"), word("bc")]));
}

#[test]
fn while_typing_an_unclosed_group_is_closed_at_the_end() {
    assert_eq!(
        typed("x (a OR b"),
        and(vec![word("x"), or(vec![word("a"), prefix("b")])])
    );
    assert_eq!(
        typed("x -(a b"),
        and(vec![word("x"), not(and(vec![word("a"), prefix("b")]))])
    );
    assert_eq!(typed("x ((a"), and(vec![word("x"), prefix("a")]));
    // Nothing in it yet.
    assert_eq!(typed("x ("), word("x"));
    assert_eq!(typed("x -( "), word("x"));
    assert_eq!(typed("("), EVERYTHING);
}

#[test]
fn while_typing_an_or_at_the_end_waits_for_its_other_side() {
    assert_eq!(typed("a OR"), word("a"));
    assert_eq!(typed("a OR "), word("a"));
    assert_eq!(typed("x a OR  "), and(vec![word("x"), word("a")]));
    assert_eq!(typed("(a OR"), word("a"));
    assert_eq!(typed("a OR b OR"), or(vec![word("a"), word("b")]));
}

#[test]
fn syntax_errors_point_at_what_is_wrong() {
    let unclosed = || ("this `(` is never closed: add a `)`".to_owned(), "(");
    assert_eq!(error("x (a OR b"), unclosed());
    assert_eq!(error("-("), unclosed());
    assert_eq!(error("(a) (b"), unclosed());
    let stray = || ("this `)` closes no `(`".to_owned(), ")");
    assert_eq!(error("a)"), stray());
    assert_eq!(error("(a)) b"), stray());
    assert_eq!(typing_error("a) b"), stray());
    let before = || {
        (
            "`OR` needs a word, phrase, filter or group before it".to_owned(),
            "OR",
        )
    };
    assert_eq!(error("OR b"), before());
    assert_eq!(error("(OR b)"), before());
    assert_eq!(typing_error("a (OR b"), before());
    let after = || {
        (
            "`OR` needs a word, phrase, filter or group after it".to_owned(),
            "OR",
        )
    };
    assert_eq!(error("a OR"), after());
    assert_eq!(error("a OR "), after());
    assert_eq!(error("(a OR) b"), after());
    assert_eq!(typing_error("(a OR) b"), after());
    assert_eq!(error("a OR OR b"), after());
    assert_eq!(typing_error("a OR OR b"), after());
    let empty = || "nothing between the parentheses".to_owned();
    assert_eq!(error("a ()"), (empty(), "()"));
    assert_eq!(error("-( )"), (empty(), "( )"));
    assert_eq!(typing_error("x () y"), (empty(), "()"));
}

#[test]
fn the_first_error_is_reported() {
    assert_eq!(error("a) foo:x").1, ")");
    assert_eq!(error("foo:x a)").1, "foo:");
    assert_eq!(error("OR (").1, "OR");
}

#[test]
fn uses_bookmarks_and_reading_look_through_the_whole_tree() {
    for (text, bookmarks, reading) in [
        ("is:bookmarked", true, false),
        ("حرب -(x OR is:bookmarked)", true, false),
        ("is:unread", false, true),
        ("a OR (b -is:read)", false, true),
        ("حرب src:okaz date:2021", false, false),
        ("\"is:bookmarked\" \"is:read\"", false, false),
        ("", false, false),
    ] {
        let query = parse(text, Mode::Exact, TODAY, Outlets::embedded()).unwrap();
        assert_eq!(query.uses_bookmarks(), bookmarks, "{text}");
        assert_eq!(query.uses_reading(), reading, "{text}");
    }
}

#[test]
fn positive_clauses_are_those_under_no_dash() {
    let query = parse(
        "a -b (c OR -d) -(e f)",
        Mode::Exact,
        TODAY,
        Outlets::embedded(),
    )
    .unwrap();
    let words: Vec<&str> = query
        .positive_clauses()
        .into_iter()
        .filter_map(|clause| match clause {
            Clause::Word { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(words, ["a", "c"]);
}
