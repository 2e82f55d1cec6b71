//! Optimizers: SGD, momentum, Nesterov, RMSProp, Adam and AdamW with explicit
//! state and one `step` call, or `step_rows` for tables whose gradient is kept
//! per row. Owns the update rules (PyTorch's formulations); the learning rate
//! may change between steps without resetting state.

use alloc::vec::Vec;

use crate::math::sqrt;
use crate::{RowGrad, Tensor};

/// An update rule and its hyperparameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OptimizerKind {
    /// `p -= lr g`
    Sgd,
    /// `v = beta v + g; p -= lr v`
    Momentum {
        /// The velocity decay, typically 0.9.
        beta: f32,
    },
    /// `v = beta v + g; p -= lr (g + beta v)`
    Nesterov {
        /// The velocity decay, typically 0.9.
        beta: f32,
    },
    /// `s = rho s + (1 - rho) g^2; p -= lr g / (sqrt s + eps)`
    RmsProp {
        /// The decay of the squared-gradient average, typically 0.99.
        rho: f32,
        /// Added to the denominator, typically 1e-8.
        eps: f32,
    },
    /// Adam with bias correction: `p -= lr m^ / (sqrt v^ + eps)`.
    Adam {
        /// First-moment decay, typically 0.9.
        beta1: f32,
        /// Second-moment decay, typically 0.999.
        beta2: f32,
        /// Added to the denominator, typically 1e-8.
        eps: f32,
    },
    /// Adam with decoupled weight decay: `p -= lr wd p` before the Adam update.
    AdamW {
        /// First-moment decay, typically 0.9.
        beta1: f32,
        /// Second-moment decay, typically 0.999.
        beta2: f32,
        /// Added to the denominator, typically 1e-8.
        eps: f32,
        /// The decoupled weight decay, typically 0.01.
        weight_decay: f32,
    },
}

impl OptimizerKind {
    /// Adam with its usual hyperparameters (PyTorch's defaults): beta1 0.9,
    /// beta2 0.999, eps 1e-8.
    pub const ADAM: Self = OptimizerKind::Adam {
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
    };
}

/// An optimizer with its per-parameter state.
#[derive(Clone, Debug)]
pub struct Optimizer {
    kind: OptimizerKind,
    learning_rate: f32,
    steps: u32,
    /// Per parameter: first state buffer (velocity, mean or squares).
    first: Vec<Vec<f32>>,
    /// Per parameter: second state buffer (Adam's squares).
    second: Vec<Vec<f32>>,
    /// Per parameter: the L2 norm of the last update.
    update_norms: Vec<f32>,
    /// One parameter's update, computed before it is applied.
    deltas: Vec<f32>,
}

impl Optimizer {
    /// A fresh optimizer.
    pub fn new(kind: OptimizerKind, learning_rate: f32) -> Self {
        Self {
            kind,
            learning_rate,
            steps: 0,
            first: Vec::new(),
            second: Vec::new(),
            update_norms: Vec::new(),
            deltas: Vec::new(),
        }
    }

    /// The update rule.
    pub fn kind(&self) -> OptimizerKind {
        self.kind
    }

    /// The current learning rate.
    pub fn learning_rate(&self) -> f32 {
        self.learning_rate
    }

    /// Changes the hyperparameters from the next step on. State is kept when the
    /// rule stays the same (say, a new momentum) and cleared when it changes.
    pub fn set_kind(&mut self, kind: OptimizerKind) {
        if core::mem::discriminant(&kind) != core::mem::discriminant(&self.kind) {
            self.first.clear();
            self.second.clear();
            self.steps = 0;
        }
        self.kind = kind;
    }

    /// Changes the learning rate from the next step on, keeping all state.
    pub fn set_learning_rate(&mut self, learning_rate: f32) {
        self.learning_rate = learning_rate;
    }

    /// How many steps have been taken.
    pub fn steps(&self) -> u32 {
        self.steps
    }

    /// The L2 norm of each parameter's last update, in the order `step` saw them.
    pub fn update_norms(&self) -> &[f32] {
        &self.update_norms
    }

    /// Updates every parameter from its gradient, pairs in a fixed order.
    pub fn step<'a>(&mut self, pairs: impl IntoIterator<Item = (&'a mut Tensor, &'a Tensor)>) {
        self.steps += 1;
        for (index, (param, grad)) in pairs.into_iter().enumerate() {
            assert_eq!(
                param.shape(),
                grad.shape(),
                "Optimizer::step: parameter {index} is {:?}, its gradient {:?}",
                param.shape(),
                grad.shape()
            );
            self.ensure_state(index, param.len());
            let norm = self.update(index, param.data_mut(), grad.data());
            self.update_norms[index] = norm;
        }
    }

    fn ensure_state(&mut self, index: usize, len: usize) {
        if self.first.len() <= index {
            self.first.resize_with(index + 1, Vec::new);
            self.second.resize_with(index + 1, Vec::new);
            self.update_norms.resize(index + 1, 0.0);
        }
        if self.first[index].len() != len {
            self.first[index] = alloc::vec![0.0; len];
            self.second[index] = alloc::vec![0.0; len];
        }
    }

    /// Applies the rule to one parameter and returns the update's L2 norm. The
    /// updates are computed first, then subtracted, then their squares summed in
    /// order: the first two loops have no running sum, so they vectorize.
    fn update(&mut self, index: usize, param: &mut [f32], grad: &[f32]) -> f32 {
        // every update is written by the rule, so only growth needs filling
        self.deltas.resize(param.len(), 0.0);
        let state = (&mut *self.first[index], &mut *self.second[index]);
        let rates = (self.learning_rate, bias_corrections(self.kind, self.steps));
        self.kind
            .deltas(rates, param, grad, state, &mut self.deltas);
        for (p, &d) in param.iter_mut().zip(self.deltas.iter()) {
            *p -= d;
        }
        norm(&self.deltas)
    }

    /// Updates only the rows of each table that its row gradient holds, pairs
    /// in a fixed order: the tables read by [`Tape::embedding_sparse`] and
    /// their [`Grads::rows`]. A step costs the rows a batch used, not the table.
    ///
    /// SGD gives the bits of [`Optimizer::step`] on the dense gradient (zero
    /// outside the rows), update norm included. The rules with state are lazy,
    /// as PyTorch's `SparseAdam`: a row without a gradient keeps its value and
    /// its state (where dense momentum would still move it and dense Adam
    /// would decay its moments), while the step count of Adam's bias
    /// correction advances for the whole table at every call, as `SparseAdam`'s
    /// does. AdamW's weight decay reaches only the rows with a gradient. When
    /// every row has one, every rule gives the bits of `step`.
    ///
    /// Step one optimizer either with `step` or with `step_rows`: both count
    /// steps and index their state by the position of a pair.
    ///
    /// # Panics
    /// If a table is not a matrix as wide as its row gradient, or an id is not
    /// below its row count.
    ///
    /// [`Tape::embedding_sparse`]: crate::Tape::embedding_sparse
    /// [`Grads::rows`]: crate::Grads::rows
    pub fn step_rows<'a>(
        &mut self,
        tables: impl IntoIterator<Item = (&'a mut Tensor, &'a RowGrad)>,
    ) {
        self.steps += 1;
        for (index, (table, grad)) in tables.into_iter().enumerate() {
            let (shape, dim, last) = (table.shape(), grad.dim(), grad.ids().last());
            assert!(
                shape.rank() == 2
                    && shape.dim(1) == dim
                    && last.is_none_or(|&id| id < shape.dim(0)),
                "Optimizer::step_rows: table {index} is {shape:?}, its row gradient \
                 has rows of {dim} with ids up to {last:?}"
            );
            self.ensure_state(index, table.len());
            let norm = self.update_rows(index, table.data_mut(), grad);
            self.update_norms[index] = norm;
        }
    }

    /// Applies the rule to the rows of one table that `grad` holds, a row at a
    /// time in ascending id, and returns the update's L2 norm.
    fn update_rows(&mut self, index: usize, table: &mut [f32], grad: &RowGrad) -> f32 {
        let dim = grad.dim();
        self.deltas.resize(grad.rows().len(), 0.0);
        let (first, second) = (&mut self.first[index], &mut self.second[index]);
        let rates = (self.learning_rate, bias_corrections(self.kind, self.steps));
        let rows = grad
            .ids()
            .iter()
            .zip(grad.rows().chunks_exact(dim.max(1)))
            .zip(self.deltas.chunks_exact_mut(dim.max(1)));
        for ((&id, g), deltas) in rows {
            let span = id * dim..(id + 1) * dim;
            let state = (&mut first[span.clone()], &mut second[span.clone()]);
            let param = &mut table[span];
            self.kind.deltas(rates, param, g, state, deltas);
            for (p, &d) in param.iter_mut().zip(deltas.iter()) {
                *p -= d;
            }
        }
        norm(&self.deltas)
    }
}

impl OptimizerKind {
    /// The updates of this rule for a span of one parameter into `deltas`,
    /// advancing the span's state (`first`, `second`); `rates` is the learning
    /// rate and Adam's [`bias_corrections`] for this step.
    fn deltas(
        self,
        (lr, corrections): (f32, (f32, f32)),
        param: &[f32],
        grad: &[f32],
        (first, second): (&mut [f32], &mut [f32]),
        deltas: &mut [f32],
    ) {
        match self {
            OptimizerKind::Sgd => {
                for (d, &g) in deltas.iter_mut().zip(grad) {
                    *d = lr * g;
                }
            }
            OptimizerKind::Momentum { beta } => {
                for ((d, &g), v) in deltas.iter_mut().zip(grad).zip(first.iter_mut()) {
                    *v = flush_subnormal(beta * *v + g);
                    *d = lr * *v;
                }
            }
            OptimizerKind::Nesterov { beta } => {
                for ((d, &g), v) in deltas.iter_mut().zip(grad).zip(first.iter_mut()) {
                    *v = flush_subnormal(beta * *v + g);
                    *d = lr * (g + beta * *v);
                }
            }
            OptimizerKind::RmsProp { rho, eps } => {
                for ((d, &g), s) in deltas.iter_mut().zip(grad).zip(first.iter_mut()) {
                    *s = flush_subnormal(rho * *s + (1.0 - rho) * g * g);
                    *d = lr * g / (sqrt(*s) + eps);
                }
            }
            OptimizerKind::Adam { beta1, beta2, eps } => {
                let betas = (beta1, beta2, eps);
                adam(
                    param,
                    grad,
                    (first, second),
                    betas,
                    (lr, 0.0),
                    corrections,
                    deltas,
                );
            }
            OptimizerKind::AdamW {
                beta1,
                beta2,
                eps,
                weight_decay,
            } => {
                let (betas, rates) = ((beta1, beta2, eps), (lr, weight_decay));
                adam(
                    param,
                    grad,
                    (first, second),
                    betas,
                    rates,
                    corrections,
                    deltas,
                );
            }
        }
    }
}

/// The L2 norm of an update, its squares summed in order.
fn norm(deltas: &[f32]) -> f32 {
    sqrt(deltas.iter().fold(0.0, |squared, &d| squared + d * d))
}

/// `x`, or 0 if `x` is subnormal: what optimizer state keeps (TensorFlow's CPU
/// kernels flush to zero in hardware; wasm cannot, so this does it for every
/// target alike). A moment whose gradient has stopped, as on a dead ReLU unit,
/// decays geometrically until rounding leaves it at a few of the smallest
/// subnormals forever (`0.9 * 5 ulp` rounds back to `5 ulp`), and on x86 every
/// multiply or divide of a subnormal takes a slow microcode path: a third of
/// W2's 4,096 hidden weights got there within 1,000 steps, and Adam's update
/// ran ten times slower. The updates this drops are below `1e-30` at the usual
/// settings, so no weight of ordinary size changes.
fn flush_subnormal(x: f32) -> f32 {
    if x.abs() < f32::MIN_POSITIVE { 0.0 } else { x }
}

/// Adam's bias corrections `1 - beta1^step` and `1 - beta2^step` for `kind`
/// at `step`, computed once per step rather than once per row (1 for the
/// other rules, which do not read them).
fn bias_corrections(kind: OptimizerKind, step: u32) -> (f32, f32) {
    match kind {
        OptimizerKind::Adam { beta1, beta2, .. } | OptimizerKind::AdamW { beta1, beta2, .. } => (
            1.0 - libm::powf(beta1, step as f32),
            1.0 - libm::powf(beta2, step as f32),
        ),
        _ => (1.0, 1.0),
    }
}

/// The Adam updates of one parameter into `deltas`, with bias correction and
/// decoupled weight decay (`rates` is the learning rate and the decay).
fn adam(
    param: &[f32],
    grad: &[f32],
    (mean, squares): (&mut [f32], &mut [f32]),
    (beta1, beta2, eps): (f32, f32, f32),
    (lr, weight_decay): (f32, f32),
    (correction1, correction2): (f32, f32),
    deltas: &mut [f32],
) {
    let terms = deltas
        .iter_mut()
        .zip(param)
        .zip(grad)
        .zip(mean)
        .zip(squares);
    for ((((d, &p), &g), m), v) in terms {
        *m = flush_subnormal(beta1 * *m + (1.0 - beta1) * g);
        *v = flush_subnormal(beta2 * *v + (1.0 - beta2) * g * g);
        let m_hat = *m / correction1;
        let v_hat = *v / correction2;
        let decay = lr * weight_decay * p;
        *d = decay + lr * m_hat / (sqrt(v_hat) + eps);
    }
}

#[cfg(test)]
mod tests {
    use super::{Optimizer, OptimizerKind};
    use crate::Tensor;

    /// A gradient that stops (a dead unit's): every rule's state decays to
    /// exactly 0 instead of sticking at the smallest subnormals, where each
    /// later update would take x86's slow path.
    #[test]
    fn state_of_a_stopped_gradient_decays_to_zero() {
        let kinds = [
            OptimizerKind::Momentum { beta: 0.9 },
            OptimizerKind::Nesterov { beta: 0.9 },
            OptimizerKind::RmsProp {
                rho: 0.99,
                eps: 1e-8,
            },
            OptimizerKind::ADAM,
            OptimizerKind::AdamW {
                beta1: 0.9,
                beta2: 0.999,
                eps: 1e-8,
                weight_decay: 0.01,
            },
        ];
        for kind in kinds {
            let mut optimizer = Optimizer::new(kind, 0.01);
            let mut param = Tensor::new([3], alloc::vec![0.5, -1.0, 2.0]);
            let stopped = Tensor::zeros([3]);
            let first = Tensor::new([3], alloc::vec![1e-15, -3e-16, 7e-16]);
            optimizer.step([(&mut param, &first)]);
            for _ in 0..20_000 {
                optimizer.step([(&mut param, &stopped)]);
            }
            let state = optimizer.first.iter().chain(&optimizer.second).flatten();
            for &value in state {
                assert!(
                    value == 0.0,
                    "{kind:?}: state {value:e} after 20,000 zero gradients"
                );
            }
        }
    }
}
