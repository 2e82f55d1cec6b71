// The TensorFlow.js peer of workload E1 (web/bench/e1-tfjs.html, TensorFlow.js 4.22 served from
// node_modules) on the backend `?backend=cpu|wasm` names: skip-gram with negative sampling on the
// text, training pairs and noise table of web/bench/e1-data.js, written as a TensorFlow.js user
// writes it: two `tf.variable` tables of [500, 16] (input vectors uniform in +-0.5/16, output
// vectors 0, as word2vec and our engine start), per batch the centres' and the contexts' and
// negatives' rows looked up, their dot products, `tf.losses.sigmoidCrossEntropy` and
// `tf.train.adam(0.01).minimize`. The same pairs as the engine (the sentences it does not hold
// out), reshuffled each epoch, in batches of 256 and a last smaller one, with 5 negatives per
// pair drawn afresh from the noise table for every batch (kept even when one is the true context,
// which our engine redraws and word2vec's C code skips: the work is the same). Rows are looked up
// with gather or as a one-hot matMul (the same product), whichever a short trial finds faster on
// the backend: a backend whose gather gradient lacks a kernel (the wasm backend has no
// UnsortedSegmentSum) uses the one-hot product and names the kernel. If it still cannot train it
// reports `e1PairsPerSecond: null`, its error and the kernel.

import {
  BATCH, DIM, LEARNING_RATE, NEGATIVES, e1Text, noiseTable, readWords, trainPairs, xorshift32,
} from './e1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';

/**
 * TensorFlow.js as its UMD scripts leave it on the window (see web/bench/tfjs.js).
 * @typedef {typeof import('@tensorflow/tfjs') & {wasm: typeof import('@tensorflow/tfjs-backend-wasm')}} Tf
 * @typedef {import('@tensorflow/tfjs').Tensor} Tensor
 * @typedef {'gather' | 'oneHot'} Lookup
 * @typedef {import('./e1-data.js').Pairs} Pairs
 */

const tf = /** @type {{tf: Tf}} */ (/** @type {unknown} */ (window)).tf;
const params = new URLSearchParams(window.location.search);
const BACKEND = params.get('backend') ?? 'cpu';
const TIMING = timingFrom(params);
const WASM_DIR = new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href;
/** Scores per pair: the true context, then the negatives. */
const SCORES = NEGATIVES + 1;
/** The most training pairs the train loss is measured on (the engine's sample). */
const LOSS_SAMPLE = 2000;
/** The seed of the peer's shuffles and negative draws. */
const PEER_SEED = 0x9e3779b9;

await report(async () => {
  if (BACKEND === 'wasm') tf.wasm.setWasmPaths(WASM_DIR);
  if (!(await tf.setBackend(BACKEND))) throw new Error(`TensorFlow.js has no backend ${BACKEND}`);
  await tf.ready();
  const corpus = readWords(e1Text());
  const vocabulary = corpus.vocabulary.length;
  const pairs = trainPairs(corpus);
  const missing = gatherGradientMissing(vocabulary);
  const trial = lookupTrial(vocabulary, missing === null ? ['gather', 'oneHot'] : ['oneHot']);
  const lookup = trial.gather !== undefined && trial.gather <= trial.oneHot ? 'gather' : 'oneHot';
  /** @type {Record<string, number | string | null>} */
  const results = {
    tfjsVersion: tf.version.tfjs,
    tfjsBackend: tf.getBackend(),
    e1Vocabulary: vocabulary,
    e1TrainPairs: pairs.centers.length,
    e1Lookup: lookup === 'gather' ? 'gather' : 'oneHot matMul',
    e1LookupMissingKernel: missing,
    e1GatherTrialMs: trial.gather ?? null,
    e1OneHotTrialMs: trial.oneHot,
  };
  Object.assign(results, timeTraining(vocabulary, lookup, pairs, noiseTable(corpus.counts)));
  results.tensorsLeft = tf.memory().numTensors;
  return results;
});

/**
 * The kernel the backend lacks for the gradient of gather (a row lookup), or null.
 * @param {number} vocabulary
 * @returns {string | null}
 */
function gatherGradientMissing(vocabulary) {
  try {
    tf.tidy(() => tf.grad((/** @type {Tensor} */ table) => tf.sum(tf.gather(table, tf.tensor1d([0, 1], 'int32'))))(
      tf.ones([vocabulary, DIM])).dataSync());
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const kernel = /Kernel '(\w+)' not registered/.exec(message)?.[1];
    if (!kernel) throw error;
    return kernel;
  }
}

/**
 * Milliseconds of one lookup of a batch's output rows (256 x 6) and its gradient, for each of
 * `lookups`, after an untimed one of two rows: the peer trains with the faster. TensorFlow.js's cpu backend
 * has gather's gradient, but its UnsortedSegmentSum loops over the 500 words (a mask, a product
 * and a sum for each), about 10x slower than the one-hot product on this workload; its wasm
 * backend has none.
 * @param {number} vocabulary
 * @param {Lookup[]} lookups
 * @returns {{gather?: number, oneHot: number}}
 */
function lookupTrial(vocabulary, lookups) {
  const table = tf.randomUniform([vocabulary, DIM], -1, 1, 'float32', 2);
  const few = tf.tensor1d([0, 1], 'int32');
  const batch = tf.tensor1d(Int32Array.from({ length: BATCH * SCORES }, (_, i) => (i * 7919) % vocabulary), 'int32');
  /** @type {{gather?: number, oneHot: number}} */
  const ms = { oneHot: Number.POSITIVE_INFINITY };
  for (const lookup of lookups) {
    const once = (/** @type {Tensor} */ ids) => tf.tidy(
      () => tf.grad((/** @type {Tensor} */ t) => tf.sum(rowsOf(t, ids, lookup, vocabulary)))(table).dataSync(),
    );
    // the untimed call on two rows sets the kernels up
    once(few);
    const start = performance.now();
    once(batch);
    ms[lookup] = performance.now() - start;
  }
  tf.dispose([table, few, batch]);
  return ms;
}

/**
 * E1's training: pairs/s (updates/s times an epoch's pairs over its updates, as web/bench/e1.js
 * counts ours), then the loss on a sample of the training pairs and the updates trained; or, if
 * the backend cannot train, why.
 * @param {number} vocabulary
 * @param {Lookup} lookup how rows are looked up
 * @param {Pairs} pairs
 * @param {Int32Array} noise
 * @returns {Record<string, number | string | null>}
 */
function timeTraining(vocabulary, lookup, pairs, noise) {
  const model = sgnsModel(vocabulary, lookup);
  const optimizer = tf.train.adam(LEARNING_RATE);
  const next = xorshift32(PEER_SEED);
  const count = pairs.centers.length;
  const order = Int32Array.from({ length: count }, (_, i) => i);
  let cursor = 0;
  const step = () => {
    if (cursor === 0) shuffle(order, next);
    const end = Math.min(cursor + BATCH, count);
    const batch = draw(pairs, order.subarray(cursor, end), noise, next);
    cursor = end === count ? 0 : end;
    try {
      optimizer.minimize(() => model.loss(batch.centers, batch.outputs, batch.labels), false, model.variables);
    } finally {
      tf.dispose([batch.centers, batch.outputs, batch.labels]);
    }
  };
  /** @type {Record<string, number | string | null>} */
  const figures = {};
  try {
    figures.e1PairsPerSecond = rate(times(step), TIMING) * (count / Math.ceil(count / BATCH));
    figures.e1TrainLoss = sampleLoss(model, pairs, noise, next);
    figures.e1Updates = optimizer.iterations;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    figures.e1PairsPerSecond = null;
    figures.e1TrainError = `TensorFlow.js ${tf.version.tfjs} ${BACKEND} cannot train E1: ${message}`;
    figures.e1TrainMissingKernel = /Kernel '(\w+)' not registered/.exec(message)?.[1] ?? null;
  } finally {
    tf.dispose(model.variables);
    optimizer.dispose();
  }
  return figures;
}

/**
 * The two tables of E1 and its loss.
 * @param {number} vocabulary
 * @param {Lookup} lookup
 */
function sgnsModel(vocabulary, lookup) {
  const start = tf.randomUniform([vocabulary, DIM], -0.5 / DIM, 0.5 / DIM, 'float32', 1);
  const input = tf.variable(start);
  const zeros = tf.zeros([vocabulary, DIM]);
  const output = tf.variable(zeros);
  tf.dispose([start, zeros]);
  return {
    variables: [input, output],
    /**
     * The mean logistic loss of the scores of `centers` ([n] word ids) against `outputs` ([n x 6]:
     * each pair's context, then its negatives) with `labels` ([n, 6]: 1 then 0s).
     * @param {Tensor} centers
     * @param {Tensor} outputs
     * @param {Tensor} labels
     * @returns {import('@tensorflow/tfjs').Scalar}
     */
    loss(centers, outputs, labels) {
      const [n] = centers.shape;
      const words = tf.expandDims(rowsOf(input, centers, lookup, vocabulary), 1);
      const contexts = tf.reshape(rowsOf(output, outputs, lookup, vocabulary), [n, SCORES, DIM]);
      const logits = tf.sum(tf.mul(words, contexts), 2);
      return tf.losses.sigmoidCrossEntropy(labels, logits);
    },
  };
}

/**
 * The rows `ids` of `table` ([vocabulary, DIM]), by gather or as the product of their one-hot
 * vectors with the table.
 * @param {Tensor} table
 * @param {Tensor} ids int32, one dimension
 * @param {Lookup} lookup
 * @param {number} vocabulary
 * @returns {Tensor}
 */
function rowsOf(table, ids, lookup, vocabulary) {
  return lookup === 'gather' ? tf.gather(table, ids) : tf.matMul(tf.oneHot(ids, vocabulary), table);
}

/**
 * The batch of the pairs at `indices` as tensors, with `NEGATIVES` fresh negatives per pair drawn
 * uniformly from the noise table's slots.
 * @param {Pairs} pairs
 * @param {Int32Array} indices
 * @param {Int32Array} noise
 * @param {() => number} next
 */
function draw(pairs, indices, noise, next) {
  const n = indices.length;
  const [centers, outputs, labels] = [new Int32Array(n), new Int32Array(n * SCORES), new Float32Array(n * SCORES)];
  indices.forEach((index, row) => {
    centers[row] = pairs.centers[index];
    outputs[row * SCORES] = pairs.contexts[index];
    labels[row * SCORES] = 1;
    for (let k = 1; k < SCORES; k += 1) outputs[row * SCORES + k] = noise[next() % noise.length];
  });
  return {
    centers: tf.tensor1d(centers, 'int32'),
    outputs: tf.tensor1d(outputs, 'int32'),
    labels: tf.tensor2d(labels, [n, SCORES]),
  };
}

/**
 * The mean logistic loss on up to `LOSS_SAMPLE` training pairs evenly spread, with fresh
 * negatives (the engine measures its train loss on such a sample).
 * @param {ReturnType<typeof sgnsModel>} model
 * @param {Pairs} pairs
 * @param {Int32Array} noise
 * @param {() => number} next
 */
function sampleLoss(model, pairs, noise, next) {
  const count = pairs.centers.length;
  const stride = Math.max(1, Math.ceil(count / LOSS_SAMPLE));
  const indices = Int32Array.from({ length: Math.ceil(count / stride) }, (_, i) => i * stride);
  const batch = draw(pairs, indices, noise, next);
  const loss = tf.tidy(() => model.loss(batch.centers, batch.outputs, batch.labels));
  const value = loss.dataSync()[0];
  tf.dispose([loss, batch.centers, batch.outputs, batch.labels]);
  return value;
}

/**
 * Shuffles `items` in place (Fisher-Yates, from the back) with `next`'s draws.
 * @param {Int32Array} items
 * @param {() => number} next
 */
function shuffle(items, next) {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = next() % (i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/**
 * A `run(n)` that calls `action` `n` times.
 * @param {() => unknown} action
 * @returns {(n: number) => void}
 */
function times(action) {
  return (n) => {
    for (let i = 0; i < n; i += 1) action();
  };
}
