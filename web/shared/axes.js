// Value axes for the charts: a linear axis from zero or a log axis in whole decades, with round
// tick values and short labels. Pure functions of the numbers; no drawing.

/** The log axis never reaches below this (zero gradients sit on its floor). */
export const LOG_FLOOR = 1e-12;

/**
 * @typedef {object} Axis
 * @property {(value: number) => number} map  value to axis units
 * @property {number} low                     axis units at the bottom
 * @property {number} high                    axis units at the top
 * @property {number[]} ticks                 values to label
 */

/**
 * A short label for a number, to three significant digits: 0.125, 3, 1.25k, 40k, 3.5M, 2.5e13.
 * @param {number} value
 * @returns {string}
 */
export function compact(value) {
  const size = Math.abs(value);
  if (size >= 1e9) return value.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
  if (size >= 1e6) return `${trim(value / 1e6)}M`;
  if (size >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

/**
 * A power of ten as a short label: 1e-3, 0.01, 0.1, 1, 10, 100, 1e3.
 * @param {number} value
 * @returns {string}
 */
export function decade(value) {
  const power = Math.round(Math.log10(value));
  if (power < -2 || power > 3) return `1e${power}`;
  return (10 ** power).toFixed(Math.max(0, -power));
}

/**
 * A linear axis from 0 (or `range`) to a round number above every value.
 * @param {Array<{values: Array<number | null>}>} lines
 * @param {[number, number]} [range]
 * @returns {Axis}
 */
export function linearAxis(lines, range) {
  const map = (/** @type {number} */ value) => value;
  if (range) {
    const [low, high] = range;
    return { map, low, high, ticks: [0, 1, 2, 3, 4].map((i) => low + ((high - low) * i) / 4) };
  }
  let highest = 0;
  for (const line of lines) {
    for (const value of line.values) if (finite(value) && value > highest) highest = value;
  }
  const top = niceCeiling(highest);
  return { map, low: 0, high: top, ticks: [0, 1, 2, 3, 4].map((i) => (top * i) / 4) };
}

/**
 * A log axis spanning whole decades around every positive value, labelled at (some) decades.
 * @param {Array<{values: Array<number | null>}>} lines
 * @returns {Axis}
 */
export function logAxis(lines) {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const line of lines) {
    for (const value of line.values) {
      if (!finite(value) || value <= 0) continue;
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
    }
  }
  if (lowest === Infinity) [lowest, highest] = [0.01, 1];
  const low = Math.floor(Math.log10(Math.max(lowest, LOG_FLOOR)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(highest)));
  const every = Math.ceil((high - low) / 5);
  const ticks = [];
  for (let power = high; power >= low; power -= every) ticks.push(10 ** power);
  return { map: Math.log10, low, high, ticks };
}

/**
 * Whether `value` is a number that can be drawn (not null, NaN or infinite).
 * @param {number | null | undefined} value
 * @returns {value is number}
 */
export function finite(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value` (0.1 for nothing).
 * @param {number} value
 * @returns {number}
 */
export function niceCeiling(value) {
  if (!(value > 0)) return 0.1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}

/**
 * Three significant digits, without trailing zeros.
 * @param {number} value
 */
function trim(value) {
  return String(Number(value.toPrecision(3)));
}
