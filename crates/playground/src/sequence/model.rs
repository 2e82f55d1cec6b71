//! The sequence lab's network: an embedding of each token (text, reverse) or
//! the raw number and marker (adding), one recurrent layer, and a dense
//! output read at every step (text: next-token logits; reverse: the digit to
//! give back) or at the last one (adding: the sum). Owns the parameters and
//! the forward pass on the tape.

use alloc::vec::Vec;

use tensor::nn::{Linear, Recurrent, Unrolled};
use tensor::{Init, Rng, Tape, Tensor, Var};

use super::adding::FEATURES;
use super::config::{SequenceConfig, Task};

/// The width of the text task's token embeddings.
pub const EMBEDDING: usize = 16;

/// What one batch feeds the network, step by step.
#[derive(Clone, Copy, Debug)]
pub enum Inputs<'a> {
    /// Token ids, `[batch, length]`, sequence after sequence.
    Tokens(&'a [u16]),
    /// The adding problem's steps, `[batch, length, FEATURES]`.
    Numbers(&'a [f32]),
}

/// The variables one forward pass recorded.
#[derive(Clone, Debug)]
pub struct Pass {
    /// Every parameter on the tape, in [`SequenceModel::params`] order.
    pub params: Vec<Var>,
    /// The recurrent layer's steps: hidden states, cell states, gates.
    pub unrolled: Unrolled,
    /// The outputs: one `[batch, vocabulary]` per step (text), or one `[batch, 1]` (adding).
    pub outputs: Vec<Var>,
}

/// An embedding (text only), a recurrent layer and a dense output.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceModel {
    /// `[vocabulary, EMBEDDING]` for the text task; `None` for adding.
    pub embedding: Option<Tensor>,
    /// The recurrent layer.
    pub recurrent: Recurrent,
    /// From the hidden state to the logits (text) or the sum (adding).
    pub output: Linear,
}

impl SequenceModel {
    /// A fresh network for `config` over `vocabulary` tokens (ignored by the
    /// adding task), every weight drawn Glorot-uniform and multiplied by `scale`.
    pub fn new(config: &SequenceConfig, vocabulary: usize, scale: f32, rng: &mut Rng) -> Self {
        let init = Init::Xavier;
        let (embedding, in_dim, out_dim) = match config.task {
            Task::Text | Task::Reverse => (
                Some(init.weights(vocabulary, EMBEDDING, scale, rng)),
                EMBEDDING,
                vocabulary,
            ),
            Task::Adding => (None, FEATURES, 1),
        };
        let recurrent = Recurrent::new(config.cell, in_dim, config.hidden, init, scale, rng);
        let output = Linear::new(config.hidden, out_dim, init, scale, rng);
        Self {
            embedding,
            recurrent,
            output,
        }
    }

    /// Every parameter: the embedding, the recurrent layer's, then the output's weight and bias.
    pub fn params(&self) -> impl Iterator<Item = &Tensor> {
        self.embedding
            .iter()
            .chain(self.recurrent.params())
            .chain([&self.output.weight, &self.output.bias])
    }

    /// Every parameter, writable, in [`SequenceModel::params`] order.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        self.embedding
            .iter_mut()
            .chain(self.recurrent.params_mut())
            .chain([&mut self.output.weight, &mut self.output.bias])
    }

    /// The number of weights and biases.
    pub fn parameter_count(&self) -> usize {
        self.params().map(Tensor::len).sum()
    }

    /// Records a forward pass over `batch` sequences of `length` steps from a
    /// zero state; with `dropout`, each hidden state the output reads is
    /// dropped out at that rate.
    ///
    /// # Panics
    /// If `inputs` are tokens and the network has no embedding (the adding
    /// task's), or the inputs hold fewer than `batch * length` steps.
    pub fn forward(
        &self,
        tape: &mut Tape,
        inputs: Inputs<'_>,
        batch: usize,
        length: usize,
        mut dropout: Option<(f32, &mut Rng)>,
    ) -> Pass {
        let table = self.embedding.as_ref().map(|t| tape.param(t));
        let steps: Vec<Var> = (0..length)
            .map(|t| match (inputs, table) {
                (Inputs::Tokens(ids), Some(table)) => {
                    let column: Vec<usize> = (0..batch)
                        .map(|b| usize::from(ids[b * length + t]))
                        .collect();
                    tape.embedding(table, &column)
                }
                (Inputs::Tokens(_), None) => {
                    panic!("SequenceModel::forward: the adding network reads numbers, not tokens")
                }
                (Inputs::Numbers(values), _) => tape.input_fn([batch, FEATURES], |out| {
                    for (b, row) in out.chunks_exact_mut(FEATURES).enumerate() {
                        let at = (b * length + t) * FEATURES;
                        row.copy_from_slice(&values[at..at + FEATURES]);
                    }
                }),
            })
            .collect();
        let initial = self.recurrent.zero_state(tape, batch);
        let unrolled = self.recurrent.forward(tape, &steps, initial);
        let weight = tape.param(&self.output.weight);
        let bias = tape.param(&self.output.bias);
        let read: &[_] = match inputs {
            Inputs::Tokens(_) => &unrolled.steps,
            Inputs::Numbers(_) => &unrolled.steps[length.saturating_sub(1)..],
        };
        let outputs = read
            .iter()
            .map(|step| {
                let hidden = match dropout.as_mut() {
                    Some((rate, rng)) => tape.dropout(step.hidden, *rate, rng),
                    None => step.hidden,
                };
                Linear::forward(tape, hidden, weight, bias)
            })
            .collect();
        let params = table
            .into_iter()
            .chain(unrolled.params.iter().copied())
            .chain([weight, bias])
            .collect();
        Pass {
            params,
            unrolled,
            outputs,
        }
    }
}
