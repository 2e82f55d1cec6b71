//! The attention lab's network: token vectors plus the positions' (learned,
//! sinusoidal or none), a stack of pre-norm Transformer blocks, a final layer
//! norm and a linear map to one logit per token of the vocabulary, at every
//! position. Owns the weights and their order; training lives in `session`.

use alloc::vec::Vec;

use tensor::nn::{LAYER_NORM_EPS, LayerNorm, Linear, TransformerBlock};
use tensor::{Init, Rng, Tape, Tensor, Var};

use super::config::{AttentionConfig, Positions};

/// The Transformer of one config.
#[derive(Clone, Debug, PartialEq)]
pub struct AttentionModel {
    /// One row per token, `[vocabulary, dim]`.
    pub tokens: Tensor,
    /// The learned position table, `[length, dim]` (only with learned positions).
    pub learned_positions: Option<Tensor>,
    /// The fixed sinusoidal table, `[length, dim]` (only with sinusoidal positions).
    pub sinusoidal: Option<Tensor>,
    /// The blocks, input side first.
    pub blocks: Vec<TransformerBlock>,
    /// The norm after the last block.
    pub final_norm: LayerNorm,
    /// `dim -> vocabulary` logits.
    pub head: Linear,
}

/// What one recorded pass produced.
#[derive(Clone, Debug)]
pub struct Pass {
    /// Every parameter on the tape, in [`AttentionModel::params`] order.
    pub params: Vec<Var>,
    /// Each block's input, `[batch, T, dim]`: the embeddings, then each block's output.
    pub block_inputs: Vec<Var>,
    /// Each block's attention probabilities, `[batch * heads, T, T]`.
    pub probs: Vec<Var>,
    /// The logits, `[batch * T, vocabulary]`, row `b * T + t`.
    pub logits: Var,
}

impl AttentionModel {
    /// Fresh weights for `config` over `vocabulary` tokens, drawn from `rng`:
    /// the tables from N(0, 0.02²) as GPT-2's, the blocks as
    /// [`TransformerBlock::new`], the head by Xavier init.
    ///
    /// # Panics
    /// If `config.heads` is 0 or does not divide `config.dim` (validation rules it out).
    pub fn new(config: &AttentionConfig, vocabulary: usize, rng: &mut Rng) -> Self {
        let dim = config.dim;
        let table = |rows: usize, rng: &mut Rng| {
            let data: Vec<f32> = (0..rows * dim).map(|_| 0.02 * rng.normal()).collect();
            Tensor::new([rows, dim], data)
        };
        let tokens = table(vocabulary, rng);
        let learned_positions =
            (config.positions == Positions::Learned).then(|| table(config.length, rng));
        let sinusoidal = (config.positions == Positions::Sinusoidal)
            .then(|| sinusoidal_table(config.length, dim));
        let causal = config.task.is_text();
        let blocks = (0..config.layers)
            .map(|_| TransformerBlock::new(dim, config.heads, config.feed_forward(), causal, rng))
            .collect();
        Self {
            tokens,
            learned_positions,
            sinusoidal,
            blocks,
            final_norm: LayerNorm::new(dim),
            head: Linear::new(dim, vocabulary, Init::Xavier, 1.0, rng),
        }
    }

    /// Every parameter: the token table, the learned position table (if
    /// any), each block's ([`TransformerBlock::params`]), the final norm's
    /// gain and bias, then the head's weight and bias.
    pub fn params(&self) -> impl Iterator<Item = &Tensor> {
        let blocks = self.blocks.iter().flat_map(TransformerBlock::params);
        let last = [
            &self.final_norm.gain,
            &self.final_norm.bias,
            &self.head.weight,
            &self.head.bias,
        ];
        core::iter::once(&self.tokens)
            .chain(self.learned_positions.as_ref())
            .chain(blocks)
            .chain(last)
    }

    /// Every parameter, writable, in [`AttentionModel::params`] order.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        let blocks = self
            .blocks
            .iter_mut()
            .flat_map(TransformerBlock::params_mut);
        let last = [
            &mut self.final_norm.gain,
            &mut self.final_norm.bias,
            &mut self.head.weight,
            &mut self.head.bias,
        ];
        core::iter::once(&mut self.tokens)
            .chain(self.learned_positions.as_mut())
            .chain(blocks)
            .chain(last)
    }

    /// The number of weights and biases.
    pub fn parameter_count(&self) -> usize {
        self.params().map(Tensor::len).sum()
    }

    /// The number of parameters before the blocks' (the tables).
    pub fn table_count(&self) -> usize {
        1 + usize::from(self.learned_positions.is_some())
    }

    /// Records the network over `batch` sequences of `ids.len() / batch` tokens, row-major.
    ///
    /// # Panics
    /// If `batch` does not divide `ids.len()`, a sequence is longer than the
    /// position tables, or an id is outside the vocabulary.
    pub fn forward(&self, tape: &mut Tape, ids: &[usize], batch: usize) -> Pass {
        let dim = self.tokens.dims()[1];
        let t = ids.len() / batch.max(1);
        let mut params = Vec::new();
        let tokens = tape.param(&self.tokens);
        params.push(tokens);
        let looked_up = tape.embedding(tokens, ids);
        let mut x = tape.reshape(looked_up, [batch, t, dim]);
        let steps: Vec<usize> = (0..t).collect();
        if let Some(table) = &self.learned_positions {
            let positions = tape.param(table);
            params.push(positions);
            let at = tape.embedding(positions, &steps);
            x = tape.add_broadcast(x, at);
        }
        if let Some(table) = &self.sinusoidal {
            let at = tape.input([t, dim], &table.data()[..t * dim]);
            x = tape.add_broadcast(x, at);
        }
        let mut block_inputs = Vec::with_capacity(self.blocks.len());
        let mut probs = Vec::with_capacity(self.blocks.len());
        for block in &self.blocks {
            block_inputs.push(x);
            let recorded = block.forward(tape, x);
            params.extend_from_slice(&recorded.params);
            probs.push(recorded.probs);
            x = recorded.output;
        }
        let gain = tape.param(&self.final_norm.gain);
        let bias = tape.param(&self.final_norm.bias);
        let weight = tape.param(&self.head.weight);
        let head_bias = tape.param(&self.head.bias);
        params.extend_from_slice(&[gain, bias, weight, head_bias]);
        let normed = tape.layer_norm(x, gain, bias, LAYER_NORM_EPS);
        let rows = tape.reshape(normed, [batch * t, dim]);
        let logits = Linear::forward(tape, rows, weight, head_bias);
        Pass {
            params,
            block_inputs,
            probs,
            logits,
        }
    }
}

/// The sinusoidal position table of "Attention Is All You Need":
/// `sin(t / 10000^(2i/dim))` in column `2i` and the cosine in column `2i + 1`.
pub fn sinusoidal_table(length: usize, dim: usize) -> Tensor {
    let mut data = Vec::with_capacity(length * dim);
    for t in 0..length {
        for column in 0..dim {
            let pair = (column / 2 * 2) as f32;
            let angle = t as f32 / libm::powf(10_000.0, pair / dim as f32);
            data.push(if column % 2 == 0 {
                libm::sinf(angle)
            } else {
                libm::cosf(angle)
            });
        }
    }
    Tensor::new([length, dim], data)
}
