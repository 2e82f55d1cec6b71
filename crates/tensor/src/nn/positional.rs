//! Token embeddings plus learned positional embeddings: the input of a
//! Transformer, `tokens[id] + positions[t]` for the token at position `t`.
//! Owns the two tables; the lookups are `Tape::embedding`.

use alloc::vec::Vec;

use crate::{Rng, Tape, Tensor, Var};

/// A token table and a learned position table of the same width.
///
/// # Shapes
/// `tokens: [vocab, d_model]`, `positions: [max_len, d_model]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Embeddings {
    /// One row per token id.
    pub tokens: Tensor,
    /// One row per position in a sequence.
    pub positions: Tensor,
}

/// What one recorded lookup produced.
#[derive(Clone, Copy, Debug)]
pub struct EmbeddingsVars {
    /// The token table on the tape.
    pub tokens: Var,
    /// The position table on the tape.
    pub positions: Var,
    /// `tokens[ids] + positions[t]`, `[batch, T, d_model]`.
    pub output: Var,
}

impl Embeddings {
    /// Both tables drawn from N(0, 0.02^2), as GPT-2 does.
    pub fn new(vocab: usize, max_len: usize, d_model: usize, rng: &mut Rng) -> Self {
        let mut table = |rows: usize| {
            let data: Vec<f32> = (0..rows * d_model).map(|_| 0.02 * rng.normal()).collect();
            Tensor::new([rows, d_model], data)
        };
        let tokens = table(vocab);
        Self {
            tokens,
            positions: table(max_len),
        }
    }

    /// Every parameter: the token table, then the position table.
    pub fn params(&self) -> impl Iterator<Item = &Tensor> {
        [&self.tokens, &self.positions].into_iter()
    }

    /// Every parameter, writable, in [`Embeddings::params`] order.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        [&mut self.tokens, &mut self.positions].into_iter()
    }

    /// Records both tables, then `tokens[ids[b * T + t]] + positions[t]` for
    /// `batch` sequences of `T = ids.len() / batch` tokens, row-major. The
    /// position rows are looked up once and broadcast over the batch, so each
    /// position's gradient sums over the batch.
    ///
    /// # Panics
    /// If `batch` is 0 or does not divide `ids.len()`, a sequence is longer
    /// than the position table, or an id is not below `vocab`.
    pub fn forward(&self, tape: &mut Tape, ids: &[usize], batch: usize) -> EmbeddingsVars {
        let (max_len, d) = (self.positions.dims()[0], self.positions.dims()[1]);
        assert!(
            batch > 0 && ids.len() % batch == 0 && ids.len() / batch <= max_len,
            "Embeddings::forward: {} ids in {batch} sequences, at most {max_len} positions",
            ids.len()
        );
        let t = ids.len() / batch;
        let tokens = tape.param(&self.tokens);
        let positions = tape.param(&self.positions);
        let looked_up = tape.embedding(tokens, ids);
        let looked_up = tape.reshape(looked_up, [batch, t, d]);
        let steps: Vec<usize> = (0..t).collect();
        let at = tape.embedding(positions, &steps);
        let output = tape.add_broadcast(looked_up, at);
        EmbeddingsVars {
            tokens,
            positions,
            output,
        }
    }
}
