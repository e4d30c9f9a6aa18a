//! Sanitizing text at load time, and the set of characters that never reach a terminal.
//!
//! Article text comes from scrapers and can carry anything: escape sequences that would
//! retitle the terminal or write the clipboard, C1 controls, stray carriage returns. All of
//! that is removed once, when the text is loaded, so no later stage has to be careful.
//! Bidi controls are the exception: they steer the bidi algorithm and so stay in the
//! logical text, but [`is_never_emitted`] keeps them (and every other invisible format
//! character) out of anything written to the screen.

/// Cleans raw article text: CRLF and CR become LF, tabs become spaces, and every C0
/// control except LF, DEL, every C1 control and every escape sequence (CSI, OSC, DCS, SOS,
/// PM, APC, in their 7-bit and 8-bit forms, and two-character escapes) is dropped, together
/// with its parameters. A leading byte-order mark is dropped too.
pub fn sanitize(raw: &str) -> String {
    // Most text has nothing to remove: one scan and a copy.
    if !raw.starts_with('\u{FEFF}') && !has_control(raw.as_bytes()) {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw
        .strip_prefix('\u{FEFF}')
        .unwrap_or(raw)
        .chars()
        .peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{1B}' => skip_escape(&mut chars),
            '\u{9B}' => skip_control_sequence(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether UTF-8 text holds a C0 control other than LF, DEL, or a C1 control (encoded
/// as C2 80..C2 9F), scanning bytes rather than decoding characters.
fn has_control(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        (b < 0x20 && b != b'\n')
            || b == 0x7F
            || (b == 0xC2
                && bytes
                    .get(i + 1)
                    .is_some_and(|next| (0x80..=0x9F).contains(next)))
    })
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: the introducer decides how much belongs to the sequence (ECMA-48 §5.3).
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_control_sequence(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // Intermediate bytes, then one final byte (for example `ESC ( B`).
        Some('\u{20}'..='\u{2F}') => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2F}').contains(c))
                .is_some()
            {}
            chars.next_if(|c| ('\u{30}'..='\u{7E}').contains(c));
        }
        // A two-character escape such as `ESC c` (full reset): the final byte goes too.
        Some(_) | None => {}
    }
}

/// A CSI sequence: parameter and intermediate bytes up to one final byte. Anything
/// outside those ranges ends the sequence early and is kept as text.
fn skip_control_sequence(chars: &mut Chars<'_>) {
    while chars
        .next_if(|c| ('\u{20}'..='\u{3F}').contains(c))
        .is_some()
    {}
    chars.next_if(|c| ('\u{40}'..='\u{7E}').contains(c));
}

/// A control string (OSC, DCS, SOS, PM, APC): everything up to BEL or ST (`ESC \` or
/// U+009C), or the end of the text.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{07}' | '\u{9C}' => return,
            '\u{1B}' => {
                chars.next_if_eq(&'\\');
                return;
            }
            _ => {}
        }
    }
}

/// Whether a character must never be written to the terminal: controls, bidi formatting
/// characters (they steer qari's own reordering and would make a bidi terminal reorder a
/// second time, or hide text, as in "Trojan Source"), and invisible format characters that
/// terminals draw inconsistently. ZWJ, ZWNJ and variation selectors are kept: they travel
/// inside a grapheme cluster and change how it is drawn.
pub fn is_never_emitted(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// The text with every never-emitted character removed and line breaks turned into spaces:
/// for one-line strings that qari prints as they are (titles in `qari list`, paths and
/// messages on screen).
pub fn visible(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(' '),
            c if is_never_emitted(c) => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_tabs_are_normalized() {
        assert_eq!(sanitize("a\r\nb\rc\td"), "a\nb\nc d");
    }

    #[test]
    fn escape_sequences_are_removed_with_their_parameters() {
        let raw = "أ\u{1B}[31mب\u{1B}]52;c;aGVsbG8=\u{07}ت\u{1B}]0;title\u{1B}\\ث\u{1B}Pq#0\u{1B}\\ج\u{1B}(Bح\u{1B}cخ";
        assert_eq!(sanitize(raw), "أبتثجحخ");
    }

    #[test]
    fn c1_controls_and_their_strings_are_removed() {
        let raw = "a\u{9B}2Jb\u{9D}52;c;eA==\u{9C}c\u{85}d\u{90}x\u{9C}e\u{7F}f\u{08}g\u{07}h";
        assert_eq!(sanitize(raw), "abcdefgh");
    }

    #[test]
    fn unterminated_strings_end_at_the_end_of_the_text() {
        assert_eq!(sanitize("نص\u{1B}]0;never closed"), "نص");
        assert_eq!(sanitize("x\u{1B}"), "x");
        assert_eq!(sanitize("x\u{1B}["), "x");
    }

    #[test]
    fn bidi_controls_stay_in_the_logical_text_but_are_never_emitted() {
        let raw = "\u{FEFF}a\u{202E}b\u{2066}c\u{200F}";
        assert_eq!(sanitize(raw), "a\u{202E}b\u{2066}c\u{200F}");
        assert_eq!(visible(&sanitize(raw)), "abc");
        assert!(!is_never_emitted('\u{200D}'));
        assert!(!is_never_emitted('\u{200C}'));
    }
}
