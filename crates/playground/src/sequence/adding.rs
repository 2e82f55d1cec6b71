//! The adding problem (Hochreiter and Schmidhuber, 1997): each step of a sequence carries a
//! random number in [0, 1) and a marker; exactly two steps are marked, one in each half, and
//! the target, read at the last step, is the sum of the two marked numbers. Answering 1.0
//! always scores a mean squared error of 1/6 (the variance of a sum of two uniform numbers),
//! so a network scores below that only by remembering what it saw steps ago.

use alloc::vec::Vec;
use tensor::Rng;

/// The shortest and longest sequences the task offers.
pub const LENGTHS: core::ops::RangeInclusive<usize> = 5..=100;
/// Each step's inputs: the number and the marker.
pub const FEATURES: usize = 2;
/// The test MSE of always answering the mean target, 1.0.
pub const BASELINE_MSE: f32 = 1.0 / 6.0;

/// Examples of the adding problem, all of one length.
#[derive(Clone, Debug, PartialEq)]
pub struct AddingSet {
    /// The steps of each sequence.
    pub length: usize,
    /// `[count, length, FEATURES]`: each step's number, then its marker (0 or 1).
    pub inputs: Vec<f32>,
    /// `[count]`: the sum of each sequence's two marked numbers.
    pub targets: Vec<f32>,
}

impl AddingSet {
    /// `count` sequences of `length` steps drawn from `rng`: the numbers first, then the
    /// marked step of the first half (`0..length / 2`), then that of the second half.
    ///
    /// # Panics
    /// If `length` is below 2.
    pub fn draw(length: usize, count: usize, rng: &mut Rng) -> Self {
        assert!(length >= 2, "AddingSet::draw: a sequence needs two halves");
        let mut inputs = Vec::with_capacity(count * length * FEATURES);
        let mut targets = Vec::with_capacity(count);
        for _ in 0..count {
            let start = inputs.len();
            for _ in 0..length {
                inputs.extend([rng.uniform(), 0.0]);
            }
            let half = length / 2;
            let first = rng.below(half);
            let second = half + rng.below(length - half);
            let mut sum = 0.0;
            for step in [first, second] {
                inputs[start + step * FEATURES + 1] = 1.0;
                sum += inputs[start + step * FEATURES];
            }
            targets.push(sum);
        }
        Self {
            length,
            inputs,
            targets,
        }
    }

    /// How many sequences the set holds.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// Whether the set holds none.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    /// The mean squared error of answering `guess` to every sequence.
    pub fn constant_mse(&self, guess: f32) -> f32 {
        let sum: f64 = self
            .targets
            .iter()
            .map(|&target| f64::from(target - guess) * f64::from(target - guess))
            .sum();
        (sum / self.len().max(1) as f64) as f32
    }
}
