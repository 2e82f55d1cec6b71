//! A free list of f32 buffers, so a training loop that repeats the same steps
//! stops allocating after its first step. Owns buffer reuse and nothing else.

use alloc::vec::Vec;

/// Spare buffers, handed out zero-filled.
#[derive(Default, Debug)]
pub(crate) struct Pool {
    spare: Vec<Vec<f32>>,
}

impl Pool {
    /// A zero-filled buffer of `len` elements, reusing a spare one when there is one.
    pub(crate) fn take(&mut self, len: usize) -> Vec<f32> {
        let mut buffer = self.spare.pop().unwrap_or_default();
        buffer.clear();
        buffer.resize(len, 0.0);
        buffer
    }

    /// A buffer of `len` elements whose contents are unspecified (stale values
    /// from earlier use), for callers that overwrite every element.
    pub(crate) fn take_dirty(&mut self, len: usize) -> Vec<f32> {
        let mut buffer = self.spare.pop().unwrap_or_default();
        if buffer.len() >= len {
            buffer.truncate(len);
        } else {
            buffer.resize(len, 0.0);
        }
        buffer
    }

    /// A buffer holding a copy of `values`.
    pub(crate) fn take_copy(&mut self, values: &[f32]) -> Vec<f32> {
        let mut buffer = self.spare.pop().unwrap_or_default();
        buffer.clear();
        buffer.extend_from_slice(values);
        buffer
    }

    /// Returns a buffer for later reuse.
    pub(crate) fn give(&mut self, buffer: Vec<f32>) {
        self.spare.push(buffer);
    }
}
