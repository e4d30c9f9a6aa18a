//! Where every term occurs, in one flat layout: for each term its articles, and for each
//! of those its word positions. Four arrays instead of a vector per term, so that a
//! corpus of 100k articles costs a handful of allocations and no per-term overhead.

/// Postings of all terms, numbered as the sorted term dictionary.
#[derive(Debug, Default)]
pub(super) struct Postings {
    /// Term `t`'s entries are `docs[term_starts[t]..term_starts[t + 1]]`.
    pub(super) term_starts: Vec<u32>,
    /// Article numbers, ascending within each term.
    pub(super) docs: Vec<u32>,
    /// Entry `j`'s positions are `positions[position_starts[j]..position_starts[j + 1]]`.
    pub(super) position_starts: Vec<u32>,
    /// Word positions, ascending within each entry.
    pub(super) positions: Vec<u32>,
}

impl Postings {
    /// The articles holding `term`, ascending.
    pub(super) fn docs(&self, term: u32) -> &[u32] {
        &self.docs[self.entries(term)]
    }

    /// The positions of `term` in its `i`-th article (the `i`-th of [`Self::docs`]).
    pub(super) fn positions(&self, term: u32, i: usize) -> &[u32] {
        let entry = self.entries(term).start + i;
        let start = self.position_starts[entry] as usize;
        let end = self.position_starts[entry + 1] as usize;
        &self.positions[start..end]
    }

    /// How often `term` occurs in all.
    pub(super) fn occurrences(&self, term: u32) -> u32 {
        let entries = self.entries(term);
        self.position_starts[entries.end] - self.position_starts[entries.start]
    }

    fn entries(&self, term: u32) -> std::ops::Range<usize> {
        let t = term as usize;
        self.term_starts[t] as usize..self.term_starts[t + 1] as usize
    }
}
