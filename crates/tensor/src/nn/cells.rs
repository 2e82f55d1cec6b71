//! One time step of each recurrent cell, built from tape primitives only, so
//! backpropagation through time needs no gradient rule of its own. Owns the
//! cells' arithmetic; the parameters and the loop over steps live in `recurrent`.

use alloc::vec;
use alloc::vec::Vec;

use crate::nn::Linear;
use crate::{Tape, Var};

/// Which recurrent cell a layer uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// The plain (Elman) RNN: `h' = tanh(x Wx + bx + h Wh + bh)`.
    Rnn,
    /// The LSTM: input `i`, forget `f` and output `o` gates, a candidate `g`
    /// and a cell state: `c' = f c + i g`, `h' = o tanh(c')`.
    Lstm,
    /// The GRU, in PyTorch's formulation: reset `r` and update `z` gates and a
    /// candidate `n = tanh(x Wxn + bxn + r (h Whn + bhn))`; `h' = (1 - z) n + z h`.
    Gru,
}

impl Cell {
    /// Every cell, in menu order.
    pub const ALL: [Cell; 3] = [Cell::Rnn, Cell::Lstm, Cell::Gru];

    /// The names of the cell's gates (the candidate counted as one), in
    /// PyTorch's order: the order of a layer's weights and of each step's
    /// activations. The plain RNN's one "gate" is its new hidden state.
    pub fn gates(self) -> &'static [&'static str] {
        match self {
            Cell::Rnn => &["h"],
            Cell::Lstm => &["i", "f", "g", "o"],
            Cell::Gru => &["r", "z", "n"],
        }
    }

    /// Whether the cell carries a cell state beside its hidden state.
    pub fn has_cell_state(self) -> bool {
        self == Cell::Lstm
    }

    /// Records one step from input `x: [batch, in]` and state `h` (and `c`,
    /// the LSTM's cell state) with `params`, four per gate (input weight and
    /// bias, hidden weight and bias); an LSTM given no `c` starts from zeros.
    /// Returns the new hidden state, the new cell state (LSTM only) and each
    /// gate's activation.
    pub(crate) fn step(
        self,
        tape: &mut Tape,
        params: &[Var],
        x: Var,
        h: Var,
        c: Option<Var>,
    ) -> (Var, Option<Var>, Vec<Var>) {
        // gate k's two affine maps: x Wx + bx and h Wh + bh
        let from_x =
            |tape: &mut Tape, k: usize| Linear::forward(tape, x, params[4 * k], params[4 * k + 1]);
        let from_h = |tape: &mut Tape, k: usize| {
            Linear::forward(tape, h, params[4 * k + 2], params[4 * k + 3])
        };
        let pre = |tape: &mut Tape, k: usize| {
            let (a, b) = (from_x(tape, k), from_h(tape, k));
            tape.add(a, b)
        };
        match self {
            Cell::Rnn => {
                let sum = pre(tape, 0);
                let h = tape.tanh(sum);
                (h, None, vec![h])
            }
            Cell::Lstm => {
                let gates: Vec<Var> = (0..4)
                    .map(|k| {
                        let sum = pre(tape, k);
                        if k == 2 {
                            tape.tanh(sum)
                        } else {
                            tape.sigmoid(sum)
                        }
                    })
                    .collect();
                let (i, f, g, o) = (gates[0], gates[1], gates[2], gates[3]);
                let shape = tape.shape(h);
                let c = c.unwrap_or_else(|| tape.input_fn(shape, |_| {}));
                let kept = tape.mul(f, c);
                let written = tape.mul(i, g);
                let c = tape.add(kept, written);
                let squashed = tape.tanh(c);
                let h = tape.mul(o, squashed);
                (h, Some(c), gates)
            }
            Cell::Gru => {
                let r_sum = pre(tape, 0);
                let r = tape.sigmoid(r_sum);
                let z_sum = pre(tape, 1);
                let z = tape.sigmoid(z_sum);
                let (n_x, n_h) = (from_x(tape, 2), from_h(tape, 2));
                let reset = tape.mul(r, n_h);
                let n_sum = tape.add(n_x, reset);
                let n = tape.tanh(n_sum);
                // (1 - z) n + z h, as n + z (h - n): one multiply fewer
                let toward_h = tape.sub(h, n);
                let moved = tape.mul(z, toward_h);
                let h = tape.add(n, moved);
                (h, None, vec![r, z, n])
            }
        }
    }
}
