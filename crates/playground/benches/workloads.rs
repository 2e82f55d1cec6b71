//! Native timing of the benchmark workloads through the training session, the
//! same calls the page makes in wasm: `cargo bench -p playground` prints one JSON
//! object (the figures `cargo xtask bench` compares with Chromium's). Grids with
//! "Maps" compute every neuron's map; `w2GridPerSecond` only the outputs.
//! Under `cargo test --benches` every figure is taken once, as a smoke test.

mod timing;

use std::hint::black_box;

use playground::{Config, Session};
use timing::rate;

/// W1: TensorFlow Playground's setting (kept identical to web/bench/workloads.js).
const W1: &str = "dataset=spiral&numSamples=500&percTrainData=50&networkShape=8,8&activation=tanh&learningRate=0.03&batchSize=10";
/// W2: CS231n's spiral classifier (kept identical to web/bench/workloads.js).
const W2: &str = "dataset=spiral&classes=3&numSamples=334&percTrainData=90&noise=20&networkShape=64,64&activation=relu&loss=crossEntropy&optimizer=adam&learningRate=0.01&batchSize=300";

fn session(link: &str) -> Session {
    let config = Config::from_query(link).unwrap_or_else(|e| panic!("{link}: {e}"));
    Session::new(config).unwrap_or_else(|e| panic!("{link}: {e}"))
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
