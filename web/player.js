// The animation loop: while playing, each frame trains in chunks until its time budget is
// spent, then draws once. Chunk sizes adapt so one chunk takes about a millisecond.

/** Milliseconds of training per frame, leaving the rest of a 16 ms frame for drawing. */
const FRAME_BUDGET_MS = 8;
/** The time one chunk of training should take, in milliseconds. */
const CHUNK_TARGET_MS = 1;
/** The largest chunk asked for (the callee may take fewer steps). */
const MAX_CHUNK = 1 << 16;

/**
 * @typedef {object} Player
 * @property {() => void} play    starts the loop (no effect while playing)
 * @property {() => void} pause   stops it before the next frame
 * @property {() => boolean} playing
 */

/**
 * A loop that calls `train(n)` with growing or shrinking chunks `n` until the frame's budget
 * is spent, then `render()`. It stops when `train` returns false.
 * @param {{train: (steps: number) => boolean, render: () => void}} callbacks
 * @returns {Player}
 */
export function createPlayer({ train, render }) {
  let playing = false;
  let chunk = 1;
  let pending = 0;

  const frame = () => {
    if (!playing) return;
    const start = performance.now();
    let more = true;
    while (more && performance.now() - start < FRAME_BUDGET_MS) {
      const before = performance.now();
      more = train(chunk);
      chunk = nextChunk(chunk, performance.now() - before);
    }
    if (!more) playing = false;
    render();
    if (playing) pending = requestAnimationFrame(frame);
  };

  return {
    play() {
      if (playing) return;
      playing = true;
      pending = requestAnimationFrame(frame);
    },
    pause() {
      playing = false;
      cancelAnimationFrame(pending);
    },
    playing: () => playing,
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
