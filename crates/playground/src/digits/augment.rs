//! Augmentations of one 8x8 digit image: shifts, small rotations, a mirror and pixel
//! noise, each a pure function of the image (and, for the random ones, the [`Rng`]).
//! f32 arithmetic and `libm` only, in a fixed order, so the bits are the same
//! natively and in wasm. Which augmentations a run uses is the session's business.

use super::data::{Image, SIDE};
use tensor::Rng;

/// The largest angle, in degrees either way, [`random_rotate`] turns an image by.
pub const MAX_DEGREES: f32 = 15.0;

/// The image's centre, in pixel coordinates, that rotations turn about.
const CENTRE: f32 = (SIDE as f32 - 1.0) / 2.0;

/// The pixel at column `x`, row `y`, or 0 (blank paper) outside the image.
fn pixel(image: &Image, x: i32, y: i32) -> f32 {
    let inside = |v: i32| (0..SIDE as i32).contains(&v);
    if inside(x) && inside(y) {
        image[y as usize * SIDE + x as usize]
    } else {
        0.0
    }
}

/// `image` moved `dx` pixels right and `dy` pixels down (negative: left, up);
/// pixels moved in from outside are 0.
pub fn shift(image: &Image, dx: i32, dy: i32) -> Image {
    core::array::from_fn(|i| {
        let (x, y) = ((i % SIDE) as i32, (i / SIDE) as i32);
        pixel(image, x - dx, y - dy)
    })
}

/// `image` shifted by a random `dx`, then a random `dy`, each drawn uniformly
/// from -1, 0 and 1 (`rng.below(3) - 1`).
pub fn random_shift(image: &Image, rng: &mut Rng) -> Image {
    let dx = rng.below(3) as i32 - 1;
    let dy = rng.below(3) as i32 - 1;
    shift(image, dx, dy)
}

/// `image` mirrored left to right.
pub fn flip(image: &Image) -> Image {
    core::array::from_fn(|i| {
        let (row, col) = (i / SIDE, i % SIDE);
        image[row * SIDE + (SIDE - 1 - col)]
    })
}

/// `image` turned `degrees` anticlockwise as drawn (rows going down) about its centre.
///
/// Each output pixel at offset `(u, v)` from the centre `(3.5, 3.5)` samples the
/// input at `(c + cos·u − sin·v, c + sin·u + cos·v)` by bilinear interpolation,
/// with 0 outside the image. `sin` and `cos` are `libm::sinf` / `cosf` of the angle
/// in radians; a turn by 0 gives the image back exactly.
pub fn rotate(image: &Image, degrees: f32) -> Image {
    let radians = degrees * (core::f32::consts::PI / 180.0);
    let (sin, cos) = (libm::sinf(radians), libm::cosf(radians));
    core::array::from_fn(|i| {
        let u = (i % SIDE) as f32 - CENTRE;
        let v = (i / SIDE) as f32 - CENTRE;
        bilinear(
            image,
            CENTRE + (cos * u - sin * v),
            CENTRE + (sin * u + cos * v),
        )
    })
}

/// `image` turned by an angle drawn uniformly from `[-15, 15)` degrees
/// (`rng.uniform_range(-MAX_DEGREES, MAX_DEGREES)`).
pub fn random_rotate(image: &Image, rng: &mut Rng) -> Image {
    rotate(image, rng.uniform_range(-MAX_DEGREES, MAX_DEGREES))
}

/// The image sampled at the real position `(x, y)`: the four surrounding pixels
/// weighted by closeness, 0 outside.
fn bilinear(image: &Image, x: f32, y: f32) -> f32 {
    let (left, top) = (libm::floorf(x), libm::floorf(y));
    let (fx, fy) = (x - left, y - top);
    let (col, row) = (left as i32, top as i32);
    let upper = (1.0 - fx) * pixel(image, col, row) + fx * pixel(image, col + 1, row);
    let lower = (1.0 - fx) * pixel(image, col, row + 1) + fx * pixel(image, col + 1, row + 1);
    (1.0 - fy) * upper + fy * lower
}

/// `image` with `std · rng.normal()` added to each pixel in order, each clamped to `[0, 1]`.
///
/// # Panics
/// If `std` is negative or not finite.
pub fn add_noise(image: &Image, std: f32, rng: &mut Rng) -> Image {
    assert!(
        std.is_finite() && std >= 0.0,
        "add_noise: std must be finite and >= 0, got {std}"
    );
    let mut out = *image;
    for value in &mut out {
        *value = (*value + std * rng.normal()).clamp(0.0, 1.0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{bilinear, rotate};
    use crate::digits::Image;

    #[test]
    fn bilinear_weights_the_four_neighbours() {
        let mut image: Image = [0.0; 64];
        image[0] = 1.0; // (0, 0)
        image[1] = 0.5; // (1, 0)
        // Halfway along x at row 0, a quarter down towards the blank row 1:
        // (0.5·1 + 0.5·0.5)·0.75 = 0.5625.
        assert_eq!(bilinear(&image, 0.5, 0.25), 0.5625);
        assert_eq!(bilinear(&image, -1.0, 0.0), 0.0);
    }

    #[test]
    fn a_quarter_turn_takes_the_top_right_corner_to_the_top_left() {
        let mut image: Image = [0.0; 64];
        image[7] = 1.0;
        let turned = rotate(&image, 90.0);
        assert!((turned[0] - 1.0).abs() < 1e-5, "{}", turned[0]);
        assert!(turned[7].abs() < 1e-5, "{}", turned[7]);
    }
}
