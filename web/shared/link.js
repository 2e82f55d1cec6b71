// The share link in the address bar: reading it leniently into a playground (bad settings
// fall back to their defaults and are reported), and writing the current one back.

import { Playground, parseLink } from '../pkg/playground_wasm.js';
import { rememberLink } from './labs.js';

/** @typedef {import('./types.js').ParsedLink} ParsedLink */

/**
 * A playground for `link` (the part after `#`, or empty for the defaults), with one sentence
 * per bad or ignored setting in English and in Chinese.
 * @param {string} link
 * @returns {{playground: import('./types.js').Playground,
 *   problems: Array<{en: string, zh: string}>}}
 * @throws {Error} only if the repaired link is refused, which would be a bug
 */
export function openLink(link) {
  const { query, problems } = readLink(link);
  // The class's .d.ts says `object` where the engine returns the shapes types.js names.
  const playground = /** @type {import('./types.js').Playground} */ (Playground.fromQuery(query));
  return { playground, problems };
}

/**
 * `link` read leniently, in any lab: a query that always opens (every bad setting replaced by
 * its default), with one sentence per bad or ignored setting in English and in Chinese.
 * @param {string} link
 * @returns {{query: string, problems: Array<{en: string, zh: string}>}}
 */
export function readLink(link) {
  const parsed = /** @type {ParsedLink} */ (parseLink(link));
  const problems = [
    ...parsed.errors.map((error) => ({ en: error.text, zh: error.textZh })),
    ...parsed.warnings.map((warning) => ({ en: warning.text, zh: warning.textZh })),
  ];
  return { query: parsed.query, problems };
}

/**
 * Puts `query` in the address bar after `#`, without a new history entry or a hashchange, and
 * remembers it as its lab's last link (the lab switcher goes back to it).
 * @param {string} query
 */
export function writeLink(query) {
  const url = new URL(window.location.href);
  url.hash = query;
  window.history.replaceState(null, '', url);
  rememberLink(query);
}
