// The ConvNetJS peer of workload C1 (web/bench/c1-convnet.html, ConvNetJS 0.3.0 served from
// node_modules): the same network, split and batches of 32 as ours (web/bench/c1-data.js), built
// as ConvNetJS builds nets, timed under the keys of web/bench/c1.js. npm's ConvNetJS has no
// 'adam' trainer method (its Trainer knows sgd, adagrad, adadelta and windowgrad; 'adam' came
// later on GitHub only), so the update is Adam 0.01 written here over the gradients its
// backward pass sums over the batch, as its Trainer does for the methods it has.

import { BATCH, LEARNING_RATE, batcher, c1Split, examplesPerStep, loadDigits, mulberry32 } from './c1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';

/**
 * The parts of ConvNetJS this page uses, as its script leaves it on the window.
 * @typedef {{w: Float64Array, dw: Float64Array}} Vol
 * @typedef {{params: Float64Array, grads: Float64Array}} ParamsAndGrads
 * @typedef {{makeLayers(defs: object[]): void, forward(x: Vol, training: boolean): Vol,
 *   backward(label: number): number, getParamsAndGrads(): ParamsAndGrads[],
 *   getPrediction(): number}} Net
 * @typedef {{Net: new () => Net, Vol: new (sx: number, sy: number, depth: number, c: number) => Vol}} ConvNetJs
 * @typedef {import('./c1-data.js').Images} Images
 */

const convnetjs = /** @type {{convnetjs: ConvNetJs}} */ (/** @type {unknown} */ (window)).convnetjs;
const TIMING = timingFrom(new URLSearchParams(window.location.search));

await report(async () => {
  const { train, test } = await c1Split(await loadDigits());
  const net = new convnetjs.Net();
  net.makeLayers([
    { type: 'input', out_sx: 8, out_sy: 8, out_depth: 1 },
    { type: 'conv', sx: 3, filters: 8, stride: 1, pad: 1, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 3, filters: 16, stride: 1, pad: 1, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'softmax', num_classes: 10 },
  ]);
  const trainVols = vols(train);
  const testVols = vols(test);
  const next = batcher(train.count, mulberry32(1));
  const adam = adamFor(net.getParamsAndGrads());
  const steps = rate((n) => {
    for (let s = 0; s < n; s += 1) {
      const batch = next();
      for (const i of batch) {
        net.forward(trainVols[i], true);
        net.backward(train.labels[i]);
      }
      adam.update(batch.length);
    }
  }, TIMING);
  const accuracy = correct(net, testVols, test) / test.count;
  const passes = rate((n) => {
    for (let s = 0; s < n; s += 1) correct(net, testVols, test);
  }, TIMING);
  return {
    convnetjsVersion: '0.3.0',
    c1TrainExamplesPerSecond: steps * examplesPerStep(train.count),
    c1InferImagesPerSecond: passes * test.count,
    c1TestAccuracy: accuracy,
    c1Epochs: adam.updates() / Math.ceil(train.count / BATCH),
  };
});

/**
 * Adam (beta1 0.9, beta2 0.999, eps 1e-8, bias-corrected) over ConvNetJS's parameters: each
 * update takes the gradients summed over a batch, divides them by its size and zeroes them.
 * @param {ParamsAndGrads[]} list
 */
function adamFor(list) {
  const moments = list.map(({ params }) => ({ m: new Float64Array(params.length), v: new Float64Array(params.length) }));
  let t = 0;
  return {
    updates: () => t,
    /** @param {number} batch examples whose gradients were summed */
    update(batch) {
      t += 1;
      const correction1 = 1 - 0.9 ** t;
      const correction2 = 1 - 0.999 ** t;
      list.forEach(({ params, grads }, k) => {
        const { m, v } = moments[k];
        for (let j = 0; j < params.length; j += 1) {
          const g = grads[j] / batch;
          m[j] = 0.9 * m[j] + 0.1 * g;
          v[j] = 0.999 * v[j] + 0.001 * g * g;
          params[j] -= (LEARNING_RATE * (m[j] / correction1)) / (Math.sqrt(v[j] / correction2) + 1e-8);
          grads[j] = 0;
        }
      });
    },
  };
}

/**
 * Each image of `set` as an 8 x 8 x 1 volume (ConvNetJS's x-fastest layout is row-major here).
 * @param {Images} set
 * @returns {Vol[]}
 */
function vols(set) {
  return Array.from({ length: set.count }, (_, i) => {
    const vol = new convnetjs.Vol(8, 8, 1, 0);
    vol.w.set(set.pixels.subarray(i * 64, (i + 1) * 64));
    return vol;
  });
}

/**
 * A forward pass over `images`, one at a time (ConvNetJS's only way), and how many it gets right.
 * @param {Net} net
 * @param {Vol[]} images
 * @param {Images} set their labels
 */
function correct(net, images, set) {
  let right = 0;
  images.forEach((vol, i) => {
    net.forward(vol, false);
    if (net.getPrediction() === set.labels[i]) right += 1;
  });
  return right;
}
