// The digits lab's page, loaded by web/main.js when the link says lab=digits: the shared
// worker-lab page (web/shared/worker-lab-page.js) with the digits lab's worker, settings,
// lessons, views and weights files; it fetches the shipped digits and hands the worker a copy
// of them at each open.

import { showError, showStatus } from '../../shared/controls.js';
import { language, t } from '../../shared/i18n.js';
import { settingsTable } from '../../shared/settings-table.js';
import { startWorkerLab } from '../../shared/worker-lab-page.js';
import { DigitsClient, fetchDigits } from './client.js';
import { DIGITS_LAYOUT } from './form-layout.js';
import { createExperiment } from './experiment.js';
import { createWeightsFiles } from './files.js';
import { DIGITS_LESSONS } from './lessons.js';
import { buildDigitsPage } from './page.js';
import { mountDigitsViews } from './mount.js';

/** @typedef {import('../../shared/controls.js').Controls} Controls */

/**
 * Builds the digits lab's page in place of the plane's and opens the link in the address bar.
 * @param {Controls} controls
 */
export async function startDigits(controls) {
  const containers = buildDigitsPage(document);
  const client = new DigitsClient();
  const data = fetchDigits();
  const table = settingsTable('digits');
  const experiment = createExperiment(table);
  showStatus(controls, t('digits.loading'));

  await startWorkerLab(controls, {
    lab: 'digits',
    client,
    experiment,
    layout: DIGITS_LAYOUT,
    lessons: DIGITS_LESSONS,
    mountViews: (ctx) => mountDigitsViews(containers, {
      ...ctx,
      client,
      lang: language,
      t: (en, zh) => (language() === 'zh' ? zh : en),
      dataBytes: async () => (await data).slice(0),
    }),
    async open(query) {
      const bytes = (await data).slice(0);
      return client.request('open', { link: query, bytes }, [bytes]);
    },
    views: () => client.request('views'),
    extras(page) {
      createWeightsFiles(/** @type {HTMLElement} */ (document.getElementById('digits-files')), {
        exportWeights: () => page.ready().then(() => client.request('exportWeights')),
        async importWeights(file) {
          await page.ready();
          const mine = page.generation();
          await client.request('importWeights', { file });
          // The numbers and the views of the imported network, at the same update.
          if (mine === page.generation()) await page.measure();
        },
        values: () => experiment.values(),
        settingsOf(link) {
          const probe = createExperiment(table);
          probe.follow(link);
          return { values: probe.values(), relevant: probe.playground.relevant() };
        },
        showError: (message) => showError(controls, message),
        fail: page.fail,
      });
    },
  });
}
