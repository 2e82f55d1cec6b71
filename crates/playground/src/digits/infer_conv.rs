//! One convolution of the digits networks' tape-free pass, computed straight
//! from the padded maps (no im2col), four images and eight filters at a time,
//! then its bias, ReLU and pooling.
//!
//! The bits are the tape's: each output pixel starts from +0 and adds
//! `w[f, c, ky, kx] * x[c, y + ky, x + kx]` in ascending `(c, ky, kx)`, as row
//! `f` of the tape's im2col product does, except that while every weight is
//! finite the terms that fall in the padding are left out: each is ±0, and
//! adding ±0 changes no sum that starts from +0 (such a sum is never -0). With
//! a weight of ±inf or NaN the padding terms are added too (`inf * 0` is NaN).

use alloc::vec::Vec;
use core::ops::Range;

use tensor::positive_part;

use super::config::Pooling;

/// Images computed together: each pixel a term reads is loaded once for all four.
const IMAGES: usize = 4;
/// Filters computed together: each weight a term reads is loaded once for all
/// the images (two 128-bit vectors of sums per image).
const FILTERS: usize = 8;
/// Side of the pooling windows, and their stride.
const POOL: usize = 2;

/// The sums of one output pixel, `[image][filter]` of a block.
type Sums = [[f32; FILTERS]; IMAGES];

/// The buffers a chunk of images passes through, reused layer after layer.
#[derive(Default)]
pub(super) struct Scratch {
    /// The layer's input maps, `[images, channels, side, side]`.
    pub(super) input: Vec<f32>,
    /// A block of images' maps with their border of zeros, pixel by pixel
    /// with the images side by side: `[channels, ps, ps, IMAGES]`.
    padded: Vec<f32>,
    /// The convolution's sums, `[images, side * side, filter blocks * FILTERS]`.
    sums: Vec<f32>,
    /// One map after the bias and the ReLU, `[side, side]`, for average pooling.
    map: Vec<f32>,
    /// One image of zeros, `[channels, side, side]`, for the lanes of a block without an image.
    zeros: Vec<f32>,
}

/// One convolution (stride 1, padded to keep the maps' side) with its bias.
pub(super) struct ConvLayer<'a> {
    /// `w[f, c, ky, kx]` regrouped as `[filter block, c, ky, kx, FILTERS]`,
    /// zero for the filters past the last.
    blocks: Vec<f32>,
    bias: &'a [f32],
    /// The bias, zero for the filters past the last, `[filter blocks * FILTERS]`.
    bias_blocks: Vec<f32>,
    channels: usize,
    side: usize,
    /// Filters of the layer.
    pub(super) filters: usize,
    kernel: usize,
    /// Whether the padding terms may be left out: every weight finite.
    skip_padding: bool,
    /// Each output pixel's unrolled [`pixel3`], if the layer has one (row by row).
    unrolled: Vec<Option<Pixel3>>,
}

impl<'a> ConvLayer<'a> {
    /// The layer of `weights[filters, channels, kernel, kernel]` over maps of `side`.
    pub(super) fn new(
        weights: &[f32],
        bias: &'a [f32],
        channels: usize,
        side: usize,
        kernel: usize,
    ) -> Self {
        let filters = bias.len();
        let patch = channels * kernel * kernel;
        let block_count = filters.div_ceil(FILTERS);
        let mut blocks = alloc::vec![0.0; block_count * patch * FILTERS];
        for (f, filter) in weights.chunks_exact(patch).take(filters).enumerate() {
            let block = &mut blocks[f / FILTERS * patch * FILTERS..][..patch * FILTERS];
            for (t, &w) in filter.iter().enumerate() {
                block[t * FILTERS + f % FILTERS] = w;
            }
        }
        let mut bias_blocks = bias.to_vec();
        bias_blocks.resize(block_count * FILTERS, 0.0);
        let mut layer = Self {
            blocks,
            bias,
            bias_blocks,
            channels,
            side,
            filters,
            kernel,
            skip_padding: weights.iter().all(|w| w.is_finite()),
            unrolled: Vec::new(),
        };
        layer.unrolled = (0..side * side)
            .map(|p| layer.unrolled_pixel(&layer.taps(p / side), &layer.taps(p % side)))
            .collect();
        layer
    }

    /// The side of the maps after the pooling.
    pub(super) fn pooled_side(&self, pooling: Pooling) -> usize {
        match pooling {
            Pooling::None => self.side,
            Pooling::Max | Pooling::Average => (self.side - POOL) / POOL + 1,
        }
    }

    /// The side of the padded maps.
    fn padded_side(&self) -> usize {
        self.side + self.kernel / 2 * 2
    }

    /// Filters rounded up to whole blocks: the stride of [`Scratch::sums`].
    fn block_width(&self) -> usize {
        self.filters.div_ceil(FILTERS) * FILTERS
    }

    /// The maps of `scratch.input`'s images, `relu(conv + bias)` pooled by
    /// `pooling`, appended to `out` (`[images, filters, pooled, pooled]`).
    pub(super) fn apply(&self, scratch: &mut Scratch, pooling: Pooling, out: &mut Vec<f32>) {
        let positions = self.side * self.side;
        let image_len = self.channels * positions;
        let images = scratch.input.len() / image_len;
        let ps = self.padded_side();
        scratch.zeros.resize(image_len, 0.0);
        scratch.padded.clear();
        scratch.padded.resize(self.channels * ps * ps * IMAGES, 0.0);
        let groups = scratch.input.chunks(IMAGES * image_len);
        if pooling == Pooling::Max {
            let maps_len = self.filters * self.pooled_side(pooling).pow(2);
            let start = out.len();
            out.resize(start + images * maps_len, 0.0);
            for (group, maps) in groups.zip(out[start..].chunks_mut(IMAGES * maps_len)) {
                self.pad(group, &scratch.zeros, &mut scratch.padded);
                self.max_pooled(&scratch.padded, maps);
            }
            return;
        }
        let width = self.block_width();
        scratch.sums.resize(images * positions * width, 0.0);
        let sums = scratch.sums.chunks_mut(IMAGES * positions * width);
        for (group, sums) in groups.zip(sums) {
            self.pad(group, &scratch.zeros, &mut scratch.padded);
            self.convolve(&scratch.padded, sums);
        }
        let maps = scratch.sums.chunks_exact(positions * width).take(images);
        for sums in maps {
            if pooling == Pooling::Average {
                self.average_pool(sums, &mut scratch.map, out);
                continue;
            }
            for (f, &bias) in self.bias.iter().enumerate() {
                let column = sums[f..].iter().step_by(width);
                out.extend(column.map(|&sum| positive_part(sum + bias)));
            }
        }
    }

    /// The maps of the block of images in `padded`, `relu(conv + bias)`
    /// max-pooled, into `maps` (`[images, filters, pooled, pooled]`, as many
    /// images as it holds): each 2 x 2 window's four sums are computed and
    /// compared for the whole block of images and filters at once, in registers.
    ///
    /// Max pooling pools the sums first and adds the bias to the windows'
    /// largest only: adding a bias and ReLU never reorder two numbers, so the
    /// largest of `relu(sum + bias)` is `relu(largest sum + bias)`, the same
    /// bits (a sum that starts from +0 is never -0, and ReLU makes ±0 +0).
    fn max_pooled(&self, padded: &[f32], maps: &mut [f32]) {
        let side_out = self.pooled_side(Pooling::Max);
        let positions_out = side_out * side_out;
        let map_len = self.filters * positions_out;
        let patch = self.channels * self.kernel * self.kernel;
        let blocks = self.blocks.chunks_exact(patch * FILTERS);
        for (b, (block, bias)) in blocks
            .zip(self.bias_blocks.chunks_exact(FILTERS))
            .enumerate()
        {
            let first = b * FILTERS;
            let filters = FILTERS.min(self.filters - first);
            for at in 0..positions_out {
                let (y, x) = (at / side_out * POOL, at % side_out * POOL);
                let mut most = self.sums(padded, block, y, x);
                for (dy, dx) in [(0, 1), (1, 0), (1, 1)] {
                    let sums = self.sums(padded, block, y + dy, x + dx);
                    for (most, sums) in most.iter_mut().zip(&sums) {
                        for (most, &sum) in most.iter_mut().zip(sums) {
                            *most = larger(*most, sum);
                        }
                    }
                }
                for (most, image_maps) in most.iter_mut().zip(maps.chunks_exact_mut(map_len)) {
                    for (most, &bias) in most.iter_mut().zip(bias) {
                        *most = positive_part(*most + bias);
                    }
                    for (f, &most) in most.iter().enumerate().take(filters) {
                        image_maps[(first + f) * positions_out + at] = most;
                    }
                }
            }
        }
    }

    /// The sums of output pixel `(oy, ox)` for one filter block of the block of images in `padded`.
    fn sums(&self, padded: &[f32], block: &[f32], oy: usize, ox: usize) -> Sums {
        match self.unrolled.get(oy * self.side + ox).copied().flatten() {
            Some(pixel) => pixel(padded, block, oy, ox),
            None => self.pixel(padded, block, (oy, ox), (self.taps(oy), self.taps(ox))),
        }
    }

    /// Lays up to [`IMAGES`] images (`[images, channels, side, side]`) into the
    /// middle of `padded`, image `i` at lane `i`; lanes without an image hold
    /// zeros, and the border stays zero.
    fn pad(&self, group: &[f32], zeros: &[f32], padded: &mut [f32]) {
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

    /// Every output pixel's sums of the block of images in `padded`, into
    /// `sums` (`[images, positions, block_width]`, as many images as it holds).
    fn convolve(&self, padded: &[f32], sums: &mut [f32]) {
        let (side, width) = (self.side, self.block_width());
        let positions = side * side;
        let patch = self.channels * self.kernel * self.kernel;
        for (p, (oy, ox)) in (0..side)
            .flat_map(|y| (0..side).map(move |x| (y, x)))
            .enumerate()
        {
            for (b, block) in self.blocks.chunks_exact(patch * FILTERS).enumerate() {
                let block_sums = self.sums(padded, block, oy, ox);
                let lanes = sums.chunks_exact_mut(positions * width);
                for (image_sums, lane_sums) in lanes.zip(&block_sums) {
                    image_sums[p * width + b * FILTERS..][..FILTERS].copy_from_slice(lane_sums);
                }
            }
        }
    }

    /// The unrolled [`pixel3`] for taps `ys x xs` of this layer's 3 x 3
    /// kernel over padded maps of side 10 or 6 (the digits CNN's), if it is one.
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

    /// One image's maps, `relu(sums + bias)` average-pooled, appended to
    /// `out` (`[filters, pooled, pooled]`); `sums` is the image's `[positions,
    /// block_width]`. Each window's ReLU outputs are added row by row and
    /// divided by its area, as the tape's pooling does.
    fn average_pool(&self, sums: &[f32], map: &mut Vec<f32>, out: &mut Vec<f32>) {
        let (side, width) = (self.side, self.block_width());
        let pooled = self.pooled_side(Pooling::Average);
        let area = (POOL * POOL) as f32;
        for (f, &bias) in self.bias.iter().enumerate() {
            map.clear();
            let column = sums[f..].iter().step_by(width);
            map.extend(column.map(|&sum| positive_part(sum + bias)));
            for oy in 0..pooled {
                for ox in 0..pooled {
                    let window = (0..POOL)
                        .flat_map(|dy| &map[(oy * POOL + dy) * side + ox * POOL..][..POOL]);
                    out.push(window.fold(0.0, |total, &v| total + v) / area);
                }
            }
        }
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

/// The first convolution's (8 x 8 maps), and the second's after pooling (4 x 4).
const PIXEL3_10: [Pixel3; 9] = pixel3_table!(10);
const PIXEL3_6: [Pixel3; 9] = pixel3_table!(6);

/// [`ConvLayer::pixel`] for a 3 x 3 kernel over padded maps of side `PS`, adding
/// the taps `Y0..Y1 x X0..X1` of each channel: every index a constant from the
/// window's corner, so the taps unroll without a bounds check each.
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

/// The larger of two sums, `a` if they are equal, and NaN below every number:
/// ReLU makes a NaN sum 0, so in the tape's pooling it never wins over a positive one.
fn larger(a: f32, b: f32) -> f32 {
    if b > a || a.is_nan() { b } else { a }
}
