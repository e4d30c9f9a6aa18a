//! What each fuzz target does with its input, kept apart from libFuzzer so that the
//! inputs that once crashed can be replayed through exactly the same code by qari's own
//! tests (`tests/it/fuzz_regressions.rs` includes this file). Each function turns raw
//! bytes into the input of one of qari's input paths, runs it, and panics when an
//! invariant does not hold.

use std::collections::HashSet;
use std::sync::OnceLock;

use qari::corpus::sources::Outlets;
use qari::index::query::{Mode, Query, parse};
use qari::index::{Bitset, Index, Order, SearchLimits};
use qari::text::{
    Alignment, BaseDirection, BidiMode, LayoutOptions, Shaping, Tashkeel, VisualLine,
    is_never_emitted, layout_body, layout_paragraph, sanitize, single_line, visible,
};
use unicode_width::UnicodeWidthStr;

/// The kinds of file the first byte chooses between, as (file name, text put before the
/// bytes). Front matter is given its opening line so that the fuzzer starts inside it.
const FILES: [(&str, &[u8]); 6] = [
    ("article.txt", b""),
    ("article.md", b"---\n"),
    ("article.json", b""),
    ("article.jsonl", b""),
    ("-", b""),
    ("article.zip", b""),
];

/// Bytes as a file's content, through decoding, format parsing and article building.
/// The first byte chooses the kind of file; when its high bit is set, the next byte is
/// the length of a folder name that follows (source and date hints come from folders).
pub fn decode_extract(data: &[u8]) {
    let Some((&choice, mut rest)) = data.split_first() else {
        return;
    };
    let (file, prefix) = FILES[usize::from(choice & 0x7F) % FILES.len()];
    let mut folder = String::new();
    if choice & 0x80 != 0
        && let Some((&len, after)) = rest.split_first()
    {
        let len = usize::from(len).min(after.len());
        folder = String::from_utf8_lossy(&after[..len]).replace('\0', "");
        rest = &after[len..];
    }
    let name = if file == "-" || folder.is_empty() {
        file.to_owned()
    } else {
        format!("{folder}/{file}")
    };
    let content = [prefix, rest].concat();
    let corpus = qari::corpus::load_bytes(&name, &content);

    let mut ids = HashSet::new();
    for article in &corpus.articles {
        assert!(
            ids.insert(article.id.as_str()),
            "id twice: {:?}",
            article.id
        );
        assert!(!article.title.trim().is_empty(), "empty title: {article:?}");
        assert!(
            !article.title.contains(is_never_emitted),
            "title with a control: {:?}",
            article.title
        );
        for paragraph in article.paragraphs.iter() {
            assert!(!paragraph.text.trim().is_empty(), "empty paragraph");
            assert!(
                !paragraph.text.contains(char::is_control),
                "paragraph with a control: {:?}",
                paragraph.text
            );
        }
        if let Some(source) = &article.source {
            assert!(
                !source.name.trim().is_empty() && !source.id.is_empty(),
                "nameless source: {source:?}"
            );
            assert!(
                !source.name.contains(is_never_emitted),
                "source name with a control: {source:?}"
            );
        }
    }
}

/// Text laid out as paragraphs, as a body and as one-line titles. The first byte is the
/// width (0 to 47), the second chooses the options, the rest is the text.
pub fn layout(data: &[u8]) {
    let [width, flags, text @ ..] = data else {
        return;
    };
    let options = LayoutOptions {
        width: usize::from(*width % 48),
        bidi: if flags & 1 == 0 {
            BidiMode::App
        } else {
            BidiMode::Terminal
        },
        shaping: if flags & 2 == 0 {
            Shaping::On
        } else {
            Shaping::Off
        },
        tashkeel: if flags & 4 == 0 {
            Tashkeel::Shown
        } else {
            Tashkeel::Hidden
        },
        base: match (flags >> 3) % 3 {
            0 => BaseDirection::Auto,
            1 => BaseDirection::Rtl,
            _ => BaseDirection::Ltr,
        },
        alignment: if flags & 0x40 == 0 {
            Alignment::ByDirection
        } else {
            Alignment::Left
        },
    };
    let text = sanitize(&String::from_utf8_lossy(text));
    // Paragraphs never hold a line break: the loader splits at them.
    let paragraphs: Vec<&str> = text.split('\n').collect();
    for paragraph in &paragraphs {
        let lines = layout_paragraph(paragraph, &options);
        assert!(!lines.is_empty(), "no line for {paragraph:?}");
        for line in &lines {
            check_line(paragraph, line, &options);
        }
        let title = visible(paragraph);
        check_line(&title, &single_line(&title, &options), &options);
    }
    for body_line in layout_body(&paragraphs, &options) {
        let paragraph = body_line.paragraph.map_or("", |i| paragraphs[i]);
        check_line(paragraph, &body_line.line, &options);
    }
}

/// A line fits the width (a lone cluster wider than the whole width excepted), and each
/// cell is honest about its width, shows only drawable characters and points into the
/// paragraph.
fn check_line(paragraph: &str, line: &VisualLine, options: &LayoutOptions) {
    for cell in &line.cells {
        assert!(!cell.text.is_empty(), "empty cell {cell:?}");
        assert_eq!(cell.width, cell.text.width(), "width of {cell:?}");
        assert!(
            !cell.text.contains(is_never_emitted),
            "never-emitted character in {cell:?}"
        );
        assert!(
            paragraph.get(cell.logical.clone()).is_some(),
            "{cell:?} is not a piece of {paragraph:?}"
        );
    }
    if options.width > 0 {
        let one_wide_cell = line.cells.len() == 1 && line.cells[0].width > options.width;
        assert!(
            line.indent + line.width() <= options.width || one_wide_cell,
            "{} + {} columns at width {}: {line:?}",
            line.indent,
            line.width(),
            options.width
        );
    }
}

/// The sample articles, indexed once.
fn sample() -> &'static (Vec<qari::article::Article>, Index) {
    static SAMPLE: OnceLock<(Vec<qari::article::Article>, Index)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let articles = qari::corpus::load_sample().articles;
        let index = Index::build(&articles);
        (articles, index)
    })
}

/// Filter text through the parser, the sample's index and the highlighter. The first
/// byte, if any, places the cursor for typing (its value as a byte offset, off a char
/// boundary or past the end as it may be) or, when 255, asks for the text read exactly;
/// the rest is the text.
pub fn query(data: &[u8]) {
    let (mode, data) = match data.split_first() {
        Some((255, rest)) => (Mode::Exact, rest),
        Some((&cursor, rest)) => (
            Mode::Typing {
                cursor: usize::from(cursor),
            },
            rest,
        ),
        None => (Mode::Exact, data),
    };
    let text = String::from_utf8_lossy(data);
    let today = jiff::civil::date(2024, 5, 1);
    let query = match parse(&text, mode, today, Outlets::embedded()) {
        Ok(query) => query,
        Err(err) => {
            assert!(
                !err.span.is_empty() && text.get(err.span.clone()).is_some(),
                "error span {:?} outside {text:?}",
                err.span
            );
            return;
        }
    };
    let (articles, index) = sample();
    let by_date = search(index, &query, Order::Date);
    let mut by_relevance = search(index, &query, Order::Relevance);
    by_relevance.sort_unstable();
    let mut sorted = by_date.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, by_relevance, "the orders disagree on what matches");
    assert!(
        sorted.windows(2).all(|pair| pair[0] < pair[1]),
        "an article twice: {by_date:?}"
    );
    assert!(sorted.iter().all(|&doc| (doc as usize) < index.len()));

    check_highlights(index, &query, &text);
    for article in articles {
        check_highlights(index, &query, &article.title);
        for paragraph in article.paragraphs.iter().take(3) {
            check_highlights(index, &query, paragraph.text);
        }
    }
}

/// Every article counts as bookmarked and every other one as read, so that `is:` can be
/// answered.
fn search(index: &Index, query: &Query, order: Order) -> Vec<u32> {
    let bookmarked = Bitset::full(index.len());
    let mut read = Bitset::empty(index.len());
    for doc in (0..index.len() as u32).step_by(2) {
        read.insert(doc);
    }
    let limits = SearchLimits {
        stop: None,
        bookmarked: Some(&bookmarked),
        read: Some(&read),
    };
    index
        .search_within(query, order, limits)
        .expect("no stop signal, bookmarks and read articles given")
}

fn check_highlights(index: &Index, query: &Query, text: &str) {
    let ranges = index.highlights(query, text);
    for range in &ranges {
        assert!(
            range.start < range.end && text.get(range.clone()).is_some(),
            "highlight {range:?} outside {text:?}"
        );
    }
    assert!(ranges.windows(2).all(|pair| pair[0].start <= pair[1].start));
}
