//! Heavy prefixes are found by their postings, and a precomputed set answers a prefix
//! exactly as merging its terms would.

use super::*;
use crate::article::{Article, ArticleId, Paragraph};
use crate::corpus::load_sample;
use crate::index::query::{Mode, parse};
use crate::index::{Index, Order};

/// `with` articles holding three words that begin with است and one with كتاب, then
/// `without` articles holding only كتاب.
fn articles(with: usize, without: usize) -> Vec<Article> {
    let template = load_sample().articles.remove(0);
    (0..with + without)
        .map(|n| {
            let text = if n < with {
                "استقبال استمرار استثمار في كتاب"
            } else {
                "كتاب"
            };
            Article {
                id: ArticleId::new(&format!("a{n}")),
                title: "عنوان".to_owned(),
                paragraphs: vec![Paragraph {
                    text: text.to_owned(),
                    boilerplate: false,
                }]
                .into(),
                ..template.clone()
            }
        })
        .collect()
}

fn typed(index: &Index, text: &str) -> Vec<u32> {
    let today = jiff::civil::date(2024, 12, 1);
    let mode = Mode::Typing { cursor: text.len() };
    let outlets = crate::corpus::sources::Outlets::embedded();
    let query = parse(text, mode, today, outlets).unwrap();
    let mut found = index.search(&query, Order::Date).unwrap();
    found.sort_unstable();
    found
}

#[test]
fn a_prefix_is_heavy_by_its_postings_relative_to_the_articles() {
    // 16,000 articles: the threshold is 24,000 postings. است has 36,000 (three terms in
    // each of 12,000 articles), each longer prefix 12,000, كتا 16,000.
    let index = Index::build(&articles(12_000, 4_000));
    let heavy = heavy_prefixes(&index.terms, &index.postings, heavy_postings(16_000));
    assert_eq!(heavy, vec!["است"]);
    assert!(index.prefix_sets.contains_key("است"));
    assert!(!index.prefix_sets.contains_key("كتا"));
    assert!(
        index.prefix_sets.contains_key("اس"),
        "short prefixes are always there"
    );
}

#[test]
fn a_heavy_prefix_finds_what_its_terms_find() {
    let index = Index::build(&articles(12_000, 4_000));
    let expected: Vec<u32> = (0..12_000).collect();
    assert_eq!(typed(&index, "است"), expected, "from the precomputed set");
    assert_eq!(typed(&index, "استق"), expected, "merged from its terms");
    assert_eq!(typed(&index, "كتا").len(), 16_000);
}

#[test]
fn a_small_corpus_has_no_heavy_prefix() {
    let index = Index::build(&articles(100, 100));
    let heavy = heavy_prefixes(&index.terms, &index.postings, heavy_postings(200));
    assert!(heavy.is_empty(), "{heavy:?}");
    assert_eq!(typed(&index, "است").len(), 100);
}
