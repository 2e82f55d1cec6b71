// The page's entry point and the only owner of the plane lab's mutable state: loads the wasm
// module, opens the experiment in the address bar, and hands every view an `App` to read and
// change it through. A link of another lab (`lab=digits`) loads that lab's modules instead.

import './shared/strings.js';
import init, { gridExtent, onPanic, palette } from './pkg/playground_wasm.js';
import { createChartsView } from './shared/charts.js';
import {
  bindControls, findControls, paceOf, showError, showMetrics, showPlaying, showStatus,
} from './shared/controls.js';
import { hasCrashed, recordPanic, showCrash, watchForCrashes } from './shared/crash.js';
import { createFormView } from './shared/form.js';
import { createDataView } from './plane/data.js';
import { createHeatmap } from './plane/heatmap.js';
import { language, messageOf, setLanguage, t, translate } from './shared/i18n.js';
import { arrivedToPlay, bindLabSwitcher, labOf } from './shared/labs.js';
import { openLink, writeLink } from './shared/link.js';
import { createPlayer } from './shared/player.js';
import { createSampler } from './shared/sampler.js';
import { bindShare } from './shared/share.js';

/** @typedef {import('./shared/types.js').Playground} Playground */

/**
 * What a view is told after every frame and every change.
 * @typedef {object} Frame
 * @property {Playground} playground the experiment (read it; change it only through `App`)
 * @property {import('./shared/types.js').Metrics} metrics `playground.metrics()` of this frame
 */

/**
 * A part of the page that draws the experiment.
 * @typedef {object} View
 * @property {(frame: Frame) => void} update called after every frame of training and every change
 * @property {() => void} [restart]         called when the experiment starts over
 * @property {() => void} [later]           called once, right after the page is interactive,
 *   to build what the first frame does without
 */

/**
 * How views read and change the experiment. Only main.js holds state; views call these.
 * @typedef {object} App
 * @property {() => Playground | null} playground the current experiment
 * @property {(changes: Record<string, string | number | boolean> | string) => void} change
 *   changes settings (an object of link keys, or query text): training-only settings apply
 *   live, others start over; the link and every view follow
 * @property {(link: string) => void} open opens a whole link (bad settings fall back to defaults)
 * @property {(on: boolean) => void} setPlaying starts or stops training
 * @property {() => void} redraw redraws every view now
 * @property {(message: string | null) => void} showError shows a message in the error banner
 */

/**
 * The most pixels per side of the predicted regions, which are scaled up onto the canvas. Large
 * networks get fewer, so drawing costs at most a quarter of one call's work budget.
 */
const HEATMAP_SIZE = 100;

const controls = findControls(document);
const lab = labOf(window.location.hash.slice(1));

try {
  bindLabSwitcher(document, lab);
  // The wasm module reads links and the settings table in every lab; only the plane trains in it.
  await init();
  onPanic(recordPanic);
  watchForCrashes();
  if (lab === 'digits') {
    const digits = await import('./labs/digits/main.js');
    await digits.startDigits(controls);
  } else if (lab === 'sequence') {
    const sequence = await import('./labs/sequence/main.js');
    await sequence.startSequence(controls);
  } else if (lab === 'words') {
    const words = await import('./labs/words/main.js');
    await words.startWords(controls);
  } else if (lab === 'attention') {
    const attention = await import('./labs/attention/main.js');
    await attention.startAttention(controls);
  } else {
    start();
  }
} catch (error) {
  showError(controls, t('app.startFailed', { message: messageOf(error) }));
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
    /** The link's `pauseAt` armed last, and the epoch playing stopped at by itself (0: none). */
    pauseAt: 0,
    pausedAt: 0,
  };

  const sampler = createSampler();

  /** @type {App} */
  const app = {
    playground: () => state.playground,
    change: (changes) => guarded(change)(changes),
    open: (link) => guarded(open)(link),
    setPlaying,
    redraw: () => guarded(render)(),
    showError: (message) => showError(controls, message),
  };

  /** @type {View[]} */
  const views = [
    {
      update({ playground, metrics }) {
        const size = Math.min(HEATMAP_SIZE, Math.floor(Math.sqrt(playground.maxGridPixels / 4)));
        heatmap.draw({
          rgba: playground.heatmapRgba(size, size, playground.discretize),
          size,
          points: state.points,
          showTest: playground.showTestData,
          regression: playground.classCount === undefined,
          ...plane,
        });
        showMetrics(controls, metrics);
      },
    },
    createChartsView(app, /** @type {HTMLElement} */ (document.getElementById('charts-panel')), sampler),
    createFormView(app, document),
  ];

  /**
   * Builds, right after the page is interactive, what the first frame does without: the
   * views' later parts (the form's fields below the first screen) and adding points on the
   * heatmap.
   */
  function addLaterViews() {
    for (const view of views) view.later?.();
    addViews([createDataView(app, controls.heatmap)]);
  }

  /**
   * Builds the network picture and the lessons once their modules have loaded: index.html
   * does not preload them, so the first screen waits for fewer requests.
   * @param {ImportedViews} modules
   */
  function addImportedViews([network, lessons, content]) {
    const lessonsPanel = /** @type {HTMLElement} */ (document.getElementById('lessons-panel'));
    addViews([
      network.createNetworkView(app, /** @type {HTMLElement} */ (document.getElementById('network-panel'))),
      lessons.createLessonsView(app, lessonsPanel, content.LESSONS),
    ]);
  }

  /**
   * Adds views and shows them the experiment as it is now.
   * @param {View[]} later
   */
  function addViews(later) {
    views.push(...later);
    translate(document);
    const { playground } = state;
    if (!playground) return;
    const metrics = sampler.metrics(playground);
    for (const view of later) {
      view.restart?.();
      view.update({ playground, metrics });
    }
  }

  /** Tells every view about the experiment now. */
  function render() {
    const { playground } = state;
    if (!playground) return;
    const metrics = sampler.metrics(playground);
    for (const view of views) view.update({ playground, metrics });
    const paused = state.pausedAt > 0 ? t('status.pausedAt', { epoch: state.pausedAt }) : null;
    showStatus(controls, metrics.stop?.message ?? paused);
    if (metrics.stop) setPlaying(false);
  }

  /**
   * Takes up to `steps` updates, at most one call's budget (`maxSteps`); returns how many were
   * asked for, or 0 once training has stopped.
   * @param {number} steps
   */
  const train = (steps) => {
    const { playground } = state;
    if (!playground || playground.stopped) return 0;
    const taken = Math.min(steps, playground.maxSteps);
    sampler.train(playground, taken);
    return playground.stopped ? 0 : taken;
  };

  /**
   * Wraps `action` so that an error it throws stops training and shows in the banner instead
   * of escaping (a crash of the wasm module shows the crash overlay, and nothing calls the
   * module again); the wrapper then returns `fallback`.
   * @template {unknown[]} A
   * @template R
   * @param {(...args: A) => R} action
   * @param {R} [fallback]
   * @returns {(...args: A) => R | undefined}
   */
  function guarded(action, fallback) {
    return (...args) => {
      if (hasCrashed()) return fallback;
      try {
        return action(...args);
      } catch (error) {
        setPlaying(false);
        if (!showCrash(error)) showError(controls, messageOf(error));
        return fallback;
      }
    };
  }

  const guardedTrain = guarded(train, 0);
  const stepsLeft = guarded(() => state.playground?.epochStepsLeft ?? 0, 0);
  const player = createPlayer({
    train: (steps) => guardedTrain(steps) ?? 0,
    epochStepsLeft: () => stepsLeft() ?? 0,
    render: guarded(render),
    paused: () => {
      state.pausedAt = state.pauseAt;
      showPlaying(controls, false);
    },
  });

  /** @param {boolean} on */
  function setPlaying(on) {
    if (on) {
      state.pausedAt = 0;
      player.play();
    } else {
      player.pause();
    }
    showPlaying(controls, on);
  }

  /** Tells every view the experiment started over, then redraws. */
  function restarted() {
    const { playground } = state;
    if (!playground) return;
    player.restart();
    state.points = playground.points();
    state.pausedAt = 0;
    for (const view of views) view.restart?.();
    showSettings(playground, 0);
    render();
  }

  /**
   * Puts the settings the page itself applies in force: the link, the language, the speed and
   * the pause at the link's epoch (armed again when the experiment starts over, `epoch` 0, or
   * when `pauseAt` changed).
   * @param {Playground} playground
   * @param {number} [epoch] the epochs complete, when the experiment just started over
   */
  function showSettings(playground, epoch) {
    writeLink(playground.query());
    const values = playground.values();
    setLanguage(values.lang);
    controls.speed.value = values.speed;
    player.setSpeed(paceOf(values.speed));
    const pauseAt = Number(values.pauseAt ?? 0);
    if (epoch === undefined && pauseAt === state.pauseAt) return;
    state.pauseAt = pauseAt;
    player.pauseAfter(pauseAt > 0 ? pauseAt - (epoch ?? playground.metrics().epoch) : 0);
  }

  /** Replaces the experiment with the one in `link` (bad settings fall back to defaults). */
  function open(/** @type {string} */ link) {
    setPlaying(false);
    const { playground, problems } = openLink(link);
    state.playground?.free();
    state.playground = playground;
    restarted();
    const said = problems.map((problem) => (language() === 'zh' ? problem.zh : problem.en));
    showError(controls, said.length === 0 ? null : [t('banner.badLink'), ...said].join('\n'));
  }

  /** Starts over after `action` alters the playground. */
  function restart(/** @type {(playground: Playground) => void} */ action) {
    const { playground } = state;
    if (!playground) return;
    setPlaying(false);
    action(playground);
    restarted();
  }

  /**
   * Changes settings; starts over only when the engine rebuilt the experiment (its step count
   * went back to zero), so a new learning rate never interrupts training. At step 0 a change
   * may have rebuilt the data, so the views start over too (which costs nothing there).
   * @param {Record<string, string | number | boolean> | string} changes
   */
  function change(changes) {
    const { playground } = state;
    if (!playground) return;
    const before = playground.metrics().step;
    playground.setSettings(changes);
    showError(controls, null);
    if (playground.metrics().step === 0) {
      if (before > 0) setPlaying(false);
      restarted();
    } else {
      showSettings(playground);
      render();
    }
  }

  bindControls(controls, {
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    // One update (one batch: forward, backward, update), then a drawing.
    step: guarded(() => {
      if (player.playing()) setPlaying(false);
      player.step();
    }),
    // One epoch, spread over frames when it costs more than a frame's budget (a press while
    // one is still training adds another).
    epoch: guarded(() => {
      if (player.playing()) setPlaying(false);
      player.epoch();
    }),
    reset: guarded(() => restart((playground) => playground.reset())),
    newWeights: guarded(() => restart((playground) => playground.newWeights())),
    speed: (value) => app.change({ speed: value }),
  });
  bindShare(controls);
  window.addEventListener('hashchange', () => {
    const link = window.location.hash.slice(1);
    if (labOf(link) === 'plane') app.open(link);
  });
  window.addEventListener('resize', app.redraw);
  const arrival = window.location.hash.slice(1);
  app.open(arrival);
  if (arrivedToPlay(arrival)) setPlaying(true);
  performance.mark('interactive'); // heatmap and metrics drawn, buttons live (cargo xtask bench)
  setTimeout(() => {
    guarded(addLaterViews)();
    importViews().then(guarded(addImportedViews), (error) => {
      showError(controls, t('app.laterFailed', { message: messageOf(error) }));
    });
  });
}

/**
 * The modules of the views built once they have loaded, after the page is interactive.
 * @typedef {[typeof import('./plane/network.js'), typeof import('./shared/lessons.js'),
 *   typeof import('./plane/lessons-content.js')]} ImportedViews
 */

/**
 * Fetches the modules of the network picture and the lessons with their texts.
 * @returns {Promise<ImportedViews>}
 */
function importViews() {
  return Promise.all([
    import('./plane/network.js'), import('./shared/lessons.js'), import('./plane/lessons-content.js'),
  ]);
}
