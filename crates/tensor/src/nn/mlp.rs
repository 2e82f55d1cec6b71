//! A multilayer perceptron: fully connected layers with one activation between
//! them and one on the output. Owns the layer stack and its two forward paths:
//! recorded on a tape for training, and plain loops for prediction.

use alloc::vec::Vec;

use crate::nn::Linear;
use crate::{Activation, Init, Rng, Tape, Var};

/// A stack of [`Linear`] layers.
#[derive(Clone, Debug, PartialEq)]
pub struct Mlp {
    /// The layers, input side first.
    pub layers: Vec<Linear>,
    /// The activation after every layer but the last.
    pub hidden: Activation,
    /// The activation after the last layer (`Identity` for logits).
    pub output: Activation,
}

/// The variables one recorded forward pass produced.
#[derive(Clone, Debug)]
pub struct MlpVars {
    /// Every parameter on the tape, in [`Mlp::params`] order (weight, bias per layer).
    pub params: Vec<Var>,
    /// Each hidden layer's output after its activation (and dropout).
    pub hidden: Vec<Var>,
    /// The network's output after the output activation.
    pub output: Var,
}

impl Mlp {
    /// A network with layer widths `sizes` (input first, output last), every
    /// weight drawn by `init` and multiplied by `scale`.
    ///
    /// # Panics
    /// If `sizes` has fewer than two entries.
    pub fn new(
        sizes: &[usize],
        hidden: Activation,
        output: Activation,
        init: Init,
        scale: f32,
        rng: &mut Rng,
    ) -> Self {
        assert!(
            sizes.len() >= 2,
            "Mlp::new: need input and output sizes, got {sizes:?}"
        );
        let layers = sizes
            .windows(2)
            .map(|pair| Linear::new(pair[0], pair[1], init, scale, rng))
            .collect();
        Self {
            layers,
            hidden,
            output,
        }
    }

    /// Layer widths, input first.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = Vec::with_capacity(self.layers.len() + 1);
        sizes.push(self.layers[0].in_dim());
        sizes.extend(self.layers.iter().map(Linear::out_dim));
        sizes
    }

    /// Every parameter: weight then bias for each layer, input side first.
    pub fn params(&self) -> impl Iterator<Item = &crate::Tensor> {
        self.layers.iter().flat_map(|l| [&l.weight, &l.bias])
    }

    /// Every parameter, writable, in [`Mlp::params`] order.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut crate::Tensor> {
        self.layers
            .iter_mut()
            .flat_map(|l| [&mut l.weight, &mut l.bias])
    }

    /// The activation after layer `layer`: [`Mlp::output`] after the last,
    /// [`Mlp::hidden`] after every other.
    pub fn activation_of(&self, layer: usize) -> Activation {
        if layer + 1 == self.layers.len() {
            self.output
        } else {
            self.hidden
        }
    }

    /// Records a forward pass of `x: [batch, in_dim]`. With `dropout` set to
    /// `(rate, rng)`, hidden outputs are dropped out (training mode).
    pub fn forward(
        &self,
        tape: &mut Tape,
        x: Var,
        mut dropout: Option<(f32, &mut Rng)>,
    ) -> MlpVars {
        let mut params = Vec::with_capacity(self.layers.len() * 2);
        let mut hidden = Vec::with_capacity(self.layers.len());
        let mut current = x;
        for (index, layer) in self.layers.iter().enumerate() {
            let weight = tape.param(&layer.weight);
            let bias = tape.param(&layer.bias);
            params.extend([weight, bias]);
            let pre = Linear::forward(tape, current, weight, bias);
            current = tape.unary(pre, self.activation_of(index).unary());
            if index + 1 < self.layers.len() {
                if let Some((rate, rng)) = dropout.as_mut() {
                    current = tape.dropout(current, *rate, rng);
                }
                hidden.push(current);
            }
        }
        MlpVars {
            params,
            hidden,
            output: current,
        }
    }

    /// Evaluates `rows` inputs (`x` is `[rows, in_dim]`, row-major) without
    /// recording anything, leaving each layer's activated output in `outputs`
    /// (`outputs[l]` is `[rows, width of layer l]`; the last is the prediction).
    /// Buffers in `outputs` are reused across calls.
    pub fn forward_layers(&self, x: &[f32], rows: usize, outputs: &mut Vec<Vec<f32>>) {
        outputs.resize_with(self.layers.len(), Vec::new);
        for (index, layer) in self.layers.iter().enumerate() {
            let (done, rest) = outputs.split_at_mut(index);
            let input = done.last().map_or(x, Vec::as_slice);
            let out = &mut rest[0];
            out.resize(rows * layer.out_dim(), 0.0);
            layer.apply(input, rows, out);
            self.activation_of(index).unary().apply_in_place(out);
        }
    }
}
