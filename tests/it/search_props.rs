//! A property of the index: for random queries over the sample, every result satisfies
//! every clause, and no article that satisfies them all is missing — checked against a
//! slow direct scan of each article's words (and, for `is:bookmarked`, of a set of
//! bookmarked articles).

use proptest::prelude::*;
use qari::article::Article;
use qari::corpus::load_sample;
use qari::corpus::sources::Outlets;
use qari::index::analyze::{Token, tokens};
use qari::index::query::{Clause, Query, parse};
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
    "-src:enabbaladi",
    "date:2021",
    "date:2024-11",
    "date:..2022",
    "-date:2021-01",
    "is:bookmarked",
    "-is:bookmarked",
];

/// The articles the searches are told have bookmarks.
fn is_bookmarked(n: u32) -> bool {
    n % 2 == 1
}

/// Each paragraph's tokens (title first), boilerplate left out, as the index sees them.
fn paragraphs(article: &Article) -> Vec<Vec<Token>> {
    std::iter::once(article.title.as_str())
        .chain(
            article
                .paragraphs
                .iter()
                .filter(|p| !p.boilerplate)
                .map(|p| p.text.as_str()),
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

fn satisfies(index: &Index, n: u32, article: &Article, query: &Query) -> bool {
    let text = paragraphs(article);
    query.clauses.iter().all(|clause| match clause {
        Clause::Word {
            text: typed,
            prefix,
            negated,
        } => {
            let words: Vec<String> = tokens(typed).into_iter().map(|t| t.normalized).collect();
            let found = words.is_empty() || has_sequence(index, &text, &words, *prefix);
            found != *negated
        }
        Clause::Phrase {
            words,
            prefix,
            negated,
        } => {
            let words: Vec<String> = tokens(&words.join(" "))
                .into_iter()
                .map(|t| t.normalized)
                .collect();
            let found = words.is_empty() || has_sequence(index, &text, &words, *prefix);
            found != *negated
        }
        Clause::Source { ids, negated } => {
            let found = article.source.as_ref().is_some_and(|s| ids.contains(&s.id));
            found != *negated
        }
        Clause::Date { range, negated } => {
            let found = article.date.date.is_some_and(|d| range.contains(d));
            found != *negated
        }
        Clause::Bookmarked { negated } => is_bookmarked(n) != *negated,
    })
}

fn query_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS).prop_map(str::to_owned);
    let clause = prop_oneof![
        4 => word.clone(),
        1 => word.clone().prop_map(|w| format!("-{w}")),
        1 => (word.clone(), word).prop_map(|(a, b)| format!("\"{a} {b}\"")),
        2 => prop::sample::select(FILTERS).prop_map(str::to_owned),
    ];
    (prop::collection::vec(clause, 1..4), any::<bool>()).prop_map(|(clauses, typing)| {
        let text = clauses.join(" ");
        if typing { text } else { format!("{text} ") }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn results_are_exactly_the_articles_that_satisfy_the_query(text in query_text()) {
        thread_local! {
            static CORPUS: (Vec<Article>, Index) = {
                let articles = load_sample().articles;
                let index = Index::build(&articles);
                (articles, index)
            };
        }
        let query = parse(&text, jiff::civil::date(2026, 1, 1), Outlets::embedded()).unwrap();
        CORPUS.with(|(articles, index)| {
            let mut bookmarked = Bitset::empty(articles.len());
            for n in (0..articles.len() as u32).filter(|&n| is_bookmarked(n)) {
                bookmarked.insert(n);
            }
            let limits = SearchLimits {
                bookmarked: Some(&bookmarked),
                ..SearchLimits::default()
            };
            let mut found: Vec<u32> = index.search_within(&query, Order::Date, limits).unwrap();
            found.sort_unstable();
            let expected: Vec<u32> = (0..articles.len() as u32)
                .filter(|&n| satisfies(index, n, &articles[n as usize], &query))
                .collect();
            prop_assert_eq!(found, expected, "query {:?}", text);
            Ok(())
        })?;
    }
}
