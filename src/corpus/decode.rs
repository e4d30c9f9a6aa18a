//! From a file's bytes to text. UTF-8 (a BOM is dropped), UTF-16 by its BOM, and the two
//! legacy Arabic encodings, windows-1256 and ISO-8859-6, which old Arabic sites and
//! Windows tools still write.
//!
//! How the legacy case is decided: bytes that are not valid UTF-8 are handed to
//! `chardetng` (Firefox's detector) with UTF-8 ruled out; its guess is accepted only when
//! it is windows-1256 or ISO-8859-6 *and* the decoded text is mostly Arabic letters.
//! Anything else (Latin-1 text, Cyrillic, noise) is reported, not guessed at: qari would
//! rather skip a file than show mojibake.

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, WINDOWS_1256};

use super::SkipReason;

/// The text, and the encoding it was read in (for messages and tests).
pub fn decode(bytes: &[u8]) -> Result<(String, &'static Encoding), SkipReason> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, malformed) = encoding.decode_without_bom_handling(rest);
            if malformed {
                return Err(SkipReason::BadEncoding(format!(
                    "{} with invalid sequences",
                    encoding.name()
                )));
            }
            return Ok((text.into_owned(), encoding));
        }
    }
    if bytes.contains(&0) {
        return Err(SkipReason::Binary);
    }
    match utf8(bytes) {
        Ok(decoded) => Ok(decoded),
        Err(not_utf8) => legacy_arabic(bytes).ok_or(not_utf8),
    }
}

fn utf8(bytes: &[u8]) -> Result<(String, &'static Encoding), SkipReason> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), encoding_rs::UTF_8)),
        Err(err) => Err(SkipReason::NotUtf8(err.valid_up_to())),
    }
}

fn legacy_arabic(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess != WINDOWS_1256 && guess != ISO_8859_6 {
        return None;
    }
    let (text, malformed) = guess.decode_without_bom_handling(bytes);
    (!malformed && mostly_arabic(&text)).then(|| (text.into_owned(), guess))
}

/// At least half of the letters are Arabic.
fn mostly_arabic(text: &str) -> bool {
    let (mut letters, mut arabic) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        }
    }
    letters > 0 && arabic * 2 >= letters
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "قال وزير الخارجية الروسي إن بلاده مستعدة للحوار مع واشنطن بشأن سوريا.";

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, encoding) = decode(ARABIC.as_bytes()).unwrap();
        assert_eq!((text.as_str(), encoding), (ARABIC, encoding_rs::UTF_8));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), ARABIC.as_bytes()].concat();
        assert_eq!(decode(&with_bom).unwrap().0, ARABIC);
    }

    #[test]
    fn utf16_by_its_bom() {
        for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
            let units: Vec<u8> = ARABIC
                .encode_utf16()
                .flat_map(|u| {
                    if encoding == UTF_16LE {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect();
            let bytes = [bom.as_slice(), &units].concat();
            assert_eq!(decode(&bytes).unwrap(), (ARABIC.to_owned(), encoding));
        }
    }

    #[test]
    fn windows_1256_and_iso_8859_6_arabic_are_read() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        assert_eq!(decode(&bytes).unwrap(), (ARABIC.to_owned(), WINDOWS_1256));
        // ISO-8859-6 has no hamza-below alef variants beyond the basic set: use a text it holds.
        let plain = "قال الوزير ان بلاده مستعدة للحوار مع واشنطن بشان سوريا";
        let (bytes, _, unmappable) = ISO_8859_6.encode(plain);
        assert!(!unmappable);
        let (text, _) = decode(&bytes).unwrap();
        assert_eq!(text, plain);
    }

    #[test]
    fn other_legacy_text_and_binaries_are_refused() {
        let latin1 = b"caf\xe9 cr\xe8me br\xfbl\xe9e, \xe0 la carte, tr\xe8s cher";
        assert!(matches!(decode(latin1), Err(SkipReason::NotUtf8(3))));
        assert!(matches!(decode(b"abc\0def"), Err(SkipReason::Binary)));
    }
}
