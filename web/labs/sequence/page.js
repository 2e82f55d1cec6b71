// The sequence lab's part of the page: its views' containers, in the card that
// web/shared/lab-card.js builds for a lab. Builds DOM only; the views fill their containers.

import { buildLabCard } from '../../shared/lab-card.js';
import './strings.js';

/** The views' containers, by data-testid, in the order they show. */
export const VIEW_IDS = /** @type {const} */ ([
  'sequence-loss', 'sequence-prompt', 'sequence-gradnorm', 'sequence-heatmap', 'sequence-gates',
  'sequence-compare',
]);

/** @typedef {typeof VIEW_IDS[number]} ViewId */

/**
 * Turns the page into the sequence lab's and returns the views' containers.
 * @param {Document} document
 * @returns {Record<ViewId, HTMLElement>}
 */
export function buildSequencePage(document) {
  return buildLabCard(document, 'sequence', VIEW_IDS, new URL('./sequence.css', import.meta.url).href);
}
