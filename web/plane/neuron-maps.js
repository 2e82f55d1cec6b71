// Paints a unit's activation map (or an input feature's values) over the plane as a small
// image: a diverging orange–white–blue scale centred at 0, each map scaled by its own largest
// |value| so its shape shows whatever the activation's range (ReLU, tanh, sigmoid alike). The
// features' own maps come from the engine.

import { featureMaps as engineFeatureMaps } from '../pkg/playground_wasm.js';
import { settingsTable } from '../shared/settings-table.js';

/** Negative values: TensorFlow Playground's orange (class 0's colour). */
const NEGATIVE = [245, 147, 34];
/** Positive values: its blue (class 1's colour). */
const POSITIVE = [8, 119, 189];
/** Zero. */
const ZERO = [255, 255, 255];
/** Steps of the colour table on each side of zero. */
const STEPS = 128;
/** A map whose largest |value| is below this is drawn as all zero (white). */
const FLAT = 1e-6;

/** `[r, g, b]` for each of `2 * STEPS + 1` steps from -1 to 1. */
const TABLE = buildTable();

/**
 * The input features in share-link key order, as the engine's table lists them (its
 * `features` rows), with the label the network picture shows.
 * @type {ReadonlyArray<{key: string, label: string}>}
 */
export const FEATURES = settingsTable()
  .filter((row) => row.group === 'features')
  .map((row) => ({ key: row.key, label: row.nameEn }));

/**
 * The smallest and largest of `count` values of `values` from `offset`.
 * @param {Float32Array} values
 * @param {number} offset
 * @param {number} count
 * @returns {{min: number, max: number}}
 */
export function rangeOf(values, offset, count) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = offset; i < offset + count; i += 1) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * Paints `rgba.length / 4` values of `values` from `offset` into `rgba`, scaled by their own
 * largest |value|. Values that are not finite paint grey.
 * @param {Float32Array} values
 * @param {number} offset
 * @param {Uint8ClampedArray} rgba
 * @returns {{min: number, max: number}} the range painted
 */
export function paintMap(values, offset, rgba) {
  const count = rgba.length / 4;
  const range = rangeOf(values, offset, count);
  const largest = Math.max(Math.abs(range.min), Math.abs(range.max));
  const scale = Number.isFinite(largest) && largest > FLAT ? STEPS / largest : 0;
  for (let i = 0; i < count; i += 1) {
    const v = values[offset + i];
    const o = 4 * i;
    if (Number.isFinite(v)) {
      const k = 3 * (STEPS + Math.round(v * scale));
      rgba[o] = TABLE[k];
      rgba[o + 1] = TABLE[k + 1];
      rgba[o + 2] = TABLE[k + 2];
    } else {
      rgba[o] = 200;
      rgba[o + 1] = 200;
      rgba[o + 2] = 200;
    }
    rgba[o + 3] = 255;
  }
  return range;
}

/**
 * Each feature's values over a `size x size` grid of the plane, computed by the engine with the
 * formulas the network reads, laid out like its grid (top row first, pixel centres), one map
 * after another in `FEATURES` order.
 * @param {number} size
 * @returns {Float32Array}
 */
export function featureMaps(size) {
  return engineFeatureMaps(size);
}

/**
 * A CSS colour for `value` on the same scale, where `largest` maps to full colour.
 * @param {number} value
 * @param {number} largest
 * @returns {string}
 */
export function divergingColour(value, largest) {
  const t = largest > 0 && Number.isFinite(value) ? Math.max(-1, Math.min(1, value / largest)) : 0;
  const k = 3 * (STEPS + Math.round(t * STEPS));
  return `rgb(${TABLE[k]}, ${TABLE[k + 1]}, ${TABLE[k + 2]})`;
}

/** @returns {Uint8Array} the colour table, `[r, g, b]` per step from -1 to 1 */
function buildTable() {
  const table = new Uint8Array(3 * (2 * STEPS + 1));
  for (let step = -STEPS; step <= STEPS; step += 1) {
    const t = Math.abs(step) / STEPS;
    const end = step < 0 ? NEGATIVE : POSITIVE;
    for (let c = 0; c < 3; c += 1) {
      table[3 * (step + STEPS) + c] = Math.round(ZERO[c] + (end[c] - ZERO[c]) * t);
    }
  }
  return table;
}

/**
 * Where each layer's maps start, counted in maps, for `neuronMaps`' `sizes`.
 * @param {number[]} sizes units per layer, features first
 * @returns {number[]}
 */
export function mapStarts(sizes) {
  const starts = [];
  let total = 0;
  for (const units of sizes) {
    starts.push(total);
    total += units;
  }
  return starts;
}
