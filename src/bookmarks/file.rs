//! One JSON store file kept safe from crashes and from other qari processes; shared by
//! the bookmarks and the reading state. Every change runs the same steps: take an
//! advisory lock (flock on a lock file beside the data, since the rename replaces the
//! data file itself), read the file again, apply the change to what is there now, write
//! a temporary file in the same folder, fsync it, rename it over the file, fsync the
//! folder, unlock. A file that cannot be understood is moved aside, never overwritten; a
//! file that cannot be read is left alone and no change is saved.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rustix::fs::{FlockOperation, flock};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::{MovedAside, Outcome, Problem, StoreError};

/// The content of a store file, under its `version` field.
pub(super) trait Document: Serialize + DeserializeOwned + Default {
    /// The format version this qari writes, and the newest it reads.
    const VERSION: u32;
}

/// The file as written: the version, then the document's own fields.
#[derive(Serialize, Deserialize)]
struct Versioned<T> {
    version: u64,
    #[serde(flatten)]
    document: T,
}

/// A store file and its lock file.
#[derive(Clone, Debug)]
pub(super) struct JsonFile {
    dir: PathBuf,
    path: PathBuf,
    lock: PathBuf,
    temp: PathBuf,
}

/// Whether a change needs writing.
pub(super) enum Change<R> {
    /// Write the document as changed, and return this.
    Save(R),
    /// Nothing changed: return this without writing.
    Keep(R),
}

impl JsonFile {
    /// `<dir>/<name>.json`, locked through `<dir>/<name>.lock`.
    pub(super) fn new(dir: &Path, name: &str) -> Self {
        Self {
            dir: dir.to_path_buf(),
            path: dir.join(format!("{name}.json")),
            lock: dir.join(format!("{name}.lock")),
            // One writer at a time holds the lock, so one temporary name is enough, and
            // one left by a killed writer is simply overwritten by the next.
            temp: dir.join(format!(".{name}.json.tmp")),
        }
    }

    /// The data file.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// The document as it is now. A missing file is an empty document. Locks when it can
    /// (so that a corrupt file is moved aside by one process only); a read-only folder is
    /// still read.
    pub(super) fn load<T: Document>(&self) -> Result<Outcome<T>, StoreError> {
        if !self.path.exists() {
            return Ok(Outcome {
                value: T::default(),
                moved_aside: None,
            });
        }
        let _lock = self.lock().ok();
        self.read_or_move_aside()
    }

    /// Applies `change` to the document as it is on disk now and saves the result, all
    /// under the lock. An error from `change` saves nothing.
    pub(super) fn update<T: Document, R>(
        &self,
        change: impl FnOnce(&mut T) -> Result<Change<R>, StoreError>,
    ) -> Result<Outcome<R>, StoreError> {
        fs::create_dir_all(&self.dir).map_err(|source| self.unwritable(&self.dir, source))?;
        let _lock = self
            .lock()
            .map_err(|source| self.unwritable(&self.lock, source))?;
        let Outcome {
            value: mut document,
            moved_aside,
        } = self.read_or_move_aside::<T>()?;
        let value = match change(&mut document)? {
            Change::Keep(value) => value,
            Change::Save(value) => {
                self.write(&document)
                    .map_err(|source| self.unwritable(&self.path, source))?;
                value
            }
        };
        Ok(Outcome { value, moved_aside })
    }

    /// Opens the lock file and waits for the exclusive lock, held until it is dropped
    /// (or the process dies).
    fn lock(&self) -> io::Result<File> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&self.lock)?;
        loop {
            match flock(&file, FlockOperation::LockExclusive) {
                Ok(()) => return Ok(file),
                Err(rustix::io::Errno::INTR) => continue,
                Err(err) => return Err(err.into()),
            }
        }
    }

    /// Reads the file; one that cannot be understood is moved aside and an empty document
    /// returned in its place.
    fn read_or_move_aside<T: Document>(&self) -> Result<Outcome<T>, StoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Ok(Outcome {
                    value: T::default(),
                    moved_aside: None,
                });
            }
            Err(source) => {
                return Err(StoreError::Unreadable {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        match parse::<T>(&bytes) {
            Ok(value) => Ok(Outcome {
                value,
                moved_aside: None,
            }),
            Err(problem) => {
                let to = self.move_aside().map_err(|source| StoreError::Corrupt {
                    path: self.path.clone(),
                    problem: problem.clone(),
                    source,
                })?;
                Ok(Outcome {
                    value: T::default(),
                    moved_aside: Some(MovedAside {
                        from: self.path.clone(),
                        to,
                        problem,
                    }),
                })
            }
        }
    }

    /// Renames the file to `<file>.corrupt-<time>` (with `-2`, `-3`… if that exists).
    fn move_aside(&self) -> io::Result<PathBuf> {
        let time = jiff::Timestamp::now()
            .strftime("%Y%m%dT%H%M%SZ")
            .to_string();
        let base = format!("{}.corrupt-{time}", self.path.display());
        let mut to = PathBuf::from(&base);
        let mut n = 2;
        while to.exists() {
            to = PathBuf::from(format!("{base}-{n}"));
            n += 1;
        }
        fs::rename(&self.path, &to)?;
        File::open(&self.dir)?.sync_all()?;
        Ok(to)
    }

    /// Temporary file, fsync, rename over the file, fsync of the folder: after a crash
    /// at any moment the file is either the old one or the new one, whole.
    fn write<T: Document>(&self, document: &T) -> io::Result<()> {
        let versioned = Versioned {
            version: u64::from(T::VERSION),
            document,
        };
        let mut bytes = serde_json::to_vec_pretty(&versioned)?;
        bytes.push(b'\n');
        let mut temp = OpenOptions::new()
            .create(true)
            .truncate(true)
            .write(true)
            .mode(0o600)
            .open(&self.temp)?;
        temp.write_all(&bytes)?;
        temp.sync_all()?;
        drop(temp);
        fs::rename(&self.temp, &self.path)?;
        File::open(&self.dir)?.sync_all()
    }

    fn unwritable(&self, path: &Path, source: io::Error) -> StoreError {
        StoreError::Unwritable {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The document in `bytes`, or what is wrong with them.
fn parse<T: Document>(bytes: &[u8]) -> Result<T, Problem> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|err| Problem::NotJson(err.to_string()))?;
    let version = value
        .get("version")
        .ok_or_else(|| Problem::WrongShape("no `version` field".to_owned()))?
        .as_u64()
        .ok_or_else(|| Problem::WrongShape("`version` is not a whole number".to_owned()))?;
    if version > u64::from(T::VERSION) {
        return Err(Problem::FutureVersion {
            found: version,
            supported: T::VERSION,
        });
    }
    serde_json::from_value::<Versioned<T>>(value)
        .map(|versioned| versioned.document)
        .map_err(|err| Problem::WrongShape(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default, Serialize, Deserialize, PartialEq, Debug)]
    struct Numbers {
        numbers: Vec<u32>,
    }

    impl Document for Numbers {
        const VERSION: u32 = 1;
    }

    #[test]
    fn problems_are_told_apart() {
        assert_eq!(
            parse::<Numbers>(br#"{"version":1,"numbers":[1,2]}"#),
            Ok(Numbers {
                numbers: vec![1, 2]
            })
        );
        assert!(matches!(
            parse::<Numbers>(b"{not json"),
            Err(Problem::NotJson(_))
        ));
        assert!(matches!(
            parse::<Numbers>(br#"{"numbers":[]}"#),
            Err(Problem::WrongShape(_))
        ));
        assert!(matches!(
            parse::<Numbers>(br#"{"version":1,"numbers":"x"}"#),
            Err(Problem::WrongShape(_))
        ));
        assert_eq!(
            parse::<Numbers>(br#"{"version":7,"numbers":[]}"#),
            Err(Problem::FutureVersion {
                found: 7,
                supported: 1
            })
        );
    }

    #[test]
    fn changes_merge_with_what_is_on_disk_and_a_keep_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = JsonFile::new(&dir.path().join("sub"), "numbers");
        for n in 0..3 {
            file.update(|doc: &mut Numbers| {
                doc.numbers.push(n);
                Ok(Change::Save(()))
            })
            .unwrap();
        }
        let loaded = file.load::<Numbers>().unwrap().value;
        assert_eq!(loaded.numbers, vec![0, 1, 2]);
        // Every save renames a new file in, so an unchanged inode means nothing written.
        let inode = || std::os::unix::fs::MetadataExt::ino(&fs::metadata(file.path()).unwrap());
        let before = inode();
        file.update(|_: &mut Numbers| Ok(Change::Keep(()))).unwrap();
        assert_eq!(inode(), before);
        file.update(|_: &mut Numbers| Ok(Change::Save(()))).unwrap();
        assert_ne!(inode(), before);
        let text = fs::read_to_string(file.path()).unwrap();
        assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
    }
}
