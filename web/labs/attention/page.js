// The attention lab's part of the page: its views' containers, in the card that
// web/shared/lab-card.js builds for a lab. Builds DOM only; the views fill their containers.

import { buildLabCard } from '../../shared/lab-card.js';
import './strings.js';

/** The views' containers, by data-testid, in the order they show. */
export const VIEW_IDS = /** @type {const} */ ([
  'attention-matrices', 'attention-positions', 'attention-knockout', 'attention-walk',
  'attention-prompt',
]);

/** @typedef {typeof VIEW_IDS[number]} ViewId */

/**
 * Turns the page into the attention lab's and returns the views' containers. The text task's
 * prompt box is the sequence lab's view, so its styles come along.
 * @param {Document} document
 * @returns {Record<ViewId, HTMLElement>}
 */
export function buildAttentionPage(document) {
  const prompt = document.createElement('link');
  prompt.rel = 'stylesheet';
  prompt.href = new URL('../sequence/sequence.css', import.meta.url).href;
  document.head.append(prompt);
  return buildLabCard(document, 'attention', VIEW_IDS, new URL('./attention.css', import.meta.url).href);
}
