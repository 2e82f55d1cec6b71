// The page's entry point and the only owner of mutable state: loads the wasm module, opens the
// experiment in the address bar, wires the buttons to the player and redraws after changes.

import init, { gridExtent, palette } from './pkg/playground_wasm.js';
import { clearLossHistory, createLossHistory, drawLossChart, recordLoss } from './chart.js';
import {
  bindControls, findControls, showError, showMetrics, showPlaying, showStatus,
} from './controls.js';
import { createHeatmap } from './heatmap.js';
import { openLink, writeLink } from './link.js';
import { createPlayer } from './player.js';

/** @typedef {import('./pkg/playground_wasm.js').Playground} Playground */

/**
 * The most pixels per side of the predicted regions, which are scaled up onto the canvas. Large
 * networks get fewer, so drawing costs at most a quarter of one call's work budget.
 */
const HEATMAP_SIZE = 100;

const controls = findControls(document);

try {
  await init();
  start();
} catch (error) {
  showError(controls, `The playground could not start: ${messageOf(error)}`);
}

/** Opens the experiment in the address bar and wires up the page. */
function start() {
  const heatmap = createHeatmap(controls.heatmap);
  const plane = { extent: gridExtent(), palette: palette() };
  const state = {
    /** @type {Playground | null} */
    playground: null,
    /** @type {Float32Array} */
    points: new Float32Array(),
    losses: createLossHistory(),
  };

  const render = () => {
    const { playground } = state;
    if (!playground) return;
    const metrics = playground.metrics();
    recordLoss(state.losses, metrics.step, metrics.trainLoss, metrics.testLoss);
    const size = Math.min(HEATMAP_SIZE, Math.floor(Math.sqrt(playground.maxGridPixels / 4)));
    heatmap.draw({
      rgba: playground.heatmapRgba(size, size, playground.discretize),
      size,
      points: state.points,
      showTest: playground.showTestData,
      regression: playground.classCount === undefined,
      ...plane,
    });
    drawLossChart(controls.lossChart, state.losses);
    showMetrics(controls, metrics);
    showStatus(controls, metrics.stop?.message ?? null);
    if (metrics.stop) setPlaying(false);
  };

  const train = (/** @type {number} */ steps) => {
    const { playground } = state;
    if (!playground) return false;
    playground.trainSteps(Math.min(steps, playground.maxSteps));
    return true;
  };

  /**
   * Wraps `action` so that an error it throws stops training and shows in the banner instead
   * of escaping; the wrapper then returns `fallback`.
   * @template {unknown[]} A
   * @template R
   * @param {(...args: A) => R} action
   * @param {R} [fallback]
   * @returns {(...args: A) => R | undefined}
   */
  function guarded(action, fallback) {
    return (...args) => {
      try {
        return action(...args);
      } catch (error) {
        setPlaying(false);
        showError(controls, messageOf(error));
        return fallback;
      }
    };
  }

  const player = createPlayer({ train: guarded(train, false), render: guarded(render) });

  /** @param {boolean} on */
  function setPlaying(on) {
    if (on) player.play();
    else player.pause();
    showPlaying(controls, on);
  }

  /** Replaces the experiment with the one in `link` (bad settings fall back to defaults). */
  function open(/** @type {string} */ link) {
    setPlaying(false);
    const { playground, problems } = openLink(link);
    state.playground?.free();
    state.playground = playground;
    state.points = playground.points();
    clearLossHistory(state.losses);
    writeLink(playground.query());
    showError(controls, problems.length === 0 ? null : [
      'Some settings in this link could not be used, so their defaults apply:',
      ...problems,
    ].join('\n'));
    render();
  }

  /** Starts over after `change` alters the playground, and puts its link in the address bar. */
  function restart(/** @type {(playground: Playground) => void} */ change) {
    const { playground } = state;
    if (!playground) return;
    setPlaying(false);
    change(playground);
    clearLossHistory(state.losses);
    writeLink(playground.query());
    render();
  }

  bindControls(controls, {
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: guarded(() => {
      setPlaying(false);
      state.playground?.trainEpochs(1);
      render();
    }),
    reset: guarded(() => restart((playground) => playground.reset())),
    newWeights: guarded(() => restart((playground) => playground.newWeights())),
  });
  window.addEventListener('hashchange', guarded(() => open(window.location.hash.slice(1))));
  window.addEventListener('resize', guarded(render));
  guarded(() => open(window.location.hash.slice(1)))();
}

/**
 * The message of something thrown.
 * @param {unknown} error
 * @returns {string}
 */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
