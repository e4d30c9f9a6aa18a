//! The file formats articles come in, and what each says about an article before any
//! guessing: raw text, text with a front-matter block, JSON (an object or an array of
//! objects) and JSON Lines. JSON field names map by synonym (DESIGN §3).

use serde_json::{Map, Value};

/// One document as its file gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawDoc {
    /// A title given by the format.
    pub title: Option<String>,
    /// The text.
    pub body: String,
    /// An outlet given by the format.
    pub source: Option<String>,
    /// A date given by the format, as written.
    pub date: Option<String>,
    /// The page's address.
    pub url: Option<String>,
}

impl RawDoc {
    /// Whether the format gave any metadata at all.
    pub fn is_structured(&self) -> bool {
        self.title.is_some() || self.source.is_some() || self.date.is_some() || self.url.is_some()
    }
}

/// How a file is read, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: raw text, perhaps with front matter.
    Text,
    /// `.json`: an object or an array of objects.
    Json,
    /// `.jsonl`, `.ndjson`: one object per line.
    JsonLines,
}

impl Format {
    /// The format of a file name, if it is one qari reads.
    pub fn of(name: &str) -> Option<Format> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "md" | "markdown" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Field names and the synonyms each goes by.
const FIELDS: [(&str, &[&str]); 5] = [
    ("title", &["title", "headline", "head_line"]),
    ("body", &["content", "text", "body"]),
    ("source", &["source", "site", "outlet"]),
    (
        "date",
        &[
            "date",
            "date_extracted",
            "published",
            "published_at",
            "date_published",
        ],
    ),
    ("url", &["url", "link"]),
];

/// Raw text, with a leading `---` front-matter block read as `key: value` lines.
pub fn parse_text(text: &str) -> RawDoc {
    let Some((header, body)) = front_matter(text) else {
        return RawDoc {
            body: text.to_owned(),
            ..RawDoc::default()
        };
    };
    let mut fields = Map::new();
    for line in header.lines() {
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
            if !value.is_empty() {
                fields.insert(key.trim().to_ascii_lowercase(), Value::from(value));
            }
        }
    }
    let mut doc = from_fields(&fields).unwrap_or_default();
    doc.body = body.to_owned();
    doc
}

/// The header and body of a text that opens with a `---` line and has a closing one.
fn front_matter(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let end = rest.find("\n---\n").map(|i| (i, i + 5)).or_else(|| {
        rest.strip_suffix("\n---")
            .map(|header| (header.len(), rest.len()))
    })?;
    Some((&rest[..end.0], &rest[end.1..]))
}

/// A JSON file: one object, or an array whose entries are read one by one. The outer
/// `Err` is a file that is not JSON at all; an inner `Err` is one bad entry. Files are
/// read as streams (`load::split`, each entry then through [`object`]); this whole-text
/// form is for the tests of the field mapping.
#[cfg(test)]
pub fn parse_json(text: &str) -> Result<Vec<Result<RawDoc, String>>, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|err| format!("malformed JSON: {err}"))?;
    match value {
        Value::Array(entries) => Ok(entries
            .iter()
            .enumerate()
            .map(|(i, entry)| object(entry).map_err(|why| format!("entry #{}: {why}", i + 1)))
            .collect()),
        Value::Object(_) => Ok(vec![object(&value)]),
        _ => Err("JSON that is neither an article object nor an array of them".to_owned()),
    }
}

/// JSON Lines: each non-blank line one object (whole-text form, as [`parse_json`]).
#[cfg(test)]
pub fn parse_json_lines(text: &str) -> Vec<Result<RawDoc, String>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str::<Value>(line)
                .map_err(|err| format!("malformed JSON: {err}"))
                .and_then(|value| object(&value))
                .map_err(|why| format!("line {}: {why}", i + 1))
        })
        .collect()
}

/// The document of one JSON value, which must be an article object.
pub(super) fn object(value: &Value) -> Result<RawDoc, String> {
    match value {
        Value::Object(fields) => from_fields(fields),
        other => Err(format!("{}, not an article object", kind(other))),
    }
}

fn from_fields(fields: &Map<String, Value>) -> Result<RawDoc, String> {
    let mut values: [Option<String>; 5] = Default::default();
    for (slot, (_, names)) in values.iter_mut().zip(FIELDS) {
        for name in names {
            match fields.get(*name) {
                None | Some(Value::Null) => {}
                Some(Value::String(text)) if text.trim().is_empty() => {}
                Some(Value::String(text)) => {
                    *slot = Some(text.clone());
                    break;
                }
                Some(other) => return Err(format!("field `{name}` is {}, not text", kind(other))),
            }
        }
    }
    let [title, body, source, date, url] = values;
    if values_missing(&[&title, &body, &source, &date, &url]) {
        return Err("none of the article fields (title, content, source, date, url…)".to_owned());
    }
    Ok(RawDoc {
        title,
        body: body.unwrap_or_default(),
        source,
        date,
        url,
    })
}

fn values_missing(values: &[&Option<String>]) -> bool {
    values.iter().all(|v| v.is_none())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_follow_the_extension() {
        assert_eq!(Format::of("a/b.TXT"), Some(Format::Text));
        assert_eq!(Format::of("x.md"), Some(Format::Text));
        assert_eq!(Format::of("2015-07-21.json"), Some(Format::Json));
        assert_eq!(Format::of("dump.jsonl"), Some(Format::JsonLines));
        assert_eq!(Format::of("photo.jpg"), None);
        assert_eq!(Format::of("README"), None);
    }

    #[test]
    fn front_matter_gives_metadata_and_the_rest_is_the_body() {
        let doc = parse_text("---\ntitle: \"عنوان\"\nsource: okaz\ndate: 2015-07-21\n---\nالنص.\n");
        assert_eq!(doc.title.as_deref(), Some("عنوان"));
        assert_eq!(doc.source.as_deref(), Some("okaz"));
        assert_eq!(doc.date.as_deref(), Some("2015-07-21"));
        assert_eq!(doc.body, "النص.\n");
        let plain = parse_text("--- not front matter\nنص");
        assert!(!plain.is_structured());
    }

    #[test]
    fn json_synonyms_arrays_and_objects() {
        let array = r#"[{"headline": "أ", "text": "ب", "site": "sabq", "published": "2015-07-21", "link": "http://x"},
                        {"title": "ج", "content": "د", "date_extracted": "2015-07-22 01:02:03"}]"#;
        let docs: Vec<RawDoc> = parse_json(array)
            .unwrap()
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs[0].title.as_deref(), Some("أ"));
        assert_eq!(docs[0].body, "ب");
        assert_eq!(docs[0].source.as_deref(), Some("sabq"));
        assert_eq!(docs[0].url.as_deref(), Some("http://x"));
        assert_eq!(docs[1].date.as_deref(), Some("2015-07-22 01:02:03"));
        assert_eq!(
            parse_json(r#"{"title": "t", "body": "b"}"#).unwrap().len(),
            1
        );
    }

    #[test]
    fn bad_entries_are_reported_and_the_rest_kept() {
        let array = r#"[{"title": 5, "content": "x"}, {"content": "ok"}, 7, {"author": "x"}]"#;
        let docs = parse_json(array).unwrap();
        assert_eq!(
            docs[0],
            Err("entry #1: field `title` is a number, not text".to_owned())
        );
        assert!(docs[1].is_ok());
        assert_eq!(
            docs[2],
            Err("entry #3: a number, not an article object".to_owned())
        );
        assert!(
            docs[3]
                .as_ref()
                .unwrap_err()
                .contains("none of the article fields")
        );
        assert!(parse_json("[{").unwrap_err().starts_with("malformed JSON"));
        assert!(parse_json("42").is_err());
    }

    #[test]
    fn json_lines_report_bad_lines_by_number() {
        let docs = parse_json_lines("{\"content\": \"a\"}\n\n{oops\n{\"content\": \"b\"}\n");
        assert_eq!(docs.len(), 3);
        assert!(
            docs[1]
                .as_ref()
                .unwrap_err()
                .starts_with("line 3: malformed JSON")
        );
        assert_eq!(docs[2].as_ref().unwrap().body, "b");
    }
}
