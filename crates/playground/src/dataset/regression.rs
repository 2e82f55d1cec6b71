//! TensorFlow Playground's two regression sets: a tilted plane and six signed bumps.

use super::{Point, uniform};
use alloc::vec::Vec;
use tensor::Rng;

/// Half the side of the square the points are drawn from.
const HALF_WIDTH: f64 = 6.0;

/// TFP's six Gaussian bumps: centre `x`, centre `y`, sign of the target there.
const BUMPS: [(f64, f64, f64); 6] = [
    (-4.0, 2.5, 1.0),
    (0.0, 2.5, -1.0),
    (4.0, 2.5, 1.0),
    (-4.0, -2.5, -1.0),
    (0.0, -2.5, 1.0),
    (4.0, -2.5, -1.0),
];

/// TFP's `regressPlane`: target `(x + y) / 10`, judged at a noisy copy of the point.
///
/// TFP maps `x + y` from `[-10, 10]` onto `[-1, 1]` without clamping, so its corners
/// reach ±1.2 (±1.8 with noise), which a tanh output can never fit; we clamp the
/// target to `[-1, 1]`, the range every regression label here keeps.
pub(super) fn plane(points: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    sample(points, noise, rng, plane_target)
}

/// TFP's `regressGaussian`: the target of [`bumps_target`], judged at a noisy copy
/// of the point. Targets lie in `[-1, 1]`.
pub(super) fn multi_gauss(points: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    sample(points, noise, rng, bumps_target)
}

/// TFP's shared sampling loop, in its draw order:
///
/// ```text
/// x = uniform(-6, 6),  y = uniform(-6, 6)
/// label = target(x + uniform(-6, 6) * noise, y + uniform(-6, 6) * noise)
/// ```
///
/// Noise moves only where the target is read, never the point itself.
fn sample(points: usize, noise: f64, rng: &mut Rng, target: fn(f64, f64) -> f64) -> Vec<Point> {
    (0..points)
        .map(|_| {
            let x = uniform(rng, -HALF_WIDTH, HALF_WIDTH);
            let y = uniform(rng, -HALF_WIDTH, HALF_WIDTH);
            let noise_x = uniform(rng, -HALF_WIDTH, HALF_WIDTH) * noise;
            let noise_y = uniform(rng, -HALF_WIDTH, HALF_WIDTH) * noise;
            Point::rounded(x, y, target(x + noise_x, y + noise_y) as f32)
        })
        .collect()
}

/// `(x + y) / 10`, clamped to `[-1, 1]`.
fn plane_target(x: f64, y: f64) -> f64 {
    ((x + y) / 10.0).clamp(-1.0, 1.0)
}

/// Of the six bumps' values `sign * clamp(1 - distance / 2, 0, 1)`, the one largest
/// in absolute value (the first on ties; 0 when no bump is within distance 2).
fn bumps_target(x: f64, y: f64) -> f64 {
    BUMPS.iter().fold(0.0, |best: f64, &(cx, cy, sign)| {
        let distance = libm::sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
        let value = sign * (1.0 - distance / 2.0).clamp(0.0, 1.0);
        if value.abs() > best.abs() {
            value
        } else {
            best
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{bumps_target, multi_gauss, plane, plane_target};
    use tensor::Rng;

    #[test]
    fn plane_target_is_linear_then_clamped() {
        assert_eq!(plane_target(2.0, 3.0), 0.5);
        assert_eq!(plane_target(-4.0, -1.0), -0.5);
        assert_eq!(plane_target(6.0, 6.0), 1.0);
        assert_eq!(plane_target(-6.0, -5.0), -1.0);
    }

    #[test]
    fn bumps_peak_at_their_centres_with_their_sign() {
        assert_eq!(bumps_target(-4.0, 2.5), 1.0);
        assert_eq!(bumps_target(0.0, 2.5), -1.0);
        assert_eq!(bumps_target(4.0, -2.5), -1.0);
        // One unit from (0, -2.5): 1 - 1/2; the next bump is 4 units away.
        assert_eq!(bumps_target(1.0, -2.5), 0.5);
        // (2, 2.5) is exactly 2 from both upper neighbours, the origin 2.5 from all.
        assert_eq!(bumps_target(2.0, 2.5), 0.0);
        assert_eq!(bumps_target(0.0, 0.0), 0.0);
    }

    #[test]
    fn noise_free_samples_carry_the_target_at_their_own_position() {
        let sets = [
            (
                plane(1000, 0.0, &mut Rng::new(23)),
                plane_target as fn(f64, f64) -> f64,
            ),
            (multi_gauss(1000, 0.0, &mut Rng::new(23)), bumps_target),
        ];
        for (points, target) in sets {
            for p in points {
                let expected = target(f64::from(p.x), f64::from(p.y)) as f32;
                assert!(
                    (p.label - expected).abs() < 1e-5,
                    "{p:?}: expected {expected}"
                );
            }
        }
    }
}
