// Points added by hand, as the link's `userPoints` (`x,y,label;...`): reading and writing that
// text, finding the point nearest a click, and choosing which points of a data file fit it.

/** @typedef {[number, number, number]} HandPoint `[x, y, label]` */

/**
 * The points of a `userPoints` value.
 * @param {string} text
 * @returns {HandPoint[]}
 */
export function parsePoints(text) {
  if (text === '') return [];
  return text.split(';').map((triple) => {
    const [x, y, label] = triple.split(',').map(Number);
    return [x, y, label];
  });
}

/**
 * The `userPoints` value of some points.
 * @param {HandPoint[]} points
 * @returns {string}
 */
export function formatPoints(points) {
  return points.map((point) => point.join(',')).join(';');
}

/**
 * `value` rounded to 2 decimals, the precision of points in the link (never `-0`).
 * @param {number} value
 */
export function round2(value) {
  return Math.round(value * 100) / 100 + 0;
}

/**
 * The index of the point nearest to `(x, y)`, or -1 when there is none.
 * @param {HandPoint[]} points
 * @param {number} x
 * @param {number} y
 */
export function nearestIndex(points, x, y) {
  let best = -1;
  let bestDistance = Infinity;
  points.forEach(([px, py], index) => {
    const distance = (px - x) ** 2 + (py - y) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

/**
 * Up to `most` points of a parsed data file (`[x, y, label, isTest]` each): those inside
 * ±`limit`, evenly spaced through the file when there are more, rounded to 2 decimals.
 * @param {Float32Array} flat
 * @param {number} most
 * @param {number} limit
 * @returns {{points: HandPoint[], total: number, outside: number, sampled: boolean}}
 */
export function pickPoints(flat, most, limit) {
  /** @type {HandPoint[]} */
  const inside = [];
  const total = flat.length / 4;
  for (let i = 0; i < flat.length; i += 4) {
    if (Math.abs(flat[i]) <= limit && Math.abs(flat[i + 1]) <= limit) {
      inside.push([round2(flat[i]), round2(flat[i + 1]), round2(flat[i + 2])]);
    }
  }
  const sampled = inside.length > most;
  const points = sampled
    ? Array.from({ length: most }, (_, k) => inside[Math.floor((k * inside.length) / most)])
    : inside;
  return { points, total, outside: total - inside.length, sampled };
}
