// The page controller of a lab that trains in a worker (digits, sequence, words, attention): the
// only owner of the page's mutable state. It opens the link of the address bar in the worker, plays it with
// web/labs/digits/player.js's loop, asks for the metrics at each epoch's end (and the views when
// they are due), and wires the shared toolbar, charts, form, lessons and share button to it.
// What differs between labs (how to open, what the views are given) comes in through `LabSpec`.

import { createChartsView } from './charts.js';
import {
  bindControls, formatCount, paceOf, showError, showMetrics, showPlaying, showStatus,
} from './controls.js';
import { hasCrashed, showCrash } from './crash.js';
import { createFormView } from './form.js';
import { language, messageOf, setLanguage, t, translate } from './i18n.js';
import { arrivedToPlay, labOf } from './labs.js';
import { createLessonsView } from './lessons.js';
import { readLink, writeLink } from './link.js';
import { bindShare } from './share.js';
import { createDigitsPlayer } from '../labs/digits/player.js';

/** @typedef {import('./controls.js').Controls} Controls */
/** @typedef {import('../labs/digits/player.js').Trained} Trained */
/** @typedef {import('./types.js').Metrics} Metrics */

/**
 * At full speed, the most of the time the measurements (the metrics and the views' questions,
 * a few evaluations of the test set) may take: past it the views skip epochs, and come again at
 * the next pause.
 */
const VIEWS_SHARE = 0.25;

/**
 * What a lab tells the controller.
 * @typedef {object} LabSpec
 * @property {'digits' | 'sequence' | 'words' | 'attention'} lab the link's `lab`
 * @property {import('./worker-client.js').WorkerClient} client the lab's worker
 * @property {{query: () => string, values: () => Record<string, any>, playground: any,
 *   rebuilds: (link: string) => boolean, follow: (link: string) => void}} experiment
 *   the experiment as the shared views read it
 * @property {import('./form.js').FormLayout} layout the form's layout
 * @property {import('../plane/lessons-content.js').Lesson[]} lessons
 * @property {(ctx: {onError: (error: unknown) => void, link: () => string,
 *   change: (changes: Record<string, string>) => void}) =>
 *   {update: (answer: any, drawn?: () => void) => void}} mountViews mounts the lab's views
 *   (`change` changes settings as the form does)
 * @property {(query: string) => Promise<{link: string}>} open opens `query` in the worker
 * @property {(answer: any) => void} [rebuilt] hears the worker's answer to a change that rebuilt
 * @property {() => void} [restarted] the experiment started over (histories are cleared)
 * @property {(trained: any) => void} [trained] hears each `train` answer
 * @property {(metrics: any) => void} [measured] hears each epoch's metrics
 * @property {(metrics: any) => Promise<unknown>} views what the lab's views are given
 * @property {(metrics: any) => string | null} [status] the status line when training neither
 *   stopped nor paused (e.g. that it finished)
 * @property {(page: PageHooks) => void} [extras] wires the lab's own controls (e.g. weights
 *   files) once the page is built
 */

/**
 * What a lab's own controls may ask of the page.
 * @typedef {object} PageHooks
 * @property {() => Promise<void>} ready settles once the latest open, reset or rebuild is done
 * @property {() => number} generation bumped whenever the experiment starts over
 * @property {() => Promise<void>} measure shows the metrics and views of the worker's network
 * @property {(error: unknown) => void} fail shows what went wrong
 */

/**
 * Starts a worker lab's page in `controls`' toolbar and opens the link in the address bar.
 * @param {Controls} controls
 * @param {LabSpec} spec
 */
export async function startWorkerLab(controls, spec) {
  const { client, experiment } = spec;
  /** The body's data key that says which update the views show once all have drawn. */
  const drawnKey = `${spec.lab}Views`;
  const state = {
    /** Bumped whenever the experiment starts over: answers about an older one are dropped. */
    generation: 0,
    /** Settles once the latest open, reset or rebuild is done. */
    ready: Promise.resolve(),
    step: 0,
    epoch: 0,
    /** The update the current epoch started at, and the updates of the last whole epoch. */
    epochStart: 0,
    epochLength: 0,
    /** @type {Metrics | null} */
    metrics: null,
    /** The update the latest views are of, what they cost and when they were asked. */
    viewsStep: -1,
    viewsCost: 0,
    viewsAt: -Infinity,
    pauseAt: 0,
    pausedAt: 0,
    /** Bumped by every Play or Pause: a Play waiting for an open is dropped by a later press. */
    presses: 0,
  };

  /** @type {import('../main.js').App} */
  const app = {
    playground: () => (experiment.query() === '' ? null : experiment.playground),
    change: (changes) => { change(changes); },
    open: (link) => {
      if (labOf(link) === spec.lab) {
        state.ready = open(link);
        return;
      }
      // A link of another lab (a lesson's preset) loads that lab's page; nothing plays meanwhile.
      state.ready = new Promise(() => {});
      window.location.hash = link;
    },
    setPlaying,
    redraw: () => render(),
    showError: (message) => showError(controls, message),
  };

  /** Shows what went wrong; a crash of the worker's module shows the crash overlay. */
  const fail = (/** @type {unknown} */ error) => {
    setPlaying(false);
    const crashed = error instanceof Error && /** @type {{crashed?: boolean}} */ (error).crashed;
    const trap = crashed ? new WebAssembly.RuntimeError(error.message) : error;
    if (!showCrash(trap)) showError(controls, messageOf(error));
  };

  /**
   * The charts' samples: the metrics after each epoch, placed in epochs (a Step's update
   * within its epoch, once an epoch's length is known).
   */
  const sampler = /** @type {import('./sampler.js').Sampler} */ (/** @type {unknown} */ ({
    listen() {},
    epochOf: (/** @type {unknown} */ _playground, /** @type {{step: number, epoch: number}} */ metrics) => {
      const into = state.epochLength > 0 ? (metrics.step - state.epochStart) / state.epochLength : 0;
      return metrics.epoch + Math.min(Math.max(into, 0), 0.999);
    },
  }));
  const chartsPanel = /** @type {HTMLElement} */ (document.getElementById('charts-panel'));
  const lessonsPanel = /** @type {HTMLElement} */ (document.getElementById('lessons-panel'));
  const views = [
    createChartsView(app, chartsPanel, sampler),
    createFormView(app, document, spec.layout),
    createLessonsView(app, lessonsPanel, spec.lessons),
  ];
  const labViews = spec.mountViews({
    onError: fail, link: () => experiment.query(), change: (changes) => app.change(changes),
  });
  spec.extras?.({
    ready: () => state.ready, generation: () => state.generation, measure: () => measure(true), fail,
  });
  translate(document);

  /** Shows the latest metrics, the counters and the status in every view. */
  function render() {
    const { metrics } = state;
    if (!metrics || experiment.query() === '') return;
    showMetrics(controls, metrics);
    showCounts();
    for (const view of views) view.update({ playground: experiment.playground, metrics });
    const paused = state.pausedAt > 0 ? t('status.pausedAt', { epoch: state.pausedAt }) : null;
    showStatus(controls, metrics.stop?.message ?? paused ?? spec.status?.(metrics) ?? null);
  }

  const showCounts = () => {
    controls.stepCount.textContent = formatCount(state.step);
    controls.epochCount.textContent = formatCount(state.epoch);
  };

  /**
   * Asks for the metrics (and the views when `withViews`) and shows them, unless the
   * experiment started over meanwhile.
   * @param {boolean} withViews
   */
  async function measure(withViews) {
    const mine = state.generation;
    try {
      const before = performance.now();
      const metrics = await client.request('metrics');
      if (mine !== state.generation) return;
      state.metrics = metrics;
      spec.measured?.(metrics);
      render();
      if (!withViews) return;
      state.viewsAt = before;
      const answer = await spec.views(metrics);
      if (mine !== state.generation) return;
      state.viewsCost = performance.now() - before;
      state.viewsStep = metrics.step;
      // The page says which update its views show once all have drawn (tests wait for it).
      labViews.update(answer, () => { document.body.dataset[drawnKey] = String(metrics.step); });
    } catch (error) {
      if (mine === state.generation) fail(error);
    }
  }

  /** Whether the views are due at an epoch's end: always at a set pace, within a share at full speed. */
  const viewsDue = () => Number.isFinite(paceOf(experiment.values().speed))
    || performance.now() - state.viewsAt >= state.viewsCost / VIEWS_SHARE;

  const player = createDigitsPlayer({
    async train(steps) {
      const mine = state.generation;
      try {
        /** @type {Trained} */
        const trained = await client.request('train', { steps });
        if (mine !== state.generation) return null;
        spec.trained?.(trained);
        state.step = trained.step;
        state.epoch = trained.epoch;
        if (trained.epochEnded) {
          state.epochLength = trained.step - state.epochStart;
          state.epochStart = trained.step;
        }
        showCounts();
        return trained;
      } catch (error) {
        if (mine === state.generation) fail(error);
        return null;
      }
    },
    epochEnded: () => measure(viewsDue()),
    settled: () => (state.metrics?.step === state.step && state.viewsStep === state.step
      ? Promise.resolve()
      : measure(true)),
    paused() {
      state.pausedAt = state.pauseAt;
      showPlaying(controls, false);
      render();
    },
    stopped: () => showPlaying(controls, false),
  });

  /** @param {boolean} on */
  function setPlaying(on) {
    const press = ++state.presses;
    if (!on) {
      player.pause();
      showPlaying(controls, false);
      return;
    }
    state.ready.then(() => {
      if (press !== state.presses || hasCrashed()) return;
      state.pausedAt = 0;
      showStatus(controls, state.metrics?.stop?.message ?? null);
      player.play();
      showPlaying(controls, true);
    });
  }

  /** Stops playing and drops every answer about the experiment as it was. */
  const startOver = () => {
    setPlaying(false);
    player.restart();
    state.generation += 1;
  };

  /**
   * The experiment `link` started over: the settings in force, then fresh measurements.
   * @param {string} link
   */
  async function restarted(link) {
    experiment.follow(link);
    Object.assign(state, { step: 0, epoch: 0, epochStart: 0, epochLength: 0, pausedAt: 0, viewsStep: -1 });
    state.metrics = null;
    spec.restarted?.();
    delete document.body.dataset[drawnKey];
    for (const view of views) view.restart?.();
    showCounts();
    showSettings(0);
    await measure(true);
  }

  /**
   * Puts the settings the page applies itself in force: the link, the language, the speed and
   * the pause at the link's epoch (armed again when the experiment starts over, `epoch` 0, or
   * when `pauseAt` changed).
   * @param {number} [epoch]
   */
  function showSettings(epoch) {
    writeLink(experiment.query());
    const values = experiment.values();
    setLanguage(values.lang);
    controls.speed.value = values.speed;
    player.setSpeed(paceOf(values.speed));
    const pauseAt = Number(values.pauseAt ?? 0);
    if (epoch === undefined && pauseAt === state.pauseAt) return;
    state.pauseAt = pauseAt;
    player.pauseAfter(pauseAt > 0 ? pauseAt - (epoch ?? state.epoch) : 0);
  }

  /**
   * Opens the experiment of `link`: bad settings fall back to their defaults, and the banner
   * names them and what is allowed.
   * @param {string} link
   */
  async function open(link) {
    startOver();
    const { query, problems } = readLink(link);
    const said = problems.map((problem) => (language() === 'zh' ? problem.zh : problem.en));
    try {
      const opened = await spec.open(query);
      await restarted(opened.link);
      showError(controls, said.length === 0 ? null : [t('banner.badLink'), ...said].join('\n'));
    } catch (error) {
      fail(error);
    }
  }

  /**
   * Changes settings (an object of link keys, or query text): live settings keep training,
   * the others start over.
   * @param {Record<string, string | number | boolean> | string} changes
   */
  async function change(changes) {
    const link = typeof changes === 'string'
      ? changes
      : new URLSearchParams(Object.entries(changes).map(([key, value]) => [key, String(value)])).toString();
    await state.ready;
    if (experiment.rebuilds(link)) startOver();
    const mine = state.generation;
    try {
      const applied = await client.request('apply', { link });
      showError(controls, null);
      if (applied.rebuilt) {
        if (mine === state.generation) startOver();
        spec.rebuilt?.(applied);
        state.ready = restarted(applied.link);
        return;
      }
      experiment.follow(applied.link);
      showSettings();
      if (mine !== state.generation) {
        // Stopped for a change that turned out to keep the experiment: read where it is.
        const progress = await client.request('metrics');
        Object.assign(state, { step: progress.step, epoch: progress.epoch });
        await measure(true);
      }
      render();
    } catch (error) {
      fail(error);
    }
  }

  bindControls(controls, {
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    step: () => {
      if (player.playing()) setPlaying(false);
      state.ready.then(() => player.step());
    },
    epoch: () => {
      if (player.playing()) setPlaying(false);
      state.ready.then(() => player.epoch());
    },
    reset: () => {
      startOver();
      state.ready = client.request('reset').then((answer) => restarted(answer.link), fail);
    },
    newWeights: () => {},
    speed: (value) => app.change({ speed: value }),
  });
  bindShare(controls);
  window.addEventListener('hashchange', () => {
    const link = window.location.hash.slice(1);
    if (labOf(link) === spec.lab && link !== experiment.query()) app.open(link);
  });
  window.addEventListener('resize', () => render());
  const arrival = window.location.hash.slice(1);
  app.open(arrival);
  if (arrivedToPlay(arrival)) setPlaying(true);
  await state.ready;
}
