//! What a fused training step scores the network against ([`Target`]) and the
//! weight penalty it adds ([`Penalty`]): each loss's value and its gradient with
//! respect to the network's output, in exactly the float operations that the
//! tape's `loss` functions perform forward and backward. Owns no layer arithmetic.
//!
//! On the tape every gradient slot starts at zero and receives `+=`
//! contributions, in reverse order of recording. Each chain-rule step here is
//! therefore wrapped in [`fresh`] (`0 + x`, which turns -0.0 into +0.0 as the
//! tape's slot does), and two contributions to one slot are added in the order
//! the tape adds them. The tape's unit scales are exact, so `1 * g` is written
//! `g` and `-1 * g` is written `-g`.

use alloc::vec::Vec;

use crate::{Unary, kernels};

/// What the network's output for a batch is scored against. Each variant is a
/// loss of [`crate::loss`], averaged over the batch.
///
/// # Shapes
/// For an output of `[batch, units]`: `targets` is `[batch, units]`, `labels`
/// has `batch` entries, each below `units`.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    /// `0.5 * units * mse(output, targets)`: half the squared error summed over
    /// the output units, averaged over the examples (TensorFlow Playground's loss).
    HalfSquared {
        /// The wanted outputs, row-major.
        targets: &'a [f32],
    },
    /// [`crate::loss::bce_with_logits`] with the output as logits.
    BinaryLogit {
        /// One 0 or 1 per output element, row-major.
        targets: &'a [f32],
    },
    /// [`crate::loss::softmax_cross_entropy`] with the output as logits.
    Softmax {
        /// The class of each example.
        labels: &'a [usize],
    },
}

/// Which weight penalty [`Penalty`] adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PenaltyKind {
    /// [`crate::loss::l1_penalty`]: `sum |w|`.
    L1,
    /// [`crate::loss::l2_penalty`]: `sum w^2 / 2`.
    L2,
}

/// A penalty on every layer's weights (not the biases), multiplied by `rate`
/// and added to the data loss: `loss + rate * penalty`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Penalty {
    /// L1 or L2.
    pub kind: PenaltyKind,
    /// The factor on the penalty.
    pub rate: f32,
}

/// The value a gradient slot on the tape holds after receiving `x` alone: `0 + x`.
#[inline(always)]
pub(crate) fn fresh(x: f32) -> f32 {
    0.0 + x
}

/// Per-row values of the softmax, kept between its forward and backward passes.
#[derive(Clone, Copy, Debug, Default)]
struct SoftmaxRow {
    max: f32,
    total: f32,
    log_total: f32,
}

/// Buffers the losses reuse between steps.
#[derive(Debug, Default)]
pub(crate) struct LossScratch {
    /// One value per output element: softplus for the logit loss, `e^(z - max)` for the softmax.
    values: Vec<f32>,
    rows: Vec<SoftmaxRow>,
}

impl Target<'_> {
    /// The loss of `output` (`[rows, units]`), writing its gradient with
    /// respect to `output` into `grad`.
    ///
    /// # Panics
    /// If the targets or labels do not match the output's shape, or a label is
    /// not below `units`.
    pub(crate) fn loss_and_grad(
        self,
        output: &[f32],
        units: usize,
        grad: &mut [f32],
        scratch: &mut LossScratch,
    ) -> f32 {
        let rows = output.len().checked_div(units).unwrap_or(0);
        match self {
            Target::HalfSquared { targets } => {
                assert_targets("HalfSquared", targets, output);
                half_squared(output, targets, units, grad)
            }
            Target::BinaryLogit { targets } => {
                assert_targets("BinaryLogit", targets, output);
                binary_logit(output, targets, grad, &mut scratch.values)
            }
            Target::Softmax { labels } => {
                assert!(
                    labels.len() == rows && units > 0,
                    "Target::Softmax: {} labels for output [{rows}, {units}]",
                    labels.len()
                );
                softmax(output, labels, units, grad, scratch)
            }
        }
    }
}

fn assert_targets(name: &str, targets: &[f32], output: &[f32]) {
    assert_eq!(
        targets.len(),
        output.len(),
        "Target::{name}: {} targets for {} outputs",
        targets.len(),
        output.len()
    );
}

/// `(units / 2) * ((1 / n) * sum (o - t)^2)`, as `scale(mse, 0.5 * units)`.
fn half_squared(output: &[f32], targets: &[f32], units: usize, grad: &mut [f32]) -> f32 {
    let inv_n = 1.0 / output.len() as f32;
    let half_units = 0.5 * units as f32;
    let total: f32 = output
        .iter()
        .zip(targets)
        .map(|(&o, &t)| Unary::Square.apply(o - t))
        .sum();
    let loss = half_units * (inv_n * total);
    // back through Scale(units / 2), Scale(1 / n), Sum, Square, Sub
    let g_total = fresh(fresh(half_units) * inv_n);
    for ((g, &o), &t) in grad.iter_mut().zip(output).zip(targets) {
        let diff = o - t;
        let g_square = fresh(g_total);
        let g_diff = fresh(g_square * Unary::Square.derivative(diff, diff * diff));
        *g = fresh(g_diff);
    }
    loss
}

/// `(1 / n) * sum (softplus(z) - t z)`, as `bce_with_logits`.
fn binary_logit(output: &[f32], targets: &[f32], grad: &mut [f32], soft: &mut Vec<f32>) -> f32 {
    soft.clear();
    soft.extend_from_slice(output);
    Unary::Softplus.apply_in_place(soft);
    let inv_n = 1.0 / output.len() as f32;
    let total: f32 = soft
        .iter()
        .zip(output.iter().zip(targets))
        .map(|(&s, (&z, &t))| s - t * z)
        .sum();
    let loss = inv_n * total;
    // back through Scale(1 / n), Sum, Sub, then mul(targets, logits) before
    // softplus (recorded after it), both into the logits' slot
    let g_per = fresh(fresh(inv_n));
    for (((g, &z), &t), &s) in grad.iter_mut().zip(output).zip(targets).zip(soft.iter()) {
        let g_soft = fresh(g_per);
        let g_product = fresh(-g_per);
        *g = fresh(g_product * t) + g_soft * Unary::Softplus.derivative(z, s);
    }
    loss
}

/// `-(1 / rows) * sum log_softmax(z)[label]`, as `softmax_cross_entropy`: the
/// log-softmax shifts by the (detached) row maximum, then subtracts `ln sum e^shifted`.
fn softmax(
    output: &[f32],
    labels: &[usize],
    classes: usize,
    grad: &mut [f32],
    scratch: &mut LossScratch,
) -> f32 {
    let rows = labels.len();
    let exps = &mut scratch.values;
    exps.clear();
    exps.resize(output.len(), 0.0);
    scratch.rows.clear();
    for (row, (z, e)) in output
        .chunks_exact(classes)
        .zip(exps.chunks_exact_mut(classes))
        .enumerate()
    {
        let max = z[kernels::argmax_axis(z, (1, classes, 1), 0, 0)];
        for (e, &z) in e.iter_mut().zip(z) {
            *e = Unary::Exp.apply(z - max);
        }
        let mut total = 0.0;
        kernels::sum_axis(e, (1, classes, 1), core::slice::from_mut(&mut total));
        assert!(
            labels[row] < classes,
            "Target::Softmax: label {} of {classes} classes",
            labels[row]
        );
        scratch.rows.push(SoftmaxRow {
            max,
            total,
            log_total: Unary::Log.apply(total),
        });
    }
    let one_hot = |c: usize, label: usize| if c == label { 1.0 } else { 0.0 };
    let scale = -1.0 / rows as f32;
    let total: f32 = output
        .chunks_exact(classes)
        .zip(labels)
        .zip(&scratch.rows)
        .flat_map(|((z, &label), row)| {
            z.iter()
                .enumerate()
                .map(move |(c, &z)| ((z - row.max) - row.log_total) * one_hot(c, label))
        })
        .sum();
    let loss = scale * total;
    // back through Scale, Sum, mul(log_probs, one_hot), then log_softmax:
    // sub(shifted, log_total) reaches `shifted` before exp does
    let g_picked = fresh(fresh(scale));
    for (((g, z), e), (&label, row)) in grad
        .chunks_exact_mut(classes)
        .zip(output.chunks_exact(classes))
        .zip(exps.chunks_exact(classes))
        .zip(labels.iter().zip(&scratch.rows))
    {
        let g_log_prob = |c: usize| fresh(g_picked * one_hot(c, label));
        let mut g_log_total = 0.0;
        for c in 0..classes {
            g_log_total += fresh(-g_log_prob(c));
        }
        let g_total = fresh(g_log_total * Unary::Log.derivative(row.total, row.log_total));
        let g_exps = fresh(g_total);
        for (c, ((g, &z), &e)) in g.iter_mut().zip(z).zip(e).enumerate() {
            let g_shifted = fresh(g_log_prob(c)) + g_exps * Unary::Exp.derivative(z - row.max, e);
            *g = fresh(g_shifted);
        }
    }
    loss
}

impl Penalty {
    fn unary(self) -> Unary {
        match self.kind {
            PenaltyKind::L1 => Unary::Abs,
            PenaltyKind::L2 => Unary::Square,
        }
    }

    /// Adds the penalty's gradient for one layer's `weights` into `grad`.
    pub(crate) fn add_grad(self, weights: &[f32], grad: &mut [f32]) {
        // back from the objective: add(data, scaled) gives `scaled` 1, Scale(rate)
        // gives the penalty `rate`, L2's Scale(0.5) halves it; the add chain over
        // the layers and each layer's Sum pass `fresh(g)` on, and `fresh` of a
        // fresh value changes nothing
        let g_penalty = fresh(fresh(1.0) * self.rate);
        let g = match self.kind {
            PenaltyKind::L1 => g_penalty,
            PenaltyKind::L2 => fresh(g_penalty * 0.5),
        };
        let f = self.unary();
        for (d, &w) in grad.iter_mut().zip(weights) {
            *d += g * f.derivative(w, f.apply(w));
        }
    }
}
