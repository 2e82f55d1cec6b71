//! Loss functions and weight penalties, built from tape operations so their
//! gradients come for free. Each returns a scalar [`Var`].

use crate::{Tape, Unary, Var};

/// Mean squared error, `mean((pred - target)^2)` over every element, **without**
/// a factor 1/2 (as PyTorch's `MSELoss`). TensorFlow Playground's loss is half of this.
///
/// # Panics
/// If the shapes differ.
pub fn mse(tape: &mut Tape, pred: Var, target: Var) -> Var {
    let diff = tape.sub(pred, target);
    let squares = tape.square(diff);
    tape.mean(squares)
}

/// Binary cross-entropy on logits `z` with targets `t` in {0, 1}, averaged:
/// `mean(softplus(z) - t z)`, which equals `-t ln s(z) - (1-t) ln(1 - s(z))`
/// and never takes the log of 0.
///
/// # Panics
/// If the shapes differ.
pub fn bce_with_logits(tape: &mut Tape, logits: Var, targets: Var) -> Var {
    let soft = tape.unary(logits, Unary::Softplus);
    let product = tape.mul(targets, logits);
    let per_element = tape.sub(soft, product);
    tape.mean(per_element)
}

/// Softmax cross-entropy with integer class labels, averaged over the batch:
/// `-mean_b log_softmax(logits)[b, labels[b]]`.
///
/// # Shapes
/// `logits: [batch, classes]`, `labels.len() == batch`.
///
/// # Panics
/// If the shapes disagree or a label is not below the class count.
pub fn softmax_cross_entropy(tape: &mut Tape, logits: Var, labels: &[usize]) -> Var {
    let shape = tape.shape(logits);
    assert!(
        shape.rank() == 2 && shape.dim(0) == labels.len(),
        "softmax_cross_entropy: logits {shape:?} vs {} labels",
        labels.len()
    );
    let classes = shape.dim(1);
    let log_probs = tape.log_softmax(logits, 1);
    let one_hot = tape.input_fn(shape, |buffer| {
        for (row, &label) in buffer.chunks_exact_mut(classes).zip(labels) {
            assert!(
                label < classes,
                "softmax_cross_entropy: label {label} of {classes} classes"
            );
            row[label] = 1.0;
        }
    });
    let picked = tape.mul(log_probs, one_hot);
    let total = tape.sum(picked);
    tape.scale(total, -1.0 / labels.len() as f32)
}

/// The L1 penalty `sum |w|` over the given weights (its gradient is `sign(w)`).
pub fn l1_penalty(tape: &mut Tape, weights: &[Var]) -> Option<Var> {
    penalty(tape, weights, Unary::Abs)
}

/// The L2 penalty `sum w^2 / 2` over the given weights (its gradient is `w`,
/// as in TensorFlow Playground).
pub fn l2_penalty(tape: &mut Tape, weights: &[Var]) -> Option<Var> {
    let total = penalty(tape, weights, Unary::Square)?;
    Some(tape.scale(total, 0.5))
}

fn penalty(tape: &mut Tape, weights: &[Var], f: Unary) -> Option<Var> {
    let mut total: Option<Var> = None;
    for &w in weights {
        let mapped = tape.unary(w, f);
        let term = tape.sum(mapped);
        total = Some(match total {
            Some(acc) => tape.add(acc, term),
            None => term,
        });
    }
    total
}
