//! TensorFlow Playground's circle: a disc of class 1 inside a ring of class 0.

use super::{Point, class_of, share, uniform};
use alloc::vec::Vec;
use core::f64::consts::TAU;
use tensor::Rng;

/// The outer radius; the class boundary is at half of it.
const RADIUS: f64 = 5.0;

/// TFP's `classifyCircleData`. The first half of the points (one more when
/// `points` is odd) are drawn in the disc `r ∈ [0, 2.5)`, the rest in the ring
/// `r ∈ [3.5, 5)`, each as
///
/// ```text
/// r = uniform(lo, hi),  angle = uniform(0, 2π)
/// x = r sin angle,      y = r cos angle
/// label = 1 if |(x + uniform(-5, 5) * noise, y + uniform(-5, 5) * noise)| < 2.5 else 0
/// ```
///
/// Noise moves only the point the label is judged at, never the point itself,
/// so noise flips labels near the boundary and leaves positions unchanged.
pub(super) fn circle(points: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let inside = share(points, 2, 0);
    let mut out = Vec::with_capacity(points);
    for index in 0..points {
        let (low, high) = if index < inside {
            (0.0, RADIUS * 0.5)
        } else {
            (RADIUS * 0.7, RADIUS)
        };
        let r = uniform(rng, low, high);
        let angle = uniform(rng, 0.0, TAU);
        let x = r * libm::sin(angle);
        let y = r * libm::cos(angle);
        let noise_x = uniform(rng, -RADIUS, RADIUS) * noise;
        let noise_y = uniform(rng, -RADIUS, RADIUS) * noise;
        let (judged_x, judged_y) = (x + noise_x, y + noise_y);
        let inner = libm::sqrt(judged_x * judged_x + judged_y * judged_y) < RADIUS * 0.5;
        out.push(Point::rounded(x, y, class_of(inner)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::circle;
    use tensor::Rng;

    #[test]
    fn noise_free_labels_agree_with_radius() {
        let points = circle(1001, 0.0, &mut Rng::new(13));
        for (index, p) in points.iter().enumerate() {
            let r = libm::sqrtf(p.x * p.x + p.y * p.y);
            if index < 501 {
                assert!(p.label == 1.0 && r < 2.5 + 1e-5, "{p:?}");
            } else {
                assert!(
                    p.label == 0.0 && (3.5 - 1e-5..5.0 + 1e-5).contains(&r),
                    "{p:?}"
                );
            }
        }
    }

    #[test]
    fn noise_flips_labels_near_the_boundary_only() {
        // At noise 0.1 the judged point moves at most 0.5 in x and y, 0.71 in radius.
        let clean = circle(2000, 0.0, &mut Rng::new(14));
        let noisy = circle(2000, 0.1, &mut Rng::new(14));
        let mut flipped = 0;
        for (c, n) in clean.iter().zip(&noisy) {
            assert_eq!((c.x, c.y), (n.x, n.y));
            if c.label != n.label {
                flipped += 1;
                let r = libm::sqrtf(c.x * c.x + c.y * c.y);
                assert!((r - 2.5).abs() < 0.72, "{c:?} flipped at radius {r}");
            }
        }
        assert!(flipped > 0);
    }
}
