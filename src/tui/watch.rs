//! Live reload: the folders and files the reader was opened on are watched, and once a
//! burst of changes has settled the event loop is told ([`Event::FilesChanged`]); the
//! corpus is then loaded again on a thread ([`Reloader`]) and handed over as
//! [`Event::Reloaded`].
//!
//! Folders are watched recursively; a file named directly is watched through its folder,
//! because editors save by writing a new file and renaming it over the old one, which
//! ends a watch on the file itself. A watch that cannot be set up (the system's limit
//! on watches, a path that is gone) leaves the reader as it was, and says so.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::events::Event;
use crate::article::{Article, Origin};
use crate::corpus::{self, Corpus, Format};

/// How long the files must be left alone before they are loaded again: an editor's save
/// (write, rename, attributes) or a copy of many files is one reload, not dozens.
const SETTLE: Duration = Duration::from_millis(250);

/// The longest a stream of changes that never pauses delays a reload.
const MAX_DELAY: Duration = Duration::from_secs(3);

/// The watch on the reader's paths; dropping it stops watching.
pub struct Watch {
    /// Kept for its side effect: the operating system's watches live as long as it.
    _watcher: Option<RecommendedWatcher>,
    problem: Option<String>,
}

impl Watch {
    /// Watches `paths` (standard input, `-`, is not watched) and tells `report` when
    /// something in them changed. Never fails: what could not be watched is told by
    /// [`Watch::problem`].
    pub fn start(paths: &[PathBuf], report: Sender<Event>) -> Self {
        let roots = Roots::of(paths);
        if roots.is_empty() {
            return Self {
                _watcher: None,
                problem: None,
            };
        }
        let (to_settle, changes) = channel();
        let mut watcher = match notify::recommended_watcher(to_settle) {
            Ok(watcher) => watcher,
            Err(err) => {
                return Self {
                    _watcher: None,
                    problem: Some(not_watching(None, &err)),
                };
            }
        };
        let mut problems = Vec::new();
        for (path, mode) in roots.watches() {
            if let Err(err) = watcher.watch(&path, mode) {
                problems.push(not_watching(Some(&path), &err));
            }
        }
        let settle = thread::Builder::new()
            .name("qari-watch".into())
            .spawn(move || settle(&changes, &roots, &report));
        if let Err(err) = settle {
            return Self {
                _watcher: None,
                problem: Some(format!("not watching for changes: {err}")),
            };
        }
        Self {
            _watcher: Some(watcher),
            problem: (!problems.is_empty()).then(|| problems.join("; ")),
        }
    }

    /// What could not be watched, for the status line.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }
}

fn not_watching(path: Option<&Path>, err: &notify::Error) -> String {
    let what = match path {
        Some(path) => format!("not watching {} for changes", path.display()),
        None => "not watching for changes".to_owned(),
    };
    match &err.kind {
        notify::ErrorKind::MaxFilesWatch => format!(
            "{what}: the system's limit on watched folders is reached \
             (raise fs.inotify.max_user_watches)"
        ),
        notify::ErrorKind::PathNotFound => format!("{what}: no such file or folder"),
        _ => format!("{what}: {err}"),
    }
}

/// Waits for a change that matters, then for the changes to pause, and tells the loop;
/// returns when the watch is dropped or the loop is gone.
fn settle(
    changes: &Receiver<notify::Result<notify::Event>>,
    roots: &Roots,
    report: &Sender<Event>,
) {
    loop {
        match changes.recv() {
            Ok(change) if roots.matters(&change) => {}
            Ok(_) => continue,
            Err(_) => return,
        }
        let first = Instant::now();
        let mut quiet_until = first + SETTLE;
        loop {
            let deadline = quiet_until.min(first + MAX_DELAY);
            match changes.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(change) if roots.matters(&change) => quiet_until = Instant::now() + SETTLE,
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if report.send(Event::FilesChanged).is_err() {
            return;
        }
    }
}

/// The paths watched, made absolute as the watcher reports them.
#[derive(Debug, Default)]
struct Roots {
    /// Folders, watched with everything under them.
    folders: Vec<PathBuf>,
    /// Files named directly, watched through their folder.
    files: Vec<PathBuf>,
}

impl Roots {
    fn of(paths: &[PathBuf]) -> Self {
        let mut roots = Self::default();
        for path in paths.iter().filter(|p| p.as_os_str() != "-") {
            let path = std::fs::canonicalize(path)
                .or_else(|_| std::path::absolute(path))
                .unwrap_or_else(|_| path.clone());
            if path.is_dir() {
                roots.folders.push(path);
            } else {
                // A file, or a path that does not exist (yet): its folder is watched.
                roots.files.push(path);
            }
        }
        roots
    }

    fn is_empty(&self) -> bool {
        self.folders.is_empty() && self.files.is_empty()
    }

    /// What to ask the watcher for: each folder once, none inside another one watched.
    fn watches(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let covered = |path: &Path| self.folders.iter().any(|f| path.starts_with(f));
        let mut seen = HashSet::new();
        let mut watches = Vec::new();
        for folder in &self.folders {
            let inside_another = self
                .folders
                .iter()
                .any(|other| other != folder && folder.starts_with(other));
            if !inside_another && seen.insert(folder.clone()) {
                watches.push((folder.clone(), RecursiveMode::Recursive));
            }
        }
        for file in &self.files {
            let Some(parent) = file.parent() else {
                continue;
            };
            if !covered(parent) && seen.insert(parent.to_path_buf()) {
                watches.push((parent.to_path_buf(), RecursiveMode::NonRecursive));
            }
        }
        watches
    }

    /// Whether a change can alter what is loaded. Reading a file (which qari itself does
    /// when it reloads) is not a change; neither is a hidden file (an editor's swap
    /// file), which loading skips, nor a file of a kind a folder walk does not read.
    fn matters(&self, change: &notify::Result<notify::Event>) -> bool {
        let Ok(change) = change else {
            // The watcher lost track (an overflowing queue): load again to be sure.
            return true;
        };
        if change.need_rescan() {
            return true;
        }
        match change.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {}
            EventKind::Access(_) => return false,
            _ => {}
        }
        change.paths.is_empty() || change.paths.iter().any(|path| self.holds(path))
    }

    fn holds(&self, path: &Path) -> bool {
        if self.files.iter().any(|file| file == path) {
            return true;
        }
        self.folders.iter().any(|folder| {
            let Ok(below) = path.strip_prefix(folder) else {
                return false;
            };
            let hidden = below
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            // No extension: maybe a folder (one removed can no longer be asked).
            let readable = path.extension().is_none_or(|ext| {
                ext.eq_ignore_ascii_case("zip")
                    || Format::of(&format!("x.{}", ext.to_string_lossy())).is_some()
            });
            !hidden && readable
        })
    }
}

/// Loads the corpus again on a thread when the files change, one load at a time: a
/// change during a load asks for another one after it.
pub struct Reloader {
    paths: Vec<PathBuf>,
    report: Sender<Event>,
    state: Load,
}

/// Where the reloading is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Load {
    /// Nothing is being loaded.
    Idle,
    /// A load is running, and the files are as it found them (as far as is known).
    Running,
    /// A load is running, and the files changed since it started.
    Stale,
}

impl Reloader {
    /// Reloads `paths` (those the reader was opened on), reporting to `report`.
    pub fn new(paths: Vec<PathBuf>, report: Sender<Event>) -> Self {
        Self {
            paths,
            report,
            state: Load::Idle,
        }
    }

    /// The files changed: loads them again, now or after the load that is running.
    /// `current` is what the reader shows (the articles read from standard input, which
    /// cannot be read twice, are kept from it).
    pub fn request(&mut self, current: &Arc<Vec<Article>>) -> io::Result<()> {
        match self.state {
            Load::Idle => self.spawn(current),
            Load::Running | Load::Stale => {
                self.state = Load::Stale;
                Ok(())
            }
        }
    }

    /// The load that was running has been handed over; if the files changed meanwhile,
    /// the next one starts.
    pub fn finished(&mut self, current: &Arc<Vec<Article>>) -> io::Result<()> {
        let stale = self.state == Load::Stale;
        self.state = Load::Idle;
        if stale { self.spawn(current) } else { Ok(()) }
    }

    fn spawn(&mut self, current: &Arc<Vec<Article>>) -> io::Result<()> {
        let paths = self.paths.clone();
        let report = self.report.clone();
        let current = Arc::clone(current);
        thread::Builder::new()
            .name("qari-reload".into())
            .spawn(move || {
                let corpus = reload(&paths, &current);
                let _ = report.send(Event::Reloaded(Box::new(corpus)));
            })?;
        self.state = Load::Running;
        Ok(())
    }
}

/// The corpus under `paths` as it is now; articles that came from standard input are
/// taken from `current`.
pub fn reload(paths: &[PathBuf], current: &[Article]) -> Corpus {
    let files: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let mut corpus = corpus::load_paths(&files);
    if files.len() < paths.len() {
        corpus.articles.extend(
            current
                .iter()
                .filter(|a| a.origin == Origin::Stdin)
                .cloned(),
        );
    }
    corpus
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(kind: EventKind, path: &Path) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(path.to_path_buf()))
    }

    #[test]
    fn only_changes_to_what_is_loaded_matter() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir(&news).unwrap();
        let single = dir.path().join("one.text");
        std::fs::write(&single, "x").unwrap();
        let roots = Roots::of(&[news.clone(), single.clone(), PathBuf::from("-")]);
        let news = std::fs::canonicalize(news).unwrap();
        let single = std::fs::canonicalize(single).unwrap();
        let create = EventKind::Create(notify::event::CreateKind::File);
        let open = EventKind::Access(AccessKind::Open(AccessMode::Any));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));

        assert!(roots.matters(&change(create, &news.join("2021/a.txt"))));
        assert!(roots.matters(&change(closed, &news.join("a.JSON"))));
        assert!(roots.matters(&change(create, &news.join("2021"))));
        assert!(roots.matters(&change(create, &single)));
        assert!(!roots.matters(&change(open, &news.join("a.txt"))));
        assert!(!roots.matters(&change(create, &news.join(".a.txt.swp"))));
        assert!(!roots.matters(&change(create, &news.join(".git/index"))));
        assert!(!roots.matters(&change(create, &news.join("notes.odt"))));
        // The folder of a file named directly is watched; its other files are not read.
        assert!(!roots.matters(&change(create, &dir.path().join("other.txt"))));
        assert!(roots.matters(&Err(notify::Error::generic("queue overflow"))));
    }

    #[test]
    fn each_folder_is_watched_once() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news");
        std::fs::create_dir_all(news.join("2021")).unwrap();
        std::fs::write(news.join("2021/a.txt"), "x").unwrap();
        std::fs::write(dir.path().join("b.txt"), "x").unwrap();
        let roots = Roots::of(&[
            news.clone(),
            news.join("2021"),
            news.join("2021/a.txt"),
            dir.path().join("b.txt"),
        ]);
        let top = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(
            roots.watches(),
            vec![
                (top.join("news"), RecursiveMode::Recursive),
                (top, RecursiveMode::NonRecursive)
            ]
        );
    }

    #[test]
    fn a_reload_keeps_what_came_from_standard_input() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "عنوان\nنص الخبر.").unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let file = elsewhere.path().join("piped.txt");
        std::fs::write(&file, "خبر\nمن الأنبوب.").unwrap();
        let mut piped = corpus::load_paths(&[file]).articles;
        piped[0].id = crate::article::ArticleId::new("stdin");
        piped[0].origin = Origin::Stdin;
        let paths = [PathBuf::from("-"), dir.path().to_path_buf()];
        let corpus = reload(&paths, &piped);
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "stdin"]);
        assert_eq!(reload(&paths[1..], &piped).articles.len(), 1);
    }
}
