// Workload A1 of `cargo xtask bench` as data, shared by its bench pages (our wasm, TensorFlow.js):
// the Transformer's shape, the reverse task's sequences and fixed test set, and the run from
// fresh weights to 99% per-token test accuracy that both pages time the same way.

import { mulberry32 } from './c1-data.js';

/** A1: reverse sequences of 8 symbols out of 10 with one pre-norm Transformer block of width 32,
 * 2 heads and a feed-forward layer of 64, learned positions, batches of 32, Adam 0.003
 * (web/bench/workloads.js's A1 link). */
export const LENGTH = 8;
export const SYMBOLS = 10;
export const DIM = 32;
export const HEADS = 2;
export const FEED_FORWARD = 64;
export const BATCH = 32;
export const LEARNING_RATE = 0.003;
/** Sequences in the fixed test set (the attention lab's, too). */
export const TEST_SEQUENCES = 500;
/** The per-token test accuracy the run from fresh weights must reach. */
export const TARGET_ACCURACY = 0.99;
/** Updates between two checks of the test accuracy. */
export const CHECK_EVERY = 10;
/** Updates after which the run gives up: its steps and seconds are then null. */
export const GIVE_UP_STEPS = 3000;

/**
 * Sequences of LENGTH symbols and the answer at each position (the input reversed), row-major.
 * @typedef {{inputs: Int32Array, targets: Int32Array, count: number}} Sequences
 * @typedef {{steps: number | null, seconds: number | null, accuracy: number}} Reached
 */

/**
 * A source of random reverse sequences: the fixed test set drawn first from `seed`, then
 * training batches from the same generator, skipping the test set's sequences (as the
 * attention lab does).
 * @param {number} seed
 */
export function reverseTask(seed) {
  const random = mulberry32(seed);
  /**
   * `count` sequences whose base-10 numbers are not in `skip`; adds their numbers to `drawn`.
   * @param {number} count
   * @param {Set<number>} skip
   * @param {Set<number>} [drawn]
   * @returns {Sequences}
   */
  const draw = (count, skip, drawn) => {
    const [inputs, targets] = [new Int32Array(count * LENGTH), new Int32Array(count * LENGTH)];
    for (let row = 0; row < count;) {
      const base = row * LENGTH;
      let number = 0;
      for (let t = 0; t < LENGTH; t += 1) {
        const symbol = Math.floor(random() * SYMBOLS);
        inputs[base + t] = symbol;
        targets[base + LENGTH - 1 - t] = symbol;
        number = number * SYMBOLS + symbol;
      }
      if (skip.has(number)) continue;
      drawn?.add(number);
      row += 1;
    }
    return { inputs, targets, count };
  };
  /** @type {Set<number>} */
  const held = new Set();
  const test = draw(TEST_SEQUENCES, new Set(), held);
  return {
    test,
    /** A training batch of BATCH sequences, none of them in the test set. */
    batch: () => draw(BATCH, held),
  };
}

/**
 * Trains a model from fresh weights CHECK_EVERY updates at a time, checking its per-token test
 * accuracy after each, until it reaches TARGET_ACCURACY or GIVE_UP_STEPS updates: the updates
 * and the seconds it took (training and checks, from the first update on), or null for both
 * when it gave up, with the accuracy reached (the best one then).
 * @param {(n: number) => void} train takes `n` updates
 * @param {() => number} accuracy the per-token test accuracy now, as a fraction
 * @returns {Reached}
 */
export function untilAccurate(train, accuracy) {
  const start = performance.now();
  let best = 0;
  for (let steps = CHECK_EVERY; steps <= GIVE_UP_STEPS; steps += CHECK_EVERY) {
    train(CHECK_EVERY);
    const now = accuracy();
    if (now >= TARGET_ACCURACY) return { steps, seconds: (performance.now() - start) / 1000, accuracy: now };
    best = Math.max(best, now);
  }
  return { steps: null, seconds: null, accuracy: best };
}

/**
 * The figures of a run to TARGET_ACCURACY under A1's keys, with why they are null if it gave up.
 * @param {Reached} reached
 * @param {string} who what trained, for the message
 * @returns {Record<string, number | string | null>}
 */
export function reachedFigures(reached, who) {
  /** @type {Record<string, number | string | null>} */
  const figures = {
    a1StepsTo99: reached.steps,
    a1SecondsTo99: reached.seconds,
    a1AccuracyAt99: reached.accuracy,
  };
  if (reached.steps === null) {
    figures.a1To99Error = `${who} did not reach ${TARGET_ACCURACY * 100}% per-token test accuracy `
      + `in ${GIVE_UP_STEPS} steps (best ${(reached.accuracy * 100).toFixed(1)}%)`;
  }
  return figures;
}
