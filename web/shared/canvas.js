// Sizes a canvas for sharp drawing: its backing store follows its CSS box times the device
// pixel ratio, and the returned context draws in CSS pixels.

/**
 * Matches `canvas`'s backing store to its displayed size and returns a 2D context that
 * draws in CSS pixels, with the size in CSS pixels.
 * @param {HTMLCanvasElement} canvas
 * @returns {{context: CanvasRenderingContext2D, width: number, height: number}}
 */
export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  const pixelsWide = Math.round(width * ratio);
  const pixelsHigh = Math.round(height * ratio);
  if (canvas.width !== pixelsWide || canvas.height !== pixelsHigh) {
    canvas.width = pixelsWide;
    canvas.height = pixelsHigh;
  }
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { context, width, height };
}

/**
 * A chart's canvas made ready by `fitCanvas`, with the page's text and rule colours (its
 * `--muted` and `--line`) and the plotting box left inside `margin`.
 * @param {HTMLCanvasElement} canvas
 * @param {{left: number, right: number, top: number, bottom: number}} margin
 * @returns {{context: CanvasRenderingContext2D, width: number, height: number, ink: string,
 *   rule: string, box: {left: number, top: number, width: number, height: number}}}
 */
export function fitChart(canvas, margin) {
  const { context, width, height } = fitCanvas(canvas);
  const style = getComputedStyle(canvas);
  return {
    context,
    width,
    height,
    ink: style.getPropertyValue('--muted').trim() || '#5d6b7a',
    rule: style.getPropertyValue('--line').trim() || '#e2e7ed',
    box: {
      left: margin.left,
      top: margin.top,
      width: Math.max(1, width - margin.left - margin.right),
      height: Math.max(1, height - margin.top - margin.bottom),
    },
  };
}

/**
 * A CSS colour from the palette's bytes (`[r, g, b]` per class) for class `label`.
 * @param {Uint8Array} palette
 * @param {number} label
 * @returns {string}
 */
export function classColour(palette, label) {
  const classes = palette.length / 3;
  const k = ((Math.round(label) % classes) + classes) % classes;
  return `rgb(${palette[3 * k]}, ${palette[3 * k + 1]}, ${palette[3 * k + 2]})`;
}
