// The sequence lab's page, loaded by web/main.js when the link says lab=sequence, and the only
// owner of the lab's mutable state: opens the experiment of the address bar in the worker
// (client.js), keeps the histories the views draw (losses, each update's gradient norm, the
// per-step norms), and wires the shared toolbar, charts, form, lessons and share button and the
// lab's views to it. The worker trains; this module asks and draws what it answers.

import { createChartsView } from '../../shared/charts.js';
import {
  bindControls, formatCount, paceOf, showError, showMetrics, showPlaying, showStatus,
} from '../../shared/controls.js';
import { hasCrashed, showCrash } from '../../shared/crash.js';
import { createFormView } from '../../shared/form.js';
import { language, messageOf, setLanguage, t, translate } from '../../shared/i18n.js';
import { labOf } from '../../shared/labs.js';
import { createLessonsView } from '../../shared/lessons.js';
import { readLink, writeLink } from '../../shared/link.js';
import { settingsTable } from '../../shared/settings-table.js';
import { bindShare } from '../../shared/share.js';
import { SequenceClient } from './client.js';
import { createExperiment } from './experiment.js';
import { SEQUENCE_LAYOUT } from './form-layout.js';
import { SEQUENCE_LESSONS } from './lessons.js';
import { mountSequenceViews } from './mount.js';
import { buildSequencePage } from './page.js';
import { createSequencePlayer } from './player.js';

/** @typedef {import('../../shared/controls.js').Controls} Controls */
/** @typedef {import('../digits/player.js').Trained} Trained */
/** @typedef {import('./views/context.js').Views} Views */

/**
 * At full speed, the most of the time the measurements (an evaluation of the test set, the
 * views' questions) may take: past it they skip epochs, and come again at the next pause.
 */
const VIEWS_SHARE = 0.25;
/** The most points of each update's gradient norm kept; past it every other one is dropped. */
const MAX_NORMS = 4000;
/** The most rows of per-step norms kept for the heatmap; past it every other one is dropped. */
const MAX_ROWS = 240;

/**
 * Keeps every other point of the parallel arrays of `series` when they grow past `most`.
 * @param {Array<any[]>} series
 * @param {number} most
 */
function thin(series, most) {
  if (series[0].length <= most) return;
  for (const values of series) {
    const kept = values.filter((_, i) => i % 2 === 1);
    values.splice(0, values.length, ...kept);
  }
}

/**
 * Builds the sequence lab's page in place of the plane's and opens the link in the address bar.
 * @param {Controls} controls
 */
export async function startSequence(controls) {
  const containers = buildSequencePage(document);
  const client = new SequenceClient();
  const table = settingsTable('sequence');
  const experiment = createExperiment(table);
  showStatus(controls, t('sequence.loading'));

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
    /** @type {import('./views/context.js').SequenceMetrics | null} */
    metrics: null,
    /** The update the latest views are of, what they cost and when they were asked. */
    viewsStep: -1,
    viewsCost: 0,
    viewsAt: -Infinity,
    pauseAt: 0,
    pausedAt: 0,
    /** Bumped by every Play or Pause: a Play waiting for an open is dropped by a later press. */
    presses: 0,
    /** The text task's vocabulary size (0 for adding). */
    vocabulary: 0,
  };
  /** What the views draw besides the metrics, kept since the experiment (re)started. */
  const history = {
    /** @type {Views['losses']} */
    losses: { steps: [], train: [], test: [] },
    /** @type {Views['norms']} */
    norms: { steps: [], values: [] },
    /** @type {Views['stepNorms']} */
    stepNorms: { steps: [], rows: [] },
  };
  const clearHistory = () => {
    history.losses = { steps: [], train: [], test: [] };
    history.norms = { steps: [], values: [] };
    history.stepNorms = { steps: [], rows: [] };
  };

  /** @type {import('../../main.js').App} */
  const app = {
    playground: () => (experiment.query() === '' ? null : experiment.playground),
    change: (changes) => { change(changes); },
    open: (link) => { state.ready = open(link); },
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

  /** The charts' samples: the metrics after each epoch, placed in epochs. */
  const sampler = /** @type {import('../../shared/sampler.js').Sampler} */ (/** @type {unknown} */ ({
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
    createFormView(app, document, SEQUENCE_LAYOUT),
    createLessonsView(app, lessonsPanel, SEQUENCE_LESSONS),
  ];
  const labViews = mountSequenceViews(containers, {
    client,
    lang: language,
    t: (en, zh) => (language() === 'zh' ? zh : en),
    onError: fail,
    link: () => experiment.query(),
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
    showStatus(controls, metrics.stop?.message ?? paused);
  }

  const showCounts = () => {
    controls.stepCount.textContent = formatCount(state.step);
    controls.epochCount.textContent = formatCount(state.epoch);
  };

  /**
   * Asks for the metrics and shows them (and hands the views the histories when `withViews`),
   * unless the experiment started over meanwhile.
   * @param {boolean} withViews
   */
  async function measure(withViews) {
    const mine = state.generation;
    try {
      const before = performance.now();
      /** @type {import('./views/context.js').SequenceMetrics} */
      const metrics = await client.request('metrics');
      if (mine !== state.generation) return;
      state.metrics = metrics;
      const { losses } = history;
      if (losses.steps[losses.steps.length - 1] !== metrics.step) {
        losses.steps.push(metrics.step);
        losses.train.push(metrics.trainLoss);
        losses.test.push(metrics.testLoss);
      }
      render();
      if (!withViews) return;
      state.viewsAt = before;
      state.viewsCost = performance.now() - before;
      state.viewsStep = metrics.step;
      const values = experiment.values();
      /** @type {Views} */
      const answer = {
        metrics,
        task: values.task === 'adding' ? 'adding' : 'text',
        clip: Number(values.clip ?? 0),
        losses: history.losses,
        norms: history.norms,
        stepNorms: history.stepNorms,
      };
      // The page says which update its views show once all have drawn (tests wait for it).
      labViews.update(answer, () => { document.body.dataset.sequenceViews = String(metrics.step); });
    } catch (error) {
      if (mine === state.generation) fail(error);
    }
  }

  /** Whether the views are due at an epoch's end: always at a set pace, within a share at full speed. */
  const viewsDue = () => Number.isFinite(paceOf(experiment.values().speed))
    || performance.now() - state.viewsAt >= state.viewsCost / VIEWS_SHARE;

  const player = createSequencePlayer({
    async train(steps) {
      const mine = state.generation;
      try {
        /** @type {Trained & {norms: number[], stepNorms: Float32Array}} */
        const trained = await client.request('train', { steps });
        if (mine !== state.generation) return null;
        const first = trained.step - trained.norms.length + 1;
        trained.norms.forEach((norm, i) => {
          history.norms.steps.push(first + i);
          history.norms.values.push(norm);
        });
        thin([history.norms.steps, history.norms.values], MAX_NORMS);
        if (trained.stepNorms.length > 0) {
          history.stepNorms.steps.push(trained.step);
          history.stepNorms.rows.push(trained.stepNorms);
          thin([history.stepNorms.steps, history.stepNorms.rows], MAX_ROWS);
        }
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
    experiment.follow(link, state.vocabulary);
    Object.assign(state, { step: 0, epoch: 0, epochStart: 0, epochLength: 0, pausedAt: 0, viewsStep: -1 });
    state.metrics = null;
    clearHistory();
    delete document.body.dataset.sequenceViews;
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
      const opened = await client.request('open', { link: query });
      state.vocabulary = opened.vocabulary.length;
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
        state.vocabulary = applied.vocabulary.length;
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
    if (labOf(link) === 'sequence' && link !== experiment.query()) app.open(link);
  });
  window.addEventListener('resize', () => render());
  app.open(window.location.hash.slice(1));
  await state.ready;
}
