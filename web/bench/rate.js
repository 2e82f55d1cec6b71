// How the bench pages time a workload, shared by web/bench/bench.js (our wasm) and
// web/bench/tfjs.js (TensorFlow.js): untimed warm-up, a calibrated count, the median sample,
// for one workload or for several beside one another in one page.
// The native benchmark (crates/playground/benches/workloads.rs) and the NumPy peer
// (crates/xtask/bench-peers/numpy_bench.py) time the same way.

/**
 * How long the timing runs, read from the page's query: `samples` per figure (the median is
 * reported; `?samples=1` makes a quick smoke run), `sampleMs` (the count per sample doubles
 * until one run takes a quarter of this) and `warmUpMs` of untimed work before each figure.
 * V8 first runs code in its baseline tiers and optimizes hot functions in the background;
 * without the warm-up the first figure's samples partly time baseline code (W1 training read
 * about 15% slow), which a page that has played for a second no longer runs.
 * @typedef {{samples: number, sampleMs: number, warmUpMs: number}} Timing
 */

/**
 * The timing the page's query asks for, with the full run's defaults.
 * @param {URLSearchParams} params
 * @returns {Timing}
 */
export function timingFrom(params) {
  return {
    samples: positive(params.get('samples'), 9),
    sampleMs: positive(params.get('sampleMs'), 150),
    warmUpMs: positive(params.get('warmUpMs'), 500),
  };
}

/**
 * Operations per second of `run`: the median of `timing.samples` samples, each long enough to
 * time, after `timing.warmUpMs` of untimed single runs (the first compiles and allocates). A
 * sample too short to time (the calibration was fooled by a slow call) is dropped and the
 * count doubled.
 * @param {(n: number) => void} run
 * @param {Timing} timing
 * @returns {number}
 */
export function rate(run, timing) {
  const [only] = ratesBeside([run], timing);
  return only;
}

/**
 * Operations per second of each of `runs`, timed beside one another: each is warmed up and
 * calibrated as `rate` does, then the samples take turns (one of each, `timing.samples` times),
 * so that a slow spell of the shared machine falls on all of them alike. Their ratios hold
 * better than those of figures timed one after another.
 * @param {Array<(n: number) => void>} runs
 * @param {Timing} timing
 * @returns {number[]} each run's median sample, in the order of `runs`
 */
export function ratesBeside(runs, { samples, sampleMs, warmUpMs }) {
  const counts = runs.map((run) => {
    const warm = performance.now() + warmUpMs;
    do run(1);
    while (performance.now() < warm);
    let n = 1;
    for (;;) {
      const start = performance.now();
      run(n);
      if (performance.now() - start >= sampleMs / 4 || n >= 1 << 24) return n;
      n *= 2;
    }
  });
  /** @type {number[][]} */
  const rates = runs.map(() => []);
  while (rates.some((taken) => taken.length < samples)) {
    runs.forEach((run, at) => {
      if (rates[at].length >= samples) return;
      const n = counts[at];
      const start = performance.now();
      run(n);
      const ms = performance.now() - start;
      if (ms >= sampleMs / 8 || (ms > 0 && n >= 1 << 24)) rates[at].push((n * 1000) / ms);
      else counts[at] = n * 2;
    });
  }
  return rates.map((taken) => {
    taken.sort((a, b) => a - b);
    return taken[Math.floor(taken.length / 2)];
  });
}

/**
 * The positive number `text` spells, or `fallback`.
 * @param {string | null} text
 * @param {number} fallback
 * @returns {number}
 */
function positive(text, fallback) {
  const value = Number(text ?? '');
  return text !== null && Number.isFinite(value) && value > 0 ? value : fallback;
}
