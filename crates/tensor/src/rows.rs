//! Row-sparse gradients of embedding tables: the sorted unique ids a batch
//! used and each one's summed gradient row. Owns the summing; the lookup lives
//! in `embedding` and the update in `optim`.

use alloc::vec::Vec;

use crate::Tensor;

/// The gradient of a `[vocab, dim]` table held as only the rows a batch used,
/// from [`Grads::rows`](crate::Grads::rows): zero everywhere else.
///
/// The ids are unique and ascending. The row of an id is the sum of the
/// gradients of every batch position that looked it up, added in ascending
/// position starting from 0.0: the same order, so the same bits, as the dense
/// gradient of [`Tape::embedding`](crate::Tape::embedding).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowGrad {
    ids: Vec<usize>,
    rows: Vec<f32>,
    dim: usize,
}

impl RowGrad {
    /// The table rows that have a gradient, ascending, each once.
    pub fn ids(&self) -> &[usize] {
        &self.ids
    }

    /// Their gradient rows, row-major: row `k` belongs to `ids()[k]`.
    ///
    /// # Shapes
    /// `[ids().len(), dim()]`.
    pub fn rows(&self) -> &[f32] {
        &self.rows
    }

    /// The width of a row (the table's second dimension).
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The dense gradient: these rows in a table of zeros.
    ///
    /// # Shapes
    /// `[vocab, dim()]`.
    ///
    /// # Panics
    /// If an id is not below `vocab`.
    pub fn to_dense(&self, vocab: usize) -> Tensor {
        let mut dense = Tensor::zeros([vocab, self.dim]);
        let dim = self.dim;
        for (&id, row) in self.ids.iter().zip(self.rows.chunks_exact(dim.max(1))) {
            assert!(id < vocab, "RowGrad::to_dense: id {id} of {vocab} rows");
            dense.data_mut()[id * dim..][..dim].copy_from_slice(row);
        }
        dense
    }

    /// Refills this store from the gradient `g` (`[n, dim]`) of the rows looked
    /// up by `ids` (`n` ids, exact as f32). `order` is scratch space for the
    /// batch positions sorted by id, each packed as `id << 32 | position`.
    pub(crate) fn sum_by_id(&mut self, ids: &[f32], g: &[f32], dim: usize, order: &mut Vec<u64>) {
        order.clear();
        order.extend(
            ids.iter()
                .enumerate()
                .map(|(n, &id)| (id as u64) << 32 | n as u64),
        );
        // the keys are unique (their low half is the position), so the unstable sort is deterministic
        order.sort_unstable();
        self.ids.clear();
        self.rows.clear();
        self.dim = dim;
        for &key in order.iter() {
            let (id, n) = ((key >> 32) as usize, (key & u64::from(u32::MAX)) as usize);
            if self.ids.last() != Some(&id) {
                self.ids.push(id);
                self.rows.resize(self.rows.len() + dim, 0.0);
            }
            let start = self.rows.len() - dim;
            for (d, &g) in self.rows[start..].iter_mut().zip(&g[n * dim..][..dim]) {
                *d += g;
            }
        }
    }
}
