//! The two forward paths of `Mlp` agree: `forward_layers` (plain loops, for
//! prediction grids) gives the tape's values bit for bit, layer by layer.

use tensor::nn::Mlp;
use tensor::{Activation, Init, Rng, Tape, Var};

#[test]
fn forward_layers_agrees_with_the_tape_forward() {
    // every hidden activation, every layer's output, batches of 1 and 13
    for hidden in Activation::ALL {
        let mut rng = Rng::new(5);
        let mlp = Mlp::new(
            &[3, 7, 5, 2],
            hidden,
            Activation::Sigmoid,
            Init::Xavier,
            1.0,
            &mut rng,
        );
        for rows in [1, 13] {
            let xs: Vec<f32> = (0..rows * 3)
                .map(|_| rng.uniform_range(-2.0, 2.0))
                .collect();
            let mut tape = Tape::new();
            let x = tape.input([rows, 3], &xs);
            let vars = mlp.forward(&mut tape, x, None);
            let mut outputs = Vec::new();
            mlp.forward_layers(&xs, rows, &mut outputs);
            let recorded: Vec<Var> = vars.hidden.iter().copied().chain([vars.output]).collect();
            assert_eq!(outputs.len(), recorded.len());
            for (layer, (plain, var)) in outputs.iter().zip(recorded).enumerate() {
                assert_eq!(
                    plain.as_slice(),
                    tape.value(var).data(),
                    "{hidden:?}, {rows} rows, layer {layer}"
                );
            }
        }
    }
}

#[test]
fn forward_layers_reuses_buffers_across_batch_sizes() {
    // a grid of 9 points, then 2, then the 9 again through the same buffers
    let mut rng = Rng::new(6);
    let mlp = Mlp::new(
        &[2, 4, 1],
        Activation::Tanh,
        Activation::Tanh,
        Init::Uniform,
        1.0,
        &mut rng,
    );
    let grid: Vec<f32> = (0..18).map(|i| i as f32 / 9.0 - 1.0).collect();
    let mut outputs = Vec::new();
    mlp.forward_layers(&grid, 9, &mut outputs);
    let first = outputs.clone();
    mlp.forward_layers(&grid[..4], 2, &mut outputs);
    assert_eq!(outputs[1].len(), 2);
    assert_eq!(outputs[1], first[1][..2]);
    mlp.forward_layers(&grid, 9, &mut outputs);
    assert_eq!(outputs, first);
}

#[test]
fn forward_with_zero_dropout_equals_forward_without_dropout() {
    let mut rng = Rng::new(7);
    let mlp = Mlp::new(
        &[2, 6, 3],
        Activation::Relu,
        Activation::Identity,
        Init::He,
        1.0,
        &mut rng,
    );
    let xs = [0.3, -0.8, 1.2, 0.4];
    let mut plain = Tape::new();
    let x = plain.input([2, 2], &xs);
    let without = mlp.forward(&mut plain, x, None).output;
    let mut dropped = Tape::new();
    let x = dropped.input([2, 2], &xs);
    let mut mask_rng = Rng::new(8);
    let with = mlp
        .forward(&mut dropped, x, Some((0.0, &mut mask_rng)))
        .output;
    assert_eq!(plain.value(without), dropped.value(with));
}

/// `values` (`[rows, width]`) rewritten column-wise (`[width, rows]`).
fn columns_of(values: &[f32], rows: usize, width: usize) -> Vec<f32> {
    (0..width)
        .flat_map(|unit| (0..rows).map(move |row| values[row * width + unit]))
        .collect()
}

#[test]
fn forward_columns_gives_forward_layers_bits_transposed() {
    // widths off the 4 x 8 blocking, every activation, point counts around a block
    for hidden in Activation::ALL {
        let mut rng = Rng::new(7);
        let mlp = Mlp::new(
            &[3, 9, 6, 64, 2],
            hidden,
            Activation::Tanh,
            Init::Xavier,
            1.0,
            &mut rng,
        );
        let mut columns = tensor::nn::Columns::default();
        columns.load_weights(&mlp);
        for rows in [1, 7, 8, 9, 37] {
            let xs: Vec<f32> = (0..rows * 3)
                .map(|_| rng.uniform_range(-3.0, 3.0))
                .collect();
            let mut outputs = Vec::new();
            mlp.forward_layers(&xs, rows, &mut outputs);
            mlp.forward_columns(&columns_of(&xs, rows, 3), rows, &mut columns);
            assert_eq!(columns.outputs.len(), outputs.len());
            for (layer, (by_rows, by_columns)) in outputs.iter().zip(&columns.outputs).enumerate() {
                let width = by_rows.len() / rows;
                let expected: Vec<u32> = columns_of(by_rows, rows, width)
                    .iter()
                    .map(|v| v.to_bits())
                    .collect();
                let got: Vec<u32> = by_columns.iter().map(|v| v.to_bits()).collect();
                assert_eq!(got, expected, "{hidden:?}, {rows} points, layer {layer}");
            }
        }
    }
}

#[test]
fn forward_columns_follows_new_weights_once_loaded() {
    let mut rng = Rng::new(8);
    let mut mlp = Mlp::new(
        &[2, 5, 1],
        Activation::Relu,
        Activation::Identity,
        Init::Xavier,
        1.0,
        &mut rng,
    );
    let mut columns = tensor::nn::Columns::default();
    columns.load_weights(&mlp);
    let points = [0.5, -1.0, 2.0, 0.25];
    mlp.forward_columns(&points, 2, &mut columns);
    let before = columns.outputs[1].clone();
    for w in mlp.layers[1].weight.data_mut() {
        *w *= 2.0;
    }
    columns.load_weights(&mlp);
    mlp.forward_columns(&points, 2, &mut columns);
    let mut by_rows = Vec::new();
    mlp.forward_layers(&columns_of(&points, 2, 2), 2, &mut by_rows);
    assert_ne!(columns.outputs[1], before);
    assert_eq!(columns.outputs[1], by_rows[1]);
}
