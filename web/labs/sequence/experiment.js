// The sequence experiment as the shared views read it (the charts, the form, the lessons): its
// link and values, mirrored from the worker's answers, behind the few members of the plane's
// Playground those views call. Holds no weights; main.js tells it each link the worker gives.
// Which settings matter, their notes and what a form change brings along are the engine's
// (the settings table's rules, asked of the link in force through the plane's wasm package).

import { formChangeOf, notesOf, relevantOf } from '../../pkg/playground_wasm.js';

/** @typedef {import('../../shared/types.js').SettingRow} SettingRow */

/**
 * @typedef {object} Experiment
 * @property {import('../../shared/types.js').Playground} playground  what the shared views read
 * @property {() => string} query  the share link in force ('' before the first open)
 * @property {() => Record<string, string>} values  every setting in link spelling
 * @property {(link: string) => void} follow  takes the worker's link as the one in force
 * @property {(size: number) => void} knowVocabulary  takes the text task's vocabulary size, as
 *   the worker says it when it opens or rebuilds
 * @property {(link: string) => boolean} rebuilds  whether applying `link` starts over: it
 *   changes a setting whose row does not apply live
 */

/** The sequence lab's defaults, as a link. */
const SEQUENCE = 'lab=sequence';

/**
 * An experiment over the sequence lab's settings table, with no link yet.
 * @param {SettingRow[]} table `settingsTable('sequence')`
 * @returns {Experiment}
 */
export function createExperiment(table) {
  const defaults = Object.fromEntries(table.map((row) => [row.key, row.default]));
  const live = new Set(table.filter((row) => row.applies === 'live').map((row) => row.key));
  let link = '';
  /** @type {Record<string, string>} */
  let values = { ...defaults };
  /** Tokens of the text task's vocabulary (0 until the worker says). */
  let vocabulary = 0;

  const facade = {
    /** The text task classifies the next token (accuracy, softmax); the adding task regresses. */
    get classCount() {
      return values.task === 'adding' || vocabulary === 0 ? undefined : vocabulary;
    },
    query: () => link,
    values: () => ({ ...values, loss: values.task === 'adding' ? 'mse' : 'crossEntropy' }),
    relevant: () => relevantOf(link || SEQUENCE),
    notes: () => notesOf(link || SEQUENCE),
    /** A form field's change and what its row brings along, as the plane's `formChange`. */
    formChange: (/** @type {string} */ key, /** @type {string} */ value) =>
      formChangeOf(link || SEQUENCE, key, value),
  };

  return {
    playground: /** @type {import('../../shared/types.js').Playground} */ (/** @type {unknown} */ (facade)),
    query: () => link,
    values: () => values,
    follow(next) {
      link = next;
      values = { ...defaults };
      for (const [key, value] of new URLSearchParams(next)) if (key in defaults) values[key] = value;
    },
    knowVocabulary(size) {
      vocabulary = size;
    },
    rebuilds(changes) {
      return [...new URLSearchParams(changes)].some(([key, value]) => !live.has(key) && values[key] !== value);
    },
  };
}
