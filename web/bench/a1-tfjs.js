// The TensorFlow.js peer of workload A1 (web/bench/a1-tfjs.html, TensorFlow.js 4.22 served from
// node_modules) on the backend `?backend=cpu|wasm` names: the reverse task, Transformer and Adam of
// web/bench/a1-data.js, written by hand with tf ops and `tf.variable`s as minGPT writes its block:
// x = tokens[ids] + positions, h = x + attention(norm1(x)), out = h + W2 relu(W1 norm2(h) + b1) + b2,
// a final layer norm and a linear head to the 10 symbols' logits, the mean softmax cross-entropy
// over every position, `tf.train.adam(0.003).minimize`. Attention is non-causal, 2 heads of 16,
// queries, keys and values from one [32, 96] product. Starting weights as our engine draws them
// (crates/tensor/src/nn): the tables from N(0, 0.02^2), the attention's projections and the head
// by Xavier (uniform), the feed-forward maps by He (normal), biases 0, norms at gain 1 and bias 0
// (epsilon 1e-5). A backend whose gather gradient lacks a kernel (the wasm backend has no
// UnsortedSegmentSum) looks the token rows up as a one-hot matMul instead, the same product, and
// names the kernel. Figures: updates/s (timed as web/bench/rate.js times every figure), then from
// fresh weights the updates and seconds to 99% per-token test accuracy (a1-data.js's
// `untilAccurate`); a backend that cannot train reports `a1TrainStepsPerSecond: null`, its
// error and the kernel it lacks.

import {
  BATCH, DIM, FEED_FORWARD, HEADS, LEARNING_RATE, LENGTH, SYMBOLS, reachedFigures, reverseTask,
  untilAccurate,
} from './a1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';

/**
 * TensorFlow.js as its UMD scripts leave it on the window (see web/bench/tfjs.js).
 * @typedef {typeof import('@tensorflow/tfjs') & {wasm: typeof import('@tensorflow/tfjs-backend-wasm')}} Tf
 * @typedef {import('@tensorflow/tfjs').Tensor} Tensor
 * @typedef {import('@tensorflow/tfjs').Variable} Variable
 * @typedef {import('./a1-data.js').Sequences} Sequences
 * @typedef {'gather' | 'oneHot'} Lookup
 */

const tf = /** @type {{tf: Tf}} */ (/** @type {unknown} */ (window)).tf;
const params = new URLSearchParams(window.location.search);
const BACKEND = params.get('backend') ?? 'cpu';
const TIMING = timingFrom(params);
const WASM_DIR = new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href;
/** The width of one head. */
const HEAD_DIM = DIM / HEADS;
/** The layer norms' epsilon (our engine's LAYER_NORM_EPS, PyTorch's default). */
const NORM_EPS = 1e-5;
/** The seeds of the data and of the starting weights (a fresh model draws the same ones). */
const DATA_SEED = 1;
const WEIGHT_SEED = 7;
/** Timed runs of each lookup in the trial that picks one. */
const LOOKUP_TRIALS = 5;

await report(async () => {
  if (BACKEND === 'wasm') tf.wasm.setWasmPaths(WASM_DIR);
  if (!(await tf.setBackend(BACKEND))) throw new Error(`TensorFlow.js has no backend ${BACKEND}`);
  await tf.ready();
  const missing = gatherGradientMissing();
  const trial = lookupTrial(missing === null ? ['gather', 'oneHot'] : ['oneHot']);
  const lookup = trial.gather !== undefined && trial.gather <= trial.oneHot ? 'gather' : 'oneHot';
  /** @type {Record<string, number | string | null>} */
  const results = {
    tfjsVersion: tf.version.tfjs,
    tfjsBackend: tf.getBackend(),
    a1Lookup: lookup === 'gather' ? 'gather' : 'oneHot matMul',
    a1LookupMissingKernel: missing,
    a1GatherTrialMs: trial.gather ?? null,
    a1OneHotTrialMs: trial.oneHot,
  };
  Object.assign(results, timeTraining(lookup));
  results.tensorsLeft = tf.memory().numTensors;
  return results;
});

/**
 * The kernel the backend lacks for the gradient of gather (a row lookup), or null.
 * @returns {string | null}
 */
function gatherGradientMissing() {
  try {
    tf.tidy(() => tf.grad((/** @type {Tensor} */ table) => tf.sum(tf.gather(table, tf.tensor1d([0, 1], 'int32'))))(
      tf.ones([SYMBOLS, DIM])).dataSync());
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const kernel = /Kernel '(\w+)' not registered/.exec(message)?.[1];
    if (!kernel) throw error;
    return kernel;
  }
}

/**
 * Milliseconds of one lookup of a batch's token rows (32 x 8 of 10) and its gradient, for each of
 * `lookups`: the best of `LOOKUP_TRIALS` after an untimed one. The peer trains with the faster
 * (TensorFlow.js's cpu backend has gather's gradient, an UnsortedSegmentSum that loops over the
 * symbols; its wasm backend has none).
 * @param {Lookup[]} lookups
 * @returns {{gather?: number, oneHot: number}}
 */
function lookupTrial(lookups) {
  const table = tf.randomUniform([SYMBOLS, DIM], -1, 1, 'float32', 2);
  const ids = tf.tensor1d(Int32Array.from({ length: BATCH * LENGTH }, (_, i) => (i * 7) % SYMBOLS), 'int32');
  /** @type {{gather?: number, oneHot: number}} */
  const ms = { oneHot: Number.POSITIVE_INFINITY };
  for (const lookup of lookups) {
    const once = () => tf.tidy(() => tf.grad((/** @type {Tensor} */ t) => tf.sum(rowsOf(t, ids, lookup)))(
      table).dataSync());
    once();
    let best = Number.POSITIVE_INFINITY;
    for (let trial = 0; trial < LOOKUP_TRIALS; trial += 1) {
      const start = performance.now();
      once();
      best = Math.min(best, performance.now() - start);
    }
    ms[lookup] = best;
  }
  tf.dispose([table, ids]);
  return ms;
}

/**
 * The rows `ids` of `table` ([SYMBOLS, DIM]), by gather or as the product of their one-hot
 * vectors with the table.
 * @param {Tensor} table
 * @param {Tensor} ids int32, one dimension
 * @param {Lookup} lookup
 * @returns {Tensor}
 */
function rowsOf(table, ids, lookup) {
  return lookup === 'gather' ? tf.gather(table, ids) : tf.matMul(tf.oneHot(ids, SYMBOLS), table);
}

/**
 * A1's figures: updates/s and the test accuracy after the timed training, then the updates and
 * seconds to 99% from fresh weights; or, if the backend cannot train, why.
 * @param {Lookup} lookup how the token rows are looked up
 * @returns {Record<string, number | string | null>}
 */
function timeTraining(lookup) {
  /**
   * What `body` returns for a fresh model, whose tensors are freed afterwards.
   * @param {(trainer: ReturnType<typeof a1Trainer>) => Record<string, number | string | null>} body
   */
  const fresh = (body) => {
    const trainer = a1Trainer(lookup);
    try {
      return body(trainer);
    } finally {
      trainer.dispose();
    }
  };
  /** @type {Record<string, number | string | null>} */
  const figures = {};
  try {
    Object.assign(figures, fresh((trainer) => ({
      a1TrainStepsPerSecond: rate(trainer.train, TIMING),
      a1TestAccuracy: trainer.accuracy(),
      a1Updates: trainer.steps(),
    })));
    Object.assign(figures, fresh((trainer) => reachedFigures(untilAccurate(trainer.train, trainer.accuracy),
      `TensorFlow.js ${tf.version.tfjs} ${BACKEND}`)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    Object.assign(figures, { a1TrainStepsPerSecond: null, a1StepsTo99: null, a1SecondsTo99: null });
    figures.a1TrainError = `TensorFlow.js ${tf.version.tfjs} ${BACKEND} cannot train A1: ${message}`;
    figures.a1TrainMissingKernel = /Kernel '(\w+)' not registered/.exec(message)?.[1] ?? null;
  }
  return figures;
}

/**
 * A fresh A1 model with its optimizer and data: `train(n)` takes `n` updates on fresh batches,
 * `accuracy()` is the per-token accuracy on the fixed test set.
 * @param {Lookup} lookup
 */
function a1Trainer(lookup) {
  const model = a1Model(lookup);
  const optimizer = tf.train.adam(LEARNING_RATE);
  const task = reverseTask(DATA_SEED);
  const testX = tf.tensor2d(task.test.inputs, [task.test.count, LENGTH], 'int32');
  const testY = tf.tensor1d(task.test.targets, 'int32');
  const step = () => {
    const batch = task.batch();
    const x = tf.tensor2d(batch.inputs, [BATCH, LENGTH], 'int32');
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(batch.targets, 'int32'), SYMBOLS));
    try {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.logits(x)), false, model.variables);
    } finally {
      tf.dispose([x, y]);
    }
  };
  return {
    /** @param {number} n */
    train: (n) => {
      for (let i = 0; i < n; i += 1) step();
    },
    accuracy: () => {
      const right = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(model.logits(testX), 1), testY), 'int32')));
      const count = right.dataSync()[0];
      right.dispose();
      return count / task.test.targets.length;
    },
    steps: () => optimizer.iterations,
    /** Frees the weights, the optimizer's moments and the test set. */
    dispose: () => {
      tf.dispose([...model.variables, testX, testY]);
      optimizer.dispose();
    },
  };
}

/**
 * A1's Transformer as variables, and its logits.
 * @param {Lookup} lookup
 */
function a1Model(lookup) {
  const seeds = { next: WEIGHT_SEED };
  const seed = () => (seeds.next += 1);
  /** @type {Variable[]} */
  const variables = [];
  const weight = (/** @type {() => Tensor} */ make) => {
    const start = tf.tidy(make);
    const variable = tf.variable(start);
    start.dispose();
    variables.push(variable);
    return variable;
  };
  const table = (/** @type {number} */ rows) => weight(() => tf.randomNormal([rows, DIM], 0, 0.02, 'float32', seed()));
  const xavier = (/** @type {number} */ inputs, /** @type {number} */ outputs) => {
    const limit = Math.sqrt(6 / (inputs + outputs));
    return tf.randomUniform([inputs, outputs], -limit, limit, 'float32', seed());
  };
  const he = (/** @type {number} */ inputs, /** @type {number} */ outputs) => tf.randomNormal(
    [inputs, outputs], 0, Math.sqrt(2 / inputs), 'float32', seed());
  const zeros = (/** @type {number} */ size) => weight(() => tf.zeros([size]));
  const ones = (/** @type {number} */ size) => weight(() => tf.ones([size]));
  const tokens = table(SYMBOLS);
  const positions = table(LENGTH);
  const norm1 = [ones(DIM), zeros(DIM)];
  // Query, key and value maps drawn one by one (each Xavier on [32, 32]), kept side by side.
  const qkv = weight(() => tf.concat([xavier(DIM, DIM), xavier(DIM, DIM), xavier(DIM, DIM)], 1));
  const qkvBias = zeros(3 * DIM);
  const [out, outBias] = [weight(() => xavier(DIM, DIM)), zeros(DIM)];
  const norm2 = [ones(DIM), zeros(DIM)];
  const [ffIn, ffInBias] = [weight(() => he(DIM, FEED_FORWARD)), zeros(FEED_FORWARD)];
  const [ffOut, ffOutBias] = [weight(() => he(FEED_FORWARD, DIM)), zeros(DIM)];
  const finalNorm = [ones(DIM), zeros(DIM)];
  const [head, headBias] = [weight(() => xavier(DIM, SYMBOLS)), zeros(SYMBOLS)];

  /**
   * Layer norm over the last axis with `gain` and `bias`.
   * @param {Tensor} x
   * @param {Tensor[]} norm
   */
  const layerNorm = (x, [gain, bias]) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, NORM_EPS))), gain), bias);
  };
  /**
   * [rows * T, DIM] as [rows * HEADS, T, HEAD_DIM].
   * @param {Tensor} x
   * @param {number} rows
   */
  const heads = (x, rows) => tf.reshape(
    tf.transpose(tf.reshape(x, [rows, LENGTH, HEADS, HEAD_DIM]), [0, 2, 1, 3]), [rows * HEADS, LENGTH, HEAD_DIM],
  );
  /**
   * Non-causal attention of every position over every position, heads joined back to [rows * T, DIM].
   * @param {Tensor} x [rows * T, DIM]
   * @param {number} rows
   */
  const attention = (x, rows) => {
    const [q, k, v] = tf.split(tf.add(tf.matMul(x, qkv), qkvBias), 3, 1).map((part) => heads(part, rows));
    const probs = tf.softmax(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(HEAD_DIM)));
    const joined = tf.reshape(
      tf.transpose(tf.reshape(tf.matMul(probs, v), [rows, HEADS, LENGTH, HEAD_DIM]), [0, 2, 1, 3]), [rows * LENGTH, DIM],
    );
    return tf.add(tf.matMul(joined, out), outBias);
  };
  return {
    variables,
    /**
     * The logits ([rows * T, SYMBOLS], row b * T + t) of the sequences `ids` ([rows, T]).
     * @param {Tensor} ids
     * @returns {Tensor}
     */
    logits(ids) {
      const [rows] = ids.shape;
      const flat = tf.reshape(ids, [rows * LENGTH]);
      const x = tf.reshape(tf.add(tf.reshape(rowsOf(tokens, flat, lookup), [rows, LENGTH, DIM]), positions), [rows * LENGTH, DIM]);
      const h = tf.add(x, attention(layerNorm(x, norm1), rows));
      const hidden = tf.relu(tf.add(tf.matMul(layerNorm(h, norm2), ffIn), ffInBias));
      const block = tf.add(h, tf.add(tf.matMul(hidden, ffOut), ffOutBias));
      return tf.add(tf.matMul(layerNorm(block, finalNorm), head), headBias);
    },
  };
}
