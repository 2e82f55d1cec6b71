// The sequence lab's part of the page: switches index.html's shared parts to this lab (the
// plane's own cards hide under `body.lab-sequence`), loads the lab's styles, and builds the card
// that holds the views' containers. Builds DOM only; the views fill their containers.

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
  document.body.classList.add('lab-sequence');
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('./sequence.css', import.meta.url).href;
  document.head.append(style);

  const card = document.createElement('section');
  card.className = 'card sequence-views';
  card.setAttribute('aria-labelledby', 'sequence-title');
  const title = document.createElement('h2');
  title.id = 'sequence-title';
  title.dataset.i18n = 'sequence.title';
  const caption = document.createElement('p');
  caption.className = 'caption';
  caption.dataset.i18n = 'sequence.caption';
  const grid = document.createElement('div');
  grid.className = 'sequence-grid';
  /** @type {Partial<Record<ViewId, HTMLElement>>} */
  const containers = {};
  for (const id of VIEW_IDS) {
    const box = document.createElement('div');
    box.className = `sequence-view ${id}`;
    box.dataset.testid = id;
    grid.append(box);
    containers[id] = box;
  }
  card.append(title, caption, grid);
  const network = document.getElementById('network-panel');
  if (network) network.after(card);
  else document.querySelector('.workbench')?.append(card);
  return /** @type {Record<ViewId, HTMLElement>} */ (containers);
}
