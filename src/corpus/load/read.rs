//! Reading one input (a file, standard input, a ZIP archive and its entries) into raw
//! entries, as a stream. Files, archive entries and standard input take the same path:
//! the first bytes say the encoding (a BOM: UTF-16 is transcoded as it streams) and
//! whether it is binary; the name says the format, or, for standard input and a pipe
//! without an extension, the first bytes do. JSON Lines are then read line by line and
//! JSON arrays element by element, with no limit on the whole; a text file is one
//! article and is read whole, up to the limit of one entry. ZIP archives are in
//! [`archive`], the JSON streams in [`json`], the format of a stream without a name in
//! [`sniff`].

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::super::formats::Format;
use super::super::{SkipReason, Skipped};
use super::entry::{Content, Document, RawEntry};
use super::pool::Chunker;
use super::utf16::{Malformed, Utf16Reader};
use super::walk::{FileInput, InputKind, has_extension, io_reason};
use super::{ArticleSize, MAX_ENTRY_BYTES};
use crate::article::Origin;
use archive::{ArchiveNames, ArchivePlace, read_zip, read_zip_stream};
use json::{read_json, read_lines};

mod archive;
mod json;
mod sniff;

/// One input, as the walk found it.
pub(super) enum Input<'a> {
    /// A file (or a pipe named on the command line).
    File(FileInput),
    /// Standard input.
    Stdin,
    /// A file's content held in memory, as if at the relative path `name` (`-`: as if it
    /// were standard input).
    Memory { name: &'a str, bytes: &'a [u8] },
}

/// Bytes read at a time; also the most a chunk of a stream waits for before it is
/// handed on (see [`Chunker::pause`]).
const READ_BUFFER: usize = 256 * 1024;

/// How an input's format is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormatBy {
    /// Its name says it.
    Name(Format),
    /// It has no name that says: its first bytes do (and may say ZIP).
    Content,
}

/// Reads `input` into `chunker`.
pub(super) fn read_input(input: Input<'_>, chunker: &mut Chunker<'_, '_>) {
    match input {
        Input::Stdin => read_document(
            Box::new(io::stdin().lock()),
            stdin_document(),
            FormatBy::Content,
            None,
            chunker,
        ),
        Input::Memory { name: "-", bytes } => {
            read_document(
                Box::new(bytes),
                stdin_document(),
                FormatBy::Content,
                None,
                chunker,
            );
        }
        Input::Memory { name, bytes } if has_extension(Path::new(name), "zip") => {
            let archive = ArchiveNames {
                id: name.to_owned(),
                hint: name.to_owned(),
                path: PathBuf::from(name),
                place: ArchivePlace::File,
            };
            read_zip(Cursor::new(bytes), &archive, chunker);
        }
        Input::Memory { name, bytes } => {
            let document = Document {
                id: name.to_owned(),
                shown: name.to_owned(),
                origin: Origin::File(PathBuf::from(name)),
                hint: name.to_owned(),
            };
            let format = FormatBy::Name(Format::of(name).unwrap_or(Format::Text));
            let size = Some(bytes.len() as u64);
            read_document(Box::new(bytes), document, format, size, chunker);
        }
        Input::File(file) => read_file(file, chunker),
    }
}

fn stdin_document() -> Document {
    Document {
        id: "stdin".to_owned(),
        shown: "standard input".to_owned(),
        origin: Origin::Stdin,
        hint: "-".to_owned(),
    }
}

fn read_file(file: FileInput, chunker: &mut Chunker<'_, '_>) {
    // A pipe named on the command line blocks here until it has a writer, as `cat` would.
    let opened = match File::open(&file.path) {
        Ok(opened) => opened,
        Err(err) => return problem(chunker, &file.path, io_reason(&err)),
    };
    if has_extension(&file.path, "zip") {
        let archive = ArchiveNames {
            id: file.id,
            hint: file.hint,
            path: file.path,
            place: ArchivePlace::File,
        };
        return match file.kind {
            InputKind::Regular => read_zip(opened, &archive, chunker),
            InputKind::Pipe => read_zip_stream(Box::new(opened), &archive, chunker),
        };
    }
    let format = match (Format::of(&file.hint), file.kind) {
        (Some(format), _) => FormatBy::Name(format),
        (None, InputKind::Regular) => FormatBy::Name(Format::Text),
        (None, InputKind::Pipe) => FormatBy::Content,
    };
    let size = match file.kind {
        InputKind::Regular => opened.metadata().ok().map(|meta| meta.len()),
        InputKind::Pipe => None,
    };
    let document = Document {
        shown: file.path.display().to_string(),
        origin: Origin::File(file.path),
        id: file.id,
        hint: file.hint,
    };
    read_document(Box::new(opened), document, format, size, chunker);
}

/// Reads one document: a file, a ZIP entry or standard input. `size` is its size when
/// it is known (a file on disk), for the message when it is too large.
fn read_document(
    mut raw: Box<dyn Read + '_>,
    document: Document,
    format: FormatBy,
    size: Option<u64>,
    chunker: &mut Chunker,
) {
    let document = Arc::new(document);
    let head = match read_head(&mut raw) {
        Ok(head) => head,
        Err(err) => return problem_in(chunker, &document, stream_problem(&err, &document)),
    };
    if format == FormatBy::Content
        && (head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06"))
    {
        // A pipe named on the command line is a file the entries can name.
        let (path, place) = match &document.origin {
            Origin::File(path) => (path.clone(), ArchivePlace::File),
            _ => (PathBuf::from(&document.shown), ArchivePlace::StandardInput),
        };
        let archive = ArchiveNames {
            id: document.id.clone(),
            hint: document.hint.clone(),
            path,
            place,
        };
        return read_zip_stream(Box::new(Cursor::new(head).chain(raw)), &archive, chunker);
    }
    let utf16 = [
        (b"\xFF\xFE", encoding_rs::UTF_16LE),
        (b"\xFE\xFF", encoding_rs::UTF_16BE),
    ]
    .into_iter()
    .find(|(bom, _)| head.starts_with(*bom));
    let text: Box<dyn Read + '_> = if let Some((_, encoding)) = utf16 {
        Box::new(Utf16Reader::new(Cursor::new(head).chain(raw), encoding))
    } else if head.contains(&0) {
        return problem_in(chunker, &document, SkipReason::Binary);
    } else if let Some(rest) = head.strip_prefix(b"\xEF\xBB\xBF") {
        Box::new(Cursor::new(rest.to_vec()).chain(raw))
    } else {
        Box::new(Cursor::new(head).chain(raw))
    };
    let (format, text) = match format {
        FormatBy::Name(format) => (format, text),
        FormatBy::Content => match sniff::sniff(text) {
            Ok(sniffed) => sniffed,
            Err(err) => return problem_in(chunker, &document, stream_problem(&err, &document)),
        },
    };
    let mut reader = BufReader::with_capacity(READ_BUFFER, text);
    let ended = match format {
        Format::Text => read_text(&mut reader, &document, size, chunker),
        Format::Json => read_json(reader, &document, chunker),
        Format::JsonLines => read_lines(&mut reader, &document, chunker),
    };
    if let Err(err) = ended {
        problem_in(chunker, &document, stream_problem(&err, &document));
    }
}

/// The first bytes: enough for a BOM or a ZIP signature, and usually a whole block.
fn read_head(raw: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut head = vec![0; 8192];
    let mut filled = 0;
    while filled < 4 {
        match raw.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    head.truncate(filled);
    Ok(head)
}

/// A text document: one article, read whole.
fn read_text(
    reader: &mut BufReader<Box<dyn Read + '_>>,
    document: &Arc<Document>,
    size: Option<u64>,
    chunker: &mut Chunker,
) -> io::Result<()> {
    let content = match read_whole(reader)? {
        Ok(bytes) => Content::Text(bytes),
        Err(read) => too_large(&document.shown, size, read),
    };
    push(chunker, document, content);
    Ok(())
}

/// Everything left in `reader`, or how much was read when that is over the limit.
fn read_whole(reader: &mut impl Read) -> io::Result<Result<Vec<u8>, u64>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_ENTRY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_ENTRY_BYTES {
        Ok(Err(bytes.len() as u64 - 1))
    } else {
        Ok(Ok(bytes))
    }
}

fn too_large(path: &str, size: Option<u64>, read: u64) -> Content {
    let size = size.map_or(ArticleSize::MoreThan(read), ArticleSize::Exactly);
    Content::Problem(Skipped {
        path: PathBuf::from(path),
        reason: SkipReason::TooLarge(size),
    })
}

fn push(chunker: &mut Chunker, document: &Arc<Document>, content: Content) {
    chunker.push(RawEntry {
        document: Arc::clone(document),
        content,
    });
}

fn problem_in(chunker: &mut Chunker, document: &Arc<Document>, reason: SkipReason) {
    let skipped = Skipped {
        path: PathBuf::from(&document.shown),
        reason,
    };
    push(chunker, document, Content::Problem(skipped));
}

fn problem(chunker: &mut Chunker, path: &Path, reason: SkipReason) {
    let document = Arc::new(Document {
        id: String::new(),
        shown: path.display().to_string(),
        origin: Origin::File(path.to_path_buf()),
        hint: String::new(),
    });
    problem_in(chunker, &document, reason);
}

/// What a failed read says: invalid UTF-16, a damaged archive entry, or an I/O error.
fn stream_problem(err: &io::Error, document: &Document) -> SkipReason {
    if let Some(malformed) = err
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<Malformed>())
    {
        return SkipReason::BadEncoding(malformed.to_string());
    }
    match document.origin {
        Origin::Archive { .. } => SkipReason::BadArchive(err.to_string()),
        _ => SkipReason::Unreadable(err.to_string()),
    }
}

#[cfg(test)]
mod tests;
