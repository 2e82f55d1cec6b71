//! Image ops on NCHW tensors: the forwards of `conv2d`, `max_pool2d` and
//! `avg_pool2d` and the functions their gradient rules in `backward` call,
//! plus `flatten` and `add_channel_bias` built from other ops. A convolution is
//! im2col then the matrix product of `kernels`, so it has the same bits on
//! every target. The index loops live in `im2col`.

use crate::im2col::{Window, col2im_acc, im2col, window_add, window_argmax, window_sum};
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

    /// Elements of one input image, `c * h * w`.
    fn image_len(&self) -> usize {
        self.c * self.win.h * self.win.w
    }

    /// Length of one filter, `c * k * k`: the rows of the im2col matrix.
    fn patch_len(&self) -> usize {
        self.c * self.win.k * self.win.k
    }

    /// Elements of one output image, `f * out_h * out_w`.
    fn out_len(&self) -> usize {
        self.f * self.win.positions()
    }

    /// Elements of one im2col matrix, `patch_len * out_h * out_w`.
    fn cols_len(&self) -> usize {
        self.patch_len() * self.win.positions()
    }

    /// The scratch the gradient functions need: an im2col matrix plus room for
    /// its transpose (weights) or for the transposed weights (input).
    pub(crate) fn grad_scratch_len(&self) -> usize {
        self.cols_len() + self.cols_len().max(self.f * self.patch_len())
    }
}

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
        let mut cols = self.pool.take_dirty(conv.cols_len());
        let out = self.push(shape, Op::Conv2d(x, w, conv), &[x, w], |out, nodes| {
            let (xs, ws) = (nodes[x.0].value.data(), nodes[w.0].value.data());
            let images = xs.chunks_exact(conv.image_len());
            for (image, out) in images.zip(out.chunks_exact_mut(conv.out_len())) {
                // out[f, positions] = w[f, patch] @ cols[patch, positions]
                im2col(image, conv.c, conv.win, &mut cols);
                let (patch, positions) = (conv.patch_len(), conv.win.positions());
                kernels::matmul(ws, &cols, out, conv.f, patch, positions);
            }
        });
        self.pool.give(cols);
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
    /// If `x` is not rank 4, `k` or `stride` is 0, or `k` exceeds `h` or `w`.
    pub fn max_pool2d(&mut self, x: Var, k: usize, stride: usize) -> Var {
        let from = self.shape(x);
        let win = pool_window("max_pool2d", from, k, stride);
        self.push(
            pooled_shape(from, win),
            Op::MaxPool2d(x, win),
            &[x],
            |out, nodes| {
                let images = nodes[x.0].value.data().chunks_exact(win.h * win.w);
                for (image, out) in images.zip(out.chunks_exact_mut(win.positions())) {
                    for (at, o) in out.iter_mut().enumerate() {
                        let (oy, ox) = (at / win.out_w(), at % win.out_w());
                        *o = image[window_argmax(image, win, oy, ox)];
                    }
                }
            },
        )
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
                    for (at, o) in out.iter_mut().enumerate() {
                        let (oy, ox) = (at / win.out_w(), at % win.out_w());
                        *o = window_sum(image, win, oy, ox) / area;
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
    /// convolution, as `broadcast_to` of `b` reshaped to `[1, f, 1, 1]`.
    ///
    /// # Panics
    /// If `x` is not rank 4 or `b` is not `[f]` for `x`'s `f` channels.
    pub fn add_channel_bias(&mut self, x: Var, b: Var) -> Var {
        let (sx, sb) = (self.shape(x), self.shape(b));
        assert!(
            sx.rank() == 4 && sb.rank() == 1 && sb.dim(0) == sx.dim(1),
            "Tape::add_channel_bias: bias {sb:?} is not one per channel of {sx:?}"
        );
        let column = self.reshape(b, [1, sx.dim(1), 1, 1]);
        let wide = self.broadcast_to(column, sx);
        self.add(x, wide)
    }
}

/// `dw[f, patch] += sum over images of g_n[f, positions] @ cols(x_n)^T`.
/// `scratch` holds [`Conv::grad_scratch_len`] elements.
pub(crate) fn conv2d_weight_grad(
    x: &[f32],
    g: &[f32],
    conv: Conv,
    dw: &mut [f32],
    scratch: &mut [f32],
) {
    let (cols, transposed) = scratch.split_at_mut(conv.cols_len());
    let dims = (conv.f, conv.patch_len(), conv.win.positions());
    let images = x.chunks_exact(conv.image_len());
    for (image, g) in images.zip(g.chunks_exact(conv.out_len())) {
        im2col(image, conv.c, conv.win, cols);
        kernels::matmul_acc_rhs_transposed(g, cols, dw, dims, transposed);
    }
}

/// `dx_n += col2im(w^T @ g_n)` for every image `n`: each window position sends
/// its output gradient back through the filters to the pixels it read.
/// `scratch` holds [`Conv::grad_scratch_len`] elements.
pub(crate) fn conv2d_input_grad(
    w: &[f32],
    g: &[f32],
    conv: Conv,
    dx: &mut [f32],
    scratch: &mut [f32],
) {
    let (patch, positions) = (conv.patch_len(), conv.win.positions());
    let (cols, rest) = scratch.split_at_mut(conv.cols_len());
    let wt = &mut rest[..conv.f * patch];
    kernels::transpose(w, wt, conv.f, patch);
    let images = dx.chunks_exact_mut(conv.image_len());
    for (image, g) in images.zip(g.chunks_exact(conv.out_len())) {
        kernels::matmul(wt, g, cols, patch, conv.f, positions);
        col2im_acc(cols, conv.c, conv.win, image);
    }
}

/// `dx += g` at the first largest pixel of each window.
pub(crate) fn max_pool2d_grad(x: &[f32], g: &[f32], win: Window, dx: &mut [f32]) {
    let image_len = win.h * win.w;
    let images = x
        .chunks_exact(image_len)
        .zip(dx.chunks_exact_mut(image_len));
    for ((image, d), g) in images.zip(g.chunks_exact(win.positions())) {
        for (at, &g) in g.iter().enumerate() {
            let (oy, ox) = (at / win.out_w(), at % win.out_w());
            d[window_argmax(image, win, oy, ox)] += g;
        }
    }
}

/// `dx += g / k^2` at every pixel of each window.
pub(crate) fn avg_pool2d_grad(g: &[f32], win: Window, dx: &mut [f32]) {
    let area = (win.k * win.k) as f32;
    let images = dx.chunks_exact_mut(win.h * win.w);
    for (d, g) in images.zip(g.chunks_exact(win.positions())) {
        for (at, &g) in g.iter().enumerate() {
            let (oy, ox) = (at / win.out_w(), at % win.out_w());
            window_add(d, win, oy, ox, g / area);
        }
    }
}
