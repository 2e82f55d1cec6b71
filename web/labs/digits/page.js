// The digits lab's part of the page: switches index.html's shared parts to this lab (the plane's
// own cards hide under `body.lab-digits`), loads the lab's styles, and builds the card that holds
// the views' containers and the weights files' buttons (`#digits-files`, files.js). Builds DOM
// only; the views fill their containers (views/index.js).

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
  document.body.classList.add('lab-digits');
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('./digits.css', import.meta.url).href;
  document.head.append(style);

  const card = document.createElement('section');
  card.className = 'card digits-views';
  card.setAttribute('aria-labelledby', 'digits-title');
  const title = document.createElement('h2');
  title.id = 'digits-title';
  title.dataset.i18n = 'digits.title';
  const caption = document.createElement('p');
  caption.className = 'caption';
  caption.dataset.i18n = 'digits.caption';
  const files = document.createElement('div');
  files.id = 'digits-files';
  files.className = 'digits-files';
  const grid = document.createElement('div');
  grid.className = 'digits-grid';
  /** @type {Partial<Record<ViewId, HTMLElement>>} */
  const containers = {};
  for (const id of VIEW_IDS) {
    const box = document.createElement('div');
    box.className = `digits-view ${id}`;
    box.dataset.testid = id;
    grid.append(box);
    containers[id] = box;
  }
  card.append(title, caption, files, grid);
  const network = document.getElementById('network-panel');
  if (network) network.after(card);
  else document.querySelector('.workbench')?.append(card);
  return /** @type {Record<ViewId, HTMLElement>} */ (containers);
}
