//! `qari list` and bookmarks: `is:bookmarked` and `-is:bookmarked` pick exactly the
//! articles with and without bookmarks, `--json` counts them, a bookmark counts for its
//! article even when its passage or its file name changed, and a bookmarks file that
//! cannot be understood or read never stops `list` unless the query asks about bookmarks.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use crate::support::{qari_with_data as qari, succeeded as stdout};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The ids `list` prints, in its order.
fn ids(data: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    stdout(&qari(data, &all))
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect()
}

/// Each article's `bookmarks` in `list --json`.
fn counts(data: &Path, paths: &[&str]) -> BTreeMap<String, u64> {
    let mut args = vec!["list", "--json"];
    args.extend_from_slice(paths);
    stdout(&qari(data, &args))
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            (
                record["id"].as_str().unwrap().to_owned(),
                record["bookmarks"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn add(data: &Path, args: &[&str]) {
    let mut all = vec!["bookmarks", "add"];
    all.extend_from_slice(args);
    stdout(&qari(data, &all));
}

fn sample_ids(data: &Path) -> Vec<String> {
    let all = ids(data, &[]);
    assert_eq!(all.len(), 5, "{all:?}");
    all
}

#[test]
fn is_bookmarked_lists_the_bookmarked_articles_and_its_negation_the_others() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let all = sample_ids(dir);
    // No bookmarks yet: nothing is bookmarked, everything is not.
    assert_eq!(ids(dir, &["-q", "is:bookmarked"]), Vec::<String>::new());
    assert_eq!(ids(dir, &["--query=-is:bookmarked"]), all);
    assert!(counts(dir, &[]).values().all(|&n| n == 0));

    add(dir, &["001", "--start", "4", "--end", "30"]);
    add(
        dir,
        &["001", "--start", "40", "--end", "60", "--note", "ثانية"],
    );
    add(dir, &["003", "--start", "0", "--end", "12"]);
    let bookmarked: Vec<String> = all
        .iter()
        .filter(|id| id.starts_with("001") || id.starts_with("003"))
        .cloned()
        .collect();
    let others: Vec<String> = all
        .iter()
        .filter(|id| !bookmarked.contains(id))
        .cloned()
        .collect();
    assert_eq!(bookmarked.len(), 2);
    // In the order of the whole list (newest first).
    assert_eq!(ids(dir, &["-q", "is:bookmarked"]), bookmarked);
    assert_eq!(ids(dir, &["-q", "IS:Bookmarked "]), bookmarked);
    assert_eq!(ids(dir, &["--query=-is:bookmarked"]), others);
    // With other clauses: حميميم is in 000 and 001 only.
    let hmeimim = ids(dir, &["-q", "حميميم"]);
    assert_eq!(hmeimim.len(), 2, "{hmeimim:?}");
    let with = ids(dir, &["-q", "حميميم is:bookmarked"]);
    assert_eq!(with.len(), 1);
    assert!(with[0].starts_with("001"), "{with:?}");
    let without = ids(
        dir,
        &["--query=-is:bookmarked حميميم", "--sort", "relevance"],
    );
    assert_eq!(without.len(), 1);
    assert!(without[0].starts_with("000"), "{without:?}");
    assert_eq!(ids(dir, &["-q", "is:bookmarked", "--limit", "1"]).len(), 1);

    let counts = counts(dir, &[]);
    assert_eq!(counts.len(), 5);
    for (id, count) in counts {
        let expected = match &id[..3] {
            "001" => 2,
            "003" => 1,
            _ => 0,
        };
        assert_eq!(count, expected, "{id}");
    }
}

#[test]
fn a_bookmark_counts_for_its_article_when_the_passage_or_the_file_name_changed() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let corpus = tempfile::tempdir().unwrap();
    let root = corpus.path();
    let root_arg = root.to_str().unwrap();
    let article = |title: &str, body: &str| format!("{title}\n\n{body}\n");
    let write = |name: &str, text: &str| std::fs::write(root.join(name), text).unwrap();
    write(
        "edited.txt",
        &article(
            "خبر يتغير",
            "قالت الوزارة إن الاجتماع سيعقد في موعده المحدد.",
        ),
    );
    write(
        "renamed.txt",
        &article(
            "خبر ينتقل",
            "أعلنت البلدية افتتاح الحديقة العامة يوم الخميس.",
        ),
    );
    write(
        "deleted.txt",
        &article(
            "خبر يحذف",
            "انتهت المباراة بالتعادل بين الفريقين دون أهداف.",
        ),
    );
    write(
        "plain.txt",
        &article("خبر بلا علامة", "ارتفعت درجات الحرارة في معظم المناطق."),
    );
    for id in ["edited.txt", "renamed.txt", "deleted.txt"] {
        add(dir, &[id, root_arg, "--start", "0", "--end", "20"]);
    }
    add(
        dir,
        &["edited.txt", root_arg, "--start", "5", "--end", "25"],
    );
    // The passages of edited.txt are gone from its text (orphaned bookmarks); renamed.txt
    // is only found by its content; deleted.txt is not in the corpus any more.
    write(
        "edited.txt",
        &article("خبر يتغير", "تأجل كل شيء إلى إشعار آخر."),
    );
    std::fs::rename(root.join("renamed.txt"), root.join("moved.txt")).unwrap();
    std::fs::remove_file(root.join("deleted.txt")).unwrap();
    let found = counts(dir, &[root_arg]);
    let expected: BTreeMap<String, u64> = [("edited.txt", 2), ("moved.txt", 1), ("plain.txt", 0)]
        .into_iter()
        .map(|(id, n)| (id.to_owned(), n))
        .collect();
    assert_eq!(found, expected);
    let mut with = ids(dir, &[root_arg, "-q", "is:bookmarked"]);
    with.sort();
    assert_eq!(with, ["edited.txt", "moved.txt"]);
    assert_eq!(
        ids(dir, &[root_arg, "--query=-is:bookmarked"]),
        ["plain.txt"]
    );
    // The bookmarks themselves are all kept.
    assert_eq!(stdout(&qari(dir, &["bookmarks"])).lines().count(), 4);
}

#[test]
fn a_corrupt_bookmarks_file_is_reported_and_list_goes_on_without_bookmarks() {
    for args in [&["list", "--json"][..], &["list", "-q", "is:bookmarked"]] {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path();
        let file = dir.join("bookmarks.json");
        let content = "{\"version\": 1, \"bookmarks\": [";
        std::fs::write(&file, content).unwrap();
        // A list that needs no bookmarks does not read the file.
        assert_eq!(sample_ids(dir).len(), 5);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), content);
        let output = qari(dir, args);
        let err = stderr(&output);
        assert!(output.status.success(), "{args:?}: {err}");
        assert!(err.contains(&file.display().to_string()), "{err}");
        assert!(
            err.contains("not JSON") && err.contains("moved aside"),
            "{err}"
        );
        let out = stdout(&output);
        if args.contains(&"--json") {
            assert_eq!(out.lines().count(), 5);
            assert!(out.lines().all(|l| l.contains("\"bookmarks\":0,")), "{out}");
        } else {
            assert_eq!(out, "");
        }
        // Moved aside whole, and a new file can be started.
        let aside: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.starts_with("bookmarks.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert_eq!(
            std::fs::read_to_string(dir.join(&aside[0])).unwrap(),
            content
        );
        add(dir, &["001", "--start", "4", "--end", "30"]);
        assert_eq!(ids(dir, &["-q", "is:bookmarked"]).len(), 1);
    }
}

#[test]
fn an_unreadable_bookmarks_file_fails_only_a_query_that_asks_about_bookmarks() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // A folder where the file should be cannot be read, even by root.
    let file = dir.join("bookmarks.json");
    std::fs::create_dir(&file).unwrap();
    let named = format!("cannot read {}", file.display());

    let output = qari(dir, &["list", "--json"]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    assert!(err.contains(&named), "{err}");
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 5);
    assert!(out.lines().all(|l| l.contains("\"bookmarks\":0,")), "{out}");

    let output = qari(dir, &["list", "-q", "حميميم"]);
    assert_eq!(stdout(&output).lines().count(), 2);
    assert_eq!(stderr(&output), "");

    for query in ["is:bookmarked", "-is:bookmarked", "حميميم is:bookmarked"] {
        let output = qari(dir, &["list", &format!("--query={query}")]);
        assert_eq!(output.status.code(), Some(1), "{query}");
        let err = stderr(&output);
        assert!(
            err.contains("is:bookmarked") && err.contains(&named),
            "{err}"
        );
        assert!(output.stdout.is_empty(), "{query}");
    }
    assert!(file.is_dir());
}
