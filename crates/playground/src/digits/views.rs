//! What the digits lab's views read from a session: class probabilities of
//! any image (the drawing pad), every layer's maps for one image, the
//! confusion matrix, the misclassified test images and the translation test.

use alloc::vec::Vec;

use tensor::Tensor;

use super::augment::shift;
use super::data::{CLASSES, Image, PIXELS};
use super::session::{DigitsSession, ImageSet, argmax};
use crate::error::ConfigError;
use crate::float_text::format_f32;

/// The farthest shift of the translation test, in pixels.
pub const MAX_TEST_SHIFT: usize = 3;

/// An image handed in from outside (the drawing pad): exactly 64 numbers in
/// [0, 1], row-major.
///
/// # Errors
/// A [`ConfigError`] on the key `image` naming what is wrong and what is allowed.
pub fn checked_image(pixels: &[f32]) -> Result<Image, ConfigError> {
    if pixels.len() != PIXELS {
        return Err(ConfigError::new(
            "image",
            &alloc::format!("{} pixels", pixels.len()),
            "an image must have exactly 64 pixels (8 x 8, row by row)",
            "图像必须恰好有 64 个像素（8 x 8，逐行）",
        ));
    }
    if let Some((index, value)) = pixels
        .iter()
        .enumerate()
        .find(|(_, v)| !(0.0..=1.0).contains(*v))
    {
        return Err(ConfigError::new(
            "image",
            &alloc::format!("pixel {index} = {}", format_f32(*value)),
            "every pixel must be a number from 0 (blank) to 1 (full ink)",
            "每个像素必须是 0（空白）到 1（满墨）之间的数",
        ));
    }
    let mut image = [0.0; PIXELS];
    image.copy_from_slice(pixels);
    Ok(image)
}

impl DigitsSession {
    /// The logits of `n` images (`n * 64` pixels), in evaluation mode.
    fn logits(&self, pixels: &[f32], n: usize) -> Vec<f32> {
        self.network.logits(pixels, n)
    }

    /// The class probabilities (softmax of the logits) of one 8 x 8 image of
    /// pixels in [0, 1]: what the drawing pad shows.
    pub fn probabilities(&self, image: &Image) -> [f32; CLASSES] {
        let logits = self.logits(image, 1);
        let most = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut out = [0.0; CLASSES];
        let mut total = 0.0;
        for (p, &logit) in out.iter_mut().zip(&logits) {
            *p = libm::expf(logit - most);
            total += *p;
        }
        for p in &mut out {
            *p /= total;
        }
        out
    }

    /// Each layer's output for one image, input side first: the maps of each
    /// convolution after its ReLU and pooling (`[1, filters, side, side]`), the
    /// hidden units, and the logits last.
    pub fn layer_outputs(&self, image: &Image) -> Vec<Tensor> {
        self.network.layer_outputs(image)
    }

    /// `counts[true digit][predicted digit]` over the test set.
    pub fn confusion(&self) -> [[u32; CLASSES]; CLASSES] {
        let mut counts = [[0; CLASSES]; CLASSES];
        for (truth, predicted) in self.predictions(&self.test) {
            counts[truth][predicted] += 1;
        }
        counts
    }

    /// The test images the network gets wrong: `(index in the test set,
    /// predicted digit)`, in test-set order.
    pub fn misclassified(&self) -> Vec<(usize, usize)> {
        self.predictions(&self.test)
            .enumerate()
            .filter(|(_, (truth, predicted))| truth != predicted)
            .map(|(index, (_, predicted))| (index, predicted))
            .collect()
    }

    /// Test accuracy on the test images moved `pixels` pixels (0 to
    /// [`MAX_TEST_SHIFT`]) right, left, down and up, averaged over the four
    /// directions: how much translation the network tolerates.
    pub fn shifted_accuracy(&self, pixels: usize) -> f32 {
        let step = pixels.min(MAX_TEST_SHIFT) as i32;
        let moves: &[(i32, i32)] = if step == 0 {
            &[(0, 0)]
        } else {
            &[(step, 0), (-step, 0), (0, step), (0, -step)]
        };
        let mut right = 0usize;
        let mut moved = ImageSet::default();
        for &(dx, dy) in moves {
            moved.pixels.clear();
            for index in 0..self.test.len() {
                let mut image: Image = [0.0; PIXELS];
                image.copy_from_slice(self.test.image(index));
                moved.pixels.extend_from_slice(&shift(&image, dx, dy));
            }
            moved.labels.clone_from(&self.test.labels);
            right += self
                .predictions(&moved)
                .filter(|(truth, predicted)| truth == predicted)
                .count();
        }
        right as f32 / (moves.len() * self.test.len()).max(1) as f32
    }

    /// `(true digit, predicted digit)` of every image of `set`.
    fn predictions<'a>(&self, set: &'a ImageSet) -> impl Iterator<Item = (usize, usize)> + 'a {
        let logits = self.logits(&set.pixels, set.len());
        let predicted: Vec<usize> = logits.chunks_exact(CLASSES).map(argmax).collect();
        set.labels.iter().copied().zip(predicted)
    }
}
