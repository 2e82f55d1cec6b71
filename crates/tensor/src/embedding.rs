//! The embedding lookup: rows of a table gathered by token ids. Owns its
//! forward and the scatter its gradient rule (in `backward`) calls.

use crate::tape::Op;
use crate::{Shape, Tape, Var};

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
        let shape = self.shape(table);
        assert_eq!(shape.rank(), 2, "Tape::embedding: table {shape:?}");
        let (vocab, dim) = (shape.dim(0), shape.dim(1));
        assert!(
            vocab <= 1 << 24 && ids.iter().all(|&id| id < vocab),
            "Tape::embedding: an id is not below the vocabulary size {vocab} (at most 2^24)"
        );
        let id_var = self.input_fn([ids.len()], |out| {
            for (o, &id) in out.iter_mut().zip(ids) {
                *o = id as f32;
            }
        });
        self.push(
            Shape::new(&[ids.len(), dim]),
            Op::Embedding(table, id_var),
            &[table],
            |out, nodes| {
                let rows = nodes[table.0].value.data();
                for (row, &id) in out.chunks_exact_mut(dim.max(1)).zip(ids) {
                    row.copy_from_slice(&rows[id * dim..][..dim]);
                }
            },
        )
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
