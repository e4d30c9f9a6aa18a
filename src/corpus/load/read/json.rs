//! JSON documents as streams: an array element by element, JSON Lines line by line, each
//! entry kept raw for a worker to parse. Before each read that may wait for more input,
//! the entries read so far are handed on ([`Chunker::pause`]).

use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;

use super::super::super::SkipReason;
use super::super::MAX_ENTRY_BYTES;
use super::super::entry::{Content, Document, Place};
use super::super::pool::Chunker;
use super::super::split::{ArrayElements, Piece, SplitError, read_line, skip_whitespace};
use super::{problem_in, push, read_whole, too_large};

/// A JSON document: an array read element by element, else one object.
pub(super) fn read_json(
    mut reader: BufReader<Box<dyn Read + '_>>,
    document: &Arc<Document>,
    chunker: &mut Chunker,
) -> io::Result<()> {
    skip_whitespace(&mut reader)?;
    if !reader.fill_buf()?.starts_with(b"[") {
        let content = match read_whole(&mut reader)? {
            Ok(bytes) => Content::Json {
                number: 1,
                place: Place::Document,
                bytes,
            },
            Err(read) => too_large(&document.shown, None, read),
        };
        push(chunker, document, content);
        return Ok(());
    }
    let mut elements = match ArrayElements::open(reader) {
        Ok(elements) => elements,
        Err(err) => return split_problem(err, document, chunker),
    };
    let mut number = 0;
    while !chunker.is_cancelled() {
        if elements.reader().buffer().is_empty() {
            chunker.pause();
        }
        let piece = match elements.next(MAX_ENTRY_BYTES) {
            Ok(Some(piece)) => piece,
            Ok(None) => break,
            Err(err) => return split_problem(err, document, chunker),
        };
        number += 1;
        let content = match piece {
            Piece::Kept(bytes) => Content::Json {
                number,
                place: Place::Element(number),
                bytes,
            },
            Piece::TooLong(length) => too_large(
                &format!("{}#{number}", document.shown),
                Some(length),
                length,
            ),
        };
        push(chunker, document, content);
    }
    Ok(())
}

fn split_problem(
    err: SplitError,
    document: &Arc<Document>,
    chunker: &mut Chunker,
) -> io::Result<()> {
    match err {
        SplitError::Io(err) => Err(err),
        SplitError::Syntax(why) => {
            problem_in(chunker, document, SkipReason::Malformed(why));
            Ok(())
        }
    }
}

/// JSON Lines: each non-blank line one entry, numbered among the non-blank lines.
pub(super) fn read_lines(
    reader: &mut BufReader<Box<dyn Read + '_>>,
    document: &Arc<Document>,
    chunker: &mut Chunker,
) -> io::Result<()> {
    let (mut line, mut number) = (0, 0);
    while !chunker.is_cancelled() {
        if reader.buffer().is_empty() {
            chunker.pause();
        }
        let Some(piece) = read_line(reader, MAX_ENTRY_BYTES)? else {
            break;
        };
        line += 1;
        let content = match piece {
            Piece::Kept(bytes) if is_blank(&bytes) => continue,
            Piece::Kept(bytes) => {
                number += 1;
                Content::Json {
                    number,
                    place: Place::Line(line),
                    bytes,
                }
            }
            Piece::TooLong(length) => {
                number += 1;
                too_large(
                    &format!("{}#{number}", document.shown),
                    Some(length),
                    length,
                )
            }
        };
        push(chunker, document, content);
    }
    Ok(())
}

/// A line with nothing but whitespace (as `str::trim` has it) on it.
fn is_blank(line: &[u8]) -> bool {
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(b'{') => false,
        Some(_) => std::str::from_utf8(line).is_ok_and(|text| text.trim().is_empty()),
    }
}
