//! A stride-1 convolution that keeps its maps' side (odd `k x k` kernels,
//! `k / 2` zeros of padding), computed straight from the padded maps instead
//! of im2col and a product: [`IMAGES`] images and [`FILTERS`] filters at a
//! time, each output pixel's sums held in registers, with the 3 x 3 kernels
//! of 8 x 8 and 4 x 4 maps unrolled. `Tape::conv2d`'s forward runs on it where
//! it fits; a pass without a tape can take an output pixel's sums
//! ([`DirectConv::sums`]) and pool them before laying out any map.
//!
//! The bits are those of the im2col product: each output pixel starts from +0
//! and adds `w[f, c, ky, kx] * x[c, y + ky, x + kx]` in ascending `(c, ky, kx)`,
//! except that while every weight is finite the terms that fall in the padding
//! are left out: each is ±0, and adding ±0 changes no sum that starts from +0
//! (such a sum is never -0). With a weight of ±inf or NaN the padding terms
//! are added too, as `inf * 0` is NaN. `tests/image_naive.rs` holds the
//! forward to the definition's loops bit for bit.

use alloc::vec::Vec;
use core::ops::Range;

/// Images computed together: each pixel a term reads is loaded once for all of them.
pub const IMAGES: usize = 4;
/// Filters computed together: each weight a term reads is loaded once for all
/// the images (two 128-bit vectors of sums per image).
pub const FILTERS: usize = 8;

/// The sums of one output pixel for a block of images and of filters, `[image][filter]`.
pub type Sums = [[f32; FILTERS]; IMAGES];

/// One convolution's weights laid out by blocks of [`FILTERS`], and the taps
/// each output pixel adds.
pub struct DirectConv {
    /// `w[f, c, ky, kx]` regrouped as `[filter block, c, ky, kx, FILTERS]`,
    /// zero for the filters past the last.
    blocks: Vec<f32>,
    channels: usize,
    side: usize,
    filters: usize,
    kernel: usize,
    /// Whether the padding terms may be left out: every weight finite.
    skip_padding: bool,
    /// Each output pixel's unrolled [`pixel3`], if the layer has one (row by row).
    unrolled: Vec<Option<Pixel3>>,
}

impl DirectConv {
    /// Whether a convolution of `[n, channels, h, w]` by `k x k` kernels with
    /// `stride` and `padding` is one this computes: square maps, stride 1, an
    /// odd kernel padded by half its side.
    pub fn fits(h: usize, w: usize, k: usize, stride: usize, padding: usize) -> bool {
        h == w && h > 0 && stride == 1 && k % 2 == 1 && padding == k / 2
    }

    /// The convolution of `weights[filters, channels, kernel, kernel]` over
    /// maps of `side x side` (see [`DirectConv::fits`]).
    pub fn new(
        weights: &[f32],
        filters: usize,
        channels: usize,
        side: usize,
        kernel: usize,
    ) -> Self {
        let patch = channels * kernel * kernel;
        let mut blocks = alloc::vec![0.0; filters.div_ceil(FILTERS) * patch * FILTERS];
        for (f, filter) in weights.chunks_exact(patch).take(filters).enumerate() {
            let block = &mut blocks[f / FILTERS * patch * FILTERS..][..patch * FILTERS];
            for (t, &w) in filter.iter().enumerate() {
                block[t * FILTERS + f % FILTERS] = w;
            }
        }
        let mut conv = Self {
            blocks,
            channels,
            side,
            filters,
            kernel,
            skip_padding: weights.iter().all(|w| w.is_finite()),
            unrolled: Vec::new(),
        };
        conv.unrolled = (0..side * side)
            .map(|p| conv.unrolled_pixel(&conv.taps(p / side), &conv.taps(p % side)))
            .collect();
        conv
    }

    /// The filter blocks: `filters` rounded up to [`FILTERS`], divided by it.
    pub fn block_count(&self) -> usize {
        self.filters.div_ceil(FILTERS)
    }

    /// The elements of [`DirectConv::pad`]'s buffer.
    pub fn padded_len(&self) -> usize {
        self.channels * self.padded_side().pow(2) * IMAGES
    }

    /// Where [`DirectConv::pad`] lays pixel `(y, x)` of channel `c` of the
    /// first image of a block: the other images follow it, one lane each.
    /// Writing every lane of every pixel there lays a block as `pad` does.
    pub fn padded_at(&self, c: usize, y: usize, x: usize) -> usize {
        let (ps, pad) = (self.padded_side(), self.kernel / 2);
        ((c * ps + pad + y) * ps + pad + x) * IMAGES
    }

    /// The side of the padded maps.
    fn padded_side(&self) -> usize {
        self.side + self.kernel / 2 * 2
    }

    /// Lays up to [`IMAGES`] images (`group`, `[images, channels, side, side]`)
    /// into the middle of `padded` ([`DirectConv::padded_len`] elements, pixel
    /// by pixel with the images side by side: `[channels, ps, ps, IMAGES]`),
    /// image `i` at lane `i`; lanes without an image read `zeros` (one image of
    /// zeros). The border is left as it is: zero it once before the first group.
    pub fn pad(&self, group: &[f32], zeros: &[f32], padded: &mut [f32]) {
        let (side, ps, pad) = (self.side, self.padded_side(), self.kernel / 2);
        let image_len = self.channels * side * side;
        let lanes: [&[f32]; IMAGES] = core::array::from_fn(|lane| {
            group
                .get(lane * image_len..(lane + 1) * image_len)
                .unwrap_or(zeros)
        });
        let planes = padded.chunks_exact_mut(ps * ps * IMAGES);
        for (c, plane) in planes.enumerate().take(self.channels) {
            let rows = plane[pad * ps * IMAGES..].chunks_exact_mut(ps * IMAGES);
            for (y, row) in rows.take(side).enumerate() {
                let from = (c * side + y) * side;
                let image_rows = lanes.map(|image| &image[from..][..side]);
                let pixels = row[pad * IMAGES..][..side * IMAGES].chunks_exact_mut(IMAGES);
                for (x, pixel) in pixels.enumerate() {
                    for (value, image_row) in pixel.iter_mut().zip(&image_rows) {
                        *value = image_row[x];
                    }
                }
            }
        }
    }

    /// The sums of output pixel `(oy, ox)` for filter block `block` of the
    /// images [`DirectConv::pad`] laid into `padded`.
    pub fn sums(&self, padded: &[f32], block: usize, oy: usize, ox: usize) -> Sums {
        let patch = self.channels * self.kernel * self.kernel;
        let weights = &self.blocks[block * patch * FILTERS..][..patch * FILTERS];
        match self.unrolled.get(oy * self.side + ox).copied().flatten() {
            Some(pixel) => pixel(padded, weights, oy, ox),
            None => self.pixel(padded, weights, (oy, ox), (self.taps(oy), self.taps(ox))),
        }
    }

    /// `out[n, f, side, side]` for the images `x[n, channels, side, side]`:
    /// the whole convolution, a block of images at a time.
    pub fn forward(&self, x: &[f32], out: &mut [f32]) {
        let positions = self.side * self.side;
        let image_len = self.channels * positions;
        let zeros = alloc::vec![0.0; image_len];
        let mut padded = alloc::vec![0.0; self.padded_len()];
        let out_len = self.filters * positions;
        let groups = x.chunks(IMAGES * image_len);
        for (group, out) in groups.zip(out.chunks_mut(IMAGES * out_len)) {
            self.pad(group, &zeros, &mut padded);
            for block in 0..self.block_count() {
                let first = block * FILTERS;
                let filters = FILTERS.min(self.filters - first);
                for p in 0..positions {
                    let sums = self.sums(&padded, block, p / self.side, p % self.side);
                    for (image_sums, image_out) in sums.iter().zip(out.chunks_exact_mut(out_len)) {
                        for (f, &sum) in image_sums.iter().enumerate().take(filters) {
                            image_out[(first + f) * positions + p] = sum;
                        }
                    }
                }
            }
        }
    }

    /// The unrolled [`pixel3`] for taps `ys x xs` of a 3 x 3 kernel over padded
    /// maps of side 10 or 6 (maps of 8 x 8 and 4 x 4), if this is one.
    fn unrolled_pixel(&self, ys: &Range<usize>, xs: &Range<usize>) -> Option<Pixel3> {
        let class = |taps: &Range<usize>| match (taps.start, taps.end) {
            (0, 3) => Some(0),
            (1, 3) => Some(1),
            (0, 2) => Some(2),
            _ => None,
        };
        let at = class(ys)? * 3 + class(xs)?;
        match (self.kernel, self.padded_side()) {
            (3, 10) => Some(PIXEL3_10[at]),
            (3, 6) => Some(PIXEL3_6[at]),
            _ => None,
        }
    }

    /// The kernel offsets whose taps at output coordinate `o` land inside the
    /// map, or all of them when the padding terms must be added.
    fn taps(&self, o: usize) -> Range<usize> {
        let pad = self.kernel / 2;
        if !self.skip_padding {
            return 0..self.kernel;
        }
        pad.saturating_sub(o)..self.kernel.min(self.side + pad - o)
    }

    /// The sums of output pixel `(oy, ox)` for one filter block (`[c, ky, kx,
    /// FILTERS]`), adding the taps `ys x xs` of each channel in order.
    fn pixel(
        &self,
        padded: &[f32],
        block: &[f32],
        (oy, ox): (usize, usize),
        (ys, xs): (Range<usize>, Range<usize>),
    ) -> Sums {
        let (k, ps) = (self.kernel, self.padded_side());
        let mut acc: Sums = [[0.0; FILTERS]; IMAGES];
        let planes = padded.chunks_exact(ps * ps * IMAGES);
        for (plane, weights) in planes.zip(block.chunks_exact(k * k * FILTERS)) {
            for ky in ys.clone() {
                let row =
                    &plane[((oy + ky) * ps + ox) * IMAGES..][xs.start * IMAGES..xs.end * IMAGES];
                let w_row = &weights[ky * k * FILTERS..][xs.start * FILTERS..xs.end * FILTERS];
                let taps = row.chunks_exact(IMAGES).zip(w_row.chunks_exact(FILTERS));
                for (x, w) in taps {
                    for (acc, &x) in acc.iter_mut().zip(x) {
                        for (acc, &w) in acc.iter_mut().zip(w) {
                            *acc += w * x;
                        }
                    }
                }
            }
        }
        acc
    }
}

/// [`pixel3`] for one padded side and one set of taps.
type Pixel3 = fn(&[f32], &[f32], usize, usize) -> Sums;

/// The [`pixel3`]s of each set of taps (rows `0..3`, `1..3` or `0..2`, then columns likewise).
macro_rules! pixel3_table {
    ($ps:literal) => {
        [
            pixel3::<$ps, 0, 3, 0, 3>,
            pixel3::<$ps, 0, 3, 1, 3>,
            pixel3::<$ps, 0, 3, 0, 2>,
            pixel3::<$ps, 1, 3, 0, 3>,
            pixel3::<$ps, 1, 3, 1, 3>,
            pixel3::<$ps, 1, 3, 0, 2>,
            pixel3::<$ps, 0, 2, 0, 3>,
            pixel3::<$ps, 0, 2, 1, 3>,
            pixel3::<$ps, 0, 2, 0, 2>,
        ]
    };
}

/// For 8 x 8 maps.
const PIXEL3_10: [Pixel3; 9] = pixel3_table!(10);
/// For 4 x 4 maps (8 x 8 after a 2 x 2 pooling).
const PIXEL3_6: [Pixel3; 9] = pixel3_table!(6);

/// [`DirectConv::pixel`] for a 3 x 3 kernel over padded maps of side `PS`,
/// adding the taps `Y0..Y1 x X0..X1` of each channel: every index a constant
/// from the window's corner, so the taps unroll without a bounds check each.
fn pixel3<const PS: usize, const Y0: usize, const Y1: usize, const X0: usize, const X1: usize>(
    padded: &[f32],
    block: &[f32],
    oy: usize,
    ox: usize,
) -> Sums {
    const K: usize = 3;
    let mut acc: Sums = [[0.0; FILTERS]; IMAGES];
    let planes = padded.chunks_exact(PS * PS * IMAGES);
    for (plane, weights) in planes.zip(block.chunks_exact(K * K * FILTERS)) {
        let window = &plane[(oy * PS + ox) * IMAGES..][..((K - 1) * PS + K) * IMAGES];
        for ky in Y0..Y1 {
            for kx in X0..X1 {
                let x = &window[(ky * PS + kx) * IMAGES..][..IMAGES];
                let w = &weights[(ky * K + kx) * FILTERS..][..FILTERS];
                for (acc, &x) in acc.iter_mut().zip(x) {
                    for (acc, &w) in acc.iter_mut().zip(w) {
                        *acc += w * x;
                    }
                }
            }
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_at_finds_every_pixel_where_pad_lays_it() {
        let (channels, side, kernel) = (3, 4, 5);
        let conv = DirectConv::new(&[0.0; 6 * 3 * 25], 6, channels, side, kernel);
        let image_len = channels * side * side;
        // three images, so the fourth lane reads the zeros
        let group: Vec<f32> = (0..3 * image_len).map(|i| i as f32 + 1.0).collect();
        let zeros = alloc::vec![0.0; image_len];
        let mut padded = alloc::vec![0.0; conv.padded_len()];
        conv.pad(&group, &zeros, &mut padded);
        let mut found = alloc::vec![false; padded.len()];
        for c in 0..channels {
            for (y, x) in (0..side).flat_map(|y| (0..side).map(move |x| (y, x))) {
                let at = conv.padded_at(c, y, x);
                for lane in 0..IMAGES {
                    let pixel = (c * side + y) * side + x;
                    let expected = group.get(lane * image_len + pixel).copied().unwrap_or(0.0);
                    assert_eq!(
                        padded[at + lane],
                        expected,
                        "channel {c}, ({y}, {x}), lane {lane}"
                    );
                    found[at + lane] = true;
                }
            }
        }
        // everything else is the border, still zero
        let border = padded.iter().zip(&found).filter(|&(_, &found)| !found);
        assert!(border.clone().count() > 0);
        assert!(border.into_iter().all(|(&v, _)| v == 0.0));
    }
}
