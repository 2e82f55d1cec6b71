// Draws the links of the network picture on one canvas: orange for negative weights, blue for
// positive, stronger and then thicker the larger |w|. Links are grouped by colour and thickness so
// a thousand of them take a few dozen strokes.

/** Strength steps; |w| at or above `STRONG` gets the last. */
const LEVELS = 10;
const STRONG = 3;
/**
 * Steps up to this one draw one pixel wide, their strength shown by opacity alone: the
 * rasteriser draws such lines as fast hairlines, while wider curves cost it several times
 * more, so the many small weights of a large network stay cheap. Stronger weights thicken.
 */
const HAIRLINE_LEVELS = 2;
const THICKEST = 6;
/** Link colours, as TensorFlow Playground: orange negative, blue positive. */
const NEGATIVE = '245, 147, 34';
const POSITIVE = '8, 119, 189';

/**
 * @typedef {import('./network-layout.js').Layout} Layout
 * @typedef {import('./network-layout.js').Link} Link
 * @typedef {import('../shared/types.js').Layer} Layer `playground.weights()`, one per layer
 */

/**
 * The weight a link stands for.
 * @param {Layer[]} layers `playground.weights()`
 * @param {Link} link
 * @returns {number}
 */
export function weightOf(layers, link) {
  const layer = layers[link.layer];
  return layer ? layer.weight[link.from * layer.units + link.to] : Number.NaN;
}

/**
 * The strength step of weight `w`.
 * @param {number} w
 */
function levelOf(w) {
  const magnitude = Math.min(1, Math.abs(w) / STRONG);
  return Number.isFinite(magnitude) ? Math.round(magnitude * (LEVELS - 1)) : LEVELS - 1;
}

/**
 * The line width of strength step `level`, in CSS pixels.
 * @param {number} level
 */
function widthOf(level) {
  const above = Math.max(0, level - HAIRLINE_LEVELS) / (LEVELS - 1 - HAIRLINE_LEVELS);
  return 1 + (THICKEST - 1) * above;
}

/**
 * Clears `canvas` (sized to `picture`, without reading the page's layout) and draws every link of `picture` with the weights in
 * `layers`; `focus`, when given, is drawn on top with an outline, and links that do not touch
 * `unit` (a `[layer, unit]` pair, when given) are faded.
 * @param {HTMLCanvasElement} canvas
 * @param {Layout} picture
 * @param {Layer[]} layers
 * @param {{focus?: Link | null, unit?: [number, number] | null}} [emphasis]
 * @returns {CanvasRenderingContext2D} the canvas's context, for drawing the units on top
 */
export function drawLinks(canvas, picture, layers, emphasis = {}) {
  const context = sized(canvas, picture.width, picture.height);
  context.clearRect(0, 0, picture.width, picture.height);
  const { unit = null, focus = null } = emphasis;
  /** @type {Link[][]} one group per sign and level, faded groups after them */
  const groups = Array.from({ length: 4 * LEVELS }, () => []);
  for (const link of picture.links) {
    const w = weightOf(layers, link);
    const faded = unit !== null && !touches(link, unit);
    groups[(faded ? 2 * LEVELS : 0) + (w < 0 ? LEVELS : 0) + levelOf(w)].push(link);
  }
  context.lineCap = 'butt';
  groups.forEach((group, index) => {
    if (group.length === 0) return;
    const level = index % LEVELS;
    const negative = index % (2 * LEVELS) >= LEVELS;
    const faded = index >= 2 * LEVELS;
    const alpha = (0.25 + 0.6 * (level / (LEVELS - 1))) * (faded ? 0.25 : 1);
    context.strokeStyle = `rgba(${negative ? NEGATIVE : POSITIVE}, ${alpha.toFixed(3)})`;
    context.lineWidth = widthOf(level);
    context.beginPath();
    for (const link of group) trace(context, link);
    context.stroke();
  });
  if (focus) {
    const w = weightOf(layers, focus);
    context.beginPath();
    trace(context, focus);
    context.strokeStyle = '#1d2733';
    context.lineWidth = widthOf(levelOf(w)) + 3;
    context.stroke();
    context.strokeStyle = `rgb(${w < 0 ? NEGATIVE : POSITIVE})`;
    context.lineWidth -= 2;
    context.stroke();
  }
  return context;
}

/**
 * Sizes `canvas` to `width x height` CSS pixels at the device's pixel ratio and returns a
 * context that draws in CSS pixels.
 * @param {HTMLCanvasElement} canvas
 * @param {number} width
 * @param {number} height
 */
function sized(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  const [wide, high] = [Math.round(width * ratio), Math.round(height * ratio)];
  if (canvas.width !== wide || canvas.height !== high) {
    canvas.width = wide;
    canvas.height = high;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

/**
 * Adds `link`'s curve to the current path.
 * @param {CanvasRenderingContext2D} context
 * @param {Link} link
 */
function trace(context, link) {
  const middle = (link.x1 + link.x2) / 2;
  context.moveTo(link.x1, link.y1);
  context.bezierCurveTo(middle, link.y1, middle, link.y2, link.x2, link.y2);
}

/**
 * Whether `link` starts or ends at unit `unit` (`[layer, index]`).
 * @param {Link} link
 * @param {[number, number]} unit
 */
function touches(link, [layer, index]) {
  return (link.layer === layer && link.from === index) || (link.layer + 1 === layer && link.to === index);
}
