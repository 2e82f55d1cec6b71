//! The fused training step (`Mlp::loss_and_gradients`) against the tape: for every
//! activation, loss, penalty and dropout setting and a range of shapes, the loss
//! and every parameter gradient are the tape's bit for bit, and 200 steps of
//! training with each path end at the same weights.

use tensor::loss::{bce_with_logits, l1_penalty, l2_penalty, mse, softmax_cross_entropy};
use tensor::nn::{Mlp, Penalty, PenaltyKind, Target, Workspace};
use tensor::{Activation, Init, Optimizer, OptimizerKind, Rng, Tape, Tensor, Var};

/// Which loss a case uses.
#[derive(Clone, Copy, Debug)]
enum Loss {
    HalfSquared,
    BinaryLogit,
    Softmax,
}

const LOSSES: [Loss; 3] = [Loss::HalfSquared, Loss::BinaryLogit, Loss::Softmax];

/// Layer sizes and batch: no hidden layer, batch 1, TensorFlow Playground's
/// network, a deeper narrow one and the wide 2-64-64-3 at batch 300.
const SHAPES: [(&[usize], usize); 5] = [
    (&[2, 1], 5),
    (&[3, 5, 4], 1),
    (&[2, 8, 8, 1], 10),
    (&[4, 7, 3, 5, 2], 13),
    (&[2, 64, 64, 3], 300),
];

const PENALTIES: [Option<Penalty>; 3] = [
    None,
    Some(Penalty {
        kind: PenaltyKind::L1,
        rate: 0.03,
    }),
    Some(Penalty {
        kind: PenaltyKind::L2,
        rate: 0.1,
    }),
];

/// A batch of inputs with targets for every loss.
struct Batch {
    x: Vec<f32>,
    rows: usize,
    values: Vec<f32>,
    bits: Vec<f32>,
    labels: Vec<usize>,
}

impl Batch {
    fn new(rows: usize, in_dim: usize, units: usize, rng: &mut Rng) -> Self {
        Self {
            x: (0..rows * in_dim)
                .map(|_| rng.uniform_range(-3.0, 3.0))
                .collect(),
            rows,
            values: (0..rows * units)
                .map(|_| rng.uniform_range(-1.0, 1.0))
                .collect(),
            bits: (0..rows * units)
                .map(|_| if rng.uniform() < 0.5 { 0.0 } else { 1.0 })
                .collect(),
            labels: (0..rows).map(|_| rng.below(units)).collect(),
        }
    }

    fn target(&self, loss: Loss) -> Target<'_> {
        match loss {
            Loss::HalfSquared => Target::HalfSquared {
                targets: &self.values,
            },
            Loss::BinaryLogit => Target::BinaryLogit {
                targets: &self.bits,
            },
            Loss::Softmax => Target::Softmax {
                labels: &self.labels,
            },
        }
    }
}

/// The tape path, as the playground's session records it: the forward pass,
/// the loss, the penalty over the weights scaled by its rate and added, then
/// backward. Returns the data loss and one gradient per parameter.
fn tape_gradients(
    mlp: &Mlp,
    batch: &Batch,
    loss: Loss,
    penalty: Option<Penalty>,
    dropout: Option<(f32, &mut Rng)>,
) -> (f32, Vec<Tensor>) {
    let (in_dim, units) = (mlp.layers[0].in_dim(), mlp.sizes()[mlp.layers.len()]);
    let mut tape = Tape::new();
    let x = tape.input([batch.rows, in_dim], &batch.x);
    let vars = mlp.forward(&mut tape, x, dropout);
    let data_loss = match loss {
        Loss::HalfSquared => {
            let targets = tape.input([batch.rows, units], &batch.values);
            let mean = mse(&mut tape, vars.output, targets);
            tape.scale(mean, 0.5 * units as f32)
        }
        Loss::BinaryLogit => {
            let targets = tape.input([batch.rows, units], &batch.bits);
            bce_with_logits(&mut tape, vars.output, targets)
        }
        Loss::Softmax => softmax_cross_entropy(&mut tape, vars.output, &batch.labels),
    };
    let weights: Vec<Var> = vars.params.iter().step_by(2).copied().collect();
    let objective = match penalty {
        None => data_loss,
        Some(p) => {
            let total = match p.kind {
                PenaltyKind::L1 => l1_penalty(&mut tape, &weights),
                PenaltyKind::L2 => l2_penalty(&mut tape, &weights),
            };
            let Some(total) = total else {
                panic!("a network has weights")
            };
            let scaled = tape.scale(total, p.rate);
            tape.add(data_loss, scaled)
        }
    };
    let grads = tape.backward(objective);
    let params = vars
        .params
        .iter()
        .map(|&v| match grads.get(v) {
            Some(g) => g.clone(),
            None => panic!("no gradient for {v:?}"),
        })
        .collect();
    (tape.value(data_loss).item(), params)
}

/// Asserts two gradient lists are equal bit for bit, naming the first difference.
fn assert_same_bits(label: &str, fused: &[Tensor], tape: &[Tensor]) {
    assert_eq!(fused.len(), tape.len(), "{label}: parameter count");
    for (index, (f, t)) in fused.iter().zip(tape).enumerate() {
        assert_eq!(f.shape(), t.shape(), "{label}: parameter {index} shape");
        for (element, (a, b)) in f.data().iter().zip(t.data()).enumerate() {
            assert!(
                a.to_bits() == b.to_bits(),
                "{label}: parameter {index}, element {element}: fused {a:e}, tape {b:e}"
            );
        }
    }
}

fn network(sizes: &[usize], hidden: Activation, output: Activation, seed: u64) -> Mlp {
    Mlp::new(
        sizes,
        hidden,
        output,
        Init::Xavier,
        1.5,
        &mut Rng::new(seed),
    )
}

#[test]
fn fused_loss_and_gradients_equal_the_tapes_bit_for_bit() {
    let mut ws = Workspace::new();
    let mut cases = 0;
    for (sizes, rows) in SHAPES {
        for seed in 0..3 {
            let mut rng = Rng::new(100 + seed);
            let units = sizes[sizes.len() - 1];
            let batch = Batch::new(rows, sizes[0], units, &mut rng);
            for hidden in Activation::ALL {
                // the output activation varies too, so every one is seen on the output layer
                let output = Activation::ALL[(seed as usize + hidden as usize) % 9];
                let mlp = network(sizes, hidden, output, seed);
                for loss in LOSSES {
                    for penalty in PENALTIES {
                        for rate in [None, Some(0.3)] {
                            let label = format!(
                                "{sizes:?} batch {rows} seed {seed} {hidden:?}/{output:?} {loss:?} {penalty:?} dropout {rate:?}"
                            );
                            let mut tape_rng = Rng::new(seed);
                            let mut fused_rng = Rng::new(seed);
                            let (tape_loss, tape_grads) = tape_gradients(
                                &mlp,
                                &batch,
                                loss,
                                penalty,
                                rate.map(|r| (r, &mut tape_rng)),
                            );
                            let fused_loss = mlp.loss_and_gradients(
                                &batch.x,
                                rows,
                                batch.target(loss),
                                penalty,
                                rate.map(|r| (r, &mut fused_rng)),
                                &mut ws,
                            );
                            assert_eq!(
                                fused_loss.to_bits(),
                                tape_loss.to_bits(),
                                "{label}: loss fused {fused_loss:e}, tape {tape_loss:e}"
                            );
                            assert_same_bits(&label, ws.grads(), &tape_grads);
                            assert_eq!(
                                fused_rng.next_u64(),
                                tape_rng.next_u64(),
                                "{label}: dropout draws"
                            );
                            cases += 1;
                        }
                    }
                }
            }
        }
    }
    assert_eq!(cases, 5 * 3 * 9 * 3 * 3 * 2);
}

/// Trains `steps` steps on consecutive batches of `batch` rows (the last batch
/// of a pass may be smaller, as in the playground) with the tape or the fused
/// step; returns each step's loss bits and the final network.
#[allow(clippy::too_many_arguments)]
fn train(
    mut mlp: Mlp,
    data: &Batch,
    loss: Loss,
    penalty: Option<Penalty>,
    dropout: Option<f32>,
    kind: OptimizerKind,
    batch: usize,
    fused: bool,
) -> (Vec<u32>, Mlp) {
    let (in_dim, units) = (mlp.layers[0].in_dim(), mlp.sizes()[mlp.layers.len()]);
    let mut optimizer = Optimizer::new(kind, 0.03);
    let mut rng = Rng::new(77);
    let mut ws = Workspace::new();
    let mut losses = Vec::new();
    let mut cursor = 0;
    for _ in 0..200 {
        let rows = batch.min(data.rows - cursor);
        let part = Batch {
            x: data.x[cursor * in_dim..(cursor + rows) * in_dim].to_vec(),
            rows,
            values: data.values[cursor * units..(cursor + rows) * units].to_vec(),
            bits: data.bits[cursor * units..(cursor + rows) * units].to_vec(),
            labels: data.labels[cursor..cursor + rows].to_vec(),
        };
        cursor = (cursor + rows) % data.rows;
        let dropout = dropout.map(|r| (r, &mut rng));
        let value = if fused {
            let value =
                mlp.loss_and_gradients(&part.x, rows, part.target(loss), penalty, dropout, &mut ws);
            optimizer.step(mlp.params_mut().zip(ws.grads()));
            value
        } else {
            let (value, grads) = tape_gradients(&mlp, &part, loss, penalty, dropout);
            optimizer.step(mlp.params_mut().zip(&grads));
            value
        };
        losses.push(value.to_bits());
    }
    (losses, mlp)
}

#[test]
fn two_hundred_fused_steps_reach_the_tapes_weights() {
    let runs = [
        (
            Loss::HalfSquared,
            Activation::Tanh,
            Activation::Tanh,
            None,
            None,
            OptimizerKind::Sgd,
        ),
        (
            Loss::HalfSquared,
            Activation::Relu,
            Activation::Identity,
            PENALTIES[2],
            Some(0.2),
            OptimizerKind::ADAM,
        ),
        (
            Loss::BinaryLogit,
            Activation::Sigmoid,
            Activation::Identity,
            PENALTIES[1],
            None,
            OptimizerKind::Momentum { beta: 0.9 },
        ),
        (
            Loss::BinaryLogit,
            Activation::Gelu,
            Activation::Identity,
            None,
            Some(0.3),
            OptimizerKind::ADAM,
        ),
        (
            Loss::Softmax,
            Activation::Relu,
            Activation::Identity,
            PENALTIES[2],
            Some(0.1),
            OptimizerKind::ADAM,
        ),
        (
            Loss::Softmax,
            Activation::Elu,
            Activation::Identity,
            PENALTIES[1],
            None,
            OptimizerKind::RmsProp {
                rho: 0.99,
                eps: 1e-8,
            },
        ),
    ];
    for (index, (loss, hidden, output, penalty, dropout, kind)) in runs.into_iter().enumerate() {
        let sizes: &[usize] = if matches!(loss, Loss::Softmax) {
            &[2, 12, 12, 3]
        } else {
            &[2, 8, 8, 1]
        };
        let data = Batch::new(47, 2, sizes[3], &mut Rng::new(index as u64));
        let mlp = network(sizes, hidden, output, index as u64);
        let tape = train(mlp.clone(), &data, loss, penalty, dropout, kind, 10, false);
        let fused = train(mlp, &data, loss, penalty, dropout, kind, 10, true);
        assert_eq!(fused.0, tape.0, "run {index}: losses differ");
        let bits = |m: &Mlp| -> Vec<u32> {
            m.params()
                .flat_map(|p| p.data().iter().map(|v| v.to_bits()))
                .collect()
        };
        assert_eq!(bits(&fused.1), bits(&tape.1), "run {index}: weights differ");
    }
}

#[test]
fn the_bit_tests_see_the_order_of_accumulation() {
    // A weight's gradient on the tape is `penalty + sum of products` with the
    // products added to the penalty's share one by one; adding the penalty last
    // rounds differently. The data of the tests above must show that, or they
    // could not catch a fused step that swaps the two.
    let (sizes, rows) = SHAPES[4];
    let mlp = network(sizes, Activation::Relu, Activation::Identity, 0);
    let batch = Batch::new(rows, sizes[0], sizes[3], &mut Rng::new(100));
    let penalty = PENALTIES[2];
    let (_, with) = tape_gradients(&mlp, &batch, Loss::Softmax, penalty, None);
    let (_, without) = tape_gradients(&mlp, &batch, Loss::Softmax, None, None);
    // L2 at rate 0.1: the penalty's share of each weight's gradient is 0.05 * 2w
    let swapped: Vec<f32> = without[2]
        .data()
        .iter()
        .zip(mlp.layers[1].weight.data())
        .map(|(g, w)| g + 0.05 * (2.0 * w))
        .collect();
    let differing = swapped
        .iter()
        .zip(with[2].data())
        .filter(|(a, b)| a.to_bits() != b.to_bits())
        .count();
    assert!(
        differing > 0,
        "penalty-last rounds like penalty-first everywhere"
    );
}

#[test]
fn the_workspace_keeps_its_gradient_buffers_across_batch_sizes() {
    let (sizes, rows) = SHAPES[2];
    let mlp = network(sizes, Activation::Tanh, Activation::Tanh, 0);
    let batch = Batch::new(rows, sizes[0], sizes[3], &mut Rng::new(1));
    let small = Batch {
        x: batch.x[..3 * sizes[0]].to_vec(),
        rows: 3,
        values: batch.values[..3].to_vec(),
        bits: Vec::new(),
        labels: Vec::new(),
    };
    let mut ws = Workspace::new();
    let step = |data: &Batch, ws: &mut Workspace| {
        mlp.loss_and_gradients(
            &data.x,
            data.rows,
            data.target(Loss::HalfSquared),
            None,
            None,
            ws,
        )
    };
    step(&batch, &mut ws);
    let buffers: Vec<*const f32> = ws.grads().iter().map(|g| g.data().as_ptr()).collect();
    for data in [&small, &batch, &small] {
        step(data, &mut ws);
        let now: Vec<*const f32> = ws.grads().iter().map(|g| g.data().as_ptr()).collect();
        assert_eq!(now, buffers);
    }
}
