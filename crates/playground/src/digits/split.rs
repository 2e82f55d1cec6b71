//! The digits lab's seeded, stratified train/test split: a fixed share of each digit
//! held out for testing, then a training set of the chosen size with the digits as
//! evenly represented as the data allow. Validating the size is `Config`'s job.

use super::data::CLASSES;
use alloc::vec::Vec;
use tensor::Rng;

/// The percent of each digit's images held out for testing (rounded down per digit).
pub const TEST_PERCENT: usize = 25;
/// The smallest training set the lab offers: one image per digit.
pub const TRAIN_SIZE_MIN: usize = CLASSES;

/// Image indices cut in two: no index is in both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigitsSplit {
    /// The indices the network trains on, ascending.
    pub train: Vec<usize>,
    /// The held-out indices the test accuracy is measured on, ascending.
    pub test: Vec<usize>,
}

/// How many images of one digit, out of `count`, are held out.
fn test_count(count: usize) -> usize {
    count * TEST_PERCENT / 100
}

/// The indices of each digit, ascending.
fn by_class(labels: &[u8]) -> [Vec<usize>; CLASSES] {
    let mut classes: [Vec<usize>; CLASSES] = Default::default();
    for (index, &label) in labels.iter().enumerate() {
        classes[usize::from(label)].push(index);
    }
    classes
}

/// The largest training set `labels` allow: every image not held out for testing.
///
/// # Panics
/// If a label is above 9.
pub fn max_train_size(labels: &[u8]) -> usize {
    by_class(labels)
        .iter()
        .map(|class| class.len() - test_count(class.len()))
        .sum()
}

/// The test set and a training set of `train_size` images, both drawn from
/// `Rng::new(seed)`.
///
/// Each digit's indices are shuffled (digits 0 to 9 in turn) and the first
/// `floor(count * TEST_PERCENT / 100)` of them are held out for testing; the rest
/// of that shuffled list is the digit's training pool. Then the digits are shuffled
/// into a dealing order and the training images dealt one per digit in that order,
/// round after round, each digit giving the next image of its pool, skipping digits
/// whose pool is used up, until `train_size` are dealt. So 50 training images of
/// the full data are 5 per digit, and 53 give 6 to the first three digits dealt.
///
/// The test set does not depend on `train_size`, and a larger `train_size` only
/// adds images to the smaller one's training set.
///
/// # Panics
/// If a label is above 9, or `train_size` is 0 or above [`max_train_size`].
pub fn stratified_split(labels: &[u8], train_size: usize, seed: u64) -> DigitsSplit {
    let mut pools = by_class(labels);
    let most: usize = pools
        .iter()
        .map(|pool| pool.len() - test_count(pool.len()))
        .sum();
    assert!(
        (1..=most).contains(&train_size),
        "stratified_split: train_size must be in 1..={most}, got {train_size}"
    );
    let mut rng = Rng::new(seed);
    let mut test = Vec::new();
    for pool in &mut pools {
        rng.shuffle(pool);
        test.extend(pool.drain(..test_count(pool.len())));
    }
    let mut order: [usize; CLASSES] = core::array::from_fn(|class| class);
    rng.shuffle(&mut order);
    let mut dealt = [0; CLASSES];
    let mut train = Vec::with_capacity(train_size);
    while train.len() < train_size {
        for &class in &order {
            if train.len() < train_size && dealt[class] < pools[class].len() {
                train.push(pools[class][dealt[class]]);
                dealt[class] += 1;
            }
        }
    }
    train.sort_unstable();
    test.sort_unstable();
    DigitsSplit { train, test }
}

#[cfg(test)]
mod tests {
    use super::{max_train_size, stratified_split};
    use alloc::vec::Vec;

    #[test]
    fn a_digit_short_of_images_leaves_the_rest_to_the_others() {
        // Digit 0 has 4 images (1 held out, 3 to train), digits 1..=9 have 8 each (2, 6).
        let labels: Vec<u8> = (0..4)
            .map(|_| 0)
            .chain((1..10).flat_map(|d| [d; 8]))
            .collect();
        assert_eq!(max_train_size(&labels), 3 + 9 * 6);
        let split = stratified_split(&labels, 40, 5);
        let zeros = split.train.iter().filter(|&&i| labels[i] == 0).count();
        assert_eq!(zeros, 3);
        for digit in 1..10 {
            let count = split.train.iter().filter(|&&i| labels[i] == digit).count();
            assert!((4..=5).contains(&count), "digit {digit}: {count}");
        }
        assert_eq!(split.test.len(), 1 + 9 * 2);
    }

    #[test]
    #[should_panic(expected = "train_size must be in 1..=57")]
    fn a_training_set_larger_than_the_pool_is_a_programming_error() {
        let labels: Vec<u8> = (0..4)
            .map(|_| 0)
            .chain((1..10).flat_map(|d| [d; 8]))
            .collect();
        stratified_split(&labels, 58, 1);
    }
}
