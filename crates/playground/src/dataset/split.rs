//! Shuffling a dataset and cutting it into training and test points, as TensorFlow
//! Playground does.

use super::Point;
use alloc::vec::Vec;
use core::ops::RangeInclusive;
use tensor::Rng;

/// The training percents accepted, as on TensorFlow Playground's slider.
pub const TRAIN_PERCENT_RANGE: RangeInclusive<u32> = 10..=90;

/// A dataset cut in two: every point is in exactly one half.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// The points the network trains on.
    pub train: Vec<Point>,
    /// The held-out points the test loss is measured on.
    pub test: Vec<Point>,
}

/// Shuffles `points` with `rng` (Fisher-Yates from the back, as TFP's `shuffle`),
/// then puts the first `floor(len * train_percent / 100)` in `train` and the rest
/// in `test`.
///
/// # Panics
/// If `train_percent` is outside [`TRAIN_PERCENT_RANGE`].
pub fn split(mut points: Vec<Point>, train_percent: u32, rng: &mut Rng) -> Split {
    assert!(
        TRAIN_PERCENT_RANGE.contains(&train_percent),
        "split: train_percent must be in 10..=90, got {train_percent}"
    );
    rng.shuffle(&mut points);
    let cut = points.len() * train_percent as usize / 100;
    let test = points.split_off(cut);
    Split {
        train: points,
        test,
    }
}

#[cfg(test)]
mod tests {
    use super::{Point, Split, split};
    use alloc::vec::Vec;
    use tensor::Rng;

    fn sorted_xs(points: &[Point]) -> Vec<f32> {
        let mut xs: Vec<f32> = points.iter().map(|p| p.x).collect();
        xs.sort_unstable_by(f32::total_cmp);
        xs
    }

    #[test]
    fn split_cuts_tfps_share_and_partitions_the_points() {
        // A distinct x per point, so each point is identified by its x.
        let points: Vec<Point> = (0..201)
            .map(|i| Point {
                x: i as f32,
                y: 0.0,
                label: 0.0,
            })
            .collect();
        for (percent, train_len) in [(50, 100), (10, 20), (90, 180)] {
            let Split { train, test } = split(points.clone(), percent, &mut Rng::new(31));
            assert_eq!(
                (train.len(), test.len()),
                (train_len, 201 - train_len),
                "{percent}%"
            );
            assert!(train.iter().all(|t| test.iter().all(|s| s.x != t.x)));
            let whole: Vec<Point> = train.iter().chain(&test).copied().collect();
            assert_eq!(sorted_xs(&whole), sorted_xs(&points));
            assert_ne!(whole, points, "{percent}%: the points were not shuffled");
        }
    }

    #[test]
    fn split_is_deterministic_for_a_seed() {
        let points: Vec<Point> = (0..100)
            .map(|i| Point {
                x: i as f32,
                y: 1.0,
                label: 1.0,
            })
            .collect();
        let first = split(points.clone(), 50, &mut Rng::new(41));
        assert_eq!(first, split(points.clone(), 50, &mut Rng::new(41)));
        assert_ne!(first, split(points, 50, &mut Rng::new(42)));
    }

    #[test]
    #[should_panic(expected = "train_percent must be in 10..=90")]
    fn train_percent_outside_the_slider_is_a_programming_error() {
        split(Vec::new(), 95, &mut Rng::new(0));
    }
}
