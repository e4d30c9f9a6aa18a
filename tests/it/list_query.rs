//! `qari list -q` as scripts use it: a query may start with `-`, means exactly what is
//! written (OR, groups, `word*`), finds nothing for words with nothing searchable in
//! them, and answers `is:read` and `is:unread` from the reading state, which `--json`
//! shows as each article's `read`.

use std::path::Path;

use qari::article::ArticleId;
use qari::bookmarks::ReadingStore;

use crate::support::{qari_with_data as qari, succeeded};

/// The ids `list` prints for `args`, in its order, shortened to their number.
fn ids(data: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    succeeded(&qari(data, &all))
        .lines()
        .map(|line| line[..3].to_owned())
        .collect()
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// The sample's full ids, by their number.
fn full_id(data: &Path, number: &str) -> String {
    succeeded(&qari(data, &["list"]))
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .find(|id| id.starts_with(number))
        .unwrap()
}

const NONE: [&str; 0] = [];

#[test]
fn a_query_may_start_with_a_dash() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // 004 speaks of the Turkish border (التركية).
    assert_eq!(
        sorted(ids(dir, &["-q", "-التركية"])),
        ["000", "001", "002", "003"]
    );
    assert_eq!(
        sorted(ids(dir, &["--query", "-التركية"])),
        ["000", "001", "002", "003"]
    );
    // Every article names Syria.
    assert_eq!(ids(dir, &["-q", "-سوريا"]), NONE);
    assert_eq!(
        sorted(ids(dir, &["-q", "-(كيري OR طهران)"])),
        ["000", "003"]
    );
    // Options after it are still options.
    assert_eq!(ids(dir, &["-q", "-التركية", "--limit", "1"]).len(), 1);
}

#[test]
fn words_with_nothing_searchable_find_nothing() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    for query in ["--", "…", "،", "-", "\"—\""] {
        assert_eq!(ids(dir, &["-q", query]), NONE, "{query:?}");
        assert_eq!(ids(dir, &[&format!("--query={query}")]), NONE, "{query:?}");
    }
    // Beside a word it leaves nothing either; excluded, it excludes nothing.
    assert_eq!(ids(dir, &["-q", "موسكو --"]), NONE);
    assert_eq!(ids(dir, &["-q", "-…"]).len(), 5);
}

#[test]
fn or_groups_and_prefixes_read_exactly() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    assert_eq!(
        sorted(ids(dir, &["-q", "كيري OR طهران"])),
        ["001", "002", "004"]
    );
    assert_eq!(ids(dir, &["-q", "حميميم (كيري OR طهران)"]), ["001"]);
    assert_eq!(
        sorted(ids(dir, &["-q", "src:enabbaladi,alwatan-sy"])),
        ["001", "002"]
    );
    assert_eq!(sorted(ids(dir, &["-q", "حميم*"])), ["000", "001"]);
    assert_eq!(ids(dir, &["-q", "حميم"]), NONE);
    // What typing would forgive is an error here, with what to fix.
    for (query, message) in [
        ("(كيري", "this `(` is never closed"),
        (
            "كيري OR",
            "`OR` needs a word, phrase, filter or group after it",
        ),
        ("\"قاعدة حميميم", "this quote is never closed"),
        ("كيري)", "this `)` closes no `(`"),
    ] {
        let output = qari(dir, &["list", "-q", query]);
        assert_eq!(output.status.code(), Some(2), "{query}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{query}: {stderr}");
    }
}

#[test]
fn is_read_and_is_unread_follow_the_reading_state_and_json_shows_it() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // Nothing read yet.
    assert_eq!(ids(dir, &["-q", "is:read"]), NONE);
    assert_eq!(ids(dir, &["-q", "is:unread"]).len(), 5);
    let store = ReadingStore::in_dir(dir);
    for number in ["001", "003"] {
        let id = full_id(dir, number);
        store.set_read(&ArticleId::new(&id), true).unwrap();
    }
    assert_eq!(sorted(ids(dir, &["-q", "is:read"])), ["001", "003"]);
    assert_eq!(
        sorted(ids(dir, &["-q", "is:unread"])),
        ["000", "002", "004"]
    );
    assert_eq!(sorted(ids(dir, &["-q", "-is:read"])), ["000", "002", "004"]);
    assert_eq!(ids(dir, &["-q", "حميميم is:unread"]), ["000"]);
    let json = succeeded(&qari(dir, &["list", "--json"]));
    let read: Vec<(String, bool)> = json
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                record["id"].as_str().unwrap()[..3].to_owned(),
                record["read"].as_bool().expect("`read` is a boolean"),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("003".to_owned(), true),
            ("000".to_owned(), false),
            ("001".to_owned(), true),
            ("002".to_owned(), false),
            ("004".to_owned(), false),
        ]
    );
}

#[test]
fn an_unreadable_reading_state_fails_only_a_query_that_needs_it() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // A folder where the file should be: it can be neither read nor moved aside.
    std::fs::create_dir(dir.join("reading.json")).unwrap();
    let output = qari(dir, &["list", "-q", "is:unread"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot answer is:read and is:unread"),
        "{stderr}"
    );
    // --json still lists every article, none shown as read, with a warning.
    let output = qari(dir, &["list", "--json"]);
    let json = succeeded(&output);
    assert_eq!(json.lines().count(), 5);
    assert!(
        json.lines().all(|line| line.contains("\"read\":false")),
        "{json}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no article is shown as read"), "{stderr}");
    // A query that does not ask is answered.
    assert_eq!(ids(dir, &["-q", "حميميم"]).len(), 2);
}
