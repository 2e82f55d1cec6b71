//! The losses and penalties against reference numbers from NumPy (PyTorch's
//! definitions: `MSELoss`, `BCEWithLogitsLoss`, `CrossEntropyLoss`), values and
//! gradients, plus the factor conventions the playground relies on.

mod common;

use common::assert_all_close;
use tensor::loss::{bce_with_logits, l1_penalty, l2_penalty, mse, softmax_cross_entropy};
use tensor::{Grads, Tape, Tensor, Var};

// The reference script (NumPy 2.4, float64 from the same f32 inputs); each
// test below pastes its section and the numbers `show` printed.
//
// import numpy as np
//
// def f32(a):
//     return np.array(a, np.float32).astype(np.float64)
//
// def show(name, *arrays):
//     print(name, *[[float(v) for v in np.ravel(a)] for a in arrays])

/// f32 against float64 references: a few ulps of the result.
const RTOL: f64 = 1e-6;

fn grad(grads: &Grads, var: Var) -> &[f32] {
    match grads.get(var) {
        Some(g) => g.data(),
        None => panic!("no gradient for {var:?}"),
    }
}

// # mse: mean((p - t)^2) (torch.nn.MSELoss), gradient 2 (p - t) / n
// p = f32([[0.2, -1.3, 0.7], [1.5, 0.1, -0.4]])
// t = f32([[0.0, -1.0, 1.0], [1.0, 0.5, -0.5]])
// show("mse", np.mean((p - t) ** 2), 2 * (p - t) / p.size)
#[test]
fn mse_matches_numpy_reference() {
    let mut tape = Tape::new();
    let p = tape.param(&Tensor::new([2, 3], vec![0.2, -1.3, 0.7, 1.5, 0.1, -0.4]));
    let t = tape.input([2, 3], &[0.0, -1.0, 1.0, 1.0, 0.5, -0.5]);
    let loss = mse(&mut tape, p, t);
    let grads = tape.backward(loss);
    assert_all_close(
        "mse",
        tape.value(loss).data(),
        &[0.10666666289170623],
        RTOL,
        0.0,
    );
    let expected = [
        0.06666666766007741,
        -0.09999998410542806,
        -0.10000000397364299,
        0.16666666666666666,
        -0.13333333283662796,
        0.03333333134651184,
    ];
    assert_all_close("d mse / dp", grad(&grads, p), &expected, RTOL, 0.0);
}

// # bce_with_logits: mean(log(1 + e^z) - y z) (torch.nn.BCEWithLogitsLoss), gradient (sigmoid(z) - y) / n
// z = f32([[0.5, -2.0, 3.0], [-0.7, 1.2, 0.0], [8.0, -9.0, 0.3]])
// y = f32([[1, 0, 1], [0, 0, 1], [0, 1, 1]])
// show("bce", np.mean(np.logaddexp(0, z) - y * z), (1 / (1 + np.exp(-z)) - y) / z.size)
#[test]
fn bce_with_logits_matches_numpy_reference() {
    let mut tape = Tape::new();
    let z = tape.param(&Tensor::new(
        [3, 3],
        vec![0.5, -2.0, 3.0, -0.7, 1.2, 0.0, 8.0, -9.0, 0.3],
    ));
    let y = tape.input([3, 3], &[1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0]);
    let loss = bce_with_logits(&mut tape, z, y);
    let grads = tape.backward(loss);
    assert_all_close(
        "bce",
        tape.value(loss).data(),
        &[2.3071135702377763],
        RTOL,
        0.0,
    );
    let expected = [
        -0.04194896319979394,
        0.013244769113568616,
        -0.005269541464174071,
        0.03686802560831748,
        0.08539164355352062,
        -0.05555555555555555,
        0.11107384998550374,
        -0.1110974006026682,
        -0.04728416447490788,
    ];
    assert_all_close("d bce / dz", grad(&grads, z), &expected, RTOL, 0.0);
}

// # softmax_cross_entropy: -mean log_softmax(x)[b, label_b] (torch.nn.CrossEntropyLoss),
// # gradient (softmax(x) - onehot) / batch
// x = f32([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-0.3, 0.2, 0.9], [1.0, 1.0, 1.0]])
// labels = [0, 1, 2, 1]
// log_p = x - x.max(1, keepdims=True)
// log_p = log_p - np.log(np.exp(log_p).sum(1, keepdims=True))
// onehot = np.eye(3)[labels]
// show("ce", -np.mean(log_p[np.arange(4), labels]), (np.exp(log_p) - onehot) / 4)
#[test]
fn softmax_cross_entropy_matches_numpy_reference() {
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new(
        [4, 3],
        vec![2.0, 1.0, 0.1, 0.5, 2.5, -1.0, -0.3, 0.2, 0.9, 1.0, 1.0, 1.0],
    ));
    let loss = softmax_cross_entropy(&mut tape, x, &[0, 1, 2, 1]);
    let grads = tape.backward(loss);
    assert_all_close(
        "ce",
        tape.value(loss).data(),
        &[0.5638432056556537],
        RTOL,
        0.0,
    );
    let expected = [
        -0.08524971530270567,
        0.06060824266727666,
        0.02464147263542899,
        0.029028633668535288,
        -0.035505797347885726,
        0.006477163679350381,
        0.04188419798406061,
        0.06905536915154133,
        -0.11093956713560194,
        0.08333333333333333,
        -0.16666666666666669,
        0.08333333333333333,
    ];
    assert_all_close("d ce / dx", grad(&grads, x), &expected, RTOL, 0.0);
}

// # l1 = sum |w| and l2 = sum w^2 / 2 over two tensors; gradients sign(w) and w
// w1 = f32([[0.5, -1.5], [2.0, -0.25]])
// w2 = f32([0.3, -0.7, 1.1])
// show("l1", np.abs(w1).sum() + np.abs(w2).sum())
// show("l2", 0.5 * (w1 ** 2).sum() + 0.5 * (w2 ** 2).sum())
#[test]
fn penalties_match_numpy_reference_with_sign_and_identity_gradients() {
    let w1 = Tensor::new([2, 2], vec![0.5, -1.5, 2.0, -0.25]);
    let w2 = Tensor::new([3], vec![0.3, -0.7, 1.1]);
    type Penalty = fn(&mut Tape, &[Var]) -> Option<Var>;
    let cases: [(&str, Penalty, f64); 2] = [
        ("l1", l1_penalty, 6.350000023841858),
        ("l2", l2_penalty, 4.1762500214576725),
    ];
    for (name, penalty, expected) in cases {
        let mut tape = Tape::new();
        let vars = [tape.param(&w1), tape.param(&w2)];
        let Some(loss) = penalty(&mut tape, &vars) else {
            panic!("{name}: no penalty")
        };
        let grads = tape.backward(loss);
        assert_all_close(name, tape.value(loss).data(), &[expected], RTOL, 0.0);
        for (var, w) in vars.iter().zip([&w1, &w2]) {
            let want: Vec<f32> = match name {
                "l1" => w.data().iter().map(|v| v.signum()).collect(),
                _ => w.data().to_vec(),
            };
            assert_eq!(grad(&grads, *var), want.as_slice(), "{name} gradient");
        }
    }
}

#[test]
fn penalties_of_no_weights_are_none() {
    let mut tape = Tape::new();
    assert!(l1_penalty(&mut tape, &[]).is_none());
    assert!(l2_penalty(&mut tape, &[]).is_none());
}

#[test]
fn mse_is_twice_tensorflow_playgrounds_half_squared_error() {
    // TFP's loss is mean(0.5 (o - y)^2); ours has no 1/2: (0.5 - 1)^2 = 0.25, TFP 0.125
    let mut tape = Tape::new();
    let o = tape.param(&Tensor::new([1, 1], vec![0.5]));
    let y = tape.input([1, 1], &[1.0]);
    let loss = mse(&mut tape, o, y);
    assert_eq!(tape.value(loss).item(), 0.25);
    assert_eq!(grad(&tape.backward(loss), o), &[-1.0]);
}

#[test]
fn cross_entropy_of_uniform_logits_is_ln_classes() {
    // all logits equal: p = 1/k for every class, loss = ln k
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::zeros([2, 5]));
    let loss = softmax_cross_entropy(&mut tape, x, &[3, 0]);
    assert_all_close("ln 5", tape.value(loss).data(), &[5f64.ln()], RTOL, 0.0);
}
