//! The optimizers against reference numbers from NumPy implementations of
//! PyTorch's update rules (`torch.optim.SGD` with momentum and Nesterov,
//! `RMSprop`, `Adam`, `AdamW`), five steps on two fixed parameters, including a
//! learning rate that changes between steps without resetting any state.

mod common;

use common::assert_all_close;
use tensor::{Optimizer, OptimizerKind, Shape, Tensor};

// The reference script (NumPy 2.4, float64 from the same f32 starting values):
// PyTorch's update rules written out. Each test below names its case, printed by
//
//     ps, norms = run(rule, lrs)
//     print(name, [float(v) for p in ps for v in p.ravel()], [float(n) for n in norms])
//
// import numpy as np
//
// def f32(a):
//     return np.array(a, np.float32).astype(np.float64)
//
// def start():
//     return [f32([[0.5, -1.0], [1.5, 2.0]]), f32([-0.3, 0.8, 1.2])]
//
// def grad(t, index):
//     # exact in f32: multiples of 1/4 in [-1.375, 1.375], never 0
//     i = np.arange(4) if index == 0 else np.arange(4, 7)
//     g = ((7 * i + 3 * t) % 11 - 5.5) / 4
//     return g.reshape((2, 2)) if index == 0 else g
//
// def run(rule, lrs):
//     ps = start()
//     state = [{} for _ in ps]
//     norms = []
//     for t, lr in enumerate(lrs, start=1):
//         norms = []
//         for index, p in enumerate(ps):
//             delta = rule(state[index], grad(t, index), p, lr, t)
//             ps[index] = p - delta
//             norms.append(np.sqrt(np.sum(delta ** 2)))
//     return ps, norms
//
// def sgd(s, g, p, lr, t):
//     return lr * g
//
// def momentum(beta, nesterov):
//     # torch.optim.SGD(momentum=beta, nesterov=nesterov, dampening=0)
//     def rule(s, g, p, lr, t):
//         s["v"] = beta * s.get("v", 0) + g
//         return lr * (g + beta * s["v"] if nesterov else s["v"])
//     return rule
//
// def rmsprop(alpha, eps):
//     # torch.optim.RMSprop(alpha=alpha, eps=eps)
//     def rule(s, g, p, lr, t):
//         s["sq"] = alpha * s.get("sq", 0) + (1 - alpha) * g * g
//         return lr * g / (np.sqrt(s["sq"]) + eps)
//     return rule
//
// def adam(b1, b2, eps, wd=0.0):
//     # torch.optim.Adam / AdamW (decoupled decay: p *= 1 - lr wd, then the Adam step)
//     def rule(s, g, p, lr, t):
//         s["m"] = b1 * s.get("m", 0) + (1 - b1) * g
//         s["v"] = b2 * s.get("v", 0) + (1 - b2) * g * g
//         m_hat = s["m"] / (1 - b1 ** t)
//         v_hat = s["v"] / (1 - b2 ** t)
//         return lr * wd * p + lr * m_hat / (np.sqrt(v_hat) + eps)
//     return rule

/// Relative tolerance: float64 references against f32 updates, a few ulps after five steps.
const RTOL: f64 = 1e-6;
/// Absolute floor, one f32 ulp at 1.
const ATOL: f64 = 1.2e-7;

/// The gradient of step `t` (from 1) for parameter `index`, as in `grad(t, index)`:
/// element `i` of the two parameters laid end to end gets `((7 i + 3 t) % 11 - 5.5) / 4`.
fn gradient(t: usize, index: usize) -> Tensor {
    let (shape, flat) = if index == 0 {
        (Shape::new(&[2, 2]), 0..4)
    } else {
        (Shape::new(&[3]), 4..7)
    };
    let data = flat
        .map(|i| ((7 * i + 3 * t) % 11) as f32 / 4.0 - 5.5 / 4.0)
        .collect();
    Tensor::new(shape, data)
}

/// Runs `kind` for one step per learning rate and returns the flattened
/// parameters and the last step's update norms.
fn run(kind: OptimizerKind, learning_rates: &[f32]) -> (Vec<f32>, Vec<f32>) {
    let mut params = [
        Tensor::new([2, 2], vec![0.5, -1.0, 1.5, 2.0]),
        Tensor::new([3], vec![-0.3, 0.8, 1.2]),
    ];
    let mut optimizer = Optimizer::new(kind, learning_rates[0]);
    for (step, &lr) in learning_rates.iter().enumerate() {
        optimizer.set_learning_rate(lr);
        let grads = [gradient(step + 1, 0), gradient(step + 1, 1)];
        optimizer.step(params.iter_mut().zip(&grads));
    }
    assert_eq!(optimizer.steps() as usize, learning_rates.len());
    let flat = params
        .iter()
        .flat_map(|p| p.data().iter().copied())
        .collect();
    (flat, optimizer.update_norms().to_vec())
}

fn check(label: &str, kind: OptimizerKind, learning_rates: &[f32], params: &[f64], norms: &[f64]) {
    let (got, got_norms) = run(kind, learning_rates);
    assert_all_close(label, &got, params, RTOL, ATOL);
    assert_all_close(
        &format!("{label} update norms"),
        &got_norms,
        norms,
        RTOL,
        ATOL,
    );
}

#[test]
fn gradients_follow_the_reference_formula() {
    // grad(1, 0) = (((0, 7, 14, 21) + 3) % 11 - 5.5) / 4 = ((3, 10, 6, 2) - 5.5) / 4
    assert_eq!(gradient(1, 0).data(), &[-0.625, 1.125, 0.125, -0.875]);
}

// sgd: run(sgd, [0.1] * 5)
#[test]
fn sgd_matches_numpy_reference() {
    check(
        "sgd",
        OptimizerKind::Sgd,
        &[0.1; 5],
        &[
            0.6125,
            -0.9375000000000002,
            1.5125000000000002,
            2.2375000000000003,
            -0.387500011920929,
            0.9375000119209289,
            1.2875000476837157,
        ],
        &[0.16007810593582122, 0.14306903927824496],
    );
}

// momentum: run(momentum(0.9, False), [0.1] * 5)
#[test]
fn momentum_matches_numpy_reference() {
    check(
        "momentum",
        OptimizerKind::Momentum { beta: 0.9 },
        &[0.1; 5],
        &[
            0.7270812499999999,
            -1.10716125,
            1.48652375,
            2.55568375,
            -0.353558761920929,
            1.1151262619209288,
            1.5617862976837158,
        ],
        &[0.24014927114453213, 0.15953197157525356],
    );
}

// nesterov: run(momentum(0.9, True), [0.1] * 5)
#[test]
fn nesterov_matches_numpy_reference() {
    check(
        "nesterov",
        OptimizerKind::Nesterov { beta: 0.9 },
        &[0.1; 5],
        &[
            0.8168731250000001,
            -1.033945125,
            1.500371375,
            2.737615375,
            -0.435702886920929,
            1.2211136369209292,
            1.613107672683716,
        ],
        &[0.34772224679952896, 0.2567052762182672],
    );
}

// rmsprop: run(rmsprop(0.99, 1e-8), [0.01] * 5)
#[test]
fn rmsprop_matches_numpy_reference() {
    check(
        "rmsprop",
        OptimizerKind::RmsProp {
            rho: 0.99,
            eps: 1e-8,
        },
        &[0.01; 5],
        &[
            0.5950938559571858,
            -1.003393001325479,
            1.380457745986841,
            2.168929771772393,
            -0.3803130301512243,
            0.9233719363977074,
            1.2804795101174293,
        ],
        &[0.08227773068217728, 0.07649062936448439],
    );
}

// adam: run(adam(0.9, 0.999, 1e-8), [0.1] * 5)
#[test]
fn adam_matches_numpy_reference() {
    check(
        "adam",
        OptimizerKind::ADAM,
        &[0.1; 5],
        &[
            0.6823806873968293,
            -1.1090232432539022,
            1.3560231394664397,
            2.2993867733006343,
            -0.37025811686919635,
            0.9691276505957225,
            1.4367409043015735,
        ],
        &[0.0718612314707316, 0.04994789355882755],
    );
}

// adamw: run(adam(0.9, 0.999, 1e-8, 0.01), [0.1] * 5)
#[test]
fn adamw_matches_numpy_reference() {
    check(
        "adamw",
        OptimizerKind::AdamW {
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            weight_decay: 0.01,
        },
        &[0.1; 5],
        &[
            0.6793641531278025,
            -1.1035891745064783,
            1.3491424946309327,
            2.2887022879853967,
            -0.36848241058229586,
            0.9647872366598864,
            1.4300143877799336,
        ],
        &[0.06997774676407863, 0.048586630967888705],
    );
}

// momentum_schedule: run(momentum(0.9, False), [0.1, 0.05, 0.2, 0.1, 0.02])
#[test]
fn momentum_keeps_its_velocity_when_the_learning_rate_changes() {
    check(
        "momentum schedule",
        OptimizerKind::Momentum { beta: 0.9 },
        &[0.1, 0.05, 0.2, 0.1, 0.02],
        &[
            0.57726625,
            -1.16524225,
            1.5472147500000002,
            2.3679667499999995,
            -0.22954176192092898,
            1.1379152619209287,
            1.534167297683716,
        ],
        &[0.048029854228906425, 0.031906394315050705],
    );
}

// adam_schedule: run(adam(0.9, 0.999, 1e-8), [0.1, 0.05, 0.2, 0.1, 0.02])
#[test]
fn adam_keeps_its_moments_when_the_learning_rate_changes() {
    check(
        "adam schedule",
        OptimizerKind::ADAM,
        &[0.1, 0.05, 0.2, 0.1, 0.02],
        &[
            0.6012818963529242,
            -1.122456405179856,
            1.403737595272396,
            2.2250335061565125,
            -0.3285522422832281,
            1.0062753364568848,
            1.424936187427622,
        ],
        &[0.01437224629414632, 0.00998957871176551],
    );
}

#[test]
fn zero_gradient_leaves_sgd_parameters_untouched_and_reports_zero_norm() {
    let mut param = Tensor::new([2], vec![1.0, -2.0]);
    let mut optimizer = Optimizer::new(OptimizerKind::Sgd, 0.5);
    optimizer.step([(&mut param, &Tensor::zeros([2]))]);
    assert_eq!(param.data(), &[1.0, -2.0]);
    assert_eq!(optimizer.update_norms(), &[0.0]);
}
