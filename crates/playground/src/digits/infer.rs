//! The digits networks' forward pass without a tape, for what needs only values
//! (the views, the scores, the bench's inference). A chunk of images at a time,
//! each convolution unfolds its padded maps into columns (one per output
//! pixel, im2col) in reused buffers, multiplies them by its filters with tensor's
//! matrix product, and pools the product, adding the bias and applying the
//! ReLU as it lays it out as maps; the dense layers then take the whole batch at once.
//!
//! The bits are the tape's: each output pixel starts from zero and adds the
//! products of `w[f, c, ky, kx]` and `x[c, y + ky, x + kx]` in ascending `(c,
//! ky, kx)`, padding zeros included, as row `f` of the im2col product in
//! [`Network::forward`] does, then the bias, then `Unary::Relu`; average
//! pooling adds the window row by row and divides by its area, as the tape's
//! pooling does, and max pooling takes the window's largest sum before the
//! bias and the ReLU, which is the largest of the ReLU's outputs that the
//! tape's pooling picks (see [`ConvLayer::pool`]); the dense layers are the
//! same matrix product as the tape's. `tests/digits_infer.rs` checks the
//! logits and every layer's output against the tape bit for bit.

use alloc::vec::Vec;

use tensor::{Tensor, Unary, kernels, positive_part};

use super::config::Pooling;
use super::data::{PIXELS, SIDE};
use super::network::{LayerKind, Network};

/// Side of the pooling windows, and their stride.
const POOL: usize = 2;

impl Network {
    /// The logits (`[n, 10]`, row by row) of `n` images (`n * 64` pixels), the
    /// values [`Network::forward`] records without dropout.
    pub fn logits(&self, images: &[f32], n: usize) -> Vec<f32> {
        self.run(images, n, None)
    }

    /// Each layer's output for one image (64 pixels), input side first: the
    /// maps of each convolution after its ReLU and pooling (`[1, filters, side,
    /// side]`), the hidden units (`[1, units]`), the logits last (`[1, 10]`).
    pub fn layer_outputs(&self, image: &[f32]) -> Vec<Tensor> {
        let mut outputs = Vec::with_capacity(self.layers.len());
        self.run(image, 1, Some(&mut outputs));
        outputs
    }

    /// The logits of `n` images, and each layer's output into `outputs` if given.
    fn run(&self, images: &[f32], n: usize, mut outputs: Option<&mut Vec<Tensor>>) -> Vec<f32> {
        let images = &images[..n * PIXELS];
        let mut convs: Vec<ConvLayer> = Vec::new();
        let (mut channels, mut side) = (1, SIDE);
        for layer in &self.layers {
            if let LayerKind::Conv { filters, kernel } = layer.kind {
                let conv = ConvLayer::new(
                    layer.weight.data(),
                    layer.bias.data(),
                    channels,
                    side,
                    filters,
                    kernel,
                );
                (channels, side) = (filters, conv.pooled_side(self.pooling));
                convs.push(conv);
            }
        }
        let mut x = if convs.is_empty() {
            images.to_vec()
        } else {
            let mut features = Vec::with_capacity(n * channels * side * side);
            let (mut scratch, mut pooled) = (Scratch::default(), Vec::new());
            for chunk in images.chunks(CHUNK * PIXELS) {
                pooled.clear();
                pooled.extend_from_slice(chunk);
                for conv in &mut convs {
                    scratch.input.clone_from(&pooled);
                    pooled.clear();
                    conv.apply(&mut scratch, self.pooling, &mut pooled);
                    if let Some(outputs) = outputs.as_deref_mut() {
                        let side = conv.pooled_side(self.pooling);
                        let shape = [chunk.len() / PIXELS, conv.filters, side, side];
                        outputs.push(Tensor::new(shape, pooled.clone()));
                    }
                }
                features.extend_from_slice(&pooled);
            }
            features
        };
        let last = self.layers.len().saturating_sub(1);
        for (index, layer) in self.layers.iter().enumerate() {
            if !matches!(layer.kind, LayerKind::Dense { .. }) {
                continue;
            }
            let units = layer.bias.len();
            let inputs = layer.weight.len() / units.max(1);
            let mut out = alloc::vec![0.0; n * units];
            kernels::matmul(&x, layer.weight.data(), &mut out, n, inputs, units);
            for row in out.chunks_exact_mut(units.max(1)) {
                for (value, &bias) in row.iter_mut().zip(layer.bias.data()) {
                    *value += bias;
                }
            }
            if index != last {
                Unary::Relu.apply_in_place(&mut out);
            }
            if let Some(outputs) = outputs.as_deref_mut() {
                outputs.push(Tensor::new([n, units], out.clone()));
            }
            x = out;
        }
        x
    }
}

/// Images one pass of the convolutions takes at a time: enough for long
/// products, few enough for their rows to stay in cache.
const CHUNK: usize = 16;

/// The buffers a chunk of images passes through, reused layer after layer.
#[derive(Default)]
struct Scratch {
    /// The layer's input maps, `[images, channels, side, side]`.
    input: Vec<f32>,
    /// im2col: `[patch, images * side * side]`, one column per output pixel.
    cols: Vec<f32>,
    /// `weights @ cols`: `[filters, images * side * side]`.
    product: Vec<f32>,
    /// One map after the bias and the ReLU, `[side, side]`, for average pooling.
    map: Vec<f32>,
}

/// One convolution: its weights, its bias, and a chunk's input maps with
/// their border of zeros.
struct ConvLayer<'a> {
    /// The tape's `w[f, t]`, `t = (c, ky, kx)`, as a `[filters, patch]` matrix.
    weights: &'a [f32],
    /// `offsets[t]`: where term `t`'s pixel sits in a padded image from the window's corner.
    offsets: Vec<usize>,
    bias: &'a [f32],
    channels: usize,
    side: usize,
    filters: usize,
    kernel: usize,
    /// `[images, channels, side + 2 pad, side + 2 pad]`: the borders stay
    /// zero, the middle is each image's input.
    padded: Vec<f32>,
}

impl<'a> ConvLayer<'a> {
    /// The layer of `weight[filters, channels, kernel, kernel]` over maps of `side`.
    fn new(
        weights: &'a [f32],
        bias: &'a [f32],
        channels: usize,
        side: usize,
        filters: usize,
        kernel: usize,
    ) -> Self {
        let patch = channels * kernel * kernel;
        let ps = side + kernel / 2 * 2;
        let mut offsets = Vec::with_capacity(patch);
        for c in 0..channels {
            for ky in 0..kernel {
                offsets.extend((0..kernel).map(|kx| (c * ps + ky) * ps + kx));
            }
        }
        Self {
            weights,
            offsets,
            bias,
            channels,
            side,
            filters,
            kernel,
            padded: Vec::new(),
        }
    }

    /// The side of the padded maps.
    fn padded_side(&self) -> usize {
        self.side + self.kernel / 2 * 2
    }

    /// The side of the maps after the pooling.
    fn pooled_side(&self, pooling: Pooling) -> usize {
        match pooling {
            Pooling::None => self.side,
            Pooling::Max | Pooling::Average => (self.side - POOL) / POOL + 1,
        }
    }

    /// The maps of `scratch.input`'s images, `relu(conv + bias)` pooled by
    /// `pooling`, appended to `out`.
    fn apply(&mut self, scratch: &mut Scratch, pooling: Pooling, out: &mut Vec<f32>) {
        let (side, pad, ps) = (self.side, self.kernel / 2, self.padded_side());
        let (patch, positions) = (self.offsets.len(), side * side);
        let images = scratch.input.len() / (self.channels * positions);
        let padded_len = self.channels * ps * ps;
        if self.padded.len() < images * padded_len {
            self.padded.resize(images * padded_len, 0.0);
        }
        let padded = self.padded.chunks_exact_mut(ps * ps);
        for (plane, padded) in scratch.input.chunks_exact(positions).zip(padded) {
            let rows = padded[pad * ps..].chunks_exact_mut(ps);
            for (row, padded_row) in plane.chunks_exact(side).zip(rows) {
                padded_row[pad..][..side].copy_from_slice(row);
            }
        }
        let windows = images * positions;
        scratch.cols.resize(patch * windows, 0.0);
        let cols = scratch.cols.chunks_exact_mut(windows);
        for (&offset, col) in self.offsets.iter().zip(cols) {
            let images = self.padded.chunks_exact(padded_len);
            for (image, col) in images.zip(col.chunks_exact_mut(positions)) {
                for (y, col) in col.chunks_exact_mut(side).enumerate() {
                    copy_row(col, &image[offset + y * ps..]);
                }
            }
        }
        scratch.product.resize(self.filters * windows, 0.0);
        let (w, f) = (&self.weights, self.filters);
        kernels::matmul(w, &scratch.cols, &mut scratch.product, f, patch, windows);
        for image in 0..images {
            for (sums, &b) in scratch.product.chunks_exact(windows).zip(self.bias) {
                let sums = &sums[image * positions..][..positions];
                self.pool(sums, b, pooling, &mut scratch.map, out);
            }
        }
    }

    /// One map's `relu(sums + bias)` pooled by `pooling` into `out` (appended).
    /// Max pooling pools the sums first and adds the bias to the 2 x 2 windows'
    /// largest only: adding a bias and ReLU never reorder two numbers, so the
    /// largest of `relu(sum + bias)` is `relu(largest sum + bias)`, the same
    /// bits (a sum that starts from +0 is never -0, and ReLU makes ±0 +0).
    fn pool(
        &self,
        sums: &[f32],
        bias: f32,
        pooling: Pooling,
        map: &mut Vec<f32>,
        out: &mut Vec<f32>,
    ) {
        let side = self.side;
        let pooled = self.pooled_side(pooling);
        let relu = |sum: f32| positive_part(sum + bias);
        match pooling {
            Pooling::None => out.extend(sums.iter().map(|&sum| relu(sum))),
            Pooling::Max => {
                for rows in sums.chunks_exact(POOL * side).take(pooled) {
                    let (top, bottom) = rows.split_at(side);
                    let pairs = top.chunks_exact(POOL).zip(bottom.chunks_exact(POOL));
                    out.extend(pairs.take(pooled).map(|(top, bottom)| {
                        let most = larger(larger(top[0], top[1]), larger(bottom[0], bottom[1]));
                        relu(most)
                    }));
                }
            }
            Pooling::Average => {
                map.clear();
                map.extend(sums.iter().map(|&sum| relu(sum)));
                let area = (POOL * POOL) as f32;
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
}

/// The larger of two sums, `a` if they are equal, and NaN below every number:
/// ReLU makes a NaN sum 0, so in the tape's pooling it never wins over a positive one.
fn larger(a: f32, b: f32) -> f32 {
    if b > a || a.is_nan() { b } else { a }
}

/// `dst = src[..dst.len()]`, the usual widths (8 and 4 pixels) as copies of a
/// known length, which compile to a few moves instead of a call.
fn copy_row(dst: &mut [f32], src: &[f32]) {
    match dst.len() {
        8 => dst[..8].copy_from_slice(&src[..8]),
        4 => dst[..4].copy_from_slice(&src[..4]),
        n => dst.copy_from_slice(&src[..n]),
    }
}
