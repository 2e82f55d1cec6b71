//! Reverse-mode differentiation: one reverse loop over the tape and every
//! gradient rule in one `match`. Owns `Grads`; parameters never hold gradients.

use alloc::vec::Vec;

use crate::attention_core::{self, Layout};
use crate::batched;
use crate::conv_grad;
use crate::embedding;
use crate::image;
use crate::kernels;
use crate::norm;
use crate::pool::Pool;
use crate::row_dot;
use crate::tape::{Node, Op};
use crate::{RowGrad, Tape, Tensor, Var};

/// The gradients of one backward pass, indexed by the [`Var`]s of its tape.
///
/// Reuse one store across steps with [`Tape::backward_into`] to avoid allocating.
#[derive(Default, Debug)]
pub struct Grads {
    slots: Vec<Option<Tensor>>,
    pool: Pool,
    /// Per var: the per-row table gradient of a [`Tape::embedding_sparse`].
    row_slots: Vec<Option<RowGrad>>,
    /// Row gradients of earlier passes, for reuse.
    spare_rows: Vec<RowGrad>,
    /// Scratch for sorting a batch's positions by id.
    order: Vec<u64>,
}

impl Grads {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The gradient of the loss with respect to `var`, or `None` when the loss
    /// does not depend on it.
    pub fn get(&self, var: Var) -> Option<&Tensor> {
        self.slots.get(var.0).and_then(Option::as_ref)
    }

    /// The gradient of `var`, writable (to clip it, say), or `None` when the
    /// loss does not depend on it.
    pub fn get_mut(&mut self, var: Var) -> Option<&mut Tensor> {
        self.slots.get_mut(var.0).and_then(Option::as_mut)
    }

    /// The gradient of the table that [`Tape::embedding_sparse`] read into
    /// `var`, as only the rows it looked up, or `None` when `var` is no such
    /// lookup or the loss does not depend on it.
    pub fn rows(&self, var: Var) -> Option<&RowGrad> {
        self.row_slots.get(var.0).and_then(Option::as_ref)
    }

    fn reset(&mut self, len: usize) {
        for tensor in self.slots.drain(..).flatten() {
            self.pool.give(tensor.into_data());
        }
        self.slots.resize_with(len, || None);
        self.spare_rows.extend(self.row_slots.drain(..).flatten());
        self.row_slots.resize_with(len, || None);
    }

    /// Sums the gradient `g` of a sparse lookup's rows per id into its row slot.
    fn sum_rows(&mut self, nodes: &[Node], var: Var, ids: &[f32], g: &[f32]) {
        let dim = nodes[var.0].value.shape().dim(1);
        let mut rows = self.spare_rows.pop().unwrap_or_default();
        rows.sum_by_id(ids, g, dim, &mut self.order);
        self.row_slots[var.0] = Some(rows);
    }

    /// Adds `g` itself into the gradient of `var` (`d += g`): the rule of a
    /// sum's operands and a reshape. A new gradient is written in one pass as
    /// `0 + g`, the bits of zeros and then the add, without the zeros.
    fn add_grad(&mut self, nodes: &[Node], var: Var, g: &[f32]) {
        let node = &nodes[var.0];
        if !node.needs_grad {
            return;
        }
        if let Some(grad) = self.slots[var.0].as_mut() {
            axpy(grad.data_mut(), g, 1.0);
            return;
        }
        let mut data = self.pool.take_dirty(node.value.len());
        for (d, &g) in data.iter_mut().zip(g) {
            *d = 0.0 + g;
        }
        self.slots[var.0] = Some(Tensor::new(node.value.shape(), data));
    }

    /// Adds into the gradient of `var`, creating it as zeros first.
    fn add_into(&mut self, nodes: &[Node], var: Var, write: impl FnOnce(&mut [f32])) {
        let node = &nodes[var.0];
        if !node.needs_grad {
            return;
        }
        if self.slots[var.0].is_none() {
            let data = self.pool.take(node.value.len());
            self.slots[var.0] = Some(Tensor::new(node.value.shape(), data));
        }
        if let Some(grad) = self.slots[var.0].as_mut() {
            write(grad.data_mut());
        }
    }
}

impl Tape {
    /// The gradients of the one-element `loss` with respect to every recorded value.
    ///
    /// # Panics
    /// If `loss` holds more than one element.
    pub fn backward(&self, loss: Var) -> Grads {
        let mut grads = Grads::new();
        self.backward_into(loss, &mut grads);
        grads
    }

    /// Like [`Tape::backward`], reusing the buffers of `grads`.
    ///
    /// # Panics
    /// If `loss` holds more than one element.
    pub fn backward_into(&self, loss: Var, grads: &mut Grads) {
        let shape = self.shape(loss);
        assert_eq!(
            shape.len(),
            1,
            "Tape::backward: loss has shape {shape:?}, not one element"
        );
        grads.reset(loss.0 + 1);
        grads.add_into(&self.nodes, loss, |g| g[0] = 1.0);
        for index in (0..=loss.0).rev() {
            if let Some(grad) = grads.slots[index].take() {
                propagate(&self.nodes, index, grad.data(), grads);
                grads.slots[index] = Some(grad);
            }
        }
    }
}

/// Applies the chain rule at node `index`, whose output gradient is `g`.
fn propagate(nodes: &[Node], index: usize, g: &[f32], grads: &mut Grads) {
    let node = &nodes[index];
    let out = node.value.data();
    let value = |v: Var| nodes[v.0].value.data();
    match node.op {
        Op::Leaf => {}
        // a lookup from a table outside the tape: d table[id, :] = sum of g[n, :] with ids[n] = id
        Op::SparseEmbedding(ids) => grads.sum_rows(nodes, Var(index), value(ids), g),
        // d(a+b) = da + db
        Op::Add(a, b) => {
            grads.add_grad(nodes, a, g);
            grads.add_grad(nodes, b, g);
        }
        // d(a-b) = da - db
        Op::Sub(a, b) => {
            grads.add_grad(nodes, a, g);
            grads.add_into(nodes, b, |d| axpy(d, g, -1.0));
        }
        // d(ab) = b da + a db
        Op::Mul(a, b) => {
            grads.add_into(nodes, a, |d| add_product(d, g, value(b)));
            grads.add_into(nodes, b, |d| add_product(d, g, value(a)));
        }
        // d(a/b) = da / b - (a/b) db / b
        Op::Div(a, b) => {
            let yb = value(b);
            grads.add_into(nodes, a, |d| {
                for ((d, &g), &y) in d.iter_mut().zip(g).zip(yb) {
                    *d += g / y;
                }
            });
            grads.add_into(nodes, b, |d| {
                for (((d, &g), &y), &q) in d.iter_mut().zip(g).zip(yb).zip(out) {
                    *d -= g * q / y;
                }
            });
        }
        // d f(a) = f'(a) da
        Op::Unary(a, f) => grads.add_into(nodes, a, |d| f.derivative_acc(g, value(a), out, d)),
        // d(a@b)/da = g @ b^T, d(a@b)/db = a^T @ g
        Op::MatMul(a, b) => {
            let (sa, sb) = (nodes[a.0].value.shape(), nodes[b.0].value.shape());
            let dims @ (m, k, n) = (sa.around(sa.rank() - 1).0, sb.dim(0), sb.dim(1));
            // a transposed operand, or a narrow gradient and its result transposed
            let mut scratch = grads.pool.take_dirty((k * m.max(n)).max((m + k) * n));
            grads.add_into(nodes, a, |d| {
                kernels::matmul_acc_rhs_transposed(g, value(b), d, dims, &mut scratch)
            });
            grads.add_into(nodes, b, |d| {
                kernels::matmul_acc_lhs_transposed(value(a), g, d, dims, &mut scratch)
            });
            grads.pool.give(scratch);
        }
        // d(a^T) = (da)^T
        Op::Transpose(a) => {
            let shape = node.value.shape();
            grads.add_into(nodes, a, |d| {
                kernels::transpose_acc(g, d, shape.dim(0), shape.dim(1))
            });
        }
        Op::Reshape(a) => grads.add_grad(nodes, a, g),
        // each input element was copied to several outputs: sum their gradients
        Op::BroadcastTo(a) => {
            let (from, to) = (nodes[a.0].value.shape(), node.value.shape());
            grads.add_into(nodes, a, |d| kernels::unbroadcast_acc(g, &from, &to, d));
        }
        // d sum_s a[o,s,i] / d a[o,s,i] = 1
        Op::SumAxis(a, axis) => {
            let (outer, size, inner) = nodes[a.0].value.shape().around(axis);
            grads.add_into(nodes, a, |d| {
                for o in 0..outer {
                    for s in 0..size {
                        let row = &mut d[(o * size + s) * inner..][..inner];
                        axpy(row, &g[o * inner..][..inner], 1.0);
                    }
                }
            });
        }
        Op::Sum(a) => grads.add_into(nodes, a, |d| d.iter_mut().for_each(|d| *d += g[0])),
        // only the first largest element moves the max
        Op::MaxAxis(a, axis) => {
            let x = value(a);
            let split @ (_, size, inner) = nodes[a.0].value.shape().around(axis);
            grads.add_into(nodes, a, |d| {
                for o in 0..split.0 {
                    for i in 0..inner {
                        let best = kernels::argmax_axis(x, split, o, i);
                        d[(o * size + best) * inner + i] += g[o * inner + i];
                    }
                }
            });
        }
        // y_n = w @ cols(x_n): dw = sum_n g_n @ cols(x_n)^T, dx_n = col2im(w^T @ g_n)
        Op::Conv2d(x, w, conv) => {
            let mut scratch = grads.pool.take_dirty(conv.grad_scratch_len());
            grads.add_into(nodes, w, |d| {
                conv_grad::conv2d_weight_grad(value(x), g, conv, d, &mut scratch)
            });
            grads.add_into(nodes, x, |d| {
                conv_grad::conv2d_input_grad(value(w), g, conv, d, &mut scratch)
            });
            grads.pool.give(scratch);
        }
        // d(x + b[c]) = dx + sum over images and pixels of channel c of db[c]
        Op::ChannelBias(x, b) => {
            let shape = node.value.shape();
            grads.add_grad(nodes, x, g);
            let positions = (shape.dim(2) * shape.dim(3)).max(1);
            grads.add_into(nodes, b, |d| image::channel_bias_grad(g, positions, d));
        }
        // only the first largest pixel of a window moves its max
        Op::MaxPool2d(x, win, firsts) => {
            grads.add_into(nodes, x, |d| {
                image::max_pool2d_grad(value(firsts), g, win, d)
            });
        }
        // d mean(window) / d pixel = 1 / k^2 for every pixel of the window
        Op::AvgPool2d(x, win) => grads.add_into(nodes, x, |d| image::avg_pool2d_grad(g, win, d)),
        // each output row is a copy of its id's row: add its gradient there
        Op::Embedding(table, ids) => {
            grads.add_into(nodes, table, |d| embedding::scatter_rows(value(ids), g, d))
        }
        // d(a_i . b_i)/da_i = b_i, d(a_i . b_i)/db_i = a_i
        Op::RowDot(a, b) => {
            grads.add_into(nodes, a, |d| row_dot::scale_rows_acc(g, value(b), d));
            grads.add_into(nodes, b, |d| row_dot::scale_rows_acc(g, value(a), d));
        }
        // per matrix i: d(a@b)/da = g @ b^T, d(a@b)/db = a^T @ g
        Op::BatchMatMul(a, b) => {
            let (sa, sb) = (nodes[a.0].value.shape(), nodes[b.0].value.shape());
            let dims @ (_, m, k, n) = (sa.dim(0), sa.dim(1), sa.dim(2), sb.dim(2));
            let mut scratch = grads.pool.take_dirty((k * m.max(n)).max((m + k) * n));
            grads.add_into(nodes, a, |d| {
                batched::lhs_grad_acc(g, value(b), dims, d, &mut scratch)
            });
            grads.add_into(nodes, b, |d| {
                batched::rhs_grad_acc(value(a), g, dims, d, &mut scratch)
            });
            grads.pool.give(scratch);
        }
        // a swap is a permutation: send each gradient element back where it came from
        Op::SwapAxes(a, axis0, axis1) => {
            let from = nodes[a.0].value.shape();
            grads.add_into(nodes, a, |d| {
                batched::for_each_swapped(from, axis0, axis1, |src, dst| d[src] += g[dst])
            });
        }
        // x̂ = (x - mean) r, r = 1/sqrt(var + eps), h = g gain:
        // dx = r (h - mean(h) - x̂ mean(h x̂)), dgain = sum g x̂, dbias = sum g
        Op::LayerNorm(x, gain, bias, moments) => {
            let moments = value(moments);
            grads.add_into(nodes, x, |d| {
                norm::input_grad_acc(value(x), value(gain), g, moments, d)
            });
            grads.add_into(nodes, gain, |d| {
                norm::gain_grad_acc(value(x), g, moments, d)
            });
            grads.add_into(nodes, bias, |d| norm::bias_grad_acc(g, d));
        }
        // d(x + b[j]) = dx + sum over rows of db[j]
        Op::RowBias(x, b) => {
            grads.add_grad(nodes, x, g);
            grads.add_into(nodes, b, |d| norm::bias_grad_acc(g, d));
        }
        // per head, a = q k^T / sqrt(d_head), p = softmax(a), out = p v:
        // dv = p^T g; da from dp = g v^T by softmax's rule; dk = da^T q, dq = da k
        Op::MultiHeadAttention(op) => {
            let layout = Layout::of(&op, nodes);
            let (probs, exps) = (value(op.probs), value(op.exps));
            let mut scratch = grads.pool.take_dirty(layout.scratch_len());
            let product_acc = attention_core::head_product_acc;
            grads.add_into(nodes, op.v, |d| {
                product_acc(layout, (probs, true), g, d, &mut scratch)
            });
            let mut da = grads.pool.take_dirty(probs.len());
            let inputs = [g, value(op.v), probs, exps];
            attention_core::score_grads(layout, inputs, &mut da, &mut scratch);
            grads.add_into(nodes, op.k, |d| {
                product_acc(layout, (&da, true), value(op.q), d, &mut scratch)
            });
            grads.add_into(nodes, op.q, |d| {
                product_acc(layout, (&da, false), value(op.k), d, &mut scratch)
            });
            grads.pool.give(da);
            grads.pool.give(scratch);
        }
    }
}

/// `d += scale * g`.
fn axpy(d: &mut [f32], g: &[f32], scale: f32) {
    for (d, &g) in d.iter_mut().zip(g) {
        *d += scale * g;
    }
}

/// `d += g * x` element-wise.
fn add_product(d: &mut [f32], g: &[f32], x: &[f32]) {
    for ((d, &g), &x) in d.iter_mut().zip(g).zip(x) {
        *d += g * x;
    }
}
