//! A fixed-size set of article numbers, one bit each: what every filter clause produces
//! and what clauses are combined with. 100k articles take 12.5 KB per set.

/// Article numbers `0..len` as bits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// Bytes held on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }

    /// No article.
    pub fn empty(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Every article.
    pub fn full(len: usize) -> Self {
        let mut set = Self {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        set.trim();
        set
    }

    fn trim(&mut self) {
        let spare = self.words.len() * 64 - self.len;
        if spare > 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= u64::MAX >> spare;
        }
    }

    /// Adds article `n`.
    pub fn insert(&mut self, n: u32) {
        self.words[n as usize / 64] |= 1 << (n % 64);
    }

    /// Whether article `n` is in.
    pub fn contains(&self, n: u32) -> bool {
        self.words[n as usize / 64] & (1 << (n % 64)) != 0
    }

    /// Keeps what is also in `other`.
    pub fn and(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Removes what is in `other`.
    pub fn and_not(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Adds what is in `other`.
    pub fn or(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// The article numbers it has room for: `0..capacity`.
    pub fn capacity(&self) -> usize {
        self.len
    }

    /// How many articles are in.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_combine() {
        let mut a = Bitset::empty(130);
        a.insert(0);
        a.insert(64);
        a.insert(129);
        let mut b = Bitset::full(130);
        assert_eq!(b.count(), 130);
        b.and_not(&a);
        assert_eq!(b.count(), 127);
        assert!(!b.contains(64) && b.contains(65));
        b.or(&a);
        assert_eq!(b.count(), 130);
        b.and(&a);
        assert_eq!(b.count(), 3);
    }
}
