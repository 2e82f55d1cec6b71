// Workload A1 through our wasm (web/pkg-digits's AttentionLab, the attention lab's own handle):
// training updates/s on web/bench/workloads.js's A1 link (timed as web/bench/rate.js times every
// figure) and the per-token test accuracy after the timed training, then, from fresh weights, the
// updates and seconds to 99% per-token test accuracy (web/bench/a1-data.js's `untilAccurate`, as
// the TensorFlow.js peer runs it).

import init, { AttentionLab } from '../pkg-digits/playground_wasm.js';
import { reachedFigures, untilAccurate } from './a1-data.js';
import { report } from './report.js';
import { rate, timingFrom } from './rate.js';
import { A1 } from './workloads.js';

/** The most updates one `trainSteps` call takes (the handle's limit). */
const MAX_STEPS_PER_CALL = 1000;
const TIMING = timingFrom(new URLSearchParams(window.location.search));

/**
 * A `run(n)` that takes `n` updates of `lab`.
 * @param {AttentionLab} lab
 * @returns {(n: number) => void}
 */
function trainer(lab) {
  return (n) => {
    for (let left = n; left > 0; left -= MAX_STEPS_PER_CALL) lab.trainSteps(Math.min(left, MAX_STEPS_PER_CALL));
  };
}

/**
 * The metrics of `lab` now (`testAccuracy` per token, `exactMatch` per sequence), failing if
 * training stopped by itself.
 * @param {AttentionLab} lab
 */
function metricsOf(lab) {
  const metrics = lab.metrics();
  if (metrics.stop) throw new Error(`A1 stopped training: ${JSON.stringify(metrics.stop)}`);
  return metrics;
}

await report(async () => {
  await init();
  /** @type {Record<string, number | string | null>} */
  const results = {};
  const timed = new AttentionLab(A1);
  try {
    results.a1TrainStepsPerSecond = rate(trainer(timed), TIMING);
    const trained = metricsOf(timed);
    results.a1TestAccuracy = trained.testAccuracy;
    results.a1ExactMatch = trained.exactMatch;
    results.a1Updates = timed.step();
  } finally {
    timed.free();
  }
  const fresh = new AttentionLab(A1);
  try {
    const accuracy = () => /** @type {{testAccuracy: number | null}} */ (fresh.testReport()).testAccuracy ?? 0;
    const reached = untilAccurate(trainer(fresh), accuracy);
    Object.assign(results, reachedFigures(reached, 'our wasm'));
  } finally {
    fresh.free();
  }
  return results;
});
