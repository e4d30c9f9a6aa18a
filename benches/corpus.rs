//! Corpus figures, printed as a report (run: `cargo bench --bench corpus`): the time to
//! load SaudiNewsNet from its ZIPs, and how often metadata heuristics find the source and
//! date of raw articles — the five seeds, and every SaudiNewsNet article written out as a
//! raw text file (title line, blank line, body; no metadata), compared with its JSON.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use qari::corpus::{load_paths, load_sample};

fn saudinewsnet() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/saudinewsnet")
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let start = Instant::now();
    let corpus = load_paths(&[saudinewsnet()]);
    println!(
        "SaudiNewsNet from ZIPs: {} articles, {} skipped, loaded in {:.2} s",
        corpus.articles.len(),
        corpus.skipped.len(),
        start.elapsed().as_secs_f64()
    );

    let seeds = load_sample();
    let with_source = seeds.articles.iter().filter(|a| a.source.is_some()).count();
    let with_date = seeds
        .articles
        .iter()
        .filter(|a| a.date.date.is_some())
        .count();
    println!(
        "seeds: source found for {with_source}/5, date for {with_date}/5: {}",
        seeds
            .articles
            .iter()
            .map(|a| format!(
                "{} {} {}",
                &a.id.as_str()[..3],
                a.source.as_ref().map_or("-", |s| s.id.as_str()),
                a.date
                    .date
                    .map_or("-".to_owned(), |d| format!("{d} ({:?})", a.date.confidence))
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );

    // The same articles as raw text, in a folder whose names give nothing away.
    let dir = tempfile::tempdir().unwrap();
    let mut truth = HashMap::new();
    for (n, article) in corpus.articles.iter().enumerate() {
        let name = format!("{n:05}.txt");
        let body: Vec<&str> = article.paragraphs.iter().map(|p| p.text).collect();
        let text = format!("{}\n\n{}\n", article.title, body.join("\n"));
        std::fs::write(dir.path().join(&name), text).unwrap();
        truth.insert(
            name,
            (article.source.clone().map(|s| s.id), article.date.date),
        );
    }
    let raw = load_paths(&[dir.path().to_path_buf()]);
    let (mut source_found, mut source_right, mut date_found, mut date_right, mut date_near) =
        (0, 0, 0, 0, 0);
    for article in &raw.articles {
        let (source, date) = &truth[article.id.as_str()];
        if let Some(found) = &article.source {
            source_found += 1;
            source_right += usize::from(source.as_deref() == Some(found.id.as_str()));
        }
        if let (Some(found), Some(real)) = (article.date.date, date) {
            date_found += 1;
            date_right += usize::from(found == *real);
            let days = (found - *real).get_days().abs();
            date_near += usize::from(days <= 40);
        }
    }
    let total = raw.articles.len();
    let pct = |n: usize| 100.0 * n as f64 / total as f64;
    println!("SaudiNewsNet as {total} raw text files (title + body, no metadata):");
    println!(
        "  source found {source_found} ({:.1} %), of which right {source_right}",
        pct(source_found)
    );
    println!(
        "  date found {date_found} ({:.1} %), of which the exact day {date_right}, within 40 days {date_near}",
        pct(date_found)
    );
}
