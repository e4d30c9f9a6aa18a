//! Finding the inputs under the paths the user gave, in the order of the corpus (the
//! paths in the order given, each folder's entries sorted by name), and giving each file
//! its id. Special files (pipes, sockets, devices) found in a folder are reported with
//! their kind and never opened: reading one could wait forever.

use std::collections::HashSet;
use std::fs;
use std::ops::ControlFlow;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use super::super::formats::Format;
use super::super::{SkipReason, Skipped};

/// What walking finds, in corpus order.
pub(super) enum Walked {
    /// A file to read.
    File(FileInput),
    /// Standard input (`-`).
    Stdin,
    /// A path that cannot be loaded.
    Skipped(Skipped),
}

/// A file to read, with the names it is known by.
pub(super) struct FileInput {
    /// Where it is.
    pub path: PathBuf,
    /// Its id: the path relative to the root it was found under.
    pub id: String,
    /// The path metadata hints are read from (see [`super::super::build::Found::path`]).
    pub hint: String,
    /// A regular file, or a named pipe given on the command line.
    pub kind: InputKind,
}

/// What kind of file an input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum InputKind {
    /// A regular file: its size is known and it can seek (a ZIP archive is read in place).
    Regular,
    /// A named pipe named on the command line (`<(zcat dump.jsonl.gz)`): read once, as a
    /// stream, like standard input.
    Pipe,
}

/// A file that is not a regular file or a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SpecialKind {
    /// A FIFO.
    #[error("a named pipe (FIFO)")]
    Pipe,
    /// A Unix domain socket.
    #[error("a socket")]
    Socket,
    /// A character device (a terminal, `/dev/zero`).
    #[error("a character device")]
    CharDevice,
    /// A block device (a disk).
    #[error("a block device")]
    BlockDevice,
}

impl SpecialKind {
    fn of(file_type: fs::FileType) -> Option<SpecialKind> {
        if file_type.is_fifo() {
            Some(SpecialKind::Pipe)
        } else if file_type.is_socket() {
            Some(SpecialKind::Socket)
        } else if file_type.is_char_device() {
            Some(SpecialKind::CharDevice)
        } else if file_type.is_block_device() {
            Some(SpecialKind::BlockDevice)
        } else {
            None
        }
    }
}

/// Walks `roots` in order, telling `found` about each input and problem until it breaks.
pub(super) fn walk_roots(roots: &[PathBuf], found: &mut dyn FnMut(Walked) -> ControlFlow<()>) {
    let mut ids = HashSet::new();
    for root in roots {
        let step = if root.as_os_str() == "-" {
            found(Walked::Stdin)
        } else {
            walk_root(root, &mut ids, found)
        };
        if step.is_break() {
            return;
        }
    }
}

fn walk_root(
    root: &Path,
    ids: &mut HashSet<String>,
    found: &mut dyn FnMut(Walked) -> ControlFlow<()>,
) -> ControlFlow<()> {
    let meta = match fs::metadata(root) {
        Ok(meta) => meta,
        Err(err) => return found(skipped(root, io_reason(&err))),
    };
    let mut walker = Walker {
        root,
        hint_base: if meta.is_dir() {
            root.parent()
        } else {
            root.parent().and_then(Path::parent)
        },
        ids,
        visited: HashSet::new(),
        found,
    };
    if meta.is_dir() {
        return walker.folder(root);
    }
    match SpecialKind::of(meta.file_type()) {
        None => walker.file(root, InputKind::Regular),
        // Named on the command line, a pipe is meant to be read; other special files
        // cannot be (a socket) or are not articles (a terminal, a disk).
        Some(SpecialKind::Pipe) => walker.file(root, InputKind::Pipe),
        Some(kind) => (walker.found)(skipped(root, SkipReason::Special(kind))),
    }
}

/// The walk of one root.
struct Walker<'a> {
    root: &'a Path,
    /// The folder hint paths start from: the one above the folder named.
    hint_base: Option<&'a Path>,
    ids: &'a mut HashSet<String>,
    /// Folders seen, canonicalized: a second visit is a symbolic-link loop.
    visited: HashSet<PathBuf>,
    found: &'a mut dyn FnMut(Walked) -> ControlFlow<()>,
}

impl Walker<'_> {
    fn folder(&mut self, dir: &Path) -> ControlFlow<()> {
        let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.visited.insert(canonical) {
            return (self.found)(skipped(dir, SkipReason::LinkLoop));
        }
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(err) => return (self.found)(skipped(dir, io_reason(&err))),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .collect();
        paths.sort();
        for path in paths {
            // `metadata` follows symbolic links: a link to a folder is walked (loops are
            // caught above), a link to a pipe is a pipe.
            match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => self.folder(&path)?,
                Ok(meta) if meta.is_file() => {
                    if is_readable_kind(&path) {
                        self.file(&path, InputKind::Regular)?;
                    }
                }
                // Reported whatever its name: a name says nothing of what a pipe or a
                // device would give, and the user should know why nothing came of it.
                Ok(meta) => {
                    if let Some(kind) = SpecialKind::of(meta.file_type()) {
                        (self.found)(skipped(&path, SkipReason::Special(kind)))?;
                    }
                }
                Err(err) => (self.found)(skipped(&path, io_reason(&err)))?,
            }
        }
        ControlFlow::Continue(())
    }

    fn file(&mut self, path: &Path, kind: InputKind) -> ControlFlow<()> {
        let relative = self
            .hint_base
            .and_then(|base| path.strip_prefix(base).ok())
            .unwrap_or(path);
        let input = FileInput {
            path: path.to_path_buf(),
            id: unique_id(self.ids, self.root, path),
            hint: slash_path(relative),
            kind,
        };
        (self.found)(Walked::File(input))
    }
}

fn skipped(path: &Path, reason: SkipReason) -> Walked {
    Walked::Skipped(Skipped {
        path: path.to_path_buf(),
        reason,
    })
}

fn is_readable_kind(path: &Path) -> bool {
    has_extension(path, "zip") || Format::of(&path.to_string_lossy()).is_some()
}

/// Whether the path's extension is `wanted`, in any case.
pub(super) fn has_extension(path: &Path, wanted: &str) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(wanted))
}

/// The reason an I/O error gives for not loading a path.
pub(super) fn io_reason(err: &std::io::Error) -> SkipReason {
    match err.kind() {
        std::io::ErrorKind::NotFound => SkipReason::NotFound,
        _ => SkipReason::Unreadable(err.to_string()),
    }
}

/// The path relative to its root (the file name for a file given directly), made unique
/// across roots by prefixing the root's name, then by a counter.
fn unique_id(seen: &mut HashSet<String>, root: &Path, file: &Path) -> String {
    let relative = match file.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
        _ => PathBuf::from(file.file_name().unwrap_or(file.as_os_str())),
    };
    let relative = slash_path(&relative);
    let mut id = relative.clone();
    if seen.contains(&id) {
        let root_name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        id = format!("{root_name}/{relative}");
    }
    let mut n = 2;
    while seen.contains(&id) {
        id = format!("{relative}~{n}");
        n += 1;
    }
    seen.insert(id.clone());
    id
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_relative_to_the_root_and_unique_across_roots() {
        let mut seen = HashSet::new();
        let a = unique_id(
            &mut seen,
            Path::new("/x/news"),
            Path::new("/x/news/2021/a.txt"),
        );
        let b = unique_id(
            &mut seen,
            Path::new("/y/news"),
            Path::new("/y/news/2021/a.txt"),
        );
        let c = unique_id(
            &mut seen,
            Path::new("/z/news"),
            Path::new("/z/news/2021/a.txt"),
        );
        let d = unique_id(&mut seen, Path::new("/z/one.txt"), Path::new("/z/one.txt"));
        assert_eq!(a, "2021/a.txt");
        assert_eq!(b, "news/2021/a.txt");
        assert_eq!(c, "2021/a.txt~2");
        assert_eq!(d, "one.txt");
    }

    fn walked(roots: &[PathBuf]) -> Vec<String> {
        let mut seen = Vec::new();
        walk_roots(roots, &mut |walked| {
            seen.push(match walked {
                Walked::File(file) => format!("{} {} {:?}", file.id, file.hint, file.kind),
                Walked::Stdin => "-".to_owned(),
                Walked::Skipped(skipped) => format!(
                    "skipped {}: {}",
                    skipped.path.file_name().unwrap().to_string_lossy(),
                    skipped.reason
                ),
            });
            ControlFlow::Continue(())
        });
        seen
    }

    #[test]
    fn folders_are_walked_in_name_order_and_special_files_reported() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("okaz");
        fs::create_dir_all(news.join("b")).unwrap();
        fs::write(news.join("b/2.txt"), "x").unwrap();
        fs::write(news.join("a.json"), "x").unwrap();
        fs::write(news.join("c.pdf"), "x").unwrap();
        fs::write(news.join(".hidden.txt"), "x").unwrap();
        rustix::fs::mknodat(
            rustix::fs::CWD,
            news.join("pipe.jsonl"),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap();
        let socket = std::os::unix::net::UnixListener::bind(news.join("sock")).unwrap();
        assert_eq!(
            walked(&[news.clone(), PathBuf::from("-"), news.join("pipe.jsonl")]),
            [
                "a.json okaz/a.json Regular",
                "b/2.txt okaz/b/2.txt Regular",
                "skipped pipe.jsonl: a named pipe (FIFO), not a regular file: left unread",
                "skipped sock: a socket, not a regular file: left unread",
                "-",
                "pipe.jsonl okaz/pipe.jsonl Pipe",
            ]
        );
        drop(socket);
        assert_eq!(
            walked(&[PathBuf::from("/dev/null")]),
            ["skipped null: a character device, not a regular file: left unread"]
        );
    }

    #[test]
    fn walking_stops_when_told() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt", "c.txt"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        let mut seen = 0;
        walk_roots(&[dir.path().to_path_buf()], &mut |_| {
            seen += 1;
            if seen == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
        assert_eq!(seen, 2);
    }
}
