// The animation loop: while playing, each frame trains, then draws. Training never takes more
// than a frame's budget: it goes in chunks of updates (sized so one takes about a millisecond)
// until the budget is spent, at full speed, or until the epochs a set pace owes are done, and an
// epoch that does not fit in one frame goes on in the next. Step takes one update; Epoch trains
// one epoch the same way. Playing stops by itself at the end of an armed epoch (a lesson's
// moment): while armed, no chunk crosses an epoch's end, so the loop counts the ends exactly.
// When frames stop (a hidden tab), the time away is not made up when they come back.

/** Milliseconds of training per frame, leaving the rest of a 16 ms frame for drawing. */
export const FRAME_BUDGET_MS = 8;
/** The time one chunk of training should take, in milliseconds. */
const CHUNK_TARGET_MS = 1;
/** The largest chunk asked for (the callee may take fewer updates). */
const MAX_CHUNK = 1 << 16;
/**
 * At a set pace, the most time one frame may make up for: a few frames, so a slow frame does not
 * slow the pace, while a long gap (a hidden tab, a frozen page) brings no burst of training.
 */
const MAX_CATCH_UP_MS = 100;
/**
 * The largest share of the time drawing may take while playing: when one drawing costs more
 * than a few milliseconds (large networks, large data), frames in between only train, so the
 * page keeps its frame rate and training its speed.
 */
const RENDER_SHARE = 0.25;

/**
 * What the player asks of the experiment.
 * @typedef {object} Trainer
 * @property {(steps: number) => number} train  takes up to `steps` updates (the callee may take
 *   fewer to stay within its own budget per call) and returns how many it asked the engine for,
 *   or 0 when training cannot go on (stopped, no experiment, an error)
 * @property {() => number} epochStepsLeft  the updates left until the current epoch is complete
 * @property {() => void} render  draws the experiment as it is now
 * @property {() => void} paused  called when playing stopped by itself at the armed epoch,
 *   before the drawing that shows it
 */

/**
 * @typedef {object} Player
 * @property {() => void} play    starts the loop (no effect while playing)
 * @property {() => void} pause   stops it, and any Step or Epoch left unfinished, before the
 *   next frame
 * @property {() => boolean} playing
 * @property {() => void} step    takes one update (after those of earlier presses), then draws
 * @property {() => void} epoch   trains one more epoch (after those of earlier presses), in
 *   frames of at most the budget, then draws
 * @property {() => void} restart  forgets what it learned of the experiment (the chunk size):
 *   call it when the experiment starts over, before training the new one
 * @property {(epochsPerSecond: number) => void} setSpeed  a pace in epochs per second, or
 *   `Infinity` to train as fast as the frame budget allows
 * @property {(epochs: number) => void} pauseAfter  arms a pause: playing stops by itself once
 *   `epochs` more epochs are complete (Step and Epoch count towards them but do not stop); 0
 *   or less disarms it. It pauses once: playing on after it goes past.
 */

/**
 * A loop that trains through `trainer` and draws with `trainer.render()`; it stops when
 * `train` returns 0.
 * @param {Trainer} trainer
 * @returns {Player}
 */
export function createPlayer({ train, epochStepsLeft, render, paused }) {
  let playing = false;
  /** What Step and Epoch were asked for and have not finished, in the order of the presses. */
  /** @type {Array<'update' | 'epoch'>} */
  let queue = [];
  let chunk = 1;
  let pending = 0;
  let pace = Infinity;
  /** Epochs owed at a set pace, and when they were last counted. */
  let owed = 0;
  let last = 0;
  /** Epoch ends left before playing stops by itself (0: no pause armed). */
  let untilPause = 0;
  /** Whether the armed epoch was just reached while playing. */
  let reached = false;
  /** Whether the page came back from hidden since the last frame: its time away is not owed. */
  let back = false;
  /** What the last drawing cost, and when it started. */
  let renderCost = 0;
  let renderedAt = -Infinity;

  const paint = (/** @type {number} */ now) => {
    if (now - renderedAt < renderCost / RENDER_SHARE) return;
    renderedAt = performance.now();
    render();
    renderCost = performance.now() - renderedAt;
  };

  /**
   * One chunk of at most `most` updates, ending at the epoch's end while a pause is armed;
   * sizes the next chunk from how long this one took, and counts an epoch end towards the pause.
   * @param {number} most
   * @returns {{taken: number, ended: boolean}} the updates asked for (0 when training cannot go
   *   on), and whether the chunk completed the epoch under way
   */
  const trainChunk = (most) => {
    const left = epochStepsLeft();
    const before = performance.now();
    const taken = train(Math.min(chunk, most, untilPause > 0 ? left : Infinity));
    const spent = performance.now() - before;
    if (taken > 0) {
      const ideal = Math.floor((taken * CHUNK_TARGET_MS) / Math.max(spent, 1e-3));
      chunk = Math.max(1, Math.min(ideal, 2 * chunk, MAX_CHUNK));
    }
    const ended = taken >= left;
    if (ended && untilPause > 0) {
      untilPause -= 1;
      reached = untilPause === 0 && playing;
    }
    return { taken, ended };
  };

  /**
   * Trains until the budget from `start` is spent, or the armed epoch is reached.
   * @param {number} start
   * @returns {boolean} whether training can go on
   */
  const fullSpeed = (start) => {
    while (!reached && performance.now() - start < FRAME_BUDGET_MS) {
      if (trainChunk(MAX_CHUNK).taken === 0) return false;
    }
    return true;
  };

  /**
   * Trains toward the end of `epochs` more epochs until the budget from `start` is spent, or
   * the armed epoch is reached.
   * @param {number} epochs
   * @param {number} start
   * @returns {{more: boolean, done: number}} whether training can go on, and the epochs completed
   */
  const trainEpochs = (epochs, start) => {
    let done = 0;
    while (done < epochs && !reached && performance.now() - start < FRAME_BUDGET_MS) {
      const { taken, ended } = trainChunk(epochStepsLeft());
      if (taken === 0) return { more: false, done };
      if (ended) done += 1;
    }
    return { more: true, done };
  };

  /**
   * At a set pace: the epochs owed since the last frame (a partly trained one goes on).
   * @param {number} now
   * @param {number} start
   */
  const paced = (now, start) => {
    const elapsed = back ? 0 : Math.min(Math.max(0, now - last), MAX_CATCH_UP_MS);
    owed = Math.min(owed + (pace * elapsed) / 1000, 1 + (pace * MAX_CATCH_UP_MS) / 1000);
    last = now;
    if (owed < 1) return true;
    const { more, done } = trainEpochs(Math.floor(owed), start);
    owed -= done;
    return more;
  };

  /**
   * The updates and epochs Step and Epoch asked for, in order, within this frame's budget.
   * @param {number} start
   * @returns {boolean} whether training can go on
   */
  const stepping = (start) => {
    while (queue.length > 0 && performance.now() - start < FRAME_BUDGET_MS) {
      if (queue[0] === 'update') {
        if (trainChunk(1).taken === 0) return false;
        queue.shift();
      } else {
        const { more, done } = trainEpochs(1, start);
        if (!more) return false;
        if (done > 0) queue.shift();
      }
    }
    return true;
  };

  /** One frame's training, then a drawing or the next frame. */
  const work = (/** @type {number} */ now) => {
    pending = 0;
    if (!playing && queue.length === 0) return;
    const start = performance.now();
    let more;
    if (!playing) more = stepping(start);
    else more = Number.isFinite(pace) ? paced(now, start) : fullSpeed(start);
    back = false;
    if (!more) {
      playing = false;
      queue = [];
    }
    if (reached) {
      reached = false;
      playing = false;
      paused();
    }
    if (playing || queue.length > 0) {
      paint(now);
      pending = requestAnimationFrame(work);
    } else {
      render();
    }
  };

  // Frames stop while the page is hidden (and a frame or two may still run after it hid): the
  // first frame after it shows again owes nothing for the time away.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    back = true;
    last = performance.now();
  });

  const stop = () => {
    playing = false;
    queue = [];
    reached = false;
    cancelAnimationFrame(pending);
    pending = 0;
  };

  /** Adds a press of Step or Epoch to the queue and starts on it at once, within the budget. */
  const press = (/** @type {'update' | 'epoch'} */ kind) => {
    if (playing) return;
    queue.push(kind);
    if (pending === 0) work(performance.now());
  };

  return {
    play() {
      if (playing) return;
      stop();
      playing = true;
      // The first paced frame trains one epoch at once, as a press of Epoch would.
      owed = 1;
      last = performance.now();
      pending = requestAnimationFrame(work);
    },
    pause() {
      const was = playing || queue.length > 0;
      stop();
      // Frames may have trained without drawing: show where training stopped.
      if (was) render();
    },
    playing: () => playing,
    step: () => press('update'),
    epoch: () => press('epoch'),
    restart() {
      stop();
      chunk = 1;
    },
    setSpeed(epochsPerSecond) {
      pace = epochsPerSecond > 0 ? epochsPerSecond : Infinity;
      owed = 0;
      last = performance.now();
    },
    pauseAfter(epochs) {
      untilPause = Math.max(0, Math.floor(epochs));
      reached = false;
    },
  };
}
