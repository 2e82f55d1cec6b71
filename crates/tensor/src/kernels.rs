//! Raw loops over f32 slices: matrix products, transposes, broadcasting and
//! reductions. Owns the arithmetic and its loop order; knows nothing of tapes.
//!
//! Every kernel runs in a fixed order, so results are identical bit for bit on
//! every target. Matrix products use the i-k-j order: the innermost loop walks
//! contiguous rows of both operands, which compilers vectorize.

use crate::Shape;
use crate::shape::MAX_RANK;

/// `out[m, n] = a[m, k] @ b[k, n]`, overwriting `out`.
pub fn matmul(a: &[f32], b: &[f32], out: &mut [f32], m: usize, k: usize, n: usize) {
    out[..m * n].fill(0.0);
    matmul_acc(a, b, out, m, k, n);
}

/// `out[m, n] += a[m, k] @ b[k, n]`.
pub fn matmul_acc(a: &[f32], b: &[f32], out: &mut [f32], m: usize, k: usize, n: usize) {
    for (a_row, out_row) in a.chunks_exact(k).zip(out.chunks_exact_mut(n)).take(m) {
        for (&a_ip, b_row) in a_row.iter().zip(b.chunks_exact(n)) {
            for (o, &b_pj) in out_row.iter_mut().zip(b_row) {
                *o += a_ip * b_pj;
            }
        }
    }
}

/// `out[m, k] += g[m, n] @ b[k, n]^T`: the gradient of a product with respect to its left side.
pub fn matmul_acc_rhs_transposed(
    g: &[f32],
    b: &[f32],
    out: &mut [f32],
    m: usize,
    k: usize,
    n: usize,
) {
    for (g_row, out_row) in g.chunks_exact(n).zip(out.chunks_exact_mut(k)).take(m) {
        for (o, b_row) in out_row.iter_mut().zip(b.chunks_exact(n)) {
            *o += dot(g_row, b_row);
        }
    }
}

/// `out[k, n] += a[m, k]^T @ g[m, n]`: the gradient of a product with respect to its right side.
pub fn matmul_acc_lhs_transposed(
    a: &[f32],
    g: &[f32],
    out: &mut [f32],
    m: usize,
    k: usize,
    n: usize,
) {
    for (a_row, g_row) in a.chunks_exact(k).zip(g.chunks_exact(n)).take(m) {
        for (&a_ip, out_row) in a_row.iter().zip(out.chunks_exact_mut(n)) {
            for (o, &g_ij) in out_row.iter_mut().zip(g_row) {
                *o += a_ip * g_ij;
            }
        }
    }
}

/// The dot product of two equally long slices, summed left to right.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).fold(0.0, |acc, (x, y)| acc + x * y)
}

/// `out[c, r] += a[r, c]`: adds the transpose of a `rows x cols` matrix.
pub fn transpose_acc(a: &[f32], out: &mut [f32], rows: usize, cols: usize) {
    for r in 0..rows {
        for c in 0..cols {
            out[c * rows + r] += a[r * cols + c];
        }
    }
}

/// Strides of `from` laid over `to`'s dimensions, zero where `from` is broadcast.
fn broadcast_strides(from: &Shape, to: &Shape) -> [usize; MAX_RANK] {
    let aligned = from.aligned_to(to);
    let mut strides = [0; MAX_RANK];
    let mut step = 1;
    for axis in (0..to.rank()).rev() {
        strides[axis] = if aligned[axis] == 1 { 0 } else { step };
        step *= aligned[axis];
    }
    strides
}

/// Visits every element of `to` in row-major order with the index of the
/// element of `from` that broadcasts onto it.
fn for_each_broadcast(from: &Shape, to: &Shape, mut visit: impl FnMut(usize, usize)) {
    let strides = broadcast_strides(from, to);
    let mut dims = [1; MAX_RANK];
    dims[..to.rank()].copy_from_slice(to.dims());
    let mut flat = 0;
    for i0 in 0..dims[0] {
        for i1 in 0..dims[1] {
            for i2 in 0..dims[2] {
                for i3 in 0..dims[3] {
                    let src = i0 * strides[0] + i1 * strides[1] + i2 * strides[2] + i3 * strides[3];
                    visit(flat, src);
                    flat += 1;
                }
            }
        }
    }
}

/// Writes `a` (of shape `from`) broadcast to shape `to` into `out`.
pub fn broadcast(a: &[f32], from: &Shape, to: &Shape, out: &mut [f32]) {
    for_each_broadcast(from, to, |dst, src| out[dst] = a[src]);
}

/// Adds `g` (of shape `to`) into `out` (of shape `from`), summing over broadcast axes.
pub fn unbroadcast_acc(g: &[f32], from: &Shape, to: &Shape, out: &mut [f32]) {
    for_each_broadcast(from, to, |dst, src| out[src] += g[dst]);
}

/// Sums over one axis of a tensor split as `(outer, size, inner)`, writing `outer * inner` values.
pub fn sum_axis(a: &[f32], (outer, size, inner): (usize, usize, usize), out: &mut [f32]) {
    out[..outer * inner].fill(0.0);
    for o in 0..outer {
        for s in 0..size {
            let row = &a[(o * size + s) * inner..][..inner];
            for (acc, &v) in out[o * inner..][..inner].iter_mut().zip(row) {
                *acc += v;
            }
        }
    }
}

/// The index along the axis of the first largest element, for each `(outer, inner)` position.
pub fn argmax_axis(
    a: &[f32],
    (_, size, inner): (usize, usize, usize),
    o: usize,
    i: usize,
) -> usize {
    let mut best = 0;
    for s in 1..size {
        if a[(o * size + s) * inner + i] > a[(o * size + best) * inner + i] {
            best = s;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matmul_matches_hand_product() {
        // [1 2; 3 4] @ [5 6; 7 8] = [19 22; 43 50]
        let mut out = [0.0; 4];
        matmul(
            &[1.0, 2.0, 3.0, 4.0],
            &[5.0, 6.0, 7.0, 8.0],
            &mut out,
            2,
            2,
            2,
        );
        assert_eq!(out, [19.0, 22.0, 43.0, 50.0]);
    }

    #[test]
    fn transposed_products_match_explicit_transposes() {
        // g [1x2] = [1 2], b [3x2]: g @ b^T = [1*1+2*2, 1*3+2*4, 1*5+2*6] = [5 11 17]
        let b = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let mut out = [0.0; 3];
        matmul_acc_rhs_transposed(&[1.0, 2.0], &b, &mut out, 1, 3, 2);
        assert_eq!(out, [5.0, 11.0, 17.0]);
        // a [2x1] = [1; 2], g [2x3]: a^T @ g = [1*g0 + 2*g1]
        let mut out = [0.0; 3];
        matmul_acc_lhs_transposed(&[1.0, 2.0], &b, &mut out, 2, 1, 3);
        assert_eq!(out, [9.0, 12.0, 15.0]);
    }

    #[test]
    fn broadcast_and_unbroadcast_are_adjoint() {
        let from = Shape::new(&[3]);
        let to = Shape::new(&[2, 3]);
        let mut out = [0.0; 6];
        broadcast(&[1.0, 2.0, 3.0], &from, &to, &mut out);
        assert_eq!(out, [1.0, 2.0, 3.0, 1.0, 2.0, 3.0]);
        let mut back = [0.0; 3];
        unbroadcast_acc(&out, &from, &to, &mut back);
        assert_eq!(back, [2.0, 4.0, 6.0]);
    }
}
