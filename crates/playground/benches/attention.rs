//! Native timing of the attention lab's bench workload A1 (web/bench/a1.js's:
//! reverse sequences of 8 symbols out of 10 with one pre-norm Transformer
//! block of width 32, 2 heads and a feed-forward layer of 64, learned
//! positions, batches of 32, Adam 0.003): `cargo bench -p playground --bench
//! attention` prints one JSON object with the training rate in updates per
//! second, `a1TrainStepsPerSecond`, then, from fresh weights, the updates and
//! seconds to 99% per-token test accuracy checked every 10 updates,
//! `a1StepsTo99` and `a1SecondsTo99` (both `null` after 3000 updates without
//! it, with why in `a1To99Error`).
//! Under `cargo test --benches` the rate is taken once, as a smoke test.

mod timing;

use std::hint::black_box;
use std::time::Instant;

use playground::Config;
use playground::attention::AttentionSession;
use timing::rate;

/// A1 as a link (kept identical to web/bench/workloads.js's `A1`).
const A1: &str = "lab=attention&task=reverse&length=8&layers=1&heads=2&dim=32&positions=learned&batchSize=32&optimizer=adam&learningRate=0.003";
/// The per-token test accuracy to reach, the updates between two checks and
/// the updates after which the run gives up (web/bench/a1-data.js's).
const TARGET_ACCURACY: f32 = 0.99;
const CHECK_EVERY: u64 = 10;
const GIVE_UP_STEPS: u64 = 3000;

fn session() -> AttentionSession {
    let config = Config::from_query(A1).unwrap_or_else(|e| panic!("{A1}: {e}"));
    AttentionSession::new(config).unwrap_or_else(|e| panic!("{A1}: {e}"))
}

/// The updates and seconds a fresh session takes to reach `TARGET_ACCURACY`
/// (training and checks, from the first update on), or the best accuracy it
/// reached before giving up.
fn until_accurate() -> Result<(u64, f64), f32> {
    let mut session = session();
    let start = Instant::now();
    let mut best = 0.0f32;
    for steps in (CHECK_EVERY..=GIVE_UP_STEPS).step_by(CHECK_EVERY as usize) {
        black_box(session.train_steps(CHECK_EVERY));
        let accuracy = session.metrics().evaluation.test_accuracy.unwrap_or(0.0);
        if accuracy >= TARGET_ACCURACY {
            return Ok((steps, start.elapsed().as_secs_f64()));
        }
        best = best.max(accuracy);
    }
    Err(best)
}

fn main() {
    let measuring = std::env::args().any(|a| a == "--bench");
    let (samples, sample_ms) = if measuring { (9, 150.0) } else { (1, 0.0) };
    let mut timed = session();
    let steps_per_second = rate(
        |n| {
            black_box(timed.train_steps(n));
        },
        samples,
        sample_ms,
    );
    let reached = match until_accurate() {
        Ok((steps, seconds)) => format!("\"a1StepsTo99\":{steps},\"a1SecondsTo99\":{seconds}"),
        Err(best) => format!(
            "\"a1StepsTo99\":null,\"a1SecondsTo99\":null,\"a1To99Error\":\"native did not \
             reach {}% per-token test accuracy in {GIVE_UP_STEPS} steps (best {:.1}%)\"",
            TARGET_ACCURACY * 100.0,
            best * 100.0
        ),
    };
    println!("{{\"a1TrainStepsPerSecond\":{steps_per_second},{reached}}}");
}
