// The sequence experiment as the shared views read it: web/shared/lab-experiment.js's, with the
// sequence lab's chart facts (the text task classifies the next token among the vocabulary, which
// the worker tells; the adding task regresses with squared error).

import { createLabExperiment } from '../../shared/lab-experiment.js';

/**
 * The shared experiment, plus `knowVocabulary`: takes the text task's vocabulary size, as the
 * worker says it when it opens or rebuilds.
 * @typedef {import('../../shared/lab-experiment.js').Experiment & {knowVocabulary: (size: number) => void}} Experiment
 */

/**
 * An experiment over the sequence lab's settings table, with no link yet.
 * @param {import('../../shared/types.js').SettingRow[]} table `settingsTable('sequence')`
 * @returns {Experiment}
 */
export function createExperiment(table) {
  /** Tokens of the text task's vocabulary (0 until the worker says). */
  let vocabulary = 0;
  const experiment = createLabExperiment(table, 'sequence', {
    classCount: (values) => (values.task === 'adding' || vocabulary === 0 ? undefined : vocabulary),
    loss: (values) => (values.task === 'adding' ? 'mse' : 'crossEntropy'),
  });
  return {
    ...experiment,
    knowVocabulary(size) {
      vocabulary = size;
    },
  };
}
