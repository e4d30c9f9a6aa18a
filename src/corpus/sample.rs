//! The sample articles compiled into the binary: what `qari` opens with no arguments.

use super::Corpus;
use super::build::{Found, build};
use super::formats::parse_text;
use crate::article::Origin;

/// (file name, text) of each sample article, as a scraper left them.
const SAMPLE: &[(&str, &str)] = &[
    (
        "000_363616b262b6a0eb.txt",
        include_str!("../../assets/sample/000_363616b262b6a0eb.txt"),
    ),
    (
        "001_28018be113238a9f.txt",
        include_str!("../../assets/sample/001_28018be113238a9f.txt"),
    ),
    (
        "002_b058743a14f2ef50.txt",
        include_str!("../../assets/sample/002_b058743a14f2ef50.txt"),
    ),
    (
        "003_721a83bec11d9acb.txt",
        include_str!("../../assets/sample/003_721a83bec11d9acb.txt"),
    ),
    (
        "004_7134a8dc5dcca6b8.txt",
        include_str!("../../assets/sample/004_7134a8dc5dcca6b8.txt"),
    ),
];

/// The embedded sample corpus.
pub fn load_sample() -> Corpus {
    let articles = SAMPLE
        .iter()
        .filter_map(|(name, text)| {
            let found = Found {
                id: name,
                origin: Origin::Sample,
                path: name,
            };
            build(found, parse_text(text))
        })
        .collect();
    Corpus {
        articles,
        skipped: Vec::new(),
    }
}
