//! Native timing of the sequence lab's bench workload S1 (the character-level
//! model of the page's web/bench/s1.js: an embedding of 16, one recurrent layer
//! of 64, a dense softmax at every step, windows of 32, batches of 16, Adam
//! 0.01, no clipping) for each cell: `cargo bench -p playground --bench
//! sequence` prints one JSON object with each cell's training rate in tokens
//! (predictions) per second, `s1<Cell>TokensPerSecond`.
//! Under `cargo test --benches` every figure is taken once, as a smoke test.

mod timing;

use std::fmt::Write;
use std::hint::black_box;

use playground::Config;
use playground::sequence::SequenceSession;
use timing::rate;

/// Windows per update and steps per window: tokens per update is their product.
const BATCH: usize = 16;
const STEPS: usize = 32;

/// S1 for `cell` as a link (kept identical to web/bench/s1.js's).
fn s1_link(cell: &str) -> String {
    format!(
        "lab=sequence&task=text&units=characters&cell={cell}&hidden=64&length={STEPS}\
         &batchSize={BATCH}&optimizer=adam&learningRate=0.01&clip=0"
    )
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (samples, sample_ms) = if measuring { (9, 150.0) } else { (1, 0.0) };
    let mut figures = String::new();
    for (cell, key) in [("rnn", "Rnn"), ("lstm", "Lstm"), ("gru", "Gru")] {
        let link = s1_link(cell);
        let config = Config::from_query(&link).unwrap_or_else(|e| panic!("{link}: {e}"));
        let mut session = SequenceSession::new(config).unwrap_or_else(|e| panic!("{link}: {e}"));
        let updates = rate(
            |n| {
                black_box(session.train_steps(n));
            },
            samples,
            sample_ms,
        );
        let separator = if figures.is_empty() { "" } else { "," };
        let tokens = updates * (BATCH * STEPS) as f64;
        let _ = write!(figures, "{separator}\"s1{key}TokensPerSecond\":{tokens}");
    }
    println!("{{{figures}}}");
}
