//! The image ops against PyTorch 2.15 (CPU): outputs and gradients of
//! `F.conv2d`, `F.max_pool2d` and `F.avg_pool2d` on small fixed inputs, within
//! a relative 1e-5.

mod common;

use common::assert_all_close;
use tensor::{Tape, Var};

/// The fixed output weights of the script below: `0.1 * ((i * 7) % 11) - 0.5`.
fn weights(n: usize) -> Vec<f32> {
    (0..n).map(|i| 0.1 * ((i * 7) % 11) as f32 - 0.5).collect()
}

/// Relative tolerance against PyTorch, and an absolute floor for its zeros.
const RTOL: f64 = 1e-5;
const ATOL: f64 = 1e-6;

/// Records `loss = sum(y * weights)` for `y` and returns its gradients of `inputs`.
fn weighted_grads(tape: &mut Tape, y: Var, inputs: &[Var]) -> Vec<Vec<f32>> {
    let shape = tape.shape(y);
    let w = tape.input(shape, &weights(shape.len()));
    let weighted = tape.mul(y, w);
    let loss = tape.sum(weighted);
    let grads = tape.backward(loss);
    inputs
        .iter()
        .map(|&v| match grads.get(v) {
            Some(g) => g.data().to_vec(),
            None => panic!("no gradient for {v:?}"),
        })
        .collect()
}

#[rustfmt::skip]
const X: [f32; 24] = [
    0.5, -1.2, 0.3, 2.0, -0.7, 1.1, 0.0, -0.4, 0.9, 1.6, -2.1, 0.8,
    -0.3, 0.6, 1.4, -1.0, 0.2, -0.9, 1.3, 0.7, -1.5, 0.4, -0.6, 1.8,
];
#[rustfmt::skip]
const W: [f32; 24] = [
    0.2, -0.5, 1.0, 0.3, -0.8, 0.6, 0.1, -0.2,
    0.7, 0.4, -0.3, -1.1, 0.5, 0.9, -0.6, 0.2,
    -0.4, 0.8, 0.3, -0.7, 1.2, -0.1, 0.6, 0.5,
];
#[rustfmt::skip]
const P: [f32; 25] = [
    0.3, 1.7, -0.2, 0.9, 1.7,
    -1.4, 0.5, 2.2, -0.8, 0.1,
    1.0, -0.6, 0.4, 1.9, -1.3,
    0.8, 2.2, -0.9, 0.6, 0.0,
    -0.5, 1.2, 0.7, -1.1, 1.5,
];

/// Convolves `X` by `W` and compares `y`, `dx` and `dw` with `expected`.
fn check_conv(stride: usize, padding: usize, expected: [&[f64]; 3]) {
    let label = format!("conv2d stride {stride} padding {padding}");
    let mut tape = Tape::new();
    let x = tape.param(&tensor::Tensor::new([1, 2, 3, 4], X.to_vec()));
    let w = tape.param(&tensor::Tensor::new([3, 2, 2, 2], W.to_vec()));
    let y = tape.conv2d(x, w, stride, padding);
    assert_eq!(tape.shape(y).dims(), &[1, 3, 2, 3], "{label}");
    assert_all_close(
        &format!("{label} y"),
        tape.value(y).data(),
        expected[0],
        RTOL,
        ATOL,
    );
    let grads = weighted_grads(&mut tape, y, &[x, w]);
    assert_all_close(&format!("{label} dx"), &grads[0], expected[1], RTOL, ATOL);
    assert_all_close(&format!("{label} dw"), &grads[1], expected[2], RTOL, ATOL);
}

/// Runs `pool` on `P` as `[1, 1, 5, 5]` and compares `y` and `dx`.
fn check_pool(
    label: &str,
    pool: impl Fn(&mut Tape, Var) -> Var,
    expected_y: &[f64],
    expected_dx: &[f64; 25],
) {
    let mut tape = Tape::new();
    let x = tape.param(&tensor::Tensor::new([1, 1, 5, 5], P.to_vec()));
    let y = pool(&mut tape, x);
    assert_all_close(
        &format!("{label} y"),
        tape.value(y).data(),
        expected_y,
        RTOL,
        ATOL,
    );
    let grads = weighted_grads(&mut tape, y, &[x]);
    assert_all_close(&format!("{label} dx"), &grads[0], expected_dx, RTOL, ATOL);
}

// The script that printed the expected values (PyTorch 2.15.0, CPU):
//
// import torch
// import torch.nn.functional as F
//
// def weights(n):
//     return torch.tensor([0.1 * ((i * 7) % 11) - 0.5 for i in range(n)])
//
// def show(name, t):
//     print(name, list(t.shape), "[" + ", ".join(f"{v:.8e}" for v in t.flatten().tolist()) + "]")
//
// x = torch.tensor([
//     0.5, -1.2, 0.3, 2.0, -0.7, 1.1, 0.0, -0.4, 0.9, 1.6, -2.1, 0.8,
//     -0.3, 0.6, 1.4, -1.0, 0.2, -0.9, 1.3, 0.7, -1.5, 0.4, -0.6, 1.8,
// ]).reshape(1, 2, 3, 4).requires_grad_()
// w = torch.tensor([
//     0.2, -0.5, 1.0, 0.3, -0.8, 0.6, 0.1, -0.2,
//     0.7, 0.4, -0.3, -1.1, 0.5, 0.9, -0.6, 0.2,
//     -0.4, 0.8, 0.3, -0.7, 1.2, -0.1, 0.6, 0.5,
// ]).reshape(3, 2, 2, 2).requires_grad_()
// for stride, padding in [(1, 0), (2, 1)]:
//     y = F.conv2d(x, w, stride=stride, padding=padding)
//     (y.flatten() * weights(y.numel())).sum().backward()
//     print(f"conv2d stride {stride} padding {padding}")
//     show("y", y); show("dx", x.grad); show("dw", w.grad)
//     x.grad = None; w.grad = None
//
// p = torch.tensor([
//     0.3, 1.7, -0.2, 0.9, 1.7,
//     -1.4, 0.5, 2.2, -0.8, 0.1,
//     1.0, -0.6, 0.4, 1.9, -1.3,
//     0.8, 2.2, -0.9, 0.6, 0.0,
//     -0.5, 1.2, 0.7, -1.1, 1.5,
// ]).reshape(1, 1, 5, 5).requires_grad_()
// for name, pool in [("max_pool2d", F.max_pool2d), ("avg_pool2d", F.avg_pool2d)]:
//     for k, stride in [(2, 2), (3, 1)]:
//         y = pool(p, k, stride)
//         (y.flatten() * weights(y.numel())).sum().backward()
//         print(f"{name} k {k} stride {stride}")
//         show("y", y); show("dx", p.grad)
//         p.grad = None
#[test]
fn conv2d_matches_pytorch() {
    check_conv(1, 0, [&CONV_S1_P0_Y, &CONV_S1_P0_DX, &CONV_S1_P0_DW]);
    check_conv(2, 1, [&CONV_S2_P1_Y, &CONV_S2_P1_DX, &CONV_S2_P1_DW]);
}

/// The same script's pools. `P` holds 2.2 twice and windows of `k 3 stride 1`
/// see both: PyTorch, like `max_pool2d` here, gives the gradient to the first.
#[test]
fn pools_match_pytorch() {
    let max = |k, stride| move |t: &mut Tape, x| t.max_pool2d(x, k, stride);
    let avg = |k, stride| move |t: &mut Tape, x| t.avg_pool2d(x, k, stride);
    check_pool(
        "max_pool2d k 2 stride 2",
        max(2, 2),
        &MAX_K2_S2_Y,
        &MAX_K2_S2_DX,
    );
    check_pool(
        "max_pool2d k 3 stride 1",
        max(3, 1),
        &MAX_K3_S1_Y,
        &MAX_K3_S1_DX,
    );
    check_pool(
        "avg_pool2d k 2 stride 2",
        avg(2, 2),
        &AVG_K2_S2_Y,
        &AVG_K2_S2_DX,
    );
    check_pool(
        "avg_pool2d k 3 stride 1",
        avg(3, 1),
        &AVG_K3_S1_Y,
        &AVG_K3_S1_DX,
    );
}

// PyTorch's printed values, `{op}_{y|dx|dw}` as in the script's output.
#[rustfmt::skip]
const CONV_S1_P0_Y: [f64; 18] = [
    1.13000000e+00, 7.20000088e-01, -2.78999972e+00, -2.40000069e-01, 2.84999990e+00, -2.69999957e+00,
    -1.04000008e+00, 1.30999982e+00, 6.10000074e-01, -1.80999982e+00, 2.95999956e+00, 1.58999991e+00,
    -2.89000010e+00, 1.74000013e+00, 4.67000008e+00, -5.99999875e-02, 2.39999831e-01, 5.20000041e-01,
];
#[rustfmt::skip]
const CONV_S1_P0_DX: [f64; 24] = [
    1.00000001e-01, 6.90000057e-01, -7.79999971e-01, 3.40000004e-01, -2.89999992e-01, -5.69999993e-01,
    -6.29999995e-01, 3.00000072e-01, 4.39999998e-01, -2.10000008e-01, 3.20000023e-01, 1.80000007e-01,
    8.40000033e-01, -3.60000074e-01, 7.00000048e-01, -5.29999971e-01, -3.00000012e-01, 2.50000060e-01,
    8.50000083e-01, -4.60000038e-01, -7.00000077e-02, -1.00000009e-01, 3.19999993e-01, 1.59999996e-01,
];
#[rustfmt::skip]
const CONV_S1_P0_DW: [f64; 24] = [
    -7.90000021e-01, 9.30000067e-01, 1.80999994e+00, -1.19999990e-01, -3.90000015e-01, -3.49999994e-01,
    -1.06999993e+00, 1.69999957e-01, -2.40000010e-01, -7.49999940e-01, 8.79999936e-01, 8.89999986e-01,
    -1.18000007e+00, -1.10000014e-01, -6.29999995e-01, -1.35999990e+00, 9.00000036e-02, 6.49999976e-01,
    -1.59000003e+00, 1.13000000e+00, 1.32999992e+00, -8.60000014e-01, 3.59999955e-01, 8.50000024e-01,
];
#[rustfmt::skip]
const CONV_S2_P1_Y: [f64; 18] = [
    2.10000008e-01, -1.32999992e+00, 1.89999998e+00, 1.03999996e+00, 2.84999990e+00, 3.40000033e-01,
    -6.10000014e-01, -5.00000119e-02, 0.00000000e+00, -1.39000010e+00, 2.95999956e+00, -1.25000000e+00,
    -5.00000000e-01, 4.89999950e-01, 0.00000000e+00, -1.96000004e+00, 2.39999831e-01, 2.32000017e+00,
];
#[rustfmt::skip]
const CONV_S2_P1_DX: [f64; 24] = [
    -7.30000019e-01, 1.40000001e-01, 2.00000003e-01, 7.00000077e-02, -4.99999896e-02, 7.00000077e-02,
    -3.30000013e-01, -5.69999993e-01, -2.50000000e-01, 3.99999917e-02, 3.50000024e-01, -3.00000012e-02,
    2.80000001e-01, -1.00000001e-01, -1.40000001e-01, 5.20000041e-01, 5.60000062e-01, -4.90000010e-01,
    7.45058060e-09, 4.70000029e-01, 1.00000016e-02, -1.10000007e-01, -1.90000013e-01, 5.09999990e-01,
];
#[rustfmt::skip]
const CONV_S2_P1_DW: [f64; 24] = [
    2.30000019e-01, -3.49999994e-01, -7.19999969e-01, 4.99999970e-02, -3.00000012e-01, 2.29999989e-01,
    -1.80000037e-01, -3.79999995e-01, 8.99999961e-02, -2.10000008e-01, -1.36000001e+00, 6.80000007e-01,
    -2.59999990e-01, -6.99999928e-02, -5.39999962e-01, -5.09999990e-01, -4.90000010e-01, -7.00000003e-02,
    1.08000004e+00, 7.59999990e-01, 5.50000012e-01, -3.70000005e-01, -2.00000405e-02, -3.10000002e-01,
];
#[rustfmt::skip]
const MAX_K2_S2_Y: [f64; 4] = [
    1.70000005e+00, 2.20000005e+00, 2.20000005e+00, 1.89999998e+00,
];
#[rustfmt::skip]
const MAX_K2_S2_DX: [f64; 25] = [
    0.00000000e+00, -5.00000000e-01, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00,
    0.00000000e+00, 2.00000003e-01, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00,
    0.00000000e+00, 5.00000000e-01, 0.00000000e+00, 0.00000000e+00, -2.00000003e-01, 0.00000000e+00,
    0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00,
    0.00000000e+00,
];
#[rustfmt::skip]
const MAX_K3_S1_Y: [f64; 9] = [
    2.20000005e+00, 2.20000005e+00, 2.20000005e+00, 2.20000005e+00, 2.20000005e+00, 2.20000005e+00,
    2.20000005e+00, 2.20000005e+00, 1.89999998e+00,
];
#[rustfmt::skip]
const MAX_K3_S1_DX: [f64; 25] = [
    0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00,
    0.00000000e+00, -2.00000018e-01, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00,
    0.00000000e+00, -4.00000006e-01, 0.00000000e+00, 0.00000000e+00, 4.00000006e-01, 0.00000000e+00,
    0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00,
    0.00000000e+00,
];
#[rustfmt::skip]
const AVG_K2_S2_Y: [f64; 4] = [
    2.75000006e-01, 5.25000036e-01, 8.50000024e-01, 5.00000000e-01,
];
#[rustfmt::skip]
const AVG_K2_S2_DX: [f64; 25] = [
    -1.25000000e-01, -1.25000000e-01, 5.00000007e-02, 5.00000007e-02, 0.00000000e+00, -1.25000000e-01,
    -1.25000000e-01, 5.00000007e-02, 5.00000007e-02, 0.00000000e+00, -5.00000007e-02, -5.00000007e-02,
    1.25000000e-01, 1.25000000e-01, 0.00000000e+00, -5.00000007e-02, -5.00000007e-02, 1.25000000e-01,
    1.25000000e-01, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00, 0.00000000e+00,
    0.00000000e+00,
];
#[rustfmt::skip]
const AVG_K3_S1_Y: [f64; 9] = [
    4.33333337e-01, 6.66666746e-01, 5.44444501e-01, 4.66666698e-01, 6.11111104e-01, 2.44444475e-01,
    4.77777809e-01, 4.88888890e-01, 2.00000003e-01,
];
#[rustfmt::skip]
const AVG_K3_S1_DX: [f64; 25] = [
    -5.55555560e-02, -3.33333313e-02, -5.55555522e-02, 0.00000000e+00, -2.22222228e-02, 0.00000000e+00,
    3.33333351e-02, -2.22222209e-02, -2.22222246e-02, -5.55555597e-02, 4.44444455e-02, 7.77777806e-02,
    -2.22222209e-02, -6.66666701e-02, -1.00000009e-01, 1.00000001e-01, 1.11111119e-01, 3.33333351e-02,
    -6.66666701e-02, -7.77777806e-02, 4.44444455e-02, 4.44444455e-02, 0.00000000e+00, -4.44444455e-02,
    -4.44444455e-02,
];
