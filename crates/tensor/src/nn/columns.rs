//! The multilayer perceptron's forward pass over points held column-wise: each
//! feature and each unit is one contiguous row of values, one per point. This is
//! the layout of per-neuron maps, so a grid's maps need no transposing, and the
//! points form the long side of every matrix product, which vectorizes well.

use alloc::vec::Vec;

use crate::kernels;
use crate::nn::Mlp;

/// Reusable buffers of [`Mlp::forward_columns`]: each layer's weights transposed
/// to `[units, inputs]`, and each layer's activations.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    /// `outputs[l]` is layer `l`'s activation, `[units, points]`: unit `u` at
    /// point `p` is `outputs[l][u * points + p]`. The last layer is the prediction.
    pub outputs: Vec<Vec<f32>>,
    transposed: Vec<Vec<f32>>,
}

impl Columns {
    /// Takes the current weights of `mlp`; call again after they change, before
    /// [`Mlp::forward_columns`].
    pub fn load_weights(&mut self, mlp: &Mlp) {
        self.transposed.resize_with(mlp.layers.len(), Vec::new);
        for (layer, out) in mlp.layers.iter().zip(&mut self.transposed) {
            let (inputs, units) = (layer.in_dim(), layer.out_dim());
            out.resize(inputs * units, 0.0);
            kernels::transpose(layer.weight.data(), out, inputs, units);
        }
    }
}

impl Mlp {
    /// Evaluates `points` inputs held column-wise (`x` is `[in_dim, points]`:
    /// feature `i` of point `p` at `x[i * points + p]`) without recording
    /// anything, leaving every layer's activations in `columns.outputs`.
    /// `columns` must hold this network's weights ([`Columns::load_weights`]).
    ///
    /// Every value has the same bits as [`Mlp::forward_layers`] and the tape
    /// give for the same point: each unit sums its inputs' terms from zero in
    /// ascending order, then adds its bias ([`crate::nn::Linear::apply_columns`]).
    pub fn forward_columns(&self, x: &[f32], points: usize, columns: &mut Columns) {
        let Columns {
            outputs,
            transposed,
        } = columns;
        outputs.resize_with(self.layers.len(), Vec::new);
        for (index, (layer, weights)) in self.layers.iter().zip(transposed.iter()).enumerate() {
            let (done, rest) = outputs.split_at_mut(index);
            let input = done.last().map_or(x, Vec::as_slice);
            let out = &mut rest[0];
            out.resize(layer.out_dim() * points, 0.0);
            layer.apply_columns(weights, input, points, out);
            self.activation_of(index).unary().apply_in_place(out);
        }
    }
}
