//! Narrowing as you type (issue: "each added letter never adds an article"): on
//! SaudiNewsNet, for words of the corpus taken at random, the articles found for each
//! prefix of the word, typed letter by letter, hold those of the next prefix, and the
//! whole word's articles (once a space ends it) are among those of its last prefix.
//! Run with `--nocapture` for the number of words and prefixes checked.

use std::path::PathBuf;
use std::sync::LazyLock;

use qari::article::Article;
use qari::corpus::load_paths;
use qari::corpus::sources::Outlets;
use qari::index::query::{Mode, parse};
use qari::index::{Index, Order};

static CORPUS: LazyLock<(Vec<Article>, Index)> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/saudinewsnet");
    let articles = load_paths(&[root]).articles;
    let index = Index::build(&articles);
    (articles, index)
});

/// What the filter bar finds for `text` typed into it, the cursor at the end.
fn found(index: &Index, text: &str) -> Vec<u32> {
    let typing = Mode::Typing { cursor: text.len() };
    let query = parse(
        text,
        typing,
        jiff::civil::date(2015, 8, 1),
        Outlets::embedded(),
    )
    .unwrap();
    let mut found = index.search(&query, Order::Date).unwrap();
    found.sort_unstable();
    found
}

fn is_subset(inner: &[u32], outer: &[u32]) -> bool {
    inner.iter().all(|n| outer.binary_search(n).is_ok())
}

/// Words of the corpus, picked by a fixed pseudo-random walk over the articles' text so
/// that every run checks the same words.
fn sample_words(articles: &[Article], count: usize) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut words = Vec::new();
    while words.len() < count {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let article = &articles[(state % articles.len() as u64) as usize];
        let Some(paragraph) = article
            .paragraphs
            .get((state >> 20) as usize % article.paragraphs.len().max(1))
        else {
            continue;
        };
        let candidates: Vec<&str> = paragraph
            .text
            .split_whitespace()
            .filter(|w| {
                w.chars().count() >= 3 && w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))
            })
            .collect();
        if let Some(word) = candidates.get((state >> 40) as usize % candidates.len().max(1)) {
            words.push((*word).to_owned());
        }
    }
    words
}

#[test]
fn each_added_letter_never_adds_an_article() {
    let (articles, index) = &*CORPUS;
    let words = sample_words(articles, 300);
    let mut counterexamples = Vec::new();
    let mut prefixes = 0;
    for word in &words {
        let letters: Vec<(usize, char)> = word.char_indices().collect();
        let mut previous: Option<(String, Vec<u32>)> = None;
        for &(at, c) in &letters {
            let prefix = &word[..at + c.len_utf8()];
            let set = found(index, prefix);
            prefixes += 1;
            if let Some((before, before_set)) = &previous
                && !is_subset(&set, before_set)
            {
                counterexamples.push(format!(
                    "{before} {} → {prefix} {}",
                    before_set.len(),
                    set.len()
                ));
            }
            previous = Some((prefix.to_owned(), set));
        }
        let whole = found(index, &format!("{word} "));
        if let Some((last, last_set)) = &previous
            && !is_subset(&whole, last_set)
        {
            counterexamples.push(format!(
                "{last} {} → «{word} » {}",
                last_set.len(),
                whole.len()
            ));
        }
    }
    println!(
        "narrowing: {} words, {prefixes} prefixes, {} counterexamples",
        words.len(),
        counterexamples.len()
    );
    assert!(
        counterexamples.is_empty(),
        "{:#?}",
        &counterexamples[..counterexamples.len().min(20)]
    );
}

#[test]
fn typing_saud_narrows_letter_by_letter() {
    let (_, index) = &*CORPUS;
    let counts: Vec<usize> = ["س", "سع", "سعو", "سعود"]
        .iter()
        .map(|p| found(index, p).len())
        .collect();
    println!(
        "س سع سعو سعود: {counts:?}, سعود as a word: {}",
        found(index, "سعود ").len()
    );
    assert!(
        counts.windows(2).all(|pair| pair[1] <= pair[0]),
        "{counts:?}"
    );
}
