//! Loading figures at several corpus sizes, printed as a report (run:
//! `cargo bench --bench loading`; `QARI_BIN=/path/to/qari` measures another build, for a
//! before/after table). Each figure is a whole new process, as a user meets it:
//! - first frame: `qari CORPUS` in a 100×30 pty, spawn → the list pane's header drawn;
//! - first line: `qari list CORPUS`, spawn → the first line on its standard output;
//! - load: `qari list CORPUS > /dev/null`, the whole process;
//! - load + index: `qari list -q سوريا CORPUS`, the whole process from start to an answered
//!   filter, and its peak resident memory (GNU time's maximum RSS);
//! - `rg -c سوريا` over the same files (the uncompressed JSON for the ZIP corpus, which rg
//!   cannot open), the floor set by reading the bytes once.
//!
//! Corpora (built once under the target folder): SaudiNewsNet's 18 ZIPs (31,030 articles);
//! the same three times over (93,090) as one JSON Lines file and as 33 files; ten times
//! over (310,300) as 110 JSON Lines files. Times are medians of three runs.

#[path = "../tests/it/pty.rs"]
#[allow(dead_code)]
mod pty;

use std::fs;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const QUERY: &str = "سوريا";
const RUNS: usize = 3;

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let qari = std::env::var_os("QARI_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_qari")));
    let data = data_folder();
    let snn = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/saudinewsnet");
    let documents = saudinewsnet_documents(&snn);
    let corpora = [
        Corpus::zips("SaudiNewsNet ZIPs, 31k", &snn, &data, &documents),
        Corpus::json_lines("93k, one JSONL file", &data, &documents, 3, 1),
        Corpus::json_lines("93k, 33 JSONL files", &data, &documents, 3, 33),
        Corpus::json_lines("310k, 110 JSONL files", &data, &documents, 10, 110),
    ];
    println!("qari: {}", qari.display());
    println!(
        "{:<24} {:>8} {:>8} {:>11} {:>10} {:>8} {:>11} {:>10} {:>9} {:>8}",
        "corpus",
        "articles",
        "text MB",
        "1st frame",
        "1st line",
        "load",
        "load+index",
        "peak RSS",
        "RSS/text",
        "rg -c"
    );
    for corpus in &corpora {
        let first_frame = median(|| first_frame(&qari, &corpus.paths));
        let first_line = median(|| first_line(&qari, &corpus.paths));
        let load = median(|| timed(&qari, &["list"], &corpus.paths).0);
        let runs: Vec<(Option<Duration>, u64)> = (0..RUNS)
            .map(|_| timed(&qari, &["list", "-q", QUERY], &corpus.paths))
            .collect();
        let load_index = median_of(runs.iter().map(|r| r.0).collect());
        let peak_kib = runs.iter().map(|r| r.1).max().unwrap_or(0);
        let rg = median(|| rg(&corpus.rg_paths));
        let text_mb = corpus.text_bytes as f64 / 1e6;
        let rss_mb = peak_kib as f64 * 1024.0 / 1e6;
        println!(
            "{:<24} {:>8} {:>8.0} {:>11} {:>10} {:>8} {:>11} {:>7.0} MB {:>8.2}x {:>8}",
            corpus.label,
            corpus.articles,
            text_mb,
            shown(first_frame),
            shown(first_line),
            shown(load),
            shown(load_index),
            rss_mb,
            rss_mb / text_mb,
            shown(rg)
        );
    }
}

/// A corpus on disk: what qari is given, what rg reads, and its size.
struct Corpus {
    label: &'static str,
    paths: Vec<PathBuf>,
    rg_paths: Vec<PathBuf>,
    articles: usize,
    /// Titles and bodies, the text a reader holds.
    text_bytes: usize,
}

impl Corpus {
    fn zips(label: &'static str, snn: &Path, data: &Path, documents: &[Document]) -> Self {
        // rg cannot look inside ZIPs: it reads the same JSON unpacked.
        let unpacked = data.join("snn-unpacked");
        if !unpacked.exists() {
            let partial = data.join("snn-unpacked.partial");
            let _ = fs::remove_dir_all(&partial);
            fs::create_dir_all(&partial).unwrap();
            for zip in sorted_entries(snn) {
                let mut archive = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
                for i in 0..archive.len() {
                    let mut entry = archive.by_index(i).unwrap();
                    let name = partial.join(entry.name().unwrap().as_ref());
                    let mut out = fs::File::create(name).unwrap();
                    std::io::copy(&mut entry, &mut out).unwrap();
                }
            }
            fs::rename(&partial, &unpacked).unwrap();
        }
        Self {
            label,
            paths: vec![snn.to_path_buf()],
            rg_paths: vec![unpacked],
            articles: documents.len(),
            text_bytes: documents.iter().map(Document::text_bytes).sum(),
        }
    }

    /// SaudiNewsNet `copies` times over, in `files` JSON Lines files of equal share.
    fn json_lines(
        label: &'static str,
        data: &Path,
        documents: &[Document],
        copies: usize,
        files: usize,
    ) -> Self {
        let folder = data.join(format!("jsonl-{copies}x-{files}"));
        let total = documents.len() * copies;
        if !folder.exists() {
            let partial = data.join(format!("jsonl-{copies}x-{files}.partial"));
            let _ = fs::remove_dir_all(&partial);
            fs::create_dir_all(&partial).unwrap();
            let per_file = total.div_ceil(files);
            let mut writer: Option<BufWriter<fs::File>> = None;
            for n in 0..total {
                if n % per_file == 0 {
                    if let Some(mut w) = writer.take() {
                        w.flush().unwrap();
                    }
                    let name = partial.join(format!("part-{:03}.jsonl", n / per_file));
                    writer = Some(BufWriter::new(fs::File::create(name).unwrap()));
                }
                let copy = n / documents.len();
                let document = &documents[n % documents.len()];
                let line = document.json_line(copy);
                let w = writer.as_mut().unwrap();
                w.write_all(line.as_bytes()).unwrap();
                w.write_all(b"\n").unwrap();
            }
            writer.unwrap().flush().unwrap();
            fs::rename(&partial, &folder).unwrap();
        }
        Self {
            label,
            paths: vec![folder.clone()],
            rg_paths: vec![folder],
            articles: total,
            text_bytes: documents.iter().map(Document::text_bytes).sum::<usize>() * copies,
        }
    }
}

/// One SaudiNewsNet article as its JSON gives it.
struct Document(serde_json::Map<String, serde_json::Value>);

impl Document {
    fn field(&self, name: &str) -> &str {
        self.0.get(name).and_then(|v| v.as_str()).unwrap_or("")
    }

    fn text_bytes(&self) -> usize {
        self.field("title").len() + self.field("content").len()
    }

    /// The article as a JSON line, its address made unique for each copy.
    fn json_line(&self, copy: usize) -> String {
        let mut fields = self.0.clone();
        let url = format!("{}#copy-{copy}", self.field("url"));
        fields.insert("url".to_owned(), serde_json::Value::String(url));
        serde_json::to_string(&fields).unwrap()
    }
}

fn saudinewsnet_documents(snn: &Path) -> Vec<Document> {
    let mut documents = Vec::new();
    for zip in sorted_entries(snn) {
        let mut archive = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
        for i in 0..archive.len() {
            let mut text = String::new();
            archive
                .by_index(i)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            let values: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
            documents.extend(values.into_iter().filter_map(|v| match v {
                serde_json::Value::Object(map) => Some(Document(map)),
                _ => None,
            }));
        }
    }
    documents
}

fn sorted_entries(folder: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    entries
}

fn data_folder() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let folder = target.join("bench-data");
    fs::create_dir_all(&folder).unwrap();
    folder
}

/// Spawn → the list pane's header ("Articles") drawn in a 100×30 pty.
fn first_frame(qari: &Path, paths: &[PathBuf]) -> Option<Duration> {
    let data_dir = tempfile::tempdir().unwrap();
    let args: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let start = Instant::now();
    let mut session = pty::PtySession::spawn(qari, &args, 100, 30, data_dir.path());
    let arrived = session.try_read_until_arrival("Articles", Duration::from_secs(120));
    if arrived.is_ok() {
        session.type_keys(b"q");
    }
    session.wait_exit(Duration::from_secs(120));
    arrived.ok().map(|at| at - start)
}

/// Spawn → the first line of `qari list` on its standard output.
fn first_line(qari: &Path, paths: &[PathBuf]) -> Option<Duration> {
    let start = Instant::now();
    let mut child = Command::new(qari)
        .arg("list")
        .args(paths)
        .env("QARI_DATA_DIR", tempfile::tempdir().unwrap().keep())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let read = BufReader::new(child.stdout.take().unwrap()).read_line(&mut line);
    let elapsed = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    (read.unwrap_or(0) > 0).then_some(elapsed)
}

/// The whole process's wall time and peak RSS (KiB), under GNU time; `None` when the
/// command failed (an older qari refusing a file, say).
fn timed(qari: &Path, args: &[&str], paths: &[PathBuf]) -> (Option<Duration>, u64) {
    let report = tempfile::NamedTempFile::new().unwrap();
    let start = Instant::now();
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%M", "-o"])
        .arg(report.path())
        .arg(qari)
        .args(args)
        .args(paths)
        .env("QARI_DATA_DIR", tempfile::tempdir().unwrap().keep())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("GNU time (/usr/bin/time) runs qari");
    let elapsed = start.elapsed();
    let peak = fs::read_to_string(report.path())
        .unwrap_or_default()
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    (status.success().then_some(elapsed), peak)
}

fn rg(paths: &[PathBuf]) -> Option<Duration> {
    let start = Instant::now();
    let status = Command::new("rg")
        .args(["-c", QUERY])
        .args(paths)
        .stdout(Stdio::null())
        .status()
        .ok()?;
    // rg exits 1 when nothing matched, which is still a full read.
    (status.code().is_some_and(|c| c <= 1)).then(|| start.elapsed())
}

fn median(mut run: impl FnMut() -> Option<Duration>) -> Option<Duration> {
    median_of((0..RUNS).map(|_| run()).collect())
}

/// The median of the runs, or `None` when any failed.
fn median_of(runs: Vec<Option<Duration>>) -> Option<Duration> {
    let mut times: Vec<Duration> = runs.into_iter().collect::<Option<Vec<_>>>()?;
    times.sort();
    Some(times[times.len() / 2])
}

fn shown(time: Option<Duration>) -> String {
    match time {
        Some(t) if t < Duration::from_secs(1) => format!("{:.0} ms", t.as_secs_f64() * 1000.0),
        Some(t) => format!("{:.2} s", t.as_secs_f64()),
        None => "fails".to_owned(),
    }
}
