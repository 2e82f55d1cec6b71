// A bounded record of numbers over training for the charts, placed in epochs: however long the
// run, it keeps at most `capacity` samples per series by merging neighbours in pairs when full.
// Its arrays are what the charts draw, kept in place (never copied per frame): the last entry
// is the running mean of the samples not yet merged into a full one.

/**
 * @typedef {object} History
 * @property {number} capacity       the most merged samples kept
 * @property {number} width          series per sample
 * @property {number} stride         raw samples per merged sample (doubles at every merge)
 * @property {number[]} steps        the last update of each sample, increasing
 * @property {number[]} xs           where it sits in epochs (fractional), increasing
 * @property {Array<Array<number | null>>} series  per series, the mean of each sample
 * @property {Bucket} bucket         the raw samples in the last entry, while it is not full
 */

/**
 * @typedef {object} Bucket
 * @property {number} count          raw samples in it (0: the last entry is full, or none)
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
    xs: [],
    series: Array.from({ length: width }, () => []),
    bucket: emptyBucket(width),
  };
}

/**
 * The last update recorded, or -1 for an empty history.
 * @param {History} history
 * @returns {number}
 */
export function lastStep(history) {
  return history.steps.length > 0 ? history.steps[history.steps.length - 1] : -1;
}

/**
 * Records one sample at update `step`, `x` epochs into training (never before the last
 * sample's x: a batch size changed mid-epoch can misplace a sample within its epoch):
 * `values[i]` for series `i`, where `null` or a number that is not finite is a gap (never
 * drawn). Merges pairs of samples when the history is full.
 * @param {History} history
 * @param {number} step
 * @param {number} at
 * @param {ArrayLike<number | null | undefined>} values
 */
export function record(history, step, at, values) {
  const { bucket, steps, xs, series } = history;
  const x = Math.max(at, xs[xs.length - (bucket.count === 0 ? 1 : 2)] ?? at);
  if (bucket.count === 0) {
    steps.push(step);
    xs.push(x);
    for (const values of series) values.push(null);
  } else {
    steps[steps.length - 1] = step;
    xs[xs.length - 1] = x;
  }
  bucket.count += 1;
  const last = steps.length - 1;
  for (let i = 0; i < history.width; i += 1) {
    const value = values[i];
    if (typeof value === 'number' && Number.isFinite(value)) {
      bucket.sums[i] += value;
      bucket.counts[i] += 1;
    }
    series[i][last] = bucket.counts[i] === 0 ? null : bucket.sums[i] / bucket.counts[i];
  }
  if (bucket.count < history.stride) return;
  history.bucket = emptyBucket(history.width);
  if (steps.length >= history.capacity) halve(history);
}

/**
 * Merges neighbouring samples in pairs (an odd last one stays), and doubles the stride.
 * @param {History} history
 */
function halve(history) {
  const { steps, xs, series } = history;
  const half = Math.ceil(steps.length / 2);
  for (let k = 0; k < half; k += 1) {
    const last = Math.min(2 * k + 1, steps.length - 1);
    steps[k] = steps[last];
    xs[k] = xs[last];
    for (const values of series) values[k] = meanOfPair(values[2 * k], values[last]);
  }
  steps.length = half;
  xs.length = half;
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
 * @param {number} width
 * @returns {Bucket}
 */
function emptyBucket(width) {
  return { count: 0, sums: new Array(width).fill(0), counts: new Array(width).fill(0) };
}
