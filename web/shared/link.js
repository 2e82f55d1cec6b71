// The share link in the address bar: reading it leniently into a playground (bad settings
// fall back to their defaults and are reported), and writing the current one back.

import { Playground, parseLink } from '../pkg/playground_wasm.js';

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
  const parsed = /** @type {ParsedLink} */ (parseLink(link));
  const problems = [
    ...parsed.errors.map((error) => ({ en: error.text, zh: error.textZh })),
    ...parsed.warnings.map((warning) => ({ en: warning.text, zh: warning.textZh })),
  ];
  // The class's .d.ts says `object` where the engine returns the shapes types.js names.
  const playground = /** @type {import('./types.js').Playground} */ (Playground.fromQuery(parsed.query));
  return { playground, problems };
}

/**
 * Puts `query` in the address bar after `#`, without a new history entry or a hashchange.
 * @param {string} query
 */
export function writeLink(query) {
  const url = new URL(window.location.href);
  url.hash = query;
  window.history.replaceState(null, '', url);
}
