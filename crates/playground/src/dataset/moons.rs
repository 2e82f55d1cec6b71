//! scikit-learn's two moons, scaled into TensorFlow Playground's plot.

use super::{Point, linspace, uniform};
use alloc::vec::Vec;
use core::f64::consts::PI;
use tensor::Rng;

/// Stretch from scikit-learn's units: its moons span `x ∈ [-1, 2]`, three units wide.
const SCALE: f64 = 10.0 / 3.0;
/// The centre of scikit-learn's bounding box `[-1, 2] × [-0.5, 1]`.
const CENTRE: (f64, f64) = (0.5, 0.25);

/// scikit-learn's `make_moons` without its shuffle, moved to the origin and scaled
/// by 10/3 so the moons fill `x ∈ [-5, 5]`, `y ∈ [-2.5, 2.5]`. As in scikit-learn,
/// the outer moon (class 0) gets `points / 2` points and the inner moon (class 1)
/// the rest; with `t = linspace(0, π, n)` over each moon's `n` points:
///
/// ```text
/// outer: (cos t, sin t)                 label 0
/// inner: (1 - cos t, 1 - sin t - 0.5)   label 1
/// (x, y) = ((mx - 0.5) * 10/3 + uniform(-1, 1) * noise,
///           (my - 0.25) * 10/3 + uniform(-1, 1) * noise)
/// ```
///
/// The noise is TFP's spiral noise, in plot units, not scikit-learn's Gaussian
/// noise in its own units, so the percent slider means the same for both curves.
pub(super) fn moons(points: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let outer = points / 2;
    let inner = points - outer;
    let mut out = Vec::with_capacity(points);
    for i in 0..outer {
        let t = linspace(0.0, PI, outer, i);
        out.push(placed(libm::cos(t), libm::sin(t), 0.0, noise, rng));
    }
    for i in 0..inner {
        let t = linspace(0.0, PI, inner, i);
        let (mx, my) = (1.0 - libm::cos(t), 1.0 - libm::sin(t) - 0.5);
        out.push(placed(mx, my, 1.0, noise, rng));
    }
    out
}

/// The moon point `(mx, my)` in plot units, with uniform noise.
fn placed(mx: f64, my: f64, label: f32, noise: f64, rng: &mut Rng) -> Point {
    let x = (mx - CENTRE.0) * SCALE + uniform(rng, -1.0, 1.0) * noise;
    let y = (my - CENTRE.1) * SCALE + uniform(rng, -1.0, 1.0) * noise;
    Point::rounded(x, y, label)
}

#[cfg(test)]
mod tests {
    use super::{Point, moons};
    use tensor::Rng;

    #[test]
    fn noise_free_moons_lie_on_scikit_learns_half_circles() {
        let points = moons(301, 0.0, &mut Rng::new(29));
        for p in &points {
            // Back to scikit-learn's units: outer unit circle at the origin, inner at (1, 0.5).
            let (mx, my) = (p.x * 0.3 + 0.5, p.y * 0.3 + 0.25);
            let (cx, cy, upper) = if p.label == 0.0 {
                (0.0, 0.0, true)
            } else {
                (1.0, 0.5, false)
            };
            let r = libm::sqrtf((mx - cx) * (mx - cx) + (my - cy) * (my - cy));
            assert!((r - 1.0).abs() < 1e-5, "{p:?}: radius {r}");
            assert!(
                if upper {
                    my >= cy - 1e-6
                } else {
                    my <= cy + 1e-6
                },
                "{p:?}"
            );
        }
        // make_moons' first outer point (1, 0), in plot units.
        let first = Point {
            x: 5.0 / 3.0,
            y: -5.0 / 6.0,
            label: 0.0,
        };
        assert_eq!(points[0], first);
    }
}
