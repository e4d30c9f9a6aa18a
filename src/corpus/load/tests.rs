//! The load as a whole: the same corpus whatever the number of workers, batches in order,
//! a stop that stops, and pipes.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::*;
use crate::article::Origin;

/// A folder of every format, with a JSON Lines file long enough to be read in many
/// chunks (and so built by several workers) and files before and after it.
fn mixed_folder(dir: &Path) -> PathBuf {
    let root = dir.join("okaz");
    fs::create_dir_all(root.join("2015/07/21")).unwrap();
    fs::write(root.join("2015/07/21/raw.txt"), "خبر خام\n\nنص الخبر.\n").unwrap();
    let mut lines = String::new();
    for n in 0..3000 {
        lines.push_str(&format!(
            "{{\"title\": \"خبر رقم {n}\", \"content\": \"نص الخبر {n}.\\nفقرة ثانية.\"}}\n"
        ));
        if n % 500 == 7 {
            lines.push_str("{broken\n\n");
        }
    }
    fs::write(root.join("big.jsonl"), lines).unwrap();
    let array: Vec<String> = (0..700)
        .map(|n| format!(r#"{{"headline": "عنوان {n}", "text": "نص"}}"#))
        .collect();
    fs::write(root.join("day.json"), format!("[{}]", array.join(","))).unwrap();
    fs::write(root.join("empty.txt"), "").unwrap();
    fs::write(root.join("zz.md"), "---\ntitle: آخر\n---\nنص.\n").unwrap();
    root
}

fn load_with_workers(paths: &[PathBuf], workers: usize) -> (Corpus, Vec<Progress>) {
    let mut corpus = Corpus::default();
    let mut progress = Vec::new();
    let options = LoadOptions {
        workers: NonZeroUsize::new(workers).unwrap(),
    };
    load_with(paths, options, |batch| {
        corpus.articles.extend(batch.articles);
        corpus.skipped.extend(batch.skipped);
        progress.push(batch.progress);
        ControlFlow::Continue(())
    });
    (corpus, progress)
}

#[test]
fn any_number_of_workers_gives_the_same_corpus_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = mixed_folder(dir.path());
    let (one, _) = load_with_workers(std::slice::from_ref(&root), 1);
    assert_eq!(one.articles.len(), 1 + 3000 + 700 + 1);
    assert_eq!(one.skipped.len(), 6 + 1, "{:?}", one.skipped);
    assert_eq!(one.articles[0].id.as_str(), "2015/07/21/raw.txt");
    assert_eq!(one.articles[1].id.as_str(), "big.jsonl#1");
    assert_eq!(one.articles[3001].id.as_str(), "day.json#1");
    for workers in [2, 3, 8] {
        let (many, progress) = load_with_workers(std::slice::from_ref(&root), workers);
        assert_eq!(many.articles, one.articles, "{workers} workers");
        assert_eq!(many.skipped, one.skipped, "{workers} workers");
        let last = progress.last().unwrap();
        assert_eq!(
            (last.articles, last.skipped),
            (many.articles.len(), many.skipped.len())
        );
        assert!(progress.windows(2).all(|w| w[0].articles <= w[1].articles));
    }
    let streamed: Vec<Batch> = stream(vec![root.clone()], LoadOptions::default())
        .unwrap()
        .into_iter()
        .collect();
    let articles: Vec<Article> = streamed.into_iter().flat_map(|b| b.articles).collect();
    assert_eq!(articles, one.articles);
}

#[test]
fn a_sink_that_breaks_stops_the_load() {
    let dir = tempfile::tempdir().unwrap();
    let root = mixed_folder(dir.path());
    let mut batches = 0;
    load_with(&[root], LoadOptions::default(), |_| {
        batches += 1;
        ControlFlow::Break(())
    });
    assert_eq!(batches, 1);
}

#[test]
fn bytes_in_memory_load_as_the_same_file_on_disk_would() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("okaz");
    fs::create_dir(&folder).unwrap();
    let file = folder.join("2015-07-21.json");
    let bytes = r#"[{"title": "عنوان", "content": "نص الخبر."}, {"author": "x"}]"#;
    fs::write(&file, bytes).unwrap();
    let on_disk = load_paths(std::slice::from_ref(&file));
    let in_memory = load_named_bytes("okaz/2015-07-21.json", bytes.as_bytes());
    assert_eq!(in_memory.articles.len(), 1);
    assert_eq!(in_memory.articles[0].id.as_str(), "okaz/2015-07-21.json#1");
    let (disk, memory) = (&on_disk.articles[0], &in_memory.articles[0]);
    assert_eq!(memory.title, disk.title);
    assert_eq!(memory.paragraphs, disk.paragraphs);
    assert_eq!(memory.source, disk.source);
    assert_eq!(memory.date, disk.date);
    assert_eq!(in_memory.skipped.len(), on_disk.skipped.len());

    let stdin = load_named_bytes("-", "عنوان\nنص الخبر.".as_bytes());
    assert_eq!(stdin.articles[0].origin, Origin::Stdin);
}

fn make_fifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        0,
    )
    .unwrap();
}

#[test]
fn a_pipe_in_a_folder_is_reported_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "خبر\n\nنص.\n").unwrap();
    make_fifo(&dir.path().join("news.jsonl"));
    // Opening the pipe would wait for a writer that never comes: the test would hang.
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(
        corpus.skipped[0].reason,
        SkipReason::Special(SpecialKind::Pipe)
    );
    assert_eq!(
        corpus.skipped[0].reason.to_string(),
        "a named pipe (FIFO), not a regular file: left unread"
    );
}

#[test]
fn a_pipe_named_directly_is_read_as_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("dump.jsonl");
    let unnamed = dir.path().join("63");
    make_fifo(&named);
    make_fifo(&unnamed);
    let writers: Vec<_> = [(named.clone(), 2), (unnamed.clone(), 3)]
        .into_iter()
        .map(|(path, lines)| {
            std::thread::spawn(move || {
                let mut pipe = fs::OpenOptions::new().write(true).open(path).unwrap();
                for n in 0..lines {
                    writeln!(pipe, "{{\"title\": \"خبر {n}\", \"content\": \"نص\"}}").unwrap();
                }
            })
        })
        .collect();
    let corpus = load_paths(&[named, unnamed]);
    for writer in writers {
        writer.join().unwrap();
    }
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    // Without an extension, the content says JSON Lines, as for standard input.
    assert_eq!(
        ids,
        ["dump.jsonl#1", "dump.jsonl#2", "63#1", "63#2", "63#3"]
    );
}
