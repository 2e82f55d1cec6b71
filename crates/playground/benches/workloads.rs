//! Native timing of the benchmark workloads through the training session, the
//! same calls the page makes in wasm: `cargo bench -p playground` prints one JSON
//! object (the figures `cargo xtask bench` compares with Chromium's). Grids with
//! "Maps" compute every neuron's map; `w2GridPerSecond` only the outputs.
//! Under `cargo test --benches` every figure is taken once, as a smoke test.

use std::hint::black_box;
use std::time::Instant;

use playground::{Config, Session};

/// W1: TensorFlow Playground's setting (kept identical to web/bench/workloads.js).
const W1: &str = "dataset=spiral&numSamples=500&percTrainData=50&networkShape=8,8&activation=tanh&learningRate=0.03&batchSize=10";
/// W2: CS231n's spiral classifier (kept identical to web/bench/workloads.js).
const W2: &str = "dataset=spiral&classes=3&numSamples=334&percTrainData=90&noise=20&networkShape=64,64&activation=relu&loss=crossEntropy&optimizer=adam&learningRate=0.01&batchSize=300";

/// Untimed work before each figure, in milliseconds, when measuring.
const WARM_UP_MS: f64 = 500.0;

fn session(link: &str) -> Session {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"))
}

/// Operations per second of `run`: the median of `samples` samples of at least `sample_ms`,
/// after `WARM_UP_MS` of untimed single runs (the bench page warms up the same way, there so
/// that V8 has compiled the hot functions with its optimizing tier).
fn rate(mut run: impl FnMut(u64), samples: usize, sample_ms: f64) -> f64 {
    let warm_up = if sample_ms > 0.0 { WARM_UP_MS } else { 0.0 };
    let start = Instant::now();
    loop {
        run(1);
        if start.elapsed().as_secs_f64() * 1000.0 >= warm_up {
            break;
        }
    }
    let mut n = 1u64;
    loop {
        let start = Instant::now();
        run(n);
        if start.elapsed().as_secs_f64() * 1000.0 >= sample_ms / 4.0 || n >= 1 << 24 {
            break;
        }
        n *= 2;
    }
    let mut rates: Vec<f64> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            run(n);
            n as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[rates.len() / 2]
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (samples, sample_ms) = if measuring { (9, 150.0) } else { (1, 0.0) };
    let mut w1 = session(W1);
    let w1_train = rate(
        |n| {
            black_box(w1.train_steps(n));
        },
        samples,
        sample_ms,
    );
    let w1_grid = rate(|n| grids(&mut w1, 100, n), samples, sample_ms);
    let w1_frame = rate(
        |n| {
            for _ in 0..n {
                black_box(w1.train_epochs(1));
                grids(&mut w1, 100, 1);
            }
        },
        samples,
        sample_ms,
    );
    let mut w2 = session(W2);
    let w2_train = rate(
        |n| {
            black_box(w2.train_steps(n));
        },
        samples,
        sample_ms,
    );
    let w2_outputs = rate(
        |n| {
            for _ in 0..n {
                black_box(w2.predict_outputs(200, 200).is_ok());
            }
        },
        samples,
        sample_ms,
    );
    let w2_maps = rate(|n| grids(&mut w2, 200, n), samples, sample_ms);
    println!(
        "{{\"w1TrainStepsPerSecond\":{w1_train},\"w1GridPerSecond\":{w1_grid},\"w1FrameMs\":{},\
         \"w2TrainStepsPerSecond\":{w2_train},\"w2GridPerSecond\":{w2_outputs},\
         \"w2GridMapsPerSecond\":{w2_maps}}}",
        1000.0 / w1_frame
    );
}

/// Predicts `n` grids of `size` x `size` with every neuron's map, as the network picture does.
fn grids(session: &mut Session, size: usize, n: u64) {
    for _ in 0..n {
        black_box(session.predict_grid(size, size).is_ok());
    }
}
