// When the network picture redraws while training: at most every third frame and for at most
// an eighth of the time (it measures its own cost), and once more when training goes quiet, so
// the last state always shows. Knows nothing of what is drawn.

/** Frames between redraws while training, at least: most frames carry no drawing at all. */
const MIN_FRAMES = 3;
/** Shortest time between redraws while training: about three frames at 60 Hz. */
const MIN_INTERVAL_MS = 45;
/** Redraws take at most 1 / COST_FACTOR of the time while training. */
const COST_FACTOR = 8;
/** Without a frame for this long, training has paused: draw what was skipped. */
const QUIET_MS = 120;

/**
 * @typedef {object} Pacer
 * @property {() => void} now   draws at once
 * @property {() => void} soon  called once a frame while training: draws if enough frames and
 *   time have passed since the last drawing, else later, once no frame has asked for a while
 */

/**
 * A pacer for `draw`.
 * @param {() => void} draw
 * @returns {Pacer}
 */
export function createPacer(draw) {
  let last = -Infinity;
  let cost = 0;
  let skipped = -Infinity;
  let timer = 0;
  let frames = 0;

  const now = () => {
    frames = 0;
    const start = performance.now();
    draw();
    last = performance.now();
    cost = last - start;
  };

  const settle = () => {
    timer = 0;
    if (skipped <= last) return;
    const quiet = performance.now() - skipped;
    if (quiet < QUIET_MS) {
      timer = window.setTimeout(settle, QUIET_MS - quiet);
      return;
    }
    now();
  };

  return {
    now,
    soon() {
      const time = performance.now();
      frames += 1;
      if (frames >= MIN_FRAMES && time - last >= Math.max(MIN_INTERVAL_MS, cost * COST_FACTOR)) {
        now();
        return;
      }
      skipped = time;
      if (!timer) timer = window.setTimeout(settle, QUIET_MS);
    },
  };
}
