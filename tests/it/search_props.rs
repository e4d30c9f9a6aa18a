//! A property of the index: for random queries over the sample (words, `word*`,
//! phrases, filters, OR, groups and exclusions, read exactly or as typed with the cursor
//! anywhere), every result satisfies the query, and no article that satisfies it is
//! missing — checked against a slow direct scan of each article's words (and, for `is:`,
//! of sets of bookmarked and read articles). Which forms are one word is the lexicon's,
//! asked through [`Index::matches_word`]; the scan checks everything else of the answer.

use proptest::prelude::*;
use qari::article::Article;
use qari::corpus::load_sample;
use qari::corpus::sources::Outlets;
use qari::index::analyze::{Token, tokens};
use qari::index::query::{Clause, Expr, Match, Mode, Query, Reading, parse};
use qari::index::{Bitset, Index, Order, SearchLimits};

/// Words to build queries from: some frequent, some rare, some absent, some partial.
const WORDS: &[&str] = &[
    "سوريا",
    "سورية",
    "روسيا",
    "لافروف",
    "حميميم",
    "قاعدة",
    "الأمنية",
    "إسرائيل",
    "موسكو",
    "الولايات",
    "المتحدة",
    "تركيا",
    "الإرهاب",
    "واشنطن",
    "بوتين",
    "كيري",
    "شمخاني",
    "غير",
    "موجود",
    "حمي",
    "لاف",
    "الإر",
    "2020",
    "٢٠٢٠",
    "وزير",
    "الخارجية",
];
const FILTERS: &[&str] = &[
    "src:enabbaladi",
    "src:alwatan-sy",
    "src:enabbaladi,alwatan-sy",
    "src:okaz,\"عنب بلدي\"",
    "date:2021",
    "date:2024-11",
    "date:..2022",
    "date:2w",
    "date:1y",
    "is:bookmarked",
    "is:read",
    "is:unread",
];
/// Words with nothing searchable in them: found in no article.
const NOTHING: &[&str] = &["--", "…", "،", "*"];

/// The articles the searches are told have bookmarks.
fn is_bookmarked(n: u32) -> bool {
    n % 2 == 1
}

/// The articles the searches are told have been read.
fn is_read(n: u32) -> bool {
    n.is_multiple_of(3)
}

fn set_of(count: usize, member: fn(u32) -> bool) -> Bitset {
    let mut set = Bitset::empty(count);
    for n in (0..count as u32).filter(|&n| member(n)) {
        set.insert(n);
    }
    set
}

/// Each paragraph's tokens (title first), boilerplate left out, as the index sees them.
fn paragraphs(article: &Article) -> Vec<Vec<Token>> {
    std::iter::once(article.title.as_str())
        .chain(
            article
                .paragraphs
                .iter()
                .filter(|p| !p.boilerplate)
                .map(|p| p.text),
        )
        .map(tokens)
        .collect()
}

/// Whether a token stands for the query word: one of its forms, or, typed, a form of a
/// word it begins. Which forms are one word is the lexicon's, asked through the index;
/// the scan checks everything else of the answer.
fn token_matches(index: &Index, token: &Token, wanted: &str, prefix: bool) -> bool {
    index.matches_word(wanted, prefix, &token.normalized)
}

fn has_sequence(index: &Index, article: &[Vec<Token>], words: &[String], prefix: bool) -> bool {
    let last = words.len() - 1;
    article.iter().any(|paragraph| {
        (0..paragraph.len()).any(|start| {
            paragraph.len() - start > last
                && (0..=last).all(|i| {
                    token_matches(index, &paragraph[start + i], &words[i], prefix && i == last)
                })
        })
    })
}

/// Whether the words of `typed` are in the article one after the other, the last
/// matched as `last` says; text with no word in it is in no article.
fn has_words(index: &Index, article: &[Vec<Token>], typed: &str, last: Match) -> bool {
    let words: Vec<String> = tokens(typed).into_iter().map(|t| t.normalized).collect();
    !words.is_empty() && has_sequence(index, article, &words, last == Match::Prefix)
}

fn satisfies(index: &Index, n: u32, article: &Article, expr: &Expr) -> bool {
    match expr {
        Expr::All(items) => items.iter().all(|e| satisfies(index, n, article, e)),
        Expr::Any(items) => items.iter().any(|e| satisfies(index, n, article, e)),
        Expr::Not(inner) => !satisfies(index, n, article, inner),
        Expr::Clause(clause) => match clause {
            Clause::Word { text, matching } => {
                has_words(index, &paragraphs(article), text, *matching)
            }
            Clause::Phrase { words, last } => {
                has_words(index, &paragraphs(article), &words.join(" "), *last)
            }
            Clause::Source { ids } => article.source.as_ref().is_some_and(|s| ids.contains(&s.id)),
            Clause::Date { range } => article.date.date.is_some_and(|d| range.contains(d)),
            Clause::Bookmarked => is_bookmarked(n),
            Clause::Reading(Reading::Read) => is_read(n),
            Clause::Reading(Reading::Unread) => !is_read(n),
        },
    }
}

/// A word, phrase or filter, perhaps excluded.
fn atom() -> impl Strategy<Value = String> {
    let word = || prop::sample::select(WORDS).prop_map(str::to_owned);
    prop_oneof![
        6 => word(),
        2 => word().prop_map(|w| format!("{w}*")),
        2 => word().prop_map(|w| format!("-{w}")),
        1 => word().prop_map(|w| format!("-{w}*")),
        2 => (word(), word()).prop_map(|(a, b)| format!("\"{a} {b}\"")),
        1 => (word(), word()).prop_map(|(a, b)| format!("-\"{a} {b}*\"")),
        3 => prop::sample::select(FILTERS).prop_map(str::to_owned),
        1 => prop::sample::select(FILTERS).prop_map(|f| format!("-{f}")),
        1 => prop::sample::select(NOTHING).prop_map(str::to_owned),
    ]
}

/// Atoms combined with OR, groups and excluded groups, a few levels deep.
fn expr() -> impl Strategy<Value = String> {
    atom().prop_recursive(3, 24, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} OR {b}")),
            prop::collection::vec(inner.clone(), 1..4).prop_map(|v| format!("({})", v.join(" "))),
            prop::collection::vec(inner, 1..3).prop_map(|v| format!("-({})", v.join(" "))),
        ]
    })
}

/// A filter text and how it is read: exactly, or typed with the cursor at a character
/// boundary (often the end).
fn query_text() -> impl Strategy<Value = (String, Mode)> {
    (
        prop::collection::vec(expr(), 1..4),
        any::<bool>(),
        0..3u8,
        any::<prop::sample::Index>(),
    )
        .prop_map(|(items, space_after, how, place)| {
            let mut text = items.join(" ");
            if space_after {
                text.push(' ');
            }
            let mode = match how {
                0 => Mode::Exact,
                1 => Mode::Typing { cursor: text.len() },
                _ => {
                    let boundaries: Vec<usize> = text
                        .char_indices()
                        .map(|(i, _)| i)
                        .chain([text.len()])
                        .collect();
                    Mode::Typing {
                        cursor: boundaries[place.index(boundaries.len())],
                    }
                }
            };
            (text, mode)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn results_are_exactly_the_articles_that_satisfy_the_query((text, mode) in query_text()) {
        thread_local! {
            static CORPUS: (Vec<Article>, Index) = {
                let articles = load_sample().articles;
                let index = Index::build(&articles);
                (articles, index)
            };
        }
        let today = jiff::civil::date(2024, 11, 20);
        let query: Query = parse(&text, mode, today, Outlets::embedded())
            .unwrap_or_else(|err| panic!("{text:?} ({mode:?}): {err}"));
        CORPUS.with(|(articles, index)| {
            let bookmarked = set_of(articles.len(), is_bookmarked);
            let read = set_of(articles.len(), is_read);
            let limits = SearchLimits {
                bookmarked: Some(&bookmarked),
                read: Some(&read),
                ..SearchLimits::default()
            };
            let mut found: Vec<u32> = index.search_within(&query, Order::Date, limits).unwrap();
            found.sort_unstable();
            let expected: Vec<u32> = (0..articles.len() as u32)
                .filter(|&n| satisfies(index, n, &articles[n as usize], &query.expr))
                .collect();
            prop_assert_eq!(found, expected, "query {:?} ({:?})", text, mode);
            Ok(())
        })?;
    }
}
