// The words lab's part of the page: switches index.html's shared parts to this lab (the plane's
// own cards hide under `body.lab-words`), loads the lab's styles, and builds the card that holds
// the views' containers. Builds DOM only; the views fill their containers.

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
  document.body.classList.add('lab-words');
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('./words.css', import.meta.url).href;
  document.head.append(style);

  const card = document.createElement('section');
  card.className = 'card words-views';
  card.setAttribute('aria-labelledby', 'words-title');
  const title = document.createElement('h2');
  title.id = 'words-title';
  title.dataset.i18n = 'words.title';
  const caption = document.createElement('p');
  caption.className = 'caption';
  caption.dataset.i18n = 'words.caption';
  const grid = document.createElement('div');
  grid.className = 'words-grid';
  /** @type {Partial<Record<ViewId, HTMLElement>>} */
  const containers = {};
  for (const id of VIEW_IDS) {
    const box = document.createElement('div');
    box.className = `words-view ${id}`;
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
