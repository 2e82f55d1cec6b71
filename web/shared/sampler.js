// Samples of training for the charts between drawings: when one frame trains many updates, the
// charts still get samples along the way (every update early in a run, ever sparser later), as
// long as measuring (`metrics()`, which scores the whole train and test sets) stays a small share
// of the time. Also places any moment of training in epochs (fractional within an epoch), the
// charts' x unit. Holds no experiment.

import { FRAME_BUDGET_MS } from './player.js';

/**
 * The time sampling may take per frame, in milliseconds: a quarter of the frame's training
 * budget, which it comes out of (the player counts it as training time). A sample expected to
 * cost more is never taken mid-frame.
 */
const MOST_PER_FRAME_MS = FRAME_BUDGET_MS / 4;
/** The share of the time that sampling may take, over a few frames (a frame is ~16.7 ms). */
const SHARE = MOST_PER_FRAME_MS / (1000 / 60);
/** The most time saved up for sampling, in milliseconds: one slow call does not stop it. */
const MOST_SAVED_MS = 2 * MOST_PER_FRAME_MS;
/**
 * Samples wanted per run so far: a sample is due once the updates since the last one reach
 * 1 / RUN_SAMPLES of all updates, so the first RUN_SAMPLES updates are each sampled and a long
 * run costs ever less (the charts merge old samples).
 */
const RUN_SAMPLES = 200;
/** How many of the latest times `metrics()` took count toward what a sample costs. */
const COST_WINDOW = 8;

/**
 * One sample: the metrics and where they stand in epochs.
 * @callback Listener
 * @param {import('./types.js').Metrics} metrics
 * @param {number} x
 */

/**
 * @typedef {object} Sampler
 * @property {(playground: import('./types.js').Playground) => import('./types.js').Metrics} metrics
 *   `playground.metrics()`, timed (what a sample costs)
 * @property {(playground: import('./types.js').Playground, steps: number) => void} train
 *   trains `steps` updates, stopping where a sample is due to hand the listener one while
 *   sampling stays within its share of the time (and at each epoch's end, to learn its length)
 * @property {(playground: import('./types.js').Playground, metrics: import('./types.js').Metrics)
 *   => number} epochOf  where `metrics` stands in epochs: its completed epochs plus the part
 *   of the current one trained
 * @property {(listener: Listener) => void} listen  the one receiver of samples
 */

/**
 * A sampler with no listener yet.
 * @returns {Sampler}
 */
export function createSampler() {
  /** @type {Listener} */
  let listener = () => {};
  /**
   * The latest times `metrics()` took, in milliseconds. What a sample costs is the least of
   * them: a call that took longer was slowed by something else (the first call, a garbage
   * collection, another process), which is not the sample's cost; unknown until measured.
   */
  /** @type {number[]} */
  const times = [];
  let cost = Infinity;
  /** Milliseconds sampling may still take now, and when that was counted. */
  let allowance = MOST_PER_FRAME_MS;
  let counted = performance.now();
  /** Updates in an epoch at the current batch size, as read at an epoch's start. */
  let epochSteps = 1;
  /** Updates taken, as the last metrics said and counted since; the last sample's. */
  let step = 0;
  let sampledStep = 0;

  /** The update at whose end the next sample is due. */
  const nextDue = () => {
    if (step < sampledStep) sampledStep = 0;
    return Math.max(sampledStep + 1, Math.ceil((sampledStep * RUN_SAMPLES) / (RUN_SAMPLES - 1)));
  };

  /** @param {import('./types.js').Playground} playground */
  const metrics = (playground) => {
    const before = performance.now();
    const result = playground.metrics();
    times.push(performance.now() - before);
    if (times.length > COST_WINDOW) times.shift();
    cost = Math.min(...times);
    step = result.step;
    return result;
  };

  /** Whether a sample fits in the time sampling may take now. */
  const affordable = () => {
    const now = performance.now();
    allowance = Math.min(MOST_SAVED_MS, allowance + (now - counted) * SHARE);
    counted = now;
    return cost <= Math.min(allowance, MOST_PER_FRAME_MS);
  };

  /** @type {Sampler['epochOf']} */
  const epochOf = (playground, metrics) => {
    const left = playground.epochStepsLeft;
    if (metrics.step === 0 || left > epochSteps) epochSteps = left;
    return metrics.epoch + Math.max(0, epochSteps - left) / epochSteps;
  };

  return {
    metrics,
    train(playground, steps) {
      let remaining = steps;
      while (remaining > 0 && !playground.stopped) {
        const left = playground.epochStepsLeft;
        const sampling = affordable();
        const taken = Math.min(remaining, left, sampling ? Math.max(1, nextDue() - step) : Infinity);
        playground.trainSteps(taken);
        remaining -= taken;
        step += taken;
        if (playground.stopped) return;
        if (taken === left) epochSteps = playground.epochStepsLeft;
        if (!sampling || step < nextDue()) continue;
        const sample = metrics(playground);
        allowance -= cost;
        sampledStep = sample.step;
        listener(sample, epochOf(playground, sample));
      }
    },
    epochOf,
    listen(receiver) {
      listener = receiver;
    },
  };
}
