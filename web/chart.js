// The loss curve: a bounded history of (step, train loss, test loss) samples and its drawing
// on a canvas. The history object belongs to the caller; these functions only update or read it.

import { fitCanvas } from './canvas.js';

/** The most samples kept; past it, every other sample is dropped (the curve keeps its shape). */
const MAX_SAMPLES = 600;

/** Plot margins in CSS pixels: room for the axis labels. */
const MARGIN = { left: 46, right: 12, top: 10, bottom: 24 };

/**
 * @typedef {object} LossHistory
 * @property {number[]} steps  the step of each sample, increasing
 * @property {number[]} train  train loss per sample
 * @property {number[]} test   test loss per sample
 */

/** @returns {LossHistory} an empty history */
export function createLossHistory() {
  return { steps: [], train: [], test: [] };
}

/**
 * Empties `history` (after a reset or a new experiment).
 * @param {LossHistory} history
 */
export function clearLossHistory(history) {
  history.steps.length = 0;
  history.train.length = 0;
  history.test.length = 0;
}

/**
 * Adds a sample, or replaces the last one when it is for the same step. Samples with a
 * missing loss (`null`: not finite) are skipped.
 * @param {LossHistory} history
 * @param {number} step
 * @param {number | null} train
 * @param {number | null} test
 */
export function recordLoss(history, step, train, test) {
  if (train === null || test === null) return;
  const last = history.steps.length - 1;
  if (last >= 0 && history.steps[last] === step) {
    history.train[last] = train;
    history.test[last] = test;
    return;
  }
  history.steps.push(step);
  history.train.push(train);
  history.test.push(test);
  if (history.steps.length > MAX_SAMPLES) {
    const end = history.steps.length - 1;
    const keep = (/** @type {number} */ _, /** @type {number} */ i) => i % 2 === 0 || i === end;
    history.steps = history.steps.filter(keep);
    history.train = history.train.filter(keep);
    history.test = history.test.filter(keep);
  }
}

/**
 * Draws both loss curves over the steps, with a zero-based loss axis.
 * @param {HTMLCanvasElement} canvas
 * @param {LossHistory} history
 */
export function drawLossChart(canvas, history) {
  const { context, width, height } = fitCanvas(canvas);
  const style = getComputedStyle(canvas);
  const colour = (/** @type {string} */ name) => style.getPropertyValue(name).trim();
  const plot = {
    x: MARGIN.left,
    y: MARGIN.top,
    width: Math.max(1, width - MARGIN.left - MARGIN.right),
    height: Math.max(1, height - MARGIN.top - MARGIN.bottom),
  };
  context.clearRect(0, 0, width, height);
  context.font = '11px system-ui, sans-serif';

  const highest = Math.max(...history.train, ...history.test, 0);
  const top = niceCeiling(highest);
  drawLossAxis(context, plot, top, colour('--muted'), colour('--line'));

  const { steps } = history;
  if (steps.length < 2) {
    context.fillStyle = colour('--muted');
    context.textAlign = 'center';
    context.fillText('Press Play or Step to train', plot.x + plot.width / 2, plot.y + plot.height / 2);
    return;
  }
  const first = steps[0];
  const span = Math.max(1, steps[steps.length - 1] - first);
  const toX = (/** @type {number} */ step) => plot.x + ((step - first) / span) * plot.width;
  const toY = (/** @type {number} */ loss) => plot.y + plot.height * (1 - Math.min(loss / top, 1));
  drawCurve(context, steps, history.train, toX, toY, colour('--train'));
  drawCurve(context, steps, history.test, toX, toY, colour('--test'));

  context.fillStyle = colour('--muted');
  context.textBaseline = 'top';
  context.textAlign = 'left';
  context.fillText(`step ${first.toLocaleString('en-US')}`, plot.x, plot.y + plot.height + 6);
  context.textAlign = 'right';
  const last = steps[steps.length - 1];
  context.fillText(`step ${last.toLocaleString('en-US')}`, plot.x + plot.width, plot.y + plot.height + 6);
}

/**
 * Horizontal grid lines with loss labels at 0, 1/4, ... of `top`.
 * @param {CanvasRenderingContext2D} context
 * @param {{x: number, y: number, width: number, height: number}} plot
 * @param {number} top
 * @param {string} ink
 * @param {string} line
 */
function drawLossAxis(context, plot, top, ink, line) {
  context.lineWidth = 1;
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (let i = 0; i <= 4; i += 1) {
    const y = Math.round(plot.y + plot.height * (1 - i / 4)) + 0.5;
    context.strokeStyle = line;
    context.beginPath();
    context.moveTo(plot.x, y);
    context.lineTo(plot.x + plot.width, y);
    context.stroke();
    context.fillStyle = ink;
    context.fillText(formatLoss((top * i) / 4), plot.x - 6, y);
  }
}

/**
 * One polyline through the samples.
 * @param {CanvasRenderingContext2D} context
 * @param {number[]} steps
 * @param {number[]} losses
 * @param {(step: number) => number} toX
 * @param {(loss: number) => number} toY
 * @param {string} stroke
 */
function drawCurve(context, steps, losses, toX, toY, stroke) {
  context.strokeStyle = stroke;
  context.lineWidth = 2;
  context.lineJoin = 'round';
  context.beginPath();
  for (let i = 0; i < steps.length; i += 1) {
    const x = toX(steps[i]);
    const y = toY(losses[i]);
    if (i === 0) context.moveTo(x, y);
    else context.lineTo(x, y);
  }
  context.stroke();
}

/**
 * The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value` (0.1 for nothing).
 * @param {number} value
 * @returns {number}
 */
function niceCeiling(value) {
  if (!(value > 0)) return 0.1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/**
 * A loss axis label: short, with as many decimals as small numbers need.
 * @param {number} value
 * @returns {string}
 */
function formatLoss(value) {
  if (value === 0) return '0';
  return value >= 1 ? value.toFixed(1) : value.toPrecision(2);
}
