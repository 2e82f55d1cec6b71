//! The sparse path of the matrix products in `kernels` (and of the weight
//! gradient of a convolution in `conv_grad`): products whose left operand is
//! mostly zeros (ReLU's outputs and the gradients through them) skip those
//! zeros, keeping every other term in its order, so the bits are those of
//! adding every term (see `kernels::matmul_acc` for why, and when).

use crate::kernels::NARROW;

/// Whether a product over `a` (`m` rows of `k`) skips its zeros: big enough, wide
/// enough (a narrow row of `b` costs less than listing the zeros), with enough
/// zeros in `a`, and exact (the other operand `b` all finite, no -0 in `out`).
pub(crate) fn sparse_pays(
    a: &[f32],
    b: &[f32],
    out: &[f32],
    (m, k, n): (usize, usize, usize),
) -> bool {
    m * k * n >= SPARSE_MIN_WORK
        && n >= NARROW
        && zeros(&a[..m * k]) * SPARSE_MIN_ZEROS.1 >= m * k * SPARSE_MIN_ZEROS.0
        && all_finite(b)
        && !any_negative_zero(out)
}

/// Whether every value is finite, without an early exit so that the loop vectorizes.
pub(crate) fn all_finite(values: &[f32]) -> bool {
    values
        .iter()
        .fold(true, |finite, value| finite & value.is_finite())
}

/// Whether any value is -0, without an early exit so that the loop vectorizes.
pub(crate) fn any_negative_zero(values: &[f32]) -> bool {
    values.iter().fold(false, |found, value| {
        found | (value.to_bits() == NEGATIVE_ZERO)
    })
}

/// Lists the nonzero `values` (at most [`SPARSE_RUN`]; every value when
/// `keep_zeros`) into `at` (as `first + index * stride`) and `av`, in order,
/// without branches; returns how many. Every write lands at `count <= index <
/// SPARSE_RUN`, so taking the position modulo [`SPARSE_RUN`] changes nothing
/// but spares a bounds check per value.
pub(crate) fn nonzeros(
    values: &[f32],
    (first, stride): (usize, usize),
    at: &mut [usize; SPARSE_RUN],
    av: &mut [f32; SPARSE_RUN],
    keep_zeros: bool,
) -> usize {
    let mut count = 0;
    let mut start = first;
    for &value in &values[..values.len().min(SPARSE_RUN)] {
        at[count % SPARSE_RUN] = start;
        av[count % SPARSE_RUN] = value;
        count += usize::from(value != 0.0 || keep_zeros);
        start += stride;
    }
    count
}

/// The bits of -0.0.
const NEGATIVE_ZERO: u32 = 0x8000_0000;
/// Products smaller than this many multiply-adds are never worth scanning for zeros.
pub(crate) const SPARSE_MIN_WORK: usize = 16 * 1024;
/// The share of zeros in the left operand from which skipping them pays, as a
/// fraction: measured on W2 (44% of the first hidden layer's outputs are zero,
/// 64% of the second's gradients). Natively a quarter pays; in wasm, where V8's
/// code lists the nonzeros more slowly, only half does (below it W2 trained 10%
/// slower than with the dense loops). The bits are the same either way.
#[cfg(not(target_arch = "wasm32"))]
const SPARSE_MIN_ZEROS: (usize, usize) = (1, 4);
#[cfg(target_arch = "wasm32")]
const SPARSE_MIN_ZEROS: (usize, usize) = (1, 2);
/// Output columns the sparse kernel keeps in registers at once (eight 128-bit vectors).
const SPARSE_COLS: usize = 32;
/// Left-operand terms the sparse kernel scans for nonzeros at a time.
pub(crate) const SPARSE_RUN: usize = 128;

/// How many elements of `values` are zero (either sign), counted without branches
/// in 32-bit lanes (four to a vector; a `usize` count fills only two).
fn zeros(values: &[f32]) -> usize {
    values
        .chunks(1 << 20)
        .map(|chunk| chunk.iter().map(|&v| u32::from(v == 0.0)).sum::<u32>() as usize)
        .sum()
}

/// `out += a @ b` a row at a time, skipping the zeros of `a`: each run of up to
/// [`SPARSE_RUN`] terms of the row is gathered into a list of its nonzero
/// positions and values, which [`add_listed`] adds to the row. Every output
/// element still adds its (nonzero) terms in ascending `t`, starting from its
/// old value.
pub(crate) fn sparse_rows(a: &[f32], b: &[f32], out: &mut [f32], m: usize, k: usize, n: usize) {
    let b = &b[..k * n];
    let mut at = [0usize; SPARSE_RUN];
    let mut av = [0.0f32; SPARSE_RUN];
    for (a_row, out_row) in a.chunks_exact(k).zip(out.chunks_exact_mut(n)).take(m) {
        for (run, a_run) in a_row.chunks(SPARSE_RUN).enumerate() {
            let count = nonzeros(a_run, (run * SPARSE_RUN * n, n), &mut at, &mut av, false);
            add_listed((&at[..count], &av[..count]), b, out_row);
        }
    }
}

/// `out[j] += Σ value * b[start + j]` for every `j < out.len()`, over the listed
/// `(start, value)` terms in order (each needs `out.len()` elements of `b` from
/// its start): every block of [`SPARSE_COLS`] columns, then of half and a
/// quarter as many, with its sums in registers, then the columns left one term
/// at a time. Each column's sum is its own, so the blocking changes no bits.
pub(crate) fn add_listed(terms: (&[usize], &[f32]), b: &[f32], out: &mut [f32]) {
    let n = out.len();
    let mut col = 0;
    while col + SPARSE_COLS <= n {
        sparse_block::<SPARSE_COLS>(terms, b, &mut out[col..], col);
        col += SPARSE_COLS;
    }
    if col + SPARSE_COLS / 2 <= n {
        sparse_block::<{ SPARSE_COLS / 2 }>(terms, b, &mut out[col..], col);
        col += SPARSE_COLS / 2;
    }
    if col + SPARSE_COLS / 4 <= n {
        sparse_block::<{ SPARSE_COLS / 4 }>(terms, b, &mut out[col..], col);
        col += SPARSE_COLS / 4;
    }
    let rest = &mut out[col..];
    if rest.is_empty() {
        return;
    }
    for (&start, &value) in terms.0.iter().zip(terms.1) {
        for (out, &bv) in rest.iter_mut().zip(&b[start + col..]) {
            *out += value * bv;
        }
    }
}

/// `out[..C] += Σ value * b[start + col..][..C]` over the listed `(start, value)`
/// terms in order, the `C` sums held in registers.
fn sparse_block<const C: usize>(
    (at, av): (&[usize], &[f32]),
    b: &[f32],
    out: &mut [f32],
    col: usize,
) {
    let b = &b[col..];
    // every listed row has `C` columns from `col`, so `start <= last`: the `min`
    // changes no index but lets the compiler drop the bounds checks per term
    let Some(last) = b.len().checked_sub(C) else {
        panic!("sparse_block: fewer than {C} columns of b from column {col}");
    };
    let mut acc = [0.0f32; C];
    acc.copy_from_slice(&out[..C]);
    for (&start, &value) in at.iter().zip(av) {
        let b_row = &b[start.min(last)..][..C];
        for (acc, &bv) in acc.iter_mut().zip(b_row) {
            *acc += value * bv;
        }
    }
    out[..C].copy_from_slice(&acc);
}
