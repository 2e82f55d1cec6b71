//! Raw loops over f32 slices: matrix products, transposes, broadcasting and
//! reductions. Owns the arithmetic and its loop order; knows nothing of tapes.
//!
//! Every kernel runs in a fixed order, so results are identical bit for bit on
//! every target. Matrix products use the i-k-j order: the innermost loop walks
//! contiguous rows of both operands, which compilers vectorize. Where the left
//! operand is mostly zeros (ReLU's outputs and the gradients through them),
//! products skip its zeros: the same terms in the same order less ones that add
//! zero, so the same bits (see [`matmul_acc`]).

use crate::Shape;
use crate::shape::MAX_RANK;
use crate::sparse::{SPARSE_MIN_WORK, sparse_pays, sparse_rows};

/// `out[m, n] = a[m, k] @ b[k, n]`, overwriting `out`.
pub fn matmul(a: &[f32], b: &[f32], out: &mut [f32], m: usize, k: usize, n: usize) {
    out[..m * n].fill(0.0);
    matmul_acc(a, b, out, m, k, n);
}

/// `out[m, n] += a[m, k] @ b[k, n]`.
///
/// When `a` holds enough zeros for it to pay, the terms `a[i, t] * b[t, j]` with
/// `a[i, t] == 0` are skipped. That leaves the bits as they are: such a term is
/// ±0 when `b[t, j]` is finite, and adding ±0 changes no sum except -0 (which a
/// sum that starts from +0 never reaches). So the skipping runs only when every
/// element of `b` is finite and no element of `out` is -0; otherwise every term
/// is added, as the dense loops do.
pub fn matmul_acc(a: &[f32], b: &[f32], out: &mut [f32], m: usize, k: usize, n: usize) {
    if sparse_pays(a, &b[..k * n], &out[..m * n], (m, k, n)) {
        sparse_rows(a, b, out, m, k, n);
        return;
    }
    dense(a, b, out, m, k, n);
}

/// `out[m, n] += a[m, k] @ b[k, n]`, every term added.
fn dense(a: &[f32], b: &[f32], out: &mut [f32], m: usize, k: usize, n: usize) {
    let mut row = 0;
    while row + BLOCK_ROWS <= m {
        block::<BLOCK_ROWS>(a, b, out, row, k, n);
        row += BLOCK_ROWS;
    }
    while row < m {
        block::<1>(a, b, out, row, k, n);
        row += 1;
    }
}

/// `out[k, n] += a[m, k]^T @ g[m, n]`: the gradient of a product with respect to
/// its right side. `scratch` (at least `m * k` long) receives `a^T` so the product
/// runs on contiguous rows. A narrow `g` (a few output units) is transposed
/// instead, when `scratch` holds `(m + k) * n`: the same bits, cheaper.
pub fn matmul_acc_lhs_transposed(
    a: &[f32],
    g: &[f32],
    out: &mut [f32],
    (m, k, n): (usize, usize, usize),
    scratch: &mut [f32],
) {
    if n < NARROW && m * k * n >= SPARSE_MIN_WORK && scratch.len() >= (m + k) * n {
        narrow_lhs_transposed(a, g, out, (m, k, n), scratch);
        return;
    }
    let at = &mut scratch[..m * k];
    transpose(a, at, m, k);
    matmul_acc(at, g, out, k, m, n);
}

/// Output widths below this are narrow: too few columns to fill a vector.
pub(crate) const NARROW: usize = 8;

/// [`matmul_acc_lhs_transposed`] for a narrow `g`, as `out^T[n, k] += g^T @ a`:
/// element `(t, j)` still adds `a[i, t] * g[i, j]` (the product of the same two
/// numbers) in ascending `i`, but the product runs along the long rows of `a`.
fn narrow_lhs_transposed(
    a: &[f32],
    g: &[f32],
    out: &mut [f32],
    (m, k, n): (usize, usize, usize),
    scratch: &mut [f32],
) {
    let (gt, rest) = scratch.split_at_mut(m * n);
    let out_t = &mut rest[..k * n];
    transpose(g, gt, m, n);
    transpose(out, out_t, k, n);
    matmul_acc(gt, a, out_t, n, m, k);
    transpose(out_t, out, n, k);
}

/// `out[m, k] += g[m, n] @ b[k, n]^T`: the gradient of a product with respect to
/// its left side. `scratch` receives `b^T` so the product runs on contiguous rows.
pub fn matmul_acc_rhs_transposed(
    g: &[f32],
    b: &[f32],
    out: &mut [f32],
    (m, k, n): (usize, usize, usize),
    scratch: &mut [f32],
) {
    let bt = &mut scratch[..k * n];
    transpose(b, bt, k, n);
    matmul_acc(g, bt, out, m, n, k);
}

/// Output rows computed together by the micro-kernel.
const BLOCK_ROWS: usize = 4;
/// Output columns computed together by the micro-kernel (two 128-bit vectors).
const BLOCK_COLS: usize = 8;

/// `R` rows of `out[.., n] += lhs[.., inner] @ rhs[inner, n]` from `row`: full
/// column blocks in registers, then the remaining columns one by one. Every
/// output element starts from its old value and adds its `lhs * rhs` terms in
/// ascending `inner` order, whatever the blocking, so results do not depend on
/// it (or on the target's vector width).
///
/// `rhs` and `out` are cut to their exact extent first and walked a row at a
/// time, so the block loop indexes rows of known length and needs no bounds
/// check per step: V8 keeps such checks inside the loop, and with them the
/// wasm kernel ran about a third slower on 64-wide layers (natively, no change).
fn block<const R: usize>(
    lhs: &[f32],
    rhs: &[f32],
    out: &mut [f32],
    row: usize,
    inner: usize,
    n: usize,
) {
    let a: [&[f32]; R] = core::array::from_fn(|r| &lhs[(row + r) * inner..][..inner]);
    let rhs = &rhs[..inner * n];
    let out = &mut out[row * n..][..R * n];
    let mut col = 0;
    while col + BLOCK_COLS <= n {
        let mut acc = [[0.0f32; BLOCK_COLS]; R];
        for (acc_row, out_row) in acc.iter_mut().zip(out.chunks_exact(n)) {
            acc_row.copy_from_slice(&out_row[col..col + BLOCK_COLS]);
        }
        for (t, rhs_row) in rhs.chunks_exact(n).enumerate() {
            let b = &rhs_row[col..col + BLOCK_COLS];
            for (acc_row, a_row) in acc.iter_mut().zip(&a) {
                let av = a_row[t];
                for (acc, &bv) in acc_row.iter_mut().zip(b) {
                    *acc += av * bv;
                }
            }
        }
        for (acc_row, out_row) in acc.iter().zip(out.chunks_exact_mut(n)) {
            out_row[col..col + BLOCK_COLS].copy_from_slice(acc_row);
        }
        col += BLOCK_COLS;
    }
    // The columns left go 4, 2 and 1 at a time: each column's sums are its own,
    // so the split changes no bits, and three widths compile to less than half
    // the code of one per width (5.3 KB of the release .wasm).
    let left = n - col;
    if left & 4 != 0 {
        block_tail::<R, 4>(&a, rhs, out, col, n);
        col += 4;
    }
    if left & 2 != 0 {
        block_tail::<R, 2>(&a, rhs, out, col, n);
        col += 2;
    }
    if left & 1 != 0 {
        block_tail::<R, 1>(&a, rhs, out, col, n);
    }
}

/// `C` (4, 2 or 1) of the columns [`block`]'s full blocks leave, from `col`: all
/// `R * C` sums in registers, each adding its terms in ascending `inner` order as
/// the full blocks do, so that the sums run side by side rather than one after
/// another (a narrow output layer is all tail).
fn block_tail<const R: usize, const C: usize>(
    a: &[&[f32]; R],
    rhs: &[f32],
    out: &mut [f32],
    col: usize,
    n: usize,
) {
    let mut acc = [[0.0f32; C]; R];
    for (acc_row, out_row) in acc.iter_mut().zip(out.chunks_exact(n)) {
        acc_row.copy_from_slice(&out_row[col..col + C]);
    }
    for (t, rhs_row) in rhs.chunks_exact(n).enumerate() {
        let b = &rhs_row[col..col + C];
        for (acc_row, a_row) in acc.iter_mut().zip(a) {
            let av = a_row[t];
            for (acc, &bv) in acc_row.iter_mut().zip(b) {
                *acc += av * bv;
            }
        }
    }
    for (acc_row, out_row) in acc.iter().zip(out.chunks_exact_mut(n)) {
        out_row[col..col + C].copy_from_slice(acc_row);
    }
}

/// `out[c, r] = a[r, c]`: writes the transpose of a `rows x cols` matrix.
///
/// Rows go [`TRANSPOSE_ROWS`] at a time, so each output row receives a run of
/// that many neighbours rather than one element per cache line: a row at a
/// time, a `[256, 64]` matrix (whose output rows lie 1 KiB apart) took four
/// times as long natively.
pub fn transpose(a: &[f32], out: &mut [f32], rows: usize, cols: usize) {
    let mut r = 0;
    while r + TRANSPOSE_ROWS <= rows {
        let src: [&[f32]; TRANSPOSE_ROWS] = core::array::from_fn(|i| &a[(r + i) * cols..][..cols]);
        for (c, column) in out.chunks_exact_mut(rows).take(cols).enumerate() {
            for (o, row) in column[r..r + TRANSPOSE_ROWS].iter_mut().zip(&src) {
                *o = row[c];
            }
        }
        r += TRANSPOSE_ROWS;
    }
    for r in r..rows {
        for c in 0..cols {
            out[c * rows + r] = a[r * cols + c];
        }
    }
}

/// Input rows [`transpose`] moves together.
const TRANSPOSE_ROWS: usize = 4;

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

/// Whether broadcasting `from` to `to` only repeats `from` whole (a bias over
/// rows): its dimensions equal the trailing ones of `to`, leading ones are 1.
fn repeats_whole(from: &Shape, to: &Shape) -> bool {
    let aligned = from.aligned_to(to);
    let first = aligned[..to.rank()]
        .iter()
        .position(|&d| d != 1)
        .unwrap_or(to.rank());
    aligned[first..to.rank()] == to.dims()[first..]
}

/// Writes `a` (of shape `from`) broadcast to shape `to` into `out`.
pub fn broadcast(a: &[f32], from: &Shape, to: &Shape, out: &mut [f32]) {
    if repeats_whole(from, to) && !a.is_empty() {
        out.chunks_exact_mut(a.len())
            .for_each(|chunk| chunk.copy_from_slice(a));
    } else {
        for_each_broadcast(from, to, |dst, src| out[dst] = a[src]);
    }
}

/// Adds `g` (of shape `to`) into `out` (of shape `from`), summing over broadcast
/// axes in row-major order of `g`.
pub fn unbroadcast_acc(g: &[f32], from: &Shape, to: &Shape, out: &mut [f32]) {
    if repeats_whole(from, to) && !out.is_empty() {
        for chunk in g.chunks_exact(out.len()) {
            for (o, &v) in out.iter_mut().zip(chunk) {
                *o += v;
            }
        }
    } else {
        for_each_broadcast(from, to, |dst, src| out[src] += g[dst]);
    }
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
        matmul_acc_rhs_transposed(&[1.0, 2.0], &b, &mut out, (1, 3, 2), &mut [0.0; 6]);
        assert_eq!(out, [5.0, 11.0, 17.0]);
        // a [2x1] = [1; 2], g [2x3]: a^T @ g = [1*g0 + 2*g1]
        let mut out = [0.0; 3];
        matmul_acc_lhs_transposed(&[1.0, 2.0], &b, &mut out, (2, 1, 3), &mut [0.0; 2]);
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
