//! Walking the paths the user gave and reading each article file.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::{Corpus, SkipReason, Skipped, extract};
use crate::article::{Article, ArticleId, Origin};
use crate::text::sanitize;

/// Files larger than this are skipped rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Loads every article under the given files and folders. Folders are walked
/// recursively, hidden entries skipped, `.txt` files read; a file named directly is read
/// whatever its extension. Ids are paths relative to the folder given.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    let mut corpus = Corpus::default();
    let mut seen_ids = HashSet::new();
    for root in paths {
        let mut files = Vec::new();
        match fs::metadata(root) {
            Ok(meta) if meta.is_dir() => {
                let mut visited = HashSet::new();
                walk(root, &mut visited, &mut files, &mut corpus.skipped);
            }
            Ok(_) => files.push(root.clone()),
            Err(err) => corpus.skipped.push(Skipped {
                path: root.clone(),
                reason: io_reason(&err),
            }),
        }
        for file in files {
            match read_text(&file) {
                Ok(text) => {
                    let id = unique_id(&mut seen_ids, root, &file);
                    match article_from_text(&id, Origin::File(file.clone()), &text) {
                        Some(article) => corpus.articles.push(article),
                        None => corpus.skipped.push(Skipped {
                            path: file,
                            reason: SkipReason::Empty,
                        }),
                    }
                }
                Err(reason) => corpus.skipped.push(Skipped { path: file, reason }),
            }
        }
    }
    corpus
}

/// Builds an article from the text of a raw file; `None` when there is no visible text.
pub(super) fn article_from_text(id: &str, origin: Origin, text: &str) -> Option<Article> {
    let extracted = extract(&sanitize(text))?;
    Some(Article {
        id: ArticleId::new(id),
        title: extracted.title,
        paragraphs: extracted.paragraphs,
        origin,
    })
}

/// Decodes standard input for `qari show -`: UTF-8, with invalid bytes replaced.
pub fn load_stdin(bytes: &[u8]) -> Result<String, SkipReason> {
    std::str::from_utf8(bytes)
        .map(sanitize)
        .map_err(|err| SkipReason::NotUtf8(err.valid_up_to()))
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
            Ok(meta) if meta.is_file() && has_txt_extension(&path) => files.push(path),
            Ok(_) => {}
            Err(err) => skipped.push(Skipped {
                path,
                reason: io_reason(&err),
            }),
        }
    }
}

fn has_txt_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

fn read_text(path: &Path) -> Result<String, SkipReason> {
    let size = fs::metadata(path).map_err(|err| io_reason(&err))?.len();
    if size > MAX_FILE_BYTES {
        return Err(SkipReason::TooLarge(size));
    }
    let bytes = fs::read(path).map_err(|err| io_reason(&err))?;
    if bytes.contains(&0) {
        return Err(SkipReason::Binary);
    }
    String::from_utf8(bytes).map_err(|err| SkipReason::NotUtf8(err.utf8_error().valid_up_to()))
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
        id = format!("{relative}#{n}");
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
        assert_eq!(c, "2021/a.txt#2");
        assert_eq!(d, "one.txt");
    }
}
