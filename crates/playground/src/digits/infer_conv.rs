//! One convolution of the digits networks' tape-free pass with its bias, ReLU
//! and pooling, on tensor's `DirectConv` (the tape's forward, without a
//! tape). Max pooling, the CNN's default, compares each 2 x 2 window's four
//! sums in registers, a block of images and filters at a time, instead of
//! laying out the maps first, and can lay the pooled maps straight into the
//! next convolution's padded block (`max_pooled_chain`).

use alloc::vec::Vec;

use tensor::direct_conv::{DirectConv, FILTERS, IMAGES};
use tensor::positive_part;

use super::config::Pooling;

/// Side of the pooling windows, and their stride.
const POOL: usize = 2;

/// The buffers a chunk of images passes through, reused layer after layer.
#[derive(Default)]
pub(super) struct Scratch {
    /// The layer's input maps, `[images, channels, side, side]`.
    pub(super) input: Vec<f32>,
    /// The convolution's maps before the bias, `[images, filters, side, side]`.
    sums: Vec<f32>,
    /// One map after the bias and the ReLU, `[side, side]`, for average pooling.
    map: Vec<f32>,
}

/// Where a max-pooled convolution lays its block of images' maps.
pub(super) enum Sink<'s> {
    /// `[images, filters, pooled, pooled]`, as many images as it holds.
    Maps(&'s mut [f32]),
    /// The next convolution's block of images, laid out as its
    /// `DirectConv::pad` lays them (the border left as it is).
    Padded(&'s mut [f32], &'s DirectConv),
}

/// One convolution (stride 1, padded to keep the maps' side) with its bias.
pub(super) struct ConvLayer<'a> {
    conv: DirectConv,
    bias: &'a [f32],
    /// The bias, zero for the filters past the last, `[filter blocks * FILTERS]`.
    bias_blocks: Vec<f32>,
    channels: usize,
    side: usize,
    /// Filters of the layer.
    pub(super) filters: usize,
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
        let conv = DirectConv::new(weights, filters, channels, side, kernel);
        let mut bias_blocks = bias.to_vec();
        bias_blocks.resize(conv.block_count() * FILTERS, 0.0);
        Self {
            conv,
            bias,
            bias_blocks,
            channels,
            side,
            filters,
        }
    }

    /// The side of the maps after the pooling.
    pub(super) fn pooled_side(&self, pooling: Pooling) -> usize {
        match pooling {
            Pooling::None => self.side,
            Pooling::Max | Pooling::Average => (self.side - POOL) / POOL + 1,
        }
    }

    /// The maps of `scratch.input`'s images, `relu(conv + bias)` pooled by
    /// `pooling`, appended to `out` (`[images, filters, pooled, pooled]`).
    pub(super) fn apply(&self, scratch: &mut Scratch, pooling: Pooling, out: &mut Vec<f32>) {
        let positions = self.side * self.side;
        let images = scratch.input.len() / (self.channels * positions);
        if pooling != Pooling::Max {
            scratch.sums.resize(images * self.filters * positions, 0.0);
            self.conv.forward(&scratch.input, &mut scratch.sums);
            for (map, &bias) in scratch
                .sums
                .chunks_exact(positions)
                .zip(self.bias.iter().cycle())
            {
                let relu = map.iter().map(|&sum| positive_part(sum + bias));
                if pooling == Pooling::None {
                    out.extend(relu);
                    continue;
                }
                scratch.map.clear();
                scratch.map.extend(relu);
                self.average_pool(&scratch.map, out);
            }
            return;
        }
        max_pooled_chain(core::slice::from_ref(self), &scratch.input, out);
    }

    /// The maps of the block of images in `padded`, `relu(conv + bias)`
    /// max-pooled, into `sink`: each 2 x 2 window's four sums are computed and
    /// compared for the whole block of images and filters at once, in registers,
    /// and kept in `pooled` until the block's last window.
    ///
    /// Max pooling pools the sums first and adds the bias to the windows'
    /// largest only: adding a bias and ReLU never reorder two numbers, so the
    /// largest of `relu(sum + bias)` is `relu(largest sum + bias)`, the same
    /// bits (a sum that starts from +0 is never -0, and ReLU makes ±0 +0).
    fn max_pooled(&self, padded: &[f32], mut sink: Sink, pooled: &mut Vec<f32>) {
        let side_out = self.pooled_side(Pooling::Max);
        let positions_out = side_out * side_out;
        let map_len = self.filters * positions_out;
        for (block, bias) in self.bias_blocks.chunks_exact(FILTERS).enumerate() {
            let first = block * FILTERS;
            let filters = FILTERS.min(self.filters - first);
            pooled.clear();
            for at in 0..positions_out {
                let (y, x) = (at / side_out * POOL, at % side_out * POOL);
                let mut most = self.conv.sums(padded, block, y, x);
                for (dy, dx) in [(0, 1), (1, 0), (1, 1)] {
                    let sums = self.conv.sums(padded, block, y + dy, x + dx);
                    for (most, sums) in most.iter_mut().zip(&sums) {
                        for (most, &sum) in most.iter_mut().zip(sums) {
                            *most = larger(*most, sum);
                        }
                    }
                }
                pooled.extend(most.iter().flatten());
            }
            // the bias and ReLU over the block's whole run of windows at once,
            // which compiles to vector selects: V8 branches on each scalar
            // `f32` select on x64, and ReLU's is a coin toss
            for sums in pooled.chunks_exact_mut(FILTERS) {
                for (sum, &bias) in sums.iter_mut().zip(bias) {
                    *sum = positive_part(*sum + bias);
                }
            }
            let windows = pooled.chunks_exact(IMAGES * FILTERS).enumerate();
            for (at, window) in windows {
                match &mut sink {
                    Sink::Maps(maps) => {
                        let images = window
                            .chunks_exact(FILTERS)
                            .zip(maps.chunks_exact_mut(map_len));
                        for (most, image_maps) in images {
                            for (f, &most) in most.iter().enumerate().take(filters) {
                                image_maps[(first + f) * positions_out + at] = most;
                            }
                        }
                    }
                    Sink::Padded(next, conv) => {
                        let (y, x) = (at / side_out, at % side_out);
                        for f in 0..filters {
                            let lanes = &mut next[conv.padded_at(first + f, y, x)..][..IMAGES];
                            for (lane, image) in lanes.iter_mut().zip(window.chunks_exact(FILTERS))
                            {
                                *lane = image[f];
                            }
                        }
                    }
                }
            }
        }
    }

    /// One map after its ReLU, average-pooled, appended to `out`: each window
    /// added row by row and divided by its area, as the tape's pooling does.
    fn average_pool(&self, map: &[f32], out: &mut Vec<f32>) {
        let (side, pooled) = (self.side, self.pooled_side(Pooling::Average));
        let area = (POOL * POOL) as f32;
        for oy in 0..pooled {
            for ox in 0..pooled {
                let window =
                    (0..POOL).flat_map(|dy| &map[(oy * POOL + dy) * side + ox * POOL..][..POOL]);
                out.push(window.fold(0.0, |total, &v| total + v) / area);
            }
        }
    }
}

/// The features of `images` (`[n, channels, side, side]` for the first layer)
/// after every convolution of `convs`, each max-pooled, appended to `out`
/// (`[n, filters, pooled, pooled]` of the last): a block of images at a time
/// goes through all the layers, each laying its maps straight into the next
/// one's padded block, so that no map between them is laid out and padded anew.
pub(super) fn max_pooled_chain(convs: &[ConvLayer], images: &[f32], out: &mut Vec<f32>) {
    let (Some(first), Some(last)) = (convs.first(), convs.last()) else {
        return;
    };
    let image_len = first.channels * first.side * first.side;
    let zeros = alloc::vec![0.0; image_len];
    let mut padded: Vec<Vec<f32>> = convs
        .iter()
        .map(|layer| alloc::vec![0.0; layer.conv.padded_len()])
        .collect();
    let mut pooled = Vec::new();
    let maps_len = last.filters * last.pooled_side(Pooling::Max).pow(2);
    let start = out.len();
    out.resize(start + images.len() / image_len * maps_len, 0.0);
    let groups = images.chunks(IMAGES * image_len);
    for (group, maps) in groups.zip(out[start..].chunks_mut(IMAGES * maps_len)) {
        first.conv.pad(group, &zeros, &mut padded[0]);
        for (l, layer) in convs.iter().enumerate() {
            let (done, rest) = padded.split_at_mut(l + 1);
            let sink = match (convs.get(l + 1), rest.first_mut()) {
                (Some(next), Some(next_padded)) => Sink::Padded(next_padded, &next.conv),
                _ => Sink::Maps(&mut *maps),
            };
            layer.max_pooled(&done[l], sink, &mut pooled);
        }
    }
}

/// The larger of two sums, `a` if they are equal, and NaN below every number:
/// ReLU makes a NaN sum 0, so in the tape's pooling it never wins over a positive one.
fn larger(a: f32, b: f32) -> f32 {
    if b > a || a.is_nan() { b } else { a }
}
