// The TensorFlow.js peer of workload S1 (web/bench/s1-tfjs.html, TensorFlow.js 4.22 served from
// node_modules) on the backend `?backend=cpu|wasm` names, for the cell `?cell=rnn|lstm|gru` names
// or all three: the character model, split, windows and Adam of web/bench/s1-data.js, written as a
// TensorFlow.js user writes it (an embedding variable, tf.layers.simpleRNN/lstm/gru with
// returnSequences and a dense layer over every step, `optimizer.minimize`). A backend whose
// embedding gradient lacks a kernel (the wasm backend has no UnsortedSegmentSum, the gradient of
// gather) looks rows up as a one-hot matMul instead, the same product, and names the kernel; a
// cell that still cannot train reports `s1<C>TokensPerSecond: null`, its error and the kernel.

import {
  BATCH, DATA_SEED, EMBEDDING, HIDDEN, LEARNING_RATE, STEPS, TOKENS_PER_UPDATE, cellsFrom, keyStem,
  loadCorpus, readCharacters, split, testWindows, windows,
} from './s1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';

/**
 * TensorFlow.js as its UMD scripts leave it on the window (see web/bench/tfjs.js).
 * @typedef {typeof import('@tensorflow/tfjs') & {wasm: typeof import('@tensorflow/tfjs-backend-wasm')}} Tf
 * @typedef {import('@tensorflow/tfjs').Tensor} Tensor
 * @typedef {import('@tensorflow/tfjs').Variable} Variable
 * @typedef {import('./s1-data.js').Cell} Cell
 * @typedef {'gather' | 'oneHot'} Lookup
 */

const tf = /** @type {{tf: Tf}} */ (/** @type {unknown} */ (window)).tf;
const params = new URLSearchParams(window.location.search);
const BACKEND = params.get('backend') ?? 'cpu';
const CELLS = cellsFrom(params);
const TIMING = timingFrom(params);
const WASM_DIR = new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href;
/** Test windows per forward pass when the test loss is measured. */
const TEST_ROWS = 64;

await report(async () => {
  if (BACKEND === 'wasm') tf.wasm.setWasmPaths(WASM_DIR);
  if (!(await tf.setBackend(BACKEND))) throw new Error(`TensorFlow.js has no backend ${BACKEND}`);
  await tf.ready();
  const corpus = readCharacters(await loadCorpus());
  const { train, test } = split(corpus, DATA_SEED);
  const vocabulary = corpus.vocabulary.length;
  const missing = gatherGradientMissing(vocabulary);
  /** @type {Record<string, number | string | null>} */
  const results = {
    tfjsVersion: tf.version.tfjs,
    tfjsBackend: tf.getBackend(),
    s1Vocabulary: vocabulary,
    s1Embedding: missing === null ? 'gather' : 'oneHot matMul',
    s1EmbeddingMissingKernel: missing,
  };
  for (const cell of CELLS) {
    Object.assign(results, timeCell(cell, vocabulary, missing === null ? 'gather' : 'oneHot', train, test));
  }
  results.tensorsLeft = tf.memory().numTensors;
  return results;
});

/**
 * The kernel the backend lacks for the gradient of gather (an embedding lookup), or null.
 * @param {number} vocabulary
 * @returns {string | null}
 */
function gatherGradientMissing(vocabulary) {
  try {
    tf.tidy(() => tf.grad((/** @type {Tensor} */ table) => tf.sum(tf.gather(table, tf.tensor1d([0, 1], 'int32'))))(
      tf.ones([vocabulary, EMBEDDING])).dataSync());
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const kernel = /Kernel '(\w+)' not registered/.exec(message)?.[1];
    if (!kernel) throw error;
    return kernel;
  }
}

/**
 * S1 for `cell`: tokens/s of training, then the mean cross-entropy (nats) on the held-out
 * stream and the updates trained; or, if the backend cannot train the cell, why.
 * @param {Cell} cell
 * @param {number} vocabulary
 * @param {Lookup} lookup how the embedding rows are looked up
 * @param {Int32Array} train
 * @param {Int32Array} test
 * @returns {Record<string, number | string | null>}
 */
function timeCell(cell, vocabulary, lookup, train, test) {
  const key = `s1${keyStem(cell)}`;
  const model = s1Model(cell, vocabulary, lookup);
  const optimizer = tf.train.adam(LEARNING_RATE);
  const next = windows(train, DATA_SEED);
  const step = () => {
    const { inputs, targets } = next();
    const x = tf.tensor2d(inputs, [BATCH, STEPS], 'int32');
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(targets, 'int32'), vocabulary));
    try {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.logits(x)), false, model.variables);
    } finally {
      tf.dispose([x, y]);
    }
  };
  /** @type {Record<string, number | string | null>} */
  const figures = {};
  try {
    figures[`${key}TokensPerSecond`] = rate(times(step), TIMING) * TOKENS_PER_UPDATE;
    figures[`${key}TestLoss`] = testLoss(model, vocabulary, test);
    figures[`${key}Updates`] = optimizer.iterations;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    figures[`${key}TokensPerSecond`] = null;
    figures[`${key}TrainError`] = `TensorFlow.js ${tf.version.tfjs} ${BACKEND} cannot train S1's ${cell}: ${message}`;
    figures[`${key}TrainMissingKernel`] = /Kernel '(\w+)' not registered/.exec(message)?.[1] ?? null;
  } finally {
    model.dispose();
    optimizer.dispose();
  }
  return figures;
}

/**
 * S1's model for `cell`: an embedding of 16 (uniform in +-0.05, as tf.layers.embedding starts),
 * the cell's tf.layers recurrent layer of 64 over every step (its defaults: Glorot-uniform input
 * weights, orthogonal recurrent weights, zero biases; the LSTM's forget-gate bias 1, as ours),
 * and a dense layer to the vocabulary's logits at every step.
 * @param {Cell} cell
 * @param {number} vocabulary
 * @param {Lookup} lookup
 */
function s1Model(cell, vocabulary, lookup) {
  const start = tf.randomUniform([vocabulary, EMBEDDING], -0.05, 0.05, 'float32', 1);
  const embedding = tf.variable(start);
  start.dispose();
  const options = { units: HIDDEN, returnSequences: true };
  const recurrent = cell === 'rnn' ? tf.layers.simpleRNN(options)
    : cell === 'lstm' ? tf.layers.lstm({ ...options, unitForgetBias: true })
      : tf.layers.gru(options);
  const dense = tf.layers.dense({ units: vocabulary });
  /**
   * The logits ([rows x STEPS, vocabulary]) of the windows `x` ([rows, STEPS] ids).
   * @param {Tensor} x
   * @returns {Tensor}
   */
  const logits = (x) => {
    const [rows] = x.shape;
    const flat = tf.reshape(x, [rows * STEPS]);
    const looked = lookup === 'gather' ? tf.gather(embedding, flat)
      : tf.matMul(tf.oneHot(flat, vocabulary), embedding);
    const hidden = /** @type {Tensor} */ (recurrent.apply(tf.reshape(looked, [rows, STEPS, EMBEDDING])));
    const out = /** @type {Tensor} */ (dense.apply(hidden));
    return tf.reshape(out, [rows * STEPS, vocabulary]);
  };
  // The layers create their weights on their first call.
  tf.tidy(() => logits(tf.zeros([1, STEPS], 'int32')));
  const variables = [embedding, ...[...recurrent.trainableWeights, ...dense.trainableWeights]
    .map((weight) => /** @type {Variable} */ (weight.read()))];
  return {
    logits,
    variables,
    /** Frees every weight. */
    dispose() {
      embedding.dispose();
      recurrent.dispose();
      dense.dispose();
    },
  };
}

/**
 * The mean cross-entropy in nats of `model` on the held-out stream's windows, each read from a
 * zero state as training reads them.
 * @param {{logits: (x: Tensor) => Tensor}} model
 * @param {number} vocabulary
 * @param {Int32Array} test
 */
function testLoss(model, vocabulary, test) {
  const { inputs, targets, rows } = testWindows(test);
  let total = 0;
  for (let row = 0; row < rows; row += TEST_ROWS) {
    const count = Math.min(TEST_ROWS, rows - row);
    const [start, end] = [row * STEPS, (row + count) * STEPS];
    const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(
      tf.oneHot(tf.tensor1d(targets.subarray(start, end), 'int32'), vocabulary),
      model.logits(tf.tensor2d(inputs.subarray(start, end), [count, STEPS], 'int32')),
      undefined, undefined, tf.Reduction.SUM,
    ));
    total += loss.dataSync()[0];
    loss.dispose();
  }
  return total / (rows * STEPS);
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
