//! `Tape::matmul` with a stack of rows on the left (`[batch, T, k] @ [k, n]`):
//! the same bits as reshaping to `[batch * T, k]`, multiplying and reshaping
//! back, value and gradients; plus a central-difference check.

mod common;

use common::{assert_gradcheck, assert_same_bits, random_tensor, value_and_grads};
use tensor::{Tape, Tensor};

/// The value and the gradients of both sides ([`value_and_grads`]), with `a`
/// multiplied as a stack (`stacked`) or as reshaped rows.
fn run(a: &Tensor, b: &Tensor, stacked: bool) -> Vec<Vec<f32>> {
    let mut tape = Tape::new();
    let (av, bv) = (tape.param(a), tape.param(b));
    let y = if stacked {
        tape.matmul(av, bv)
    } else {
        let dims = a.dims();
        let k = dims[dims.len() - 1];
        let rows = tape.reshape(av, [a.len() / k, k]);
        let product = tape.matmul(rows, bv);
        let mut out = dims.to_vec();
        out[dims.len() - 1] = b.dims()[1];
        tape.reshape(product, out.as_slice())
    };
    value_and_grads(&mut tape, y, &[av, bv])
}

#[test]
fn stacked_matmul_is_the_reshaped_product_bit_for_bit() {
    for (seed, (dims, n)) in [
        (vec![2, 3, 4], 5),
        (vec![4, 8, 32], 32),
        (vec![2, 2, 3, 6], 1),
    ]
    .into_iter()
    .enumerate()
    {
        let k = dims[dims.len() - 1];
        let a = random_tensor(dims.as_slice(), seed as u64, -2.0, 2.0);
        let b = random_tensor([k, n], 20 + seed as u64, -2.0, 2.0);
        let (stacked, reshaped) = (run(&a, &b, true), run(&a, &b, false));
        for (what, (s, r)) in ["value", "da", "db"]
            .iter()
            .zip(stacked.iter().zip(&reshaped))
        {
            assert_same_bits(&format!("{dims:?} @ [{k}, {n}] {what}"), s, r);
        }
    }
}

#[test]
fn stacked_matmul_grad_matches_finite_difference() {
    let inputs = [
        random_tensor([2, 3, 4], 1, -1.0, 1.0),
        random_tensor([4, 2], 2, -1.0, 1.0),
    ];
    assert_gradcheck(
        "matmul [2, 3, 4] @ [4, 2]",
        |t, v| t.matmul(v[0], v[1]),
        &inputs,
    );
}
