//! The digits lab's engine: scikit-learn's 8x8 handwritten digits decoded from the
//! shipped file, a seeded stratified train/test split, and seeded augmentations of
//! one image. Knows nothing of the page, of gzip or of the network that trains on them.

mod augment;
mod data;
mod split;

pub use augment::{MAX_DEGREES, add_noise, flip, random_rotate, random_shift, rotate, shift};
pub use data::{
    CLASSES, Digits, DigitsError, Image, LEVELS, PIXELS, RECORD_BYTES, RECORD_RANGE, SIDE,
};
pub use split::{DigitsSplit, TEST_PERCENT, TRAIN_SIZE_MIN, max_train_size, stratified_split};
