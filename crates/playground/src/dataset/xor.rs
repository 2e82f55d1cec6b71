//! TensorFlow Playground's XOR: the four quadrants, class 1 where `x * y >= 0`.

use super::{Point, class_of, uniform};
use alloc::vec::Vec;
use tensor::Rng;

/// Half the side of the square the points are drawn from, before padding.
const HALF_WIDTH: f64 = 5.0;
/// How far every coordinate is pushed away from its axis.
const PADDING: f64 = 0.3;

/// TFP's `classifyXORData`. Each point, in TFP's draw order:
///
/// ```text
/// x = uniform(-5, 5), then x += 0.3 if x > 0 else -0.3   (same for y)
/// label = 1 if (x + uniform(-5, 5) * noise) * (y + uniform(-5, 5) * noise) >= 0 else 0
/// ```
///
/// Coordinates lie in `[-5.3, -0.3] ∪ (0.3, 5.3)`. Noise moves only the point the
/// label is judged at, so it flips labels near the axes and leaves positions
/// unchanged. Classes are balanced only on average, as in TFP.
pub(super) fn xor(points: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    (0..points)
        .map(|_| {
            let x = padded(uniform(rng, -HALF_WIDTH, HALF_WIDTH));
            let y = padded(uniform(rng, -HALF_WIDTH, HALF_WIDTH));
            let noise_x = uniform(rng, -HALF_WIDTH, HALF_WIDTH) * noise;
            let noise_y = uniform(rng, -HALF_WIDTH, HALF_WIDTH) * noise;
            let same_sign = (x + noise_x) * (y + noise_y) >= 0.0;
            Point::rounded(x, y, class_of(same_sign))
        })
        .collect()
}

/// `value` pushed [`PADDING`] further from zero.
fn padded(value: f64) -> f64 {
    if value > 0.0 {
        value + PADDING
    } else {
        value - PADDING
    }
}

#[cfg(test)]
mod tests {
    use super::xor;
    use tensor::Rng;

    #[test]
    fn noise_free_labels_agree_with_the_sign_of_x_times_y() {
        for p in xor(1000, 0.0, &mut Rng::new(17)) {
            assert!(p.x.abs() >= 0.3 && p.y.abs() >= 0.3, "{p:?}");
            assert_eq!(p.label, if p.x * p.y >= 0.0 { 1.0 } else { 0.0 }, "{p:?}");
        }
    }
}
