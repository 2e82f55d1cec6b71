//! TensorFlow Playground's two Gaussians, generalised to one blob per class on a circle.

use super::{Point, class_at, share};
use alloc::vec::Vec;
use core::f64::consts::{PI, SQRT_2, TAU};
use tensor::Rng;

/// How far from the origin a centre may sit, so blobs stay inside the `[-6, 6]` plot.
const MAX_CENTRE_RADIUS: f64 = 4.5;

/// TFP's `classifyTwoGaussData`, one blob per class. Every blob has TFP's variance,
/// the linear map of noise `[0, 0.5]` onto `[0.5, 4]`:
///
/// ```text
/// variance = 0.5 + 7 * noise
/// x = cx + sqrt(variance) * normal(),  y = cy + sqrt(variance) * normal()
/// ```
///
/// `normal()` is [`Rng::normal`] (Box-Muller) where TFP uses the polar method; both
/// are standard normal. Centre `a` of `K` is TFP's positive centre `(2, 2)` turned
/// by `2π a / K` about the origin and scaled by `min(1 / sin(π / K), 4.5 / (2√2))`:
/// neighbouring centres stay TFP's `4√2` apart until the circle would reach
/// radius 4.5. For `K = 2` that is TFP's `(2, 2)` for class 1 and `(-2, -2)`
/// for class 0. Labels follow `class_at`, as for the spiral.
pub(super) fn gauss(points: usize, classes: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let spread = libm::sqrt(0.5 + 7.0 * noise);
    let mut out = Vec::with_capacity(points);
    for position in 0..classes {
        let (cx, cy) = centre(position, classes);
        let label = class_at(position, classes);
        for _ in 0..share(points, classes, position) {
            let x = cx + spread * f64::from(rng.normal());
            let y = cy + spread * f64::from(rng.normal());
            out.push(Point::rounded(x, y, label));
        }
    }
    out
}

/// Centre `position` of `classes`: `(2, 2)` scaled and turned as [`gauss`] documents.
fn centre(position: usize, classes: usize) -> (f64, f64) {
    let scale = (1.0 / libm::sin(PI / classes as f64)).min(MAX_CENTRE_RADIUS / (2.0 * SQRT_2));
    let turn = TAU * position as f64 / classes as f64;
    let (sin, cos) = (libm::sin(turn), libm::cos(turn));
    (2.0 * scale * (cos - sin), 2.0 * scale * (sin + cos))
}

#[cfg(test)]
mod tests {
    use super::{MAX_CENTRE_RADIUS, centre, gauss};
    use alloc::vec::Vec;
    use tensor::Rng;

    fn as_f32((x, y): (f64, f64)) -> (f32, f32) {
        (x as f32, y as f32)
    }

    #[test]
    fn two_centres_are_tfps_exactly() {
        assert_eq!(as_f32(centre(0, 2)), (2.0, 2.0));
        assert_eq!(as_f32(centre(1, 2)), (-2.0, -2.0));
    }

    fn distance((ax, ay): (f64, f64), (bx, by): (f64, f64)) -> f64 {
        libm::sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay))
    }

    #[test]
    fn centres_are_evenly_spaced_and_inside_the_plot() {
        for classes in 2..=6 {
            let radius = distance((0.0, 0.0), centre(0, classes));
            let gap = distance(centre(0, classes), centre(1, classes));
            assert!(
                radius <= MAX_CENTRE_RADIUS + 1e-9,
                "{classes}: radius {radius}"
            );
            for position in 0..classes {
                let here = centre(position, classes);
                let next = centre((position + 1) % classes, classes);
                assert!((distance((0.0, 0.0), here) - radius).abs() < 1e-9);
                assert!((distance(here, next) - gap).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn neighbours_keep_tfps_gap_until_the_radius_cap() {
        // TFP's two centres (2, 2) and (-2, -2) are 4√2 apart.
        let tfp_gap = 4.0 * core::f64::consts::SQRT_2;
        for classes in 2..=4 {
            let gap = distance(centre(0, classes), centre(1, classes));
            assert!((gap - tfp_gap).abs() < 1e-9, "{classes}: gap {gap}");
        }
        let capped = distance((0.0, 0.0), centre(0, 6));
        assert!((capped - MAX_CENTRE_RADIUS).abs() < 1e-9);
    }

    #[test]
    fn two_blobs_sit_at_tfps_centres_with_tfps_variance() {
        // TFP: variance 0.5 at noise 0 and 4 at noise 0.5; class 1 at (2, 2), class 0 at (-2, -2).
        for (noise, variance) in [(0.0, 0.5), (0.5, 4.0)] {
            let points = gauss(20_000, 2, noise, &mut Rng::new(6));
            for (label, centre) in [(1.0, 2.0), (0.0, -2.0)] {
                let class = points.iter().filter(|p| p.label == label);
                let coords: Vec<f32> = class.flat_map(|p| [p.x, p.y]).collect();
                let count = coords.len() as f32;
                let mean = coords.iter().sum::<f32>() / count;
                let var = coords.iter().map(|c| (c - mean) * (c - mean)).sum::<f32>() / count;
                assert!(
                    (mean - centre).abs() < 0.1,
                    "noise {noise}, class {label}: mean {mean}"
                );
                assert!(
                    (var / variance - 1.0).abs() < 0.06,
                    "noise {noise}: variance {var}"
                );
            }
        }
    }
}
