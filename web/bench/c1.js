// Workload C1 through our wasm (web/pkg-digits's DigitsLab, the digits lab's own handle):
// training examples/s, inference images/s over the 445 test images, and the test accuracy
// after the timed training as a sanity check. Timed as web/bench/rate.js times every figure.
// Then the inference again, beside TensorFlow.js's wasm backend in this page, samples taking
// turns: `c1InferBesideImagesPerSecond` is ours, `tfjs-wasm.c1InferBesideImagesPerSecond`
// theirs (the driver files it with that peer's figures).

import {
  BATCH, C1, PIXELS, c1Split, examplesPerStep, loadDigits, mulberry32, openLab,
} from './c1-data.js';
import { TFJS_WASM_DIR, c1Model, predictor, tf } from './c1-tfjs-model.js';
import { report } from './report.js';
import { rate, ratesBeside, timingFrom } from './rate.js';

/** The most updates one `trainSteps` call takes (the handle's limit). */
const MAX_STEPS_PER_CALL = 1000;
const TIMING = timingFrom(new URLSearchParams(window.location.search));

await report(async () => {
  const raw = await loadDigits();
  const lab = await openLab(raw);
  // C1 trains on every image the split does not hold out.
  const trainCount = raw.length / (PIXELS + 1) - lab.testCount();
  const steps = rate((n) => {
    for (let left = n; left > 0; left -= MAX_STEPS_PER_CALL) lab.trainSteps(Math.min(left, MAX_STEPS_PER_CALL));
  }, TIMING);
  const trained = lab.metrics();
  if (trained.stop) throw new Error(`${C1} stopped training: ${JSON.stringify(trained.stop)}`);
  // One forward pass over the whole test set and its argmax: what the confusion matrix costs.
  /** @param {number} n */
  const inferOurs = (n) => {
    for (let i = 0; i < n; i += 1) lab.confusion();
  };
  const passes = rate(inferOurs, TIMING);
  tf.wasm.setWasmPaths(TFJS_WASM_DIR);
  if (!(await tf.setBackend('wasm'))) throw new Error('TensorFlow.js has no wasm backend');
  await tf.ready();
  const theirs = predictor(c1Model(mulberry32(1)), (await c1Split(raw)).test);
  const [oursBeside, theirsBeside] = ratesBeside([
    inferOurs,
    (n) => { for (let i = 0; i < n; i += 1) theirs(); },
  ], TIMING);
  return {
    c1TrainExamplesPerSecond: steps * examplesPerStep(trainCount),
    c1InferImagesPerSecond: passes * lab.testCount(),
    c1InferBesideImagesPerSecond: oursBeside * lab.testCount(),
    'tfjs-wasm.c1InferBesideImagesPerSecond': theirsBeside * lab.testCount(),
    c1TestAccuracy: trained.testAccuracy,
    c1Epochs: lab.step() / Math.ceil(trainCount / BATCH),
    c1TrainImages: trainCount,
    c1TestImages: lab.testCount(),
  };
});
