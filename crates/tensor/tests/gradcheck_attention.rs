//! Central-difference gradient checks for the attention ops (`layer_norm`,
//! `causal_softmax`, `batch_matmul`, `swap_axes`), the token and position
//! embeddings, and a whole Transformer block (every parameter and the input,
//! causal and not), plus a few values that hold by construction.

mod common;

use common::{assert_gradcheck, gradcheck_with, random_tensor};
use tensor::nn::{Embeddings, TransformerBlock};
use tensor::{Rng, Shape, Tape, Tensor, Var};

#[test]
fn layer_norm_grad_matches_finite_difference() {
    for (seed, dims) in [vec![3, 4], vec![2, 3, 5], vec![1, 2], vec![2, 1, 2, 3]]
        .into_iter()
        .enumerate()
    {
        let shape = Shape::new(&dims);
        let d = dims[dims.len() - 1];
        let seed = seed as u64;
        let inputs = [
            random_tensor(shape, seed, -1.5, 1.5),
            random_tensor([d], seed + 10, 0.5, 1.5),
            random_tensor([d], seed + 20, -0.5, 0.5),
        ];
        assert_gradcheck(
            format!("layer_norm {shape:?}"),
            |t, v| t.layer_norm(v[0], v[1], v[2], 1e-5),
            &inputs,
        );
    }
}

#[test]
fn layer_norm_rows_have_mean_bias_and_spread_gain() {
    // gain 2, bias 0.5: each row becomes 2 (x - mean) / std + 0.5, so its
    // mean is 0.5 and its biased variance 4 (up to eps)
    let mut tape = Tape::new();
    let x = tape.input([2, 4], &[1.0, 2.0, 3.0, 4.0, -3.0, 0.0, 0.0, 7.0]);
    let gain = tape.input([4], &[2.0; 4]);
    let bias = tape.input([4], &[0.5; 4]);
    let y = tape.layer_norm(x, gain, bias, 1e-5);
    for row in tape.value(y).data().chunks_exact(4) {
        let mean = row.iter().sum::<f32>() / 4.0;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / 4.0;
        assert!((mean - 0.5).abs() < 1e-5, "mean {mean}");
        assert!((var - 4.0).abs() < 1e-3, "variance {var}");
    }
}

#[test]
fn layer_norm_grad_matches_hand_derived_values() {
    // x = [-1, 0, 1]: mean 0, variance 2/3, r = 1/sqrt(2/3) = sqrt(3/2), x̂ = r x.
    // The loss y_0 gives g = [1, 0, 0]; with gain 1, h = g and
    // dx = r (h - mean(h) - x̂ mean(h x̂)) = r ([1, 0, 0] - 1/3 + [-1/2, 0, 1/2])
    //    = r [1/6, -1/3, 1/6]; dgain = g x̂ = [-r, 0, 0]; dbias = g = [1, 0, 0].
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new([1, 3], vec![-1.0, 0.0, 1.0]));
    let gain = tape.param(&Tensor::full([3], 1.0));
    let bias = tape.param(&Tensor::zeros([3]));
    let y = tape.layer_norm(x, gain, bias, 0.0);
    let first = tape.input([1, 3], &[1.0, 0.0, 0.0]);
    let picked = tape.mul(y, first);
    let loss = tape.sum(picked);
    let grads = tape.backward(loss);
    let r = 1.5_f32.sqrt();
    let expected = [
        (x, [r / 6.0, -r / 3.0, r / 6.0]),
        (gain, [-r, 0.0, 0.0]),
        (bias, [1.0, 0.0, 0.0]),
    ];
    for (var, want) in expected {
        let Some(got) = grads.get(var) else {
            panic!("no gradient for {var:?}")
        };
        for (g, w) in got.data().iter().zip(want) {
            assert!(
                (g - w).abs() < 1e-6,
                "{var:?}: got {:?}, want {want:?}",
                got.data()
            );
        }
    }
}

#[test]
fn causal_softmax_grad_matches_finite_difference() {
    for (seed, dims) in [vec![3, 3], vec![2, 4, 4], vec![2, 2, 3, 3], vec![1, 1]]
        .into_iter()
        .enumerate()
    {
        let shape = Shape::new(&dims);
        let inputs = [random_tensor(shape, seed as u64, -2.0, 2.0)];
        assert_gradcheck(
            format!("causal_softmax {shape:?}"),
            |t, v| t.causal_softmax(v[0]),
            &inputs,
        );
    }
}

#[test]
fn causal_softmax_masks_the_future_exactly() {
    let (n, t) = (2, 4);
    let mut tape = Tape::new();
    let scores = tape.param(&random_tensor([n, t, t], 5, -3.0, 3.0));
    let probs = tape.causal_softmax(scores);
    let w = tape.input([n, t, t], random_tensor([n, t, t], 6, -1.0, 1.0).data());
    let weighted = tape.mul(probs, w);
    let loss = tape.sum(weighted);
    let grads = tape.backward(loss);
    let Some(grad) = grads.get(scores) else {
        panic!("no gradient for the scores")
    };
    let p = tape.value(probs).data();
    let rows = p.chunks_exact(t).zip(grad.data().chunks_exact(t));
    for (row, (values, gs)) in rows.enumerate() {
        let i = row % t;
        let total: f32 = values.iter().sum();
        assert!((total - 1.0).abs() < 1e-6, "row {row} sums to {total}");
        for (j, (&value, &g)) in values.iter().zip(gs).enumerate() {
            assert!(g.is_finite() && value.is_finite());
            if j > i {
                assert_eq!(value, 0.0, "row {row} attends to future column {j}");
                assert_eq!(g, 0.0, "row {row} future column {j} has gradient");
            } else {
                // a row with one allowed column is constant 1: no gradient
                assert!(value > 0.0 && (i == 0 || g != 0.0), "row {row} column {j}");
            }
        }
    }
    // the first position can only attend to itself
    assert_eq!(p[0], 1.0);
}

#[test]
fn batch_matmul_grad_matches_finite_difference() {
    for (seed, (b, m, k, n)) in [(2, 3, 4, 5), (1, 2, 3, 1), (3, 1, 2, 2), (2, 3, 3, 3)]
        .into_iter()
        .enumerate()
    {
        let seed = seed as u64;
        let inputs = [
            random_tensor([b, m, k], seed, -1.0, 1.0),
            random_tensor([b, k, n], seed + 50, -1.0, 1.0),
        ];
        assert_gradcheck(
            format!("batch_matmul [{b}, {m}, {k}] x [{b}, {k}, {n}]"),
            |t, v| t.batch_matmul(v[0], v[1]),
            &inputs,
        );
    }
}

#[test]
fn batch_matmul_equals_one_matmul_per_matrix() {
    let (b, m, k, n) = (3, 2, 4, 3);
    let (x, y) = (
        random_tensor([b, m, k], 1, -1.0, 1.0),
        random_tensor([b, k, n], 2, -1.0, 1.0),
    );
    let mut tape = Tape::new();
    let (xv, yv) = (tape.param(&x), tape.param(&y));
    let batched = tape.batch_matmul(xv, yv);
    for i in 0..b {
        let xi = tape.input([m, k], &x.data()[i * m * k..][..m * k]);
        let yi = tape.input([k, n], &y.data()[i * k * n..][..k * n]);
        let one = tape.matmul(xi, yi);
        let expected = tape.value(one).data().to_vec();
        assert_eq!(
            &tape.value(batched).data()[i * m * n..][..m * n],
            &expected[..]
        );
    }
}

#[test]
fn swap_axes_grad_matches_finite_difference() {
    for dims in [vec![2, 3], vec![2, 3, 4], vec![2, 1, 3, 2], vec![3]] {
        let shape = Shape::new(&dims);
        for axis0 in 0..dims.len() {
            for axis1 in 0..dims.len() {
                let inputs = [random_tensor(shape, 7, -1.0, 1.0)];
                assert_gradcheck(
                    format!("swap_axes {axis0} {axis1} of {shape:?}"),
                    |t, v| t.swap_axes(v[0], axis0, axis1),
                    &inputs,
                );
            }
        }
    }
}

#[test]
fn swap_axes_moves_each_element_to_its_swapped_index() {
    let (a, b, c) = (2, 3, 4);
    let x = random_tensor([a, b, c], 3, -1.0, 1.0);
    let mut tape = Tape::new();
    let xv = tape.input([a, b, c], x.data());
    let y = tape.swap_axes(xv, 0, 2);
    assert_eq!(tape.value(y).dims(), &[c, b, a]);
    for i in 0..a {
        for j in 0..b {
            for k in 0..c {
                let (from, to) = ((i * b + j) * c + k, (k * b + j) * a + i);
                assert_eq!(tape.value(y).data()[to], x.data()[from]);
            }
        }
    }
    // a matrix's swap is its transpose
    let m = tape.input([3, 2], &x.data()[..6]);
    let (s, t) = (tape.swap_axes(m, 0, 1), tape.transpose(m));
    assert_eq!(tape.value(s), tape.value(t));
}

#[test]
fn embeddings_grad_matches_finite_difference() {
    let model = Embeddings::new(5, 4, 3, &mut Rng::new(1));
    let ids = [4, 0, 0, 2, 1, 4];
    let inputs = [
        random_tensor([5, 3], 11, -1.0, 1.0),
        random_tensor([4, 3], 12, -1.0, 1.0),
    ];
    let result = gradcheck_with(
        |tape, values| {
            let mut model = model.clone();
            for (param, value) in model.params_mut().zip(values) {
                *param = value.clone();
            }
            let vars = model.forward(tape, &ids, 2);
            (vars.output, vec![vars.tokens, vars.positions])
        },
        &inputs,
        1e-2,
    );
    if let Err(message) = result {
        panic!("embeddings: {message}");
    }
}

const BATCH: usize = 2;
const T: usize = 3;
const D_MODEL: usize = 4;
const HEADS: usize = 2;
const FF: usize = 6;

/// The block's parameters with every norm gain and bias and every bias made
/// random (they start constant), then the input `[BATCH, T, D_MODEL]`.
fn block_values(block: &TransformerBlock) -> Vec<Tensor> {
    let mut values: Vec<Tensor> = block
        .params()
        .enumerate()
        .map(|(i, p)| {
            if p.dims().len() == 1 {
                random_tensor(p.shape(), 100 + i as u64, -0.5, 0.5)
            } else {
                p.clone()
            }
        })
        .collect();
    values.push(random_tensor([BATCH, T, D_MODEL], 200, -1.0, 1.0));
    values
}

/// Records `block` with `values` (its parameters, then the input) and returns
/// its output and the vars of every value.
fn record_block(block: &TransformerBlock, tape: &mut Tape, values: &[Tensor]) -> (Var, Vec<Var>) {
    let mut block = block.clone();
    let count = block.params().count();
    for (param, value) in block.params_mut().zip(values) {
        *param = value.clone();
    }
    let x = tape.param(&values[count]);
    let vars = block.forward(tape, x);
    let mut all = vars.params;
    all.push(x);
    (vars.output, all)
}

#[test]
fn transformer_block_grad_matches_finite_difference() {
    for causal in [false, true] {
        let block = TransformerBlock::new(D_MODEL, HEADS, FF, causal, &mut Rng::new(3));
        let values = block_values(&block);
        let result = gradcheck_with(|tape, v| record_block(&block, tape, v), &values, 1e-2);
        if let Err(message) = result {
            panic!("block (causal {causal}): {message}");
        }
    }
}

#[test]
fn causal_block_output_ignores_later_tokens() {
    let block = TransformerBlock::new(D_MODEL, HEADS, FF, true, &mut Rng::new(4));
    let x = random_tensor([1, T, D_MODEL], 9, -1.0, 1.0);
    let mut changed = x.clone();
    changed.data_mut()[(T - 1) * D_MODEL] += 1.0;
    let run = |x: &Tensor| {
        let mut tape = Tape::new();
        let xv = tape.input([1, T, D_MODEL], x.data());
        let out = block.forward(&mut tape, xv).output;
        tape.value(out).data().to_vec()
    };
    let (before, after) = (run(&x), run(&changed));
    let earlier = (T - 1) * D_MODEL;
    assert_eq!(before[..earlier], after[..earlier]);
    assert_ne!(before[earlier..], after[earlier..]);
}
