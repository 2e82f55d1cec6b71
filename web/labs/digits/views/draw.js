// Drawing helpers the digits views share: a canvas sized in CSS pixels, grids of cells in grey
// or in a diverging blue-white-red scale, and the names of the network's layers.

/** The ink of a lit receptive field and of a chosen cell. */
export const HIGHLIGHT = '#f59e0b';

/**
 * Sizes `canvas` to `width` x `height` CSS pixels (sharp at any device pixel ratio) and
 * returns a context that draws in CSS pixels, cleared.
 * @param {HTMLCanvasElement} canvas
 * @param {number} width
 * @param {number} height
 * @returns {CanvasRenderingContext2D}
 */
export function sizeCanvas(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const wide = Math.max(1, Math.round(width * ratio));
  const high = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== wide || canvas.height !== high) {
    canvas.width = wide;
    canvas.height = high;
  }
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}

/**
 * A grey for `value` in [0, 1]: 0 white paper, 1 black ink (as the digits are drawn).
 * @param {number} value
 */
export function grey(value) {
  const level = Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
  return `rgb(${level}, ${level}, ${level})`;
}

/**
 * A diverging colour for `value` in [-1, 1]: blue below 0, white at 0, red above.
 * @param {number} value
 */
export function diverging(value) {
  const v = Math.min(1, Math.max(-1, value));
  const fade = Math.round(255 * (1 - Math.abs(v)));
  return v >= 0 ? `rgb(255, ${fade}, ${fade})` : `rgb(${fade}, ${fade}, 255)`;
}

/**
 * The largest absolute value of `values` (1 when all are 0, so dividing by it is safe).
 * @param {ArrayLike<number>} values
 */
export function largest(values) {
  let most = 0;
  for (let i = 0; i < values.length; i++) most = Math.max(most, Math.abs(values[i]));
  return most > 0 ? most : 1;
}

/**
 * Draws a `rows` x `cols` grid of cells at (`x`, `y`), cell `size` CSS pixels, cell `i`
 * coloured by `colour(values[offset + i])`.
 * @param {CanvasRenderingContext2D} context
 * @param {ArrayLike<number>} values
 * @param {{x: number, y: number, rows: number, cols: number, size: number, offset?: number,
 *   colour: (value: number) => string}} grid
 */
export function drawCells(context, values, { x, y, rows, cols, size, offset = 0, colour }) {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      context.fillStyle = colour(values[offset + r * cols + c]);
      context.fillRect(x + c * size, y + r * size, size, size);
    }
  }
  context.strokeStyle = '#cbd5e1';
  context.lineWidth = 1;
  context.strokeRect(x - 0.5, y - 0.5, cols * size + 1, rows * size + 1);
}

/**
 * The layers' names, input side first: conv 1, conv 2, then dense 1, dense 2 (or dense alone).
 * @param {Array<{kind: string}>} layers
 * @returns {string[]}
 */
export function layerNames(layers) {
  const dense = layers.filter((layer) => layer.kind !== 'conv').length;
  let convs = 0;
  let denses = 0;
  return layers.map((layer) => {
    if (layer.kind === 'conv') return `conv ${++convs}`;
    denses += 1;
    return dense === 1 ? 'dense' : `dense ${denses}`;
  });
}

/**
 * A whole number with thousands separators (6,090).
 * @param {number} value
 */
export function count(value) {
  return value.toLocaleString('en-US');
}

/**
 * The index of the largest of `values`.
 * @param {ArrayLike<number>} values
 */
export function argmax(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

