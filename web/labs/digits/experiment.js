// The digits experiment as the shared views read it: web/shared/lab-experiment.js's, with the
// digits' chart facts (ten classes, always softmax cross-entropy).

import { createLabExperiment } from '../../shared/lab-experiment.js';

/**
 * An experiment over the digits lab's settings table, with no link yet.
 * @param {import('../../shared/types.js').SettingRow[]} table `settingsTable('digits')`
 * @returns {import('../../shared/lab-experiment.js').Experiment}
 */
export function createExperiment(table) {
  return createLabExperiment(table, 'digits', {
    classCount: () => 10,
    loss: () => 'crossEntropy',
  });
}
