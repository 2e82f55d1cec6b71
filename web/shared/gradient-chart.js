// The gradient picture's pieces: a colour per layer (input side to output side) and the
// per-layer readout of update ratios against the healthy band around 1e-3, each bar with the
// value it stands for.

import { fitChart } from './canvas.js';
import { decade } from './axes.js';
import { formatRatio } from './numbers.js';

/**
 * Hidden layers' colours from the input side, clearly different hues (pairwise CIE76 distance
 * above 27): blue, orange, green, red, purple, brown, pink, cyan, one per hidden layer the
 * settings allow (MAX_LAYERS, crates/playground/src/settings/table/mod.rs).
 */
const HIDDEN = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
/** The output layer's colour, whatever the depth: dark slate. */
const OUTPUT = '#374151';
/** The update ratio's axis, in powers of ten. */
const RATIO_DECADES = { low: -7, high: 0 };
/** Update ratios in this band (powers of ten, around 1e-3) are healthy. */
export const HEALTHY_BAND = { low: -3.5, high: -2.5 };
/** Height of one layer's row, in CSS pixels. */
const ROW = 20;
/** Room for the layer names, the axis labels and the values, in CSS pixels. */
const MARGIN = { left: 64, right: 62, top: 4, bottom: 20 };

/**
 * The colour of layer `index` of `count`, the input side first: the last one is the output.
 * @param {number} index
 * @param {number} count
 * @returns {string}
 */
export function layerColour(index, count) {
  return index === count - 1 ? OUTPUT : HIDDEN[index % HIDDEN.length];
}

/**
 * Draws one row per layer: a bar out to its update ratio on a log axis, with the healthy band
 * shaded and 1e-3 marked. The canvas's height follows the number of layers.
 * @param {HTMLCanvasElement} canvas
 * @param {{names: string[], ratios: Array<number | null>, healthy: string}} view
 */
export function drawUpdateRatios(canvas, { names, ratios, healthy }) {
  const wanted = `${MARGIN.top + MARGIN.bottom + ROW * Math.max(1, names.length)}px`;
  if (canvas.style.height !== wanted) canvas.style.height = wanted;
  const { context, width, height, ink, rule, box } = fitChart(canvas, MARGIN);
  const span = RATIO_DECADES.high - RATIO_DECADES.low;
  const toX = (/** @type {number} */ power) =>
    box.left + (Math.min(Math.max(power - RATIO_DECADES.low, 0), span) / span) * box.width;
  context.clearRect(0, 0, width, height);
  context.font = '11px system-ui, sans-serif';
  context.lineWidth = 1;

  const bandLeft = toX(HEALTHY_BAND.low);
  context.fillStyle = 'rgba(22, 163, 74, 0.14)';
  context.fillRect(bandLeft, box.top, toX(HEALTHY_BAND.high) - bandLeft, box.height);

  // Gridlines at every decade; labels where they fit, the healthy mark's first.
  const labels = [{ power: -3, text: healthy, colour: 'rgb(21, 128, 61)' }];
  for (let power = RATIO_DECADES.high; power >= RATIO_DECADES.low; power -= 1) {
    if (power !== -3) labels.push({ power, text: decade(10 ** power), colour: ink });
  }
  /** @type {Array<[number, number]>} */
  const taken = [];
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const { power, text, colour } of labels) {
    const x = Math.round(toX(power)) + 0.5;
    context.strokeStyle = power === -3 ? colour : rule;
    context.beginPath();
    context.moveTo(x, box.top);
    context.lineTo(x, box.top + box.height + 3);
    context.stroke();
    const half = context.measureText(text).width / 2 + 4;
    if (taken.some(([from, to]) => x + half > from && x - half < to)) continue;
    taken.push([x - half, x + half]);
    context.fillStyle = colour;
    context.fillText(text, x, box.top + box.height + 6);
  }

  context.textBaseline = 'middle';
  names.forEach((name, i) => {
    const y = box.top + ROW * i + ROW / 2;
    const ratio = ratios[i];
    context.fillStyle = ink;
    context.textAlign = 'right';
    context.fillText(name, box.left - 8, y);
    context.textAlign = 'left';
    context.fillText(formatRatio(ratio), box.left + box.width + 8, y);
    if (ratio === null || ratio === undefined || !Number.isFinite(ratio) || ratio <= 0) return;
    context.fillStyle = layerColour(i, names.length);
    const end = toX(Math.log10(ratio));
    context.fillRect(box.left, y - 4, Math.max(2, end - box.left), 8);
  });
}
