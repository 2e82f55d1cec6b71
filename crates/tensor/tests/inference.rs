//! The forward paths of `Mlp` agree: `forward_layers` (plain loops, for
//! prediction) and `forward_columns` (the grid's column-wise pass) give the
//! tape's values bit for bit, layer by layer, with nonzero biases and after
//! training steps, where adding the bias before or after the product differs.

use tensor::nn::{Mlp, Target, Workspace};
use tensor::{Activation, Init, Optimizer, OptimizerKind, Rng, Tape, Var};

/// `mlp` as created and after one and after three Adam steps of the fused
/// training step on a random batch: every bias nonzero, and after training
/// different from unit to unit.
fn with_training(mut mlp: Mlp, rng: &mut Rng) -> Vec<Mlp> {
    let (in_dim, out_dim) = (mlp.layers[0].in_dim(), mlp.sizes()[mlp.layers.len()]);
    let rows = 16;
    let x: Vec<f32> = (0..rows * in_dim)
        .map(|_| rng.uniform_range(-2.0, 2.0))
        .collect();
    let targets: Vec<f32> = (0..rows * out_dim)
        .map(|_| rng.uniform_range(-1.0, 1.0))
        .collect();
    let mut optimizer = Optimizer::new(OptimizerKind::ADAM, 0.05);
    let mut ws = Workspace::new();
    let mut snapshots = vec![mlp.clone()];
    for step in 1..=3 {
        mlp.loss_and_gradients(
            &x,
            rows,
            Target::HalfSquared { targets: &targets },
            None,
            None,
            &mut ws,
        );
        optimizer.step(mlp.params_mut().zip(ws.grads()));
        if step != 2 {
            snapshots.push(mlp.clone());
        }
    }
    for mlp in &snapshots {
        let biases = mlp.layers.iter().flat_map(|l| l.bias.data());
        assert!(biases.into_iter().all(|&b| b != 0.0), "a zero bias");
    }
    snapshots
}

#[test]
fn forward_layers_agrees_with_the_tape_forward_with_biases_and_after_training() {
    // every hidden activation, every layer's output, batches of 1 and 13
    for hidden in Activation::ALL {
        let mut rng = Rng::new(5);
        let fresh = Mlp::new(
            &[3, 7, 5, 2],
            hidden,
            Activation::Sigmoid,
            Init::Uniform,
            1.0,
            &mut rng,
        );
        for (step, mlp) in with_training(fresh, &mut rng).iter().enumerate() {
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
                        bits(plain),
                        bits(tape.value(var).data()),
                        "{hidden:?}, snapshot {step}, {rows} rows, layer {layer}"
                    );
                }
            }
        }
    }
}

/// The bit patterns of `values`, so `-0.0` and `0.0` differ and NaN equals itself.
fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
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
fn forward_columns_gives_the_tape_bits_transposed_with_biases_and_after_training() {
    // widths off the 4 x 8 blocking, every activation, point counts around a block
    for hidden in Activation::ALL {
        let mut rng = Rng::new(7);
        let fresh = Mlp::new(
            &[3, 9, 6, 64, 2],
            hidden,
            Activation::Tanh,
            Init::Uniform,
            1.0,
            &mut rng,
        );
        for (step, mlp) in with_training(fresh, &mut rng).iter().enumerate() {
            let mut columns = tensor::nn::Columns::default();
            columns.load_weights(mlp);
            for rows in [1, 7, 8, 9, 37] {
                let xs: Vec<f32> = (0..rows * 3)
                    .map(|_| rng.uniform_range(-3.0, 3.0))
                    .collect();
                let mut tape = Tape::new();
                let x = tape.input([rows, 3], &xs);
                let vars = mlp.forward(&mut tape, x, None);
                let recorded: Vec<Var> = vars.hidden.iter().copied().chain([vars.output]).collect();
                mlp.forward_columns(&columns_of(&xs, rows, 3), rows, &mut columns);
                assert_eq!(columns.outputs.len(), recorded.len());
                for (layer, (var, by_columns)) in recorded.iter().zip(&columns.outputs).enumerate()
                {
                    let by_rows = tape.value(*var).data();
                    let width = by_rows.len() / rows;
                    assert_eq!(
                        bits(by_columns),
                        bits(&columns_of(by_rows, rows, width)),
                        "{hidden:?}, snapshot {step}, {rows} points, layer {layer}"
                    );
                }
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
