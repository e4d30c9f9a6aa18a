//! Filling the flat postings from the shares' streams, once every term's count and
//! compressed size are known: no list grows and moves.

use super::{PARAGRAPH_END, PARAGRAPH_GAP, Share};
use crate::index::postings::{BLOCK, Postings, write_number};

/// The postings of shares numbered by the sorted dictionary of `term_count` terms.
///
/// Each thread fills the postings of a range of terms, which are contiguous in every
/// array, reading all the streams: the filling is random access into large arrays and
/// is what parallelizes; the streams are read in order.
pub(super) fn fill_postings(shares: &[Share], term_count: usize) -> Postings {
    let total = |counts: fn(&Share) -> &Vec<u32>| -> Vec<u32> {
        let mut sum = vec![0u32; term_count];
        for share in shares {
            for (s, &c) in sum.iter_mut().zip(counts(share)) {
                *s += c;
            }
        }
        sum
    };
    let term_starts = prefix_sums(&total(|s| &s.entry_counts));
    let term_byte_starts = prefix_sums(&total(|s| &s.position_bytes));
    let entries = term_starts[term_count] as usize;
    let mut docs = vec![0u32; entries];
    let mut counts = vec![0u8; entries];
    let mut block_starts = vec![0u32; entries.div_ceil(BLOCK)];
    let mut positions = vec![0u8; term_byte_starts[term_count] as usize];
    // First article number of each share.
    let mut firsts = Vec::with_capacity(shares.len());
    let mut first = 0u32;
    for share in shares {
        firsts.push(first);
        first += share.ends.len() as u32;
    }
    // Term ranges with about the same number of position bytes each.
    let threads = shares.len().max(1);
    let mut bounds = vec![0usize];
    for k in 1..threads {
        let goal = positions.len() as u64 * k as u64 / threads as u64;
        let bound = term_byte_starts.partition_point(|&p| u64::from(p) < goal);
        bounds.push(bound.clamp(*bounds.last().unwrap_or(&0), term_count));
    }
    bounds.push(term_count);
    let large_counts: Vec<Vec<(u32, u32)>> = std::thread::scope(|scope| {
        let (mut docs, mut counts, mut block_starts, mut positions) = (
            &mut docs[..],
            &mut counts[..],
            &mut block_starts[..],
            &mut positions[..],
        );
        let mut running = Vec::new();
        for range in bounds.windows(2) {
            let terms = range[0]..range[1];
            let entry_range = term_starts[terms.start] as usize..term_starts[terms.end] as usize;
            let byte_range =
                term_byte_starts[terms.start] as usize..term_byte_starts[terms.end] as usize;
            // The blocks whose first entry is in this range.
            let block_range = entry_range.start.div_ceil(BLOCK)..entry_range.end.div_ceil(BLOCK);
            let (these_docs, rest) = docs.split_at_mut(entry_range.len());
            docs = rest;
            let (these_counts, rest) = counts.split_at_mut(entry_range.len());
            counts = rest;
            let (these_blocks, rest) = block_starts.split_at_mut(block_range.len());
            block_starts = rest;
            let (these_positions, rest) = positions.split_at_mut(byte_range.len());
            positions = rest;
            let (term_starts, term_byte_starts, firsts) =
                (&term_starts, &term_byte_starts, &firsts);
            running.push(scope.spawn(move || {
                let base_entry = entry_range.start;
                let base_byte = byte_range.start as u32;
                let mut next_entry: Vec<u32> = term_starts[terms.clone()]
                    .iter()
                    .map(|&e| e - base_entry as u32)
                    .collect();
                let mut next_byte: Vec<u32> = term_byte_starts[terms.clone()]
                    .iter()
                    .map(|&b| b - base_byte)
                    .collect();
                let mut last_doc = vec![u32::MAX; terms.len()];
                let mut last_position = vec![0u32; terms.len()];
                // Entries with 255 positions or more.
                let mut large: foldhash::HashMap<u32, u32> = foldhash::HashMap::default();
                for_each_word(shares, firsts, |term, doc, position| {
                    let Some(t) = (term as usize).checked_sub(terms.start) else {
                        return;
                    };
                    if t >= last_doc.len() {
                        return;
                    }
                    if last_doc[t] != doc {
                        last_doc[t] = doc;
                        last_position[t] = 0;
                        let entry = next_entry[t] as usize;
                        these_docs[entry] = doc;
                        let global = base_entry + entry;
                        if global.is_multiple_of(BLOCK) {
                            these_blocks[global / BLOCK - block_range.start] =
                                base_byte + next_byte[t];
                        }
                        next_entry[t] += 1;
                    }
                    let entry = next_entry[t] as usize - 1;
                    match these_counts[entry] {
                        u8::MAX => *large.entry((base_entry + entry) as u32).or_insert(255) += 1,
                        count => these_counts[entry] = count + 1,
                    }
                    let at = next_byte[t] as usize;
                    next_byte[t] =
                        write_number(these_positions, at, position - last_position[t]) as u32;
                    last_position[t] = position;
                });
                let mut large: Vec<(u32, u32)> = large.into_iter().collect();
                large.sort_unstable();
                large
            }));
        }
        running
            .into_iter()
            .map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    });
    Postings {
        term_starts,
        docs,
        counts,
        // Term ranges are in order, so the threads' lists are too.
        large_counts: large_counts.into_iter().flatten().collect(),
        block_starts,
        positions,
    }
}

/// Calls `visit(term, article, position)` for every word of the streams, in order.
fn for_each_word(shares: &[Share], firsts: &[u32], mut visit: impl FnMut(u32, u32, u32)) {
    for (share, &first) in shares.iter().zip(firsts) {
        let mut start = 0;
        for (i, &end) in share.ends.iter().enumerate() {
            let doc = first + i as u32;
            let mut position = 0u32;
            for &term in &share.stream[start..end] {
                if term == PARAGRAPH_END {
                    position += PARAGRAPH_GAP;
                } else {
                    visit(term, doc, position);
                    position += 1;
                }
            }
            start = end;
        }
    }
}

/// `[0, c0, c0 + c1, …]`: where each count's range starts, and the total last.
fn prefix_sums(counts: &[u32]) -> Vec<u32> {
    let mut sums = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    sums.push(0);
    for &count in counts {
        total += count;
        sums.push(total);
    }
    sums
}
