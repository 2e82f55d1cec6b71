//! Image ops on NCHW tensors: the forwards of `conv2d`, `max_pool2d` and
//! `avg_pool2d` and `add_channel_bias` and the functions their gradient rules
//! in `backward` call, plus `flatten` built from another op. A convolution is
//! im2col over a chunk of the batch (a column per window of every image) then
//! one matrix product of `kernels` per chunk, so it has the same bits on every
//! target, or, where it keeps its maps' side with stride 1, `direct_conv`'s
//! loops over the padded maps, which add the same terms in the same order. Its
//! gradients live in `conv_grad`, the index loops in `im2col`.

use crate::direct_conv::DirectConv;
use crate::im2col::{Window, argmax_windows, im2col, window_add, window_sum};
use crate::tape::Op;
use crate::{Shape, Tape, Var, kernels};

/// The sizes of one convolution: `n` images of `c` channels, `f` filters, and
/// where the filters' windows visit each image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Conv {
    pub(crate) n: usize,
    pub(crate) c: usize,
    pub(crate) f: usize,
    pub(crate) win: Window,
}

impl Conv {
    /// Checks `x[n, c, h, w]` against `w[f, c, k, k]`.
    ///
    /// # Panics
    /// Unless both are rank 4 with equal channels, the kernel is square, no
    /// dimension but `n` is zero, the stride is at least 1 and the kernel fits
    /// in the padded image.
    fn new(x: Shape, w: Shape, stride: usize, padding: usize) -> Self {
        let shapes_fit = x.rank() == 4
            && w.rank() == 4
            && x.dim(1) == w.dim(1)
            && w.dim(2) == w.dim(3)
            && x.dims()[1..].iter().chain(w.dims()).all(|&d| d > 0);
        assert!(
            shapes_fit,
            "Tape::conv2d: input {x:?} and weights {w:?} are not [n, c, h, w] and [f, c, k, k]"
        );
        let win = Window {
            h: x.dim(2),
            w: x.dim(3),
            k: w.dim(2),
            stride,
            padding,
        };
        assert!(
            win.fits(),
            "Tape::conv2d: a {0}x{0} kernel with stride {stride} and padding {padding} does not fit input {x:?}",
            win.k
        );
        Self {
            n: x.dim(0),
            c: x.dim(1),
            f: w.dim(0),
            win,
        }
    }

    /// Length of one filter, `c * k * k`: the rows of the [`im2col`] matrix.
    pub(crate) fn patch_len(&self) -> usize {
        self.c * self.win.k * self.win.k
    }

    /// Elements of one input image, `c * h * w`.
    pub(crate) fn image_len(&self) -> usize {
        self.c * self.win.h * self.win.w
    }

    /// Elements of one output image, `f * out_h * out_w`.
    pub(crate) fn out_image_len(&self) -> usize {
        self.f * self.win.positions()
    }

    /// Images unfolded at a time: as many as keep a chunk's [`im2col`] matrix
    /// and its output within [`CHUNK_ELEMENTS`] each (at least one), so the
    /// scratch stays small (in cache, and below the size that a fresh
    /// allocation maps new pages for) whatever the batch.
    fn chunk(&self) -> usize {
        let per_image = self.win.positions() * self.patch_len().max(self.f);
        (CHUNK_ELEMENTS / per_image).max(1)
    }

    /// The elements of one chunk of input images and of its output images.
    pub(crate) fn chunk_lens(&self) -> (usize, usize) {
        (
            self.chunk() * self.image_len(),
            self.chunk() * self.out_image_len(),
        )
    }

    /// The scratch of the forward and of each gradient function: a chunk's
    /// [`im2col`] matrix (or the input gradient's rows), its output (or output
    /// gradient) laid out otherwise, one padded image, and the weights (or
    /// their gradient) laid out otherwise.
    pub(crate) fn grad_scratch_len(&self) -> usize {
        let windows = self.chunk() * self.win.positions();
        windows * (self.patch_len() + self.f)
            + self.c * self.win.padded_len()
            + self.f * self.patch_len()
    }

    /// Splits [`Conv::grad_scratch_len`] elements into the matrix of `images`
    /// images, their output, the padded image and the weights. The weights
    /// come first in `scratch`, so every split finds them in the same place,
    /// whatever `images`: a gradient lays them out once for all its chunks.
    pub(crate) fn split<'a>(&self, scratch: &'a mut [f32], images: usize) -> [&'a mut [f32]; 4] {
        let windows = images * self.win.positions();
        let (weights, rest) = scratch.split_at_mut(self.f * self.patch_len());
        let (matrix, rest) = rest.split_at_mut(windows * self.patch_len());
        let (out, rest) = rest.split_at_mut(windows * self.f);
        [
            matrix,
            out,
            &mut rest[..self.c * self.win.padded_len()],
            weights,
        ]
    }
}

/// The most pixels of an image whose indices an `f32` holds exactly (2^24).
const MAX_EXACT_INDEX: usize = 1 << 24;

/// The most elements of a convolution's unfolded matrix, and of its output,
/// for one chunk of images (64 KiB each).
const CHUNK_ELEMENTS: usize = 16 * 1024;

/// Checks a pooling window of side `k` over `x[n, c, h, w]` (no padding).
///
/// # Panics
/// Unless `x` is rank 4, `k` and `stride` are at least 1 and `k` fits in `h` and `w`.
fn pool_window(name: &str, x: Shape, k: usize, stride: usize) -> Window {
    assert!(
        x.rank() == 4,
        "Tape::{name}: input {x:?} is not [n, c, h, w]"
    );
    let win = Window {
        h: x.dim(2),
        w: x.dim(3),
        k,
        stride,
        padding: 0,
    };
    assert!(
        win.fits(),
        "Tape::{name}: a {k}x{k} window with stride {stride} does not fit input {x:?}"
    );
    win
}

/// `[n, c, out_h, out_w]` for `x[n, c, h, w]` under `win`.
fn pooled_shape(x: Shape, win: Window) -> Shape {
    Shape::new(&[x.dim(0), x.dim(1), win.out_h(), win.out_w()])
}

impl Tape {
    /// The 2-D cross-correlation of images with filters, as PyTorch's
    /// `F.conv2d(x, w, stride=stride, padding=padding)` without bias (add one
    /// with [`Tape::add_channel_bias`]): output pixel `(n, f, y, x)` is
    /// `sum over c, i, j of w[f, c, i, j] * x[n, c, y * stride + i - padding, x * stride + j - padding]`,
    /// with zeros outside the image.
    ///
    /// # Shapes
    /// `x: [n, c, h, w]`, `w: [f, c, k, k]` give `[n, f, out_h, out_w]` with
    /// `out_h = (h + 2 padding - k) / stride + 1` (rounded down), likewise `out_w`.
    ///
    /// # Panics
    /// If the shapes are not as above, a dimension other than `n` is zero,
    /// `stride` is 0, or the kernel is larger than the padded image.
    pub fn conv2d(&mut self, x: Var, w: Var, stride: usize, padding: usize) -> Var {
        let conv = Conv::new(self.shape(x), self.shape(w), stride, padding);
        let shape = Shape::new(&[conv.n, conv.f, conv.win.out_h(), conv.win.out_w()]);
        let win = conv.win;
        if DirectConv::fits(win.h, win.w, win.k, win.stride, win.padding) {
            return self.push(shape, Op::Conv2d(x, w, conv), &[x, w], |out, nodes| {
                let (xs, ws) = (nodes[x.0].value.data(), nodes[w.0].value.data());
                DirectConv::new(ws, conv.f, conv.c, win.h, win.k).forward(xs, out);
            });
        }
        let mut scratch = self.pool.take_dirty(conv.grad_scratch_len());
        let out = self.push(shape, Op::Conv2d(x, w, conv), &[x, w], |out, nodes| {
            let (xs, ws) = (nodes[x.0].value.data(), nodes[w.0].value.data());
            let (images, outs) = conv.chunk_lens();
            for (x, out) in xs.chunks(images).zip(out.chunks_mut(outs)) {
                conv2d_chunk(x, ws, conv, out, &mut scratch);
            }
        });
        self.pool.give(scratch);
        out
    }

    /// The largest pixel of each `k x k` window, windows `stride` apart, no
    /// padding, as PyTorch's `F.max_pool2d(x, k, stride)`. Its gradient goes to
    /// the first largest pixel of each window (row by row), as in [`Tape::max_axis`].
    ///
    /// # Shapes
    /// `x: [n, c, h, w]` gives `[n, c, (h - k) / stride + 1, (w - k) / stride + 1]`.
    ///
    /// # Panics
    /// If `x` is not rank 4, `k` or `stride` is 0, `k` exceeds `h` or `w`, or
    /// its images have more than 2^24 pixels.
    pub fn max_pool2d(&mut self, x: Var, k: usize, stride: usize) -> Var {
        let from = self.shape(x);
        let win = pool_window("max_pool2d", from, k, stride);
        assert!(
            win.h * win.w <= MAX_EXACT_INDEX,
            "Tape::max_pool2d: input {from:?} has images of more than 2^24 pixels"
        );
        let (to, positions) = (pooled_shape(from, win), win.positions());
        // the index in its image of each window's first largest pixel, kept for the gradient
        let firsts = self.push(to, Op::Leaf, &[], |out, nodes| {
            argmax_windows(nodes[x.0].value.data(), win, out);
        });
        self.push(to, Op::MaxPool2d(x, win, firsts), &[x], |out, nodes| {
            let images = nodes[x.0].value.data().chunks_exact(win.h * win.w);
            let firsts = nodes[firsts.0].value.data().chunks_exact(positions);
            for ((image, firsts), out) in images.zip(firsts).zip(out.chunks_exact_mut(positions)) {
                for (out, &at) in out.iter_mut().zip(firsts) {
                    *out = image[at as usize];
                }
            }
        })
    }

    /// The mean pixel of each `k x k` window, windows `stride` apart, no
    /// padding, as PyTorch's `F.avg_pool2d(x, k, stride)`.
    ///
    /// # Shapes
    /// `x: [n, c, h, w]` gives `[n, c, (h - k) / stride + 1, (w - k) / stride + 1]`.
    ///
    /// # Panics
    /// If `x` is not rank 4, `k` or `stride` is 0, or `k` exceeds `h` or `w`.
    pub fn avg_pool2d(&mut self, x: Var, k: usize, stride: usize) -> Var {
        let from = self.shape(x);
        let win = pool_window("avg_pool2d", from, k, stride);
        let area = (k * k) as f32;
        self.push(
            pooled_shape(from, win),
            Op::AvgPool2d(x, win),
            &[x],
            |out, nodes| {
                let images = nodes[x.0].value.data().chunks_exact(win.h * win.w);
                for (image, out) in images.zip(out.chunks_exact_mut(win.positions())) {
                    for (oy, out) in out.chunks_exact_mut(win.out_w()).enumerate() {
                        for (ox, o) in out.iter_mut().enumerate() {
                            *o = window_sum(image, win, oy, ox) / area;
                        }
                    }
                }
            },
        )
    }

    /// `x[n, ...]` as `[n, rest]`: each example's values in one row, for a
    /// dense layer after convolutions. A reshape.
    ///
    /// # Panics
    /// If `x` is a scalar.
    pub fn flatten(&mut self, x: Var) -> Var {
        let shape = self.shape(x);
        assert!(
            shape.rank() > 0,
            "Tape::flatten: {shape:?} has no batch axis"
        );
        let n = shape.dim(0);
        let rest = shape.dims()[1..].iter().product();
        self.reshape(x, [n, rest])
    }

    /// `x + b` with `b[f]` added to every pixel of channel `f`: the bias of a
    /// convolution. The same bits as `broadcast_to` of `b` reshaped to
    /// `[1, f, 1, 1]` then `add`, in one node: its gradient is `g` for `x`, and
    /// for `b[f]` the sum of channel `f`'s gradient, image by image, pixel by pixel.
    ///
    /// # Panics
    /// If `x` is not rank 4 or `b` is not `[f]` for `x`'s `f` channels.
    pub fn add_channel_bias(&mut self, x: Var, b: Var) -> Var {
        let (sx, sb) = (self.shape(x), self.shape(b));
        assert!(
            sx.rank() == 4 && sb.rank() == 1 && sb.dim(0) == sx.dim(1),
            "Tape::add_channel_bias: bias {sb:?} is not one per channel of {sx:?}"
        );
        let positions = (sx.dim(2) * sx.dim(3)).max(1);
        self.push(sx, Op::ChannelBias(x, b), &[x, b], |out, nodes| {
            let (xs, bs) = (nodes[x.0].value.data(), nodes[b.0].value.data());
            let maps = out
                .chunks_exact_mut(positions)
                .zip(xs.chunks_exact(positions));
            for ((out, x), &b) in maps.zip(bs.iter().cycle()) {
                for (o, &x) in out.iter_mut().zip(x) {
                    *o = x + b;
                }
            }
        })
    }
}

/// `db[f] += g[n, f, p]` for every image `n` and pixel `p`, one term at a time
/// in the order of `g`: the gradient of a channel bias.
pub(crate) fn channel_bias_grad(g: &[f32], positions: usize, db: &mut [f32]) {
    let channels = db.len().max(1);
    for (at, map) in g.chunks_exact(positions).enumerate() {
        let d = &mut db[at % channels];
        for &v in map {
            *d += v;
        }
    }
}

/// The convolution of the images `x` (a chunk of the batch) into `out`:
/// `out[f, windows] = w[f, patch] @ cols[patch, windows]`, so output pixel
/// `(n, f, p)` adds `w[f, t] * (x's pixel under offset t)` in ascending `t`,
/// then `[f, n, positions]` laid out as `[n, f, positions]`.
fn conv2d_chunk(x: &[f32], w: &[f32], conv: Conv, out: &mut [f32], scratch: &mut [f32]) {
    let (images, positions) = (x.len() / conv.image_len(), conv.win.positions());
    let [cols, out_f, padded, _] = conv.split(scratch, images);
    im2col(x, conv.c, conv.win, padded, cols);
    let windows = images * positions;
    kernels::matmul(w, cols, out_f, conv.f, conv.patch_len(), windows);
    for (at, map) in out.chunks_exact_mut(positions).enumerate() {
        let (n, f) = (at / conv.f, at % conv.f);
        map.copy_from_slice(&out_f[(f * images + n) * positions..][..positions]);
    }
}

/// `dx += g` at the first largest pixel of each window, whose index in its
/// image each of `firsts` holds.
pub(crate) fn max_pool2d_grad(firsts: &[f32], g: &[f32], win: Window, dx: &mut [f32]) {
    let images = dx.chunks_exact_mut(win.h * win.w);
    let windows = firsts
        .chunks_exact(win.positions())
        .zip(g.chunks_exact(win.positions()));
    for (d, (firsts, g)) in images.zip(windows) {
        for (&at, &g) in firsts.iter().zip(g) {
            d[at as usize] += g;
        }
    }
}

/// `dx += g / k^2` at every pixel of each window.
pub(crate) fn avg_pool2d_grad(g: &[f32], win: Window, dx: &mut [f32]) {
    let area = (win.k * win.k) as f32;
    let images = dx.chunks_exact_mut(win.h * win.w);
    for (d, g) in images.zip(g.chunks_exact(win.positions())) {
        for (oy, g) in g.chunks_exact(win.out_w()).enumerate() {
            for (ox, &g) in g.iter().enumerate() {
                window_add(d, win, oy, ox, g / area);
            }
        }
    }
}
