// Draws line charts over training on a canvas: a linear or log value axis with readable ticks,
// an x axis (epochs, for the charts), and lines that skip missing values; remembers what each
// canvas shows last (`plotted`), for tests that read the page's own figures. Knows nothing of
// training.

import { LOG_FLOOR, compact, finite, linearAxis, logAxis, niceCeiling } from './axes.js';
import { fitChart } from './canvas.js';

/** Plot margins in CSS pixels: room for the axis labels. */
const MARGIN = { left: 48, right: 14, top: 10, bottom: 22 };
/** The least room between two x ticks, in CSS pixels. */
const X_TICK_SPACING = 90;

/**
 * @typedef {object} Line
 * @property {Array<number | null>} values  one per x; `null` or not finite is a gap
 * @property {string} colour                CSS colour
 * @property {number} [width]               stroke width in CSS pixels (2)
 * @property {number[]} [dash]              a dash pattern (solid without), so a line drawn
 *   over another leaves it visible where they meet
 */

/**
 * @typedef {object} PlotSpec
 * @property {number[]} xs                 x of every sample (epochs), increasing
 * @property {Line[]} lines
 * @property {boolean} log                 a log value axis (decades), else linear from 0
 * @property {[number, number]} [range]    a fixed linear range, e.g. `[0, 1]`
 * @property {(value: number) => string} format  a value tick label
 * @property {string} xLabel               the x axis's name, e.g. "epoch"
 * @property {string} empty                shown while no line has a number to draw
 */

/**
 * Where a drawn plot sits, to place things over it.
 * @typedef {object} PlotFrame
 * @property {number} left    plot area, CSS pixels from the canvas's left edge
 * @property {number} top
 * @property {number} width
 * @property {number} height
 * @property {(x: number) => number} toX  where `x` sits in CSS pixels, NaN with no samples
 */

/**
 * What a canvas shows: the x of every sample, the values of every line in the order drawn
 * (the very arrays drawn, not copies), the x axis's name, and where the plot area sits.
 * @typedef {object} Plotted
 * @property {number[]} x
 * @property {Array<Array<number | null>>} lines
 * @property {string} xLabel
 * @property {{left: number, width: number}} frame  the plot area, CSS pixels from the left edge
 */

/** What each canvas showed last. */
/** @type {WeakMap<HTMLCanvasElement, Plotted>} */
const shown = new WeakMap();

/**
 * What `drawPlot` last drew on `canvas`, or `null` before it drew there.
 * @param {HTMLCanvasElement} canvas
 * @returns {Plotted | null}
 */
export function plotted(canvas) {
  return shown.get(canvas) ?? null;
}

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

  const { xs } = spec;
  shown.set(canvas, {
    x: xs,
    lines: spec.lines.map((line) => line.values),
    xLabel: spec.xLabel,
    frame: { left: box.left, width: box.width },
  });
  // One sample sits in the middle of a span of one epoch.
  const first = xs.length === 1 ? xs[0] - 0.5 : (xs[0] ?? 0);
  const last = xs[xs.length - 1] ?? 0;
  const span = xs.length === 1 ? 1 : Math.max(last - first, 1e-9);
  const toX = (/** @type {number} */ x) =>
    xs.length === 0 ? Number.NaN : box.left + ((x - first) / span) * box.width;
  const frame = { ...box, toX };
  context.fillStyle = ink;
  context.textBaseline = 'top';
  context.textAlign = 'left';
  context.fillText(spec.xLabel, 4, box.top + box.height + 6);
  if (!spec.lines.some((line) => line.values.some(finite))) {
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(spec.empty, box.left + box.width / 2, box.top + box.height / 2);
    return frame;
  }
  drawXTicks(context, box, first, span, toX, ink);

  context.save();
  context.beginPath();
  context.rect(box.left - 4, box.top - 4, box.width + 8, box.height + 8);
  context.clip();
  for (const line of spec.lines) {
    const y = (/** @type {number} */ value) => toY(spec.log ? Math.max(value, LOG_FLOOR) : value);
    drawLine(context, xs, line, toX, y, spec.log);
  }
  context.restore();
  return frame;
}

/**
 * Labelled ticks along the x axis at round numbers (fractions of one where the span is short).
 * @param {CanvasRenderingContext2D} context
 * @param {{left: number, top: number, width: number, height: number}} box
 * @param {number} first
 * @param {number} span
 * @param {(x: number) => number} toX
 * @param {string} ink
 */
function drawXTicks(context, box, first, span, toX, ink) {
  const count = Math.max(1, Math.floor(box.width / X_TICK_SPACING));
  const every = niceCeiling(span / count);
  const bottom = box.top + box.height;
  context.fillStyle = ink;
  context.strokeStyle = ink;
  context.textBaseline = 'top';
  context.textAlign = 'center';
  const end = Math.floor((first + span) / every + 1e-9);
  for (let k = Math.ceil(first / every - 1e-9); k <= end; k += 1) {
    const at = Number((k * every).toPrecision(12));
    const x = Math.round(toX(at)) + 0.5;
    context.beginPath();
    context.moveTo(x, bottom);
    context.lineTo(x, bottom + 4);
    context.stroke();
    const label = compact(at);
    const half = context.measureText(label).width / 2;
    context.fillText(label, Math.min(Math.max(x, box.left + half), box.left + box.width - half), bottom + 6);
  }
}

/**
 * One polyline through the samples, broken at gaps (and, on a log axis, at negative values);
 * a sample with gaps on both sides is a dot.
 * @param {CanvasRenderingContext2D} context
 * @param {number[]} xs
 * @param {Line} line
 * @param {(x: number) => number} toX
 * @param {(value: number) => number} toY
 * @param {boolean} log
 */
function drawLine(context, xs, line, toX, toY, log) {
  const width = line.width ?? 2;
  const drawn = (/** @type {number} */ i) => {
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
  for (let i = 0; i < xs.length; i += 1) {
    if (!drawn(i)) continue;
    const x = toX(xs[i]);
    const y = toY(/** @type {number} */ (line.values[i]));
    if (i > 0 && drawn(i - 1)) context.lineTo(x, y);
    else context.moveTo(x, y);
    if (!(i > 0 && drawn(i - 1)) && !(i + 1 < xs.length && drawn(i + 1))) {
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
