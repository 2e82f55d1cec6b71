//! `Tape::add_row_bias` against the composition it replaces in `Linear::forward`
//! (`add_broadcast`: `broadcast_to`, then `add`): the same bits, value and
//! gradients, on matrices and stacks of rows; plus a central-difference check.

mod common;

use common::{assert_gradcheck, assert_same_bits, random_tensor, value_and_grads};
use tensor::{Tape, Tensor};

/// The value and the gradients of `x` and `b` ([`value_and_grads`]).
fn run(x: &Tensor, b: &Tensor, fused: bool) -> Vec<Vec<f32>> {
    let mut tape = Tape::new();
    let (xv, bv) = (tape.param(x), tape.param(b));
    let y = if fused {
        tape.add_row_bias(xv, bv)
    } else {
        tape.add_broadcast(xv, bv)
    };
    value_and_grads(&mut tape, y, &[xv, bv])
}

#[test]
fn row_bias_is_add_broadcast_bit_for_bit() {
    for (seed, dims) in [
        vec![5, 3],
        vec![2, 4, 7],
        vec![1, 1],
        vec![3, 1],
        vec![2, 2, 2, 9],
    ]
    .into_iter()
    .enumerate()
    {
        let n = dims[dims.len() - 1];
        let x = random_tensor(dims.as_slice(), seed as u64, -3.0, 3.0);
        let b = random_tensor([n], 50 + seed as u64, -3.0, 3.0);
        let (fused, composed) = (run(&x, &b, true), run(&x, &b, false));
        for (what, (f, c)) in ["value", "dx", "db"]
            .iter()
            .zip(fused.iter().zip(&composed))
        {
            assert_same_bits(&format!("{dims:?} {what}"), f, c);
        }
    }
}

#[test]
fn row_bias_grad_matches_finite_difference() {
    for (seed, dims) in [vec![4, 3], vec![2, 3, 2]].into_iter().enumerate() {
        let n = dims[dims.len() - 1];
        let inputs = [
            random_tensor(dims.as_slice(), seed as u64, -1.0, 1.0),
            random_tensor([n], 10 + seed as u64, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!("add_row_bias {dims:?}"),
            |t, v| t.add_row_bias(v[0], v[1]),
            &inputs,
        );
    }
}

#[test]
#[should_panic(expected = "Tape::add_row_bias")]
fn row_bias_rejects_a_bias_of_another_width() {
    let mut tape = Tape::new();
    let x = tape.input([2, 3], &[0.0; 6]);
    let b = tape.input([2], &[0.0; 2]);
    tape.add_row_bias(x, b);
}
