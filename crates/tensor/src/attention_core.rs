//! Multi-head scaled dot-product attention as one tape op: per head
//! `softmax(q k^T / sqrt(d_head)) v`, each head read from and written to its
//! columns of the `[batch, T, d]` rows, so no head is reshaped or swapped into
//! a copy. Owns its forward and the kernels its gradient rule (in `backward`) calls.
//!
//! It performs the float operations of the composition it replaces (heads
//! split by reshape and `swap_axes`, `batch_matmul`, `scale`, `softmax` or
//! `causal_softmax`, `batch_matmul`, heads merged) with the same kernels in
//! the same order, so its values and gradients are that composition's bit for
//! bit (`tests/attention_core.rs` runs both).

use libm::{expf, logf, sqrtf};

use crate::tape::{Node, Op};
use crate::{Shape, Tape, Tensor, Var, kernels};

/// What the gradient rule of [`Tape::multi_head_attention`] reads.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Heads {
    /// The queries, `[batch, T, d]`; the keys and values are the same shape.
    pub(crate) q: Var,
    pub(crate) k: Var,
    pub(crate) v: Var,
    /// The constant node of the probabilities, `[batch * heads, T, T]`.
    pub(crate) probs: Var,
    /// The constant node of `e^(a - max)` for each row of scores `a`, as `probs`.
    pub(crate) exps: Var,
    /// The number of heads.
    pub(crate) heads: usize,
}

impl Tape {
    /// Multi-head self-attention's core: for each sequence `b` and head `h`
    /// (the columns `h * d_head..(h + 1) * d_head`, `d_head = d / heads`),
    /// `softmax(q_h k_h^T / sqrt(d_head)) v_h`, the heads side by side in the
    /// output. With `causal`, position `i` attends only to positions `j <= i`
    /// (as [`Tape::causal_softmax`]). Returns the output and the probabilities.
    ///
    /// One op with one gradient rule in place of about twenty: the arithmetic
    /// of splitting the heads with [`Tape::reshape`] and [`Tape::swap_axes`],
    /// then [`Tape::batch_matmul`], [`Tape::scale`], [`Tape::softmax`] (or
    /// [`Tape::causal_softmax`]), [`Tape::batch_matmul`] and merging the heads,
    /// in the same order, so the same bits, without their copies.
    ///
    /// The probabilities are recorded as a constant, for reading (views): a
    /// loss that uses them gets no gradient through them.
    ///
    /// # Shapes
    /// `q`, `k`, `v`: `[batch, T, d]` give the output `[batch, T, d]` and the
    /// probabilities `[batch * heads, T, T]` (matrix `b * heads + h`).
    ///
    /// # Panics
    /// If the shapes differ or are not rank 3, or `heads` is 0 or does not divide `d`.
    pub fn multi_head_attention(
        &mut self,
        q: Var,
        k: Var,
        v: Var,
        heads: usize,
        causal: bool,
    ) -> (Var, Var) {
        let shape = self.shape(q);
        let (sk, sv) = (self.shape(k), self.shape(v));
        assert!(
            shape.rank() == 3
                && sk == shape
                && sv == shape
                && heads > 0
                && shape.dim(2) % heads == 0,
            "Tape::multi_head_attention: q {shape:?}, k {sk:?}, v {sv:?} with {heads} heads"
        );
        let layout = Layout::new(shape, heads);
        let squares = Shape::new(&[shape.dim(0) * heads, layout.t, layout.t]);
        let mut probs = self.pool.take_dirty(squares.len());
        let mut exps = self.pool.take_dirty(squares.len());
        let mut out = self.pool.take_dirty(shape.len());
        let mut scratch = self.pool.take_dirty(layout.scratch_len());
        let value = |var: Var| self.nodes[var.0].value.data();
        let inputs = [value(q), value(k), value(v)];
        let outputs = [&mut probs[..], &mut exps[..], &mut out[..]];
        forward(layout, causal, inputs, outputs, &mut scratch);
        self.pool.give(scratch);
        let needs_grad = [q, k, v].iter().any(|x| self.nodes[x.0].needs_grad);
        let probs = self.push_node(Tensor::new(squares, probs), Op::Leaf, false);
        let exps = self.push_node(Tensor::new(squares, exps), Op::Leaf, false);
        let op = Op::MultiHeadAttention(Heads {
            q,
            k,
            v,
            probs,
            exps,
            heads,
        });
        (
            self.push_node(Tensor::new(shape, out), op, needs_grad),
            probs,
        )
    }
}

/// For each head `m`: the scores `q_m k_m^T`, turned into probabilities row
/// by row ([`softmax_row`], leaving `e^(a - max)` in `exps`), and `p_m v_m`
/// written to head `m`'s columns of `out`.
fn forward(
    layout: Layout,
    causal: bool,
    [q, k, v]: [&[f32]; 3],
    [probs, exps, out]: [&mut [f32]; 3],
    scratch: &mut [f32],
) {
    let matrices = probs.chunks_exact_mut(layout.square());
    for (m, (p, e)) in matrices
        .zip(exps.chunks_exact_mut(layout.square()))
        .enumerate()
    {
        layout.scores(q, k, m, p, scratch);
        let rows = p
            .chunks_exact_mut(layout.row())
            .zip(e.chunks_exact_mut(layout.row()));
        for (i, (p, e)) in rows.enumerate() {
            softmax_row(p, e, layout.scale, causal.then_some(i));
        }
        let mixed = layout.product(p, false, v, m, scratch);
        layout.merge_head(mixed, m, out, |out, value| *out = value);
    }
}

/// One row of scores `s` turned into probabilities as [`Tape::scale`] and
/// [`Tape::softmax`] compute them (`log_softmax`, then `exp`): `a = scale s`,
/// plus `-inf` past position `i` when `causal` is `Some(i)` (and `+ 0`
/// elsewhere, as [`Tape::causal_softmax`]'s mask adds), `m` the first largest
/// `a`, `e = e^(a - m)`, and `p = e^((a - m) - ln Σe)` with `Σe` summed in
/// order from 0. Leaves `p` in `row` and `e` in `exps`.
fn softmax_row(row: &mut [f32], exps: &mut [f32], scale: f32, causal: Option<usize>) {
    for (j, a) in row.iter_mut().enumerate() {
        *a *= scale;
        if let Some(i) = causal {
            *a += if j > i { f32::NEG_INFINITY } else { 0.0 };
        }
    }
    let max = row[1..]
        .iter()
        .fold(row[0], |max, &a| if a > max { a } else { max });
    for (a, e) in row.iter_mut().zip(exps.iter_mut()) {
        *a -= max;
        *e = expf(*a);
    }
    let log_total = logf(exps.iter().fold(0.0, |total, &e| total + e));
    for a in row {
        *a = expf(*a - log_total);
    }
}

/// The gradient of the scores `a` of one row from that of its probabilities
/// `dp` (given in `row`), through the rules of the ops [`softmax_row`]
/// mirrors, in the order backward applies them: `d lp = dp p` (exp),
/// `d ln Σe = -Σ d lp` (the broadcast subtraction), `d Σe = d ln Σe (1 / Σe)`
/// (log), `d a = d lp + d Σe e` (sum and exp; the max is detached), and times
/// `scale`. A masked entry has `p = e = 0`, so its gradient is 0.
fn softmax_grad_row(row: &mut [f32], p: &[f32], exps: &[f32], scale: f32) {
    for (x, &p) in row.iter_mut().zip(p) {
        *x *= p;
    }
    let total = exps.iter().fold(0.0, |total, &e| total + e);
    let d_log_total = row.iter().fold(0.0, |sum, &x| sum - x);
    let d_total = d_log_total * (1.0 / total);
    for (x, &e) in row.iter_mut().zip(exps) {
        *x = (*x + d_total * e) * scale;
    }
}

/// `d_m += l_m @ x_m` for each head `m`, with `l` one `[T, T]` matrix per
/// head, transposed first when `transpose`: the gradients `dv = p^T g`,
/// `dk = da^T q` and `dq = da k`, with `da` from [`score_grads`].
pub(crate) fn head_product_acc(
    layout: Layout,
    (l, transpose): (&[f32], bool),
    x: &[f32],
    d: &mut [f32],
    scratch: &mut [f32],
) {
    for (m, l) in l.chunks_exact(layout.square()).enumerate() {
        let product = layout.product(l, transpose, x, m, scratch);
        layout.merge_head(product, m, d, |d, value| *d += value);
    }
}

/// The gradient with respect to each head's scaled scores, `[batch * heads,
/// T, T]`: `dp = g v^T`, then softmax's rule and the scale ([`softmax_grad_row`]).
pub(crate) fn score_grads(
    layout: Layout,
    [g, v, probs, exps]: [&[f32]; 4],
    da: &mut [f32],
    scratch: &mut [f32],
) {
    let matrices = da
        .chunks_exact_mut(layout.square())
        .zip(probs.chunks_exact(layout.square()));
    for (m, ((da, p), e)) in matrices.zip(exps.chunks_exact(layout.square())).enumerate() {
        layout.scores(g, v, m, da, scratch);
        let rows = da
            .chunks_exact_mut(layout.row())
            .zip(p.chunks_exact(layout.row()));
        for ((da, p), e) in rows.zip(e.chunks_exact(layout.row())) {
            softmax_grad_row(da, p, e, layout.scale);
        }
    }
}

/// How `[batch, T, d]` rows split into heads: head `m = b * heads + h` is
/// columns `h * d_head..` of rows `b * T..(b + 1) * T`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Layout {
    heads: usize,
    t: usize,
    d: usize,
    d_head: usize,
    /// `1 / sqrt(d_head)`, the scores' scale.
    scale: f32,
}

impl Layout {
    fn new(shape: Shape, heads: usize) -> Self {
        let (t, d) = (shape.dim(1), shape.dim(2));
        let d_head = d / heads;
        Self {
            heads,
            t,
            d,
            d_head,
            scale: 1.0 / sqrtf(d_head as f32),
        }
    }

    /// The layout of a recorded [`Tape::multi_head_attention`].
    pub(crate) fn of(op: &Heads, nodes: &[Node]) -> Self {
        Self::new(nodes[op.q.0].value.shape(), op.heads)
    }

    /// The scratch one head's products need: two `[T, d_head]` and one `[T, T]`.
    pub(crate) fn scratch_len(&self) -> usize {
        2 * self.t * self.d_head + self.t * self.t
    }

    /// The length of one head's `[T, T]` matrix (at least 1, to chunk by).
    fn square(&self) -> usize {
        (self.t * self.t).max(1)
    }

    /// The length of a row of scores (at least 1, to chunk by).
    fn row(&self) -> usize {
        self.t.max(1)
    }

    /// Where each of head `m`'s `T` rows starts in the `[batch * T, d]` rows.
    fn starts(&self, m: usize) -> impl Iterator<Item = usize> {
        let (b, h, t, d, d_head) = (m / self.heads, m % self.heads, self.t, self.d, self.d_head);
        (0..t).map(move |i| (b * t + i) * d + h * d_head)
    }

    /// `out = x_m @ y_m^T` for head `m` of rows `x` and `y`, `[T, T]`: the
    /// scores from queries and keys, or `dp` from `g` and values. The operands
    /// are gathered as `batch_matmul` got them, so the same kernel call.
    fn scores(&self, x: &[f32], y: &[f32], m: usize, out: &mut [f32], scratch: &mut [f32]) {
        let (t, d_head) = (self.t, self.d_head);
        let (x_m, rest) = scratch.split_at_mut(t * d_head);
        let y_t = &mut rest[..t * d_head];
        for (i, start) in self.starts(m).enumerate() {
            let row = &x[start..][..d_head];
            x_m[i * d_head..][..d_head].copy_from_slice(row);
            for (c, &value) in y[start..][..d_head].iter().enumerate() {
                y_t[c * t + i] = value;
            }
        }
        kernels::matmul(x_m, y_t, out, t, d_head, t);
    }

    /// `l @ x_m`, `[T, d_head]`, for head `m` of rows `x` and a `[T, T]`
    /// matrix `l` (transposed first when `transpose`), in `scratch`: the output
    /// from probabilities and values, or a gradient.
    fn product<'s>(
        &self,
        l: &[f32],
        transpose: bool,
        x: &[f32],
        m: usize,
        scratch: &'s mut [f32],
    ) -> &'s [f32] {
        let (t, d_head) = (self.t, self.d_head);
        let (x_m, rest) = scratch.split_at_mut(t * d_head);
        let (l_t, rest) = rest.split_at_mut(t * t);
        let out = &mut rest[..t * d_head];
        for (i, start) in self.starts(m).enumerate() {
            x_m[i * d_head..][..d_head].copy_from_slice(&x[start..][..d_head]);
        }
        let l = if transpose {
            kernels::transpose(l, l_t, t, t);
            &*l_t
        } else {
            l
        };
        kernels::matmul(l, x_m, out, t, t, d_head);
        out
    }

    /// Merges the `[T, d_head]` `product` into head `m`'s columns of `rows`,
    /// element by element with `f`: writes a head's output, or adds its gradient.
    fn merge_head(&self, product: &[f32], m: usize, rows: &mut [f32], f: impl Fn(&mut f32, f32)) {
        for (start, row) in self.starts(m).zip(product.chunks_exact(self.d_head.max(1))) {
            for (out, &value) in rows[start..][..row.len()].iter_mut().zip(row) {
                f(out, value);
            }
        }
    }
}
