//! Word2Vec's noise distribution: negatives are drawn with probability
//! proportional to a word's count to the power 0.75, which samples rare
//! words more often than their frequency would. Draws take constant time by
//! Walker's alias method: pick a word uniformly, then keep it or take its
//! alias by one biased coin.

use alloc::vec::Vec;

use tensor::Rng;

/// The power of the counts the noise distribution follows.
pub const NOISE_POWER: f64 = 0.75;

/// Draws negative words.
#[derive(Clone, Debug, PartialEq)]
pub struct Noise {
    /// For each word, the chance of keeping it once picked.
    keep: Vec<f64>,
    /// For each word, the word taken instead when it is not kept.
    alias: Vec<u32>,
}

impl Noise {
    /// The noise distribution of words with `counts` (Vose's construction:
    /// each word's share times the vocabulary is topped up to 1 from a word
    /// with more than 1, taken in a fixed order).
    pub fn new(counts: &[u32]) -> Self {
        let weights: Vec<f64> = counts
            .iter()
            .map(|&c| libm::pow(f64::from(c), NOISE_POWER))
            .collect();
        let total: f64 = weights.iter().sum();
        let n = counts.len();
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut keep = alloc::vec![1.0; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(&under), Some(&over)) = (small.last(), large.last()) {
            small.pop();
            keep[under] = scaled[under];
            alias[under] = over as u32;
            scaled[over] -= 1.0 - scaled[under];
            if scaled[over] < 1.0 {
                large.pop();
                small.push(over);
            }
        }
        Self { keep, alias }
    }

    /// One word drawn from the distribution, other than `not` (unless every
    /// draw of a long run hits it).
    pub fn draw(&self, rng: &mut Rng, not: u32) -> u32 {
        let mut word = 0;
        for _ in 0..64 {
            let picked = rng.below(self.keep.len());
            word = if rng.uniform_f64() < self.keep[picked] {
                picked as u32
            } else {
                self.alias[picked]
            };
            if word != not {
                break;
            }
        }
        word
    }
}
