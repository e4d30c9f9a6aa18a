//! Where every term occurs, in one flat layout: for each term its articles, and for each
//! of those how often and at which word positions. A few flat arrays instead of a vector
//! per term, so that a corpus of 100k articles costs a handful of allocations and no
//! per-term overhead.
//!
//! Positions are the largest part and are read only to check phrases, so they are kept
//! compressed: within an entry (a term in one article) each position is written as its
//! distance from the one before, in LEB128 (seven bits a byte, the high bit saying more
//! follows), which takes one byte for nearly every distance in prose. The count of an
//! entry is one byte beside it (counts of 255 and more are kept apart), and every 64th
//! entry's first byte is noted, so an entry's positions are found by skipping at most
//! 63 entries. At 100k news articles that is about 60 MB where four bytes a position
//! and a four-byte start per entry took 200.

/// Entries between two noted starts in the positions.
pub(super) const BLOCK: usize = 64;

/// Postings of all terms, numbered as the sorted term dictionary.
#[derive(Debug, Default)]
pub(super) struct Postings {
    /// Term `t`'s entries are `docs[term_starts[t]..term_starts[t + 1]]`.
    pub(super) term_starts: Vec<u32>,
    /// Article numbers, ascending within each term.
    pub(super) docs: Vec<u32>,
    /// Per entry, how many positions it has, 255 meaning 255 or more.
    pub(super) counts: Vec<u8>,
    /// The entries with 255 positions or more, ascending, with their counts.
    pub(super) large_counts: Vec<(u32, u32)>,
    /// Where in `positions` entry `BLOCK * k` starts.
    pub(super) block_starts: Vec<u32>,
    /// Every entry's positions, in entry order, each the LEB128 distance from the
    /// previous one of its entry (the first from 0).
    pub(super) positions: Vec<u8>,
}

impl Postings {
    /// The articles holding `term`, ascending.
    pub(super) fn docs(&self, term: u32) -> &[u32] {
        &self.docs[self.entries(term)]
    }

    /// How often `term` occurs in its `i`-th article.
    pub(super) fn count(&self, term: u32, i: usize) -> u32 {
        self.entry_count(self.entries(term).start + i)
    }

    /// The word positions of `term` in its `i`-th article, ascending.
    pub(super) fn positions(&self, term: u32, i: usize) -> Vec<u32> {
        let entry = self.entries(term).start + i;
        let block = entry / BLOCK;
        let mut at = self.block_starts[block] as usize;
        for skipped in block * BLOCK..entry {
            at = skip_numbers(&self.positions, at, self.entry_count(skipped));
        }
        let count = self.entry_count(entry);
        let mut out = Vec::with_capacity(count as usize);
        let mut position = 0u32;
        for _ in 0..count {
            let (distance, next) = read_number(&self.positions, at);
            position += distance;
            out.push(position);
            at = next;
        }
        out
    }

    fn entry_count(&self, entry: usize) -> u32 {
        match self.counts[entry] {
            u8::MAX => self
                .large_counts
                .binary_search_by_key(&(entry as u32), |&(e, _)| e)
                .map_or(u32::from(u8::MAX), |found| self.large_counts[found].1),
            count => u32::from(count),
        }
    }

    fn entries(&self, term: u32) -> std::ops::Range<usize> {
        let t = term as usize;
        self.term_starts[t] as usize..self.term_starts[t + 1] as usize
    }
}

/// Bytes `number` takes in LEB128.
pub(super) fn number_bytes(number: u32) -> u32 {
    match number {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

/// Writes `number` in LEB128 at `at`; returns where the next one goes.
pub(super) fn write_number(out: &mut [u8], mut at: usize, mut number: u32) -> usize {
    while number >= 0x80 {
        out[at] = (number as u8 & 0x7F) | 0x80;
        number >>= 7;
        at += 1;
    }
    out[at] = number as u8;
    at + 1
}

/// The LEB128 number at `at`, and where the next one starts.
fn read_number(bytes: &[u8], mut at: usize) -> (u32, usize) {
    let mut number = 0u32;
    let mut shift = 0;
    loop {
        let byte = bytes[at];
        at += 1;
        number |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return (number, at);
        }
        shift += 7;
    }
}

/// Where the number after the next `count` numbers from `at` starts: each ends at a byte
/// under 0x80.
fn skip_numbers(bytes: &[u8], mut at: usize, mut count: u32) -> usize {
    while count > 0 {
        if bytes[at] < 0x80 {
            count -= 1;
        }
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_in_the_bytes_they_are_said_to_take() {
        for number in [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            2_097_151,
            2_097_152,
            u32::MAX,
        ] {
            let mut bytes = [0u8; 5];
            let end = write_number(&mut bytes, 0, number);
            assert_eq!(end as u32, number_bytes(number), "{number}");
            assert_eq!(read_number(&bytes, 0), (number, end), "{number}");
            assert_eq!(skip_numbers(&bytes, 0, 1), end);
        }
    }
}
