//! A recurrent layer unrolled on the tape over a whole sequence, so one
//! backward pass is backpropagation through time. Owns the parameters, their
//! initialisation and the loop over steps; one step's arithmetic is in `cells`.

use alloc::vec::Vec;

use crate::nn::{Cell, Linear};
use crate::{Init, Rng, Tape, Tensor, Var};

/// One gate's parameters (or the candidate's): `x @ input.weight + input.bias`
/// and `h @ hidden.weight + hidden.bias`. The two biases are PyTorch's `b_ih`
/// and `b_hh`; only the GRU's candidate needs both apart.
///
/// # Shapes
/// `input: [in_dim, hidden]`, `hidden: [hidden, hidden]`, both biases `[hidden]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Gate {
    /// The map from the step's input.
    pub input: Linear,
    /// The map from the previous hidden state.
    pub hidden: Linear,
}

/// A recurrent layer: one [`Cell`] applied at every step with the same weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Recurrent {
    /// Which cell.
    pub cell: Cell,
    /// One per gate, in [`Cell::gates`] order.
    pub gates: Vec<Gate>,
}

/// A state to start a sequence from.
#[derive(Clone, Copy, Debug)]
pub struct State {
    /// The hidden state, `[batch, hidden]`.
    pub hidden: Var,
    /// The LSTM's cell state, `[batch, hidden]` (zeros when `None`); other cells ignore it.
    pub cell: Option<Var>,
}

/// What one step recorded.
#[derive(Clone, Debug)]
pub struct Step {
    /// The hidden state after the step, `[batch, hidden]`: its gradient in the
    /// backward pass's [`crate::Grads`] is the loss's gradient through time.
    pub hidden: Var,
    /// The LSTM's cell state after the step; `None` for other cells.
    pub cell: Option<Var>,
    /// Each gate's activation, `[batch, hidden]`, in [`Cell::gates`] order.
    pub gates: Vec<Var>,
}

/// The variables one unrolled forward pass produced.
#[derive(Clone, Debug)]
pub struct Unrolled {
    /// Every parameter on the tape, in [`Recurrent::params`] order.
    pub params: Vec<Var>,
    /// One per input step, in order.
    pub steps: Vec<Step>,
}

impl Recurrent {
    /// A fresh layer. Input-side weights are drawn by `init` (`[in_dim, hidden]`,
    /// then hidden-side `[hidden, hidden]`, gate by gate) and multiplied by
    /// `scale`; input-side biases start at `init`'s bias, hidden-side ones at 0.
    /// The LSTM's forget-gate bias starts at 1, so the cell state is kept
    /// rather than forgotten until training says otherwise (Gers et al. 2000;
    /// Jozefowicz et al. 2015).
    pub fn new(
        cell: Cell,
        in_dim: usize,
        hidden: usize,
        init: Init,
        scale: f32,
        rng: &mut Rng,
    ) -> Self {
        let gates = cell
            .gates()
            .iter()
            .map(|&name| {
                let mut input = Linear::new(in_dim, hidden, init, scale, rng);
                if cell == Cell::Lstm && name == "f" {
                    input.bias = Tensor::full([hidden], 1.0);
                }
                let hidden = Linear {
                    weight: init.weights(hidden, hidden, scale, rng),
                    bias: Tensor::zeros([hidden]),
                };
                Gate { input, hidden }
            })
            .collect();
        Self { cell, gates }
    }

    /// The width of each step's input.
    pub fn in_dim(&self) -> usize {
        self.gates[0].input.in_dim()
    }

    /// The width of the hidden state.
    pub fn hidden_dim(&self) -> usize {
        self.gates[0].hidden.out_dim()
    }

    /// Every parameter, gate by gate: input weight, input bias, hidden weight, hidden bias.
    pub fn params(&self) -> impl Iterator<Item = &Tensor> {
        self.gates.iter().flat_map(|g| {
            [
                &g.input.weight,
                &g.input.bias,
                &g.hidden.weight,
                &g.hidden.bias,
            ]
        })
    }

    /// Every parameter, writable, in [`Recurrent::params`] order.
    pub fn params_mut(&mut self) -> impl Iterator<Item = &mut Tensor> {
        self.gates.iter_mut().flat_map(|g| {
            [
                &mut g.input.weight,
                &mut g.input.bias,
                &mut g.hidden.weight,
                &mut g.hidden.bias,
            ]
        })
    }

    /// A zero state for `batch` sequences, recorded as constants.
    pub fn zero_state(&self, tape: &mut Tape, batch: usize) -> State {
        let shape = [batch, self.hidden_dim()];
        let hidden = tape.input_fn(shape, |_| {});
        let cell = self
            .cell
            .has_cell_state()
            .then(|| tape.input_fn(shape, |_| {}));
        State { hidden, cell }
    }

    /// Records the parameters and then every step of `inputs` (each
    /// `[batch, in_dim]`, in time order) from `initial`, the same weights at
    /// every step. Backward through any step's output reaches every earlier
    /// step, the inputs and `initial`.
    ///
    /// # Panics
    /// If an input or the initial state has the wrong width, or the batches differ.
    pub fn forward(&self, tape: &mut Tape, inputs: &[Var], initial: State) -> Unrolled {
        let params: Vec<Var> = self.params().map(|p| tape.param(p)).collect();
        let mut steps: Vec<Step> = Vec::with_capacity(inputs.len());
        let (mut h, mut c) = (initial.hidden, initial.cell);
        for &x in inputs {
            let (hidden, cell, gates) = self.cell.step(tape, &params, x, h, c);
            (h, c) = (hidden, cell);
            steps.push(Step {
                hidden,
                cell,
                gates,
            });
        }
        Unrolled { params, steps }
    }
}
