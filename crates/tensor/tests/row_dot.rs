//! The row-pair dot product: its gradient against central differences, hand
//! values, and its value and gradients bit for bit against the composition
//! `sum_axis(mul(a, b), 1)` it replaces.

mod common;

use common::{assert_gradcheck, random_tensor};
use tensor::{Grads, Tape, Tensor, Var};

fn grad(grads: &Grads, var: Var) -> &[f32] {
    match grads.get(var) {
        Some(g) => g.data(),
        None => panic!("no gradient for {var:?}"),
    }
}

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

#[test]
fn row_dot_grad_matches_finite_difference() {
    for (seed, (n, d)) in [(1, 1), (1, 5), (4, 1), (3, 4), (7, 16)]
        .into_iter()
        .enumerate()
    {
        let seed = seed as u64;
        let inputs = [
            random_tensor([n, d], seed, -2.0, 2.0),
            random_tensor([n, d], seed + 50, -2.0, 2.0),
        ];
        assert_gradcheck(
            format!("row_dot [{n}, {d}]"),
            |t, v| t.row_dot(v[0], v[1]),
            &inputs,
        );
    }
}

#[test]
fn row_dot_of_a_matrix_with_itself_grad_matches_finite_difference() {
    let inputs = [random_tensor([3, 4], 9, -2.0, 2.0)];
    assert_gradcheck("row_dot(a, a)", |t, v| t.row_dot(v[0], v[0]), &inputs);
}

#[test]
fn row_dot_hand_values() {
    // out = (1*4 + 2*5 + 3*6, 0.5*2 - 1*2 - 4*0.25) = (32, -2)
    // loss = 2 out_0 - out_1, so g = (2, -1):
    // da = (2 b_0, -b_1) = (8, 10, 12, -2, -2, 0.25), db = (2 a_0, -a_1) = (2, 4, 6, -0.5, 1, -4)
    let mut tape = Tape::new();
    let a = tape.param(&Tensor::new([2, 3], vec![1.0, 2.0, 3.0, 0.5, -1.0, 4.0]));
    let b = tape.param(&Tensor::new([2, 3], vec![4.0, 5.0, 6.0, 2.0, 2.0, -0.25]));
    let out = tape.row_dot(a, b);
    assert_eq!(tape.shape(out).dims(), &[2]);
    assert_eq!(tape.value(out).data(), &[32.0, -2.0]);
    let w = tape.input([2], &[2.0, -1.0]);
    let weighted = tape.mul(out, w);
    let loss = tape.sum(weighted);
    let grads = tape.backward(loss);
    assert_eq!(grad(&grads, a), &[8.0, 10.0, 12.0, -2.0, -2.0, 0.25]);
    assert_eq!(grad(&grads, b), &[2.0, 4.0, 6.0, -0.5, 1.0, -4.0]);
}

#[test]
fn row_dot_is_sum_axis_of_mul_bit_for_bit() {
    let (n, d) = (9, 33);
    let a = random_tensor([n, d], 3, -1.0, 1.0);
    let b = random_tensor([n, d], 4, -1.0, 1.0);
    let weights = random_tensor([n], 5, -1.0, 1.0);
    // the value and both gradients of sum(out * weights), both ways
    let run = |fused: bool| -> [Vec<f32>; 3] {
        let mut tape = Tape::new();
        let (x, y) = (tape.param(&a), tape.param(&b));
        let out = if fused {
            tape.row_dot(x, y)
        } else {
            let product = tape.mul(x, y);
            let sums = tape.sum_axis(product, 1);
            tape.reshape(sums, [n])
        };
        let w = tape.input([n], weights.data());
        let weighted = tape.mul(out, w);
        let loss = tape.sum(weighted);
        let grads = tape.backward(loss);
        [
            tape.value(out).data().to_vec(),
            grad(&grads, x).to_vec(),
            grad(&grads, y).to_vec(),
        ]
    };
    let (fused, composed) = (run(true), run(false));
    for (label, (f, c)) in ["value", "da", "db"]
        .iter()
        .zip(fused.iter().zip(&composed))
    {
        assert_eq!(bits(f), bits(c), "{label}");
    }
}

#[test]
#[should_panic(expected = "Tape::row_dot")]
fn row_dot_of_unequal_shapes_panics() {
    let mut tape = Tape::new();
    let a = tape.input([2, 3], &[0.0; 6]);
    let b = tape.input([3, 2], &[0.0; 6]);
    tape.row_dot(a, b);
}
