use proptest::prelude::*;

use super::*;
use crate::bookmarks::ParaOffset;

const FIRST: &str = "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده عرضت على إسرائيل التعامل مع تهديداتها الأمنية في سوريا.";
const SECOND: &str = "وأضاف في مؤتمره الصحفي السنوي في موسكو، الاثنين 18 من كانون الثاني، أن بلاده اقترحت تزويد إسرائيل بالمعلومات.";
const THIRD: &str = "ودعا لافروف إلى حل سياسي للأزمة السورية يرضي جميع الأطراف.";

fn body(paragraphs: &[&str]) -> LogicalBody {
    LogicalBody::from_paragraphs(paragraphs)
}

/// A bookmark of `words` inside `paragraph` of `paragraphs`.
fn mark(paragraphs: &[&str], paragraph: usize, words: &str) -> (Quote, Position) {
    let body = body(paragraphs);
    let byte = paragraphs[paragraph]
        .find(words)
        .expect("words in paragraph");
    let start = body.char_offset(ParaOffset { paragraph, byte }).unwrap();
    let range = start..start + words.chars().count();
    (Quote::at(&body, range.clone()).unwrap(), range.into())
}

fn anchored_text(body: &LogicalBody, anchor: &Anchor) -> Option<String> {
    match anchor {
        Anchor::Anchored { range, .. } => Some(body.slice(range.clone()).unwrap().to_owned()),
        Anchor::Orphaned => None,
    }
}

#[test]
fn an_unchanged_body_anchors_at_the_position() {
    let paragraphs = [FIRST, SECOND, THIRD];
    let (quote, position) = mark(&paragraphs, 1, "مؤتمره الصحفي السنوي");
    assert_eq!(
        anchor(&body(&paragraphs), &quote, position),
        Anchor::Anchored {
            range: position.range(),
            how: AnchorHow::Unchanged
        }
    );
}

#[test]
fn text_inserted_before_moves_the_passage() {
    let (quote, position) = mark(&[FIRST, SECOND, THIRD], 1, "مؤتمره الصحفي السنوي");
    let edited = body(&["خبر عاجل: تحديث.", FIRST, SECOND, THIRD]);
    let shift = "خبر عاجل: تحديث.\n\n".chars().count();
    assert_eq!(
        anchor(&edited, &quote, position),
        Anchor::Anchored {
            range: position.start + shift..position.end + shift,
            how: AnchorHow::Moved
        }
    );
}

#[test]
fn text_removed_before_moves_the_passage() {
    let (quote, position) = mark(&[FIRST, SECOND, THIRD], 2, "حل سياسي للأزمة");
    let edited = body(&[SECOND, THIRD]);
    let found = anchor(&edited, &quote, position);
    assert_eq!(anchored_text(&edited, &found).unwrap(), "حل سياسي للأزمة");
    assert!(matches!(
        found,
        Anchor::Anchored {
            how: AnchorHow::Moved,
            ..
        }
    ));
}

#[test]
fn a_slightly_edited_passage_is_found_in_its_context() {
    let words = "الاثنين 18 من كانون الثاني، أن بلاده اقترحت";
    let (quote, position) = mark(&[FIRST, SECOND, THIRD], 1, words);
    let second = SECOND.replace("18 من", "19 من");
    let edited = body(&[FIRST, &second, THIRD]);
    let found = anchor(&edited, &quote, position);
    assert!(
        matches!(
            found,
            Anchor::Anchored {
                how: AnchorHow::Edited,
                ..
            }
        ),
        "{found:?}"
    );
    assert_eq!(
        anchored_text(&edited, &found).unwrap(),
        "الاثنين 19 من كانون الثاني، أن بلاده اقترحت"
    );
}

#[test]
fn a_rewritten_passage_is_orphaned() {
    let words = "الاثنين 18 من كانون الثاني";
    let (quote, position) = mark(&[FIRST, SECOND, THIRD], 1, words);
    let second = SECOND.replace(words, "يوم الثلاثاء الماضي");
    let edited = body(&[FIRST, &second, THIRD]);
    assert_eq!(anchor(&edited, &quote, position), Anchor::Orphaned);
}

#[test]
fn a_deleted_passage_is_orphaned() {
    let (quote, position) = mark(&[FIRST, SECOND, THIRD], 1, SECOND);
    assert_eq!(
        anchor(&body(&[FIRST, THIRD]), &quote, position),
        Anchor::Orphaned
    );
    let (quote, position) = mark(&[FIRST, SECOND, THIRD], 0, "لافروف إن بلاده");
    let first = FIRST.replace("لافروف إن بلاده", "");
    assert_eq!(
        anchor(&body(&[&first, SECOND, THIRD]), &quote, position),
        Anchor::Orphaned
    );
}

#[test]
fn a_deleted_sentence_is_not_taken_for_its_similar_neighbour() {
    let a = "ارتفع عدد القتلى في مدينة حمص إلى ثلاثين شخصا.";
    let b = "ارتفع عدد القتلى في مدينة حماة إلى عشرين شخصا.";
    let paragraph = format!("{a} {b} وقالت مصادر محلية إن القصف مستمر.");
    let (quote, position) = mark(&[FIRST, &paragraph], 1, a);
    let without_a = format!("{b} وقالت مصادر محلية إن القصف مستمر.");
    assert_eq!(
        anchor(&body(&[FIRST, &without_a]), &quote, position),
        Anchor::Orphaned
    );
}

#[test]
fn a_duplicated_passage_stays_on_the_original() {
    let words = "بلاده عرضت على إسرائيل";
    let (quote, position) = mark(&[FIRST, SECOND, THIRD], 0, words);
    // The same words quoted again, before and after, in other sentences.
    let quoted = format!("ونقلت الوكالة عنه أن {words} المساعدة.");
    for paragraphs in [
        [quoted.as_str(), FIRST, SECOND, THIRD],
        [FIRST, SECOND, &quoted, THIRD],
    ] {
        let edited = body(&paragraphs);
        let found = anchor(&edited, &quote, position);
        let Anchor::Anchored { range, .. } = found else {
            panic!("orphaned")
        };
        let original = edited.text().find(FIRST).unwrap();
        let first_start = edited.text()[..original].chars().count();
        assert_eq!(
            range.start,
            first_start + FIRST[..FIRST.find(words).unwrap()].chars().count()
        );
    }
}

#[test]
fn the_nearest_of_equal_occurrences_wins_when_context_is_gone() {
    let text = ["x نعم y", "z نعم w", "u نعم v"];
    let quote = Quote {
        exact: "نعم".into(),
        prefix: "قبل ".into(),
        suffix: " بعد".into(),
    };
    let edited = body(&text);
    let second = edited.text().chars().position(|c| c == 'z').unwrap() + 2;
    let position = Position {
        start: second + 1,
        end: second + 4,
    };
    assert_eq!(
        anchor(&edited, &quote, position),
        Anchor::Anchored {
            range: second..second + 3,
            how: AnchorHow::Moved
        }
    );
}

#[test]
fn quotes_take_context_within_the_body() {
    let body = body(&["abc", "def"]);
    let quote = Quote::at(&body, 0..3).unwrap();
    assert_eq!(
        (
            quote.prefix.as_str(),
            quote.exact.as_str(),
            quote.suffix.as_str()
        ),
        ("", "abc", "\n\ndef")
    );
    assert_eq!(Quote::at(&body, 3..3), None);
    assert_eq!(Quote::at(&body, 0..9), None);
}

/// Words of random letters: a passage practically never occurs twice by chance.
fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[ابتثجحخدذرزسشصضطظعغفقكلمنهوي]{3,7}", range)
}

proptest! {
    #[test]
    fn insertions_before_keep_the_same_words(
        before in words(5..30), passage in words(1..12), after in words(0..30),
        inserted in words(1..20),
    ) {
        let old = format!("{} {} {}", before.join(" "), passage.join(" "), after.join(" "));
        let passage = passage.join(" ");
        let start = before.join(" ").chars().count() + 1;
        let range = start..start + passage.chars().count();
        let old_body = body(&[&old]);
        let quote = Quote::at(&old_body, range.clone()).unwrap();
        prop_assert_eq!(&quote.exact, &passage);
        let inserted = inserted.join(" ");
        let new_body = body(&[&inserted, &old]);
        let shift = inserted.chars().count() + 2;
        prop_assert_eq!(
            anchor(&new_body, &quote, range.clone().into()),
            Anchor::Anchored { range: range.start + shift..range.end + shift, how: AnchorHow::Moved }
        );
    }

    #[test]
    fn a_deleted_passage_is_never_attached_elsewhere(
        before in words(5..30), passage in words(3..12), after in words(0..30),
    ) {
        let old = format!("{} {} {}", before.join(" "), passage.join(" "), after.join(" "));
        let start = before.join(" ").chars().count() + 1;
        let range = start..start + passage.join(" ").chars().count();
        let quote = Quote::at(&body(&[&old]), range.clone()).unwrap();
        let new = format!("{} {}", before.join(" "), after.join(" "));
        prop_assert_eq!(anchor(&body(&[&new]), &quote, range.into()), Anchor::Orphaned);
    }

    #[test]
    fn a_letter_changed_in_a_long_passage_is_found_on_the_changed_words(
        before in words(5..30), passage in words(8..20), after in words(1..30),
        which in any::<prop::sample::Index>(), letter in "[ابتثجحخدذرزسشصضطظعغفقكلمنهوي]",
    ) {
        let old = format!("{} {} {}", before.join(" "), passage.join(" "), after.join(" "));
        let start = before.join(" ").chars().count() + 1;
        let range = start..start + passage.join(" ").chars().count();
        let quote = Quote::at(&body(&[&old]), range.clone()).unwrap();
        let mut edited = passage.clone();
        let word = which.index(edited.len());
        let mut letters: Vec<char> = edited[word].chars().collect();
        letters[0] = letter.chars().next().unwrap();
        edited[word] = letters.into_iter().collect();
        prop_assume!(edited != passage);
        let new = format!("{} {} {}", before.join(" "), edited.join(" "), after.join(" "));
        let new_body = body(&[&new]);
        let found = anchor(&new_body, &quote, range.clone().into());
        prop_assert_eq!(
            found,
            Anchor::Anchored { range, how: AnchorHow::Edited }
        );
    }
}
