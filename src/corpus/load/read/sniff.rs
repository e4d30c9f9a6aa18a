//! The format of a stream without a name (standard input, a pipe): JSON if it opens like
//! JSON, else text. An object on the first line, or a first line followed by a line that
//! opens another object, is JSON Lines (so that one bad first line does not make the rest
//! one bad document); an object whose first line leaves it open and whose next line does
//! not open another is one pretty-printed JSON object.
//!
//! Only as much is read as the decision needs, so that a pipe whose writer is slow is not
//! waited for: usually the first line, at most [`SNIFF_LIMIT`] bytes.

use std::io::{self, Cursor, Read};

use super::super::super::formats::Format;
use super::super::split::Scanner;

/// The most bytes read to decide.
const SNIFF_LIMIT: usize = 1024 * 1024;

/// The stream's format, and the stream from its start again.
pub(super) fn sniff<'r>(
    mut stream: Box<dyn Read + 'r>,
) -> io::Result<(Format, Box<dyn Read + 'r>)> {
    let mut head = Vec::new();
    let mut block = vec![0; 8192];
    let mut ended = false;
    loop {
        let complete = ended || head.len() >= SNIFF_LIMIT;
        if let Some(format) = decide(&head, complete) {
            return Ok((format, Box::new(Cursor::new(head).chain(stream))));
        }
        match stream.read(&mut block) {
            Ok(0) => ended = true,
            Ok(read) => head.extend_from_slice(&block[..read]),
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
}

/// The format `head` says, or `None` when more is needed; `complete`: no more will come.
fn decide(head: &[u8], complete: bool) -> Option<Format> {
    let Some(start) = first_visible(head) else {
        return complete.then_some(Format::Text);
    };
    match head[start] {
        b'[' => Some(Format::Json),
        b'{' => {
            let rest = &head[start..];
            let Some(end) = memchr::memchr(b'\n', rest) else {
                // One line so far: JSON Lines reads a one-line object just as JSON would.
                return complete.then_some(Format::JsonLines);
            };
            let mut scanner = Scanner::default();
            scanner.scan(&rest[..end]);
            if scanner.is_balanced() {
                return Some(Format::JsonLines);
            }
            match first_visible(&rest[end..]).map(|at| rest[end + at]) {
                Some(b'{') => Some(Format::JsonLines),
                Some(_) => Some(Format::Json),
                None => complete.then_some(Format::Json),
            }
        }
        _ => Some(Format::Text),
    }
}

fn first_visible(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|b| !b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(text: &str) -> Format {
        let (format, mut stream) = sniff(Box::new(text.as_bytes())).unwrap();
        let mut again = String::new();
        stream.read_to_string(&mut again).unwrap();
        assert_eq!(again, text, "the stream starts again from its start");
        format
    }

    #[test]
    fn standard_input_is_sniffed() {
        assert_eq!(sniffed("  [{\"content\": \"x\"}]"), Format::Json);
        assert_eq!(sniffed("{\"content\": \"x\"}"), Format::JsonLines);
        assert_eq!(
            sniffed("{\"content\": \"x\"}\n{\"content\": \"y\"}\n"),
            Format::JsonLines
        );
        assert_eq!(
            sniffed("{oops\n\n{\"content\": \"y\"}\n"),
            Format::JsonLines
        );
        assert_eq!(
            sniffed("{\n  \"title\": \"عنوان\",\n  \"content\": \"نص\"\n}\n"),
            Format::Json
        );
        assert_eq!(sniffed("{\"title\": \"x\",\n"), Format::Json);
        assert_eq!(sniffed("عنوان\nنص"), Format::Text);
        assert_eq!(sniffed(" \n "), Format::Text);
    }

    #[test]
    fn the_first_line_is_enough() {
        // More would wait for a writer that has not written it yet.
        assert_eq!(decide(b"{\"a\": 1}\n", false), Some(Format::JsonLines));
        assert_eq!(decide(b"{\"a\": 1", false), None);
        assert_eq!(decide(b"{\n", false), None);
        assert_eq!(decide(b"  ", false), None);
        assert_eq!(decide(b"x", false), Some(Format::Text));
    }
}
