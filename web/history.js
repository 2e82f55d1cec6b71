// A bounded record of numbers over training steps for the charts: however long the run, it
// keeps at most `capacity` samples per series by merging neighbours in pairs when full.

/**
 * @typedef {object} History
 * @property {number} capacity       the most merged samples kept
 * @property {number} width          series per sample
 * @property {number} stride         raw samples per merged sample (doubles at every merge)
 * @property {number[]} steps        the last step of each merged sample, increasing
 * @property {number[]} epochs       the epoch at that step
 * @property {Array<Array<number | null>>} series  per series, the mean of each merged sample
 * @property {Bucket} bucket         raw samples not yet merged into a full sample
 */

/**
 * @typedef {object} Bucket
 * @property {number} count          raw samples in it
 * @property {number} step           the last one's step
 * @property {number} epoch          the last one's epoch
 * @property {number[]} sums         per series, the sum of its finite values
 * @property {number[]} counts       per series, how many finite values
 */

/**
 * An empty history of `width` series.
 * @param {number} width
 * @param {number} [capacity]
 * @returns {History}
 */
export function createHistory(width, capacity = 1000) {
  return {
    capacity,
    width,
    stride: 1,
    steps: [],
    epochs: [],
    series: Array.from({ length: width }, () => []),
    bucket: emptyBucket(width),
  };
}

/**
 * The last step recorded, or -1 for an empty history.
 * @param {History} history
 * @returns {number}
 */
export function lastStep(history) {
  if (history.bucket.count > 0) return history.bucket.step;
  return history.steps.length > 0 ? history.steps[history.steps.length - 1] : -1;
}

/**
 * Records one sample: `values[i]` for series `i`, where `null` or a number that is not finite
 * is a gap (never drawn). Merges pairs of samples when the history is full.
 * @param {History} history
 * @param {number} step
 * @param {number} epoch
 * @param {ArrayLike<number | null | undefined>} values
 */
export function record(history, step, epoch, values) {
  const { bucket } = history;
  bucket.count += 1;
  bucket.step = step;
  bucket.epoch = epoch;
  for (let i = 0; i < history.width; i += 1) {
    const value = values[i];
    if (typeof value === 'number' && Number.isFinite(value)) {
      bucket.sums[i] += value;
      bucket.counts[i] += 1;
    }
  }
  if (bucket.count < history.stride) return;
  push(history, bucket);
  history.bucket = emptyBucket(history.width);
  if (history.steps.length >= history.capacity) halve(history);
}

/**
 * The samples to draw: the merged ones, then the raw samples still being merged (so the
 * curve reaches the latest step).
 * @param {History} history
 * @returns {{steps: number[], epochs: number[], series: Array<Array<number | null>>}}
 */
export function samples(history) {
  const { bucket } = history;
  if (bucket.count === 0) {
    return { steps: history.steps, epochs: history.epochs, series: history.series };
  }
  return {
    steps: [...history.steps, bucket.step],
    epochs: [...history.epochs, bucket.epoch],
    series: history.series.map((values, i) => [...values, mean(bucket.sums[i], bucket.counts[i])]),
  };
}

/**
 * @param {History} history
 * @param {Bucket} bucket
 */
function push(history, bucket) {
  history.steps.push(bucket.step);
  history.epochs.push(bucket.epoch);
  for (let i = 0; i < history.width; i += 1) {
    history.series[i].push(mean(bucket.sums[i], bucket.counts[i]));
  }
}

/**
 * Merges neighbouring samples in pairs (an odd last one stays), and doubles the stride.
 * @param {History} history
 */
function halve(history) {
  const { steps, epochs, series } = history;
  const half = Math.ceil(steps.length / 2);
  for (let k = 0; k < half; k += 1) {
    const last = Math.min(2 * k + 1, steps.length - 1);
    steps[k] = steps[last];
    epochs[k] = epochs[last];
    for (const values of series) values[k] = meanOfPair(values[2 * k], values[last]);
  }
  steps.length = half;
  epochs.length = half;
  for (const values of series) values.length = half;
  history.stride *= 2;
}

/**
 * @param {number | null} a
 * @param {number | null} b
 * @returns {number | null}
 */
function meanOfPair(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  return (a + b) / 2;
}

/**
 * @param {number} sum
 * @param {number} count
 * @returns {number | null}
 */
function mean(sum, count) {
  return count === 0 ? null : sum / count;
}

/**
 * @param {number} width
 * @returns {Bucket}
 */
function emptyBucket(width) {
  return { count: 0, step: 0, epoch: 0, sums: new Array(width).fill(0), counts: new Array(width).fill(0) };
}
