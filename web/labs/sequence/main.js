// The sequence lab's page, loaded by web/main.js when the link says lab=sequence: the shared
// worker-lab page (web/shared/worker-lab-page.js) with the sequence lab's worker, settings,
// lessons and views, and the histories those views draw (losses, each update's gradient norm,
// the per-step norms), kept here since the experiment (re)started.

import { showStatus } from '../../shared/controls.js';
import { language, t } from '../../shared/i18n.js';
import { settingsTable } from '../../shared/settings-table.js';
import { startWorkerLab } from '../../shared/worker-lab-page.js';
import { SequenceClient } from './client.js';
import { createExperiment } from './experiment.js';
import { SEQUENCE_LAYOUT } from './form-layout.js';
import { SEQUENCE_LESSONS } from './lessons.js';
import { mountSequenceViews } from './mount.js';
import { buildSequencePage } from './page.js';

/** @typedef {import('../../shared/controls.js').Controls} Controls */
/** @typedef {import('./views/context.js').Views} Views */

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
 * What the views draw besides the metrics, empty.
 * @returns {Pick<Views, 'losses' | 'norms' | 'stepNorms'>}
 */
function emptyHistory() {
  return {
    losses: { steps: [], train: [], test: [] },
    norms: { steps: [], values: [] },
    stepNorms: { steps: [], rows: [] },
  };
}

/**
 * Builds the sequence lab's page in place of the plane's and opens the link in the address bar.
 * @param {Controls} controls
 */
export async function startSequence(controls) {
  const containers = buildSequencePage(document);
  const client = new SequenceClient();
  const experiment = createExperiment(settingsTable('sequence'));
  showStatus(controls, t('sequence.loading'));
  let history = emptyHistory();

  await startWorkerLab(controls, {
    lab: 'sequence',
    client,
    experiment,
    layout: SEQUENCE_LAYOUT,
    lessons: SEQUENCE_LESSONS,
    mountViews: (ctx) => mountSequenceViews(containers, {
      ...ctx, client, lang: language, t: (en, zh) => (language() === 'zh' ? zh : en),
    }),
    async open(query) {
      const opened = await client.request('open', { link: query });
      experiment.knowVocabulary(opened.vocabulary.length);
      return opened;
    },
    rebuilt: (applied) => experiment.knowVocabulary(applied.vocabulary.length),
    restarted: () => { history = emptyHistory(); },
    trained(/** @type {{step: number, norms: number[], stepNorms: Float32Array}} */ trained) {
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
    },
    measured(/** @type {import('./views/context.js').SequenceMetrics} */ metrics) {
      const { losses } = history;
      if (losses.steps[losses.steps.length - 1] !== metrics.step) {
        losses.steps.push(metrics.step);
        losses.train.push(metrics.trainLoss);
        losses.test.push(metrics.testLoss);
      }
    },
    async views(/** @type {import('./views/context.js').SequenceMetrics} */ metrics) {
      const values = experiment.values();
      /** @type {Views} */
      const answer = {
        metrics,
        task: values.task === 'adding' || values.task === 'reverse' ? values.task : 'text',
        clip: Number(values.clip ?? 0),
        ...history,
      };
      return answer;
    },
  });
}
