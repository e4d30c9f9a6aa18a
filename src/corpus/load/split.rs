//! Cutting a stream into the raw bytes of its entries without parsing them: the lines of
//! JSON Lines, and the elements of a top-level JSON array. Parsing is left to the workers,
//! so that one thread reading a large file keeps the others busy, and a bad entry is
//! reported while the ones after it still load.
//!
//! serde_json cannot do this: it streams a sequence of values, not the elements of one
//! array, and a visitor over the array would parse every element on the reading thread
//! and stop at the first bad one. The splitter only needs to know where strings are (with
//! their escapes) and how deep the brackets go: a `,` or `]` outside strings at the
//! array's own depth ends an element. Inside strings it jumps from quote to backslash with
//! `memchr`. JSON text is UTF-8 (or was transcoded to it) and ASCII bytes never occur
//! inside a multi-byte character, so cutting bytes is safe; the same holds for the
//! single-byte Arabic encodings.

use std::io::{self, BufRead, BufReader, Read};

/// One entry's bytes, or only its size when it was over the limit.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Piece {
    /// The entry's bytes, without its line break or separator.
    Kept(Vec<u8>),
    /// The entry was this many bytes, more than the limit: its bytes were not kept.
    TooLong(u64),
}

/// The next line of `reader`, keeping at most `limit` bytes of it; `None` at the end.
pub(super) fn read_line<R: Read>(
    reader: &mut BufReader<R>,
    limit: usize,
) -> io::Result<Option<Piece>> {
    let mut kept = Vec::new();
    let mut length: u64 = 0;
    let mut started = false;
    loop {
        let available = fill(reader)?;
        if available.is_empty() {
            break;
        }
        started = true;
        let (end, newline) = match memchr::memchr(b'\n', available) {
            Some(at) => (at, true),
            None => (available.len(), false),
        };
        length += end as u64;
        if length <= limit as u64 {
            kept.extend_from_slice(&available[..end]);
        } else {
            kept = Vec::new();
        }
        reader.consume(end + usize::from(newline));
        if newline {
            break;
        }
    }
    Ok(started.then(|| piece(kept, length, limit)))
}

fn piece(kept: Vec<u8>, length: u64, limit: usize) -> Piece {
    if length > limit as u64 {
        Piece::TooLong(length)
    } else {
        Piece::Kept(kept)
    }
}

/// `fill_buf`, retried when a signal interrupted it. (The buffer is taken again rather
/// than returned from the match: the borrow checker does not yet accept that in a loop.)
fn fill<R: Read>(reader: &mut BufReader<R>) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf().map(|_| ()) {
            Ok(()) => return Ok(reader.buffer()),
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
}

/// Why an array could not be read to its end.
#[derive(Debug)]
pub(super) enum SplitError {
    /// Reading failed.
    Io(io::Error),
    /// The text around the elements is not a JSON array; what is wrong.
    Syntax(String),
}

impl From<io::Error> for SplitError {
    fn from(err: io::Error) -> Self {
        SplitError::Io(err)
    }
}

/// The elements of a JSON array, one by one.
pub(super) struct ArrayElements<R> {
    reader: BufReader<R>,
    /// Elements given so far.
    count: usize,
    /// Bytes consumed so far, for messages.
    offset: u64,
    ended: bool,
    /// What is wrong after the array, told once its last element is taken.
    after_end: Option<String>,
}

/// Where the scanner is in the JSON text.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Scanner {
    /// Brackets and braces open.
    depth: usize,
    in_string: bool,
    /// The previous byte was a backslash in a string.
    escaped: bool,
}

impl Scanner {
    /// Scans `bytes`; returns the position of the first `,` or `]` outside strings at
    /// depth 0, if there is one (what ends an array element).
    pub(super) fn scan(&mut self, bytes: &[u8]) -> Option<usize> {
        let mut at = 0;
        while at < bytes.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    at += 1;
                    continue;
                }
                match memchr::memchr2(b'"', b'\\', &bytes[at..]) {
                    None => return None,
                    Some(found) => {
                        at += found;
                        if bytes[at] == b'"' {
                            self.in_string = false;
                        } else {
                            self.escaped = true;
                        }
                    }
                }
            } else {
                match bytes[at] {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.depth += 1,
                    b',' | b']' if self.depth == 0 => return Some(at),
                    // A stray closer at depth 0 stays in the element, for its parser to
                    // report.
                    b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                    _ => {}
                }
            }
            at += 1;
        }
        None
    }

    /// Whether everything opened was closed (a complete value, if it was one).
    pub(super) fn is_balanced(&self) -> bool {
        self.depth == 0 && !self.in_string
    }
}

impl<R: Read> ArrayElements<R> {
    /// Reads up to the array's opening bracket.
    pub(super) fn open(mut reader: BufReader<R>) -> Result<Self, SplitError> {
        let offset = skip_whitespace(&mut reader)?;
        match fill(&mut reader)?.first() {
            Some(b'[') => reader.consume(1),
            Some(_) => {
                return Err(SplitError::Syntax(
                    "JSON that is neither an article object nor an array of them".to_owned(),
                ));
            }
            None => return Err(SplitError::Syntax("empty JSON file".to_owned())),
        }
        Ok(Self {
            reader,
            count: 0,
            offset: offset + 1,
            ended: false,
            after_end: None,
        })
    }

    /// The underlying reader, to know whether reading more would wait.
    pub(super) fn reader(&self) -> &BufReader<R> {
        &self.reader
    }

    /// The next element, keeping at most `limit` bytes of it; `None` after the last.
    pub(super) fn next(&mut self, limit: usize) -> Result<Option<Piece>, SplitError> {
        if self.ended {
            return match self.after_end.take() {
                Some(why) => Err(SplitError::Syntax(why)),
                None => Ok(None),
            };
        }
        self.offset += skip_whitespace(&mut self.reader)?;
        if self.count == 0 && fill(&mut self.reader)?.first() == Some(&b']') {
            self.reader.consume(1);
            self.offset += 1;
            self.end()?;
            return self.next(limit);
        }
        let mut scanner = Scanner::default();
        let mut kept = Vec::new();
        let mut length: u64 = 0;
        loop {
            let available = fill(&mut self.reader)?;
            if available.is_empty() {
                return Err(SplitError::Syntax(format!(
                    "malformed JSON: the file ends inside entry #{}",
                    self.count + 1
                )));
            }
            let stop = scanner.scan(available);
            let end = stop.unwrap_or(available.len());
            length += end as u64;
            if length <= limit as u64 {
                kept.extend_from_slice(&available[..end]);
            } else {
                kept = Vec::new();
            }
            let last = stop.map(|at| available[at] == b']');
            let used = end + usize::from(stop.is_some());
            self.reader.consume(used);
            self.offset += used as u64;
            if let Some(last) = last {
                self.count += 1;
                if last {
                    self.end()?;
                }
                trim_end(&mut kept);
                return Ok(Some(piece(kept, length, limit)));
            }
        }
    }

    /// After the closing bracket: nothing but whitespace may follow.
    fn end(&mut self) -> io::Result<()> {
        self.ended = true;
        self.offset += skip_whitespace(&mut self.reader)?;
        if !fill(&mut self.reader)?.is_empty() {
            self.after_end = Some(format!(
                "malformed JSON: text after the array's end at byte {}",
                self.offset
            ));
        }
        Ok(())
    }
}

/// Consumes whitespace; returns how many bytes.
pub(super) fn skip_whitespace<R: Read>(reader: &mut BufReader<R>) -> io::Result<u64> {
    let mut skipped = 0;
    loop {
        let available = fill(reader)?;
        let blank = available
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        let all = blank == available.len();
        reader.consume(blank);
        skipped += blank as u64;
        if !all || blank == 0 {
            return Ok(skipped);
        }
    }
}

fn trim_end(bytes: &mut Vec<u8>) {
    while bytes.last().is_some_and(u8::is_ascii_whitespace) {
        bytes.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives one byte at a time, so that every state crosses a buffer end.
    struct Trickle<'a>(&'a [u8]);

    impl io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&byte, rest)), Some(slot)) => {
                    *slot = byte;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    /// The elements of `json` and the error that ended them, the same whether the reader
    /// gives one byte at a time or all at once.
    fn elements(json: &str, limit: usize) -> (Vec<Piece>, Option<String>) {
        let trickled = split(BufReader::with_capacity(1, Trickle(json.as_bytes())), limit);
        let at_once = split(BufReader::new(json.as_bytes()), limit);
        assert_eq!(trickled, at_once);
        at_once
    }

    fn split<R: Read>(reader: BufReader<R>, limit: usize) -> (Vec<Piece>, Option<String>) {
        let mut found = Vec::new();
        let mut array = match ArrayElements::open(reader) {
            Ok(array) => array,
            Err(SplitError::Syntax(why)) => return (found, Some(why)),
            Err(SplitError::Io(err)) => panic!("{err}"),
        };
        loop {
            match array.next(limit) {
                Ok(Some(piece)) => found.push(piece),
                Ok(None) => return (found, None),
                Err(SplitError::Syntax(why)) => return (found, Some(why)),
                Err(SplitError::Io(err)) => panic!("{err}"),
            }
        }
    }

    fn kept(text: &str) -> Piece {
        Piece::Kept(text.as_bytes().to_vec())
    }

    #[test]
    fn elements_end_at_commas_and_brackets_outside_strings() {
        let json = r#" [ {"a": "x, ] \" \\", "b": [1, {"c": "}"}]} , 7,"s]" ,
            {"d": "ب"} ] "#;
        let (found, error) = elements(json, 1000);
        assert_eq!(error, None);
        assert_eq!(
            found,
            [
                kept(r#"{"a": "x, ] \" \\", "b": [1, {"c": "}"}]}"#),
                kept("7"),
                kept(r#""s]""#),
                kept(r#"{"d": "ب"}"#),
            ]
        );
        assert_eq!(elements("[]", 10), (vec![], None));
        assert_eq!(elements(" [ \n ] \n", 10), (vec![], None));
    }

    #[test]
    fn an_element_over_the_limit_is_measured_not_kept() {
        let (found, error) = elements(r#"[{"a": "0123456789"}, {"b": 1}]"#, 12);
        assert_eq!(error, None);
        assert_eq!(found, [Piece::TooLong(19), kept(r#"{"b": 1}"#)]);
    }

    #[test]
    fn what_is_not_an_array_is_said() {
        let ends_inside = elements(r#"[{"a": 1}, {"b": "#, 100);
        assert_eq!(ends_inside.0, [kept(r#"{"a": 1}"#)]);
        assert_eq!(
            ends_inside.1.as_deref(),
            Some("malformed JSON: the file ends inside entry #2")
        );
        let after = elements(r#"[1] x"#, 100);
        assert_eq!(after.0, [kept("1")]);
        assert_eq!(
            after.1.as_deref(),
            Some("malformed JSON: text after the array's end at byte 4")
        );
        assert!(elements("42", 100).1.unwrap().contains("neither"));
        assert_eq!(elements("  ", 100).1.as_deref(), Some("empty JSON file"));
        // Inside an element, syntax is the element's parser's business.
        assert_eq!(elements("[1 2, }]", 100).0, [kept("1 2"), kept("}")]);
    }

    #[test]
    fn lines_are_kept_up_to_the_limit_and_measured_beyond() {
        let text = "{\"a\": 1}\r\n\nlonger line\nlast";
        for capacity in [1, 3, 1024] {
            let mut reader = BufReader::with_capacity(capacity, Trickle(text.as_bytes()));
            let mut lines = Vec::new();
            while let Some(line) = read_line(&mut reader, 9).unwrap() {
                lines.push(line);
            }
            assert_eq!(
                lines,
                [
                    kept("{\"a\": 1}\r"),
                    kept(""),
                    Piece::TooLong(11),
                    kept("last")
                ]
            );
        }
    }

    #[test]
    fn the_scanner_knows_a_complete_value() {
        let mut whole = Scanner::default();
        whole.scan(br#"{"a": "{", "b": [1]}"#);
        assert!(whole.is_balanced());
        let mut open = Scanner::default();
        open.scan(br#"{"a": "x"#);
        assert!(!open.is_balanced());
    }
}
