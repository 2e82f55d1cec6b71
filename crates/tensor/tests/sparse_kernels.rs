//! The matrix-product kernels' cheaper paths against the plain definition, bit
//! for bit: skipping the zeros of a mostly-zero left operand (ReLU's outputs and
//! the gradients through them), narrow outputs summed side by side, and narrow
//! weight gradients computed transposed. Each element must start from its old
//! value and add `a * b` in ascending inner order, as the reference below does;
//! operands with infinities, NaN or -0 must give what adding every term gives.

use tensor::Rng;
use tensor::kernels::{matmul_acc, matmul_acc_lhs_transposed, matmul_acc_rhs_transposed};

/// `out[m, n] += a[m, k] @ b[k, n]` by the definition: every term, ascending `t`.
fn reference(a: &[f32], b: &[f32], out: &mut [f32], (m, k, n): (usize, usize, usize)) {
    for i in 0..m {
        for j in 0..n {
            let mut acc = out[i * n + j];
            for t in 0..k {
                acc += a[i * k + t] * b[t * n + j];
            }
            out[i * n + j] = acc;
        }
    }
}

fn transposed(a: &[f32], rows: usize, cols: usize) -> Vec<f32> {
    (0..rows * cols)
        .map(|at| a[(at % rows) * cols + at / rows])
        .collect()
}

/// Values in (-1, 1), each zero with probability `zeros` (a quarter of those -0).
fn sparse(len: usize, zeros: f32, rng: &mut Rng) -> Vec<f32> {
    (0..len)
        .map(|_| {
            let value = rng.uniform() * 2.0 - 1.0;
            match rng.uniform() {
                u if u < zeros * 0.25 => -0.0,
                u if u < zeros => 0.0,
                _ => value,
            }
        })
        .collect()
}

fn assert_same_bits(label: &str, got: &[f32], want: &[f32]) {
    assert_eq!(got.len(), want.len(), "{label}");
    for (index, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            g.to_bits() == w.to_bits(),
            "{label}: element {index} is {g:e} ({:#010x}), the definition gives {w:e} ({:#010x})",
            g.to_bits(),
            w.to_bits()
        );
    }
}

/// W2's products (batch 300, 2-64-64-3) and odd widths around the vector blocks,
/// with no zeros, a few, ReLU's share and mostly zeros.
const SHAPES: [(usize, usize, usize); 8] = [
    (300, 64, 64),
    (300, 64, 3),
    (64, 300, 64),
    (300, 2, 64),
    (97, 70, 45),
    (41, 131, 17),
    (300, 64, 1),
    (257, 100, 7),
];
const ZEROS: [f32; 4] = [0.0, 0.1, 0.45, 0.8];

#[test]
fn products_equal_the_definition_bit_for_bit_whatever_the_zeros() {
    let mut rng = Rng::new(7);
    for dims @ (m, k, n) in SHAPES {
        for zeros in ZEROS {
            let label = format!("{m}x{k}x{n}, {zeros} zeros");
            let a = sparse(m * k, zeros, &mut rng);
            let b = sparse(k * n, 0.0, &mut rng);
            let start = sparse(m * n, 0.0, &mut rng);
            let (mut got, mut want) = (start.clone(), start);
            matmul_acc(&a, &b, &mut got, m, k, n);
            reference(&a, &b, &mut want, dims);
            assert_same_bits(&format!("a @ b, {label}"), &got, &want);
        }
    }
}

#[test]
fn gradient_products_equal_the_definition_bit_for_bit() {
    let mut rng = Rng::new(11);
    for dims @ (m, k, n) in SHAPES {
        for zeros in ZEROS {
            let label = format!("{m}x{k}x{n}, {zeros} zeros");
            // d(a@b)/db = a^T @ g: `a` holds ReLU's zeros, and a narrow `g` is
            // computed transposed.
            let a = sparse(m * k, zeros, &mut rng);
            let g = sparse(m * n, zeros / 2.0, &mut rng);
            let mut scratch = vec![f32::NAN; k * m.max(n) + (m + k) * n];
            let (mut got, mut want) = (vec![0.0; k * n], vec![0.0; k * n]);
            matmul_acc_lhs_transposed(&a, &g, &mut got, dims, &mut scratch);
            reference(&transposed(&a, m, k), &g, &mut want, (k, m, n));
            assert_same_bits(&format!("a^T @ g, {label}"), &got, &want);
            // d(a@b)/da = g @ b^T: `g` holds the zeros.
            let b = sparse(k * n, 0.0, &mut rng);
            let (mut got, mut want) = (vec![0.0; m * k], vec![0.0; m * k]);
            matmul_acc_rhs_transposed(&g, &b, &mut got, dims, &mut scratch);
            reference(&g, &transposed(&b, k, n), &mut want, (m, n, k));
            assert_same_bits(&format!("g @ b^T, {label}"), &got, &want);
        }
    }
}

#[test]
fn infinities_nan_and_negative_zero_give_what_every_term_gives() {
    let dims @ (m, k, n) = (300, 64, 64);
    let mut rng = Rng::new(3);
    let mut a = sparse(m * k, 0.6, &mut rng);
    // Row 4 all zeros: a ReLU output that is off for one example.
    a[4 * k..5 * k].fill(0.0);
    let b = sparse(k * n, 0.0, &mut rng);
    let start = vec![0.0; m * n];
    // An infinity in `b` times a zero of `a` is NaN: skipping it would lose that.
    let zero_at = a.iter().position(|&v| v == 0.0).unwrap_or(0);
    let (row, t) = (zero_at / k, zero_at % k);
    let mut infinite = b.clone();
    infinite[t * n + 5] = f32::INFINITY;
    // A -0 start stays -0 only if every term added is -0: row 4's terms are all
    // ±0, and skipping them would leave -0 where adding them gives +0.
    let mut negative = start.clone();
    negative[4 * n + 7] = -0.0;
    let mut nan = b.clone();
    nan[t * n] = f32::NAN;
    for (label, b, start) in [
        ("an infinity in b", &infinite, &start),
        ("a NaN in b", &nan, &start),
        ("-0 in out", &b, &negative),
    ] {
        let (mut got, mut want) = (start.clone(), start.clone());
        matmul_acc(&a, b, &mut got, m, k, n);
        reference(&a, b, &mut want, dims);
        assert_same_bits(label, &got, &want);
    }
    let mut got = start.clone();
    matmul_acc(&a, &infinite, &mut got, m, k, n);
    assert!(got[row * n + 5].is_nan(), "0 * inf must reach the sum");
    let mut got = negative.clone();
    matmul_acc(&a, &b, &mut got, m, k, n);
    assert!(
        got[4 * n + 7].to_bits() == 0,
        "-0 plus +0 terms is +0, not {:e}",
        got[4 * n + 7]
    );
}
