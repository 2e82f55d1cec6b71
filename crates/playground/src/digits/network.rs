//! The digits lab's networks as layers of parameters, and their forward pass on
//! the tape: conv, ReLU, pool, conv, ReLU, pool, dense (the CNN); dense, ReLU,
//! dense (the MLP); or one dense layer (softmax regression). The logits leave
//! here; the softmax and the loss are the session's.

use alloc::vec::Vec;

use tensor::nn::Linear;
use tensor::{Init, Rng, Tape, Tensor, Var};

use super::config::{DigitsConfig, Model, Pooling};
use super::data::{CLASSES, PIXELS, SIDE};

/// What a layer does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerKind {
    /// A convolution with `filters` kernels of `kernel` x `kernel`, padded to
    /// keep the size, followed by ReLU and the pooling.
    Conv {
        /// Kernels, one feature map each.
        filters: usize,
        /// Side of each kernel.
        kernel: usize,
    },
    /// A dense layer to `units` outputs, followed by ReLU unless it is the last.
    Dense {
        /// Outputs.
        units: usize,
    },
}

/// One layer's parameters: its weight and its bias.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// What the layer does.
    pub kind: LayerKind,
    /// `[filters, channels, k, k]` for a convolution, `[inputs, units]` for a dense layer.
    pub weight: Tensor,
    /// One per filter or unit.
    pub bias: Tensor,
}

impl Layer {
    /// Weights plus biases.
    pub fn parameter_count(&self) -> usize {
        self.weight.len() + self.bias.len()
    }
}

/// The network of one digits experiment.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// The pooling after each convolution.
    pub pooling: Pooling,
    /// The layers, input side first.
    pub layers: Vec<Layer>,
}

/// The variables one forward pass recorded: the logits, each layer's weight
/// and bias on the tape (for their gradients) and each layer's output.
#[derive(Clone, Debug)]
pub struct Forward {
    /// `[n, 10]`, before the softmax.
    pub logits: Var,
    /// Each layer's weight and bias, input side first.
    pub params: Vec<(Var, Var)>,
    /// Each layer's output after its ReLU and pooling (the logits for the last).
    pub outputs: Vec<Var>,
}

impl Network {
    /// A network shaped by `config`, its weights drawn from `rng`: He for the
    /// layers before a ReLU, Xavier for the logits, biases 0.
    pub fn new(config: &DigitsConfig, rng: &mut Rng) -> Self {
        let mut layers = Vec::new();
        let dense = |inputs: usize, units: usize, init: Init, rng: &mut Rng| Layer {
            kind: LayerKind::Dense { units },
            weight: init.weights(inputs, units, 1.0, rng),
            bias: Tensor::zeros([units]),
        };
        match config.model {
            Model::Linear => layers.push(dense(PIXELS, CLASSES, Init::Xavier, rng)),
            Model::Mlp => {
                layers.push(dense(PIXELS, config.hidden, Init::He, rng));
                layers.push(dense(config.hidden, CLASSES, Init::Xavier, rng));
            }
            Model::Cnn => {
                let k = config.kernel;
                let mut channels = 1;
                for filters in [config.filters1, config.filters2] {
                    let drawn = Init::He.weights(channels * k * k, filters, 1.0, rng);
                    layers.push(Layer {
                        kind: LayerKind::Conv { filters, kernel: k },
                        weight: Tensor::new([filters, channels, k, k], drawn.data().to_vec()),
                        bias: Tensor::zeros([filters]),
                    });
                    channels = filters;
                }
                let side = pooled_side(config.pooling);
                layers.push(dense(channels * side * side, CLASSES, Init::Xavier, rng));
            }
        }
        Self {
            pooling: config.pooling,
            layers,
        }
    }

    /// Weights plus biases of every layer.
    pub fn parameter_count(&self) -> usize {
        self.layers.iter().map(Layer::parameter_count).sum()
    }

    /// Every weight and bias, layer by layer (weight first), for the optimizer.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        self.layers
            .iter_mut()
            .flat_map(|layer| [&mut layer.weight, &mut layer.bias])
    }

    /// Every weight and bias, in [`Network::params_mut`]'s order.
    pub fn params(&self) -> impl Iterator<Item = &Tensor> {
        self.layers
            .iter()
            .flat_map(|layer| [&layer.weight, &layer.bias])
    }

    /// Records the pass of `n` images (`n * 64` pixels in [0, 1]) on `tape`.
    /// `dropout` (rate and random source) drops inputs of the last dense layer
    /// while training.
    pub fn forward(
        &self,
        tape: &mut Tape,
        images: &[f32],
        n: usize,
        mut dropout: Option<(f32, &mut Rng)>,
    ) -> Forward {
        let mut x = match self.layers.first().map(|l| l.kind) {
            Some(LayerKind::Conv { .. }) => tape.input([n, 1, SIDE, SIDE], images),
            _ => tape.input([n, PIXELS], images),
        };
        let mut params = Vec::with_capacity(self.layers.len());
        let mut outputs = Vec::with_capacity(self.layers.len());
        let last = self.layers.len().saturating_sub(1);
        for (index, layer) in self.layers.iter().enumerate() {
            let (w, b) = (tape.param(&layer.weight), tape.param(&layer.bias));
            params.push((w, b));
            x = match layer.kind {
                LayerKind::Conv { kernel, .. } => {
                    let maps = tape.conv2d(x, w, 1, kernel / 2);
                    let biased = tape.add_channel_bias(maps, b);
                    let active = tape.relu(biased);
                    match self.pooling {
                        Pooling::Max => tape.max_pool2d(active, 2, 2),
                        Pooling::Average => tape.avg_pool2d(active, 2, 2),
                        Pooling::None => active,
                    }
                }
                LayerKind::Dense { .. } => {
                    if tape.shape(x).rank() > 2 {
                        x = tape.flatten(x);
                    }
                    if index == last {
                        if let Some((rate, rng)) = dropout.as_mut().filter(|(r, _)| *r > 0.0) {
                            x = tape.dropout(x, *rate, rng);
                        }
                    }
                    let out = Linear::forward(tape, x, w, b);
                    if index == last { out } else { tape.relu(out) }
                }
            };
            outputs.push(x);
        }
        Forward {
            logits: x,
            params,
            outputs,
        }
    }
}

/// The side of the maps after both convolutions and their pooling.
fn pooled_side(pooling: Pooling) -> usize {
    match pooling {
        Pooling::None => SIDE,
        Pooling::Max | Pooling::Average => SIDE / 4,
    }
}

/// The parameter count of a network `config` would build, without drawing it.
pub fn parameter_count(config: &DigitsConfig) -> usize {
    let mut rng = Rng::new(0);
    Network::new(config, &mut rng).parameter_count()
}
