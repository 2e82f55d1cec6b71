// The in-browser half of `cargo xtask bench`: times the W1 and W2 workloads through the same
// wasm handle the page uses, and leaves the figures in `window.benchResults` and on the page
// (or why it failed in `window.benchError`). Each figure does the work of the native figure of
// the same name (crates/playground/benches/workloads.rs) except `w2GridPerSecond`, which is the
// forward pass to the outputs alone (the heatmap's call, what PyTorch and NumPy were timed on);
// `w2GridMapsPerSecond` does the native `w2GridPerSecond`'s work: every neuron's map as well.

import init, { Playground } from '../pkg/playground_wasm.js';
import { W1, W2 } from './workloads.js';

/** @typedef {import('../types.js').Playground} TypedPlayground */
/** @typedef {import('../types.js').NeuronMaps} NeuronMaps */

const params = new URLSearchParams(window.location.search);
/** Samples per figure (the median is reported); `?samples=1` makes a quick smoke run. */
const SAMPLES = positive(params.get('samples'), 9);
/** Sample length: the count per sample doubles until one run takes a quarter of this (ms). */
const SAMPLE_MS = positive(params.get('sampleMs'), 150);
/**
 * Untimed work before each figure (ms). V8 first runs wasm in its baseline compiler (Liftoff)
 * and moves hot functions to its optimizing one (TurboFan) in the background; without this,
 * the first figure's samples partly time baseline code (W1 training read about 15% slow),
 * which a page that has played for a second no longer runs.
 */
const WARM_UP_MS = positive(params.get('warmUpMs'), 500);

const out = document.getElementById('results');
/** The window, with what this page leaves on it for e2e/bench.mjs. */
const page = /** @type {Window & {benchResults?: Record<string, number>, benchError?: string}} */ (window);
try {
  await init();
  const results = {
    w1TrainStepsPerSecond: rate(trainer(W1), SAMPLES),
    w1GridPerSecond: rate(mapper(W1, 100), SAMPLES),
    w1FrameMs: 1000 / rate(framer(W1, 100), SAMPLES),
    w2TrainStepsPerSecond: rate(trainer(W2), SAMPLES),
    w2GridPerSecond: rate(gridder(W2, 200), SAMPLES),
    w2GridMapsPerSecond: rate(tiler(W2, 200, 100), SAMPLES),
  };
  page.benchResults = results;
  if (out) out.textContent = JSON.stringify(results, null, 2);
} catch (error) {
  page.benchError = error instanceof Error ? error.message : String(error);
  if (out) out.textContent = `failed: ${page.benchError}`;
}

/**
 * A playground for the workload `link`, typed as the page's (web/types.js: the class's .d.ts
 * says `object` for what `neuronMaps` returns).
 * @param {string} link
 * @returns {TypedPlayground}
 */
function playgroundFor(link) {
  return /** @type {TypedPlayground} */ (Playground.fromQuery(link));
}

/**
 * A function that trains `n` updates of the workload `link`, reusing one playground.
 * @param {string} link
 * @returns {(n: number) => void}
 */
function trainer(link) {
  const playground = playgroundFor(link);
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
 * A function that computes `n` maps of every neuron over a `size` x `size` grid (the output
 * included), as the network picture asks for them: `neuronMaps`, one call per grid, refilling
 * the array of the call before.
 * @param {string} link
 * @param {number} size
 * @returns {(n: number) => void}
 */
function mapper(link, size) {
  const playground = playgroundFor(link);
  /** @type {NeuronMaps | undefined} */
  let maps;
  return (n) => {
    for (let i = 0; i < n; i += 1) maps = playground.neuronMaps(size, maps?.maps);
  };
}

/**
 * A function that predicts the outputs of `n` grids of `size` x `size` pixels (a forward pass
 * to the class probabilities, as the heatmap asks for them). Where the page's per-call budget
 * is smaller than a grid, each grid is predicted in strips of whole rows that add up to it.
 * @param {string} link
 * @param {number} size
 * @returns {(n: number) => void}
 */
function gridder(link, size) {
  const playground = playgroundFor(link);
  const rows = Math.max(1, Math.min(size, Math.floor(playground.maxGridPixels / size)));
  return (n) => {
    for (let i = 0; i < n; i += 1) {
      for (let done = 0; done < size; done += rows) playground.predictGrid(size, Math.min(rows, size - done));
    }
  };
}

/**
 * A function that computes every neuron's map over `n` grids of `size` x `size` pixels, each in
 * square tiles of `tile` x `tile` (`neuronMaps` takes squares only, and the page's per-call
 * budget refuses W2's 200 x 200): the work the native benchmark's `predict_grid` does.
 * @param {string} link
 * @param {number} size a multiple of `tile`
 * @param {number} tile
 * @returns {(n: number) => void}
 */
function tiler(link, size, tile) {
  const playground = playgroundFor(link);
  const tiles = (size / tile) ** 2;
  /** @type {NeuronMaps | undefined} */
  let maps;
  return (n) => {
    for (let i = 0; i < n * tiles; i += 1) maps = playground.neuronMaps(tile, maps?.maps);
  };
}

/**
 * A function that runs `n` frames: one epoch of training, then every neuron's map over a
 * `size` x `size` grid.
 * @param {string} link
 * @param {number} size
 * @returns {(n: number) => void}
 */
function framer(link, size) {
  const playground = playgroundFor(link);
  /** @type {NeuronMaps | undefined} */
  let maps;
  return (n) => {
    for (let i = 0; i < n; i += 1) {
      playground.trainEpochs(1);
      maps = playground.neuronMaps(size, maps?.maps);
    }
  };
}

/**
 * Operations per second of `run`: the median of `samples` samples, each long enough to time,
 * after `WARM_UP_MS` of untimed single runs (the first compiles and allocates). A sample too
 * short to time (the calibration was fooled by a slow call) is dropped and the count doubled.
 * @param {(n: number) => void} run
 * @param {number} samples
 * @returns {number}
 */
function rate(run, samples) {
  const warm = performance.now() + WARM_UP_MS;
  do run(1);
  while (performance.now() < warm);
  let n = 1;
  for (;;) {
    const start = performance.now();
    run(n);
    if (performance.now() - start >= SAMPLE_MS / 4 || n >= 1 << 24) break;
    n *= 2;
  }
  const rates = [];
  while (rates.length < samples) {
    const start = performance.now();
    run(n);
    const ms = performance.now() - start;
    if (ms >= SAMPLE_MS / 8 || (ms > 0 && n >= 1 << 24)) rates.push((n * 1000) / ms);
    else n *= 2;
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
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
