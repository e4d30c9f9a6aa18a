//! Putting the workers' results back in corpus order. Every input the walk finds gets the
//! next number, and the chunks read from it are numbered from 0, the last one marked: so
//! the part that comes next is always known, and parts that arrive early wait for it.

use std::collections::BTreeMap;

use super::super::Skipped;
use crate::article::Article;

/// A part's place in the corpus: its input's number, then its own number in that input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Key {
    /// The input, numbered in walk order.
    pub input: u64,
    /// The part, numbered in reading order within its input.
    pub part: u32,
}

/// What one chunk (or one walk problem) gave.
#[derive(Debug, Default)]
pub(super) struct Part {
    /// Its place.
    pub key: Key,
    /// Whether it is its input's last part.
    pub last: bool,
    /// Its articles, in order.
    pub articles: Vec<Article>,
    /// Its problems, in order.
    pub skipped: Vec<Skipped>,
}

/// Parts received, released in order.
#[derive(Default)]
pub(super) struct Reorder {
    next: Key,
    early: BTreeMap<Key, Part>,
}

impl Reorder {
    /// Takes `part`; appends to `articles` and `skipped` every part that is now in order.
    pub(super) fn add(
        &mut self,
        part: Part,
        articles: &mut Vec<Article>,
        skipped: &mut Vec<Skipped>,
    ) {
        self.early.insert(part.key, part);
        while let Some(part) = self.early.remove(&self.next) {
            articles.extend(part.articles);
            skipped.extend(part.skipped);
            self.next = if part.last {
                Key {
                    input: self.next.input + 1,
                    part: 0,
                }
            } else {
                Key {
                    input: self.next.input,
                    part: self.next.part + 1,
                }
            };
        }
    }

    /// Whether parts are waiting for one that never came.
    pub(super) fn is_waiting(&self) -> bool {
        !self.early.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn part(input: u64, number: u32, last: bool) -> Part {
        Part {
            key: Key {
                input,
                part: number,
            },
            last,
            articles: Vec::new(),
            skipped: vec![Skipped {
                path: PathBuf::from(format!("{input}.{number}")),
                reason: super::super::super::SkipReason::Empty,
            }],
        }
    }

    #[test]
    fn parts_come_out_in_order_whatever_order_they_arrive_in() {
        let mut reorder = Reorder::default();
        let (mut articles, mut skipped) = (Vec::new(), Vec::new());
        let mut released = Vec::new();
        for arriving in [
            part(1, 0, true),
            part(0, 1, false),
            part(2, 1, true),
            part(0, 0, false),
            part(0, 2, true),
            part(2, 0, false),
        ] {
            reorder.add(arriving, &mut articles, &mut skipped);
            released.push(skipped.len());
        }
        let order: Vec<String> = skipped
            .iter()
            .map(|s| s.path.display().to_string())
            .collect();
        assert_eq!(order, ["0.0", "0.1", "0.2", "1.0", "2.0", "2.1"]);
        assert_eq!(released, [0, 0, 0, 2, 4, 6]);
        assert!(!reorder.is_waiting());
    }
}
