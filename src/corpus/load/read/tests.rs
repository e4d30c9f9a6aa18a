//! Reading one input, through the whole load path (one worker, bytes in memory).

use std::io::Write;

use super::super::load_named_bytes;
use super::super::{ArticleSize, MAX_ARTICLE_BYTES};
use crate::corpus::{Corpus, SkipReason};

fn ids(corpus: &Corpus) -> Vec<&str> {
    corpus.articles.iter().map(|a| a.id.as_str()).collect()
}

fn skips(corpus: &Corpus) -> Vec<String> {
    corpus
        .skipped
        .iter()
        .map(|s| format!("{}: {}", s.path.display(), s.reason))
        .collect()
}

#[test]
fn a_json_array_loads_element_by_element_and_a_bad_one_is_reported() {
    let json = r#"[{"title": "أ", "content": "نص"}, {"title": 5}, {"oops"}, 7,
                   {"headline": "ب", "text": "نص"}]"#;
    let corpus = load_named_bytes("okaz/day.json", json.as_bytes());
    assert_eq!(ids(&corpus), ["okaz/day.json#1", "okaz/day.json#5"]);
    let problems = skips(&corpus);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        problems[0],
        "okaz/day.json#2: entry #2: field `title` is a number, not text"
    );
    assert!(problems[1].starts_with("okaz/day.json#3: entry #3: malformed JSON"));
    assert_eq!(
        problems[2],
        "okaz/day.json#4: entry #4: a number, not an article object"
    );
}

#[test]
fn a_broken_array_keeps_the_entries_before_the_break() {
    let corpus = load_named_bytes(
        "a.json",
        r#"[{"content": "الأول"}, {"content": "الثاني"}, {"content": "#.as_bytes(),
    );
    assert_eq!(ids(&corpus), ["a.json#1", "a.json#2"]);
    assert_eq!(
        skips(&corpus),
        ["a.json: malformed JSON: the file ends inside entry #3"]
    );
    let not_json = load_named_bytes("b.json", b"oops");
    assert!(skips(&not_json)[0].starts_with("b.json: malformed JSON"));
    let one = load_named_bytes("c.json", r#" {"title": "ت", "body": "ب"} "#.as_bytes());
    assert_eq!(ids(&one), ["c.json#1"]);
}

#[test]
fn json_lines_number_entries_and_name_lines() {
    let text = "{\"content\": \"أ\"}\n\n  \n{oops\r\n{\"content\": \"ب\"}\r\n";
    let corpus = load_named_bytes("d.jsonl", text.as_bytes());
    assert_eq!(ids(&corpus), ["d.jsonl#1", "d.jsonl#3"]);
    assert_eq!(corpus.skipped.len(), 1);
    assert!(skips(&corpus)[0].starts_with("d.jsonl#2: line 4: malformed JSON"));
}

#[test]
fn standard_input_with_a_bad_line_loads_the_rest() {
    let text = "{\"title\": \"أ\", \"content\": \"نص\"}\nnot json at all\n{\"title\": \"ب\", \"content\": \"نص\"}\n";
    let corpus = load_named_bytes("-", text.as_bytes());
    assert_eq!(ids(&corpus), ["stdin#1", "stdin#3"]);
    assert!(skips(&corpus)[0].starts_with("standard input#2: line 2: malformed JSON"));
    let text = load_named_bytes("-", "عنوان\n\nنص الخبر.".as_bytes());
    assert_eq!(ids(&text), ["stdin"]);
}

#[test]
fn utf16_and_bom_json_streams_load() {
    let lines =
        "{\"title\": \"خبر\", \"content\": \"نص\"}\n{\"title\": \"آخر\", \"content\": \"نص\"}\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(lines.encode_utf16().flat_map(u16::to_le_bytes));
    let corpus = load_named_bytes("e.jsonl", &utf16);
    assert_eq!(ids(&corpus), ["e.jsonl#1", "e.jsonl#2"]);
    assert_eq!(corpus.articles[1].title, "آخر");

    let with_bom = [b"\xEF\xBB\xBF".as_slice(), br#"[{"content": "x"}]"#].concat();
    assert_eq!(ids(&load_named_bytes("f.json", &with_bom)), ["f.json#1"]);

    let mut broken = utf16.clone();
    broken.extend_from_slice(&[0x00, 0xDC]);
    let corpus = load_named_bytes("g.jsonl", &broken);
    assert_eq!(corpus.articles.len(), 2, "what came before is kept");
    assert_eq!(
        corpus.skipped[0].reason,
        SkipReason::BadEncoding("UTF-16LE with invalid sequences".to_owned())
    );
}

#[test]
fn windows_1256_lines_are_decoded_one_by_one() {
    let (line, _, _) = encoding_rs::WINDOWS_1256
        .encode("{\"content\": \"قال وزير الخارجية إن بلاده مستعدة للحوار مع واشنطن\"}\n");
    let corpus = load_named_bytes("h.jsonl", &[line.as_ref(), line.as_ref()].concat());
    assert_eq!(corpus.articles.len(), 2, "{:?}", corpus.skipped);
}

#[test]
fn a_binary_file_is_reported_once() {
    let corpus = load_named_bytes("i.jsonl", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\n\0\n\0\n");
    assert_eq!(
        skips(&corpus),
        ["i.jsonl: binary file (it contains NUL bytes)"]
    );
}

#[test]
fn an_article_over_the_limit_is_reported_and_the_rest_loads() {
    let long = "ن".repeat(MAX_ARTICLE_BYTES / 2 + 10);
    let text = format!(
        "{{\"content\": \"قبل\"}}\n{{\"content\": \"{long}\"}}\n{{\"content\": \"بعد\"}}\n"
    );
    let corpus = load_named_bytes("j.jsonl", text.as_bytes());
    assert_eq!(ids(&corpus), ["j.jsonl#1", "j.jsonl#3"]);
    assert_eq!(corpus.skipped[0].path.to_string_lossy(), "j.jsonl#2");
    assert_eq!(
        corpus.skipped[0].reason,
        SkipReason::TooLarge(ArticleSize::Exactly(MAX_ARTICLE_BYTES as u64 + 20))
    );
    let text = load_named_bytes("k.txt", long.as_bytes());
    assert_eq!(
        text.skipped[0].reason,
        SkipReason::TooLarge(ArticleSize::Exactly(MAX_ARTICLE_BYTES as u64 + 20))
    );
    // Past what an entry may hold in memory, a line is measured and never kept.
    let huge = format!(
        "{{\"content\": \"{}\"}}\n",
        "x".repeat(4 * MAX_ARTICLE_BYTES)
    );
    let corpus = load_named_bytes("l.jsonl", huge.as_bytes());
    assert_eq!(
        corpus.skipped[0].reason,
        SkipReason::TooLarge(ArticleSize::Exactly(huge.len() as u64 - 1))
    );
    let stdin = load_named_bytes("-", "x".repeat(4 * MAX_ARTICLE_BYTES + 5).as_bytes());
    assert_eq!(
        stdin.skipped[0].reason,
        SkipReason::TooLarge(ArticleSize::MoreThan(4 * MAX_ARTICLE_BYTES as u64))
    );
}

fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn zip_entries_stream_through_the_same_formats() {
    let zip = zip_of(&[
        ("okaz/a.txt", "خبر\n\nنص.\n"),
        (".hidden.txt", "مخفي"),
        ("notes.pdf", "x"),
        (
            "b.jsonl",
            "{\"content\": \"أ\"}\n{oops\n{\"content\": \"ب\"}\n",
        ),
        ("c.json", r#"[{"content": "ج"}]"#),
    ]);
    let corpus = load_named_bytes("day.zip", &zip);
    assert_eq!(
        ids(&corpus),
        [
            "day.zip/okaz/a.txt",
            "day.zip/b.jsonl#1",
            "day.zip/b.jsonl#3",
            "day.zip/c.json#1"
        ]
    );
    assert_eq!(corpus.articles[0].source.as_ref().unwrap().id, "okaz");
    assert!(skips(&corpus)[0].starts_with("day.zip/b.jsonl#2: line 2: malformed JSON"));

    // From standard input, which cannot seek, the archive is read into memory first.
    let stdin = load_named_bytes("-", &zip);
    assert_eq!(stdin.articles.len(), 4, "{:?}", stdin.skipped);
    assert_eq!(stdin.articles[0].id.as_str(), "stdin/okaz/a.txt");
    assert_eq!(stdin.articles[0].origin, crate::article::Origin::Stdin);

    let broken = load_named_bytes("bad.zip", b"PK\x03\x04 not really");
    assert!(matches!(
        broken.skipped[0].reason,
        SkipReason::BadArchive(_)
    ));
}
