//! Multi-head self-attention (minGPT's `CausalSelfAttention`) on the tape: the
//! query, key and value projections, the heads' scaled, optionally causal
//! softmax attention (one op, `Tape::multi_head_attention`), the output
//! projection. Owns the four projections; the block around it lives in `block`.

use crate::nn::Linear;
use crate::{Init, Rng, Tape, Tensor, Var};

/// Multi-head self-attention over sequences of `d_model`-wide vectors.
///
/// # Shapes
/// Every projection is `[d_model, d_model]` with a `[d_model]` bias; head `h`
/// owns columns `h * d_head..(h + 1) * d_head` of the query, key and value
/// projections (`d_head = d_model / heads`). Input and output `[batch, T, d_model]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Attention {
    /// `x -> queries`.
    pub query: Linear,
    /// `x -> keys`.
    pub key: Linear,
    /// `x -> values`.
    pub value: Linear,
    /// The heads' concatenated outputs `-> d_model`.
    pub output: Linear,
    /// The number of heads.
    pub heads: usize,
    /// Whether position `i` may attend only to positions `j <= i`.
    pub causal: bool,
}

/// What one recorded attention pass produced.
#[derive(Clone, Copy, Debug)]
pub struct AttentionVars {
    /// The output, `[batch, T, d_model]`.
    pub output: Var,
    /// The attention probabilities, `[batch * heads, T, T]`: row `i` of matrix
    /// `b * heads + h` is how head `h` of sequence `b` weighs each position for
    /// position `i`.
    pub probs: Var,
}

impl Attention {
    /// Fresh projections drawn by Xavier init, biases 0.
    ///
    /// # Panics
    /// If `heads` is 0 or does not divide `d_model`.
    pub fn new(d_model: usize, heads: usize, causal: bool, rng: &mut Rng) -> Self {
        assert!(
            heads > 0 && d_model % heads == 0,
            "Attention::new: {heads} heads do not divide d_model {d_model}"
        );
        let mut linear = || Linear::new(d_model, d_model, Init::Xavier, 1.0, rng);
        Self {
            query: linear(),
            key: linear(),
            value: linear(),
            output: linear(),
            heads,
            causal,
        }
    }

    /// The width of the vectors attended over.
    pub fn d_model(&self) -> usize {
        self.query.in_dim()
    }

    /// Every parameter: weight then bias of query, key, value and output.
    pub fn params(&self) -> impl Iterator<Item = &Tensor> {
        [&self.query, &self.key, &self.value, &self.output]
            .into_iter()
            .flat_map(|l| [&l.weight, &l.bias])
    }

    /// Every parameter, writable, in [`Attention::params`] order.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        [
            &mut self.query,
            &mut self.key,
            &mut self.value,
            &mut self.output,
        ]
        .into_iter()
        .flat_map(|l| [&mut l.weight, &mut l.bias])
    }

    /// Records attention over `x: [batch, T, d_model]` given this layer's
    /// parameters already on the tape (`params`, in [`Attention::params`] order):
    /// per head, `softmax(q k^T / sqrt(d_head)) v` ([`Tape::multi_head_attention`]),
    /// then the heads side by side through the output projection.
    ///
    /// # Panics
    /// If `x` is not `[batch, T, d_model]` or `params` holds fewer than 8 vars.
    pub fn forward(&self, tape: &mut Tape, params: &[Var], x: Var) -> AttentionVars {
        let shape = tape.shape(x);
        let d = self.d_model();
        assert!(
            shape.rank() == 3 && shape.dim(2) == d && params.len() >= 8,
            "Attention::forward: x {shape:?} for d_model {d}"
        );
        let mut project = |k: usize| Linear::forward(tape, x, params[2 * k], params[2 * k + 1]);
        let (q, k, v) = (project(0), project(1), project(2));
        let (mixed, probs) = tape.multi_head_attention(q, k, v, self.heads, self.causal);
        let output = Linear::forward(tape, mixed, params[6], params[7]);
        AttentionVars { output, probs }
    }
}
