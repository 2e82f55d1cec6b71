//! The spiral family: TensorFlow Playground's two-arm spiral generalised to K arms,
//! and the CS231n course spiral in its own `[-1, 1]` scale.

use super::{Point, class_at, linspace, share, uniform};
use alloc::vec::Vec;
use core::f64::consts::{PI, TAU};
use tensor::Rng;

/// TFP's `classifySpiralData`, one arm per class.
///
/// Arm `a` of `K` starts at turn `ΔT = 2π a / K` and holds `n` points (an even
/// share of `points`). Point `i` of the arm, in TFP's evaluation order:
///
/// ```text
/// r = i / n * 5
/// t = 1.75 * i / n * 2 * π + ΔT
/// x = r sin t + uniform(-1, 1) * noise
/// y = r cos t + uniform(-1, 1) * noise
/// ```
///
/// Arm 0 is labelled with the last class, arm `a > 0` with class `a - 1`
/// (see `class_at`); for `K = 2` that is TFP's two arms exactly: class 1 at
/// `ΔT = 0`, class 0 at `ΔT = π`. TFP uses `n = numSamples / 2` for both arms,
/// which differs from ours only when `points` is odd.
pub(super) fn spiral(points: usize, classes: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let mut out = Vec::with_capacity(points);
    for arm in 0..classes {
        let delta_t = TAU * arm as f64 / classes as f64;
        let label = class_at(arm, classes);
        let n = share(points, classes, arm);
        for i in 0..n {
            let (i, n) = (i as f64, n as f64);
            let r = i / n * 5.0;
            let t = 1.75 * i / n * 2.0 * PI + delta_t;
            let x = r * libm::sin(t) + uniform(rng, -1.0, 1.0) * noise;
            let y = r * libm::cos(t) + uniform(rng, -1.0, 1.0) * noise;
            out.push(Point::rounded(x, y, label));
        }
    }
    out
}

/// The spiral of Stanford's CS231n neural-network case study, in its own `[-1, 1]`
/// scale: for class `j`, with `N = points_per_class`,
///
/// ```text
/// r = linspace(0, 1, N)
/// t = linspace(4 j, 4 (j + 1), N) + noise * randn(N)
/// x = r sin t,  y = r cos t,  label = j
/// ```
///
/// `linspace` is NumPy's (last element exactly the stop); `randn` is [`Rng::normal`],
/// one draw per point in order, so values are not NumPy's, the shape is. The course
/// uses `noise = 0.2`. Points come class by class, `points_per_class * classes` in all.
pub fn cs231n_spiral(
    points_per_class: usize,
    classes: usize,
    noise: f32,
    rng: &mut Rng,
) -> Vec<Point> {
    let n = points_per_class;
    let mut out = Vec::with_capacity(n * classes);
    for class in 0..classes {
        let j = class as f64;
        for i in 0..n {
            let r = linspace(0.0, 1.0, n, i);
            let t = linspace(4.0 * j, 4.0 * (j + 1.0), n, i)
                + f64::from(noise) * f64::from(rng.normal());
            out.push(Point::rounded(
                r * libm::sin(t),
                r * libm::cos(t),
                class as f32,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Point, cs231n_spiral, spiral};
    use core::f64::consts::{PI, TAU};
    use tensor::Rng;

    /// TFP's spiral point `i` of an arm of `n` starting at turn `delta_t`, with noise 0.
    fn tfp_point(i: usize, n: usize, delta_t: f64, label: f32) -> Point {
        let (i, n) = (i as f64, n as f64);
        let r = i / n * 5.0;
        let t = 1.75 * i / n * 2.0 * PI + delta_t;
        Point {
            x: (r * libm::sin(t)) as f32,
            y: (r * libm::cos(t)) as f32,
            label,
        }
    }

    fn radius(p: &Point) -> f32 {
        libm::sqrtf(p.x * p.x + p.y * p.y)
    }

    #[test]
    fn noise_free_two_class_spiral_is_tfps_formula() {
        // 200 points: TFP's n = 100 per arm; its positive arm (turn 0) first, as class 1.
        let points = spiral(200, 2, 0.0, &mut Rng::new(1));
        for i in [0, 1, 37, 99] {
            assert_eq!(
                points[i],
                tfp_point(i, 100, 0.0, 1.0),
                "positive arm, i = {i}"
            );
            assert_eq!(
                points[100 + i],
                tfp_point(i, 100, PI, 0.0),
                "negative arm, i = {i}"
            );
        }
    }

    #[test]
    fn noise_free_k_class_spiral_turns_each_arm_by_a_kth() {
        // 301 points in 3 arms of 101, 100, 100; arm a starts at 2πa/3 with class (a + 2) % 3.
        let points = spiral(301, 3, 0.0, &mut Rng::new(1));
        let arms = [(0, 101, 2.0), (101, 100, 0.0), (201, 100, 1.0)];
        for (arm, (start, n, label)) in arms.into_iter().enumerate() {
            let delta_t = TAU * arm as f64 / 3.0;
            for i in [0, 1, 50, n - 1] {
                let expected = tfp_point(i, n, delta_t, label);
                assert_eq!(points[start + i], expected, "arm {arm}, i = {i}");
            }
        }
    }

    #[test]
    fn spiral_noise_moves_points_by_at_most_the_noise() {
        let clean = spiral(300, 3, 0.0, &mut Rng::new(2));
        let noisy = spiral(300, 3, 0.5, &mut Rng::new(2));
        let moved = clean.iter().zip(&noisy).map(|(c, n)| {
            assert_eq!(c.label, n.label);
            (c.x - n.x).abs().max((c.y - n.y).abs())
        });
        let largest = moved.fold(0.0_f32, f32::max);
        assert!(
            largest > 0.4 && largest <= 0.5 + 1e-5,
            "largest shift {largest}"
        );
    }

    #[test]
    fn noise_free_cs231n_spiral_is_the_course_formula() {
        // r = np.linspace(0, 1, 100); t = np.linspace(4j, 4(j + 1), 100); (r sin t, r cos t)
        let n = 100;
        let points = cs231n_spiral(n, 3, 0.0, &mut Rng::new(4));
        assert_eq!(points.len(), 300);
        for j in 0..3 {
            for i in [0, 1, 42, n - 1] {
                let last = i == n - 1;
                let r = if last { 1.0 } else { i as f64 * (1.0 / 99.0) };
                let t = if last {
                    4.0 * (j as f64 + 1.0)
                } else {
                    i as f64 * (4.0 / 99.0) + 4.0 * j as f64
                };
                let expected = Point {
                    x: (r * libm::sin(t)) as f32,
                    y: (r * libm::cos(t)) as f32,
                    label: j as f32,
                };
                assert_eq!(points[j * n + i], expected, "class {j}, i = {i}");
            }
        }
    }

    #[test]
    fn cs231n_noise_turns_points_but_keeps_their_radius() {
        let clean = cs231n_spiral(50, 4, 0.0, &mut Rng::new(8));
        let noisy = cs231n_spiral(50, 4, 0.2, &mut Rng::new(8));
        assert_ne!(clean, noisy);
        for (c, n) in clean.iter().zip(&noisy) {
            assert!((radius(c) - radius(n)).abs() < 1e-5);
            assert!(radius(n) <= 1.0 + 1e-6);
            assert_eq!(c.label, n.label);
        }
    }
}
