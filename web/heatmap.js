// Draws the output plane: the predicted class regions as one small image scaled up smoothly,
// and the data points on top in their class colours. Knows nothing of training.

import { classColour, fitCanvas } from './canvas.js';

/** Radius of a data point, in CSS pixels. */
const POINT_RADIUS = 3.5;
/** How strongly the regions show over white, so the points in full colour stand out. */
const REGION_OPACITY = 0.7;

/**
 * @typedef {object} PlaneView
 * @property {Uint8ClampedArray} rgba  `size * size` RGBA pixels of the regions, top row first
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
