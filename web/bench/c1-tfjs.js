// The TensorFlow.js peer of workload C1 (web/bench/c1-tfjs.html, TensorFlow.js 4.22 served from
// node_modules) on the backend `?backend=cpu|wasm` names: the same network, split, batches and
// Adam as ours (web/bench/c1-data.js), written as a TensorFlow.js user writes it (variables,
// fused conv2d, `optimizer.minimize`, `dataSync`), under the keys of web/bench/c1.js. A backend
// that cannot train C1 reports `c1TrainExamplesPerSecond: null`, its error and the kernel it
// lacks; its inference is still timed.

import {
  BATCH, CLASSES, LEARNING_RATE, PIXELS, batcher, c1Split, examplesPerStep, loadDigits,
  mulberry32,
} from './c1-data.js';
import { TFJS_WASM_DIR, c1Model, predictor, tf } from './c1-tfjs-model.js';
import { rate, timingFrom } from './rate.js';
import { report } from './report.js';

/** @typedef {import('./c1-data.js').Images} Images */

const params = new URLSearchParams(window.location.search);
const BACKEND = params.get('backend') ?? 'cpu';
const TIMING = timingFrom(params);

await report(async () => {
  if (BACKEND === 'wasm') tf.wasm.setWasmPaths(TFJS_WASM_DIR);
  if (!(await tf.setBackend(BACKEND))) throw new Error(`TensorFlow.js has no backend ${BACKEND}`);
  await tf.ready();
  const { train, test } = await c1Split(await loadDigits());
  const random = mulberry32(1);
  const model = c1Model(random);
  const next = batcher(train.count, random);
  const optimizer = tf.train.adam(LEARNING_RATE);
  const step = () => {
    const batch = next();
    const x = tf.tensor4d(rows(train.pixels, batch), [batch.length, 8, 8, 1]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(batch.map((i) => train.labels[i]), 'int32'), CLASSES));
    try {
      optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, model.forward(x)));
    } finally {
      tf.dispose([x, y]);
    }
  };
  /** @type {Record<string, number | string | null>} */
  const training = {};
  try {
    training.c1TrainExamplesPerSecond = rate(times(step), TIMING) * examplesPerStep(train.count);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    training.c1TrainExamplesPerSecond = null;
    training.c1TrainError = `TensorFlow.js ${tf.version.tfjs} ${BACKEND} cannot train C1: ${message}`;
    training.c1TrainMissingKernel = /Kernel '(\w+)' not registered/.exec(message)?.[1] ?? null;
  }
  const infer = predictor(model, test);
  const accuracy = correct(infer(), test) / test.count;
  const passes = rate(times(infer), TIMING);
  return {
    tfjsVersion: tf.version.tfjs,
    tfjsBackend: tf.getBackend(),
    ...training,
    c1InferImagesPerSecond: passes * test.count,
    c1TestAccuracy: accuracy,
    c1Epochs: optimizer.iterations / Math.ceil(train.count / BATCH),
  };
});

/**
 * The pixels of images `indices` of `pixels`, one after another.
 * @param {Float32Array} pixels
 * @param {number[]} indices
 */
function rows(pixels, indices) {
  const out = new Float32Array(indices.length * PIXELS);
  indices.forEach((index, at) => out.set(pixels.subarray(index * PIXELS, (index + 1) * PIXELS), at * PIXELS));
  return out;
}

/**
 * How many of `predicted` match the labels of `set`.
 * @param {ArrayLike<number>} predicted
 * @param {Images} set
 */
function correct(predicted, set) {
  let right = 0;
  for (let i = 0; i < set.count; i += 1) if (predicted[i] === set.labels[i]) right += 1;
  return right;
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
