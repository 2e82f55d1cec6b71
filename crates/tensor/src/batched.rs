//! What attention heads need beyond 2-D matrices: a batch of matrix products
//! and swapping two axes (to split `[B, T, heads * d]` into heads and back).
//! Owns their forwards and the kernels their gradient rules (in `backward`) call.

use crate::shape::MAX_RANK;
use crate::tape::Op;
use crate::{Shape, Tape, Var, kernels};

impl Tape {
    /// The matrix product of each pair in a batch: `out[i] = a[i] @ b[i]`.
    ///
    /// # Shapes
    /// `a: [batch, m, k]`, `b: [batch, k, n]` give `[batch, m, n]`.
    ///
    /// # Panics
    /// If either is not rank 3, the batches differ or the inner dimensions differ.
    pub fn batch_matmul(&mut self, a: Var, b: Var) -> Var {
        let (sa, sb) = (self.shape(a), self.shape(b));
        assert!(
            sa.rank() == 3 && sb.rank() == 3 && sa.dim(0) == sb.dim(0) && sa.dim(2) == sb.dim(1),
            "Tape::batch_matmul: cannot multiply {sa:?} by {sb:?}"
        );
        let (batch, m, k, n) = (sa.dim(0), sa.dim(1), sa.dim(2), sb.dim(2));
        let shape = Shape::new(&[batch, m, n]);
        self.push(shape, Op::BatchMatMul(a, b), &[a, b], |out, nodes| {
            let (x, y) = (nodes[a.0].value.data(), nodes[b.0].value.data());
            for i in 0..batch {
                let out = &mut out[i * m * n..][..m * n];
                kernels::matmul(&x[i * m * k..], &y[i * k * n..], out, m, k, n);
            }
        })
    }

    /// `a` with axes `axis0` and `axis1` swapped (NumPy's `swapaxes`), copied
    /// into row-major order. `[B, T, H, d]` swapped at 1 and 2 is `[B, H, T, d]`:
    /// each head's rows together. Its gradient is the same swap of `g`.
    ///
    /// # Panics
    /// If either axis is not below the rank.
    pub fn swap_axes(&mut self, a: Var, axis0: usize, axis1: usize) -> Var {
        let from = self.shape(a);
        assert!(
            axis0 < from.rank() && axis1 < from.rank(),
            "Tape::swap_axes: axes {axis0} and {axis1} of {from:?}"
        );
        let mut dims = [0; MAX_RANK];
        dims[..from.rank()].copy_from_slice(from.dims());
        dims.swap(axis0, axis1);
        let to = Shape::new(&dims[..from.rank()]);
        let op = Op::SwapAxes(a, axis0, axis1);
        self.push(to, op, &[a], |out, nodes| {
            let x = nodes[a.0].value.data();
            for_each_swapped(from, axis0, axis1, |src, dst| out[dst] = x[src]);
        })
    }
}

/// Calls `f(source, destination)` for every element of a tensor of shape
/// `from`: its row-major index there and in the tensor with `axis0` and
/// `axis1` swapped.
pub(crate) fn for_each_swapped(
    from: Shape,
    axis0: usize,
    axis1: usize,
    mut f: impl FnMut(usize, usize),
) {
    // both shapes padded to rank 4 on the left, so the loop nest is fixed
    let pad = MAX_RANK - from.rank();
    let mut dims = [1; MAX_RANK];
    dims[pad..].copy_from_slice(from.dims());
    // the swapped tensor's strides, read in the source's axis order
    let (s0, s1) = (axis0 + pad, axis1 + pad);
    let mut swapped_dims = dims;
    swapped_dims.swap(s0, s1);
    let mut swapped = [1; MAX_RANK];
    for axis in (0..MAX_RANK - 1).rev() {
        swapped[axis] = swapped[axis + 1] * swapped_dims[axis + 1];
    }
    swapped.swap(s0, s1);
    let mut source = 0;
    for i in 0..dims[0] {
        for j in 0..dims[1] {
            for k in 0..dims[2] {
                for l in 0..dims[3] {
                    let dst = i * swapped[0] + j * swapped[1] + k * swapped[2] + l * swapped[3];
                    f(source, dst);
                    source += 1;
                }
            }
        }
    }
}

/// `da[i] += g[i] @ b[i]^T` for every `i`: the gradient of
/// [`Tape::batch_matmul`] with respect to its left side. `scratch` holds at
/// least `k * n` values.
pub(crate) fn lhs_grad_acc(
    g: &[f32],
    b: &[f32],
    (batch, m, k, n): (usize, usize, usize, usize),
    d: &mut [f32],
    scratch: &mut [f32],
) {
    for i in 0..batch {
        let (g, b) = (&g[i * m * n..][..m * n], &b[i * k * n..][..k * n]);
        let d = &mut d[i * m * k..][..m * k];
        kernels::matmul_acc_rhs_transposed(g, b, d, (m, k, n), scratch);
    }
}

/// `db[i] += a[i]^T @ g[i]` for every `i`: the gradient of
/// [`Tape::batch_matmul`] with respect to its right side. `scratch` holds at
/// least `m * k` values.
pub(crate) fn rhs_grad_acc(
    a: &[f32],
    g: &[f32],
    (batch, m, k, n): (usize, usize, usize, usize),
    d: &mut [f32],
    scratch: &mut [f32],
) {
    for i in 0..batch {
        let (a, g) = (&a[i * m * k..][..m * k], &g[i * m * n..][..m * n]);
        let d = &mut d[i * k * n..][..k * n];
        kernels::matmul_acc_lhs_transposed(a, g, d, (m, k, n), scratch);
    }
}
