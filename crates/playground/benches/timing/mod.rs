//! The sampling loop of the native benchmarks: a rate in operations per second,
//! measured the way the bench page measures in Chromium.

use std::time::Instant;

/// Untimed work before each figure, in milliseconds, when measuring.
const WARM_UP_MS: f64 = 500.0;

/// Operations per second of `run`: the median of `samples` samples of at least `sample_ms`,
/// after `WARM_UP_MS` of untimed single runs (the bench page warms up the same way, there so
/// that V8 has compiled the hot functions with its optimizing tier).
pub fn rate(mut run: impl FnMut(u64), samples: usize, sample_ms: f64) -> f64 {
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
