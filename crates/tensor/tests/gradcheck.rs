//! Central-difference gradient checks for every primitive with a gradient rule
//! (`backward.rs`'s match) and every `Unary` variant and activation, on random
//! shapes of rank 1 to 4 and several seeds.

mod common;

use common::{
    assert_gradcheck, away_from_zero, distinct, random_shape, random_tensor, seeded_shapes,
};
use tensor::{Activation, Rng, Shape, Tensor, Unary};

const SEEDS: u64 = 8;

/// One random shape per seed, of every rank from 1 to 4.
fn shapes() -> impl Iterator<Item = (u64, Shape)> {
    seeded_shapes(SEEDS, 1000)
}

/// Values in `±[0.5, 1.5)`, alternating in sign: safe denominators.
fn denominators(shape: Shape, seed: u64) -> Tensor {
    let mut t = random_tensor(shape, seed, 0.5, 1.5);
    for (index, v) in t.data_mut().iter_mut().enumerate() {
        if index % 2 == 1 {
            *v = -*v;
        }
    }
    t
}

#[test]
fn add_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [
            random_tensor(shape, seed, -2.0, 2.0),
            random_tensor(shape, seed + 50, -2.0, 2.0),
        ];
        assert_gradcheck(format!("add {shape:?}"), |t, v| t.add(v[0], v[1]), &inputs);
    }
}

#[test]
fn sub_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [
            random_tensor(shape, seed, -2.0, 2.0),
            random_tensor(shape, seed + 50, -2.0, 2.0),
        ];
        assert_gradcheck(format!("sub {shape:?}"), |t, v| t.sub(v[0], v[1]), &inputs);
    }
}

#[test]
fn mul_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [
            random_tensor(shape, seed, -2.0, 2.0),
            random_tensor(shape, seed + 50, -2.0, 2.0),
        ];
        assert_gradcheck(format!("mul {shape:?}"), |t, v| t.mul(v[0], v[1]), &inputs);
    }
}

#[test]
fn div_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [
            random_tensor(shape, seed, -2.0, 2.0),
            denominators(shape, seed + 50),
        ];
        assert_gradcheck(format!("div {shape:?}"), |t, v| t.div(v[0], v[1]), &inputs);
    }
}

#[test]
fn value_used_by_both_operands_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [denominators(shape, seed)];
        assert_gradcheck(format!("a*a {shape:?}"), |t, v| t.mul(v[0], v[0]), &inputs);
        assert_gradcheck(format!("a/a {shape:?}"), |t, v| t.div(v[0], v[0]), &inputs);
        assert_gradcheck(format!("a-a {shape:?}"), |t, v| t.sub(v[0], v[0]), &inputs);
    }
}

/// Every `Unary` variant (the match has no wildcard, so a new variant must be
/// added here) with inputs from its domain, away from its kinks.
fn unary_cases() -> Vec<Unary> {
    vec![
        Unary::Neg,
        Unary::Scale(-1.7),
        Unary::AddScalar(0.3),
        Unary::Exp,
        Unary::Log,
        Unary::Square,
        Unary::Abs,
        Unary::Sqrt,
        Unary::Sin,
        Unary::Relu,
        Unary::LeakyRelu(0.01),
        Unary::LeakyRelu(0.2),
        Unary::Elu(1.0),
        Unary::Elu(0.5),
        Unary::Gelu,
        Unary::Softplus,
        Unary::Sigmoid,
        Unary::Tanh,
        Unary::Identity,
    ]
}

fn unary_input(f: Unary, shape: Shape, seed: u64) -> Tensor {
    match f {
        // ln and sqrt need positive inputs; keep their curvature modest
        Unary::Log | Unary::Sqrt => random_tensor(shape, seed, 0.3, 2.0),
        // kinks at 0, or smooth everywhere: magnitudes in [0.1, 1.5), either sign
        Unary::Abs
        | Unary::Relu
        | Unary::LeakyRelu(_)
        | Unary::Elu(_)
        | Unary::Neg
        | Unary::Scale(_)
        | Unary::AddScalar(_)
        | Unary::Exp
        | Unary::Square
        | Unary::Sin
        | Unary::Gelu
        | Unary::Softplus
        | Unary::Sigmoid
        | Unary::Tanh
        | Unary::Identity => away_from_zero(shape, seed),
    }
}

#[test]
fn every_unary_grad_matches_finite_difference() {
    for f in unary_cases() {
        for (seed, shape) in shapes() {
            let inputs = [unary_input(f, shape, seed)];
            assert_gradcheck(format!("{f:?} {shape:?}"), |t, v| t.unary(v[0], f), &inputs);
        }
    }
}

#[test]
fn every_activation_grad_matches_finite_difference() {
    for activation in Activation::ALL {
        let f = activation.unary();
        for (seed, shape) in shapes() {
            let inputs = [away_from_zero(shape, seed)];
            assert_gradcheck(
                format!("{activation:?} {shape:?}"),
                |t, v| t.unary(v[0], f),
                &inputs,
            );
            let x = inputs[0].data()[0];
            assert_eq!(activation.apply(x), f.apply(x), "{activation:?} at {x}");
        }
    }
}

#[test]
fn matmul_grad_matches_finite_difference() {
    let mut rng = Rng::new(7);
    for seed in 0..SEEDS {
        let (m, k, n) = (1 + rng.below(4), 1 + rng.below(4), 1 + rng.below(4));
        let inputs = [
            random_tensor([m, k], seed, -1.0, 1.0),
            random_tensor([k, n], seed + 50, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!("matmul {m}x{k}x{n}"),
            |t, v| t.matmul(v[0], v[1]),
            &inputs,
        );
    }
    // a square matrix times itself: both gradient paths land on one input
    let inputs = [random_tensor([3, 3], 99, -1.0, 1.0)];
    assert_gradcheck("a @ a", |t, v| t.matmul(v[0], v[0]), &inputs);
}

#[test]
fn transpose_grad_matches_finite_difference() {
    let mut rng = Rng::new(8);
    for seed in 0..SEEDS {
        let (rows, cols) = (1 + rng.below(4), 1 + rng.below(4));
        let inputs = [random_tensor([rows, cols], seed, -1.0, 1.0)];
        assert_gradcheck(
            format!("transpose {rows}x{cols}"),
            |t, v| t.transpose(v[0]),
            &inputs,
        );
        // through a product, so the transposed layout matters
        let inputs = [
            inputs[0].clone(),
            random_tensor([rows, 2], seed + 50, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!("a^T @ b {rows}x{cols}"),
            |t, v| {
                let at = t.transpose(v[0]);
                t.matmul(at, v[1])
            },
            &inputs,
        );
    }
}

#[test]
fn reshape_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [random_tensor(shape, seed, -1.0, 1.0)];
        let reversed: Vec<usize> = shape.dims().iter().rev().copied().collect();
        let mut longer = shape.dims().to_vec();
        longer.truncate(3);
        let rest: usize = shape.dims()[longer.len()..].iter().product();
        longer.push(rest);
        for target in [
            Shape::new(&[shape.len()]),
            Shape::new(&reversed),
            Shape::new(&longer),
        ] {
            // reshape then a non-uniform element-wise op, so positions matter
            assert_gradcheck(
                format!("reshape {shape:?} to {target:?}"),
                |t, v| {
                    let r = t.reshape(v[0], target);
                    t.square(r)
                },
                &inputs,
            );
        }
    }
}

/// A target shape and a shape that broadcasts to it: a suffix of the target's
/// dimensions (possibly empty: a scalar) with some set to 1.
fn broadcast_pair(rng: &mut Rng) -> (Shape, Shape) {
    let to = random_shape(rng, 4);
    let keep = rng.below(to.rank() + 1);
    let from: Vec<usize> = to.dims()[to.rank() - keep..]
        .iter()
        .map(|&d| if rng.uniform() < 0.5 { 1 } else { d })
        .collect();
    (Shape::new(&from), to)
}

#[test]
fn broadcast_to_grad_matches_finite_difference() {
    let mut rng = Rng::new(9);
    for seed in 0..3 * SEEDS {
        let (from, to) = broadcast_pair(&mut rng);
        let inputs = [random_tensor(from, seed, -1.0, 1.0)];
        assert_gradcheck(
            format!("broadcast {from:?} to {to:?}"),
            |t, v| t.broadcast_to(v[0], to),
            &inputs,
        );
    }
}

#[test]
fn sum_axis_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        for axis in 0..shape.rank() {
            let inputs = [random_tensor(shape, seed, -1.0, 1.0)];
            assert_gradcheck(
                format!("sum_axis {axis} of {shape:?}"),
                |t, v| t.sum_axis(v[0], axis),
                &inputs,
            );
        }
    }
}

#[test]
fn sum_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [random_tensor(shape, seed, -1.0, 1.0)];
        assert_gradcheck(format!("sum {shape:?}"), |t, v| t.sum(v[0]), &inputs);
    }
    assert_gradcheck(
        "sum of a scalar",
        |t, v| t.sum(v[0]),
        &[Tensor::scalar(0.7)],
    );
}

#[test]
fn max_axis_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        for axis in 0..shape.rank() {
            let inputs = [distinct(shape, seed)];
            assert_gradcheck(
                format!("max_axis {axis} of {shape:?}"),
                |t, v| t.max_axis(v[0], axis),
                &inputs,
            );
        }
    }
}

#[test]
fn gradcheck_rejects_a_wrong_gradient() {
    // a * detach(a): the tape sees d/da = a, the finite difference 2a
    let inputs = [random_tensor([3], 1, 0.5, 1.5)];
    let result = common::gradcheck(
        |t, v| {
            let constant = t.detach(v[0]);
            t.mul(v[0], constant)
        },
        &inputs,
    );
    assert!(
        result.is_err(),
        "the checker accepted a gradient off by a factor 2"
    );
}
