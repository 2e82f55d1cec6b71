// The attention lab's page, loaded by web/main.js when the link says lab=attention: the shared
// worker-lab page (web/shared/worker-lab-page.js) with the attention lab's worker, settings,
// lessons and views, the learner's choices (the input the views read, the head the walk shows,
// the silenced heads) and the exact match at each measurement since the experiment (re)started.

import { showStatus } from '../../shared/controls.js';
import { language, t } from '../../shared/i18n.js';
import { settingsTable } from '../../shared/settings-table.js';
import { startWorkerLab } from '../../shared/worker-lab-page.js';
import { AttentionClient } from './client.js';
import { createExperiment } from './experiment.js';
import { ATTENTION_LAYOUT } from './form-layout.js';
import { ATTENTION_LESSONS } from './lessons.js';
import { mountAttentionViews } from './mount.js';
import { buildAttentionPage } from './page.js';

/** @typedef {import('../../shared/controls.js').Controls} Controls */
/** @typedef {import('./views/context.js').Views} Views */
/** @typedef {import('./views/context.js').Selection} Selection */
/** @typedef {import('./views/context.js').AttentionMetrics} AttentionMetrics */

/** The most measurements kept for the exact-match chart; past it every other one is dropped. */
const MAX_POINTS = 2000;

/** @returns {Views['history']} */
const emptyHistory = () => ({ steps: [], exact: [], accuracy: [] });

/**
 * Builds the attention lab's page in place of the plane's and opens the link in the address bar.
 * @param {Controls} controls
 */
export async function startAttention(controls) {
  const containers = buildAttentionPage(document);
  const client = new AttentionClient();
  const experiment = createExperiment(settingsTable('attention'));
  showStatus(controls, t('attention.loading'));
  /** @type {string[]} */
  let vocabulary = [];
  /** @type {Selection} */
  let selection = { example: 0, input: null, layer: 0, head: 0, knocked: [] };
  let history = emptyHistory();
  /** The metrics the views last drew, and the mounted views (both set once the page is built). */
  /** @type {AttentionMetrics | null} */
  let shown = null;
  /** @type {{update: (views: Views, drawn?: () => void) => void} | null} */
  let mounted = null;

  /**
   * Takes the vocabulary the worker says a new experiment has.
   * @param {{vocabulary: string[]}} described
   */
  const know = (described) => {
    vocabulary = described.vocabulary;
    experiment.knowVocabulary(vocabulary.length);
  };

  /**
   * The views' answer for `metrics`: the worker's reading of the chosen input (the silenced
   * heads a smaller network lacks are dropped first).
   * @param {AttentionMetrics} metrics
   * @returns {Promise<Views>}
   */
  const answerFor = async (metrics) => {
    const values = experiment.values();
    const [layers, heads] = [Number(values.layers), Number(values.heads)];
    const knocked = [];
    for (let i = 0; i + 1 < selection.knocked.length; i += 2) {
      const [layer, head] = [selection.knocked[i], selection.knocked[i + 1]];
      if (layer < layers && head < heads) knocked.push(layer, head);
    }
    selection = { ...selection, knocked };
    const reading = await client.request('views', selection);
    selection = { ...selection, layer: reading.walk.layer, head: reading.walk.head };
    shown = metrics;
    return {
      metrics,
      task: /** @type {Views['task']} */ (values.task ?? 'reverse'),
      values,
      vocabulary,
      reading,
      selection,
      history,
    };
  };

  await startWorkerLab(controls, {
    lab: 'attention',
    client,
    experiment,
    layout: ATTENTION_LAYOUT,
    lessons: ATTENTION_LESSONS,
    mountViews: (ctx) => {
      mounted = mountAttentionViews(containers, {
        ...ctx,
        client,
        lang: language,
        t: (en, zh) => (language() === 'zh' ? zh : en),
        select(changes) {
          selection = { ...selection, ...changes };
          if (!shown) return;
          answerFor(shown).then((answer) => mounted?.update(answer), ctx.onError);
        },
      });
      return mounted;
    },
    async open(query) {
      const opened = await client.request('open', { link: query });
      know(opened);
      return opened;
    },
    rebuilt(applied) {
      know(applied);
      selection = { ...selection, input: null };
    },
    restarted: () => {
      history = emptyHistory();
      shown = null;
    },
    measured(/** @type {AttentionMetrics} */ metrics) {
      if (history.steps[history.steps.length - 1] === metrics.step) return;
      history.steps.push(metrics.step);
      history.exact.push(metrics.exactMatch);
      history.accuracy.push(metrics.testAccuracy);
      if (history.steps.length > MAX_POINTS) {
        for (const values of [history.steps, history.exact, history.accuracy]) {
          const kept = values.filter((_, i) => i % 2 === 1);
          values.splice(0, values.length, ...kept);
        }
      }
    },
    views: (/** @type {AttentionMetrics} */ metrics) => answerFor(metrics),
  });
}
