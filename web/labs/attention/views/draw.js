// Drawing helpers the attention views share, on top of the sequence lab's (a canvas sized in CSS
// pixels, the colour scales): a labelled grid of numbers (an attention matrix, a head's queries)
// with the token of each row and column on its edges, the cell under the pointer, grouped bars
// (accuracy per position), a token's text and a readable text colour on a coloured cell.

import { sizeCanvas } from '../../sequence/views/draw.js';

/** The longest label drawn on a canvas's edge, in characters (longer words are cut). */
const LABEL_CHARS = 6;

/**
 * Where a drawn grid's cells are, in CSS pixels, to find the cell under the pointer.
 * @typedef {{left: number, top: number, cellWidth: number, cellHeight: number, rows: number, cols: number}} Geometry
 */

/**
 * The text of token `id` of `vocabulary` (`?` for one that is not known).
 * @param {string[]} vocabulary
 * @param {number} id
 */
export function tokenOf(vocabulary, id) {
  if (id < 0) return '?';
  return vocabulary[id] ?? String(id);
}

/**
 * `text` cut to fit an edge of a canvas.
 * @param {string} text
 */
function short(text) {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

/**
 * How much room edge labels take: a line for digits, a column for words.
 * @param {string[]} labels
 */
export function labelRoom(labels) {
  const longest = Math.max(1, ...labels.map((label) => short(label).length));
  return longest <= 2 ? 16 : Math.min(8 + 7 * longest, 52);
}

/**
 * Draws a `rows` x `cols` grid of `values` (`values[r * cols + c]`) into `canvas`, each cell
 * `cellWidth` x `cellHeight` CSS pixels coloured by `colour(value, row, col)`, with `rowLabels` down the
 * left edge and `colLabels` along the top (upright for digits, turned for words). A `null`
 * colour leaves the cell light grey (a masked entry).
 * @param {HTMLCanvasElement} canvas
 * @param {{values: ArrayLike<number>, rows: number, cols: number, cellWidth: number,
 *   cellHeight: number, rowLabels: string[], colLabels: string[],
 *   colour: (value: number, row: number, col: number) => [number, number, number] | null,
 *   outline?: boolean}} grid
 * @returns {Geometry}
 */
export function drawLabelledGrid(canvas, grid) {
  const { values, rows, cols, cellWidth, cellHeight, rowLabels, colLabels, colour } = grid;
  const left = rowLabels.length > 0 ? labelRoom(rowLabels) : 0;
  const top = colLabels.length > 0 ? labelRoom(colLabels) : 0;
  const width = left + cols * cellWidth + 2;
  const height = top + rows * cellHeight + 2;
  const context = sizeCanvas(canvas, width, height);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const rgb = colour(values[r * cols + c], r, c);
      context.fillStyle = rgb ? `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})` : '#e5e9ee';
      context.fillRect(left + c * cellWidth, top + r * cellHeight, cellWidth, cellHeight);
    }
  }
  if (grid.outline) {
    context.strokeStyle = '#c9d2dc';
    context.strokeRect(left + 0.5, top + 0.5, cols * cellWidth - 1, rows * cellHeight - 1);
  }
  context.fillStyle = '#334155';
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'middle';
  context.textAlign = 'right';
  rowLabels.forEach((label, r) => context.fillText(short(label), left - 3, top + (r + 0.5) * cellHeight));
  const upright = top <= 16;
  colLabels.forEach((label, c) => {
    const x = left + (c + 0.5) * cellWidth;
    if (upright) {
      context.textAlign = 'center';
      context.textBaseline = 'bottom';
      context.fillText(short(label), x, top - 2);
      return;
    }
    context.save();
    context.translate(x, top - 3);
    context.rotate(-Math.PI / 2);
    context.textAlign = 'left';
    context.textBaseline = 'middle';
    context.fillText(short(label), 0, 0);
    context.restore();
  });
  return { left, top, cellWidth, cellHeight, rows, cols };
}

/**
 * The cell of a grid drawn with `geometry` under the pointer of `event`, or null.
 * @param {MouseEvent} event
 * @param {HTMLCanvasElement} canvas
 * @param {Geometry | null} geometry
 * @returns {{row: number, col: number} | null}
 */
export function cellAt(event, canvas, geometry) {
  if (!geometry) return null;
  const box = canvas.getBoundingClientRect();
  const col = Math.floor((event.clientX - box.left - geometry.left) / geometry.cellWidth);
  const row = Math.floor((event.clientY - box.top - geometry.top) / geometry.cellHeight);
  if (row < 0 || col < 0 || row >= geometry.rows || col >= geometry.cols) return null;
  return { row, col };
}

/**
 * Draws bars in [0, 1] for each label, one bar per series side by side, on `canvas`
 * (`width` x `height` CSS pixels), with the labels under them and 0, 50% and 100% marked.
 * @param {HTMLCanvasElement} canvas
 * @param {{labels: string[], series: Array<{values: ArrayLike<number | null>, colour: string}>,
 *   width: number, height: number}} bars
 */
export function drawBars(canvas, { labels, series, width, height }) {
  const context = sizeCanvas(canvas, width, height);
  const [left, right, top, bottom] = [34, 6, 6, 16];
  const plotHeight = height - top - bottom;
  const slot = (width - left - right) / Math.max(labels.length, 1);
  const barWidth = Math.max(2, (slot - 4) / Math.max(series.length, 1));
  context.font = '10px system-ui, sans-serif';
  context.fillStyle = '#5d6b7a';
  context.strokeStyle = '#e5e9ee';
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const mark of [0, 0.5, 1]) {
    const y = top + (1 - mark) * plotHeight;
    context.beginPath();
    context.moveTo(left, Math.round(y) + 0.5);
    context.lineTo(width - right, Math.round(y) + 0.5);
    context.stroke();
    context.fillText(`${mark * 100}%`, left - 4, y);
  }
  context.textAlign = 'center';
  context.textBaseline = 'top';
  labels.forEach((label, i) => {
    const x = left + i * slot;
    context.fillStyle = '#5d6b7a';
    context.fillText(label, x + slot / 2, height - bottom + 3);
    series.forEach(({ values, colour }, s) => {
      const value = values[i];
      if (value === null || value === undefined || !Number.isFinite(value)) return;
      const barHeight = Math.max(0, Math.min(1, value)) * plotHeight;
      context.fillStyle = colour;
      context.fillRect(x + 2 + s * barWidth, top + plotHeight - barHeight, barWidth - 1, barHeight);
    });
  });
}

/**
 * Black or white, whichever reads better on a cell of colour `rgb`.
 * @param {[number, number, number]} rgb
 */
export function textColourOn([r, g, b]) {
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111827' : '#ffffff';
}

/**
 * A share as a percentage with one decimal, or '–'.
 * @param {number | null | undefined} share
 */
export function percent(share) {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${(100 * share).toFixed(1)}%`;
}

/**
 * A view's heading, appended to `container`, and its note paragraph, for the view to place.
 * @param {HTMLElement} container
 * @returns {{heading: HTMLHeadingElement, note: HTMLParagraphElement}}
 */
export function titled(container) {
  const heading = document.createElement('h3');
  heading.className = 'attention-view-title';
  const note = document.createElement('p');
  note.className = 'attention-view-note';
  container.append(heading);
  return { heading, note };
}

/**
 * A table cell of `kind` holding `text`.
 * @param {'th' | 'td'} kind
 * @param {string} text
 */
export function cell(kind, text) {
  const element = document.createElement(kind);
  element.textContent = text;
  return element;
}
