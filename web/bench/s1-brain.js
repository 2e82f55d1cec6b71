// The brain.js peer of workload S1 (web/bench/s1-brain.html, brain.js 1.6.1 served from
// node_modules), for the cell `?cell=rnn|lstm|gru` names or all three: brain.recurrent.RNN, LSTM
// and GRU with one hidden layer of 64 and an input (embedding) of 16, trained by brain.js's own
// per-sequence update (`trainPattern`, what its `train` loops over) on the characters of the
// same windows of the same training stream as the other S1 pages (web/bench/s1-data.js).
// What differs from S1, because brain.js's recurrent nets cannot do otherwise:
//  - batch 1: each of an update's 16 windows is its own brain.js update, so a step here is 16
//    brain.js updates over the same 16 x 32 characters;
//  - brain.js's optimizer, not Adam: RMSProp (decay 0.999) with each gradient clipped to +-5 and
//    an L2 decay of 1e-6, learning rate 0.01;
//  - brain.js reads a window of 32 characters as 33 steps: a start token, then each character,
//    predicting the first character from the start token and an end token after the last; we
//    count the 32 characters it reads (tokens/s = characters read per second of training);
//  - its outputs and inputs have one more class (the start/end token), so the softmax is over
//    the vocabulary + 1;
//  - brain.js's plain RNN uses ReLU (and diverged here: infinite test loss within 48 updates);
//    S1's is tanh, so the RNN timed is brain.recurrent.RNN with its equation's ReLU swapped for
//    tanh, subclassed the way brain.js's own LSTM and GRU override `getEquation`. LSTM and GRU
//    are brain.js's as they ship (its LSTM's forget-gate bias starts at 0, not 1).
// We call its nets with character ids (no `dataFormatter`), which is how the input stays an
// embedding of 16 rather than brain.js's default of one row per character as wide as the
// vocabulary.

import {
  DATA_SEED, EMBEDDING, HIDDEN, LEARNING_RATE, STEPS, TOKENS_PER_UPDATE, cellsFrom, keyStem, loadCorpus,
  readCharacters, split, testWindows, windows,
} from './s1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';

/**
 * The parts of brain.js this page uses, as its browser script leaves it on the window.
 * @typedef {{weights: Float64Array}} Matrix
 * @typedef {{runIndex(input: number): Matrix, predictTargetIndex(input: number, target: number): number,
 *   add(left: Matrix, right: Matrix): Matrix, multiply(left: Matrix, right: Matrix): Matrix,
 *   tanh(of: Matrix): Matrix}} Equation
 * @typedef {{initialize(): void, bindEquation(): void, trainPattern(input: number[]): void,
 *   model: {equations: Equation[]}}} RecurrentNet
 * @typedef {new (options: object) => RecurrentNet} RecurrentClass
 * @typedef {{recurrent: {RNN: RecurrentClass, LSTM: RecurrentClass, GRU: RecurrentClass}}} Brain
 * @typedef {import('./s1-data.js').Cell} Cell
 */

const brain = /** @type {{brain: Brain}} */ (/** @type {unknown} */ (window)).brain;
const params = new URLSearchParams(window.location.search);
const CELLS = cellsFrom(params);
const TIMING = timingFrom(params);
/** brain.recurrent.RNN with tanh instead of ReLU: h = tanh(W x + U h' + b). */
class TanhRNN extends brain.recurrent.RNN {
  /**
   * @param {Equation} equation
   * @param {Matrix} input
   * @param {Matrix} previous
   * @param {{weight: Matrix, transition: Matrix, bias: Matrix}} layer
   */
  getEquation(equation, input, previous, layer) {
    const sum = equation.add(equation.multiply(layer.weight, input), equation.multiply(layer.transition, previous));
    return equation.tanh(equation.add(sum, layer.bias));
  }
}
/** brain.js's class for each cell. */
const CLASSES = { rnn: TanhRNN, lstm: brain.recurrent.LSTM, gru: brain.recurrent.GRU };
/** brain.js's package.json, for its version (the browser script does not carry it). */
const PACKAGE_URL = new URL('../../node_modules/brain.js/package.json', import.meta.url);

await report(async () => {
  const corpus = readCharacters(await loadCorpus());
  const { train, test } = split(corpus, DATA_SEED);
  const vocabulary = corpus.vocabulary.length;
  /** @type {Record<string, number | string | null>} */
  const results = { brainjsVersion: (await (await fetch(PACKAGE_URL)).json()).version, s1Vocabulary: vocabulary };
  for (const cell of CELLS) {
    const key = `s1${keyStem(cell)}`;
    const net = new CLASSES[cell]({
      inputSize: EMBEDDING, inputRange: vocabulary, outputSize: vocabulary, hiddenLayers: [HIDDEN],
      learningRate: LEARNING_RATE,
    });
    net.initialize();
    const next = windows(train, DATA_SEED);
    let patterns = 0;
    const step = () => {
      const { inputs } = next();
      for (let row = 0; row < inputs.length; row += STEPS) {
        net.trainPattern(Array.from(inputs.subarray(row, row + STEPS)));
        patterns += 1;
      }
    };
    results[`${key}TokensPerSecond`] = rate(times(step), TIMING) * TOKENS_PER_UPDATE;
    results[`${key}TestLoss`] = testLoss(net, test);
    results[`${key}Updates`] = patterns;
  }
  return results;
});

/**
 * The mean cross-entropy in nats of `net` on the held-out stream's windows (S1's test windows),
 * each read from brain.js's zero state after its start token: the 32 predictions of a window's
 * next characters, not those of the first character from the start token or of the end token.
 * @param {RecurrentNet} net
 * @param {Int32Array} test
 */
function testLoss(net, test) {
  const { inputs, targets, rows } = testWindows(test);
  const { equations } = net.model;
  while (equations.length <= STEPS) net.bindEquation();
  let bits = 0;
  for (let row = 0; row < rows; row += 1) {
    equations[0].runIndex(0);
    for (let at = 0; at < STEPS; at += 1) {
      // brain.js's ids are ours + 1 (0 is its start/end token).
      bits += equations[at + 1].predictTargetIndex(inputs[row * STEPS + at] + 1, targets[row * STEPS + at] + 1);
    }
  }
  return (bits * Math.LN2) / (rows * STEPS);
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
