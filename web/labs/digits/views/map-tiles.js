// Drawing for the feature-map view: the input image with a lit receptive field, one layer's
// maps as tiles with a chosen pixel, a dense layer's outputs as a strip, and where a click
// on a layer's tiles lands.

import { HIGHLIGHT, drawCells, grey, greyBytes, largest, paintCells, picture, show, sizeCanvas } from './draw.js';
import { SIDE } from './receptive.js';

/** The side of one input pixel, in CSS pixels. */
const INPUT_CELL = 18;
/** Room between two tiles, in CSS pixels. */
const GAP = 4;
/** The widest a layer's canvas grows, in CSS pixels. */
const WIDEST = 520;
/** The narrowest room a layer's canvas is given, in CSS pixels. */
const NARROWEST = 160;

/**
 * How a layer's maps sit on its canvas.
 * @typedef {{maps: number, side: number, cell: number, perLine: number}} TileLayout
 */

/**
 * A chosen feature-map pixel.
 * @typedef {{stage: number, map: number, row: number, col: number}} Chosen
 */

/**
 * Draws the 8 x 8 input, the pixels inside `field` tinted and outlined.
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} pixels
 * @param {{top: number, left: number, bottom: number, right: number} | null} field
 */
export function drawInput(canvas, pixels, field) {
  const size = SIDE * INPUT_CELL;
  const context = sizeCanvas(canvas, size + 2, size + 2);
  drawCells(context, pixels, { x: 1, y: 1, rows: SIDE, cols: SIDE, size: INPUT_CELL, colour: grey });
  if (!field) return;
  const x = 1 + field.left * INPUT_CELL;
  const y = 1 + field.top * INPUT_CELL;
  const w = (field.right - field.left + 1) * INPUT_CELL;
  const h = (field.bottom - field.top + 1) * INPUT_CELL;
  context.fillStyle = 'rgba(245, 158, 11, 0.35)';
  context.fillRect(x, y, w, h);
  context.strokeStyle = HIGHLIGHT;
  context.lineWidth = 2;
  context.strokeRect(x + 1, y + 1, w - 2, h - 2);
}

/**
 * The layout of `maps` maps of `side` x `side` on one canvas at most `room` CSS pixels wide.
 * @param {number} maps
 * @param {number} side
 * @param {number} room
 * @returns {TileLayout}
 */
export function tileLayout(maps, side, room) {
  const cell = side >= 8 ? 5 : side >= 4 ? 8 : 12;
  const tile = side * cell + GAP;
  const wide = Math.min(WIDEST, Math.max(NARROWEST, room)) - GAP;
  return { maps, side, cell, perLine: Math.max(1, Math.min(maps, Math.floor(wide / tile))) };
}

/**
 * Draws one layer's maps (`values` as [maps, side, side]) in grey scaled by the layer's largest
 * value, the chosen pixel outlined.
 * @param {HTMLCanvasElement} canvas
 * @param {Float32Array} values
 * @param {TileLayout} layout
 * @param {{map: number, row: number, col: number} | null} chosen
 */
export function drawTiles(canvas, values, layout, chosen) {
  const { maps, side, cell, perLine } = layout;
  const tile = side * cell + GAP;
  const [width, height] = [perLine * tile + GAP, Math.ceil(maps / perLine) * tile + GAP];
  const context = sizeCanvas(canvas, width, height);
  const image = picture(width, height);
  // Where the tiles sit, for a test that clicks a chosen pixel.
  Object.assign(canvas.dataset, { gap: String(GAP), cell: String(cell), tile: String(tile), perLine: String(perLine) });
  const scale = largest(values);
  const colour = (/** @type {number} */ v) => greyBytes(v / scale);
  for (let m = 0; m < maps; m++) {
    const x = GAP + (m % perLine) * tile;
    const y = GAP + Math.floor(m / perLine) * tile;
    paintCells(image, values, { x, y, rows: side, cols: side, size: cell, offset: m * side * side, colour });
  }
  show(context, image);
  if (!chosen) return;
  const x = GAP + (chosen.map % perLine) * tile;
  const y = GAP + Math.floor(chosen.map / perLine) * tile;
  context.strokeStyle = HIGHLIGHT;
  context.lineWidth = 2;
  context.strokeRect(x + chosen.col * cell - 1, y + chosen.row * cell - 1, cell + 2, cell + 2);
}

/**
 * The map and pixel under (`x`, `y`) CSS pixels from the canvas's corner, or null between tiles.
 * @param {TileLayout} layout
 * @param {number} x
 * @param {number} y
 * @returns {{map: number, row: number, col: number} | null}
 */
export function tileAt(layout, x, y) {
  const { maps, side, cell, perLine } = layout;
  const tile = side * cell + GAP;
  const [across, down] = [Math.floor((x - GAP) / tile), Math.floor((y - GAP) / tile)];
  const map = down * perLine + across;
  const col = Math.floor((x - GAP - across * tile) / cell);
  const row = Math.floor((y - GAP - down * tile) / cell);
  if (across < 0 || across >= perLine || map < 0 || map >= maps || row >= side || col >= side) return null;
  return { map, row, col };
}

/**
 * Draws a dense layer's outputs as a strip of cells (labelled 0-9 when there are ten).
 * @param {HTMLCanvasElement} canvas
 * @param {Float32Array} values
 * @param {boolean} probabilities  the values are probabilities (drawn on their own scale, 0 to 1)
 * @param {number} room  the most CSS pixels the strip may take across
 */
export function drawStrip(canvas, values, probabilities, room) {
  const wide = Math.min(WIDEST, Math.max(NARROWEST, room)) - 2;
  const cell = values.length <= 10 ? 22 : Math.max(3, Math.min(10, Math.floor(wide / values.length)));
  const perLine = Math.max(1, Math.floor(wide / cell));
  const lines = Math.ceil(values.length / perLine);
  const labelled = values.length === 10;
  const context = sizeCanvas(canvas, Math.min(values.length, perLine) * cell + 2, lines * cell + 2 + (labelled ? 14 : 0));
  const scale = probabilities ? 1 : largest(values);
  for (let line = 0; line < lines; line++) {
    const cols = Math.min(perLine, values.length - line * perLine);
    drawCells(context, values, {
      x: 1, y: 1 + line * cell, rows: 1, cols, size: cell, offset: line * perLine, colour: (v) => grey(v / scale),
    });
  }
  if (!labelled) return;
  context.fillStyle = '#5d6b7a';
  context.font = '11px system-ui, sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (let d = 0; d < 10; d++) context.fillText(String(d), 1 + d * cell + cell / 2, cell + 4);
}
