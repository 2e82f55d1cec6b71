//! Gradient clipping by global norm: the norm returned, the scaled gradients,
//! nothing changed under the limit, and non-finite norms left alone.

use tensor::{Grads, Tape, Tensor, Var, global_norm};

/// Gradients equal to `a` and `b` (the loss is `sum(a_param * a) + sum(b_param * b)`),
/// and a third parameter the loss does not reach.
fn grads_of(a: &[f32], b: &[f32]) -> (Grads, [Var; 3]) {
    let mut tape = Tape::new();
    let pa = tape.param(&Tensor::zeros([a.len()]));
    let pb = tape.param(&Tensor::zeros([b.len()]));
    let unused = tape.param(&Tensor::zeros([1]));
    let ca = tape.input([a.len()], a);
    let cb = tape.input([b.len()], b);
    let ta = tape.mul(pa, ca);
    let tb = tape.mul(pb, cb);
    let (sa, sb) = (tape.sum(ta), tape.sum(tb));
    let loss = tape.add(sa, sb);
    (tape.backward(loss), [pa, pb, unused])
}

fn grad(grads: &Grads, var: Var) -> Vec<f32> {
    match grads.get(var) {
        Some(g) => g.data().to_vec(),
        None => panic!("no gradient for {var:?}"),
    }
}

#[test]
fn global_norm_is_the_l2_norm_of_every_element_together() {
    // sqrt(3^2 + 4^2 + 12^2) = 13
    let (a, b) = (
        Tensor::new([2], vec![3.0, 4.0]),
        Tensor::new([1], vec![12.0]),
    );
    assert_eq!(global_norm([&a, &b]), 13.0);
    assert_eq!(global_norm([]), 0.0);
}

#[test]
fn clipping_scales_every_gradient_to_the_limit_and_returns_the_old_norm() {
    let (mut grads, params) = grads_of(&[3.0, 4.0], &[12.0]);
    let norm = grads.clip_global_norm(&params, 6.5);
    assert_eq!(norm, 13.0);
    // one scale, 6.5 / 13 = 0.5, for every parameter
    assert_eq!(grad(&grads, params[0]), [1.5, 2.0]);
    assert_eq!(grad(&grads, params[1]), [6.0]);
    assert!(grads.get(params[2]).is_none());
}

#[test]
fn clipping_under_the_limit_changes_nothing() {
    let (mut grads, params) = grads_of(&[3.0, 4.0], &[12.0]);
    assert_eq!(grads.clip_global_norm(&params, 13.0), 13.0);
    assert_eq!(grad(&grads, params[0]), [3.0, 4.0]);
    assert_eq!(grad(&grads, params[1]), [12.0]);
}

#[test]
fn huge_finite_gradients_clip_without_overflow() {
    // their squares overflow f32, not the f64 sum
    let (mut grads, params) = grads_of(&[3e30, 4e30], &[0.0]);
    let norm = grads.clip_global_norm(&params, 1.0);
    assert!((norm / 5e30 - 1.0).abs() < 1e-6, "norm {norm}");
    let clipped = grad(&grads, params[0]);
    assert!((clipped[0] - 0.6).abs() < 1e-6 && (clipped[1] - 0.8).abs() < 1e-6);
}

#[test]
fn non_finite_norms_are_returned_and_leave_the_gradients_alone() {
    for bad in [f32::NAN, f32::INFINITY] {
        let (mut grads, params) = grads_of(&[bad, 4.0], &[12.0]);
        let norm = grads.clip_global_norm(&params, 1.0);
        assert!(!norm.is_finite());
        assert_eq!(norm.is_nan(), bad.is_nan());
        assert_eq!(grad(&grads, params[0])[1], 4.0);
        assert_eq!(grad(&grads, params[1]), [12.0]);
    }
}

#[test]
#[should_panic(expected = "max_norm not positive")]
fn a_zero_limit_panics() {
    let (mut grads, params) = grads_of(&[1.0], &[1.0]);
    grads.clip_global_norm(&params, 0.0);
}
