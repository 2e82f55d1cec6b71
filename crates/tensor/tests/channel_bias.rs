//! `Tape::add_channel_bias` is one op with the bits of the composition it
//! replaced (the bias reshaped to `[1, c, 1, 1]`, broadcast, added): its value
//! and both gradients, on shapes whose sums round differently in another order.

mod common;

use common::random_tensor;
use tensor::{Tape, Tensor};

/// The output, the gradient of `x` and the gradient of `b` of `sum((x + b) * weights)`,
/// with the bias added by `add`.
fn pass(
    x: &Tensor,
    b: &Tensor,
    weights: &Tensor,
    add: impl Fn(&mut Tape, tensor::Var, tensor::Var) -> tensor::Var,
) -> [Vec<f32>; 3] {
    let mut tape = Tape::new();
    let (xv, bv) = (tape.param(x), tape.param(b));
    let y = add(&mut tape, xv, bv);
    let w = tape.input(weights.shape(), weights.data());
    let weighted = tape.mul(y, w);
    let loss = tape.sum(weighted);
    let grads = tape.backward(loss);
    let grad = |v| match grads.get(v) {
        Some(g) => g.data().to_vec(),
        None => panic!("no gradient"),
    };
    [tape.value(y).data().to_vec(), grad(xv), grad(bv)]
}

#[test]
fn add_channel_bias_has_the_bits_of_reshape_broadcast_add() {
    for (seed, shape) in [
        (1, [2, 3, 4, 5]),
        (2, [5, 8, 8, 8]),
        (3, [1, 1, 1, 1]),
        (4, [3, 16, 4, 4]),
    ] {
        let c = shape[1];
        let x = random_tensor(shape, seed, -3.0, 3.0);
        let b = random_tensor([c], seed + 10, -1.0, 1.0);
        let weights = random_tensor(shape, seed + 20, -1e3, 1e3);
        let one_op = pass(&x, &b, &weights, |t, x, b| t.add_channel_bias(x, b));
        let composed = pass(&x, &b, &weights, |t, x, b| {
            let column = t.reshape(b, [1, c, 1, 1]);
            let wide = t.broadcast_to(column, shape);
            t.add(x, wide)
        });
        for (which, (a, e)) in ["value", "dx", "db"]
            .iter()
            .zip(one_op.iter().zip(&composed))
        {
            let (a, e): (Vec<u32>, Vec<u32>) = (
                a.iter().map(|v| v.to_bits()).collect(),
                e.iter().map(|v| v.to_bits()).collect(),
            );
            assert_eq!(a, e, "{which} of {shape:?}");
        }
    }
}
