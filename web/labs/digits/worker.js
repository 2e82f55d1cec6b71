// The digits lab's training, in a Web Worker: one DigitsLab (web/pkg-digits) answers the page's
// requests, so a convolution step or a whole-set evaluation never blocks the page.
//
// Protocol: the page posts {id, kind, args}; the worker answers {id, ok: true, result} or
// {id, ok: false, error: {message, messageZh, crashed}} (`crashed`: the module trapped).
// Requests are answered in order, one at a time.
//   open {link, bytes}      builds the lab from a link and the un-gzipped digits file
//   apply {link}            changes settings (live ones keep the weights) -> {rebuilt, link}
//   reset                   the same experiment from its start -> {link}
//   train {steps}           up to `steps` updates, stopping at the end of an epoch
//                           -> {step, epoch, batchLoss, epochEnded, stopped}
//   metrics                 losses, accuracies, gradient norms, stop (the plane's shape)
//   views                   {layers, confusion, misclassified, shifted} for the views
//   probabilities {pixels}  the ten class probabilities of a drawn 8 x 8 image
//   layerOutputs {pixels}   each layer's output for one image
//   testImage {index}       {pixels, label} of a test image
//   progress                {step, epoch}, without evaluating anything
//   shifted                 test accuracy on images shifted 0 to 3 px, without the other views
//   testImages {indices}    {pixels: 64 per image, labels} of several test images at once
//   exportWeights           {text, step}: the weights file (the CLI's `--export`) and its step
//   importWeights {file}    replaces the weights with a parsed weights file's; a refused file
//                           changes nothing
import init, { DigitsLab } from '../../pkg-digits/playground_wasm.js';
import { serveRequests } from '../../shared/worker-requests.js';

/** @type {DigitsLab | null} */
let lab = null;
const ready = init();

/** The open lab, or an error the page shows. */
function opened() {
  if (!lab) throw new Error('the digits lab is not open yet');
  return lab;
}

/** The highest test-image shift the translation test measures. */
const MAX_SHIFT = 3;

/** @type {Record<string, (args: any) => any>} */
const HANDLERS = {
  open({ link, bytes }) {
    lab?.free();
    lab = null;
    lab = new DigitsLab(link, new Uint8Array(bytes));
    return { link: lab.link(), testCount: lab.testCount() };
  },
  apply({ link }) {
    const rebuilt = opened().applyLink(link);
    return { rebuilt, link: opened().link() };
  },
  reset() {
    opened().reset();
    return { link: opened().link() };
  },
  train({ steps }) {
    const it = opened();
    const epoch = it.epoch();
    const batchLoss = it.trainSteps(Math.max(1, Math.min(steps, it.stepsLeftInEpoch())));
    return {
      step: it.step(),
      epoch: it.epoch(),
      batchLoss,
      epochEnded: it.epoch() > epoch,
      stopped: it.stopped(),
    };
  },
  metrics() {
    return opened().metrics();
  },
  views() {
    const it = opened();
    const shifted = [];
    for (let pixels = 0; pixels <= MAX_SHIFT; pixels++) shifted.push(it.shiftedAccuracy(pixels));
    return {
      layers: it.layers(),
      confusion: it.confusion(),
      misclassified: it.misclassified(),
      shifted,
    };
  },
  probabilities({ pixels }) {
    return opened().probabilities(new Float32Array(pixels));
  },
  layerOutputs({ pixels }) {
    return opened().layerOutputs(new Float32Array(pixels));
  },
  testImage({ index }) {
    return { pixels: opened().testImage(index), label: opened().testLabel(index) };
  },
  progress() {
    return { step: opened().step(), epoch: opened().epoch() };
  },
  shifted() {
    const shifted = [];
    for (let pixels = 0; pixels <= MAX_SHIFT; pixels++) shifted.push(opened().shiftedAccuracy(pixels));
    return shifted;
  },
  testImages({ indices }) {
    const it = opened();
    const pixels = new Float32Array(64 * indices.length);
    const labels = new Uint8Array(indices.length);
    indices.forEach((/** @type {number} */ index, /** @type {number} */ i) => {
      pixels.set(it.testImage(index), 64 * i);
      labels[i] = it.testLabel(index);
    });
    return { pixels, labels };
  },
  exportWeights() {
    return { text: opened().exportWeights(), step: opened().step() };
  },
  importWeights({ file }) {
    opened().importWeights(file);
    return {};
  },
};

serveRequests(ready, HANDLERS);
