// The words lab's page, loaded by web/main.js when the link says lab=words: the shared
// worker-lab page (web/shared/worker-lab-page.js) with the words lab's worker, settings, lessons
// and views, the learner's choices (a word, an analogy, the followed pairs) and the pairs'
// similarity at each epoch since the experiment (re)started.

import { showStatus } from '../../shared/controls.js';
import { language, t } from '../../shared/i18n.js';
import { settingsTable } from '../../shared/settings-table.js';
import { startWorkerLab } from '../../shared/worker-lab-page.js';
import { defaultSelection, fits, sampleOf } from './choices.js';
import { WordsClient } from './client.js';
import { createExperiment } from './experiment.js';
import { WORDS_LAYOUT } from './form-layout.js';
import { WORDS_LESSONS } from './lessons.js';
import { mountWordsViews } from './mount.js';
import { buildWordsPage } from './page.js';

/** @typedef {import('../../shared/controls.js').Controls} Controls */
/** @typedef {import('./views/context.js').Views} Views */
/** @typedef {import('./views/context.js').Selection} Selection */
/** @typedef {import('./views/context.js').WordsMetrics} WordsMetrics */

/**
 * What the worker says of the text when it opens or rebuilds.
 * @typedef {{vocabulary: string[], groups: Views['groups'], groupIds: number[]}} Described
 */

/**
 * Builds the words lab's page in place of the plane's and opens the link in the address bar.
 * @param {Controls} controls
 */
export async function startWords(controls) {
  const containers = buildWordsPage(document);
  const client = new WordsClient();
  const experiment = createExperiment(settingsTable('words'));
  showStatus(controls, t('words.loading'));
  /** @type {Described} */
  let text = { vocabulary: [], groups: [], groupIds: [] };
  /** @type {Selection} */
  let selection = defaultSelection('zh', []);
  /** @type {Views['pairs']} */
  let history = { epochs: [], values: [] };
  /** Shows the metrics and views anew, and shows what went wrong (both set once the page is built). */
  let measure = () => Promise.resolve();
  /** @type {(error: unknown) => void} */
  let fail = (error) => { throw error; };

  /** Tells the worker the pairs to follow; their history starts over. */
  const track = async () => {
    history = { epochs: [], values: selection.pairs.map(() => []) };
    await client.request('track', { pairs: selection.pairs });
  };

  /**
   * Takes the worker's description of the text; the choices start over if they no longer fit.
   * @param {Described} described
   */
  const know = async (described) => {
    text = { vocabulary: described.vocabulary, groups: described.groups, groupIds: described.groupIds };
    if (!fits(selection, text.vocabulary)) {
      selection = defaultSelection(experiment.values().corpus ?? 'zh', text.vocabulary);
    }
    await track();
  };

  await startWorkerLab(controls, {
    lab: 'words',
    client,
    experiment,
    layout: WORDS_LAYOUT,
    lessons: WORDS_LESSONS,
    mountViews: (ctx) => mountWordsViews(containers, {
      ...ctx,
      lang: language,
      t: (en, zh) => (language() === 'zh' ? zh : en),
      select(changes) {
        const pairsChanged = changes.pairs !== undefined;
        selection = { ...selection, ...changes };
        (pairsChanged ? track() : Promise.resolve()).then(() => measure(), ctx.onError);
      },
      vectorsFile: () => client.request('vectorsFile'),
    }),
    async open(query) {
      const opened = await client.request('open', { link: query });
      experiment.follow(opened.link);
      await know(opened);
      return opened;
    },
    rebuilt: (applied) => {
      experiment.follow(applied.link);
      know(applied).catch(fail);
    },
    restarted: () => { history = { epochs: [], values: selection.pairs.map(() => []) }; },
    measured(/** @type {WordsMetrics} */ metrics) {
      if (history.epochs[history.epochs.length - 1] === metrics.epoch) return;
      history.epochs.push(metrics.epoch);
      metrics.pairs.forEach((value, i) => history.values[i]?.push(value));
    },
    status: (/** @type {WordsMetrics} */ metrics) =>
      (metrics.finished ? t('words.finished', { epochs: metrics.epoch }) : null),
    async views(/** @type {WordsMetrics} */ metrics) {
      const sample = sampleOf(selection);
      const drawn = await client.request('views', { word: selection.word, analogy: selection.analogy, sample });
      /** @type {Views} */
      const answer = {
        metrics,
        values: experiment.values(),
        ...text,
        ...drawn,
        sample: { words: sample, similarities: drawn.sample },
        selection,
        pairs: history,
      };
      return answer;
    },
    extras(page) {
      measure = page.measure;
      fail = page.fail;
    },
  });
}
