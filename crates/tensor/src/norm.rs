//! Layer normalisation over the last axis with a learned gain and bias: one
//! tape op. Owns its forward and the kernels its gradient rule (in `backward`)
//! calls; the layer that holds the gain and bias lives in `nn::block`.

use crate::tape::Op;
use crate::{Shape, Tape, Var};

impl Tape {
    /// Layer normalisation of each row (the last axis) of `x`:
    /// `y = (x - mean) / sqrt(var + eps) * gain + bias`, with the row's mean
    /// and its biased variance (divided by `d`, as PyTorch's `nn.LayerNorm`).
    ///
    /// One op rather than a composition: built from the primitives it takes
    /// about a dozen nodes (two means, three broadcasts, a square, a square
    /// root, a divide, a multiply and an add), each holding a full `[.., d]`
    /// copy. The rule is short, with `x̂ = (x - mean) r` and `r = 1/sqrt(var + eps)`:
    /// `dbias = sum over rows of g`, `dgain = sum over rows of g x̂`, and with
    /// `h = g gain`: `dx = r (h - mean(h) - x̂ mean(h x̂))`. Each row's mean and
    /// `r` are recorded once, in a constant node of their own, for the rule to read.
    ///
    /// # Shapes
    /// `x: [.., d]`, `gain: [d]`, `bias: [d]` give `[.., d]`.
    ///
    /// # Panics
    /// If `x` is a scalar, or `gain` or `bias` is not `[d]`.
    pub fn layer_norm(&mut self, x: Var, gain: Var, bias: Var, eps: f32) -> Var {
        let shape = self.shape(x);
        let (sg, sb) = (self.shape(gain), self.shape(bias));
        assert!(
            shape.rank() > 0 && sg.dims() == [shape.dim(shape.rank() - 1)] && sb == sg,
            "Tape::layer_norm: x {shape:?} with gain {sg:?} and bias {sb:?}"
        );
        let d = sg.len().max(1);
        let rows = shape.len() / d;
        let moments = self.push(Shape::new(&[rows, 2]), Op::Leaf, &[], |out, nodes| {
            let x = nodes[x.0].value.data();
            for (row, out) in x.chunks_exact(d).zip(out.chunks_exact_mut(2)) {
                let (mean, r) = row_moments(row, eps);
                out.copy_from_slice(&[mean, r]);
            }
        });
        let op = Op::LayerNorm(x, gain, bias, moments);
        self.push(shape, op, &[x, gain, bias], |out, nodes| {
            let (gain, bias) = (nodes[gain.0].value.data(), nodes[bias.0].value.data());
            let rows = nodes[x.0].value.data().chunks_exact(d);
            let moments = nodes[moments.0].value.data().chunks_exact(2);
            for ((row, m), out) in rows.zip(moments).zip(out.chunks_exact_mut(d)) {
                let (mean, r) = (m[0], m[1]);
                for (((o, &x), &g), &b) in out.iter_mut().zip(row).zip(gain).zip(bias) {
                    *o = (x - mean) * r * g + b;
                }
            }
        })
    }
}

/// A row's mean and `1 / sqrt(var + eps)`, its variance divided by its length.
fn row_moments(row: &[f32], eps: f32) -> (f32, f32) {
    let n = row.len() as f32;
    let mean = row.iter().sum::<f32>() / n;
    let var = row.iter().map(|&x| (x - mean) * (x - mean)).sum::<f32>() / n;
    (mean, 1.0 / libm::sqrtf(var + eps))
}

/// `dx += r (h - mean(h) - x̂ mean(h x̂))` per row, with `h = g gain` and each
/// row's `(mean, r)` from `moments`: the gradient of [`Tape::layer_norm`] with
/// respect to its input.
pub(crate) fn input_grad_acc(x: &[f32], gain: &[f32], g: &[f32], moments: &[f32], d: &mut [f32]) {
    let width = gain.len().max(1);
    let rows = x.chunks_exact(width).zip(g.chunks_exact(width));
    for (((x, g), m), d) in rows
        .zip(moments.chunks_exact(2))
        .zip(d.chunks_exact_mut(width))
    {
        let (mean, r) = (m[0], m[1]);
        let (mut h_mean, mut hx_mean) = (0.0, 0.0);
        for ((&x, &g), &gain) in x.iter().zip(g).zip(gain) {
            h_mean += g * gain;
            hx_mean += g * gain * (x - mean) * r;
        }
        let n = width as f32;
        (h_mean, hx_mean) = (h_mean / n, hx_mean / n);
        for (((d, &x), &g), &gain) in d.iter_mut().zip(x).zip(g).zip(gain) {
            *d += r * (g * gain - h_mean - (x - mean) * r * hx_mean);
        }
    }
}

/// `dgain += sum over rows of g x̂`, each row's `(mean, r)` from `moments`:
/// the gradient of [`Tape::layer_norm`] with respect to its gain.
pub(crate) fn gain_grad_acc(x: &[f32], g: &[f32], moments: &[f32], d: &mut [f32]) {
    let width = d.len().max(1);
    let rows = x.chunks_exact(width).zip(g.chunks_exact(width));
    for ((x, g), m) in rows.zip(moments.chunks_exact(2)) {
        let (mean, r) = (m[0], m[1]);
        for ((d, &x), &g) in d.iter_mut().zip(x).zip(g) {
            *d += g * (x - mean) * r;
        }
    }
}

/// `dbias += sum over rows of g`, row by row: the gradient of
/// [`Tape::layer_norm`] and [`Tape::add_row_bias`] with respect to their bias.
pub(crate) fn bias_grad_acc(g: &[f32], d: &mut [f32]) {
    for g in g.chunks_exact(d.len().max(1)) {
        for (d, &g) in d.iter_mut().zip(g) {
            *d += g;
        }
    }
}
