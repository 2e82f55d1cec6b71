// The attention experiment as the shared views read it: web/shared/lab-experiment.js's, with the
// attention lab's chart facts (every position classifies its answer among the ten digits, or the
// next word among the text's words, which the worker tells) and the names of its layers as the
// engine's gradient norms list them: the token and position tables, each block, the output.

import { language } from '../../shared/i18n.js';
import { createLabExperiment } from '../../shared/lab-experiment.js';

/** The symbols of the copy, reverse and sort tasks: the digits 0 to 9. */
const SYMBOLS = 10;

/**
 * The shared experiment, plus `knowVocabulary`: takes the text task's vocabulary size, as the
 * worker says it when it opens or rebuilds.
 * @typedef {import('../../shared/lab-experiment.js').Experiment & {knowVocabulary: (size: number) => void}} Experiment
 */

/**
 * The layers the gradient chart shows, input side first, for `blocks` Transformer blocks.
 * @param {number} blocks
 * @returns {string[]}
 */
export function layerNamesOf(blocks) {
  const zh = language() === 'zh';
  const names = [zh ? '词元与位置表' : 'token and position tables'];
  for (let block = 1; block <= blocks; block++) names.push(zh ? `第 ${block} 块` : `block ${block}`);
  names.push(zh ? '输出层' : 'output');
  return names;
}

/**
 * An experiment over the attention lab's settings table, with no link yet.
 * @param {import('../../shared/types.js').SettingRow[]} table `settingsTable('attention')`
 * @returns {Experiment}
 */
export function createExperiment(table) {
  /** Tokens of the text task's vocabulary (0 until the worker says). */
  let vocabulary = 0;
  const experiment = createLabExperiment(table, 'attention', {
    classCount: (values) => {
      if (values.task !== 'text') return SYMBOLS;
      return vocabulary === 0 ? undefined : vocabulary;
    },
    loss: () => 'crossEntropy',
    layerNames: () => layerNamesOf(Number(experiment.values().layers ?? 1)),
  });
  return {
    ...experiment,
    knowVocabulary(size) {
      vocabulary = size;
    },
  };
}
