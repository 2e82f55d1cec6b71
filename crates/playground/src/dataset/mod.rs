//! Seeded two-dimensional datasets in TensorFlow Playground's `[-6, 6]` square:
//! the public types, the dispatch from a [`DataSpec`] to its generator, and the
//! helpers the generators share. Validating user input is `Config`'s job, not this one's.
//!
//! Every generator follows TensorFlow Playground's `src/dataset.ts` formula by
//! formula, with its draw order, but TFP draws from `Math.random` (seeded by
//! `seedrandom`) and we draw from [`tensor::Rng`], so the points have TFP's
//! shapes, not its values bit for bit. TFP labels `+1` / `-1` become classes 1 / 0.

mod circle;
mod gauss;
mod moons;
mod regression;
mod spiral;
mod split;
mod xor;

use alloc::vec::Vec;
use core::ops::RangeInclusive;
use tensor::Rng;

pub use spiral::cs231n_spiral;
pub use split::{Split, TRAIN_PERCENT_RANGE, split};

/// One labelled point in the plane. For classification `label` is the class index
/// `0..classes` as f32; for regression it is the target in `[-1, 1]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Horizontal coordinate.
    pub x: f32,
    /// Vertical coordinate.
    pub y: f32,
    /// Class index (classification) or target value (regression).
    pub label: f32,
}

impl Point {
    /// A point computed in f64, rounded once to f32.
    fn rounded(x: f64, y: f64, label: f32) -> Self {
        Self {
            x: x as f32,
            y: y as f32,
            label,
        }
    }
}

/// Which generator makes the points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetKind {
    /// Interleaved spiral arms, one per class (TFP's two-arm spiral for 2 classes).
    Spiral,
    /// A disc of class 1 inside a ring of class 0.
    Circle,
    /// The four quadrants, class 1 where `x * y >= 0`.
    Xor,
    /// Gaussian blobs, one per class, on a circle around the origin.
    Gauss,
    /// scikit-learn's two interleaving half circles.
    Moons,
    /// Regression: the target rises linearly along `x + y`.
    Plane,
    /// Regression: six signed Gaussian bumps.
    MultiGauss,
}

impl DatasetKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [DatasetKind; 7] = [
        Self::Spiral,
        Self::Circle,
        Self::Xor,
        Self::Gauss,
        Self::Moons,
        Self::Plane,
        Self::MultiGauss,
    ];

    /// Whether the labels are real-valued targets rather than class indices.
    pub fn is_regression(self) -> bool {
        matches!(self, Self::Plane | Self::MultiGauss)
    }

    /// Whether [`DataSpec::classes`] chooses the number of classes (spiral and gauss);
    /// the other classifications always have two.
    pub fn has_class_choice(self) -> bool {
        matches!(self, Self::Spiral | Self::Gauss)
    }

    /// The name used in share links: TensorFlow Playground's own where it has one.
    pub fn name(self) -> &'static str {
        match self {
            Self::Spiral => "spiral",
            Self::Circle => "circle",
            Self::Xor => "xor",
            Self::Gauss => "gauss",
            Self::Moons => "moons",
            Self::Plane => "reg-plane",
            Self::MultiGauss => "reg-gauss",
        }
    }

    /// The kind whose [`name`](Self::name) is exactly `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// Everything that fixes a dataset: the same spec always gives the same points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataSpec {
    /// Which generator.
    pub kind: DatasetKind,
    /// Number of classes, within [`DataSpec::CLASS_RANGE`]; only spiral and gauss use it.
    pub classes: usize,
    /// Total number of points generated.
    pub points: usize,
    /// TensorFlow Playground's noise percent, within [`DataSpec::NOISE_RANGE`];
    /// the generators use `noise / 100`.
    pub noise: f32,
    /// Seed of the [`Rng`] the points are drawn from.
    pub seed: u64,
}

impl DataSpec {
    /// The class counts spiral and gauss accept.
    pub const CLASS_RANGE: RangeInclusive<usize> = 2..=6;
    /// The noise percents accepted, as on TensorFlow Playground's slider.
    pub const NOISE_RANGE: RangeInclusive<f32> = 0.0..=50.0;

    /// How many classes the labels use: `classes` for spiral and gauss, 2 for the
    /// other classifications, `None` for regression.
    pub fn class_count(&self) -> Option<usize> {
        if self.kind.is_regression() {
            None
        } else if self.kind.has_class_choice() {
            Some(self.classes)
        } else {
            Some(2)
        }
    }
}

/// All `spec.points` points of the dataset, drawn from `Rng::new(spec.seed)`.
///
/// Points come grouped by class in generation order (TFP's positive class first);
/// [`split`] shuffles them. Where the points do not divide evenly among the
/// classes, the first groups generated get one extra each, so exactly
/// `spec.points` come out (TFP would round every group up instead).
///
/// # Panics
/// If `spec.noise` is outside [`DataSpec::NOISE_RANGE`], or the kind
/// [`has_class_choice`](DatasetKind::has_class_choice) and `spec.classes` is
/// outside [`DataSpec::CLASS_RANGE`].
pub fn generate(spec: &DataSpec) -> Vec<Point> {
    assert!(
        DataSpec::NOISE_RANGE.contains(&spec.noise),
        "generate: noise must be in 0..=50 percent, got {}",
        crate::float_text::format_f32(spec.noise)
    );
    if spec.kind.has_class_choice() {
        assert!(
            DataSpec::CLASS_RANGE.contains(&spec.classes),
            "generate: {} needs classes in 2..=6, got {}",
            spec.kind.name(),
            spec.classes
        );
    }
    let mut rng = Rng::new(spec.seed);
    let noise = f64::from(spec.noise) / 100.0;
    let points = spec.points;
    match spec.kind {
        DatasetKind::Spiral => spiral::spiral(points, spec.classes, noise, &mut rng),
        DatasetKind::Circle => circle::circle(points, noise, &mut rng),
        DatasetKind::Xor => xor::xor(points, noise, &mut rng),
        DatasetKind::Gauss => gauss::gauss(points, spec.classes, noise, &mut rng),
        DatasetKind::Moons => moons::moons(points, noise, &mut rng),
        DatasetKind::Plane => regression::plane(points, noise, &mut rng),
        DatasetKind::MultiGauss => regression::multi_gauss(points, noise, &mut rng),
    }
}

/// How many of `total` points group `index` of `groups` gets: an even share,
/// plus one for each of the first `total % groups` groups.
fn share(total: usize, groups: usize, index: usize) -> usize {
    total / groups + usize::from(index < total % groups)
}

/// TFP's `randUniform(low, high)`: `random() * (high - low) + low`, with 53 random bits.
fn uniform(rng: &mut Rng, low: f64, high: f64) -> f64 {
    rng.uniform_f64() * (high - low) + low
}

/// TFP's label `+1` (`true`) or `-1` (`false`) as class index 1 or 0.
fn class_of(positive: bool) -> f32 {
    if positive { 1.0 } else { 0.0 }
}

/// The class placed at `position` of `classes` evenly turned positions (spiral arms,
/// Gauss centres). Position 0, TFP's positive arm or centre, is the last class;
/// position `p > 0` is class `p - 1`. So class `k` sits at turn `2π (k + 1) / K`
/// (mod 2π), and for two classes class 1 is at turn 0 and class 0 at `π`, as in TFP.
fn class_at(position: usize, classes: usize) -> f32 {
    ((position + classes - 1) % classes) as f32
}

/// Element `i` of NumPy's `linspace(start, stop, n)`: `start + i * (stop - start) / (n - 1)`,
/// with the last element exactly `stop` (and `start` alone when `n == 1`).
fn linspace(start: f64, stop: f64, n: usize, i: usize) -> f64 {
    if n > 1 && i == n - 1 {
        stop
    } else if n > 1 {
        i as f64 * ((stop - start) / (n - 1) as f64) + start
    } else {
        start
    }
}

#[cfg(test)]
mod tests {
    use super::{class_at, linspace, share};

    #[test]
    fn shares_add_up_and_differ_by_at_most_one() {
        for total in [0, 1, 2, 5, 7, 100, 101] {
            for groups in 1..=6 {
                let shares: alloc::vec::Vec<usize> =
                    (0..groups).map(|g| share(total, groups, g)).collect();
                assert_eq!(shares.iter().sum::<usize>(), total);
                let (min, max) = (shares.iter().min(), shares.iter().max());
                assert!(max.zip(min).is_some_and(|(max, min)| max - min <= 1));
            }
        }
    }

    #[test]
    fn two_classes_put_class_one_at_turn_zero() {
        assert_eq!((class_at(0, 2), class_at(1, 2)), (1.0, 0.0));
        assert_eq!(
            (0..4)
                .map(|p| class_at(p, 4))
                .collect::<alloc::vec::Vec<_>>(),
            [3.0, 0.0, 1.0, 2.0]
        );
    }

    #[test]
    fn linspace_matches_numpy_ends_and_step() {
        // np.linspace(4.0, 8.0, 5) == [4., 5., 6., 7., 8.]; np.linspace(0, 1, 1) == [0.]
        let xs: alloc::vec::Vec<f64> = (0..5).map(|i| linspace(4.0, 8.0, 5, i)).collect();
        assert_eq!(xs, [4.0, 5.0, 6.0, 7.0, 8.0]);
        assert_eq!(linspace(0.0, 1.0, 1, 0), 0.0);
        assert_eq!(linspace(0.0, 0.3, 4, 3), 0.3);
    }
}
