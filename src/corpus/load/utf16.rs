//! UTF-16 read as UTF-8, as it streams: JSON Lines or a JSON array written by a Windows
//! tool is cut into entries like any other, whatever its size. A file with invalid
//! sequences is reported as [`super::super::decode`] reports it, from the first of them:
//! the entries before it are kept.

use std::io::{self, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding};

/// The error a reader gives for invalid UTF-16: a [`Malformed`] inside an
/// [`io::ErrorKind::InvalidData`].
#[derive(Debug, thiserror::Error)]
#[error("{encoding} with invalid sequences")]
pub(super) struct Malformed {
    encoding: &'static str,
}

/// The text of a UTF-16 stream (its BOM already read), as UTF-8.
pub(super) struct Utf16Reader<R> {
    inner: R,
    decoder: Decoder,
    encoding: &'static Encoding,
    /// Bytes read from `inner` and not decoded yet.
    input: Vec<u8>,
    /// Decoded bytes not handed out yet, from `output[given..]`.
    output: Vec<u8>,
    given: usize,
    /// `inner` is at its end.
    drained: bool,
    /// An invalid sequence was met: the error comes once what was before it is read.
    malformed: bool,
}

const BLOCK: usize = 64 * 1024;

impl<R: Read> Utf16Reader<R> {
    /// Reads `inner` as `encoding` (UTF-16LE or UTF-16BE).
    pub(super) fn new(inner: R, encoding: &'static Encoding) -> Self {
        Self {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            encoding,
            input: Vec::with_capacity(BLOCK),
            output: Vec::with_capacity(BLOCK * 3 / 2 + 16),
            given: 0,
            drained: false,
            malformed: false,
        }
    }

    /// Decodes the next block into `output`; false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        self.output.clear();
        self.given = 0;
        loop {
            if self.malformed {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    Malformed {
                        encoding: self.encoding.name(),
                    },
                ));
            }
            if self.drained && self.input.is_empty() {
                return Ok(false);
            }
            if !self.drained {
                let start = self.input.len();
                self.input.resize(start + BLOCK, 0);
                let read = loop {
                    match self.inner.read(&mut self.input[start..]) {
                        Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                        other => break other,
                    }
                };
                let read = read.inspect_err(|_| self.input.truncate(start))?;
                self.input.truncate(start + read);
                self.drained = read == 0;
            }
            // Room for all of the input: the decoder never stops for want of space.
            let room = self
                .decoder
                .max_utf8_buffer_length_without_replacement(self.input.len())
                .unwrap_or(BLOCK * 4);
            self.output.resize(room, 0);
            // At the end, `last` makes a dangling half of a pair malformed.
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.input,
                &mut self.output,
                self.drained,
            );
            self.output.truncate(written);
            self.input.drain(..read);
            self.malformed = matches!(result, DecoderResult::Malformed(_, _));
            if !self.output.is_empty() {
                return Ok(true);
            }
        }
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.given == self.output.len() && !self.refill()? {
            return Ok(0);
        }
        let count = buf.len().min(self.output.len() - self.given);
        buf[..count].copy_from_slice(&self.output[self.given..self.given + count]);
        self.given += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{UTF_16BE, UTF_16LE};

    fn utf16(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if encoding == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_streams_as_utf8_across_blocks() {
        // Long enough to cross blocks, with surrogate pairs that a block end may split.
        let text = "{\"title\": \"خبر 🇸🇦\"}\n".repeat(10_000);
        for encoding in [UTF_16LE, UTF_16BE] {
            let mut decoded = String::new();
            Utf16Reader::new(utf16(&text, encoding).as_slice(), encoding)
                .read_to_string(&mut decoded)
                .unwrap();
            assert_eq!(decoded, text);
        }
    }

    #[test]
    fn invalid_sequences_are_an_error_naming_the_encoding() {
        let mut bytes = utf16("نص", UTF_16LE);
        bytes.extend_from_slice(&[0x00, 0xDC]); // a lone low surrogate
        let err = Utf16Reader::new(bytes.as_slice(), UTF_16LE)
            .read_to_end(&mut Vec::new())
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert_eq!(err.to_string(), "UTF-16LE with invalid sequences");
    }
}
