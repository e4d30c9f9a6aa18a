//! The bookmarks file survives `qari bookmarks add` killed at any moment, and two qari
//! processes writing at once lose nothing.
//!
//! Figures: `cargo test --test it bookmarks_safety -- --nocapture` prints them.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::qari_bin;

const ARTICLE: &str = "001_28018be113238a9f.txt";

fn add_command(data: &Path, note: &str) -> Command {
    let mut command = Command::new(qari_bin());
    command
        .env("QARI_DATA_DIR", data)
        .args(["bookmarks", "add", ARTICLE, "--start", "4", "--end", "30"])
        .args(["--note", note])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// The ids in the bookmarks file, which must be whole and valid JSON (or absent).
fn stored_ids(data: &Path) -> Vec<String> {
    let text = match std::fs::read_to_string(data.join("bookmarks.json")) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => panic!("{err}"),
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{err}: {text}"));
    assert_eq!(value["version"], 1);
    value["bookmarks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A small deterministic generator (xorshift), so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn killed_writers_never_corrupt_the_file_or_lose_a_confirmed_bookmark() {
    const RUNS: usize = 300;
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let seed = std::env::var("QARI_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_f00d);
    let mut rng = Rng(seed);
    // How long one add takes here, to spread the kills over its whole life.
    let started = Instant::now();
    let output = add_command(dir, "timing").output().unwrap();
    assert!(output.status.success());
    let span = (started.elapsed().as_micros() as u64 * 3 / 2).max(1_000);
    let mut confirmed = vec![String::from_utf8(output.stdout).unwrap().trim().to_owned()];
    let (mut killed, mut finished) = (0, 0);
    for run in 0..RUNS {
        let mut child = add_command(dir, &format!("run {run}")).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(span)));
        // SIGKILL; a process that already finished is simply reaped.
        let _ = child.kill();
        let output = child.wait_with_output().unwrap();
        if output.status.success() {
            finished += 1;
            confirmed.push(String::from_utf8(output.stdout).unwrap().trim().to_owned());
        } else {
            killed += 1;
        }
        let stored = stored_ids(dir);
        let lost: Vec<_> = confirmed.iter().filter(|id| !stored.contains(id)).collect();
        assert!(lost.is_empty(), "run {run} (seed {seed}): lost {lost:?}");
    }
    let aside = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().contains("corrupt")
        })
        .count();
    assert_eq!(aside, 0, "a file was found corrupt");
    let stored = stored_ids(dir).len();
    eprintln!(
        "kill test: {RUNS} runs (seed {seed}, kills spread over {span} µs): {killed} killed, \
         {finished} finished; {} confirmed, {stored} stored, 0 lost",
        confirmed.len()
    );
    assert!(
        killed > 0 && finished > 0,
        "{killed} killed, {finished} finished"
    );
}

#[test]
fn two_processes_adding_at_once_lose_nothing() {
    const EACH: usize = 200;
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_path_buf();
    // Two shell loops, each one process adding its bookmarks one after another.
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|name| {
            Command::new("sh")
                .arg("-c")
                .arg(format!(
                    "for i in $(seq {EACH}); do \"$0\" bookmarks add {ARTICLE} --start 4 --end 30 --note {name}$i || exit 1; done"
                ))
                .arg(qari_bin())
                .env("QARI_DATA_DIR", &dir)
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut printed = Vec::new();
    for writer in writers {
        let output = writer.wait_with_output().unwrap();
        assert!(output.status.success());
        printed.extend(
            String::from_utf8(output.stdout)
                .unwrap()
                .lines()
                .map(str::to_owned),
        );
    }
    let stored = stored_ids(&dir);
    let mut unique = stored.clone();
    unique.sort();
    unique.dedup();
    let lost = printed.iter().filter(|id| !stored.contains(id)).count();
    eprintln!(
        "concurrency test: 2 processes × {EACH} adds: {} confirmed, {} stored, {} distinct ids, {lost} lost",
        printed.len(),
        stored.len(),
        unique.len()
    );
    assert_eq!(printed.len(), 2 * EACH);
    assert_eq!(stored.len(), 2 * EACH);
    assert_eq!(unique.len(), 2 * EACH);
    assert_eq!(lost, 0);
}
