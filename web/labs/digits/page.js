// The digits lab's part of the page: its views' containers and the weights files' buttons
// (`#digits-files`, files.js), in the card that web/shared/lab-card.js builds for a lab. Builds
// DOM only; the views fill their containers.

import { buildLabCard } from '../../shared/lab-card.js';
import './strings.js';

/** The views' containers, by data-testid, in the order they show. */
export const VIEW_IDS = /** @type {const} */ ([
  'digits-kernels', 'digits-maps', 'digits-pad', 'digits-confusion', 'digits-gallery',
  'digits-translation', 'digits-params',
]);

/** @typedef {typeof VIEW_IDS[number]} ViewId */

/**
 * Turns the page into the digits lab's and returns the views' containers.
 * @param {Document} document
 * @returns {Record<ViewId, HTMLElement>}
 */
export function buildDigitsPage(document) {
  const files = document.createElement('div');
  files.id = 'digits-files';
  files.className = 'digits-files';
  return buildLabCard(document, 'digits', VIEW_IDS, new URL('./digits.css', import.meta.url).href, [files]);
}
