// The animation loop: while playing, each frame trains, then draws once. At full speed a frame
// trains in chunks until its time budget is spent (chunk sizes adapt so one chunk takes about a
// millisecond); at a set pace it trains the whole epochs that pace allows since the last frame.

/** Milliseconds of training per frame, leaving the rest of a 16 ms frame for drawing. */
const FRAME_BUDGET_MS = 8;
/** The time one chunk of training should take, in milliseconds. */
const CHUNK_TARGET_MS = 1;
/** The largest chunk asked for (the callee may take fewer steps). */
const MAX_CHUNK = 1 << 16;
/** At a set pace, the most time one frame may make up for (after a hidden tab, say). */
const MAX_CATCH_UP_MS = 250;
/**
 * The largest share of the time drawing may take while playing: when one drawing costs more
 * than a few milliseconds (large networks, large data), frames in between only train, so the
 * page keeps its frame rate and training its speed.
 */
const RENDER_SHARE = 0.25;

/**
 * @typedef {object} Player
 * @property {() => void} play    starts the loop (no effect while playing)
 * @property {() => void} pause   stops it before the next frame
 * @property {() => boolean} playing
 * @property {(epochsPerSecond: number) => void} setSpeed  a pace in epochs per second, or
 *   `Infinity` to train as fast as the frame budget allows
 */

/**
 * A loop that trains with `train(steps)` (full speed) or `trainEpochs(epochs)` (a set pace),
 * then calls `render()` once per frame. It stops when either returns false.
 * @param {{train: (steps: number) => boolean, trainEpochs: (epochs: number) => boolean,
 *   render: () => void}} callbacks
 * @returns {Player}
 */
export function createPlayer({ train, trainEpochs, render }) {
  let playing = false;
  let chunk = 1;
  let pending = 0;
  let pace = Infinity;
  /** Epochs owed at a set pace, and when they were last counted. */
  let owed = 0;
  let last = 0;
  /** What the last drawing cost, and when it started. */
  let renderCost = 0;
  let renderedAt = -Infinity;

  const paint = (/** @type {number} */ now) => {
    if (now - renderedAt < renderCost / RENDER_SHARE) return;
    renderedAt = performance.now();
    render();
    renderCost = performance.now() - renderedAt;
  };

  const fullSpeed = () => {
    const start = performance.now();
    let more = true;
    while (more && performance.now() - start < FRAME_BUDGET_MS) {
      const before = performance.now();
      more = train(chunk);
      chunk = nextChunk(chunk, performance.now() - before);
    }
    return more;
  };

  const paced = (/** @type {number} */ now) => {
    owed += (pace * Math.min(Math.max(0, now - last), MAX_CATCH_UP_MS)) / 1000;
    last = now;
    const epochs = Math.floor(owed);
    if (epochs < 1) return true;
    owed -= epochs;
    return trainEpochs(epochs);
  };

  const frame = (/** @type {number} */ now) => {
    if (!playing) return;
    const more = Number.isFinite(pace) ? paced(now) : fullSpeed();
    if (!more) playing = false;
    if (playing) {
      paint(now);
      pending = requestAnimationFrame(frame);
    } else {
      render();
    }
  };

  return {
    play() {
      if (playing) return;
      playing = true;
      // The first paced frame trains one epoch at once, as a press of Step would.
      owed = 1;
      last = performance.now();
      pending = requestAnimationFrame(frame);
    },
    pause() {
      const was = playing;
      playing = false;
      cancelAnimationFrame(pending);
      // Frames may have trained without drawing: show where training stopped.
      if (was) render();
    },
    playing: () => playing,
    setSpeed(epochsPerSecond) {
      pace = epochsPerSecond > 0 ? epochsPerSecond : Infinity;
      owed = 0;
      last = performance.now();
    },
  };
}

/**
 * The next chunk size: doubled while chunks are quick, halved when they are slow.
 * @param {number} chunk
 * @param {number} spentMs
 * @returns {number}
 */
function nextChunk(chunk, spentMs) {
  if (spentMs < CHUNK_TARGET_MS / 2) return Math.min(chunk * 2, MAX_CHUNK);
  if (spentMs > CHUNK_TARGET_MS * 2) return Math.max(1, Math.floor(chunk / 2));
  return chunk;
}
