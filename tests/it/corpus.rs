//! Loading real and hostile corpora: the 31,030 SaudiNewsNet articles from their ZIPs with
//! the source and date their JSON gives, and a folder of bad inputs where every bad file
//! is reported with its reason and every good one loads.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use qari::article::{Article, DateConfidence};
use qari::corpus::{Corpus, SkipReason, load_paths};

use crate::support::repo_file;

fn saudinewsnet() -> PathBuf {
    repo_file("../shared/corpus/saudinewsnet")
}

/// Every article of the corpus as its JSON gives it: (zip name, 1-based index) → object.
fn saudinewsnet_json() -> BTreeMap<(String, usize), serde_json::Value> {
    let mut entries = BTreeMap::new();
    let mut zips: Vec<PathBuf> = std::fs::read_dir(saudinewsnet())
        .unwrap_or_else(|err| panic!("{}: {err}", saudinewsnet().display()))
        .map(|e| e.unwrap().path())
        .collect();
    zips.sort();
    for zip_path in zips {
        let file = std::fs::File::open(&zip_path).unwrap();
        let mut archive = zip::ZipArchive::new(file).unwrap();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let entry_name = entry.name().unwrap().into_owned();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            let array: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
            let zip_name = zip_path.file_name().unwrap().to_string_lossy().into_owned();
            for (n, article) in array.into_iter().enumerate() {
                entries.insert((format!("{zip_name}/{entry_name}"), n + 1), article);
            }
        }
    }
    entries
}

#[test]
fn saudinewsnet_loads_every_article_with_the_source_and_date_of_its_json() {
    let expected = saudinewsnet_json();
    assert_eq!(expected.len(), 31_030);
    let corpus = load_paths(&[saudinewsnet()]);
    assert_eq!(corpus.skipped, vec![], "nothing is skipped");
    assert_eq!(corpus.articles.len(), 31_030);

    let by_id: HashMap<&str, &Article> =
        corpus.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut per_source_expected: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_source_loaded: BTreeMap<String, usize> = BTreeMap::new();
    for ((file, n), json) in &expected {
        let id = format!("{file}#{n}");
        let article = by_id
            .get(id.as_str())
            .unwrap_or_else(|| panic!("{id} not loaded"));
        let source = json["source"].as_str().unwrap();
        let day = &json["date_extracted"].as_str().unwrap()[..10];
        let loaded_source = article.source.as_ref().map(|s| s.id.as_str());
        assert_eq!(loaded_source, Some(source), "{id}");
        assert_eq!(
            article.date.date.map(|d| d.to_string()).as_deref(),
            Some(day),
            "{id}"
        );
        assert_eq!(article.date.confidence, DateConfidence::Explicit, "{id}");
        assert_eq!(article.url.as_deref(), json["url"].as_str(), "{id}");
        if let Some(title) = json["title"].as_str().filter(|t| !t.trim().is_empty()) {
            // Bidi controls steer nothing in a one-line title and are never shown.
            assert_eq!(article.title, qari::text::visible(title).trim(), "{id}");
        }
        *per_source_expected.entry(source.to_owned()).or_default() += 1;
        *per_source_loaded
            .entry(loaded_source.unwrap().to_owned())
            .or_default() += 1;
    }
    assert_eq!(per_source_loaded, per_source_expected);
    assert_eq!(per_source_expected.len(), 14);
}

/// A folder holding one file of every kind of bad input, and good files among them.
fn bad_inputs(dir: &Path) {
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write("good.txt", "عنوان الخبر الأول\n\nنص الخبر.\n".as_bytes());
    write(
        "invalid-utf8.txt",
        b"caf\xe9 cr\xe8me, \xe0 la carte, tr\xe8s cher\n",
    );
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256
        .encode("خبر بترميز ويندوز\n\nنص عربي قديم الترميز من موقع إخباري.\n");
    write("windows-1256.txt", &cp1256);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "خبر بترميز يو تي إف ١٦\n\nنص الخبر.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    write("utf16le.txt", &utf16);
    write("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write("empty.txt", b"");
    let huge = std::fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(70 * 1024 * 1024).unwrap();
    let long_line = format!("سطر طويل جدا {}\n", "كلمة ".repeat(1024 * 1024 / 9 + 1));
    write("long-line.txt", long_line.as_bytes());
    std::os::unix::fs::symlink(dir, dir.join("loop")).unwrap();
    write("unreadable.txt", "سر".as_bytes());
    write("malformed.json", b"[{\"title\": \"a\", ");
    write(
        "mixed.json",
        r#"[{"title": "خبر سليم", "content": "نص"}, {"title": ["not", "text"], "content": "x"}, {"headline": "خبر آخر", "text": "نص آخر"}]"#.as_bytes(),
    );
    write("notes.pdf", b"%PDF-1.4 not read in folders");
}

#[test]
fn bad_inputs_are_reported_and_the_good_files_load() {
    let dir = tempfile::tempdir().unwrap();
    bad_inputs(dir.path());
    let unreadable = dir.path().join("unreadable.txt");
    let mut permissions = std::fs::metadata(&unreadable).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o000);
    std::fs::set_permissions(&unreadable, permissions).unwrap();
    // root reads any file whatever its mode: then the file loads and is not reported.
    let root_reads_it = std::fs::read(&unreadable).is_ok();

    let corpus: Corpus = load_paths(&[dir.path().to_path_buf()]);
    let titles: Vec<&str> = corpus.articles.iter().map(|a| a.title.as_str()).collect();
    for title in [
        "عنوان الخبر الأول",
        "خبر بترميز ويندوز",
        "خبر بترميز يو تي إف ١٦",
        "سطر طويل جدا",
        "خبر سليم",
        "خبر آخر",
    ] {
        assert!(
            titles.iter().any(|t| t.starts_with(title)),
            "{title} not loaded: {titles:?}"
        );
    }
    let long = corpus
        .articles
        .iter()
        .find(|a| a.id.as_str() == "long-line.txt")
        .unwrap();
    assert!(long.paragraphs.iter().map(|p| p.text.len()).sum::<usize>() > 1024 * 1024);

    let reason = |name: &str| {
        corpus
            .skipped
            .iter()
            .find(|s| s.path.to_string_lossy().ends_with(name))
            .map(|s| s.reason.clone())
            .unwrap_or_else(|| panic!("{name} not reported: {:?}", corpus.skipped))
    };
    assert!(matches!(reason("invalid-utf8.txt"), SkipReason::NotUtf8(3)));
    assert_eq!(reason("binary.txt"), SkipReason::Binary);
    assert_eq!(reason("empty.txt"), SkipReason::Empty);
    // 70 MiB of NUL bytes: no limit per file any more, but a binary file all the same.
    assert_eq!(reason("huge.txt"), SkipReason::Binary);
    assert_eq!(reason("loop"), SkipReason::LinkLoop);
    assert!(
        matches!(reason("malformed.json"), SkipReason::Malformed(m) if m.starts_with("malformed JSON"))
    );
    assert_eq!(
        reason("mixed.json#2"),
        SkipReason::Malformed("entry #2: field `title` is a list, not text".to_owned())
    );
    let expected_skips = if root_reads_it {
        assert!(titles.contains(&"سر"));
        7
    } else {
        assert!(matches!(
            reason("unreadable.txt"),
            SkipReason::Unreadable(_)
        ));
        8
    };
    assert_eq!(corpus.skipped.len(), expected_skips, "{:?}", corpus.skipped);
    // Every reason reads as a sentence a user can act on.
    for skipped in &corpus.skipped {
        assert!(!skipped.reason.to_string().is_empty());
    }
}

#[test]
fn windows_1256_and_utf16_text_is_read_correctly() {
    let dir = tempfile::tempdir().unwrap();
    bad_inputs(dir.path());
    let corpus = load_paths(&[
        dir.path().join("windows-1256.txt"),
        dir.path().join("utf16le.txt"),
    ]);
    assert_eq!(corpus.articles.len(), 2, "{:?}", corpus.skipped);
    assert_eq!(
        corpus.articles[0].paragraphs.at(0).text,
        "نص عربي قديم الترميز من موقع إخباري."
    );
    assert_eq!(corpus.articles[1].title, "خبر بترميز يو تي إف ١٦");
}

#[test]
fn every_format_loads_through_the_command_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("okaz");
    std::fs::create_dir_all(root.join("2015/07/21")).unwrap();
    std::fs::write(
        root.join("front.md"),
        "---\ntitle: \"خبر بمقدمة\"\nsource: sabq\ndate: 2015-07-22\nurl: http://sabq.org/x\n---\nالنص.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("lines.jsonl"),
        "{\"headline\": \"سطر أول\", \"text\": \"أ\", \"site\": \"okaz\", \"published\": \"2015-07-23T10:00:00+03:00\"}\n{\"title\": \"سطر ثان\", \"body\": \"ب\"}\n",
    )
    .unwrap();
    // Raw text: the folder names the outlet, the path the day.
    std::fs::write(
        root.join("2015/07/21/raw.txt"),
        "خبر خام\n\nنص الخبر الخام.\n",
    )
    .unwrap();
    let zip_path = root.join("archive.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    zip.start_file("inner/news.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all("خبر في أرشيف\n\nنص.\n".as_bytes()).unwrap();
    zip.start_file(".hidden.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hidden").unwrap();
    zip.finish().unwrap();

    let output = std::process::Command::new(crate::support::qari_bin())
        .args(["list", "--sort", "relevance"])
        .arg(&root)
        .output()
        .unwrap();
    let text = crate::support::succeeded(&output);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows,
        [
            "2015/07/21/raw.txt\t2015-07-21\tokaz\tخبر خام",
            "archive.zip/inner/news.txt\t-\tokaz\tخبر في أرشيف",
            "front.md\t2015-07-22\tsabq\tخبر بمقدمة",
            "lines.jsonl#1\t2015-07-23\tokaz\tسطر أول",
            "lines.jsonl#2\t-\tokaz\tسطر ثان",
        ]
    );

    let mut qari = std::process::Command::new(crate::support::qari_bin());
    qari.args(["list", "--json", "-"]);
    let json =
        r#"[{"title": "من المدخل", "content": "نص", "source": "عكاظ", "date": "21/07/2015"}]"#;
    let output = crate::support::run_with_stdin(&mut qari, json).unwrap();
    let record: serde_json::Value =
        serde_json::from_str(String::from_utf8(output.stdout).unwrap().trim()).unwrap();
    assert_eq!(record["title"], "من المدخل");
    assert_eq!(record["source"], "okaz");
    assert_eq!(record["date"], "2015-07-21");
    assert_eq!(record["path"], serde_json::Value::Null);
}
