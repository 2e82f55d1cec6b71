// The in-browser half of `cargo xtask bench`: times the W1 and W2 workloads through the same
// wasm handle the page uses, and leaves the figures in `window.benchResults` and on the page
// (or why it failed in `window.benchError`). Each figure does the work of the native figure of
// the same name (crates/playground/benches/workloads.rs) except `w2GridPerSecond`, which is the
// forward pass to the outputs alone (the heatmap's call, what PyTorch and NumPy were timed on);
// `w2GridMapsPerSecond` does the native `w2GridPerSecond`'s work: every neuron's map as well.

import init, { Playground } from '../pkg/playground_wasm.js';
import { rate, timingFrom } from './rate.js';
import { report } from './report.js';
import { W1, W2 } from './workloads.js';

/** @typedef {import('../shared/types.js').Playground} TypedPlayground */
/** @typedef {import('../shared/types.js').NeuronMaps} NeuronMaps */

/** Samples, sample length and warm-up per figure, from the query (web/bench/rate.js). */
const TIMING = timingFrom(new URLSearchParams(window.location.search));

await report(async () => {
  await init();
  return {
    w1TrainStepsPerSecond: rate(trainer(W1), TIMING),
    w1GridPerSecond: rate(mapper(W1, 100), TIMING),
    w1FrameMs: 1000 / rate(framer(W1, 100), TIMING),
    w2TrainStepsPerSecond: rate(trainer(W2), TIMING),
    w2GridPerSecond: rate(gridder(W2, 200), TIMING),
    w2GridMapsPerSecond: rate(tiler(W2, 200, 100), TIMING),
  };
});

/**
 * A playground for the workload `link`, typed as the page's (web/shared/types.js: the class's
 * .d.ts says `object` for what `neuronMaps` returns).
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
