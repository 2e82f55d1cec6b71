//! A Transformer block in minGPT's pre-norm layout:
//! `h = x + attention(norm1(x))`, `out = h + ff(norm2(h))`, with a Linear–ReLU–Linear
//! feed-forward layer. Owns the layer norms, the feed-forward layer and the
//! order of parameters; attention itself lives in `attention`.

use alloc::vec::Vec;

use crate::nn::{Attention, Linear};
use crate::{Init, Rng, Tape, Tensor, Var};

/// The `eps` every [`LayerNorm`] adds to the variance: PyTorch's default.
pub const LAYER_NORM_EPS: f32 = 1e-5;

/// A layer norm's learned gain and bias, over the last axis
/// (see [`Tape::layer_norm`]).
///
/// # Shapes
/// `gain: [d]`, `bias: [d]`.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerNorm {
    /// Multiplies each normalised feature; starts at 1.
    pub gain: Tensor,
    /// Added to each normalised feature; starts at 0.
    pub bias: Tensor,
}

impl LayerNorm {
    /// The identity-at-start norm: gain 1, bias 0.
    pub fn new(d: usize) -> Self {
        Self {
            gain: Tensor::full([d], 1.0),
            bias: Tensor::zeros([d]),
        }
    }
}

/// One Transformer block: pre-norm multi-head self-attention and a
/// feed-forward layer, each behind a residual connection.
///
/// # Shapes
/// Input and output `[batch, T, d_model]`; `ff_in: [d_model, ff]`,
/// `ff_out: [ff, d_model]`.
#[derive(Clone, Debug, PartialEq)]
pub struct TransformerBlock {
    /// The norm before attention.
    pub norm1: LayerNorm,
    /// Multi-head self-attention.
    pub attention: Attention,
    /// The norm before the feed-forward layer.
    pub norm2: LayerNorm,
    /// The feed-forward layer's first map, followed by ReLU.
    pub ff_in: Linear,
    /// The feed-forward layer's second map, back to `d_model`.
    pub ff_out: Linear,
}

/// The variables one recorded block produced.
#[derive(Clone, Debug)]
pub struct BlockVars {
    /// Every parameter on the tape, in [`TransformerBlock::params`] order.
    pub params: Vec<Var>,
    /// The attention probabilities, `[batch * heads, T, T]`.
    pub probs: Var,
    /// The block's output, `[batch, T, d_model]`.
    pub output: Var,
}

impl TransformerBlock {
    /// A fresh block: norms at gain 1 and bias 0, attention as
    /// [`Attention::new`], the feed-forward maps drawn by He init (they feed
    /// and follow a ReLU), biases 0.
    ///
    /// # Panics
    /// If `heads` is 0 or does not divide `d_model`.
    pub fn new(d_model: usize, heads: usize, ff: usize, causal: bool, rng: &mut Rng) -> Self {
        let attention = Attention::new(d_model, heads, causal, rng);
        Self {
            norm1: LayerNorm::new(d_model),
            attention,
            norm2: LayerNorm::new(d_model),
            ff_in: Linear::new(d_model, ff, Init::He, 1.0, rng),
            ff_out: Linear::new(ff, d_model, Init::He, 1.0, rng),
        }
    }

    /// The width of the vectors in and out.
    pub fn d_model(&self) -> usize {
        self.attention.d_model()
    }

    /// Every parameter: `norm1` gain and bias, the attention's eight
    /// ([`Attention::params`]), `norm2` gain and bias, then weight and bias of
    /// `ff_in` and `ff_out`: sixteen in all.
    pub fn params(&self) -> impl Iterator<Item = &Tensor> {
        let norm1 = [&self.norm1.gain, &self.norm1.bias];
        let rest = [
            &self.norm2.gain,
            &self.norm2.bias,
            &self.ff_in.weight,
            &self.ff_in.bias,
            &self.ff_out.weight,
            &self.ff_out.bias,
        ];
        norm1.into_iter().chain(self.attention.params()).chain(rest)
    }

    /// Every parameter, writable, in [`TransformerBlock::params`] order.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        let norm1 = [&mut self.norm1.gain, &mut self.norm1.bias];
        let rest = [
            &mut self.norm2.gain,
            &mut self.norm2.bias,
            &mut self.ff_in.weight,
            &mut self.ff_in.bias,
            &mut self.ff_out.weight,
            &mut self.ff_out.bias,
        ];
        norm1
            .into_iter()
            .chain(self.attention.params_mut())
            .chain(rest)
    }

    /// Records the parameters, then the block over `x: [batch, T, d_model]`:
    /// `h = x + attention(norm1(x))`, `out = h + ff_out(relu(ff_in(norm2(h))))`.
    ///
    /// # Panics
    /// If `x` is not `[batch, T, d_model]`.
    pub fn forward(&self, tape: &mut Tape, x: Var) -> BlockVars {
        let params: Vec<Var> = self.params().map(|p| tape.param(p)).collect();
        let shape = tape.shape(x);
        let d = self.d_model();
        assert!(
            shape.rank() == 3 && shape.dim(2) == d,
            "TransformerBlock::forward: x {shape:?} for d_model {d}"
        );
        let normed = tape.layer_norm(x, params[0], params[1], LAYER_NORM_EPS);
        let attended = self.attention.forward(tape, &params[2..10], normed);
        let h = tape.add(x, attended.output);
        let normed = tape.layer_norm(h, params[10], params[11], LAYER_NORM_EPS);
        let hidden = Linear::forward(tape, normed, params[12], params[13]);
        let hidden = tape.relu(hidden);
        let ff = Linear::forward(tape, hidden, params[14], params[15]);
        let output = tape.add(h, ff);
        BlockVars {
            params,
            probs: attended.probs,
            output,
        }
    }
}
