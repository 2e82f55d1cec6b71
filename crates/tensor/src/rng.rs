//! The seeded random generator: PCG32 from `rand_pcg`, plus the exact sampling
//! methods used on top of it. Owns reproducibility; knows nothing of layers or data.
//!
//! Every draw is defined by integer arithmetic and `libm`, so the same seed gives
//! the same numbers, bit for bit, natively and in wasm.

use rand_pcg::Pcg32;
use rand_pcg::rand_core::{Rng as _, SeedableRng};

/// A small, fast, value-stable random generator.
#[derive(Clone, Debug)]
pub struct Rng {
    inner: Pcg32,
}

impl Rng {
    /// A generator whose whole stream is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            inner: Pcg32::seed_from_u64(seed),
        }
    }

    /// The next raw 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        self.inner.next_u32()
    }

    /// The next raw 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }

    /// Uniform in `[0, 1)` with 53 random bits.
    pub fn uniform_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `[0, 1)` with 24 random bits.
    pub fn uniform(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (1.0 / (1u32 << 24) as f32)
    }

    /// Uniform in `[low, high)`.
    pub fn uniform_range(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * self.uniform()
    }

    /// A standard normal sample by the Box-Muller transform in f64:
    /// `sqrt(-2 ln(1 - u1)) * cos(2 pi u2)` with `u1, u2` uniform in `[0, 1)`.
    /// One sample per call (the sine half is discarded), so the stream stays simple.
    pub fn normal(&mut self) -> f32 {
        let u1 = self.uniform_f64();
        let u2 = self.uniform_f64();
        let radius = libm::sqrt(-2.0 * libm::log(1.0 - u1));
        (radius * libm::cos(core::f64::consts::TAU * u2)) as f32
    }

    /// A uniform index in `0..n` (Lemire's multiply-shift; `n` must be non-zero).
    ///
    /// # Panics
    /// If `n` is zero.
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::below: n must be non-zero");
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Shuffles `items` in place (Fisher-Yates, from the back).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn same_seed_gives_same_stream() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        for _ in 0..100 {
            assert_eq!(a.normal().to_bits(), b.normal().to_bits());
            assert_eq!(a.uniform().to_bits(), b.uniform().to_bits());
        }
        assert_ne!(Rng::new(1).next_u64(), Rng::new(2).next_u64());
    }

    #[test]
    fn normal_has_unit_moments() {
        let mut rng = Rng::new(7);
        let n = 20_000;
        let xs: Vec<f64> = (0..n).map(|_| rng.normal() as f64).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }

    #[test]
    fn uniform_stays_in_range_and_shuffle_permutes() {
        let mut rng = Rng::new(3);
        for _ in 0..1000 {
            let u = rng.uniform_range(-0.5, 0.5);
            assert!((-0.5..0.5).contains(&u));
        }
        let mut items: Vec<usize> = (0..50).collect();
        rng.shuffle(&mut items);
        assert_ne!(items, (0..50).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..50).collect::<Vec<_>>());
    }
}
