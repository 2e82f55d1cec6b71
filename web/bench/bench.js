// The in-browser half of `cargo xtask bench`: times the W1 and W2 workloads through the same
// wasm handle the page uses, and leaves the figures in `window.benchResults` and on the page.

import init, { Playground } from '../pkg/playground_wasm.js';
import { W1, W2 } from './workloads.js';

const params = new URLSearchParams(window.location.search);
/** Samples per figure (the median is reported); `?samples=1` makes a quick smoke run. */
const SAMPLES = Number(params.get('samples') ?? '9');
/** The least time one sample runs, in milliseconds. */
const SAMPLE_MS = Number(params.get('sampleMs') ?? '150');

await init();
const results = {
  w1TrainStepsPerSecond: rate(trainer(W1), SAMPLES),
  w1GridPerSecond: rate(gridder(W1, 100), SAMPLES),
  w1FrameMs: 1000 / rate(framer(W1, 100), SAMPLES),
  w2TrainStepsPerSecond: rate(trainer(W2), SAMPLES),
  w2GridPerSecond: rate(gridder(W2, 200), SAMPLES),
};
window.benchResults = results;
const out = document.getElementById('results');
if (out) out.textContent = JSON.stringify(results, null, 2);

/**
 * A function that trains `n` updates of the workload `link`, reusing one playground.
 * @param {string} link
 * @returns {(n: number) => void}
 */
function trainer(link) {
  const playground = Playground.fromQuery(link);
  return (n) => {
    let left = n;
    while (left > 0) {
      const chunk = Math.min(left, playground.maxSteps);
      playground.trainSteps(chunk);
      left -= chunk;
    }
  };
}

/**
 * A function that predicts `n` grids of `size` x `size` pixels, every neuron's map included.
 * Where the page's per-call budget is smaller than a grid, it predicts the same number of
 * points in strips (the cost per point is the same).
 * @param {string} link
 * @param {number} size
 * @returns {(n: number) => void}
 */
function gridder(link, size) {
  const playground = Playground.fromQuery(link);
  const rows = Math.max(1, Math.min(size, Math.floor(playground.maxGridPixels / size)));
  const calls = Math.ceil(size / rows);
  return (n) => {
    for (let i = 0; i < n * calls; i += 1) playground.predictGrid(size, rows);
  };
}

/**
 * A function that runs `n` frames: one epoch of training, then a grid with every neuron's map.
 * @param {string} link
 * @param {number} size
 * @returns {(n: number) => void}
 */
function framer(link, size) {
  const playground = Playground.fromQuery(link);
  return (n) => {
    for (let i = 0; i < n; i += 1) {
      playground.trainEpochs(1);
      playground.predictGrid(size, size);
    }
  };
}

/**
 * Operations per second of `run`: the median of `samples` samples, each long enough to time.
 * @param {(n: number) => void} run
 * @param {number} samples
 * @returns {number}
 */
function rate(run, samples) {
  let n = 1;
  for (;;) {
    const start = performance.now();
    run(n);
    if (performance.now() - start >= SAMPLE_MS / 4 || n >= 1 << 24) break;
    n *= 2;
  }
  const rates = [];
  for (let s = 0; s < samples; s += 1) {
    const start = performance.now();
    run(n);
    rates.push((n * 1000) / (performance.now() - start));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}
