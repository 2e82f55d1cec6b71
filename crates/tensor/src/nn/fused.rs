//! A tape-free training step for [`Mlp`]: forward pass, loss, backward pass and
//! one gradient per parameter, in buffers reused from step to step. It performs
//! the float operations that recording [`Mlp::forward`] and the loss on a tape
//! and calling `backward_into` perform, in the same order, so the loss and the
//! gradients are the tape's bit for bit. Owns the layer passes; the losses and
//! the penalty are `target`'s.

use alloc::vec::Vec;

use crate::nn::target::{LossScratch, fresh};
use crate::nn::{Mlp, Penalty, Target};
use crate::{Rng, Tensor, kernels};

/// Buffers for [`Mlp::loss_and_gradients`]: every layer's pre-activations, activations,
/// dropout masks and gradients, and one gradient per parameter. They grow on
/// the first step and are reused after it, so later steps do not allocate.
#[derive(Debug, Default)]
pub struct Workspace {
    layers: Vec<LayerBuffers>,
    grads: Vec<Tensor>,
    loss: LossScratch,
    /// Transposed operands of the matrix-product gradients.
    scratch: Vec<f32>,
}

/// One layer's values and gradients for a batch, each `[batch, out_dim]`.
#[derive(Debug, Default)]
struct LayerBuffers {
    /// `x @ W + b`.
    pre: Vec<f32>,
    /// `f(pre)`.
    act: Vec<f32>,
    /// The dropout mask: 0 or `1 / (1 - rate)`.
    mask: Vec<f32>,
    /// `act * mask`, the output when dropout is on.
    dropped: Vec<f32>,
    /// Whether dropout ran, so the output is `dropped` rather than `act`.
    dropout: bool,
    /// The gradient with respect to the output, then (through the mask) to `act`.
    grad_out: Vec<f32>,
    /// The gradient with respect to `pre`.
    delta: Vec<f32>,
}

impl LayerBuffers {
    /// What the next layer reads.
    fn output(&self) -> &[f32] {
        if self.dropout {
            &self.dropped
        } else {
            &self.act
        }
    }

    /// What the next layer reads, and where that layer writes its gradient.
    fn output_and_grad(&mut self) -> (&[f32], &mut [f32]) {
        let output = if self.dropout {
            &self.dropped
        } else {
            &self.act
        };
        (output, &mut self.grad_out)
    }
}

impl Workspace {
    /// Empty buffers, sized by the first step.
    pub fn new() -> Self {
        Self::default()
    }

    /// The gradients of the last step, one per parameter in [`Mlp::params`] order.
    pub fn grads(&self) -> &[Tensor] {
        &self.grads
    }

    /// Sizes every buffer for `mlp` and `batch` rows, allocating only to grow.
    fn fit(&mut self, mlp: &Mlp, batch: usize) {
        self.layers
            .resize_with(mlp.layers.len(), LayerBuffers::default);
        let mut scratch = 0;
        for (buffers, layer) in self.layers.iter_mut().zip(&mlp.layers) {
            let len = batch * layer.out_dim();
            for buffer in [
                &mut buffers.pre,
                &mut buffers.act,
                &mut buffers.grad_out,
                &mut buffers.delta,
            ] {
                buffer.resize(len, 0.0);
            }
            // a transposed operand, or a narrow gradient and its weight gradient
            // transposed (kernels::matmul_acc_lhs_transposed)
            let (k, n) = (layer.in_dim(), layer.out_dim());
            scratch = scratch.max(k * batch.max(n)).max((batch + k) * n);
        }
        self.scratch.resize(scratch, 0.0);
        if !self
            .grads
            .iter()
            .map(Tensor::shape)
            .eq(mlp.params().map(Tensor::shape))
        {
            self.grads = mlp.params().map(|p| Tensor::zeros(p.shape())).collect();
        }
    }
}

impl Mlp {
    /// One training step's loss and gradients without a tape: records nothing,
    /// reuses `ws`, and gives the same bits as recording [`Mlp::forward`] (with
    /// the same `dropout`), the loss `target` names plus `penalty` (scaled by
    /// its rate and added to the loss) on a tape and calling `backward_into`.
    /// Returns the mean data loss, penalty excluded; the gradients, of the loss
    /// with the penalty, are left in [`Workspace::grads`].
    ///
    /// # Shapes
    /// `x: [batch, in_dim]`, row-major; `target` matches the output `[batch, out_dim]`.
    ///
    /// # Panics
    /// If `x` or `target` do not match the shapes, a label is out of range, or
    /// the dropout rate is not in `[0, 1)`.
    pub fn loss_and_gradients(
        &self,
        x: &[f32],
        batch: usize,
        target: Target<'_>,
        penalty: Option<Penalty>,
        dropout: Option<(f32, &mut Rng)>,
        ws: &mut Workspace,
    ) -> f32 {
        let in_dim = self.layers[0].in_dim();
        assert_eq!(
            x.len(),
            batch * in_dim,
            "Mlp::loss_and_gradients: {} inputs for [{batch}, {in_dim}]",
            x.len()
        );
        ws.fit(self, batch);
        self.forward_into(x, batch, dropout, &mut ws.layers);
        let last = self.layers.len() - 1;
        let output = &mut ws.layers[last];
        let loss = target.loss_and_grad(
            &output.act,
            self.layers[last].out_dim(),
            &mut output.grad_out,
            &mut ws.loss,
        );
        self.backward_from_output(x, batch, penalty, ws);
        loss
    }

    /// The forward pass as the tape records it: [`crate::nn::Linear::apply`]
    /// (the product, then `+ b`), the activation on a copy, and on hidden
    /// layers the dropout mask drawn element by element and multiplied in.
    fn forward_into(
        &self,
        x: &[f32],
        batch: usize,
        mut dropout: Option<(f32, &mut Rng)>,
        layers: &mut [LayerBuffers],
    ) {
        for (index, layer) in self.layers.iter().enumerate() {
            let (done, rest) = layers.split_at_mut(index);
            let input = done.last().map_or(x, LayerBuffers::output);
            let out = &mut rest[0];
            layer.apply(input, batch, &mut out.pre);
            out.act.copy_from_slice(&out.pre);
            self.activation_of(index)
                .unary()
                .apply_in_place(&mut out.act);
            out.dropout = false;
            if index + 1 < self.layers.len() {
                if let Some((rate, rng)) = dropout.as_mut() {
                    out.dropout = apply_dropout(out, *rate, rng);
                }
            }
        }
    }

    /// The backward pass from the output gradient in the last layer's
    /// `grad_out`: per layer, through the dropout mask and the activation, into
    /// the bias (rows summed in order), the weight (after the penalty's share,
    /// as the tape visits the later-recorded penalty first) and the layer's input.
    fn backward_from_output(
        &self,
        x: &[f32],
        batch: usize,
        penalty: Option<Penalty>,
        ws: &mut Workspace,
    ) {
        for (index, layer) in self.layers.iter().enumerate().rev() {
            let (before, rest) = ws.layers.split_at_mut(index);
            let out = &mut rest[0];
            if out.dropout {
                for (g, &m) in out.grad_out.iter_mut().zip(&out.mask) {
                    *g = fresh(*g * m);
                }
            }
            out.delta.fill(0.0);
            self.activation_of(index).unary().derivative_acc(
                &out.grad_out,
                &out.pre,
                &out.act,
                &mut out.delta,
            );
            let dims @ (m, _, n) = (batch, layer.in_dim(), layer.out_dim());
            let (weight_grad, bias_grad) = ws.grads[2 * index..].split_at_mut(1);
            let (weight_grad, bias_grad) = (weight_grad[0].data_mut(), bias_grad[0].data_mut());
            // the rows summed in order, as `unbroadcast_acc` sums a bias's rows
            bias_grad.fill(0.0);
            for row in out.delta.chunks_exact(n.max(1)).take(m) {
                for (b, &d) in bias_grad.iter_mut().zip(row) {
                    *b += d;
                }
            }
            weight_grad.fill(0.0);
            if let Some(penalty) = penalty {
                penalty.add_grad(layer.weight.data(), weight_grad);
            }
            let (input, input_grad) = match before.last_mut() {
                None => (x, None),
                Some(prev) => {
                    let (input, grad) = prev.output_and_grad();
                    (input, Some(grad))
                }
            };
            kernels::matmul_acc_lhs_transposed(
                input,
                &out.delta,
                weight_grad,
                dims,
                &mut ws.scratch,
            );
            // the network's input `x` needs no gradient, so the tape skips it too
            if let Some(input_grad) = input_grad {
                input_grad.fill(0.0);
                kernels::matmul_acc_rhs_transposed(
                    &out.delta,
                    layer.weight.data(),
                    input_grad,
                    dims,
                    &mut ws.scratch,
                );
            }
        }
    }
}

/// Inverted dropout as [`crate::Tape::dropout`] draws it; returns whether it ran
/// (a rate of 0 leaves the layer untouched and draws nothing).
fn apply_dropout(out: &mut LayerBuffers, rate: f32, rng: &mut Rng) -> bool {
    assert!(
        (0.0..1.0).contains(&rate),
        // No `{rate}`: f32 formatting would add about 17 KB to the page's .wasm.
        "Mlp::loss_and_gradients: dropout rate not in [0, 1)"
    );
    if rate == 0.0 {
        return false;
    }
    let keep_scale = 1.0 / (1.0 - rate);
    out.mask.clear();
    out.mask.extend(out.act.iter().map(|_| {
        if rng.uniform() < rate {
            0.0
        } else {
            keep_scale
        }
    }));
    out.dropped.clear();
    out.dropped
        .extend(out.act.iter().zip(&out.mask).map(|(&a, &m)| a * m));
    true
}
