//! The digits lab's engine: scikit-learn's 8x8 handwritten digits decoded from the
//! shipped file, a seeded stratified train/test split, seeded augmentations, the
//! networks (CNN, MLP, softmax regression), their training session and what the
//! views read. Knows nothing of the page or of gzip.

mod augment;
pub mod config;
mod data;
mod infer;
mod infer_conv;
pub mod network;
mod session;
mod split;
mod views;
pub(crate) mod weights_file;

pub use augment::{MAX_DEGREES, add_noise, flip, random_rotate, random_shift, rotate, shift};
pub use data::{
    CLASSES, Digits, DigitsError, Image, LEVELS, PIXELS, RECORD_BYTES, RECORD_RANGE, SIDE,
};
pub use session::{DigitsSession, ImageSet, NOISE_STD};
pub use split::{DigitsSplit, TEST_PERCENT, TRAIN_SIZE_MIN, max_train_size, stratified_split};
pub use views::{MAX_TEST_SHIFT, checked_image};
