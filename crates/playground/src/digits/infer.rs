//! The digits networks' forward pass without a tape, for what needs only values
//! (the views, the scores, the bench's inference). A chunk of images at a time
//! goes through the convolutions (`infer_conv`: tensor's `direct_conv`, then
//! bias, ReLU and pooling); with max pooling, when only the logits are asked
//! for, a block of images goes through them all, each laying its maps straight
//! into the next one's input. The dense layers then take the whole batch at once.
//!
//! The bits are the tape's: each convolution's output pixel is the sum its
//! forward computes (`tensor::direct_conv`, whose terms are those of the im2col
//! product in their order, less the padding's while every weight is finite),
//! then the bias, then `Unary::Relu`, and is pooled as the tape pools; the dense
//! layers are the same matrix product as the tape's. `tests/digits_infer.rs`
//! checks the logits and every layer's output against the tape bit for bit.

use alloc::vec::Vec;

use tensor::{Tensor, Unary, kernels};

use super::config::Pooling;
use super::data::{PIXELS, SIDE};
use super::infer_conv::{ConvLayer, Scratch, max_pooled_chain};
use super::network::{LayerKind, Network};

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
                    kernel,
                );
                (channels, side) = (filters, conv.pooled_side(self.pooling));
                convs.push(conv);
            }
        }
        let mut x = if convs.is_empty() {
            images.to_vec()
        } else if self.pooling == Pooling::Max && outputs.is_none() {
            let mut features = Vec::with_capacity(n * channels * side * side);
            max_pooled_chain(&convs, images, &mut features);
            features
        } else {
            let mut features = Vec::with_capacity(n * channels * side * side);
            let (mut scratch, mut pooled) = (Scratch::default(), Vec::new());
            for chunk in images.chunks(CHUNK * PIXELS) {
                pooled.clear();
                pooled.extend_from_slice(chunk);
                for conv in &convs {
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
            // The product over whole blocks of columns: the weights widened by
            // columns of zeros, whose sums are computed and dropped. Each
            // column's sum is its own, so the kept ones keep their bits.
            let wide = units.next_multiple_of(WIDTH);
            let mut weights = alloc::vec![0.0; inputs * wide];
            for (row, from) in weights
                .chunks_exact_mut(wide)
                .zip(layer.weight.data().chunks_exact(units.max(1)))
            {
                row[..units].copy_from_slice(from);
            }
            let mut products = alloc::vec![0.0; n * wide];
            kernels::matmul(&x, &weights, &mut products, n, inputs, wide);
            let mut out = Vec::with_capacity(n * units);
            for row in products.chunks_exact(wide.max(1)) {
                out.extend(
                    row.iter()
                        .zip(layer.bias.data())
                        .map(|(&product, &bias)| product + bias),
                );
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

/// The dense layers' products run on multiples of this many columns (two
/// 128-bit vectors): a narrower remainder would take its columns one by one.
const WIDTH: usize = 8;

/// Images one pass of the convolutions takes at a time: enough for long
/// runs of blocks, few enough for their sums to stay in cache.
const CHUNK: usize = 16;
