//! Native speed of the two workloads the playground runs every frame: one
//! training step and one prediction grid, for TensorFlow Playground's small
//! tanh network (W1) and a wider ReLU classifier (W2). Prints steps/s,
//! examples/s and GFLOP/s.
//!
//! `cargo bench -p tensor [-- NAME]` measures (NAME filters cases by
//! substring); without `--bench` (as under `cargo test --benches`) every case
//! runs once as a smoke test.

use std::hint::black_box;
use std::time::{Duration, Instant};

use tensor::loss::{mse, softmax_cross_entropy};
use tensor::nn::{Mlp, Target, Workspace};
use tensor::{Activation, Grads, Init, Optimizer, OptimizerKind, Rng, Tape};

/// One benchmarked workload.
struct Case {
    name: &'static str,
    /// Examples (training points or grid points) per iteration.
    examples: usize,
    /// Floating-point operations per iteration (2 per multiply-add, 1 per bias add).
    flops: f64,
    run: Box<dyn FnMut()>,
}

/// A training step: forward on a tape, backward, optimizer update, on
/// consecutive batches of `xs` (cycling), like the playground's session; or the
/// same step fused (`Mlp::loss_and_gradients`), which gives the same bits.
struct Trainer {
    mlp: Mlp,
    optimizer: Optimizer,
    tape: Tape,
    grads: Grads,
    workspace: Workspace,
    xs: Vec<f32>,
    targets: Vec<f32>,
    labels: Vec<usize>,
    batch: usize,
    cursor: usize,
}

impl Trainer {
    fn new(
        mlp: Mlp,
        optimizer: Optimizer,
        xs: Vec<f32>,
        targets: Vec<f32>,
        labels: Vec<usize>,
        batch: usize,
    ) -> Self {
        Self {
            mlp,
            optimizer,
            tape: Tape::new(),
            grads: Grads::new(),
            workspace: Workspace::new(),
            xs,
            targets,
            labels,
            batch,
            cursor: 0,
        }
    }

    /// The first row of the next batch.
    fn next_start(&mut self) -> usize {
        let rows = self.xs.len() / self.mlp.layers[0].in_dim();
        if self.cursor + self.batch > rows {
            self.cursor = 0;
        }
        let start = self.cursor;
        self.cursor += self.batch;
        start
    }

    fn step(&mut self) {
        let (batch, in_dim) = (self.batch, self.mlp.layers[0].in_dim());
        let start = self.next_start();
        let tape = &mut self.tape;
        tape.clear();
        let x = tape.input(
            [batch, in_dim],
            &self.xs[start * in_dim..(start + batch) * in_dim],
        );
        let vars = self.mlp.forward(tape, x, None);
        let loss = if self.labels.is_empty() {
            let y = tape.input([batch, 1], &self.targets[start..start + batch]);
            mse(tape, vars.output, y)
        } else {
            softmax_cross_entropy(tape, vars.output, &self.labels[start..start + batch])
        };
        tape.backward_into(loss, &mut self.grads);
        let grads = &self.grads;
        let pairs = vars.params.iter().map(|&p| match grads.get(p) {
            Some(g) => g,
            None => panic!("no gradient for {p:?}"),
        });
        self.optimizer.step(self.mlp.params_mut().zip(pairs));
        black_box(tape.value(loss).item());
    }

    /// The same step without a tape. The MSE is halved here, as the target
    /// only offers `0.5 * units * mse`: the work is the same.
    fn fused_step(&mut self) {
        let (batch, in_dim) = (self.batch, self.mlp.layers[0].in_dim());
        let start = self.next_start();
        let target = if self.labels.is_empty() {
            Target::HalfSquared {
                targets: &self.targets[start..start + batch],
            }
        } else {
            Target::Softmax {
                labels: &self.labels[start..start + batch],
            }
        };
        let loss = self.mlp.loss_and_gradients(
            &self.xs[start * in_dim..(start + batch) * in_dim],
            batch,
            target,
            None,
            None,
            &mut self.workspace,
        );
        self.optimizer
            .step(self.mlp.params_mut().zip(self.workspace.grads()));
        black_box(loss);
    }
}

/// Points on a `side x side` grid over [-6, 6]^2, row-major `[side^2, 2]`.
fn grid(side: usize) -> Vec<f32> {
    let coordinate = |i: usize| -6.0 + 12.0 * i as f32 / (side - 1) as f32;
    (0..side * side)
        .flat_map(|i| [coordinate(i % side), coordinate(i / side)])
        .collect()
}

/// A prediction grid through `forward_layers`, reusing its buffers.
fn grid_case(name: &'static str, mlp: Mlp, side: usize, flops: f64) -> Case {
    let points = grid(side);
    let mut outputs = Vec::new();
    Case {
        name,
        examples: side * side,
        flops,
        run: Box::new(move || {
            mlp.forward_layers(&points, side * side, &mut outputs);
            black_box(&outputs);
        }),
    }
}

/// `points` 2-D inputs uniform in [-6, 6]^2.
fn random_points(points: usize, rng: &mut Rng) -> Vec<f32> {
    (0..2 * points)
        .map(|_| rng.uniform_range(-6.0, 6.0))
        .collect()
}

fn cases() -> Vec<Case> {
    let mut rng = Rng::new(1);
    // W1: TensorFlow Playground's 2-8-8-1 tanh network, SGD, MSE, batch 10
    let w1 = Mlp::new(
        &[2, 8, 8, 1],
        Activation::Tanh,
        Activation::Tanh,
        Init::Uniform,
        1.0,
        &mut rng,
    );
    let xs = random_points(250, &mut rng);
    let targets: Vec<f32> = (0..250)
        .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
        .collect();
    let mut w1_trainer = Trainer::new(
        w1.clone(),
        Optimizer::new(OptimizerKind::Sgd, 0.03),
        xs,
        targets,
        Vec::new(),
        10,
    );
    let mut w1_fused = Trainer::new(
        w1.clone(),
        Optimizer::new(OptimizerKind::Sgd, 0.03),
        w1_trainer.xs.clone(),
        w1_trainer.targets.clone(),
        Vec::new(),
        10,
    );
    // W2: a 2-64-64-3 ReLU classifier, Adam, softmax cross-entropy, batch 300
    let w2 = Mlp::new(
        &[2, 64, 64, 3],
        Activation::Relu,
        Activation::Identity,
        Init::He,
        1.0,
        &mut rng,
    );
    let xs = random_points(300, &mut rng);
    let labels: Vec<usize> = (0..300).map(|i| i % 3).collect();
    let mut w2_trainer = Trainer::new(
        w2.clone(),
        Optimizer::new(OptimizerKind::ADAM, 0.01),
        xs,
        Vec::new(),
        labels,
        300,
    );
    let mut w2_fused = Trainer::new(
        w2.clone(),
        Optimizer::new(OptimizerKind::ADAM, 0.01),
        w2_trainer.xs.clone(),
        Vec::new(),
        w2_trainer.labels.clone(),
        300,
    );
    // grid FLOPs per point: 2 per weight plus 1 per bias, (2*8+8*8+8*1)*2 + 17 = 193
    vec![
        Case {
            name: "w1 train step (2-8-8-1 tanh, batch 10, SGD, MSE)",
            examples: 10,
            flops: 5_860.0,
            run: Box::new(move || w1_trainer.step()),
        },
        Case {
            name: "w1 fused train step (2-8-8-1 tanh, batch 10, SGD, MSE)",
            examples: 10,
            flops: 5_860.0,
            run: Box::new(move || w1_fused.fused_step()),
        },
        grid_case(
            "w1 grid 100x100 (forward_layers)",
            w1,
            100,
            193.0 * 10_000.0,
        ),
        Case {
            name: "w2 train step (2-64-64-3 relu, batch 300, Adam, softmax CE)",
            examples: 300,
            flops: 8.05e6,
            run: Box::new(move || w2_trainer.step()),
        },
        Case {
            name: "w2 fused train step (2-64-64-3 relu, batch 300, Adam, softmax CE)",
            examples: 300,
            flops: 8.05e6,
            run: Box::new(move || w2_fused.fused_step()),
        },
        grid_case("w2 grid 200x200 (forward_layers)", w2, 200, 358e6),
    ]
}

/// The median time per iteration over `samples` samples of about `target` each.
fn measure(run: &mut dyn FnMut(), samples: usize, target: Duration) -> (Duration, Duration) {
    // warm up and size a sample
    let mut iterations = 1u32;
    loop {
        let start = Instant::now();
        for _ in 0..iterations {
            run();
        }
        let elapsed = start.elapsed();
        if elapsed >= target / 4 {
            let scale = target.as_secs_f64() / elapsed.as_secs_f64();
            iterations = ((f64::from(iterations) * scale).ceil() as u32).max(1);
            break;
        }
        iterations *= 2;
    }
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                run();
            }
            start.elapsed() / iterations
        })
        .collect();
    times.sort();
    (times[samples / 2], times[0])
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let measuring = args.iter().any(|a| a == "--bench");
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    for mut case in cases() {
        if !filters.is_empty() && !filters.iter().any(|f| case.name.contains(f.as_str())) {
            continue;
        }
        if !measuring {
            (case.run)();
            println!("{}: ran once (pass --bench to measure)", case.name);
            continue;
        }
        let (median, fastest) = measure(&mut case.run, 15, Duration::from_millis(100));
        let seconds = median.as_secs_f64();
        println!(
            "{:<68} {:>10.2?}/iter (best {:>10.2?})  {:>10.0} iter/s  {:>12.0} examples/s  {:>6.2} GFLOP/s",
            case.name,
            median,
            fastest,
            1.0 / seconds,
            case.examples as f64 / seconds,
            case.flops / seconds / 1e9,
        );
    }
}
