// The words experiment as the shared views read it (the charts, the form, the lessons): its link
// and values, mirrored from the worker's answers, behind the few members of the plane's
// Playground those views call. Holds no vectors; main.js tells it each link the worker gives.
// Which settings matter, their notes and what a form change brings along are the engine's
// (the settings table's rules, asked of the link in force through the plane's wasm package).

import { formChangeOf, notesOf, relevantOf } from '../../pkg/playground_wasm.js';
import { language } from '../../shared/i18n.js';

/** @typedef {import('../../shared/types.js').SettingRow} SettingRow */

/**
 * @typedef {object} Experiment
 * @property {import('../../shared/types.js').Playground} playground  what the shared views read
 * @property {() => string} query  the share link in force ('' before the first open)
 * @property {() => Record<string, string>} values  every setting in link spelling
 * @property {(link: string) => void} follow  takes the worker's link as the one in force
 * @property {(link: string) => boolean} rebuilds  whether applying `link` starts over: it
 *   changes a setting whose row does not apply live
 */

/** The words lab's defaults, as a link. */
const WORDS = 'lab=words';

/**
 * An experiment over the words lab's settings table, with no link yet.
 * @param {SettingRow[]} table `settingsTable('words')`
 * @returns {Experiment}
 */
export function createExperiment(table) {
  const defaults = Object.fromEntries(table.map((row) => [row.key, row.default]));
  const live = new Set(table.filter((row) => row.applies === 'live').map((row) => row.key));
  let link = '';
  /** @type {Record<string, string>} */
  let values = { ...defaults };

  const facade = {
    /** Each example is two calls: a true context scored up, a drawn word scored down (a sigmoid). */
    classCount: 2,
    /** The gradient charts' names of the two tables of vectors, input side first. */
    layerNames: () => (language() === 'zh' ? ['输入向量', '输出向量'] : ['input vectors', 'output vectors']),
    query: () => link,
    values: () => ({ ...values, loss: 'crossEntropy' }),
    relevant: () => relevantOf(link || WORDS),
    notes: () => notesOf(link || WORDS),
    /** A form field's change and what its row brings along, as the plane's `formChange`. */
    formChange: (/** @type {string} */ key, /** @type {string} */ value) =>
      formChangeOf(link || WORDS, key, value),
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
    rebuilds(changes) {
      return [...new URLSearchParams(changes)].some(([key, value]) => !live.has(key) && values[key] !== value);
    },
  };
}
