//! Word2Vec's noise distribution: negatives are drawn with probability
//! proportional to a word's count to the power 0.75, which samples rare
//! words more often than their frequency would.

use alloc::vec::Vec;

use tensor::Rng;

/// The power of the counts the noise distribution follows.
pub const NOISE_POWER: f64 = 0.75;

/// Draws negative words.
#[derive(Clone, Debug, PartialEq)]
pub struct Noise {
    /// The running totals of `count^0.75`, word by word.
    cumulative: Vec<f64>,
}

impl Noise {
    /// The noise distribution of words with `counts`.
    pub fn new(counts: &[u32]) -> Self {
        let mut total = 0.0;
        let cumulative = counts
            .iter()
            .map(|&count| {
                total += libm::pow(f64::from(count), NOISE_POWER);
                total
            })
            .collect();
        Self { cumulative }
    }

    /// One word drawn from the distribution, other than `not` (unless every
    /// draw of a long run hits it).
    pub fn draw(&self, rng: &mut Rng, not: u32) -> u32 {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let mut word = 0;
        for _ in 0..64 {
            let at = rng.uniform_f64() * total;
            word = self.cumulative.partition_point(|&c| c <= at) as u32;
            word = word.min(self.cumulative.len().saturating_sub(1) as u32);
            if word != not {
                break;
            }
        }
        word
    }
}
