//! Index figures on 100k articles, printed as a report (run: `cargo bench --bench index`):
//! SaudiNewsNet replicated to 100,000 articles (ids made unique), index build time and
//! peak memory, and query latency percentiles over 1,000+ queries of each kind: single
//! words, prefixes of 1–4 letters, phrases, OR of words and of groups, and `src:` +
//! `date:` combinations.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use qari::article::{Article, ArticleId};
use qari::corpus::load_paths;
use qari::corpus::sources::Outlets;
use qari::index::query::{Mode, parse};
use qari::index::{Index, Order};

const TARGET: usize = 100_000;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let corpus = load_paths(&[
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/saudinewsnet")
    ]);
    let mut articles: Vec<Article> = Vec::with_capacity(TARGET);
    while articles.len() < TARGET {
        let copy = articles.len() / corpus.articles.len();
        for article in &corpus.articles {
            if articles.len() == TARGET {
                break;
            }
            let mut article = article.clone();
            article.id = ArticleId::new(&format!("{}~{copy}", article.id));
            articles.push(article);
        }
    }
    let text_bytes: usize = articles
        .iter()
        .map(|a| a.title.len() + a.paragraphs.iter().map(|p| p.text.len()).sum::<usize>())
        .sum();
    let before = peak_rss_kb();
    let start = Instant::now();
    let mut index = Index::build(&articles);
    let mut builds = vec![start.elapsed()];
    let after = peak_rss_kb();
    // Two more builds, for the spread of the time (the machine is shared): each replaces
    // the last index, so the peak memory above is that of one index.
    for _ in 0..2 {
        drop(index);
        let start = Instant::now();
        index = Index::build(&articles);
        builds.push(start.elapsed());
    }
    builds.sort();
    println!(
        "{} articles, {:.0} MB of text: index of {} terms built in {:.2} s (median of 3; \
         {:.2}–{:.2} s); peak RSS {:.0} MB before, {:.0} MB after (+{:.0} MB, {:.2}x the text)",
        articles.len(),
        text_bytes as f64 / 1e6,
        index.term_count(),
        builds[1].as_secs_f64(),
        builds[0].as_secs_f64(),
        builds[2].as_secs_f64(),
        before as f64 / 1024.0,
        after as f64 / 1024.0,
        (after - before) as f64 / 1024.0,
        (after - before) as f64 * 1024.0 / text_bytes as f64
    );

    println!("heap held by the index, by part:");
    let parts = index.heap_bytes();
    let total: usize = parts.iter().map(|(_, bytes)| bytes).sum();
    for (part, bytes) in &parts {
        println!("  {part:<24} {:>7.1} MB", *bytes as f64 / 1e6);
    }
    println!(
        "  {:<24} {:>7.1} MB ({:.2}x the text)",
        "all",
        total as f64 / 1e6,
        total as f64 / text_bytes as f64
    );

    // Query material from the corpus itself: words of titles, in order.
    let words: Vec<String> = articles
        .iter()
        .take(5000)
        .flat_map(|a| {
            a.title
                .split_whitespace()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic()))
        .collect();
    let today = jiff::civil::date(2015, 8, 11);
    let outlets = Outlets::embedded();
    let n = 1200;
    let kinds: Vec<(&str, Vec<String>)> = vec![
        (
            "single words",
            (0..n)
                .map(|i| format!("{} ", words[i * 7 % words.len()]))
                .collect(),
        ),
        (
            "prefix, 1 letter",
            (0..n)
                .map(|i| first(&words[i * 11 % words.len()], 1))
                .collect(),
        ),
        (
            "prefix, 2 letters",
            (0..n)
                .map(|i| first(&words[i * 13 % words.len()], 2))
                .collect(),
        ),
        (
            "prefix, 3 letters",
            (0..n)
                .map(|i| first(&words[i * 17 % words.len()], 3))
                .collect(),
        ),
        (
            "prefix, 4 letters",
            (0..n)
                .map(|i| first(&words[i * 19 % words.len()], 4))
                .collect(),
        ),
        (
            "phrases",
            (0..n)
                .map(|i| {
                    // Quotes in a title would end the phrase early.
                    let title: Vec<&str> = articles[i * 31 % articles.len()]
                        .title
                        .split(|c: char| c.is_whitespace() || c == '"')
                        .filter(|w| !w.is_empty())
                        .collect();
                    let at = i % title.len().saturating_sub(1).max(1);
                    format!(
                        "\"{}\"",
                        title[at.min(title.len() - 1)..(at + 2).min(title.len())].join(" ")
                    )
                })
                .collect(),
        ),
        (
            "word OR word",
            (0..n)
                .map(|i| {
                    let a = &words[i * 19 % words.len()];
                    let b = &words[(i * 23 + 5) % words.len()];
                    format!("{a} OR {b} ")
                })
                .collect(),
        ),
        (
            "(a OR b) -c",
            (0..n)
                .map(|i| {
                    let a = &words[i * 29 % words.len()];
                    let b = &words[(i * 37 + 3) % words.len()];
                    let c = &words[(i * 41 + 7) % words.len()];
                    format!("({a} OR {b}) -{c} ")
                })
                .collect(),
        ),
        (
            "src:a,b OR",
            (0..n)
                .map(|i| {
                    let source = ["okaz,sabq", "alriyadh,aawsat", "alyaum,was"][i % 3];
                    format!("src:{source} OR {} ", words[i * 43 % words.len()])
                })
                .collect(),
        ),
        (
            "src: + date:",
            (0..n)
                .map(|i| {
                    let source = ["okaz", "alriyadh", "sabq", "aawsat", "alyaum", "was"][i % 6];
                    format!(
                        "src:{source} date:2015-07-{:02}..2015-08-{:02}",
                        21 + i % 10,
                        1 + i % 11
                    )
                })
                .collect(),
        ),
    ];
    println!(
        "{:<20} {:>8} {:>8} {:>8} {:>10}",
        "query kind", "p50 ms", "p99 ms", "max ms", "avg found"
    );
    for (kind, queries) in kinds {
        let mut times: Vec<Duration> = Vec::with_capacity(queries.len());
        let mut found = 0usize;
        for text in &queries {
            let start = Instant::now();
            // As typed into the filter bar: a word at the end is a prefix.
            let typing = Mode::Typing { cursor: text.len() };
            let query =
                parse(text, typing, today, outlets).unwrap_or_else(|e| panic!("{text}: {e}"));
            found += index.search(&query, Order::Date).unwrap().len();
            times.push(start.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{kind:<20} {:>8.2} {:>8.2} {:>8.2} {:>10.0}",
            ms(times[times.len() / 2]),
            ms(times[times.len() * 99 / 100]),
            ms(*times.last().unwrap()),
            found as f64 / queries.len() as f64
        );
    }
}

fn first(word: &str, letters: usize) -> String {
    word.chars().take(letters).collect()
}

/// Peak resident memory of this process so far, in KiB (VmHWM).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
