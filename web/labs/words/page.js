// The words lab's part of the page: its views' containers, in the card that
// web/shared/lab-card.js builds for a lab. Builds DOM only; the views fill their containers.

import { buildLabCard } from '../../shared/lab-card.js';
import './strings.js';

/** The views' containers, by data-testid, in the order they show. */
export const VIEW_IDS = /** @type {const} */ ([
  'words-projection', 'words-neighbours', 'words-analogy', 'words-pairs', 'words-onehot',
  'words-cooccurrence', 'words-text',
]);

/** @typedef {typeof VIEW_IDS[number]} ViewId */

/**
 * Turns the page into the words lab's and returns the views' containers.
 * @param {Document} document
 * @returns {Record<ViewId, HTMLElement>}
 */
export function buildWordsPage(document) {
  return buildLabCard(document, 'words', VIEW_IDS, new URL('./words.css', import.meta.url).href);
}
