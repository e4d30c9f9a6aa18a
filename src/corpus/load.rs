//! Walking the paths the user gave, opening ZIP archives, reading each file, and turning
//! every document in it into an article. Nothing here stops a load: each file or entry
//! that cannot be read is recorded with its reason and the rest goes on.

use std::collections::HashSet;
use std::fs;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use super::build::{Found, build};
use super::decode::decode;
use super::formats::{Format, RawDoc, parse_json, parse_json_lines, parse_text};
use super::{Corpus, SkipReason, Skipped};
use crate::article::Origin;
use crate::text::sanitize;

/// Files (and ZIP entries) larger than this are skipped rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Loads every article under the given paths. Folders are walked recursively (hidden
/// entries skipped, symbolic-link loops detected) for `.txt`, `.md`, `.json`, `.jsonl`
/// and `.zip` files; a file named directly is read whatever its extension (as text unless
/// it says otherwise); `-` is standard input. Ids are paths relative to the path given,
/// with `#n` for the n-th entry of a JSON array or JSON Lines file.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    let mut loader = Loader::default();
    for root in paths {
        if root.as_os_str() == "-" {
            let mut bytes = Vec::new();
            match std::io::stdin().read_to_end(&mut bytes) {
                Ok(_) => loader.load_bytes("stdin", Origin::Stdin, "-", &bytes, "standard input"),
                Err(err) => loader.skip(root.clone(), SkipReason::Unreadable(err.to_string())),
            }
            continue;
        }
        let mut files = Vec::new();
        match fs::metadata(root) {
            Ok(meta) if meta.is_dir() => {
                let mut visited = HashSet::new();
                walk(root, &mut visited, &mut files, &mut loader.corpus.skipped);
            }
            Ok(_) => files.push(root.clone()),
            Err(err) => loader.skip(root.clone(), io_reason(&err)),
        }
        for file in files {
            loader.load_file(root, &file);
        }
    }
    loader.corpus
}

/// Loads `bytes` as [`load_paths`] loads a file at the relative path `name` (or standard
/// input, for `-`), without touching the disk.
pub(super) fn load_named_bytes(name: &str, bytes: &[u8]) -> Corpus {
    let mut loader = Loader::default();
    if name == "-" {
        loader.load_bytes("stdin", Origin::Stdin, "-", bytes, "standard input");
    } else {
        loader.load_content(name, name, Path::new(name), bytes);
    }
    loader.corpus
}

/// Decodes standard input for `qari show -`.
pub fn load_stdin(bytes: &[u8]) -> Result<String, SkipReason> {
    decode(bytes).map(|(text, _)| sanitize(&text))
}

#[derive(Default)]
struct Loader {
    corpus: Corpus,
    ids: HashSet<String>,
}

impl Loader {
    fn skip(&mut self, path: PathBuf, reason: SkipReason) {
        self.corpus.skipped.push(Skipped { path, reason });
    }

    fn load_file(&mut self, root: &Path, file: &Path) {
        let bytes = match read_limited(file) {
            Ok(bytes) => bytes,
            Err(reason) => return self.skip(file.to_path_buf(), reason),
        };
        let id = unique_id(&mut self.ids, root, file);
        let hint = hint_path(root, file);
        self.load_content(&id, &hint, file, &bytes);
    }

    /// A file's bytes, once read: a ZIP archive's entries, or the file's own documents.
    fn load_content(&mut self, id: &str, hint: &str, file: &Path, bytes: &[u8]) {
        if has_extension(file, "zip") {
            self.load_zip(id, hint, file, bytes);
        } else {
            let origin = Origin::File(file.to_path_buf());
            let shown = file.display().to_string();
            self.load_bytes(id, origin, hint, bytes, &shown);
        }
    }

    fn load_zip(&mut self, id: &str, hint: &str, file: &Path, bytes: &[u8]) {
        let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
            Ok(archive) => archive,
            Err(err) => {
                return self.skip(file.to_path_buf(), SkipReason::BadArchive(err.to_string()));
            }
        };
        for index in 0..archive.len() {
            let mut entry = match archive.by_index(index) {
                Ok(entry) => entry,
                Err(err) => {
                    self.skip(
                        file.join(format!("#{}", index + 1)),
                        SkipReason::BadArchive(err.to_string()),
                    );
                    continue;
                }
            };
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            let hidden = name.split('/').any(|part| part.starts_with('.'));
            if !entry.is_file() || hidden || (Format::of(&name).is_none()) {
                continue;
            }
            let entry_path = file.join(&name);
            if entry.size() > MAX_FILE_BYTES {
                self.skip(entry_path, SkipReason::TooLarge(entry.size()));
                continue;
            }
            // The declared size can lie (a ZIP bomb): never read past the limit.
            let mut bytes = Vec::new();
            match (&mut entry)
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
            {
                Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => {
                    self.skip(entry_path, SkipReason::TooLarge(bytes.len() as u64));
                }
                Ok(_) => {
                    let origin = Origin::Archive {
                        archive: file.to_path_buf(),
                        entry: name.clone(),
                    };
                    let shown = entry_path.display().to_string();
                    let hint = format!("{hint}/{name}");
                    self.load_bytes(&format!("{id}/{name}"), origin, &hint, &bytes, &shown);
                }
                Err(err) => self.skip(entry_path, SkipReason::BadArchive(err.to_string())),
            }
        }
    }

    /// Reads one file's bytes: decodes them and makes an article of every document in them.
    /// `hint` is the path for metadata hints (its name also gives the format; `-` for
    /// standard input), `path` the one to report problems under.
    fn load_bytes(&mut self, id: &str, origin: Origin, hint: &str, bytes: &[u8], path: &str) {
        let text = match decode(bytes) {
            Ok((text, _)) => text,
            Err(reason) => return self.skip(PathBuf::from(path), reason),
        };
        let format = if hint == "-" {
            sniff(&text)
        } else {
            Format::of(hint).unwrap_or(Format::Text)
        };
        let docs: Vec<Result<RawDoc, String>> = match format {
            Format::Text => vec![Ok(parse_text(&text))],
            Format::Json => match parse_json(&text) {
                Ok(docs) => docs,
                Err(why) => return self.skip(PathBuf::from(path), SkipReason::Malformed(why)),
            },
            Format::JsonLines => parse_json_lines(&text),
        };
        let numbered = docs.len() > 1 || format != Format::Text;
        for (index, doc) in docs.into_iter().enumerate() {
            let entry_id = if numbered {
                format!("{id}#{}", index + 1)
            } else {
                id.to_owned()
            };
            let shown_path = if numbered {
                format!("{path}#{}", index + 1)
            } else {
                path.to_owned()
            };
            let article = doc.map_err(SkipReason::Malformed).and_then(|doc| {
                let found = Found {
                    id: &entry_id,
                    origin: origin.clone(),
                    path: hint,
                };
                build(found, doc).ok_or(SkipReason::Empty)
            });
            match article {
                Ok(article) => self.corpus.articles.push(article),
                Err(reason) => self.skip(PathBuf::from(shown_path), reason),
            }
        }
    }
}

/// Standard input has no name: JSON if it looks like JSON.
fn sniff(text: &str) -> Format {
    match text.trim_start().chars().next() {
        Some('[') => Format::Json,
        Some('{')
            if text.trim().lines().count() > 1
                && text
                    .lines()
                    .all(|l| l.trim().is_empty() || l.trim_start().starts_with('{')) =>
        {
            Format::JsonLines
        }
        Some('{') => Format::Json,
        _ => Format::Text,
    }
}

fn walk(
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
) {
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canonical) {
        skipped.push(Skipped {
            path: dir.to_path_buf(),
            reason: SkipReason::LinkLoop,
        });
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            skipped.push(Skipped {
                path: dir.to_path_buf(),
                reason: io_reason(&err),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| entry.path())
        .collect();
    paths.sort();
    for path in paths {
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, visited, files, skipped),
            Ok(meta) if meta.is_file() && is_readable_kind(&path) => files.push(path),
            Ok(_) => {}
            Err(err) => skipped.push(Skipped {
                path,
                reason: io_reason(&err),
            }),
        }
    }
}

/// The file's path from the folder above the one the user named (for a file named
/// directly, from the folder above its own), slash-separated.
fn hint_path(root: &Path, file: &Path) -> String {
    let base = if root.is_dir() {
        root.parent()
    } else {
        root.parent().and_then(Path::parent)
    };
    let relative = base
        .and_then(|base| file.strip_prefix(base).ok())
        .unwrap_or(file);
    slash_path(relative)
}

fn is_readable_kind(path: &Path) -> bool {
    has_extension(path, "zip") || Format::of(&path.to_string_lossy()).is_some()
}

fn has_extension(path: &Path, wanted: &str) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case(wanted))
}

fn read_limited(path: &Path) -> Result<Vec<u8>, SkipReason> {
    let size = fs::metadata(path).map_err(|err| io_reason(&err))?.len();
    if size > MAX_FILE_BYTES {
        return Err(SkipReason::TooLarge(size));
    }
    fs::read(path).map_err(|err| io_reason(&err))
}

fn io_reason(err: &std::io::Error) -> SkipReason {
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

    #[test]
    fn standard_input_is_sniffed() {
        assert_eq!(sniff("  [{\"content\": \"x\"}]"), Format::Json);
        assert_eq!(sniff("{\"content\": \"x\"}"), Format::Json);
        assert_eq!(
            sniff("{\"content\": \"x\"}\n{\"content\": \"y\"}\n"),
            Format::JsonLines
        );
        assert_eq!(sniff("عنوان\nنص"), Format::Text);
    }
}
