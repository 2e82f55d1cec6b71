// The engine's settings tables, one per lab, converted from wasm once and shared by the views
// that read them (the form builds its fields from them, the network picture its limits).

import { settingsTable as readTable } from '../pkg/playground_wasm.js';

/** @typedef {import('./types.js').SettingRow} SettingRow */

/** Each lab's table, once read. */
/** @type {Map<string, SettingRow[]>} */
const tables = new Map();

/**
 * Every setting's row of lab `lab`'s form, as `settingsTable(lab)` in web/pkg gives it; the
 * same array on every call.
 * @param {string} [lab] `plane` (the default) or `digits`
 * @returns {SettingRow[]}
 */
export function settingsTable(lab = 'plane') {
  let table = tables.get(lab);
  if (!table) {
    table = /** @type {SettingRow[]} */ (readTable(lab));
    tables.set(lab, table);
  }
  return table;
}
