//! Search through `qari list -q`: the seeds' cases of the issue (Arabic spelling
//! variants, phrases, exclusion, source and date filters) and SaudiNewsNet's `src:` and
//! `date:` counts against counts computed straight from its JSON.

use std::collections::BTreeMap;
use std::process::Command;

use crate::support::{qari_bin, repo_file};

fn ids(args: &[&str]) -> Vec<String> {
    let output = Command::new(qari_bin())
        .arg("list")
        .args(args)
        .output()
        .unwrap();
    crate::support::succeeded(&output)
        .lines()
        .map(|l| l[..3].to_owned())
        .collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn the_seed_queries_find_what_the_text_holds() {
    let all = ["000", "001", "002", "003", "004"];
    // سوريا in some articles, سورية in others: either spelling finds all five.
    assert_eq!(sorted(ids(&["-q", "سوريا"])), all);
    assert_eq!(sorted(ids(&["-q", "سورية"])), all);
    assert_eq!(sorted(ids(&["-q", "سوريه "])), all);
    assert_eq!(sorted(ids(&["-q", "حميميم"])), ["000", "001"]);
    assert_eq!(ids(&["-q", "src:عنب"]), ["001"]);
    assert_eq!(ids(&["-q", "src:\"عنب بلدي\""]), ["001"]);
    assert_eq!(sorted(ids(&["-q", "date:2021-01"])), ["000", "001"]);
    assert_eq!(ids(&["-q", "date:2024"]), ["003"]);
    assert_eq!(sorted(ids(&["-q", "date:..2022"])), ["000", "001"]);
    assert_eq!(sorted(ids(&["-q", "\"قاعدة حميميم\""])), ["000", "001"]);
    // The same words the other way round are not that phrase.
    assert_eq!(ids(&["-q", "\"حميميم قاعدة\""]), Vec::<String>::new());
    // 004 speaks of the Turkish border (التركية, the adjective): excluded by it, but not
    // by تركيا, the country, which 004 never names.
    assert_eq!(
        sorted(ids(&["-q", "سوريا -التركية"])),
        ["000", "001", "002", "003"]
    );
    assert_eq!(sorted(ids(&["-q", "سوريا -تركيا"])), all);
    // A query means what is written: a word is a word, `word*` every word it begins.
    assert_eq!(sorted(ids(&["-q", "حميم*"])), ["000", "001"]);
    assert_eq!(ids(&["-q", "حميم"]), Vec::<String>::new());
    assert_eq!(ids(&["-q", "حميم "]), Vec::<String>::new());
}

#[test]
fn relevance_puts_the_article_most_about_the_word_first() {
    // موسكو: 8 times in 004, 3 in 002, once in 000 and 001 (003's mention is in its
    // hidden related-articles list, which is not indexed).
    assert_eq!(ids(&["-q", "موسكو "]), ["000", "001", "002", "004"]);
    assert_eq!(
        ids(&["-q", "موسكو ", "--sort", "relevance"])[..2],
        ["004", "002"]
    );
}

#[test]
fn a_malformed_query_is_a_usage_error_with_its_reason() {
    let output = Command::new(qari_bin())
        .args(["list", "-q", "foo:bar"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("unknown filter `foo:`"), "{message}");
    let output = Command::new(qari_bin())
        .args(["list", "-q", "date:2021-13"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`2021-13` is not a date"));
}

/// (source, day) of every SaudiNewsNet article, from its JSON.
fn saudinewsnet_facts() -> Vec<(String, String)> {
    let dir = repo_file("../shared/corpus/saudinewsnet");
    let mut facts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let file = std::fs::File::open(entry.unwrap().path()).unwrap();
        let mut archive = zip::ZipArchive::new(file).unwrap();
        for i in 0..archive.len() {
            let entry = archive.by_index(i).unwrap();
            let array: Vec<serde_json::Value> = serde_json::from_reader(entry).unwrap();
            for article in array {
                let source = article["source"].as_str().unwrap().to_owned();
                let day = article["date_extracted"].as_str().unwrap()[..10].to_owned();
                facts.push((source, day));
            }
        }
    }
    facts
}

#[test]
fn saudinewsnet_source_and_date_filters_count_what_the_json_says() {
    let facts = saudinewsnet_facts();
    // In process: the corpus is loaded and indexed once for all the queries.
    let corpus = qari::corpus::load_paths(&[repo_file("../shared/corpus/saudinewsnet")]);
    let index = qari::index::Index::build(&corpus.articles);
    let outlets = qari::corpus::sources::Outlets::embedded();
    let today = jiff::civil::date(2026, 1, 1);
    let count = |query: &str| {
        let exact = qari::index::query::Mode::Exact;
        let parsed = qari::index::query::parse(query, exact, today, outlets)
            .unwrap_or_else(|err| panic!("{query}: {err}"));
        index
            .search(&parsed, qari::index::Order::Date)
            .unwrap()
            .len()
    };
    let mut per_source: BTreeMap<&str, usize> = BTreeMap::new();
    for (source, _) in &facts {
        *per_source.entry(source).or_default() += 1;
    }
    // One run per query: a list of queries joined would be a single AND.
    for (source, expected) in &per_source {
        assert_eq!(count(&format!("src:{source}")), *expected, "src:{source}");
    }
    let days = |from: &str, to: &str| {
        facts
            .iter()
            .filter(|(_, d)| d.as_str() >= from && d.as_str() <= to)
            .count()
    };
    let cases = [
        ("date:2015-07-21", days("2015-07-21", "2015-07-21")),
        ("date:2015-07-25", days("2015-07-25", "2015-07-25")),
        ("date:2015-08-01", days("2015-08-01", "2015-08-01")),
        ("date:2015-08-11", days("2015-08-11", "2015-08-11")),
        ("date:2015-07", days("2015-07-01", "2015-07-31")),
        ("date:2015-08", days("2015-08-01", "2015-08-31")),
        ("date:2015", facts.len()),
        (
            "date:2015-07-25..2015-07-30",
            days("2015-07-25", "2015-07-30"),
        ),
        ("date:..2015-07-23", days("0000", "2015-07-23")),
        ("date:2015-08-05..", days("2015-08-05", "9999")),
        ("date:2014", 0),
        ("-date:2015-07", days("2015-08-01", "2015-08-31")),
    ];
    for (query, expected) in cases {
        assert_eq!(count(query), expected, "{query}");
    }
    let okaz_late_july = facts
        .iter()
        .filter(|(s, d)| s == "okaz" && d.as_str() >= "2015-07-25" && d.as_str() <= "2015-07-31")
        .count();
    assert_eq!(count("src:okaz date:2015-07-25..2015-07"), okaz_late_july);
}
