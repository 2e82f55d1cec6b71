//! Measuring the vectors on a fixed set of examples: each example's true
//! context and its negatives, drawn once, scored by the dot product of the
//! input vector (the word's, or for CBOW the mean of its context words') and
//! the output vector. The loss is the mean logistic loss of those scores; a
//! call is right when a true context scores above 0 and a negative below.

use alloc::vec::Vec;

use tensor::Rng;

use super::config::{Method, WordsConfig};
use super::examples::Examples;
use super::noise::Noise;
use super::session::WordsSession;

/// Examples with their negatives fixed.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Scored {
    examples: Examples,
    /// `negatives` words per example, one example after the other.
    negatives: Vec<u32>,
    /// Negatives per example.
    per_example: usize,
}

impl Scored {
    /// `examples` with negatives drawn from `noise` by `rng`.
    pub(super) fn new(
        examples: Examples,
        noise: &Noise,
        words: &WordsConfig,
        rng: &mut Rng,
    ) -> Self {
        let mut negatives = Vec::with_capacity(examples.len() * words.negatives);
        for index in 0..examples.len() {
            let target = target_of(&examples, index, words.method);
            negatives.extend((0..words.negatives).map(|_| noise.draw(rng, target)));
        }
        Self {
            examples,
            negatives,
            per_example: words.negatives,
        }
    }

    /// The mean loss and the share of right calls of `session`'s vectors
    /// (0 and `None` when there are no examples).
    pub(super) fn score(&self, session: &WordsSession) -> (f32, Option<f32>) {
        if self.examples.is_empty() {
            return (0.0, None);
        }
        let (method, dim) = (session.config.words.method, session.config.words.dim);
        let [input, output] = &session.tables;
        let mut hidden = alloc::vec![0.0; dim];
        let (mut loss, mut right, mut calls) = (0.0f64, 0usize, 0usize);
        for index in 0..self.examples.len() {
            let word = self.examples.words[index];
            let contexts = self.examples.contexts(index);
            match method {
                Method::Sgns => hidden.copy_from_slice(row(input.data(), word, dim)),
                Method::Cbow => {
                    let share = 1.0 / contexts.len() as f32;
                    hidden.fill(0.0);
                    for &context in contexts {
                        for (h, &v) in hidden.iter_mut().zip(row(input.data(), context, dim)) {
                            *h += v * share;
                        }
                    }
                }
            }
            let target = target_of(&self.examples, index, method);
            let negatives = &self.negatives[index * self.per_example..][..self.per_example];
            let scored = core::iter::once((target, 1.0)).chain(negatives.iter().map(|&n| (n, 0.0)));
            for (other, label) in scored {
                let z: f32 = hidden
                    .iter()
                    .zip(row(output.data(), other, dim))
                    .map(|(a, b)| a * b)
                    .sum();
                loss += f64::from(logistic_loss(z, label));
                right += usize::from((z > 0.0) == (label > 0.5));
                calls += 1;
            }
        }
        (
            (loss / calls as f64) as f32,
            Some(right as f32 / calls as f32),
        )
    }
}

/// The word example `index` scores as its true context: the context word
/// (skip-gram) or the word itself (CBOW).
pub(super) fn target_of(examples: &Examples, index: usize, method: Method) -> u32 {
    match method {
        Method::Sgns => examples.contexts(index)[0],
        Method::Cbow => examples.words[index],
    }
}

/// Word `id`'s row of a `[words, dim]` table.
fn row(table: &[f32], id: u32, dim: usize) -> &[f32] {
    &table[id as usize * dim..][..dim]
}

/// `softplus(z) - label z`: the logistic loss of score `z` for `label` 1 or 0.
fn logistic_loss(z: f32, label: f32) -> f32 {
    z.max(0.0) + libm::log1pf(libm::expf(-z.abs())) - label * z
}
