//! Central-difference gradient checks for what is built from the primitives:
//! the named element-wise methods, means, bias broadcasting, (log-)softmax,
//! dropout with a fixed mask, every loss and penalty, and the MLP forward pass.

mod common;

use common::{
    assert_gradcheck, away_from_zero, gradcheck_with, random_shape, random_tensor, seeded_shapes,
};
use tensor::loss::{bce_with_logits, l1_penalty, l2_penalty, mse, softmax_cross_entropy};
use tensor::nn::{Linear, Mlp};
use tensor::{Activation, Init, Rng, Shape, Tape, Tensor, Var};

const SEEDS: u64 = 8;

/// One random shape per seed, of every rank from 1 to 4.
fn shapes() -> impl Iterator<Item = (u64, Shape)> {
    seeded_shapes(SEEDS, 2000)
}

type Method = fn(&mut Tape, Var) -> Var;

#[test]
fn named_elementwise_methods_grad_matches_finite_difference() {
    let methods: [(&str, Method); 12] = [
        ("neg", |t, a| t.neg(a)),
        ("scale", |t, a| t.scale(a, 2.5)),
        ("add_scalar", |t, a| t.add_scalar(a, -0.7)),
        ("exp", |t, a| t.exp(a)),
        ("square", |t, a| t.square(a)),
        ("abs", |t, a| t.abs(a)),
        ("sin", |t, a| t.sin(a)),
        ("tanh", |t, a| t.tanh(a)),
        ("sigmoid", |t, a| t.sigmoid(a)),
        ("relu", |t, a| t.relu(a)),
        ("log", |t, a| t.log(a)),
        ("sqrt", |t, a| t.sqrt(a)),
    ];
    for (name, method) in methods {
        for (seed, shape) in shapes() {
            let input = if matches!(name, "log" | "sqrt") {
                random_tensor(shape, seed, 0.3, 2.0)
            } else {
                away_from_zero(shape, seed)
            };
            assert_gradcheck(
                format!("{name} {shape:?}"),
                |t, v| method(t, v[0]),
                &[input],
            );
        }
    }
}

#[test]
fn mean_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [random_tensor(shape, seed, -1.0, 1.0)];
        assert_gradcheck(format!("mean {shape:?}"), |t, v| t.mean(v[0]), &inputs);
    }
}

#[test]
fn mean_axis_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        for axis in 0..shape.rank() {
            let inputs = [random_tensor(shape, seed, -1.0, 1.0)];
            assert_gradcheck(
                format!("mean_axis {axis} of {shape:?}"),
                |t, v| t.mean_axis(v[0], axis),
                &inputs,
            );
        }
    }
}

/// A shape and a smaller one that broadcasts to it (a suffix, some dims set to 1).
fn broadcast_pair(rng: &mut Rng) -> (Shape, Shape) {
    let to = random_shape(rng, 4);
    let keep = rng.below(to.rank() + 1);
    let from: Vec<usize> = to.dims()[to.rank() - keep..]
        .iter()
        .map(|&d| if rng.uniform() < 0.5 { 1 } else { d })
        .collect();
    (to, Shape::new(&from))
}

#[test]
fn add_broadcast_grad_matches_finite_difference() {
    let mut rng = Rng::new(21);
    for seed in 0..2 * SEEDS {
        let (shape, bias) = broadcast_pair(&mut rng);
        let inputs = [
            random_tensor(shape, seed, -1.0, 1.0),
            random_tensor(bias, seed + 50, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!("{shape:?} + {bias:?}"),
            |t, v| t.add_broadcast(v[0], v[1]),
            &inputs,
        );
    }
}

#[test]
fn sub_broadcast_grad_matches_finite_difference() {
    let mut rng = Rng::new(22);
    for seed in 0..2 * SEEDS {
        let (shape, bias) = broadcast_pair(&mut rng);
        let inputs = [
            random_tensor(shape, seed, -1.0, 1.0),
            random_tensor(bias, seed + 50, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!("{shape:?} - {bias:?}"),
            |t, v| t.sub_broadcast(v[0], v[1]),
            &inputs,
        );
    }
}

#[test]
fn log_softmax_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        for axis in 0..shape.rank() {
            // the second offset checks the max-shift keeps large logits stable
            for offset in [0.0, 60.0] {
                let mut input = random_tensor(shape, seed, -3.0, 3.0);
                input.data_mut().iter_mut().for_each(|x| *x += offset);
                assert_gradcheck(
                    format!("log_softmax axis {axis} of {shape:?} + {offset}"),
                    |t, v| t.log_softmax(v[0], axis),
                    &[input],
                );
            }
        }
    }
}

#[test]
fn softmax_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        for axis in 0..shape.rank() {
            let inputs = [random_tensor(shape, seed, -3.0, 3.0)];
            assert_gradcheck(
                format!("softmax axis {axis} of {shape:?}"),
                |t, v| t.softmax(v[0], axis),
                &inputs,
            );
        }
    }
}

#[test]
fn dropout_with_fixed_seed_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        for rate in [0.0, 0.3, 0.5] {
            let inputs = [random_tensor(shape, seed, -1.0, 1.0)];
            // a fresh generator per evaluation: the same mask every time
            assert_gradcheck(
                format!("dropout {rate} {shape:?}"),
                |t, v| t.dropout(v[0], rate, &mut Rng::new(seed)),
                &inputs,
            );
        }
    }
}

#[test]
fn mse_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let inputs = [
            random_tensor(shape, seed, -1.0, 1.0),
            random_tensor(shape, seed + 50, -1.0, 1.0),
        ];
        assert_gradcheck(format!("mse {shape:?}"), |t, v| mse(t, v[0], v[1]), &inputs);
    }
}

#[test]
fn bce_with_logits_grad_matches_finite_difference() {
    for (seed, shape) in shapes() {
        let logits = random_tensor(shape, seed, -4.0, 4.0);
        let mut rng = Rng::new(seed);
        let labels = (0..shape.len())
            .map(|_| if rng.uniform() < 0.5 { 0.0 } else { 1.0 })
            .collect();
        let inputs = [logits, Tensor::new(shape, labels)];
        assert_gradcheck(
            format!("bce {shape:?}"),
            |t, v| bce_with_logits(t, v[0], v[1]),
            &inputs,
        );
    }
}

#[test]
fn softmax_cross_entropy_grad_matches_finite_difference() {
    let mut rng = Rng::new(23);
    for seed in 0..SEEDS {
        let (batch, classes) = (1 + rng.below(5), 2 + rng.below(4));
        let labels: Vec<usize> = (0..batch).map(|_| rng.below(classes)).collect();
        let inputs = [random_tensor([batch, classes], seed, -3.0, 3.0)];
        assert_gradcheck(
            format!("softmax_cross_entropy {batch}x{classes} {labels:?}"),
            |t, v| softmax_cross_entropy(t, v[0], &labels),
            &inputs,
        );
    }
}

fn penalty_inputs(seed: u64) -> Vec<Tensor> {
    let mut rng = Rng::new(seed);
    let count = 1 + rng.below(3);
    (0..count)
        .map(|index| away_from_zero(random_shape(&mut rng, 4), seed * 10 + index as u64))
        .collect()
}

#[test]
fn l1_penalty_grad_matches_finite_difference() {
    for seed in 0..SEEDS {
        let inputs = penalty_inputs(seed);
        assert_gradcheck(
            format!("l1 of {} tensors", inputs.len()),
            |t, v| {
                let Some(penalty) = l1_penalty(t, v) else {
                    panic!("no penalty for {} weights", v.len())
                };
                penalty
            },
            &inputs,
        );
    }
}

#[test]
fn l2_penalty_grad_matches_finite_difference() {
    for seed in 0..SEEDS {
        let inputs = penalty_inputs(seed);
        assert_gradcheck(
            format!("l2 of {} tensors", inputs.len()),
            |t, v| {
                let Some(penalty) = l2_penalty(t, v) else {
                    panic!("no penalty for {} weights", v.len())
                };
                penalty
            },
            &inputs,
        );
    }
}

#[test]
fn linear_forward_grad_matches_finite_difference() {
    let mut rng = Rng::new(24);
    for seed in 0..SEEDS {
        let (batch, in_dim, out_dim) = (1 + rng.below(4), 1 + rng.below(4), 1 + rng.below(4));
        let inputs = [
            random_tensor([batch, in_dim], seed, -1.0, 1.0),
            random_tensor([in_dim, out_dim], seed + 50, -1.0, 1.0),
            random_tensor([out_dim], seed + 60, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!("linear {batch}x{in_dim} -> {out_dim}"),
            |t, v| Linear::forward(t, v[0], v[1], v[2]),
            &inputs,
        );
    }
}

/// The smallest pre-activation magnitude of any layer of `mlp` on `x`.
fn closest_to_kink(mlp: &Mlp, x: &[f32], rows: usize) -> f32 {
    let mut input = x.to_vec();
    let mut closest = f32::INFINITY;
    for (index, layer) in mlp.layers.iter().enumerate() {
        let mut z = vec![0.0; rows * layer.out_dim()];
        layer.apply(&input, rows, &mut z);
        closest = z.iter().fold(closest, |c, v| c.min(v.abs()));
        let f = mlp.activation_of(index);
        input = z.into_iter().map(|v| f.apply(v)).collect();
    }
    closest
}

/// Checks the recorded forward of random small networks with every hidden
/// activation, against x and every weight and bias, skipping draws where some
/// pre-activation sits within 0.02 of a kink at 0.
fn check_mlp_forward(dropout: f32) {
    for hidden in Activation::ALL {
        let mut rng = Rng::new(25);
        let mut checked = 0;
        while checked < 3 {
            let depth = 1 + rng.below(3);
            let sizes: Vec<usize> = (0..=depth).map(|_| 1 + rng.below(4)).collect();
            let output = if rng.uniform() < 0.5 {
                Activation::Identity
            } else {
                Activation::Tanh
            };
            let mlp = Mlp::new(&sizes, hidden, output, Init::Xavier, 1.5, &mut rng);
            let rows = 1 + rng.below(3);
            let x = away_from_zero([rows, sizes[0]], rng.next_u64());
            if closest_to_kink(&mlp, x.data(), rows) < 0.02 {
                continue;
            }
            checked += 1;
            let mut inputs = vec![x];
            inputs.extend(mlp.params().cloned());
            let mask_seed = rng.next_u64();
            let record = |tape: &mut Tape, values: &[Tensor]| {
                let mut net = mlp.clone();
                for (param, value) in net.params_mut().zip(&values[1..]) {
                    *param = value.clone();
                }
                let x = tape.param(&values[0]);
                let mut mask_rng = Rng::new(mask_seed);
                let vars = net.forward(tape, x, Some((dropout, &mut mask_rng)));
                let mut all = vec![x];
                all.extend(vars.params);
                (vars.output, all)
            };
            if let Err(message) = gradcheck_with(record, &inputs, 1e-3) {
                panic!("mlp {sizes:?} {hidden:?}/{output:?} dropout {dropout}: {message}");
            }
        }
    }
}

#[test]
fn mlp_forward_grad_matches_finite_difference() {
    check_mlp_forward(0.0);
}

#[test]
fn mlp_forward_with_dropout_grad_matches_finite_difference() {
    check_mlp_forward(0.4);
}
