// The digits lab's play loop, for training that runs in a worker: at most one `train` request
// is in flight, each sized from the time per update measured so far so the worker answers in
// about TARGET_MS; at each epoch's end the loop waits for the page's measurements (metrics,
// views) before it trains on. Plays at full speed or at a pace in epochs per second, stops by
// itself at the end of an armed epoch (a lesson's moment), and runs Step (one update) and
// Epoch presses in order. The worker's `train` never crosses an epoch's end, so the loop counts
// the ends exactly. While the tab is hidden, playing waits after the request in flight (as the
// plane's animation-frame loop does by itself) and goes on when the tab shows again.

/** The time one `train` request should take in the worker, in milliseconds. */
const TARGET_MS = 30;
/** The most updates one request asks for. */
const MAX_CHUNK = 1024;
/** At a set pace, the most epochs one gap may owe (a hidden tab brings no burst). */
const MAX_OWED = 2;

/**
 * What a `train` request answers (worker.js).
 * @typedef {object} Trained
 * @property {number} step
 * @property {number} epoch
 * @property {number} batchLoss
 * @property {boolean} epochEnded
 * @property {boolean} stopped
 */

/**
 * What the player asks of the page.
 * @typedef {object} Trainer
 * @property {(steps: number) => Promise<Trained | null>} train  asks the worker for up to
 *   `steps` updates; null when training cannot go on (an error, or the experiment changed)
 * @property {(trained: Trained) => Promise<void>} epochEnded  measures at an epoch's end
 * @property {() => Promise<void>} settled  measures once the loop stopped (pause, presses done)
 * @property {() => void} paused  playing stopped by itself at the armed epoch
 * @property {() => void} stopped  playing stopped because training cannot go on
 */

/**
 * @typedef {object} Player
 * @property {() => void} play
 * @property {() => void} pause  stops after the request in flight
 * @property {() => boolean} playing
 * @property {() => void} step   one update, after earlier presses
 * @property {() => void} epoch  the rest of the current epoch, after earlier presses
 * @property {() => void} restart  stops and forgets the chunk size (a new experiment)
 * @property {(epochsPerSecond: number) => void} setSpeed  `Infinity` for full speed
 * @property {(epochs: number) => void} pauseAfter  playing stops once `epochs` more epochs
 *   are complete; 0 or less disarms it
 */

/**
 * A play loop over `trainer`.
 * @param {Trainer} trainer
 * @returns {Player}
 */
export function createDigitsPlayer(trainer) {
  let playing = false;
  /** @type {Array<'update' | 'epoch'>} */
  let queue = [];
  /** The experiment whose loop is running (one at a time), or -1. */
  let running = -1;
  /** Bumped by restart: a loop of an older experiment stops at its next await. */
  let generation = 0;
  let msPerStep = Number.NaN;
  let chunk = 1;
  /** The update count the last answer gave (NaN before one, in this experiment). */
  let lastStep = Number.NaN;
  let pace = Infinity;
  let owed = 0;
  let last = 0;
  let untilPause = 0;

  const sized = () => (Number.isFinite(msPerStep)
    ? Math.max(1, Math.min(MAX_CHUNK, 2 * chunk, Math.floor(TARGET_MS / Math.max(msPerStep, 1e-3))))
    : 1);

  /**
   * One request of up to `steps` updates, timed; null when training cannot go on.
   * @param {number} steps
   */
  const request = async (steps) => {
    const before = performance.now();
    const trained = await trainer.train(steps);
    if (!trained) return null;
    // The worker stops at an epoch's end, so it may take fewer than asked.
    const taken = Number.isFinite(lastStep) ? trained.step - lastStep : steps;
    lastStep = trained.step;
    if (taken > 0) msPerStep = (performance.now() - before) / taken;
    chunk = sized();
    return trained;
  };

  /** Resolves at the next animation frame (or soon, in a hidden tab). */
  const nextFrame = () => new Promise((resolve) => {
    if (document.visibilityState === 'visible') requestAnimationFrame(resolve);
    else setTimeout(resolve, 100);
  });

  /** Ends the wait for the tab to show: a press or a restart does not wait for it. */
  let wake = () => {};

  /** Resolves once the tab shows again, or at `wake()`. */
  const shown = () => new Promise((resolve) => {
    const done = () => {
      document.removeEventListener('visibilitychange', changed);
      wake = () => {};
      resolve(undefined);
    };
    const changed = () => {
      if (!document.hidden) done();
    };
    document.addEventListener('visibilitychange', changed);
    wake = done;
  });

  /** What to do next: an update, the rest of an epoch, or nothing for now (a paced wait). */
  const next = () => {
    if (!playing) return queue.length > 0 ? 1 : 0;
    if (!Number.isFinite(pace)) return chunk;
    const now = performance.now();
    owed = Math.min(owed + (pace * (now - last)) / 1000, MAX_OWED);
    last = now;
    return owed >= 1 ? chunk : -1;
  };

  const run = async () => {
    if (running === generation) return;
    const mine = generation;
    running = mine;
    let trainedAny = false;
    while (mine === generation && (playing || queue.length > 0)) {
      if (playing && document.hidden) {
        await shown();
        // The hidden time is not owed at a set pace.
        last = performance.now();
        continue;
      }
      const steps = next();
      if (steps < 0) {
        await nextFrame();
        continue;
      }
      const pressed = playing ? null : queue[0];
      const trained = await request(pressed === 'update' ? 1 : steps);
      if (mine !== generation) break;
      if (!trained) {
        playing = false;
        queue = [];
        trainer.stopped();
        break;
      }
      trainedAny = true;
      if (pressed === 'update' || (pressed === 'epoch' && trained.epochEnded)) queue.shift();
      if (trained.epochEnded) {
        if (playing && Number.isFinite(pace)) owed = Math.max(0, owed - 1);
        await trainer.epochEnded(trained);
        if (mine !== generation) break;
        if (untilPause > 0) {
          untilPause -= 1;
          if (untilPause === 0 && playing) {
            playing = false;
            queue = [];
            trainer.paused();
          }
        }
      }
      if (trained.stopped) {
        playing = false;
        queue = [];
        trainer.stopped();
      }
    }
    if (running === mine) running = -1;
    if (mine === generation && trainedAny) await trainer.settled();
    // A press or Play that came while the last measurement ran starts the loop again.
    if (mine === generation && (playing || queue.length > 0)) run();
  };

  return {
    play() {
      if (playing) return;
      queue = [];
      playing = true;
      // The first paced epoch starts at once, as a press of Epoch would.
      owed = 1;
      last = performance.now();
      run();
    },
    pause() {
      playing = false;
      queue = [];
      wake();
    },
    playing: () => playing,
    step() {
      if (playing) return;
      queue.push('update');
      wake();
      run();
    },
    epoch() {
      if (playing) return;
      queue.push('epoch');
      wake();
      run();
    },
    restart() {
      playing = false;
      queue = [];
      generation += 1;
      wake();
      msPerStep = Number.NaN;
      lastStep = Number.NaN;
      chunk = 1;
    },
    setSpeed(epochsPerSecond) {
      pace = epochsPerSecond > 0 ? epochsPerSecond : Infinity;
      owed = 0;
      last = performance.now();
    },
    pauseAfter(epochs) {
      untilPause = Math.max(0, Math.floor(epochs));
    },
  };
}
