// Workload S1 through our wasm (web/pkg-digits's SequenceLab, the sequence lab's own handle):
// training tokens/s for each cell `?cell=` names (or all three), then the test loss in nats
// after the timed training and the updates trained. Timed as web/bench/rate.js times every figure.

import init, { SequenceLab } from '../pkg-digits/playground_wasm.js';
import {
  BATCH, HIDDEN, LEARNING_RATE, STEPS, TOKENS_PER_UPDATE, cellsFrom, keyStem,
} from './s1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';

/** The most updates one `trainSteps` call takes (the handle's limit). */
const MAX_STEPS_PER_CALL = 1000;
const params = new URLSearchParams(window.location.search);
const CELLS = cellsFrom(params);
const TIMING = timingFrom(params);

/**
 * S1 as a sequence lab link for `cell`: the corpus read as characters, windows of 32, batches
 * of 16, a hidden layer of 64 and Adam 0.01, clipping off as in the peers.
 * @param {import('./s1-data.js').Cell} cell
 */
function s1Link(cell) {
  return `lab=sequence&task=text&units=characters&cell=${cell}&hidden=${HIDDEN}&length=${STEPS}`
    + `&batchSize=${BATCH}&optimizer=adam&learningRate=${LEARNING_RATE}&clip=0`;
}

await report(async () => {
  await init();
  /** @type {Record<string, number | string | null>} */
  const results = {};
  for (const cell of CELLS) {
    const key = `s1${keyStem(cell)}`;
    const lab = new SequenceLab(s1Link(cell));
    try {
      const updates = rate((n) => {
        for (let left = n; left > 0; left -= MAX_STEPS_PER_CALL) lab.trainSteps(Math.min(left, MAX_STEPS_PER_CALL));
      }, TIMING);
      const trained = lab.metrics();
      if (trained.stop) throw new Error(`S1's ${cell} stopped training: ${JSON.stringify(trained.stop)}`);
      results.s1Vocabulary = lab.vocabulary().length;
      results[`${key}TokensPerSecond`] = updates * TOKENS_PER_UPDATE;
      results[`${key}TestLoss`] = trained.testLoss;
      results[`${key}Updates`] = lab.step();
    } finally {
      lab.free();
    }
  }
  return results;
});
