//! A free list of f32 buffers, so a training loop that repeats the same steps
//! stops allocating after its first step. Owns buffer reuse and nothing else.

use alloc::collections::BTreeMap;
use alloc::vec::Vec;

/// Spare buffers by length. A request takes the shortest spare at least as
/// long as it asks (so a loop that asks for the same lengths step after step
/// gets back buffers of exactly those lengths, and nothing is refilled or
/// grown), else the longest spare, grown.
#[derive(Default, Debug)]
pub(crate) struct Pool {
    spare: BTreeMap<usize, Vec<Vec<f32>>>,
}

impl Pool {
    /// A zero-filled buffer of `len` elements, reusing a spare one when there is one.
    pub(crate) fn take(&mut self, len: usize) -> Vec<f32> {
        let mut buffer = self.best_fit(len);
        buffer.clear();
        buffer.resize(len, 0.0);
        buffer
    }

    /// A buffer of `len` elements whose contents are unspecified (stale values
    /// from earlier use), for callers that overwrite every element.
    pub(crate) fn take_dirty(&mut self, len: usize) -> Vec<f32> {
        let mut buffer = self.best_fit(len);
        if buffer.len() >= len {
            buffer.truncate(len);
        } else {
            buffer.resize(len, 0.0);
        }
        buffer
    }

    /// A buffer holding a copy of `values`.
    pub(crate) fn take_copy(&mut self, values: &[f32]) -> Vec<f32> {
        let mut buffer = self.best_fit(values.len());
        buffer.clear();
        buffer.extend_from_slice(values);
        buffer
    }

    /// Returns a buffer for later reuse.
    pub(crate) fn give(&mut self, buffer: Vec<f32>) {
        self.spare.entry(buffer.len()).or_default().push(buffer);
    }

    /// The shortest spare of at least `len` elements, else the longest spare,
    /// else a new empty buffer.
    fn best_fit(&mut self, len: usize) -> Vec<f32> {
        let key = match self.spare.range(len..).next() {
            Some((&key, _)) => key,
            None => match self.spare.last_key_value() {
                Some((&key, _)) => key,
                None => return Vec::new(),
            },
        };
        let Some(buffers) = self.spare.get_mut(&key) else {
            return Vec::new();
        };
        let buffer = buffers.pop().unwrap_or_default();
        if buffers.is_empty() {
            self.spare.remove(&key);
        }
        buffer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_takes_the_shortest_spare_that_holds_it() {
        let mut pool = Pool::default();
        for len in [8, 64, 16] {
            pool.give(alloc::vec![1.0; len]);
        }
        let buffer = pool.take_dirty(10);
        assert_eq!((buffer.len(), buffer.capacity()), (10, 16));
        assert_eq!(pool.take_dirty(64).len(), 64);
        // only the 8 is left: it grows, and its new elements are zeros
        let grown = pool.take_dirty(12);
        assert_eq!(grown, [[1.0; 8].as_slice(), &[0.0; 4]].concat());
        assert!(pool.spare.is_empty());
    }

    #[test]
    fn take_zero_fills_and_take_copy_copies_whatever_spare_it_reuses() {
        let mut pool = Pool::default();
        pool.give(alloc::vec![7.0; 4]);
        assert_eq!(pool.take(6), [0.0; 6]);
        pool.give(alloc::vec![7.0; 4]);
        assert_eq!(pool.take_copy(&[1.0, 2.0]), [1.0, 2.0]);
        assert_eq!(pool.take(3), [0.0; 3]);
    }
}
