//! The embedding lookup: rows of a table gathered by token ids, from a table on
//! the tape (dense gradient) or outside it (gradient per row). Owns their
//! forwards and the scatter the dense gradient rule (in `backward`) calls.

use crate::tape::Op;
use crate::{Shape, Tape, Tensor, Var};

impl Tape {
    /// `table[ids[n], :]` for every id: the rows of a `[vocab, dim]` table, one
    /// per token, the same as `one_hot(ids) @ table` bit for bit. The ids are
    /// recorded as a constant node (exact as f32 below 2^24); the gradient of
    /// each output row is added into its id's row of the table, so a repeated
    /// id collects the sum.
    ///
    /// # Shapes
    /// `table: [vocab, dim]`, `ids: [n]` gives `[n, dim]`.
    ///
    /// # Panics
    /// If `table` is not a matrix or an id is not below `vocab`.
    pub fn embedding(&mut self, table: Var, ids: &[usize]) -> Var {
        let (id_var, dim) = self.ids(self.shape(table), ids, "embedding");
        self.push(
            Shape::new(&[ids.len(), dim]),
            Op::Embedding(table, id_var),
            &[table],
            |out, nodes| gather(nodes[table.0].value.data(), ids, out),
        )
    }

    /// [`Tape::embedding`] of a table kept outside the tape, whose gradient is
    /// kept as only the rows `ids` names: read it with [`Grads::rows`] (a
    /// [`RowGrad`]) and apply it with [`Optimizer::step_rows`]. Neither copies
    /// nor zeroes the table, so a step costs the batch, not `vocab * dim`.
    ///
    /// The result is a parameter (its [`Grads::get`] is the gradient of each
    /// looked-up row, in batch order); `Grads::rows` sums those rows per id, as
    /// `Tape::embedding`'s dense gradient does, bit for bit. Look a table up
    /// once per step (repeat its ids instead): two lookups give two row
    /// gradients.
    ///
    /// # Shapes
    /// `table: [vocab, dim]`, `ids: [n]` gives `[n, dim]`.
    ///
    /// # Panics
    /// If `table` is not a matrix or an id is not below `vocab`.
    ///
    /// [`Grads::rows`]: crate::Grads::rows
    /// [`Grads::get`]: crate::Grads::get
    /// [`RowGrad`]: crate::RowGrad
    /// [`Optimizer::step_rows`]: crate::Optimizer::step_rows
    pub fn embedding_sparse(&mut self, table: &Tensor, ids: &[usize]) -> Var {
        let (id_var, dim) = self.ids(table.shape(), ids, "embedding_sparse");
        let mut data = self.pool.take_dirty(ids.len() * dim);
        gather(table.data(), ids, &mut data);
        let rows = Tensor::new([ids.len(), dim], data);
        self.push_node(rows, Op::SparseEmbedding(id_var), true)
    }

    /// Checks `ids` against a `[vocab, dim]` table and records them as a
    /// constant; returns it and `dim`.
    fn ids(&mut self, table: Shape, ids: &[usize], op: &str) -> (Var, usize) {
        assert_eq!(table.rank(), 2, "Tape::{op}: table {table:?}");
        let vocab = table.dim(0);
        assert!(
            vocab <= 1 << 24 && ids.iter().all(|&id| id < vocab),
            "Tape::{op}: an id is not below the vocabulary size {vocab} (at most 2^24)"
        );
        let id_var = self.input_fn([ids.len()], |out| {
            for (o, &id) in out.iter_mut().zip(ids) {
                *o = id as f32;
            }
        });
        (id_var, table.dim(1))
    }
}

/// `out[n, :] = table[ids[n], :]` for every `n`.
fn gather(table: &[f32], ids: &[usize], out: &mut [f32]) {
    let dim = out.len() / ids.len().max(1);
    for (row, &id) in out.chunks_exact_mut(dim.max(1)).zip(ids) {
        row.copy_from_slice(&table[id * dim..][..dim]);
    }
}

/// `d[ids[n], :] += g[n, :]` for every `n` in order: the embedding's gradient.
pub(crate) fn scatter_rows(ids: &[f32], g: &[f32], d: &mut [f32]) {
    let dim = g.len() / ids.len().max(1);
    for (row, &id) in g.chunks_exact(dim.max(1)).zip(ids) {
        let target = &mut d[id as usize * dim..][..dim];
        for (d, &g) in target.iter_mut().zip(row) {
            *d += g;
        }
    }
}
