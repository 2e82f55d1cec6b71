// A worker lab's experiment as the shared views read it (the charts, the form, the lessons): its
// link and values, mirrored from the worker's answers, behind the few members of the plane's
// Playground those views call. Holds no weights; the lab's main.js tells it each link the worker
// gives. Which settings matter, their notes and what a form change brings along are the engine's
// (the settings table's rules, asked of the link in force through the plane's wasm package).

import { formChangeOf, notesOf, relevantOf } from '../pkg/playground_wasm.js';

/** @typedef {import('./types.js').SettingRow} SettingRow */

/**
 * @typedef {object} Experiment
 * @property {import('./types.js').Playground} playground  what the shared views read
 * @property {() => string} query  the share link in force ('' before the first open)
 * @property {() => Record<string, string>} values  every setting in link spelling
 * @property {(link: string) => void} follow  takes the worker's link as the one in force
 * @property {(link: string) => boolean} rebuilds  whether applying `link` starts over: it
 *   changes a setting whose row does not apply live
 */

/**
 * What the charts read of a lab, from its settings in link spelling: the classes (accuracy and
 * the loss's chance level; none for a regression), the loss's name, and the layers' names
 * input side first when the generic "layer n" will not do.
 * @typedef {object} ChartFacts
 * @property {(values: Record<string, string>) => number | undefined} classCount
 * @property {(values: Record<string, string>) => string} loss
 * @property {() => string[]} [layerNames]
 */

/**
 * An experiment over `lab`'s settings table, with no link yet.
 * @param {SettingRow[]} table `settingsTable(lab)`
 * @param {string} lab the lab's name, as links spell it
 * @param {ChartFacts} charts
 * @returns {Experiment}
 */
export function createLabExperiment(table, lab, charts) {
  const defaults = Object.fromEntries(table.map((row) => [row.key, row.default]));
  const live = new Set(table.filter((row) => row.applies === 'live').map((row) => row.key));
  const fallback = `lab=${lab}`;
  let link = '';
  /** @type {Record<string, string>} */
  let values = { ...defaults };

  const facade = {
    get classCount() {
      return charts.classCount(values);
    },
    layerNames: charts.layerNames,
    query: () => link,
    values: () => ({ ...values, loss: charts.loss(values) }),
    relevant: () => relevantOf(link || fallback),
    notes: () => notesOf(link || fallback),
    /** A form field's change and what its row brings along, as the plane's `formChange`. */
    formChange: (/** @type {string} */ key, /** @type {string} */ value) =>
      formChangeOf(link || fallback, key, value),
  };

  return {
    playground: /** @type {import('./types.js').Playground} */ (/** @type {unknown} */ (facade)),
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
