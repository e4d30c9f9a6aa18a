//! ZIP archives: each entry that qari reads (by its name, hidden ones left out) goes
//! through the same reading as a file, streamed from the archive. An archive that cannot
//! seek (standard input, a pipe) is read into memory first, since its directory is at its
//! end; the text in it is compressed, so that is its smallest copy.

use std::io::{Cursor, Read, Seek};
use std::path::PathBuf;

use super::super::super::SkipReason;
use super::super::super::formats::Format;
use super::super::entry::Document;
use super::super::pool::Chunker;
use super::{FormatBy, problem, read_document};
use crate::article::Origin;

/// What a ZIP archive's entries are named after.
pub(super) struct ArchiveNames {
    /// The archive's id: entries are `id/entry`.
    pub id: String,
    /// The archive's hint path.
    pub hint: String,
    /// The archive's path, or how problems name standard input.
    pub path: PathBuf,
    /// Where it is, which its articles' origin says.
    pub place: ArchivePlace,
}

/// Where an archive is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ArchivePlace {
    /// A file (named by [`ArchiveNames::path`]).
    File,
    /// Standard input: so is its articles' origin.
    StandardInput,
}

/// A ZIP archive that cannot seek (standard input, a pipe) is read into memory first:
/// its directory is at its end. Its text is compressed, so this is the smallest copy.
pub(super) fn read_zip_stream(
    mut raw: Box<dyn Read + '_>,
    archive: &ArchiveNames,
    chunker: &mut Chunker,
) {
    let mut bytes = Vec::new();
    match raw.read_to_end(&mut bytes) {
        Ok(_) => read_zip(Cursor::new(bytes), archive, chunker),
        Err(err) => problem(
            chunker,
            &archive.path,
            SkipReason::Unreadable(err.to_string()),
        ),
    }
}

pub(super) fn read_zip<R: Read + Seek>(reader: R, archive: &ArchiveNames, chunker: &mut Chunker) {
    let mut zip = match zip::ZipArchive::new(reader) {
        Ok(zip) => zip,
        Err(err) => return problem(chunker, &archive.path, bad_archive(&err)),
    };
    for index in 0..zip.len() {
        if chunker.is_cancelled() {
            return;
        }
        let entry = match zip.by_index(index) {
            Ok(entry) => entry,
            Err(err) => {
                let path = archive.path.join(format!("#{}", index + 1));
                problem(chunker, &path, bad_archive(&err));
                continue;
            }
        };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let hidden = name.split('/').any(|part| part.starts_with('.'));
        let Some(format) = Format::of(&name).filter(|_| entry.is_file() && !hidden) else {
            continue;
        };
        let document = Document {
            id: format!("{}/{name}", archive.id),
            shown: archive.path.join(&name).display().to_string(),
            origin: match archive.place {
                ArchivePlace::File => Origin::Archive {
                    archive: archive.path.clone(),
                    entry: name.clone(),
                },
                ArchivePlace::StandardInput => Origin::Stdin,
            },
            hint: format!("{}/{name}", archive.hint),
        };
        // The declared size can lie (a ZIP bomb): reading is limited as for any stream.
        read_document(
            Box::new(entry),
            document,
            FormatBy::Name(format),
            None,
            chunker,
        );
    }
}

fn bad_archive(err: &zip::result::ZipError) -> SkipReason {
    SkipReason::BadArchive(err.to_string())
}
