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
  const [level] = greyBytes(value);
  return `rgb(${level}, ${level}, ${level})`;
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
 * A picture built pixel by pixel in CSS pixels, then drawn in one go (many cells as fillRect
 * calls cost a long task; one ImageData does not). `words` holds the same pixels, one RGBA word
 * each, so that a run of them is filled in one call.
 * @typedef {{image: ImageData, words: Uint32Array, width: number, height: number}} Picture
 */

/**
 * A blank (transparent) picture of `width` x `height` CSS pixels.
 * @param {number} width
 * @param {number} height
 * @returns {Picture}
 */
export function picture(width, height) {
  const w = Math.max(1, Math.ceil(width));
  const h = Math.max(1, Math.ceil(height));
  const image = new ImageData(w, h);
  return { image, words: new Uint32Array(image.data.buffer), width: w, height: h };
}

/** One RGBA pixel, as bytes and as the 32-bit word that holds them in the machine's order. */
const PIXEL = new Uint32Array(1);
const PIXEL_BYTES = new Uint8Array(PIXEL.buffer);

/**
 * Fills a `w` x `h` box of `target` at (`x`, `y`) with the colour `rgb`.
 * @param {Picture} target
 * @param {number} x
 * @param {number} y
 * @param {number} w
 * @param {number} h
 * @param {[number, number, number]} rgb
 */
function fillBox(target, x, y, w, h, rgb) {
  PIXEL_BYTES.set(rgb);
  PIXEL_BYTES[3] = 255;
  const [colour] = PIXEL;
  const from = Math.max(0, x);
  const to = Math.min(target.width, x + w);
  if (from >= to) return;
  for (let row = Math.max(0, y); row < Math.min(target.height, y + h); row++) {
    target.words.fill(colour, row * target.width + from, row * target.width + to);
  }
}

/** The border around a grid of cells. */
const FRAME = /** @type {[number, number, number]} */ ([203, 213, 225]);

/**
 * Paints a `rows` x `cols` grid of cells into `target` at (`x`, `y`), cell `size` CSS pixels,
 * cell `i` coloured by `colour(values[offset + i])`, framed by a 1-pixel border outside it.
 * @param {Picture} target
 * @param {ArrayLike<number>} values
 * @param {{x: number, y: number, rows: number, cols: number, size: number, offset?: number,
 *   colour: (value: number) => [number, number, number]}} grid
 */
export function paintCells(target, values, { x, y, rows, cols, size, offset = 0, colour }) {
  fillBox(target, x - 1, y - 1, cols * size + 2, rows * size + 2, FRAME);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) fillBox(target, x + c * size, y + r * size, size, size, colour(values[offset + r * cols + c]));
  }
}

/**
 * Draws `source` onto `context` at its corner, one picture pixel per CSS pixel, unblurred.
 * @param {CanvasRenderingContext2D} context  drawing in CSS pixels (sizeCanvas)
 * @param {Picture} source
 */
export function show(context, source) {
  const canvas = new OffscreenCanvas(source.width, source.height);
  /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d')).putImageData(source.image, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(canvas, 0, 0);
}

/**
 * `grey` as bytes.
 * @param {number} value  in [0, 1]
 * @returns {[number, number, number]}
 */
export function greyBytes(value) {
  const level = Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
  return [level, level, level];
}

/**
 * A diverging colour for `value` in [-1, 1] as bytes: blue below 0, white at 0, red above.
 * @param {number} value
 * @returns {[number, number, number]}
 */
export function diverging(value) {
  const v = Math.min(1, Math.max(-1, value));
  const fade = Math.round(255 * (1 - Math.abs(v)));
  return v >= 0 ? [255, fade, fade] : [fade, fade, 255];
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
 * The index of the largest of `values`.
 * @param {ArrayLike<number>} values
 */
export function argmax(values) {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * The content width of `element` as the browser's last layout measured it, read through a
 * ResizeObserver so that drawing never forces a layout in the middle of a frame (that cost the
 * kernels' first paint a 50 ms task); `fallback` until the first layout. `changed` runs when
 * the width changes, to redraw.
 * @param {Element} element
 * @param {number} fallback
 * @param {() => void} changed
 * @returns {() => number}
 */
export function trackedWidth(element, fallback, changed) {
  let width = fallback;
  new ResizeObserver((entries) => {
    const now = entries[entries.length - 1].contentRect.width || fallback;
    if (now === width) return;
    width = now;
    changed();
  }).observe(element);
  return () => width;
}
