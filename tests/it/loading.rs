//! Loading at any size, in parallel and as a stream: files over the old 64 MiB limit for
//! one file, articles over the 16 MiB limit for one article, standard input read as a
//! file is, pipes in folders, the same corpus in the same order whatever the number of
//! workers, and `qari list` printing before its input ends.

use std::io::{BufRead, BufReader, Write};
use std::num::NonZeroUsize;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use qari::corpus::{
    ArticleSize, Corpus, LoadOptions, MAX_ARTICLE_BYTES, SkipReason, SpecialKind, load_paths,
    load_with,
};

use crate::support::{qari_bin, repo_file, run_with_stdin, succeeded};

const MIB: usize = 1024 * 1024;

fn article_line(n: usize) -> String {
    format!(
        "{{\"title\": \"خبر رقم {n}\", \"content\": \"قال المتحدث إن الاجتماع {n} انتهى.\", \"source\": \"okaz\", \"date\": \"2015-07-21\"}}\n"
    )
}

/// A JSON Lines file over 64 MiB: articles, then 66 MiB of blank lines (cheap to write
/// and to read, but every byte of them streams through), then more articles.
fn write_large_json_lines(path: &Path) -> usize {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let blank = format!("{}\n", " ".repeat(MIB - 1));
    let mut articles = 0;
    for part in 0..2 {
        for n in 0..500 {
            file.write_all(article_line(part * 500 + n).as_bytes())
                .unwrap();
            articles += 1;
        }
        if part == 0 {
            for _ in 0..66 {
                file.write_all(blank.as_bytes()).unwrap();
            }
        }
    }
    file.flush().unwrap();
    articles
}

#[test]
fn a_json_lines_file_over_64_mib_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    let written = write_large_json_lines(&path);
    assert!(std::fs::metadata(&path).unwrap().len() > 64 * MIB as u64);
    let corpus = load_paths(&[path]);
    assert_eq!(corpus.skipped, vec![]);
    assert_eq!(corpus.articles.len(), written);
    assert_eq!(corpus.articles[0].id.as_str(), "dump.jsonl#1");
    assert_eq!(corpus.articles[999].id.as_str(), "dump.jsonl#1000");
    assert_eq!(corpus.articles[999].title, "خبر رقم 999");
}

#[test]
fn a_json_array_is_read_element_by_element() {
    let dir = tempfile::tempdir().unwrap();
    let entries: Vec<String> = (0..5000)
        .map(|n| article_line(n).trim_end().to_owned())
        .collect();
    // A bad entry in the middle and a file cut short: everything else loads.
    let text = format!(
        "[{},{{\"title\": 5}},{}, {{\"content\": \"نص",
        entries[..2500].join(","),
        entries[2500..].join(",\n")
    );
    std::fs::write(dir.path().join("day.json"), text).unwrap();
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.articles.len(), 5000);
    assert_eq!(corpus.articles[2500].id.as_str(), "day.json#2502");
    let reasons: Vec<String> = corpus
        .skipped
        .iter()
        .map(|s| s.reason.to_string())
        .collect();
    assert_eq!(
        reasons,
        [
            "entry #2501: field `title` is a number, not text",
            "malformed JSON: the file ends inside entry #5002"
        ]
    );
}

#[test]
fn a_zip_entry_over_64_mib_is_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("dump.jsonl");
    let written = write_large_json_lines(&lines);
    let archive = dir.path().join("dump.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    zip.start_file("2015/dump.jsonl", options).unwrap();
    std::io::copy(&mut std::fs::File::open(&lines).unwrap(), &mut zip).unwrap();
    zip.finish().unwrap();
    let corpus = load_paths(&[archive]);
    assert_eq!(corpus.skipped, vec![]);
    assert_eq!(corpus.articles.len(), written);
    assert_eq!(corpus.articles[1].id.as_str(), "dump.zip/2015/dump.jsonl#2");
}

#[test]
fn an_article_over_16_mib_is_reported_by_file_and_entry() {
    let dir = tempfile::tempdir().unwrap();
    let long = "كلمة ".repeat(MAX_ARTICLE_BYTES / 9 + 1000);
    std::fs::write(dir.path().join("long.txt"), format!("عنوان\n\n{long}\n")).unwrap();
    let lines = format!(
        "{}{{\"title\": \"طويل\", \"content\": \"{long}\"}}\n{}",
        article_line(1),
        article_line(2)
    );
    std::fs::write(dir.path().join("lines.jsonl"), lines).unwrap();
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["lines.jsonl#1", "lines.jsonl#3"]);
    let skipped: Vec<(String, &SkipReason)> = corpus
        .skipped
        .iter()
        .map(|s| {
            (
                s.path.file_name().unwrap().to_string_lossy().into_owned(),
                &s.reason,
            )
        })
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0].0, "lines.jsonl#2");
    assert_eq!(skipped[1].0, "long.txt");
    for (_, reason) in &skipped {
        assert!(
            matches!(reason, SkipReason::TooLarge(ArticleSize::Exactly(n)) if *n > MAX_ARTICLE_BYTES as u64)
        );
        assert!(
            reason
                .to_string()
                .ends_with("is over the 16 MiB limit for one article")
        );
    }
}

#[test]
fn standard_input_skips_a_bad_json_lines_line_and_reports_it() {
    let input = format!(
        "{}{{\"title\": \"مقطوع\n{}",
        article_line(1),
        article_line(2)
    );
    let mut qari = Command::new(qari_bin());
    qari.args(["list", "--sort", "relevance", "-"]);
    let output = run_with_stdin(&mut qari, &input).unwrap();
    let listed = succeeded(&output);
    let ids: Vec<&str> = listed
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(ids, ["stdin#1", "stdin#3"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("qari: skipped standard input#2: line 2: malformed JSON"),
        "{stderr}"
    );
}

#[test]
fn a_pipe_in_a_folder_is_reported_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.jsonl"), article_line(1)).unwrap();
    let fifo = dir.path().join("feed.jsonl");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.skipped.len(), 1);
    assert_eq!(corpus.skipped[0].path, fifo);
    assert_eq!(
        corpus.skipped[0].reason,
        SkipReason::Special(SpecialKind::Pipe)
    );
    let output = Command::new(qari_bin())
        .args(["list", "--sort", "relevance"])
        .arg(dir.path())
        .output()
        .unwrap();
    succeeded(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("feed.jsonl: a named pipe (FIFO)"),
        "{stderr}"
    );
}

fn with_workers(paths: &[PathBuf], workers: usize) -> Corpus {
    let mut corpus = Corpus::default();
    let options = LoadOptions {
        workers: NonZeroUsize::new(workers).unwrap(),
    };
    load_with(paths, options, |batch| {
        corpus.articles.extend(batch.articles);
        corpus.skipped.extend(batch.skipped);
        ControlFlow::Continue(())
    });
    corpus
}

#[test]
fn saudinewsnet_loads_in_parallel_as_it_loads_in_order() {
    let root = repo_file("../shared/corpus/saudinewsnet");
    // The order of the corpus: archives by name, entries in the archive's order, then
    // the elements of each entry's array.
    let mut expected = Vec::new();
    let mut archives: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    archives.sort();
    for path in &archives {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        for index in 0..archive.len() {
            let entry = archive.by_index(index).unwrap();
            let name = entry.name().unwrap().into_owned();
            let array: Vec<serde_json::Value> = serde_json::from_reader(entry).unwrap();
            let zip_name = path.file_name().unwrap().to_string_lossy();
            expected.extend((1..=array.len()).map(|n| format!("{zip_name}/{name}#{n}")));
        }
    }
    assert_eq!(expected.len(), 31_030);
    let sequential = with_workers(std::slice::from_ref(&root), 1);
    let ids: Vec<&str> = sequential.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, expected);
    let parallel = with_workers(std::slice::from_ref(&root), 4);
    assert!(
        parallel.articles == sequential.articles,
        "the same articles, in the same order"
    );
    assert_eq!(parallel.skipped, sequential.skipped);
}

#[test]
fn qari_list_prints_its_first_line_before_its_input_ends() {
    let mut child = Command::new(qari_bin())
        .args(["list", "--sort", "relevance", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(article_line(1).as_bytes()).unwrap();
    stdin.flush().unwrap();
    let (lines, received) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = lines.send(line.unwrap());
        }
    });
    // Standard input is still open: the line can only come from a streaming load.
    let first = received
        .recv_timeout(Duration::from_secs(20))
        .expect("the first line, while standard input is open");
    assert!(
        first.starts_with("stdin#1\t2015-07-21\tokaz\tخبر رقم 1"),
        "{first}"
    );
    stdin.write_all(article_line(2).as_bytes()).unwrap();
    drop(stdin);
    let second = received.recv_timeout(Duration::from_secs(20)).unwrap();
    assert!(second.starts_with("stdin#2\t"), "{second}");
    assert!(child.wait().unwrap().success());
}
