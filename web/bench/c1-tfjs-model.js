// Workload C1's network in TensorFlow.js, as a TensorFlow.js user writes it (variables, fused
// conv2d), for the pages that time it: web/bench/c1-tfjs.js and the inference beside ours in
// web/bench/c1.js. Needs TensorFlow.js's UMD scripts loaded by the page.

import { CLASSES, PIXELS } from './c1-data.js';

/**
 * TensorFlow.js as its UMD scripts leave it on the window (see web/bench/tfjs.js).
 * @typedef {typeof import('@tensorflow/tfjs') & {wasm: typeof import('@tensorflow/tfjs-backend-wasm')}} Tf
 * @typedef {import('@tensorflow/tfjs').Tensor} Tensor
 * @typedef {import('@tensorflow/tfjs').Tensor4D} Tensor4D
 * @typedef {import('@tensorflow/tfjs').Variable<import('@tensorflow/tfjs').Rank.R4>} Filter
 */

/** TensorFlow.js, from the page's UMD scripts. */
export const tf = /** @type {{tf: Tf}} */ (/** @type {unknown} */ (window)).tf;

/** Where the wasm backend's modules are served (node_modules). */
export const TFJS_WASM_DIR = new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).href;

/**
 * C1 in NHWC: conv 3x3 1 -> 8 (padding 1), ReLU, max-pool 2, conv 3x3 8 -> 16, ReLU, max-pool
 * 2, dense 64 -> 10; He-normal weights, zero biases.
 * @param {() => number} random
 */
export function c1Model(random) {
  /** @param {number[]} shape @param {number} fanIn */
  const weight = (shape, fanIn) => tf.variable(tf.tidy(() => tf.mul(
    tf.randomNormal(shape, 0, 1, 'float32', Math.floor(random() * 1e6)), Math.sqrt(2 / fanIn))));
  const conv1 = /** @type {Filter} */ (weight([3, 3, 1, 8], 9));
  const bias1 = tf.variable(tf.zeros([8]));
  const conv2 = /** @type {Filter} */ (weight([3, 3, 8, 16], 72));
  const bias2 = tf.variable(tf.zeros([16]));
  const dense = weight([PIXELS, CLASSES], PIXELS);
  const bias3 = tf.variable(tf.zeros([CLASSES]));
  return {
    /** The logits of images `x` ([n, 8, 8, 1]). @param {Tensor4D} x @returns {Tensor} */
    forward(x) {
      const h1 = tf.maxPool(tf.fused.conv2d({ x, filter: conv1, strides: 1, pad: 'same', bias: bias1, activation: 'relu' }), 2, 2, 'valid');
      const h2 = tf.maxPool(tf.fused.conv2d({ x: h1, filter: conv2, strides: 1, pad: 'same', bias: bias2, activation: 'relu' }), 2, 2, 'valid');
      return tf.add(tf.matMul(tf.reshape(h2, [x.shape[0], PIXELS]), dense), bias3);
    },
  };
}

/**
 * A function that predicts the digit of each of `images` with `model`, as the argmax of its
 * logits read back with `dataSync` (what a confusion matrix needs).
 * @param {ReturnType<typeof c1Model>} model
 * @param {import('./c1-data.js').Images} images
 * @returns {() => ArrayLike<number>}
 */
export function predictor(model, images) {
  const x = tf.tensor4d(images.pixels, [images.count, 8, 8, 1]);
  return () => {
    const predicted = tf.tidy(() => tf.argMax(model.forward(x), 1));
    const digits = predicted.dataSync();
    predicted.dispose();
    return digits;
  };
}
