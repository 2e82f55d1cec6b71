//! The recurrent layer's shape of things: its parameters and their starting
//! values (the LSTM's forget-gate bias at 1), and what each step records.

use tensor::nn::{Cell, Recurrent};
use tensor::{Init, Rng, Tape};

#[test]
fn each_cell_has_four_params_per_gate_in_pytorch_order() {
    for (cell, gates) in [(Cell::Rnn, 1), (Cell::Lstm, 4), (Cell::Gru, 3)] {
        let layer = Recurrent::new(cell, 3, 5, Init::Xavier, 1.0, &mut Rng::new(1));
        assert_eq!(cell.gates().len(), gates);
        assert_eq!((layer.in_dim(), layer.hidden_dim()), (3, 5));
        let dims: Vec<&[usize]> = layer.params().map(|p| p.dims()).collect();
        let one_gate: [&[usize]; 4] = [&[3, 5], &[5], &[5, 5], &[5]];
        assert_eq!(dims, one_gate.repeat(gates), "{cell:?}");
    }
}

#[test]
fn lstm_forget_gate_bias_starts_at_one_and_hidden_biases_at_zero() {
    let layer = Recurrent::new(Cell::Lstm, 2, 4, Init::Uniform, 1.0, &mut Rng::new(1));
    for (gate, name) in layer.gates.iter().zip(Cell::Lstm.gates()) {
        let input_bias = if *name == "f" {
            1.0
        } else {
            Init::Uniform.bias()
        };
        assert!(
            gate.input.bias.data().iter().all(|&b| b == input_bias),
            "{name}"
        );
        assert!(gate.hidden.bias.data().iter().all(|&b| b == 0.0), "{name}");
    }
}

#[test]
fn every_step_records_its_state_and_gate_activations() {
    for cell in Cell::ALL {
        let layer = Recurrent::new(cell, 2, 3, Init::Xavier, 1.0, &mut Rng::new(2));
        let mut tape = Tape::new();
        let inputs: Vec<_> = (0..4)
            .map(|t| tape.input([5, 2], &[t as f32 * 0.1; 10]))
            .collect();
        let initial = layer.zero_state(&mut tape, 5);
        assert_eq!(initial.cell.is_some(), cell.has_cell_state());
        let unrolled = layer.forward(&mut tape, &inputs, initial);
        assert_eq!(unrolled.params.len(), layer.params().count());
        assert_eq!(unrolled.steps.len(), 4);
        for step in &unrolled.steps {
            assert_eq!(step.cell.is_some(), cell.has_cell_state());
            assert_eq!(step.gates.len(), cell.gates().len());
            let states = step.gates.iter().chain([&step.hidden]).chain(&step.cell);
            for &var in states {
                assert_eq!(tape.shape(var).dims(), &[5, 3]);
            }
        }
    }
}
