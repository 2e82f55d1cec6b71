// Workload E1 through our wasm (web/pkg-digits's WordsLab, the words lab's own handle): training
// pairs/s of skip-gram with negative sampling on E1's generated text, then the vocabulary, the
// train loss after the timed training and the updates trained. Timed as web/bench/rate.js times
// every figure.

import init, { WordsLab } from '../pkg-digits/playground_wasm.js';
import { BATCH, e1Link, e1Text, readWords, trainPairs } from './e1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';

const TIMING = timingFrom(new URLSearchParams(window.location.search));

await report(async () => {
  await init();
  const text = e1Text();
  // An epoch trains every pair of the sentences not held out, in batches of 256 and a last
  // smaller one: pairs/s is updates/s times the pairs of an epoch over its updates (a sample
  // spans several epochs, so the partial batches weigh in as often as they are trained).
  const pairs = trainPairs(readWords(text)).centers.length;
  const epochUpdates = Math.ceil(pairs / BATCH);
  const lab = new WordsLab(e1Link(text));
  try {
    if (lab.stepsLeftInEpoch() !== epochUpdates) {
      throw new Error(`E1's epoch takes ${lab.stepsLeftInEpoch()} updates in the engine, but web/bench/e1-data.js `
        + `counts ${pairs} training pairs, ${epochUpdates} batches of ${BATCH}`);
    }
    const perCall = lab.stepsPerCall();
    let [resets, before] = [0, 0];
    const updates = rate((n) => {
      for (let left = n; left > 0;) {
        // Training finishes after 200 epochs (11,400 updates, a few seconds here), sooner than
        // the timing ends: the lab starts over inside the timed run, as the page's reset
        // button does. That rebuild, once per 11,400 updates, is timed with them.
        if (lab.finished()) {
          before += lab.step();
          resets += 1;
          lab.reset();
        }
        if (lab.stopped()) throw new Error(`E1 stopped training: ${JSON.stringify(lab.metrics().stop)}`);
        const start = lab.step();
        lab.trainSteps(Math.min(left, perCall));
        left -= lab.step() - start;
      }
    }, TIMING);
    const trained = lab.metrics();
    return {
      e1PairsPerSecond: updates * (pairs / epochUpdates),
      e1Vocabulary: lab.vocabulary().length,
      e1TrainPairs: pairs,
      e1TrainLoss: trained.trainLoss,
      e1Updates: before + lab.step(),
      e1Resets: resets,
    };
  } finally {
    lab.free();
  }
});
