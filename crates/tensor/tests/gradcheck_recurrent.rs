//! Backpropagation through time against central differences: a loss over
//! every step of an unrolled sequence (T = 5) of each cell, differentiated
//! with respect to every parameter, every input step and the initial state;
//! and each step's hidden-state gradient as the gradient of a sequence
//! restarted from that step.

mod common;

use common::{gradcheck_with, random_tensor};
use tensor::nn::{Cell, Recurrent, State, Unrolled};
use tensor::{Init, Rng, Tape, Tensor, Var};

const STEPS: usize = 5;
const BATCH: usize = 2;
const IN: usize = 3;
const HIDDEN: usize = 4;

/// A layer of `cell` with weights large enough (scale 2) that every gate's
/// nonlinearity is exercised away from its linear middle.
fn layer(cell: Cell) -> Recurrent {
    Recurrent::new(cell, IN, HIDDEN, Init::Xavier, 2.0, &mut Rng::new(7))
}

/// `layer`'s parameters with each bias randomised too (biases start constant).
fn params(cell: Cell) -> Vec<Tensor> {
    layer(cell)
        .params()
        .enumerate()
        .map(|(i, p)| {
            if p.dims().len() == 1 {
                random_tensor(p.shape(), 100 + i as u64, -0.5, 0.5)
            } else {
                p.clone()
            }
        })
        .collect()
}

/// Every step's input, then the initial hidden state, then (LSTM) the initial cell state.
fn data(cell: Cell) -> Vec<Tensor> {
    let mut data: Vec<Tensor> = (0..STEPS as u64)
        .map(|t| random_tensor([BATCH, IN], 200 + t, -1.0, 1.0))
        .collect();
    data.push(random_tensor([BATCH, HIDDEN], 300, -0.8, 0.8));
    if cell.has_cell_state() {
        data.push(random_tensor([BATCH, HIDDEN], 301, -1.0, 1.0));
    }
    data
}

/// Records `values` (the layer's parameters, then `steps` inputs, the initial
/// hidden state and, LSTM, cell state) as parameters and unrolls the layer
/// over them. Returns the unrolled steps and the data's vars.
fn unroll(tape: &mut Tape, cell: Cell, values: &[Tensor], steps: usize) -> (Unrolled, Vec<Var>) {
    let mut model = layer(cell);
    let count = model.params().count();
    for (param, value) in model.params_mut().zip(values) {
        *param = value.clone();
    }
    let data: Vec<Var> = values[count..].iter().map(|v| tape.param(v)).collect();
    let initial = State {
        hidden: data[steps],
        cell: data.get(steps + 1).copied(),
    };
    (model.forward(tape, &data[..steps], initial), data)
}

/// `sum_t sum(h_t * u_t) + sum_t sum(c_t * v_t)` with fixed weights: every
/// step's hidden (and cell) state reaches the loss.
fn weighted_states(tape: &mut Tape, unrolled: &Unrolled) -> Var {
    let mut total = None;
    for (t, step) in unrolled.steps.iter().enumerate() {
        for (k, state) in [Some(step.hidden), step.cell]
            .into_iter()
            .flatten()
            .enumerate()
        {
            let w = random_tensor([BATCH, HIDDEN], 400 + 10 * t as u64 + k as u64, -1.0, 1.0);
            let w = tape.input([BATCH, HIDDEN], w.data());
            let weighted = tape.mul(state, w);
            let sum = tape.sum(weighted);
            total = Some(match total {
                Some(total) => tape.add(total, sum),
                None => sum,
            });
        }
    }
    match total {
        Some(total) => total,
        None => panic!("no steps"),
    }
}

fn check_cell(cell: Cell) {
    let mut values = params(cell);
    values.extend(data(cell));
    let result = gradcheck_with(
        |tape, values| {
            let (unrolled, data) = unroll(tape, cell, values, STEPS);
            let loss = weighted_states(tape, &unrolled);
            (loss, [unrolled.params, data].concat())
        },
        &values,
        1e-2,
    );
    if let Err(message) = result {
        panic!("{cell:?}: {message}");
    }
}

#[test]
fn rnn_sequence_grad_matches_finite_difference() {
    check_cell(Cell::Rnn);
}

#[test]
fn lstm_sequence_grad_matches_finite_difference() {
    check_cell(Cell::Lstm);
}

#[test]
fn gru_sequence_grad_matches_finite_difference() {
    check_cell(Cell::Gru);
}

/// `sum(h * u)` for a fixed `u`: a loss on one hidden state.
fn loss_on(tape: &mut Tape, h: Var) -> Var {
    let u = random_tensor([BATCH, HIDDEN], 9, -1.0, 1.0);
    let u = tape.input([BATCH, HIDDEN], u.data());
    let weighted = tape.mul(h, u);
    tape.sum(weighted)
}

#[test]
fn each_step_hidden_grad_equals_the_grad_of_a_sequence_restarted_there() {
    for cell in Cell::ALL {
        let mut values = params(cell);
        let count = values.len();
        values.extend(data(cell));
        let mut tape = Tape::new();
        let (unrolled, _) = unroll(&mut tape, cell, &values, STEPS);
        let last = unrolled.steps[STEPS - 1].hidden;
        let loss = loss_on(&mut tape, last);
        let grads = tape.backward(loss);
        for (start, step) in unrolled.steps.iter().enumerate() {
            let Some(through_time) = grads.get(step.hidden) else {
                panic!("{cell:?}: no gradient for the hidden state of step {start}");
            };
            // the steps after `start` alone, from the state `start` left
            let rest = STEPS - start - 1;
            let mut restarted = values[..count + STEPS].to_vec();
            restarted.drain(count..count + start + 1);
            restarted.push(tape.value(step.hidden).clone());
            restarted.extend(step.cell.map(|c| tape.value(c).clone()));
            let mut short = Tape::new();
            let (resumed, data) = unroll(&mut short, cell, &restarted, rest);
            let last = resumed.steps.last().map_or(data[rest], |s| s.hidden);
            let loss = loss_on(&mut short, last);
            let short_grads = short.backward(loss);
            let Some(direct) = short_grads.get(data[rest]) else {
                panic!("{cell:?}: no gradient for the restarted state");
            };
            assert_eq!(
                through_time.data(),
                direct.data(),
                "{cell:?}: hidden state of step {start}"
            );
        }
    }
}
