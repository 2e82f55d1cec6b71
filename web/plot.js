// Draws line charts over training steps on a canvas: a linear or log value axis with readable
// ticks, a step axis, and lines that skip missing values. Knows nothing of training.

import { LOG_FLOOR, compact, finite, linearAxis, logAxis, niceCeiling } from './axes.js';
import { fitChart } from './canvas.js';

/** Plot margins in CSS pixels: room for the axis labels. */
const MARGIN = { left: 48, right: 14, top: 10, bottom: 22 };
/** The least room between two step ticks, in CSS pixels. */
const STEP_TICK_SPACING = 90;

/**
 * @typedef {object} Line
 * @property {Array<number | null>} values  one per step; `null` or not finite is a gap
 * @property {string} colour                CSS colour
 * @property {number} [width]               stroke width in CSS pixels (2)
 * @property {number[]} [dash]              a dash pattern (solid without), so a line drawn
 *   over another leaves it visible where they meet
 */

/**
 * @typedef {object} PlotSpec
 * @property {number[]} steps              x of every sample, increasing
 * @property {Line[]} lines
 * @property {boolean} log                 a log value axis (decades), else linear from 0
 * @property {[number, number]} [range]    a fixed linear range, e.g. `[0, 1]`
 * @property {(value: number) => string} format  a value tick label
 * @property {string} stepLabel            the step axis's name, e.g. "step"
 * @property {string} empty                shown while no line has a number to draw
 */

/**
 * Where a drawn plot sits, to place things over it.
 * @typedef {object} PlotFrame
 * @property {number} left    plot area, CSS pixels from the canvas's left edge
 * @property {number} top
 * @property {number} width
 * @property {number} height
 * @property {(step: number) => number} toX  a step's x in CSS pixels, NaN with no samples
 */

/**
 * Draws `spec` onto `canvas` (sized to its CSS box, sharp at any device pixel ratio).
 * @param {HTMLCanvasElement} canvas
 * @param {PlotSpec} spec
 * @returns {PlotFrame}
 */
export function drawPlot(canvas, spec) {
  const { context, width, height, ink, rule, box } = fitChart(canvas, MARGIN);
  context.clearRect(0, 0, width, height);
  context.font = '11px system-ui, sans-serif';
  context.lineWidth = 1;

  const axis = spec.log ? logAxis(spec.lines) : linearAxis(spec.lines, spec.range);
  const toY = (/** @type {number} */ value) =>
    box.top + box.height * (1 - clamp01((axis.map(value) - axis.low) / (axis.high - axis.low)));
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const tick of axis.ticks) {
    const y = Math.round(toY(tick)) + 0.5;
    context.strokeStyle = rule;
    context.beginPath();
    context.moveTo(box.left, y);
    context.lineTo(box.left + box.width, y);
    context.stroke();
    context.fillStyle = ink;
    context.fillText(spec.format(tick), box.left - 6, y);
  }

  const { steps } = spec;
  // One sample sits in the middle of a span of two steps.
  const first = steps.length === 1 ? steps[0] - 1 : (steps[0] ?? 0);
  const span = Math.max(steps.length === 1 ? 2 : 1, (steps[steps.length - 1] ?? 0) - first);
  const toX = (/** @type {number} */ step) =>
    steps.length === 0 ? Number.NaN : box.left + ((step - first) / span) * box.width;
  const frame = { ...box, toX };
  context.fillStyle = ink;
  context.textBaseline = 'top';
  context.textAlign = 'left';
  context.fillText(spec.stepLabel, 4, box.top + box.height + 6);
  if (!spec.lines.some((line) => line.values.some(finite))) {
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(spec.empty, box.left + box.width / 2, box.top + box.height / 2);
    return frame;
  }
  drawStepTicks(context, box, first, span, toX, ink);

  context.save();
  context.beginPath();
  context.rect(box.left - 4, box.top - 4, box.width + 8, box.height + 8);
  context.clip();
  for (const line of spec.lines) {
    const y = (/** @type {number} */ value) => toY(spec.log ? Math.max(value, LOG_FLOOR) : value);
    drawLine(context, steps, line, toX, y, spec.log);
  }
  context.restore();
  return frame;
}

/**
 * Labelled ticks along the step axis at round numbers.
 * @param {CanvasRenderingContext2D} context
 * @param {{left: number, top: number, width: number, height: number}} box
 * @param {number} first
 * @param {number} span
 * @param {(step: number) => number} toX
 * @param {string} ink
 */
function drawStepTicks(context, box, first, span, toX, ink) {
  const count = Math.max(1, Math.floor(box.width / STEP_TICK_SPACING));
  const every = Math.max(1, niceCeiling(span / count));
  const bottom = box.top + box.height;
  context.fillStyle = ink;
  context.strokeStyle = ink;
  context.textBaseline = 'top';
  context.textAlign = 'center';
  for (let step = Math.ceil(first / every) * every; step <= first + span; step += every) {
    const x = Math.round(toX(step)) + 0.5;
    context.beginPath();
    context.moveTo(x, bottom);
    context.lineTo(x, bottom + 4);
    context.stroke();
    const label = compact(step);
    const half = context.measureText(label).width / 2;
    context.fillText(label, Math.min(Math.max(x, box.left + half), box.left + box.width - half), bottom + 6);
  }
}

/**
 * One polyline through the samples, broken at gaps (and, on a log axis, at negative values);
 * a sample with gaps on both sides is a dot.
 * @param {CanvasRenderingContext2D} context
 * @param {number[]} steps
 * @param {Line} line
 * @param {(step: number) => number} toX
 * @param {(value: number) => number} toY
 * @param {boolean} log
 */
function drawLine(context, steps, line, toX, toY, log) {
  const width = line.width ?? 2;
  const shown = (/** @type {number} */ i) => {
    const value = line.values[i];
    return finite(value) && !(log && value < 0);
  };
  context.strokeStyle = line.colour;
  context.fillStyle = line.colour;
  context.lineWidth = width;
  context.setLineDash(line.dash ?? []);
  context.lineJoin = 'round';
  context.lineCap = 'round';
  context.beginPath();
  for (let i = 0; i < steps.length; i += 1) {
    if (!shown(i)) continue;
    const x = toX(steps[i]);
    const y = toY(/** @type {number} */ (line.values[i]));
    if (i > 0 && shown(i - 1)) context.lineTo(x, y);
    else context.moveTo(x, y);
    if (!(i > 0 && shown(i - 1)) && !(i + 1 < steps.length && shown(i + 1))) {
      context.fillRect(x - width, y - width, 2 * width, 2 * width);
    }
  }
  context.stroke();
  context.setLineDash([]);
}

/** @param {number} value */
function clamp01(value) {
  return Math.min(1, Math.max(0, value));
}
