// The engine's settings table, converted from wasm once and shared by the views that read it
// (the form builds its fields from it, the network picture its limits).

import { settingsTable as readTable } from '../pkg/playground_wasm.js';

/** @typedef {import('./types.js').SettingRow} SettingRow */

/** @type {SettingRow[] | undefined} */
let table;

/**
 * Every setting's row, as `settingsTable()` in web/pkg gives it; the same array on every call.
 * @returns {SettingRow[]}
 */
export function settingsTable() {
  table ??= /** @type {SettingRow[]} */ (readTable());
  return table;
}
