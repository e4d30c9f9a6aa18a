//! The postings hold every word's articles, counts and positions exactly as the text
//! has them, across blocks of entries and for counts past what one byte holds.

use crate::article::{Article, ArticleId, Paragraph};
use crate::corpus::load_sample;
use crate::index::Progress;
use crate::index::analyze::words;

use super::{PARAGRAPH_GAP, index_words};

/// Article `n` holds word ب `n` times in its first paragraph and, in a second, word ج
/// once every third article; some have very many words, to pass 255 and 128.
fn articles() -> Vec<Article> {
    let template = load_sample().articles.remove(0);
    (0..200)
        .map(|n| {
            let repeats = if n % 50 == 7 { 300 + n } else { n % 9 };
            let first = std::iter::repeat_n("بيت", repeats)
                .chain(["في", "دار"])
                .collect::<Vec<_>>()
                .join(" ");
            let mut paragraphs = vec![Paragraph {
                text: first,
                boilerplate: false,
            }];
            if n % 3 == 0 {
                paragraphs.push(Paragraph {
                    text: "دار بيت".to_owned(),
                    boilerplate: false,
                });
            }
            Article {
                id: ArticleId::new(&format!("a{n}")),
                title: "عنوان".to_owned(),
                paragraphs: paragraphs.into(),
                ..template.clone()
            }
        })
        .collect()
}

/// Each term's (article, positions) as read directly off the text.
fn direct(articles: &[Article], term: &str) -> Vec<(u32, Vec<u32>)> {
    let mut found = Vec::new();
    for (doc, article) in articles.iter().enumerate() {
        let mut position = 0;
        let mut here = Vec::new();
        let texts = std::iter::once(article.title.as_str())
            .chain(article.paragraphs.iter().map(|p| p.text));
        for text in texts {
            let mut all = words(text);
            while let Some(word) = all.next_word() {
                if word.normalized == term {
                    here.push(position);
                }
                position += 1;
            }
            position += PARAGRAPH_GAP;
        }
        if !here.is_empty() {
            found.push((doc as u32, here));
        }
    }
    found
}

#[test]
fn positions_and_counts_come_back_as_the_text_has_them() {
    let articles = articles();
    let built = index_words(&articles, &Progress::none());
    for (number, term) in built.terms.iter().enumerate() {
        let number = number as u32;
        let expected = direct(&articles, term);
        let docs = built.postings.docs(number);
        assert_eq!(docs.len(), expected.len(), "{term}");
        for (i, (doc, positions)) in expected.iter().enumerate() {
            assert_eq!(docs[i], *doc, "{term}");
            assert_eq!(
                built.postings.positions(number, i),
                *positions,
                "{term} in {doc}"
            );
            assert_eq!(built.postings.count(number, i) as usize, positions.len());
        }
        let occurrences: usize = expected.iter().map(|(_, p)| p.len()).sum();
        assert_eq!(
            built.stats[number as usize].occurrences as usize,
            occurrences
        );
    }
    // More than one block of entries, and counts past one byte, were exercised.
    assert!(built.postings.block_starts.len() > 2);
    assert!(!built.postings.large_counts.is_empty());
}
