//! From a document as its file gives it to an [`Article`]: sanitized text cut into
//! paragraphs, boilerplate marked, and title, source and date taken from the metadata when
//! the format has it, else from the path, else from the text (DESIGN §3: structured
//! metadata always wins over heuristics).

use super::boilerplate::Boilerplate;
use super::dates::{DateTables, date_from_path, date_from_text, parse_metadata_date};
use super::extract::{paragraphs_of, title_of};
use super::formats::RawDoc;
use super::sources::{Outlet, Outlets, source_from_path, source_from_text};
use crate::article::{Article, ArticleId, DateInfo, Origin, Source};
use crate::text::{sanitize, visible};

/// Where a document was found: its id, origin, and the path qari may read hints from.
pub struct Found<'a> {
    /// The article id to give it.
    pub id: &'a str,
    /// Where its text came from.
    pub origin: Origin,
    /// The path qari may read source and date hints from: relative to the folder above
    /// the one the user named (so that `qari /data/okaz` still says `okaz`), inside a ZIP
    /// the archive's name and the entry's.
    pub path: &'a str,
}

/// Builds the article; `None` when the document has no visible text.
pub fn build(found: Found<'_>, doc: RawDoc) -> Option<Article> {
    let mut paragraphs = paragraphs_of(&sanitize(&doc.body));
    Boilerplate::embedded().mark(&mut paragraphs);
    let given_title = doc
        .title
        .as_deref()
        .map(|t| visible(&sanitize(t)).trim().to_owned())
        .filter(|t| !t.is_empty());
    let structured = doc.is_structured();
    let title = match given_title {
        Some(title) => title,
        None => match title_of(&paragraphs) {
            Some((title, line)) => {
                if let Some(line) = line {
                    paragraphs.remove(line);
                }
                title
            }
            // An entry with metadata but no text (a failed scrape) is still an article of
            // the collection: it keeps its place, named after its address.
            None if structured => doc
                .url
                .as_deref()
                .and_then(title_from_url)
                .unwrap_or_else(|| "(no title)".to_owned()),
            None => return None,
        },
    };
    let outlets = Outlets::embedded();
    // A name made only of what is never shown (a zero-width space, an escape sequence)
    // names nothing: it would make a source with an empty name and id, listed as a blank
    // and unreachable with `src:`. Like an empty title, it counts as no name.
    let given_source = doc
        .source
        .as_deref()
        .map(|s| visible(&sanitize(s)).trim().to_owned())
        .filter(|s| !s.is_empty());
    let source = match given_source {
        // An outlet qari does not know keeps the name its metadata gives.
        Some(name) => Some(outlets.resolve(&name).map_or_else(
            || Source {
                id: name.to_lowercase().replace(char::is_whitespace, "-"),
                name,
            },
            Outlet::source,
        )),
        None => source_from_path(found.path, outlets)
            .or_else(|| source_from_text(&paragraphs, outlets))
            .map(Outlet::source),
    };
    let date = doc
        .date
        .as_deref()
        .and_then(parse_metadata_date)
        .or_else(|| date_from_path(found.path))
        .map(DateInfo::explicit)
        .unwrap_or_else(|| date_from_text(&paragraphs, DateTables::embedded()));
    Some(Article {
        id: ArticleId::new(found.id),
        title,
        paragraphs: paragraphs.into(),
        source,
        date,
        url: doc.url.map(|url| sanitize(&url)),
        origin: found.origin,
    })
}

/// The readable words of a URL's last path segment (`…/620227/كيف-تسعف-طفلاً` → "كيف تسعف
/// طفلاً"), percent-decoded; `None` when it has no letters.
fn title_from_url(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next()?;
    let segment = path.trim_end_matches('/').rsplit('/').next()?;
    let decoded = percent_decode(segment);
    let words: Vec<&str> = decoded
        .split(|c: char| c == '-' || c == '_' || c == '+' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let title = visible(&sanitize(&words.join(" ")));
    title.chars().any(char::is_alphabetic).then_some(title)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // Two hex digits exactly: `from_str_radix` alone would also take a sign, and read
        // `%+4` as byte 4.
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(doc: RawDoc) -> Article {
        let found = Found {
            id: "a.json",
            origin: Origin::Sample,
            path: "a.json",
        };
        build(found, doc).expect("an article")
    }

    #[test]
    fn a_source_with_nothing_visible_is_no_source() {
        for invisible in ["\u{200B}", "\u{1B}[31m", " \u{202E} ", "\u{FEFF}\u{2066}"] {
            let article = built(RawDoc {
                body: "مرحبا بكم في الخبر".to_owned(),
                source: Some(invisible.to_owned()),
                ..RawDoc::default()
            });
            assert_eq!(article.source, None, "source {invisible:?}");
        }
        // Falls back to what the path or text says, as if no source had been given.
        let found = Found {
            id: "a.json",
            origin: Origin::Sample,
            path: "okaz/a.json",
        };
        let doc = RawDoc {
            body: "نص".to_owned(),
            source: Some("\u{200B}".to_owned()),
            ..RawDoc::default()
        };
        assert_eq!(build(found, doc).unwrap().source.unwrap().id, "okaz");
        let named = built(RawDoc {
            body: "نص".to_owned(),
            source: Some("\u{200B} Daily\u{200F} News ".to_owned()),
            ..RawDoc::default()
        });
        let source = named.source.unwrap();
        assert_eq!(
            (source.id.as_str(), source.name.as_str()),
            ("daily-news", "Daily News")
        );
    }

    #[test]
    fn a_url_slug_names_an_entry_without_text() {
        assert_eq!(
            title_from_url(
                "http://www.al-madina.com/node/620227/كيف-تسعف-طفلاً-بعد-انسداد-مجرى-الهواء-بجسم-"
            )
            .as_deref(),
            Some("كيف تسعف طفلاً بعد انسداد مجرى الهواء بجسم")
        );
        assert_eq!(
            title_from_url("https://x.com/a/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7-news?x=1").as_deref(),
            Some("سوريا news")
        );
        assert_eq!(title_from_url("http://x.com/node/620227"), None);
    }

    #[test]
    fn percent_signs_without_two_hex_digits_stay_as_they_are() {
        assert_eq!(percent_decode("a%+4b%-1c%2"), "a%+4b%-1c%2");
        assert_eq!(percent_decode("%d8%B3%zz"), "س%zz");
    }
}
