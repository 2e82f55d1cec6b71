//! Gradients worked out by hand, the math in a comment above each (after
//! candle's `grad_tests.rs`): accumulation, matmul, softmax, broadcasting,
//! reductions, and what must receive no gradient at all.

mod common;

use common::assert_all_close;
use tensor::{Grads, Tape, Tensor, Var};

fn grad(grads: &Grads, var: Var) -> &[f32] {
    match grads.get(var) {
        Some(g) => g.data(),
        None => panic!("no gradient for {var:?}"),
    }
}

#[test]
fn square_grad_at_three_is_six() {
    // d(x^2)/dx = 2x = 6 at x = 3
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::scalar(3.0));
    let y = tape.square(x);
    let grads = tape.backward(y);
    assert_eq!(tape.value(y).item(), 9.0);
    assert_eq!(grad(&grads, x), &[6.0]);
}

#[test]
fn value_used_twice_gets_the_sum_of_both_gradients() {
    // d(a*a)/da = a + a = 6, d(a+a)/da = 1 + 1 = 2, d(a*a + a)/da = 2a + 1 = 7 at a = 3
    let mut tape = Tape::new();
    let a = tape.param(&Tensor::scalar(3.0));
    let product = tape.mul(a, a);
    assert_eq!(grad(&tape.backward(product), a), &[6.0]);
    let sum = tape.add(a, a);
    assert_eq!(grad(&tape.backward(sum), a), &[2.0]);
    let both = tape.add(product, a);
    assert_eq!(grad(&tape.backward(both), a), &[7.0]);
}

#[test]
fn matmul_grad_by_hand_for_2x2() {
    // L = sum(A @ B), A = [1 2; 3 4], B = [5 6; 7 8]
    // dL/dA = 1 @ B^T: every row is B's row sums (5+6, 7+8) = (11, 15)
    // dL/dB = A^T @ 1: row k is A's column-k sum, (1+3, 1+3) and (2+4, 2+4)
    let mut tape = Tape::new();
    let a = tape.param(&Tensor::new([2, 2], vec![1.0, 2.0, 3.0, 4.0]));
    let b = tape.param(&Tensor::new([2, 2], vec![5.0, 6.0, 7.0, 8.0]));
    let product = tape.matmul(a, b);
    assert_eq!(tape.value(product).data(), &[19.0, 22.0, 43.0, 50.0]);
    let loss = tape.sum(product);
    let grads = tape.backward(loss);
    assert_eq!(grad(&grads, a), &[11.0, 15.0, 11.0, 15.0]);
    assert_eq!(grad(&grads, b), &[4.0, 4.0, 6.0, 6.0]);
}

#[test]
fn softmax_of_one_two_three_and_its_jacobian_row() {
    // softmax([1, 2, 3]) = e^x / (e + e^2 + e^3) = [0.09003057, 0.24472847, 0.66524096]
    // d p2 / dx = p2 (onehot(2) - p) = [-p0 p2, -p1 p2, p2 (1 - p2)]
    //           = [-0.05989202, -0.16280340, 0.22269543]
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new([3], vec![1.0, 2.0, 3.0]));
    let p = tape.softmax(x, 0);
    assert_all_close(
        "softmax",
        tape.value(p).data(),
        &[0.090_030_57, 0.244_728_47, 0.665_240_96],
        1e-6,
        0.0,
    );
    let pick = tape.input([3], &[0.0, 0.0, 1.0]);
    let picked = tape.mul(p, pick);
    let loss = tape.sum(picked);
    let grads = tape.backward(loss);
    assert_all_close(
        "d p2/dx",
        grad(&grads, x),
        &[-0.059_892_02, -0.162_803_40, 0.222_695_43],
        1e-5,
        0.0,
    );
}

#[test]
fn log_softmax_is_stable_for_huge_logits() {
    // log_softmax([1000, 1000]) = [-ln 2, -ln 2]; naive e^1000 would overflow
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new([1, 2], vec![1000.0, 1000.0]));
    let y = tape.log_softmax(x, 1);
    let ln2 = core::f64::consts::LN_2;
    assert_all_close(
        "log_softmax",
        tape.value(y).data(),
        &[-ln2, -ln2],
        1e-6,
        0.0,
    );
    // sum of log-probabilities: d/dx_i sum_j (x_j - lse) = 1 - 2 p_i = 0
    let loss = tape.sum(y);
    assert_eq!(grad(&tape.backward(loss), x), &[0.0, 0.0]);
}

#[test]
fn broadcast_backward_sums_over_repeated_axes() {
    // b = [1 2 3] repeated to 2 rows, L = sum(b' * W), W = [1 2 3; 4 5 6]:
    // dL/db_j = sum_i W[i, j] = [1+4, 2+5, 3+6]
    let mut tape = Tape::new();
    let b = tape.param(&Tensor::new([3], vec![1.0, 2.0, 3.0]));
    let wide = tape.broadcast_to(b, [2, 3]);
    assert_eq!(tape.value(wide).data(), &[1.0, 2.0, 3.0, 1.0, 2.0, 3.0]);
    let w = tape.input([2, 3], &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    let weighted = tape.mul(wide, w);
    let loss = tape.sum(weighted);
    assert_eq!(grad(&tape.backward(loss), b), &[5.0, 7.0, 9.0]);

    // a column [2, 1] repeated across 3 columns: dL/dc_i = sum_j W[i, j] = [6, 15]
    let c = tape.param(&Tensor::new([2, 1], vec![1.0, 2.0]));
    let wide = tape.broadcast_to(c, [2, 3]);
    let weighted = tape.mul(wide, w);
    let loss = tape.sum(weighted);
    assert_eq!(grad(&tape.backward(loss), c), &[6.0, 15.0]);

    // a scalar to [2, 3]: the sum of all of W, 21
    let s = tape.param(&Tensor::scalar(0.5));
    let wide = tape.broadcast_to(s, [2, 3]);
    let weighted = tape.mul(wide, w);
    let loss = tape.sum(weighted);
    assert_eq!(grad(&tape.backward(loss), s), &[21.0]);
}

#[test]
fn mean_axis_splits_the_gradient_evenly() {
    // mean over axis 1 of [1 2; 3 5] = [1.5; 4]; each element gets 1/2 of its row's gradient
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new([2, 2], vec![1.0, 2.0, 3.0, 5.0]));
    let m = tape.mean_axis(x, 1);
    assert_eq!(tape.value(m).dims(), &[2, 1]);
    assert_eq!(tape.value(m).data(), &[1.5, 4.0]);
    let w = tape.input([2, 1], &[1.0, -2.0]);
    let weighted = tape.mul(m, w);
    let loss = tape.sum(weighted);
    assert_eq!(grad(&tape.backward(loss), x), &[0.5, 0.5, -1.0, -1.0]);
}

#[test]
fn div_grad_by_hand() {
    // d(a/b)/da = 1/b = 1/3, d(a/b)/db = -a/b^2 = -6/9 at a = 6, b = 3
    let mut tape = Tape::new();
    let a = tape.param(&Tensor::scalar(6.0));
    let b = tape.param(&Tensor::scalar(3.0));
    let q = tape.div(a, b);
    let grads = tape.backward(q);
    assert_all_close("da", grad(&grads, a), &[1.0 / 3.0], 1e-7, 0.0);
    assert_all_close("db", grad(&grads, b), &[-2.0 / 3.0], 1e-7, 0.0);
}

#[test]
fn max_axis_gradient_goes_to_the_first_largest() {
    // max([1 3 3]) = 3 at indices 1 and 2; only the first moves it
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new([3], vec![1.0, 3.0, 3.0]));
    let m = tape.max_axis(x, 0);
    assert_eq!(tape.value(m).data(), &[3.0]);
    let loss = tape.sum(m);
    assert_eq!(grad(&tape.backward(loss), x), &[0.0, 1.0, 0.0]);
}

#[test]
fn kinks_take_derivative_zero() {
    // relu'(0) = 0 and |x|'(0) = 0 by convention
    let mut tape = Tape::new();
    let x = tape.param(&Tensor::new([2], vec![0.0, 0.0]));
    let r = tape.relu(x);
    let a = tape.abs(x);
    let both = tape.add(r, a);
    let loss = tape.sum(both);
    assert_eq!(grad(&tape.backward(loss), x), &[0.0, 0.0]);
}

#[test]
fn inputs_and_detached_values_get_no_gradient() {
    // L = sum(w * detach(w) * x): dL/dw = detach(w) * x = [2, -3], not 2 w x
    let mut tape = Tape::new();
    let w = tape.param(&Tensor::new([2], vec![1.0, 3.0]));
    let x = tape.input([2], &[2.0, -1.0]);
    let unused = tape.param(&Tensor::new([2], vec![5.0, 5.0]));
    let frozen = tape.detach(w);
    let wf = tape.mul(w, frozen);
    let product = tape.mul(wf, x);
    let loss = tape.sum(product);
    let grads = tape.backward(loss);
    assert_eq!(grad(&grads, w), &[2.0, -3.0]);
    assert!(grads.get(x).is_none(), "an input received a gradient");
    assert!(
        grads.get(frozen).is_none(),
        "a detached value received a gradient"
    );
    assert!(
        grads.get(unused).is_none(),
        "a parameter off the loss's path received a gradient"
    );
}

#[test]
fn reused_tape_and_grads_repeat_results_exactly() {
    // the same step twice on one cleared tape, backward_into one store: bit-identical
    fn step(tape: &mut Tape, grads: &mut Grads) -> (Vec<f32>, Vec<f32>) {
        tape.clear();
        let w = tape.param(&Tensor::new([2, 2], vec![0.5, -1.0, 2.0, 0.25]));
        let x = tape.input([3, 2], &[1.0, 2.0, -1.0, 0.5, 0.0, 3.0]);
        let h = tape.matmul(x, w);
        let h = tape.tanh(h);
        let loss = tape.mean(h);
        tape.backward_into(loss, grads);
        (tape.value(h).data().to_vec(), grad(grads, w).to_vec())
    }
    let (mut tape, mut grads) = (Tape::new(), Grads::new());
    let first = step(&mut tape, &mut grads);
    let second = step(&mut tape, &mut grads);
    assert_eq!(first, second);
    let fresh = step(&mut Tape::new(), &mut Grads::new());
    assert_eq!(first, fresh);
}
