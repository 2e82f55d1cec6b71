// Drawing helpers the sequence views share: a canvas sized in CSS pixels, line charts over
// updates with a dashed reference line (the baseline, the clip threshold), and heatmaps of a
// grid of numbers in a sequential or diverging colour scale, drawn as one image.

/** Colours of the series the views draw, in order: RNN, LSTM, GRU; or train, test. */
export const SERIES_COLOURS = ['#dc2626', '#2563eb', '#16a34a', '#9333ea'];

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

/** The width a view's canvas takes: its container's, within limits. */
export function widthOf(/** @type {HTMLElement} */ container, most = 460) {
  return Math.max(220, Math.min(most, Math.floor(container.clientWidth || 320)));
}

/**
 * A series of a line chart: points (x, y), drawn in `colour`; `dash` for a test series.
 * @typedef {{xs: ArrayLike<number>, ys: ArrayLike<number | null>, colour: string, dash?: number[], label?: string}} Series
 */

/**
 * Draws `series` on `canvas` (`width` x `height`), with a dashed horizontal line at each of
 * `lines` (the baseline, a threshold) and the y axis in log scale when `log`. Skips missing
 * and non-finite numbers (and those <= 0 in log scale).
 * @param {HTMLCanvasElement} canvas
 * @param {Series[]} series
 * @param {{width: number, height: number, log?: boolean,
 *   lines?: Array<{y: number, label: string, colour?: string}>}} options
 */
export function drawLines(canvas, series, { width, height, log = false, lines = [] }) {
  const context = sizeCanvas(canvas, width, height);
  const left = 44;
  const right = 8;
  const top = 8;
  const bottom = 18;
  const usable = (/** @type {number | null} */ y) => y !== null && Number.isFinite(y) && (!log || y > 0);
  const f = (/** @type {number} */ y) => (log ? Math.log10(y) : y);
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.xs.length; i++) {
      const y = s.ys[i];
      if (!usable(y)) continue;
      xMin = Math.min(xMin, s.xs[i]);
      xMax = Math.max(xMax, s.xs[i]);
      yMin = Math.min(yMin, f(/** @type {number} */ (y)));
      yMax = Math.max(yMax, f(/** @type {number} */ (y)));
    }
  }
  for (const line of lines) {
    if (!usable(line.y)) continue;
    yMin = Math.min(yMin, f(line.y));
    yMax = Math.max(yMax, f(line.y));
  }
  context.strokeStyle = '#c9d2dc';
  context.lineWidth = 1;
  context.strokeRect(left + 0.5, top + 0.5, width - left - right - 1, height - top - bottom - 1);
  if (!Number.isFinite(yMin)) return;
  if (!log) yMin = Math.min(yMin, 0);
  if (yMax - yMin < 1e-9) yMax = yMin + 1;
  if (!(xMax > xMin)) xMax = xMin + 1;
  const X = (/** @type {number} */ x) => left + ((x - xMin) / (xMax - xMin)) * (width - left - right);
  const Y = (/** @type {number} */ y) => top + (1 - (f(y) - yMin) / (yMax - yMin)) * (height - top - bottom);
  context.font = '10px system-ui, sans-serif';
  context.fillStyle = '#5d6b7a';
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  const tick = (/** @type {number} */ v) => (log ? `1e${Math.round(v)}` : Number(v.toPrecision(3)).toString());
  context.fillText(tick(yMax), left - 4, top + 4);
  context.fillText(tick(yMin), left - 4, height - bottom - 2);
  context.textAlign = 'left';
  context.textBaseline = 'top';
  context.fillText(String(Math.round(xMin)), left, height - bottom + 4);
  context.textAlign = 'right';
  context.fillText(String(Math.round(xMax)), width - right, height - bottom + 4);
  for (const line of lines) {
    if (!usable(line.y)) continue;
    const y = Y(line.y);
    context.strokeStyle = line.colour ?? '#6b7280';
    context.setLineDash([4, 3]);
    context.beginPath();
    context.moveTo(left, y);
    context.lineTo(width - right, y);
    context.stroke();
    context.setLineDash([]);
    context.fillStyle = line.colour ?? '#6b7280';
    context.textBaseline = 'bottom';
    context.fillText(line.label, width - right - 2, y - 1);
  }
  context.lineWidth = 1.5;
  for (const s of series) {
    context.strokeStyle = s.colour;
    context.setLineDash(s.dash ?? []);
    context.beginPath();
    let drawing = false;
    for (let i = 0; i < s.xs.length; i++) {
      const y = s.ys[i];
      if (!usable(y)) {
        drawing = false;
        continue;
      }
      const px = X(s.xs[i]);
      const py = Y(/** @type {number} */ (y));
      if (drawing) context.lineTo(px, py);
      else context.moveTo(px, py);
      drawing = true;
    }
    context.stroke();
  }
  context.setLineDash([]);
}

/**
 * The RGB of `t` in [0, 1] on a dark-blue to yellow scale (viridis-like).
 * @param {number} t
 * @returns {[number, number, number]}
 */
export function sequential(t) {
  const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  const at = Math.min(Math.max(t, 0), 1) * (stops.length - 1);
  const i = Math.min(Math.floor(at), stops.length - 2);
  const w = at - i;
  const [a, b] = [stops[i], stops[i + 1]];
  const mix = (/** @type {number} */ k) => Math.round(a[k] + (b[k] - a[k]) * w);
  return [mix(0), mix(1), mix(2)];
}

/**
 * The RGB of `t` in [-1, 1]: blue below 0, white at 0, red above.
 * @param {number} t
 * @returns {[number, number, number]}
 */
export function diverging(t) {
  const v = Math.min(Math.max(t, -1), 1);
  const fade = Math.round(255 * (1 - Math.abs(v)));
  return v < 0 ? [fade, fade, 255] : [255, fade, fade];
}

/**
 * Draws a `rows` x `cols` grid (`values[r * cols + c]`) into `canvas`, each cell `cell` CSS
 * pixels, coloured by `colour(values[i])` (an RGB).
 * @param {HTMLCanvasElement} canvas
 * @param {ArrayLike<number>} values
 * @param {{rows: number, cols: number, cellWidth: number, cellHeight: number,
 *   colour: (value: number) => [number, number, number]}} grid
 */
export function drawGrid(canvas, values, { rows, cols, cellWidth, cellHeight, colour }) {
  const context = sizeCanvas(canvas, cols * cellWidth, rows * cellHeight);
  const image = new ImageData(Math.max(cols, 1), Math.max(rows, 1));
  for (let i = 0; i < rows * cols; i++) {
    const [r, g, b] = colour(values[i]);
    image.data.set([r, g, b, 255], 4 * i);
  }
  // Scaled up as an image: one putImageData and one drawImage, whatever the grid's size.
  const source = document.createElement('canvas');
  source.width = image.width;
  source.height = image.height;
  /** @type {CanvasRenderingContext2D} */ (source.getContext('2d')).putImageData(image, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(source, 0, 0, cols * cellWidth, rows * cellHeight);
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
