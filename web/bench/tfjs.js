// The TensorFlow.js peer of `cargo xtask bench`: W1 and W2 in TensorFlow.js 4.22 (served
// from node_modules by web/bench/tfjs.html) on the backend `?backend=cpu|wasm` names, timed
// as web/bench/bench.js times our wasm, figure for figure under the same names. The networks,
// losses and optimizers are W1's and W2's (web/bench/workloads.js), written the way a
// TensorFlow.js user writes them: variables, `optimizer.minimize` and `dataSync` for grids.
// Leaves the figures in `window.benchResults` (or why it failed in `window.benchError`).

import { rate, timingFrom } from './rate.js';
import { report } from './report.js';

/**
 * TensorFlow.js as its UMD scripts leave it on the window: the core and layers as `tf`, the
 * wasm backend as `tf.wasm`.
 * @typedef {typeof import('@tensorflow/tfjs') & {wasm: typeof import('@tensorflow/tfjs-backend-wasm')}} Tf
 * @typedef {import('@tensorflow/tfjs').Tensor} Tensor
 * @typedef {import('@tensorflow/tfjs').Tensor2D} Tensor2D
 * @typedef {import('@tensorflow/tfjs').Variable} Variable
 */

const tf = /** @type {{tf: Tf}} */ (/** @type {unknown} */ (window)).tf;
const params = new URLSearchParams(window.location.search);
const BACKEND = params.get('backend') ?? 'cpu';
const TIMING = timingFrom(params);
/** Where the wasm backend's .wasm files are served. */
const WASM_DIR = new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href;

await report(async () => {
  if (BACKEND === 'wasm') tf.wasm.setWasmPaths(WASM_DIR);
  if (!(await tf.setBackend(BACKEND))) throw new Error(`TensorFlow.js has no backend ${BACKEND}`);
  await tf.ready();
  const random = mulberry32(12345);
  const w1 = w1Model(random);
  const w2 = w2Model(random);
  const w1Grid = gridPoints(100, 6);
  const w2Grid = gridPoints(200, 1.5);
  const results = {
    tfjsVersion: tf.version.tfjs,
    tfjsBackend: tf.getBackend(),
    w1TrainStepsPerSecond: rate(times(w1.step), TIMING),
    w1GridPerSecond: rate(times(() => w1.maps(w1Grid)), TIMING),
    w1FrameMs: 1000 / rate(times(() => {
      for (let i = 0; i < 25; i += 1) w1.step();
      w1.maps(w1Grid);
    }), TIMING),
    w2TrainStepsPerSecond: rate(times(w2.step), TIMING),
    w2GridPerSecond: rate(times(() => w2.outputs(w2Grid)), TIMING),
    w2GridMapsPerSecond: rate(times(() => w2.maps(w2Grid)), TIMING),
    tensorsLeft: tf.memory().numTensors,
  };
  return results;
});

/**
 * A `run(n)` that calls `action` `n` times.
 * @param {() => void} action
 * @returns {(n: number) => void}
 */
function times(action) {
  return (n) => {
    for (let i = 0; i < n; i += 1) action();
  };
}

/**
 * W1: TensorFlow Playground's 2-class spiral (250 training points, no noise), 2-8-8-1 tanh
 * with a tanh output, loss 0.5 * mean((o - y)^2), SGD 0.03 on batches of 10 in order.
 * @param {() => number} random
 */
function w1Model(random) {
  const points = [];
  for (const [label, delta] of [[1, 0], [-1, Math.PI]]) {
    for (let i = 0; i < 250; i += 1) {
      const r = (i / 250) * 5;
      const t = 1.75 * (i / 250) * 2 * Math.PI + delta;
      points.push([r * Math.sin(t), r * Math.cos(t), label]);
    }
  }
  const train = shuffle(points, random).slice(0, 250);
  /** @type {{x: Tensor2D, y: Tensor2D}[]} */
  const batches = [];
  for (let at = 0; at < 250; at += 10) {
    const rows = train.slice(at, at + 10);
    batches.push({
      x: tf.tensor2d(rows.map(([x, y]) => [x, y])),
      y: tf.tensor2d(rows.map(([, , label]) => [label])),
    });
  }
  const layers = dense([2, 8, 8, 1], (fanIn, fanOut) => tf.randomUniform([fanIn, fanOut], -0.5, 0.5, 'float32', random() * 1e6), 0.1);
  const optimizer = tf.train.sgd(0.03);
  /** @param {Tensor} x */
  const forward = (x) => layers.map(({ w, b }) => (x = tf.tanh(tf.add(tf.matMul(x, w), b))));
  let at = 0;
  return {
    step() {
      const { x, y } = batches[at];
      at = (at + 1) % batches.length;
      optimizer.minimize(() => {
        const output = /** @type {Tensor} */ (forward(x).at(-1));
        return tf.mul(0.5, tf.mean(tf.square(tf.sub(output, y))));
      });
    },
    /** Every unit's output over the grid, read back as the page reads its maps. @param {Tensor2D} grid */
    maps(grid) {
      const outputs = tf.tidy(() => forward(grid));
      for (const output of outputs) output.dataSync();
      tf.dispose(outputs);
    },
  };
}

/**
 * W2: CS231n's 3-class spiral (300 training points, noise 0.2), 2-64-64-3 ReLU, softmax
 * cross-entropy, Adam 0.01, full batch.
 * @param {() => number} random
 */
function w2Model(random) {
  const xs = [];
  const labels = [];
  for (let label = 0; label < 3; label += 1) {
    for (let i = 0; i < 100; i += 1) {
      const r = i / 99;
      const t = label * 4 + (4 * i) / 99 + gaussian(random) * 0.2;
      xs.push([r * Math.sin(t), r * Math.cos(t)]);
      labels.push(label);
    }
  }
  const x = tf.tensor2d(xs);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
  const layers = dense([2, 64, 64, 3], (fanIn, fanOut) => tf.mul(tf.randomNormal([fanIn, fanOut], 0, 1, 'float32', random() * 1e6), Math.sqrt(2 / fanIn)), 0);
  const optimizer = tf.train.adam(0.01);
  /** @param {Tensor} input */
  const forward = (input) => {
    const [l1, l2, l3] = layers;
    const h1 = tf.relu(tf.add(tf.matMul(input, l1.w), l1.b));
    const h2 = tf.relu(tf.add(tf.matMul(h1, l2.w), l2.b));
    return [h1, h2, tf.add(tf.matMul(h2, l3.w), l3.b)];
  };
  return {
    step() {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, forward(x)[2]));
    },
    /** The class probabilities over the grid (the heatmap's call). @param {Tensor2D} grid */
    outputs(grid) {
      const probs = tf.tidy(() => tf.softmax(forward(grid)[2]));
      probs.dataSync();
      probs.dispose();
    },
    /** Every unit's output over the grid. @param {Tensor2D} grid */
    maps(grid) {
      const outputs = tf.tidy(() => {
        const [h1, h2, logits] = forward(grid);
        return [h1, h2, tf.softmax(logits)];
      });
      for (const output of outputs) output.dataSync();
      tf.dispose(outputs);
    },
  };
}

/**
 * Trainable layers of widths `sizes`: weights from `init`, biases `bias`.
 * @param {number[]} sizes
 * @param {(fanIn: number, fanOut: number) => Tensor} init
 * @param {number} bias
 * @returns {{w: Variable, b: Variable}[]}
 */
function dense(sizes, init, bias) {
  return sizes.slice(1).map((fanOut, i) => ({
    w: tf.variable(tf.tidy(() => init(sizes[i], fanOut))),
    b: tf.variable(tf.fill([fanOut], bias)),
  }));
}

/**
 * `size` x `size` points covering [-extent, extent]^2, row by row.
 * @param {number} size
 * @param {number} extent
 * @returns {Tensor2D}
 */
function gridPoints(size, extent) {
  const values = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      const at = (row * size + col) * 2;
      values[at] = -extent + (2 * extent * col) / (size - 1);
      values[at + 1] = -extent + (2 * extent * row) / (size - 1);
    }
  }
  return tf.tensor2d(values, [size * size, 2]);
}

/**
 * `items` shuffled (Fisher-Yates) with `random`.
 * @template T
 * @param {T[]} items
 * @param {() => number} random
 * @returns {T[]}
 */
function shuffle(items, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/**
 * A standard normal draw (Box-Muller).
 * @param {() => number} random
 */
function gaussian(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A seeded uniform generator on [0, 1) (mulberry32), so every run trains the same data.
 * @param {number} seed
 * @returns {() => number}
 */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
