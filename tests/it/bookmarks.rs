//! `qari bookmarks` on the embedded sample: list, --json, export md and json, exactly;
//! bad offsets and ids; and corrupt or unreadable store files, reported and left intact.

use std::path::Path;

use qari::article::BodyView;

use crate::support::{qari_with_data as qari, succeeded as stdout};

const ARTICLE: &str = "001_28018be113238a9f.txt";
const OTHER: &str = "003_721a83bec11d9acb.txt";

/// The logical body as the definition states it, worked out here independently.
fn body_of(id: &str) -> String {
    let corpus = qari::corpus::load_sample();
    let article = corpus.find(id).unwrap();
    let paragraphs: Vec<&str> = article
        .body(BodyView::Clean)
        .iter()
        .map(|p| p.text)
        .collect();
    paragraphs.join("\n\n")
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

fn add(data: &Path, args: &[&str]) -> String {
    let mut all = vec!["bookmarks", "add"];
    all.extend_from_slice(args);
    let id = stdout(&qari(data, &all)).trim_end().to_owned();
    assert!(
        id.len() == 12 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "{id:?}"
    );
    id
}

#[test]
fn list_json_and_export_show_exactly_what_was_added() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    assert_eq!(stdout(&qari(dir, &["bookmarks"])), "");
    let first = add(
        dir,
        &[
            "001",
            "--start",
            "4",
            "--end",
            "30",
            "--note",
            "للتحقق *لاحقا*",
        ],
    );
    // Across a paragraph break, found under the prefix of its id, no note.
    let body = body_of(OTHER);
    let break_at = body.find("\n\n").unwrap();
    let start = body[..break_at].chars().count() - 5;
    let (s, e) = (start.to_string(), (start + 12).to_string());
    let second = add(dir, &[OTHER, "--start", &s, "--end", &e]);
    let passage1 = chars(&body_of(ARTICLE), 4, 30);
    let passage2 = chars(&body, start, start + 12);
    assert!(passage2.contains("\n\n"));

    let list = stdout(&qari(dir, &["bookmarks", "list"]));
    let expected = format!(
        "{first}\t{ARTICLE}\t4\t30\t{passage1}\tللتحقق *لاحقا*\n\
         {second}\t{OTHER}\t{start}\t{}\t{}\t-\n",
        start + 12,
        passage2.replace("\n\n", " ")
    );
    assert_eq!(list, expected);
    assert_eq!(stdout(&qari(dir, &["bookmarks"])), expected);

    let json = stdout(&qari(dir, &["bookmarks", "--json"]));
    assert_eq!(json, stdout(&qari(dir, &["bookmarks", "list", "--json"])));
    let records: Vec<serde_json::Value> = json
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    let record = &records[0];
    assert_eq!(record["id"], first.as_str());
    assert_eq!(record["article_id"], ARTICLE);
    assert_eq!(record["quote"]["exact"], passage1.as_str());
    assert_eq!(
        record["quote"]["prefix"],
        chars(&body_of(ARTICLE), 0, 4).as_str()
    );
    assert_eq!(
        record["quote"]["suffix"],
        chars(&body_of(ARTICLE), 30, 62).as_str()
    );
    assert_eq!(
        record["position"],
        serde_json::json!({"start": 4, "end": 30})
    );
    assert_eq!(record["note"], "للتحقق *لاحقا*");
    assert_eq!(
        record["article"],
        serde_json::json!({"title": "روسيا تعرض على إسرائيل التعامل مع تهديداتها الأمنية في سوريا",
            "source": "enabbaladi", "source_name": "عنب بلدي", "date": "2021-01-18"})
    );
    let hash = record["article_hash"].as_str().unwrap();
    assert!(hash.starts_with("sha256:") && hash.len() == 71, "{hash}");
    for field in ["created", "updated"] {
        let time = record[field].as_str().unwrap();
        time.parse::<jiff::Timestamp>()
            .unwrap_or_else(|err| panic!("{field} {time}: {err}"));
    }
    assert_eq!(records[1]["note"], serde_json::Value::Null);

    let markdown = stdout(&qari(dir, &["bookmarks", "export"]));
    assert_eq!(
        markdown,
        stdout(&qari(dir, &["bookmarks", "export", "--format", "md"]))
    );
    let [before, after] = passage2.split("\n\n").collect::<Vec<_>>()[..] else {
        panic!("{passage2:?}")
    };
    assert_eq!(
        markdown,
        format!(
            "# Bookmarks\n\
             \n## روسيا تعرض على إسرائيل التعامل مع تهديداتها الأمنية في سوريا\n\
             \nعنب بلدي · 2021-01-18 · `{ARTICLE}`\n\
             \n> {passage1}\n\
             \nNote: للتحقق \\*لاحقا\\*\n\
             \n## استعداد روسي لاتصال مع واشنطن حول سوريا\n\
             \n2024-11-13 · `{OTHER}`\n\
             \n> {}\n>\n> {}\n",
            before.trim(),
            after.trim()
        )
    );

    let export = stdout(&qari(dir, &["bookmarks", "export", "--format", "json"]));
    let exported: serde_json::Value = serde_json::from_str(&export).unwrap();
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("bookmarks.json")).unwrap())
            .unwrap();
    assert_eq!(exported, stored);
    assert_eq!(exported["version"], 1);
    assert_eq!(exported["bookmarks"].as_array().unwrap().len(), 2);
    assert_eq!(exported["bookmarks"][0], records[0]);
}

#[test]
fn bad_offsets_are_usage_errors_and_unknown_ids_runtime_errors() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let length = body_of(ARTICLE).chars().count();
    let past = (length + 1).to_string();
    for (start, end, message) in [
        ("5", "5", "the passage 5..5 is empty"),
        ("9", "3", "the passage 9..3 is empty"),
        ("0", past.as_str(), "ends past the article's body"),
    ] {
        let output = qari(
            dir,
            &["bookmarks", "add", ARTICLE, "--start", start, "--end", end],
        );
        assert_eq!(output.status.code(), Some(2), "{start}..{end}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{stderr}");
    }
    let end = length.to_string();
    let start = (length - 1).to_string();
    add(dir, &[ARTICLE, "--start", &start, "--end", &end]);
    let output = qari(
        dir,
        &[
            "bookmarks",
            "add",
            "nothing-like-this",
            "--start",
            "0",
            "--end",
            "3",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("no article has the id `nothing-like-this`")
    );
    let output = qari(
        dir,
        &["bookmarks", "add", ARTICLE, "--start", "x", "--end", "3"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&qari(dir, &["bookmarks"])).lines().count(), 1);
}

#[test]
fn a_corrupt_file_is_moved_aside_intact_and_reported() {
    for (content, problem) in [
        ("{\"version\": 1, \"bookmarks\": [", "not JSON"),
        ("[1, 2, 3]", "no `version` field"),
        (
            "{\"version\": 1, \"bookmarks\": {\"a\": 1}}",
            "not the expected fields",
        ),
        (
            "{\"version\": 9, \"bookmarks\": []}",
            "format version 9, newer than",
        ),
    ] {
        let data = tempfile::tempdir().unwrap();
        let dir = data.path();
        let file = dir.join("bookmarks.json");
        std::fs::write(&file, content).unwrap();
        let output = qari(
            dir,
            &["bookmarks", "add", ARTICLE, "--start", "0", "--end", "9"],
        );
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "{stderr}");
        assert!(stderr.contains(&file.display().to_string()), "{stderr}");
        assert!(stderr.contains(problem), "{problem}: {stderr}");
        assert!(stderr.contains("moved aside to"), "{stderr}");
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
        // The new file holds the new bookmark, and the rest of qari works.
        assert_eq!(stdout(&qari(dir, &["bookmarks"])).lines().count(), 1);
        assert_eq!(stdout(&qari(dir, &["list"])).lines().count(), 5);
    }
}

#[test]
fn an_unreadable_file_is_reported_and_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // A folder where the file should be cannot be read, even by root (who ignores
    // permission bits).
    let file = dir.join("bookmarks.json");
    std::fs::create_dir(&file).unwrap();
    std::fs::write(file.join("inside"), "keep me").unwrap();
    for args in [
        &["bookmarks", "list"][..],
        &["bookmarks", "export", "--format", "json"],
        &["bookmarks", "add", ARTICLE, "--start", "0", "--end", "9"],
    ] {
        let output = qari(dir, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(&format!("cannot read {}", file.display()))
                && stderr.contains("left as it is"),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
    assert_eq!(
        std::fs::read_to_string(file.join("inside")).unwrap(),
        "keep me"
    );
    let names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.to_string_lossy().contains("corrupt")),
        "{names:?}"
    );
    assert_eq!(stdout(&qari(dir, &["list"])).lines().count(), 5);
    assert!(
        stdout(&qari(
            dir,
            &["show", ARTICLE, "--width", "0", "--bidi", "terminal"]
        ))
        .contains("لافروف")
    );
}

/// The Markdown export carries the page's address of an article that has one.
#[test]
fn export_md_carries_the_articles_address() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\": \"n1\", \"title\": \"عنوان\", \"url\": \"https://example.com/a b>c\", \
         \"text\": \"نص الخبر الأول هنا.\"}\n",
    )
    .unwrap();
    let corpus = corpus.to_str().unwrap();
    let data = dir.path().join("data");
    let added = qari(
        &data,
        &[
            "bookmarks",
            "add",
            "news.jsonl#1",
            "--start",
            "0",
            "--end",
            "6",
            corpus,
        ],
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let markdown = stdout(&qari(&data, &["bookmarks", "export", "--format", "md"]));
    assert!(
        markdown.contains("\n<https://example.com/a%20b%3Ec>\n"),
        "{markdown}"
    );
}
