// Draws the output plane: the predicted class regions as one small image scaled up smoothly,
// the data points on top in their class colours, and the axes' ticks. Knows nothing of training.

import { classColour, fitCanvas } from '../shared/canvas.js';

/** Radius of a data point, in CSS pixels. */
const POINT_RADIUS = 3.5;
/** How strongly the regions show over white, so the points in full colour stand out. */
const REGION_OPACITY = 0.7;
/** Plane units between axis ticks. */
const TICK_STEP = 2;
/** Length of a tick mark, in CSS pixels. */
const TICK_LENGTH = 5;

/**
 * @typedef {object} PlaneView
 * @property {Uint8ClampedArray<ArrayBuffer>} rgba `size * size` RGBA pixels of the regions, top row first
 * @property {number} size             pixels per side of `rgba`
 * @property {Float32Array} points     `[x, y, label, isTest]` per point
 * @property {boolean} showTest        whether test points are drawn too
 * @property {boolean} regression      labels are numbers (coloured by sign), not classes
 * @property {number} extent           the plane spans `[-extent, extent]` on both axes
 * @property {Uint8Array} palette      `[r, g, b]` per class
 */

/**
 * A drawer for the heatmap canvas. It keeps one small offscreen canvas for the regions.
 * @param {HTMLCanvasElement} canvas
 * @returns {{draw: (view: PlaneView) => void}}
 */
export function createHeatmap(canvas) {
  const regions = document.createElement('canvas');
  return {
    draw(view) {
      if (regions.width !== view.size) {
        regions.width = view.size;
        regions.height = view.size;
      }
      const small = /** @type {CanvasRenderingContext2D} */ (regions.getContext('2d'));
      small.putImageData(new ImageData(view.rgba, view.size, view.size), 0, 0);

      const { context, width, height } = fitCanvas(canvas);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.globalAlpha = REGION_OPACITY;
      context.imageSmoothingEnabled = true;
      context.imageSmoothingQuality = 'high';
      context.drawImage(regions, 0, 0, width, height);
      context.globalAlpha = 1;
      drawAxes(context, width, height, view.extent);
      drawPoints(context, width, height, view);
    },
  };
}

/**
 * Draws the points over the regions: class colour, white outline (dark for test points).
 * @param {CanvasRenderingContext2D} context
 * @param {number} width
 * @param {number} height
 * @param {PlaneView} view
 */
function drawPoints(context, width, height, view) {
  const { points, extent, palette, showTest, regression } = view;
  const span = 2 * extent;
  context.lineWidth = 1;
  for (let i = 0; i < points.length; i += 4) {
    const isTest = points[i + 3] === 1;
    if (isTest && !showTest) continue;
    const x = ((points[i] + extent) / span) * width;
    const y = ((extent - points[i + 1]) / span) * height;
    context.beginPath();
    context.arc(x, y, POINT_RADIUS, 0, 2 * Math.PI);
    const label = points[i + 2];
    context.fillStyle = classColour(palette, regression ? Number(label >= 0) : label);
    context.fill();
    context.strokeStyle = isTest ? '#1d2733' : '#ffffff';
    context.stroke();
  }
}

/**
 * Draws ticks with their values along the bottom (x1) and left (x2) edges, inside the plane,
 * and faint lines through the origin.
 * @param {CanvasRenderingContext2D} context
 * @param {number} width
 * @param {number} height
 * @param {number} extent
 */
function drawAxes(context, width, height, extent) {
  const span = 2 * extent;
  const toX = (/** @type {number} */ v) => ((v + extent) / span) * width;
  const toY = (/** @type {number} */ v) => ((extent - v) / span) * height;
  context.strokeStyle = 'rgba(29, 39, 51, 0.18)';
  context.lineWidth = 1;
  context.beginPath();
  context.moveTo(toX(0), 0);
  context.lineTo(toX(0), height);
  context.moveTo(0, toY(0));
  context.lineTo(width, toY(0));
  context.stroke();
  context.fillStyle = 'rgba(29, 39, 51, 0.75)';
  context.strokeStyle = 'rgba(29, 39, 51, 0.6)';
  context.font = '10px system-ui, sans-serif';
  context.beginPath();
  for (let v = -extent + TICK_STEP; v < extent; v += TICK_STEP) {
    const x = toX(v);
    const y = toY(v);
    context.moveTo(x, height);
    context.lineTo(x, height - TICK_LENGTH);
    context.moveTo(0, y);
    context.lineTo(TICK_LENGTH, y);
    context.textAlign = 'center';
    context.textBaseline = 'bottom';
    context.fillText(String(v), x, height - TICK_LENGTH - 1);
    context.textAlign = 'left';
    context.textBaseline = 'middle';
    context.fillText(String(v), TICK_LENGTH + 2, y);
  }
  context.stroke();
}
