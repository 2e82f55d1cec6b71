//! Turns predictions into RGBA pixels: one colour per class with lightness by
//! confidence, or a diverging scale for regression. Owns the palette.

/// The class colours, TensorFlow Playground's orange and blue first.
pub const PALETTE: [[u8; 3]; 6] = [
    [245, 147, 34],
    [8, 119, 189],
    [44, 160, 44],
    [148, 103, 189],
    [214, 39, 40],
    [23, 190, 207],
];

/// The colour of no confidence at all.
pub const NEUTRAL: [u8; 3] = [232, 234, 235];

/// Writes one RGBA pixel per point from `probabilities` (`classes` numbers per
/// point) into `rgba`. The winning class's colour is blended with the neutral
/// grey by confidence (0 when all classes are equally likely, 1 when certain);
/// `discretize` paints every point at full confidence.
pub fn class_rgba(probabilities: &[f32], classes: usize, discretize: bool, rgba: &mut [u8]) {
    let floor = 1.0 / classes as f32;
    for (probs, pixel) in probabilities
        .chunks_exact(classes)
        .zip(rgba.chunks_exact_mut(4))
    {
        let mut best = 0;
        for (k, &p) in probs.iter().enumerate() {
            if p > probs[best] {
                best = k;
            }
        }
        let confidence = if discretize {
            1.0
        } else {
            let sure = (probs[best] - floor) / (1.0 - floor);
            if sure.is_finite() {
                sure.clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        blend(PALETTE[best % PALETTE.len()], confidence, pixel);
    }
}

/// Writes one RGBA pixel per value from regression predictions: orange below 0,
/// blue above, neutral at 0, full colour at ±1 and beyond. `discretize` paints
/// only the sign.
pub fn regression_rgba(values: &[f32], discretize: bool, rgba: &mut [u8]) {
    for (&value, pixel) in values.iter().zip(rgba.chunks_exact_mut(4)) {
        let colour = if value < 0.0 { PALETTE[0] } else { PALETTE[1] };
        let strength = if discretize {
            1.0
        } else if value.is_finite() {
            value.abs().min(1.0)
        } else {
            0.0
        };
        blend(colour, strength, pixel);
    }
}

fn blend(colour: [u8; 3], amount: f32, pixel: &mut [u8]) {
    for c in 0..3 {
        let mixed = f32::from(NEUTRAL[c]) + (f32::from(colour[c]) - f32::from(NEUTRAL[c])) * amount;
        pixel[c] = libm::roundf(mixed) as u8;
    }
    pixel[3] = 255;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certain_points_take_the_class_colour_and_even_ones_are_neutral() {
        let mut rgba = [0u8; 12];
        class_rgba(&[1.0, 0.0, 0.0, 1.0, 0.5, 0.5], 2, false, &mut rgba);
        assert_eq!(&rgba[0..4], &[245, 147, 34, 255]);
        assert_eq!(&rgba[4..8], &[8, 119, 189, 255]);
        assert_eq!(&rgba[8..12], &[232, 234, 235, 255]);
        class_rgba(&[0.4, 0.6], 2, true, &mut rgba);
        assert_eq!(&rgba[0..4], &[8, 119, 189, 255]);
    }

    #[test]
    fn probabilities_that_are_not_numbers_paint_neutral_grey_not_black() {
        let mut rgba = [0u8; 8];
        class_rgba(&[f32::NAN, f32::NAN, f32::NAN, 0.5], 2, false, &mut rgba);
        assert_eq!(&rgba[0..4], &[232, 234, 235, 255]);
        assert_eq!(&rgba[4..8], &[232, 234, 235, 255]);
    }

    #[test]
    fn regression_diverges_around_zero() {
        let mut rgba = [0u8; 12];
        regression_rgba(&[-2.0, 0.0, f32::NAN], false, &mut rgba);
        assert_eq!(&rgba[0..4], &[245, 147, 34, 255]);
        assert_eq!(&rgba[4..8], &[232, 234, 235, 255]);
        assert_eq!(&rgba[8..12], &[232, 234, 235, 255]);
    }
}
