//! The article's address as an OSC 8 hyperlink (`ESC ] 8 ; ; URI ESC \` … `ESC ] 8 ; ;
//! ESC \`), so that a terminal that knows them makes it clickable; the others ignore OSC
//! sequences they do not know, as ECMA-48 has them do (tmux before 3.4 drops them). A
//! ratatui cell cannot carry a link, so the terminal layer writes it after the frame's
//! diff: the link's cells are printed again between the two sequences.
//!
//! Terminals keep the link in the cells it was printed over, so it is written only when
//! those cells were printed again without it (the diff changed them, the terminal
//! scrolled them, the screen was cleared) or the link is new, never on every frame.
//!
//! The address comes from a scraped file and ends up in a control string: [`Target`] lets
//! through printable ASCII only, and only for a web address.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;

use super::overhang::Update;
use super::scroll;

/// The longest address written: VTE ignores longer ones (its limit, 2,083 bytes, is the
/// old browsers' one), and a long control string is only more for a terminal to parse.
const LONGEST: usize = 2083;

/// An address that is safe to write inside an OSC 8 sequence: an `http` or `https` URL,
/// every byte printable ASCII (0x21–0x7E), anything else percent-encoded as UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target(String);

impl Target {
    /// The link target for `url`, or None when it must not be a link: it holds a
    /// control character (C0, DEL, C1; article text has them removed at load time, and
    /// this does not rely on it), it is not a web address (a click on a `file:` or an
    /// application's own scheme hands the address from a scraped file to whatever opens
    /// those), or it is too long.
    pub fn new(url: &str) -> Option<Self> {
        let url = url.trim();
        if url.chars().any(char::is_control) {
            return None;
        }
        let (scheme, _) = url.split_once(':')?;
        if !["http", "https"].contains(&scheme.to_ascii_lowercase().as_str()) {
            return None;
        }
        let mut encoded = String::with_capacity(url.len());
        for c in url.chars() {
            if ('\u{21}'..='\u{7E}').contains(&c) {
                encoded.push(c);
            } else {
                // Spaces and everything past ASCII, byte by byte, as RFC 3986 has it.
                for byte in c.encode_utf8(&mut [0; 4]).bytes() {
                    let _ = write!(encoded, "%{byte:02X}");
                }
            }
        }
        (encoded.len() <= LONGEST).then_some(Self(encoded))
    }

    /// The encoded address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A link on the screen: the cells `columns` of `row` show `target`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The screen row.
    pub row: u16,
    /// The columns its text takes.
    pub columns: Range<u16>,
    /// Where it leads.
    pub target: Target,
}

impl Link {
    /// Whether the link's text takes the cell an update sends.
    fn covers(&self, (x, y, _): &Update<'_>) -> bool {
        *y == self.row && self.columns.contains(x)
    }
}

/// The links of `next` that must be written: those the terminal does not show (`shown`,
/// the links it was sent and still holds), those whose cells `updates` sends again, and
/// those in the rows it scrolled (`scrolled`). A terminal that knows OSC 8 moves a
/// cell's link with the cell, but `shown` is kept by row and does not follow the move:
/// rather than reason about where each link went (a wrapped address has one per row,
/// all alike), a scroll with the address in view writes it again, a few frames at the
/// top of an article.
pub fn stale<'l>(
    shown: &[Link],
    next: &'l [Link],
    updates: &[Update<'_>],
    scrolled: Option<&Range<u16>>,
) -> Vec<&'l Link> {
    next.iter()
        .filter(|link| {
            !shown.contains(link)
                || scrolled.is_some_and(|rows| rows.contains(&link.row))
                || updates.iter().any(|update| link.covers(update))
        })
        .collect()
}

/// The updates left once the cells of `links` are taken out: [`draw`] prints those.
pub fn without<'a>(updates: Vec<Update<'a>>, links: &[&Link]) -> Vec<Update<'a>> {
    if links.is_empty() {
        return updates;
    }
    updates
        .into_iter()
        .filter(|update| !links.iter().any(|link| link.covers(update)))
        .collect()
}

/// Prints the cells of each of `links` in `frame` between the sequences that open and
/// close the link. They are printed as a fresh start prints them (see [`super::overhang`]):
/// a link's columns are a run of their own (the address has a style of its own), so its
/// pixels are the same as those of a frame without links.
pub fn draw<W: Write>(
    backend: &mut CrosstermBackend<W>,
    links: &[&Link],
    frame: &Buffer,
) -> io::Result<()> {
    if links.is_empty() {
        return Ok(());
    }
    let fresh = scroll::updates(&Buffer::empty(frame.area), frame);
    for link in links {
        write!(
            backend.writer_mut(),
            "\x1b]8;;{}\x1b\\",
            link.target.as_str()
        )?;
        backend.draw(fresh.iter().copied().filter(|update| link.covers(update)))?;
        backend.writer_mut().write_all(b"\x1b]8;;\x1b\\")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(url: &str) -> Option<String> {
        Target::new(url).map(|t| t.as_str().to_owned())
    }

    #[test]
    fn a_plain_address_is_kept_as_it_is() {
        let url = "https://example.com/news/2021/01/x.html?id=1&a=b;c#top%20";
        assert_eq!(target(url).as_deref(), Some(url));
        assert_eq!(
            target("  http://x.org/a  ").as_deref(),
            Some("http://x.org/a")
        );
    }

    #[test]
    fn spaces_and_letters_past_ascii_are_percent_encoded() {
        assert_eq!(
            target("https://example.com/news/سوريا?q=a b").as_deref(),
            Some("https://example.com/news/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7?q=a%20b")
        );
        // Bidi controls are format characters, not controls: encoded, never raw.
        assert_eq!(
            target("https://x.org/\u{202E}gpj").as_deref(),
            Some("https://x.org/%E2%80%AEgpj")
        );
    }

    #[test]
    fn an_address_with_a_control_character_is_no_link() {
        for url in [
            "https://x.org/\x1b]0;pwned\x07",
            "https://x.org/\x1b\\",
            "https://x.org/a\x07",
            "https://x.org/a\nb",
            "https://x.org/a\x7f",
            "https://x.org/\u{9b}31m",
            "https://x.org/\u{9d}8;;http://evil\u{9c}",
            "https://x.org/\0",
        ] {
            assert_eq!(target(url), None, "{url:?}");
        }
    }

    #[test]
    fn only_web_addresses_are_links() {
        for url in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ssh://host",
            "www.example.com/x",
            "",
        ] {
            assert_eq!(target(url), None, "{url:?}");
        }
        assert!(target("HTTPS://EXAMPLE.COM/").is_some());
    }

    #[test]
    fn an_overlong_address_is_no_link() {
        let long = format!("https://x.org/{}", "a".repeat(LONGEST));
        assert_eq!(target(&long), None);
        // Its length counts once encoded.
        let encoded = format!("https://x.org/{}", "س".repeat(LONGEST / 6));
        assert_eq!(target(&encoded), None);
    }

    #[test]
    fn every_byte_written_is_printable_ascii() {
        let nasty = "https://x.org/\u{a0}\u{2028}\u{feff}\u{200f}\u{fffd}🇷🇺\"'<>`{}|\\^";
        let encoded = target(nasty).unwrap();
        assert!(
            encoded.bytes().all(|b| (0x21..=0x7e).contains(&b)),
            "{encoded}"
        );
    }

    fn link(row: u16, columns: Range<u16>) -> Link {
        Link {
            row,
            columns,
            target: Target::new("https://x.org/").unwrap(),
        }
    }

    #[test]
    fn a_link_is_written_again_only_when_its_cells_were() {
        let cell = ratatui::buffer::Cell::new("a");
        let shown = [link(2, 1..9)];
        let next = [link(2, 1..9)];
        // Nothing changed on its row: nothing to write.
        assert!(stale(&shown, &next, &[(0, 2, &cell), (5, 3, &cell)], None).is_empty());
        // One of its cells was printed again, or its row scrolled, or it is new.
        assert_eq!(stale(&shown, &next, &[(4, 2, &cell)], None).len(), 1);
        assert_eq!(stale(&shown, &next, &[], Some(&(1..5))).len(), 1);
        assert_eq!(stale(&[], &next, &[], None).len(), 1);
        assert_eq!(stale(&[link(3, 1..9)], &next, &[], None).len(), 1);
        // Its cells leave the diff: they are printed inside the link.
        let updates = without(vec![(0, 2, &cell), (4, 2, &cell)], &[&next[0]]);
        assert_eq!(updates.len(), 1);
    }
}
