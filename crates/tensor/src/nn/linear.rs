//! A fully connected layer `y = x @ W + b`. Owns its two parameters; the
//! activation that follows it belongs to the network.

use crate::{Init, Rng, Tape, Tensor, Var, kernels};

/// A fully connected layer.
///
/// # Shapes
/// `weight: [in_dim, out_dim]`, `bias: [out_dim]`; input `[batch, in_dim]`, output `[batch, out_dim]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Linear {
    /// The weights, one row per input and one column per output unit.
    pub weight: Tensor,
    /// One bias per output unit.
    pub bias: Tensor,
}

impl Linear {
    /// A freshly initialised layer.
    pub fn new(in_dim: usize, out_dim: usize, init: Init, scale: f32, rng: &mut Rng) -> Self {
        Self {
            weight: init.weights(in_dim, out_dim, scale, rng),
            bias: Tensor::full([out_dim], init.bias()),
        }
    }

    /// The number of inputs.
    pub fn in_dim(&self) -> usize {
        self.weight.dims()[0]
    }

    /// The number of output units.
    pub fn out_dim(&self) -> usize {
        self.weight.dims()[1]
    }

    /// Records `x @ weight + bias` given the layer's parameters already on the
    /// tape. `x` may be `[batch, in_dim]` or a stack of rows such as
    /// `[batch, T, in_dim]` (see [`Tape::matmul`]); the output keeps its leading axes.
    pub fn forward(tape: &mut Tape, x: Var, weight: Var, bias: Var) -> Var {
        let product = tape.matmul(x, weight);
        tape.add_row_bias(product, bias)
    }

    /// `out[b, :] = x[b, :] @ weight + bias` for `rows` rows, without recording
    /// anything, in the order [`Linear::forward`] records it: the product first
    /// (each element from zero, its inputs' terms in ascending order), then the
    /// bias added. Every tape-free pass uses this or [`Linear::apply_columns`],
    /// so all give the tape's bits.
    pub fn apply(&self, x: &[f32], rows: usize, out: &mut [f32]) {
        let (k, n) = (self.in_dim(), self.out_dim());
        let out = &mut out[..rows * n];
        kernels::matmul(x, self.weight.data(), out, rows, k, n);
        for row in out.chunks_exact_mut(n.max(1)) {
            for (value, &bias) in row.iter_mut().zip(self.bias.data()) {
                *value += bias;
            }
        }
    }

    /// [`Linear::apply`] on `points` inputs held column-wise, with the same
    /// operations in the same order, so the same bits transposed:
    /// `out[u, p] = transposed[u, :] @ x[:, p] + bias[u]`.
    ///
    /// # Shapes
    /// `transposed: [out_dim, in_dim]` (the weight transposed), `x: [in_dim, points]`,
    /// `out: [out_dim, points]`.
    pub(crate) fn apply_columns(
        &self,
        transposed: &[f32],
        x: &[f32],
        points: usize,
        out: &mut [f32],
    ) {
        let (k, n) = (self.in_dim(), self.out_dim());
        let out = &mut out[..n * points];
        kernels::matmul(transposed, x, out, n, k, points);
        for (row, &bias) in out.chunks_exact_mut(points.max(1)).zip(self.bias.data()) {
            for value in row {
                *value += bias;
            }
        }
    }
}
