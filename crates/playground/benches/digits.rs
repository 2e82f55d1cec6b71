//! Native timing of the digits lab's bench workload C1 (the CNN of
//! `lab=digits&filters1=8&filters2=16`: conv 3x3 1->8, ReLU, max-pool 2, conv
//! 3x3 8->16, ReLU, max-pool 2, dense 64->10, Adam 0.01, batches of 32):
//! `cargo bench -p playground --bench digits` prints one JSON object with its
//! training rate in examples per second and its inference rate in images per
//! second: the whole test set through `Network::logits`, the forward pass
//! without a tape that the page's confusion matrix and the wasm bench run
//! (`c1InferImagesPerSecond`), and through the tape's forward, cleared for each
//! pass, as training records it (`c1InferTapeImagesPerSecond`).
//! Under `cargo test --benches` every figure is taken once, as a smoke test.

mod timing;

use std::hint::black_box;

use playground::Config;
use playground::digits::DigitsSession;
use tensor::Tape;
use timing::rate;

include!("../tests/digits/shipped.rs");

/// C1: the digits CNN of the bench (kept identical to the page's bench workload).
const C1: &str = "lab=digits&filters1=8&filters2=16";

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (samples, sample_ms) = if measuring { (9, 150.0) } else { (1, 0.0) };
    let config = Config::from_query(C1).unwrap_or_else(|e| panic!("{C1}: {e}"));
    let batch = config.batch_size;
    let mut session =
        DigitsSession::new(config, shipped_digits()).unwrap_or_else(|e| panic!("{C1}: {e}"));
    // an epoch's last batch may be short: count the examples an update sees on average
    let train_len = session.train_set().len();
    let examples_per_step = train_len as f64 / train_len.div_ceil(batch) as f64;
    let steps = rate(
        |n| {
            black_box(session.train_steps(n));
        },
        samples,
        sample_ms,
    );
    let test = session.test_set();
    let network = session.network();
    let mut tape = Tape::new();
    let passes = rate(
        |n| {
            for _ in 0..n {
                black_box(network.logits(&test.pixels, test.len())[0]);
            }
        },
        samples,
        sample_ms,
    );
    let tape_passes = rate(
        |n| {
            for _ in 0..n {
                tape.clear();
                let pass = network.forward(&mut tape, &test.pixels, test.len(), None);
                black_box(tape.value(pass.logits).data()[0]);
            }
        },
        samples,
        sample_ms,
    );
    println!(
        "{{\"c1TrainExamplesPerSecond\":{},\"c1InferImagesPerSecond\":{},\
         \"c1InferTapeImagesPerSecond\":{},\"c1TestImages\":{}}}",
        steps * examples_per_step,
        passes * test.len() as f64,
        tape_passes * test.len() as f64,
        test.len()
    );
}
