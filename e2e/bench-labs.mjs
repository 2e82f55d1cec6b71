// The lab workloads of `cargo xtask bench` (items (f), (h), (i) and (j) of e2e/bench.mjs): each
// workload's bench pages, ours and the live peers', and the rounds that run them in turn.
import { median } from './browser.mjs';

/**
 * (f) Workload C1, the digits CNN, in each library: our wasm (web/pkg-digits), then the live
 * peers under the set names their figures are prefixed with in the output. Figures: training
 * examples/s, inference images/s, the test accuracy after the timed training; a peer that cannot
 * train says why instead.
 */
export const C1_PAGES = {
  ours: 'web/bench/c1.html',
  'tfjs-cpu': 'web/bench/c1-tfjs.html?backend=cpu',
  'tfjs-wasm': 'web/bench/c1-tfjs.html?backend=wasm',
  convnetjs: 'web/bench/c1-convnet.html',
};

/**
 * (h) Workload S1, the character-level recurrent model, in each library: our wasm (the sequence
 * lab's handle in web/pkg-digits), then the live peers. Figures, for each cell c of rnn, lstm and
 * gru: `s1<C>TokensPerSecond` (training, tokens = predictions: updates/s x 16 x 32), the test loss
 * after the timed training and the updates trained; a peer that cannot train a cell says why
 * instead (`s1<C>TrainError`, `s1<C>TrainMissingKernel`).
 */
export const S1_PAGES = {
  ours: 'web/bench/s1.html',
  'tfjs-cpu': 'web/bench/s1-tfjs.html?backend=cpu',
  'tfjs-wasm': 'web/bench/s1-tfjs.html?backend=wasm',
  brainjs: 'web/bench/s1-brain.html',
};

/**
 * (i) Workload E1, skip-gram with negative sampling on E1's generated text, in each library: our
 * wasm (the words lab's handle in web/pkg-digits), then TensorFlow.js. Figures: `e1PairsPerSecond`
 * (training, in (word, context) pairs: updates/s x an epoch's pairs over its updates), the
 * vocabulary, the train loss after the timed training and the updates trained; a peer that cannot
 * train says why instead (`e1TrainError`, `e1TrainMissingKernel`).
 */
export const E1_PAGES = {
  ours: 'web/bench/e1.html',
  'tfjs-cpu': 'web/bench/e1-tfjs.html?backend=cpu',
  'tfjs-wasm': 'web/bench/e1-tfjs.html?backend=wasm',
};

/**
 * (j) Workload A1, the attention lab's Transformer reversing sequences of 8 symbols, in each
 * library: our wasm (the attention lab's handle in web/pkg-digits), then TensorFlow.js. Figures:
 * `a1TrainStepsPerSecond` (training updates of 32 sequences), the per-token test accuracy after
 * the timed training, then from fresh weights `a1StepsTo99` and `a1SecondsTo99`, the updates and
 * seconds to 99% per-token test accuracy checked every 10 updates (both `null` after 3000 updates
 * without it, with why in `a1To99Error`); a peer that cannot train says why instead
 * (`a1TrainError`, `a1TrainMissingKernel`).
 */
export const A1_PAGES = {
  ours: 'web/bench/a1.html',
  'tfjs-cpu': 'web/bench/a1-tfjs.html?backend=cpu',
  'tfjs-wasm': 'web/bench/a1-tfjs.html?backend=wasm',
};

/** The lab workloads' pages, in the order the driver runs them. */
export const LAB_PAGES = { C1: C1_PAGES, S1: S1_PAGES, E1: E1_PAGES, A1: A1_PAGES };

/**
 * One lab workload's pages, ours and the peers', in `roundCount` rounds (every page once per
 * round, in turn), so that a slow spell of the shared machine falls on every library alike
 * rather than on whichever page it meets. Each numeric figure keeps its median over the rounds;
 * any other value (a version, an error) its first round's.
 * @param {string} workload
 * @param {Record<string, string>} pages
 * @param {number} roundCount
 * @param {(path: string) => Promise<Record<string, number | string>>} measure one page's figures
 * @param {(text: string) => void} say
 * @returns {Promise<Record<string, Record<string, number | string>>>}
 */
export async function benchLabRounds(workload, pages, roundCount, measure, say) {
  /** @type {Record<string, Array<Record<string, number | string>>>} */
  const rounds = {};
  for (let round = 1; round <= roundCount; round += 1) {
    for (const [library, path] of Object.entries(pages)) {
      say(`${workload} in ${library} (${path}), round ${round} of ${roundCount}`);
      (rounds[library] ??= []).push(await measure(path));
    }
  }
  return Object.fromEntries(Object.entries(rounds).map(([library, results]) => {
    const merged = { ...results[0] };
    for (const key of Object.keys(merged)) {
      const values = results.map((result) => result[key]);
      if (values.every((value) => typeof value === 'number')) {
        merged[key] = median(/** @type {number[]} */ (values));
      }
    }
    return [library, merged];
  }));
}

/**
 * Files one lab workload's figures (`benchLabRounds`'s) with ours or with the peers': a peer
 * library's under `library.key`; ours under their own keys, except a figure of a peer timed
 * beside ours in our page, which that page names `set.key` itself.
 * @param {Record<string, Record<string, number | string>>} libraries
 * @param {Record<string, number | string>} figures ours
 * @param {Record<string, number | string>} peers
 */
export function fileLabFigures(libraries, figures, peers) {
  for (const [library, results] of Object.entries(libraries)) {
    for (const [key, value] of Object.entries(results)) {
      if (library !== 'ours') peers[`${library}.${key}`] = value;
      else if (key.includes('.')) peers[key] = value;
      else figures[key] = value;
    }
  }
}
