//! Helpers shared by the integration tests: the central-difference gradient
//! check, random shapes and tensors, closeness asserts and the spiral data sets.
//! Each test file uses a different subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use core::f64::consts::TAU;

use tensor::nn::Mlp;
use tensor::{Grads, Optimizer, Rng, Shape, Tape, Tensor, Var};

/// The central-difference step, in input units.
pub const EPS: f32 = 1e-2;
/// Allowed relative gap between an analytic and a numeric gradient element.
pub const RTOL: f64 = 1e-2;
/// Allowed absolute gap, for gradient elements near zero (f32 rounding of the
/// forward pass divided by `2 EPS`).
pub const ATOL: f64 = 1e-3;

/// Checks the tape's gradients of `build` against central differences, every
/// input a parameter. The output, of any shape, is reduced to the scalar
/// `sum(out * w)` with fixed random weights `w`, so every output element's
/// gradient is tested.
pub fn gradcheck(
    build: impl Fn(&mut Tape, &[Var]) -> Var,
    inputs: &[Tensor],
) -> Result<(), String> {
    gradcheck_with(
        |tape, values| {
            let vars: Vec<Var> = values.iter().map(|t| tape.param(t)).collect();
            (build(tape, &vars), vars)
        },
        inputs,
        EPS,
    )
}

/// Like [`gradcheck`], panicking with `label` and the mismatch.
pub fn assert_gradcheck(
    label: impl core::fmt::Display,
    build: impl Fn(&mut Tape, &[Var]) -> Var,
    inputs: &[Tensor],
) {
    if let Err(message) = gradcheck(build, inputs) {
        panic!("{label}: {message}");
    }
}

/// The general check: `record` puts `values` on a tape however it likes (as
/// parameters of a network, say) and returns the output and, in order, the
/// vars holding each value. Numeric derivatives re-run `record` on inputs
/// perturbed by `±eps` in f32 and difference the reduced output in f64.
pub fn gradcheck_with(
    record: impl Fn(&mut Tape, &[Tensor]) -> (Var, Vec<Var>),
    inputs: &[Tensor],
    eps: f32,
) -> Result<(), String> {
    let mut tape = Tape::new();
    let (out, vars) = record(&mut tape, inputs);
    let out_shape = tape.shape(out);
    let weights = random_tensor(out_shape, 0x5eed, -1.0, 1.0);
    let w = tape.input(out_shape, weights.data());
    let weighted = tape.mul(out, w);
    let loss = tape.sum(weighted);
    let grads = tape.backward(loss);

    let reduced = |values: &[Tensor]| -> f64 {
        let mut tape = Tape::new();
        let (out, _) = record(&mut tape, values);
        let out = tape.value(out).data();
        out.iter()
            .zip(weights.data())
            .map(|(&o, &w)| f64::from(o) * f64::from(w))
            .sum()
    };

    for (index, (input, var)) in inputs.iter().zip(&vars).enumerate() {
        let zeros = Tensor::zeros(input.shape());
        let analytic = grads.get(*var).unwrap_or(&zeros);
        if analytic.shape() != input.shape() {
            return Err(format!(
                "input {index}: gradient shape {:?} for input {:?}",
                analytic.shape(),
                input.shape()
            ));
        }
        for element in 0..input.len() {
            let mut values = inputs.to_vec();
            let x = input.data()[element];
            let (up, down) = (x + eps, x - eps);
            values[index].data_mut()[element] = up;
            let f_up = reduced(&values);
            values[index].data_mut()[element] = down;
            let f_down = reduced(&values);
            let numeric = (f_up - f_down) / (f64::from(up) - f64::from(down));
            let exact = f64::from(analytic.data()[element]);
            let gap = (exact - numeric).abs();
            if gap.is_nan() || gap > RTOL * exact.abs().max(numeric.abs()) + ATOL {
                return Err(format!(
                    "input {index} {:?}, element {element} (value {x}): analytic {exact}, numeric {numeric}",
                    input.shape()
                ));
            }
        }
    }
    Ok(())
}

/// The value of `y`, then the gradient of each of `vars`, for the loss
/// `sum(y * w)` with fixed random weights `w`: what a fused op and the
/// composition it replaces are compared by, bit for bit ([`assert_same_bits`]).
///
/// # Panics
/// If some var of `vars` receives no gradient.
pub fn value_and_grads(tape: &mut Tape, y: Var, vars: &[Var]) -> Vec<Vec<f32>> {
    let shape = tape.shape(y);
    let w = tape.input(shape, random_tensor(shape, 0x5eed, -1.0, 1.0).data());
    let weighted = tape.mul(y, w);
    let loss = tape.sum(weighted);
    let grads = tape.backward(loss);
    let mut out = vec![tape.value(y).data().to_vec()];
    for &var in vars {
        match grads.get(var) {
            Some(g) => out.push(g.data().to_vec()),
            None => panic!("no gradient for {var:?}"),
        }
    }
    out
}

/// Asserts `actual` and `expected` hold the same elements, bit for bit.
pub fn assert_same_bits(label: &str, actual: &[f32], expected: &[f32]) {
    assert_eq!(actual.len(), expected.len(), "{label}: lengths differ");
    for (index, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert_eq!(
            a.to_bits(),
            e.to_bits(),
            "{label}[{index}]: got {a:e}, expected {e:e}"
        );
    }
}

/// One optimizer update of `mlp` from the gradients its recorded `params` got.
///
/// # Panics
/// If some parameter received no gradient.
pub fn apply_grads(optimizer: &mut Optimizer, mlp: &mut Mlp, grads: &Grads, params: &[Var]) {
    let grads = params.iter().map(|&p| match grads.get(p) {
        Some(g) => g,
        None => panic!("no gradient for {p:?}"),
    });
    optimizer.step(mlp.params_mut().zip(grads));
}

/// A tensor of `shape` with elements uniform in `[low, high)`, fixed by `seed`.
pub fn random_tensor(shape: impl Into<Shape>, seed: u64, low: f32, high: f32) -> Tensor {
    let shape = shape.into();
    let mut rng = Rng::new(seed);
    let data = (0..shape.len())
        .map(|_| rng.uniform_range(low, high))
        .collect();
    Tensor::new(shape, data)
}

/// A tensor whose elements have magnitude in `[0.1, 1.5)` and a random sign:
/// at least `10 EPS` away from the kinks of relu, abs and leaky relu at 0.
pub fn away_from_zero(shape: impl Into<Shape>, seed: u64) -> Tensor {
    let shape = shape.into();
    let mut rng = Rng::new(seed);
    let data = (0..shape.len())
        .map(|_| {
            let magnitude = rng.uniform_range(0.1, 1.5);
            if rng.uniform() < 0.5 {
                -magnitude
            } else {
                magnitude
            }
        })
        .collect();
    Tensor::new(shape, data)
}

/// A tensor whose elements are a random permutation of `0.1 * (0, 1, 2, ...)`
/// plus a little noise, shifted to straddle 0: no two are within `2 EPS` of
/// each other, so a perturbation never changes which one is largest.
pub fn distinct(shape: impl Into<Shape>, seed: u64) -> Tensor {
    let shape = shape.into();
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..shape.len()).collect();
    rng.shuffle(&mut order);
    let half = shape.len() as f32 / 2.0;
    let data = order
        .into_iter()
        .map(|rank| 0.1 * (rank as f32 - half) + rng.uniform_range(0.0, 0.03) + 0.035)
        .collect();
    Tensor::new(shape, data)
}

/// A random shape of rank `1..=max_rank` with dimensions 1 to 3.
pub fn random_shape(rng: &mut Rng, max_rank: usize) -> Shape {
    let rank = 1 + rng.below(max_rank);
    shape_of_rank(rng, rank)
}

/// A random shape of rank `rank` with dimensions 1 to 3.
pub fn shape_of_rank(rng: &mut Rng, rank: usize) -> Shape {
    let dims: Vec<usize> = (0..rank).map(|_| 1 + rng.below(3)).collect();
    Shape::new(&dims)
}

/// `count` seeds with a random shape each, the ranks cycling 1, 2, 3, 4.
pub fn seeded_shapes(count: u64, salt: u64) -> impl Iterator<Item = (u64, Shape)> {
    (0..count).map(move |seed| {
        let rank = 1 + (seed % 4) as usize;
        (seed, shape_of_rank(&mut Rng::new(salt + seed), rank))
    })
}

/// Whether `actual` is within `rtol` of `expected`, relative to the larger
/// magnitude, with `atol` for values near zero.
pub fn close(actual: f64, expected: f64, rtol: f64, atol: f64) -> bool {
    (actual - expected).abs() <= rtol * actual.abs().max(expected.abs()) + atol
}

/// Asserts every element of `actual` is within `rtol` (relative) of `expected`,
/// with an absolute floor `atol`.
pub fn assert_all_close(label: &str, actual: &[f32], expected: &[f64], rtol: f64, atol: f64) {
    assert_eq!(actual.len(), expected.len(), "{label}: lengths differ");
    for (index, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            close(f64::from(a), e, rtol, atol),
            "{label}[{index}]: got {a}, expected {e} (relative gap {:e})",
            (f64::from(a) - e).abs() / e.abs()
        );
    }
}

/// CS231n's spiral: `classes` arms of `per_class` points, for class j
/// `r = linspace(0, 1, n)`, `t = linspace(4j, 4j + 4, n) + noise * randn`,
/// `x = (r sin t, r cos t)`. Returns row-major `[n * classes, 2]` points and labels.
pub fn cs231n_spiral(
    per_class: usize,
    classes: usize,
    noise: f32,
    seed: u64,
) -> (Vec<f32>, Vec<usize>) {
    let mut rng = Rng::new(seed);
    let mut xs = Vec::with_capacity(per_class * classes * 2);
    let mut labels = Vec::with_capacity(per_class * classes);
    let step = 1.0 / (per_class - 1) as f32;
    for class in 0..classes {
        for i in 0..per_class {
            let r = i as f32 * step;
            let t = 4.0 * class as f32 + 4.0 * i as f32 * step + noise * rng.normal();
            xs.extend([r * t.sin(), r * t.cos()]);
            labels.push(class);
        }
    }
    (xs, labels)
}

/// TensorFlow Playground's two-class spiral (`classifySpiralData` in its
/// `dataset.ts`): `n = points / 2` per class, `r = 5 i / n`,
/// `t = 1.75 (i / n) 2 pi + dt` with `dt = 0` for label +1 and `pi` for -1,
/// each coordinate plus `noise * uniform(-1, 1)`. Returns `[points, 2]` and ±1 labels.
pub fn tfp_spiral(points: usize, noise: f64, seed: u64) -> (Vec<f32>, Vec<f32>) {
    let mut rng = Rng::new(seed);
    let n = points / 2;
    let mut xs = Vec::with_capacity(points * 2);
    let mut labels = Vec::with_capacity(points);
    for (delta, label) in [(0.0, 1.0), (TAU / 2.0, -1.0)] {
        for i in 0..n {
            let fraction = i as f64 / n as f64;
            let r = 5.0 * fraction;
            let t = 1.75 * fraction * TAU + delta;
            let x = r * t.sin() + noise * (2.0 * rng.uniform_f64() - 1.0);
            let y = r * t.cos() + noise * (2.0 * rng.uniform_f64() - 1.0);
            xs.extend([x as f32, y as f32]);
            labels.push(label);
        }
    }
    (xs, labels)
}

/// The fraction of rows whose largest score is at the row's label.
pub fn argmax_accuracy(scores: &[f32], classes: usize, labels: &[usize]) -> f64 {
    let correct = scores
        .chunks_exact(classes)
        .zip(labels)
        .filter(|(row, label)| {
            let best = (0..classes).fold(0, |best, c| if row[c] > row[best] { c } else { best });
            best == **label
        })
        .count();
    correct as f64 / labels.len() as f64
}

/// The fraction of outputs with the sign of their ±1 label.
pub fn sign_accuracy(outputs: &[f32], labels: &[f32]) -> f64 {
    let correct = outputs
        .iter()
        .zip(labels)
        .filter(|(o, l)| (**o >= 0.0) == (**l > 0.0))
        .count();
    correct as f64 / labels.len() as f64
}

/// The PyTorch scripts' `vals`: exact eighths, so both sides start from the same bits.
pub fn vals(seed: usize, n: usize) -> Vec<f32> {
    (0..n)
        .map(|i| ((i * 7 + seed) % 13) as f32 / 8.0 - 0.75)
        .collect()
}

/// Asserts `actual` matches PyTorch's float64 `expected` to 1e-5 relative, with an
/// absolute floor of 1e-6 for values near zero.
pub fn matches_pytorch(label: &str, actual: &[f32], expected: &[f64]) {
    assert_all_close(label, actual, expected, 1e-5, 1e-6);
}
