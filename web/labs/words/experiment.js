// The words experiment as the shared views read it: web/shared/lab-experiment.js's, with the
// words lab's chart facts (each score a two-way call, a true context up or a drawn word down,
// by a sigmoid's cross-entropy) and the names of its two tables of vectors.

import { language } from '../../shared/i18n.js';
import { createLabExperiment } from '../../shared/lab-experiment.js';

/**
 * An experiment over the words lab's settings table, with no link yet.
 * @param {import('../../shared/types.js').SettingRow[]} table `settingsTable('words')`
 * @returns {import('../../shared/lab-experiment.js').Experiment}
 */
export function createExperiment(table) {
  return createLabExperiment(table, 'words', {
    classCount: () => 2,
    loss: () => 'crossEntropy',
    layerNames: () => (language() === 'zh' ? ['输入向量', '输出向量'] : ['input vectors', 'output vectors']),
  });
}
