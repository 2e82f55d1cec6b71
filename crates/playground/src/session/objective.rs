//! What the network's outputs mean and what training minimises: the output
//! activation, the loss a training batch is scored by and the loss of one
//! example, predicted classes and class probabilities. Owns the link between
//! `Config`'s problem/loss and the numbers.

use tensor::nn::Target;
use tensor::{Activation, sigmoid};

use crate::config::{Config, LossKind};

/// How outputs are read and scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Objective {
    /// `0.5 sum_k (o_k - y_k)^2` per example through a tanh output (classes as
    /// ±1, TensorFlow Playground's choice) or a linear one (regression).
    HalfSquared {
        /// Classes, or `None` for regression.
        classes: Option<usize>,
    },
    /// One logit, sigmoid cross-entropy: two classes.
    BinaryLogit,
    /// One logit per class, softmax cross-entropy.
    Softmax {
        /// Number of classes (3 or more).
        classes: usize,
    },
}

impl Objective {
    /// The objective a config asks for.
    pub fn of(config: &Config) -> Self {
        match (config.class_count(), config.loss) {
            (Some(2), LossKind::CrossEntropy) => Objective::BinaryLogit,
            (Some(classes), LossKind::CrossEntropy) => Objective::Softmax { classes },
            (classes, _) => Objective::HalfSquared { classes },
        }
    }

    /// The activation on the output layer.
    pub fn output_activation(self) -> Activation {
        match self {
            Objective::HalfSquared { classes: Some(_) } => Activation::Tanh,
            _ => Activation::Identity,
        }
    }

    /// Number of classes, or `None` for regression.
    pub fn classes(self) -> Option<usize> {
        match self {
            Objective::HalfSquared { classes } => classes,
            Objective::BinaryLogit => Some(2),
            Objective::Softmax { classes } => Some(classes),
        }
    }

    /// What a training batch is scored against: `targets` are the batch's
    /// encoded targets (`[batch, units]`), `labels` its classes; the loss is
    /// the batch mean of [`Objective::example_loss`].
    pub fn target<'a>(self, targets: &'a [f32], labels: &'a [usize]) -> Target<'a> {
        match self {
            Objective::HalfSquared { .. } => Target::HalfSquared { targets },
            Objective::BinaryLogit => Target::BinaryLogit { targets },
            Objective::Softmax { .. } => Target::Softmax { labels },
        }
    }

    /// The loss of one example from its output row (no tape): the same formula
    /// as [`Objective::target`]'s loss for a batch of one.
    pub fn example_loss(self, output: &[f32], target: &[f32], label: usize) -> f32 {
        match self {
            Objective::HalfSquared { .. } => {
                0.5 * output
                    .iter()
                    .zip(target)
                    .map(|(o, y)| (o - y) * (o - y))
                    .sum::<f32>()
            }
            Objective::BinaryLogit => {
                let z = output[0];
                z.max(0.0) + libm::log1pf(libm::expf(-libm::fabsf(z))) - target[0] * z
            }
            Objective::Softmax { .. } => {
                let max = output.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let total: f32 = output.iter().map(|z| libm::expf(z - max)).sum();
                max + libm::logf(total) - output.get(label).copied().unwrap_or(max)
            }
        }
    }

    /// The class an output row predicts (0 for regression).
    pub fn predicted_class(self, output: &[f32]) -> usize {
        match self {
            Objective::HalfSquared { classes: None } => 0,
            Objective::HalfSquared { classes: Some(2) } | Objective::BinaryLogit => {
                usize::from(output[0] >= 0.0)
            }
            _ => argmax(output),
        }
    }

    /// Writes one probability per class for an output row into `out` (or the
    /// raw prediction for regression), summing to 1.
    pub fn probabilities(self, output: &[f32], out: &mut [f32]) {
        self.probabilities_columns(output, 1, out);
    }

    /// [`Objective::probabilities`] of `count` points whose outputs are held
    /// column-wise (unit `u` of point `p` at `output[u * count + p]`), written
    /// point by point into `out`: [`Objective::probability_width`] numbers each.
    /// One row is the case `count == 1`, so both give the same bits.
    pub fn probabilities_columns(self, output: &[f32], count: usize, out: &mut [f32]) {
        let width = self.probability_width();
        let out = &mut out[..count * width];
        let first = &output[..count];
        let unit = |unit: usize, point: usize| output[unit * count + point];
        match self {
            Objective::HalfSquared { classes: None } => out.copy_from_slice(first),
            Objective::HalfSquared { classes: Some(2) } => {
                for (o, &v) in out.chunks_exact_mut(2).zip(first) {
                    let p = ((v + 1.0) * 0.5).clamp(0.0, 1.0);
                    o[0] = 1.0 - p;
                    o[1] = p;
                }
            }
            Objective::BinaryLogit => {
                for (o, &v) in out.chunks_exact_mut(2).zip(first) {
                    let p = sigmoid(v);
                    o[0] = 1.0 - p;
                    o[1] = p;
                }
            }
            Objective::HalfSquared { classes: Some(_) } => {
                for (point, o) in out.chunks_exact_mut(width).enumerate() {
                    for (u, o) in o.iter_mut().enumerate() {
                        *o = ((unit(u, point) + 1.0) * 0.5).clamp(0.0, 1.0);
                    }
                    normalize(o);
                }
            }
            Objective::Softmax { .. } => {
                for (point, o) in out.chunks_exact_mut(width).enumerate() {
                    let max = (0..width)
                        .map(|u| unit(u, point))
                        .fold(f32::NEG_INFINITY, f32::max);
                    for (u, o) in o.iter_mut().enumerate() {
                        *o = libm::expf(unit(u, point) - max);
                    }
                    normalize(o);
                }
            }
        }
    }

    /// How many numbers [`Objective::probabilities`] writes per point.
    pub fn probability_width(self) -> usize {
        self.classes().unwrap_or(1)
    }
}

fn argmax(values: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in values.iter().enumerate() {
        if v > values[best] {
            best = i;
        }
    }
    best
}

fn normalize(values: &mut [f32]) {
    let total: f32 = values.iter().sum();
    if total > 0.0 {
        values.iter_mut().for_each(|v| *v /= total);
    } else {
        let share = 1.0 / values.len() as f32;
        values.iter_mut().for_each(|v| *v = share);
    }
}
