// The share link in the address bar: reading it leniently into a playground (bad settings
// fall back to their defaults and are reported), and writing the current one back.

import { Playground, parseLink } from './pkg/playground_wasm.js';

/**
 * A playground for `link` (the part after `#`, or empty for the defaults), with one sentence
 * per bad or ignored setting.
 * @param {string} link
 * @returns {{playground: Playground, problems: string[]}}
 * @throws {Error} only if the repaired link is refused, which would be a bug
 */
export function openLink(link) {
  const parsed = parseLink(link);
  const problems = [
    ...parsed.errors.map((/** @type {{text: string}} */ error) => error.text),
    ...parsed.warnings.map((/** @type {{text: string}} */ warning) => warning.text),
  ];
  return { playground: Playground.fromQuery(parsed.query), problems };
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
