// The network picture's hover boxes: an enlarged map of the unit under the pointer (or in
// focus) with its range, and a one-line tooltip for the link under the pointer. Text only.

import { paintMap } from './neuron-maps.js';

/** Width of the enlarged map box, in CSS pixels (also in network.css). */
const BOX_WIDTH = 170;

/**
 * @typedef {object} MapShown
 * @property {number} x        left edge of the unit, in the container's pixels
 * @property {number} y        top edge of the unit
 * @property {number} side     the unit's size
 * @property {string} title
 * @property {string[]} lines  the range, the bias
 * @property {Float32Array} values  maps, one after another
 * @property {number} offset   where this map starts in `values`
 */

/**
 * @typedef {object} Popup
 * @property {(shown: MapShown) => void} showMap  shows (or refreshes) the enlarged map
 * @property {(x: number, y: number, text: string) => void} showText  shows the tooltip at a point
 * @property {() => void} hide  hides both
 */

/**
 * Builds the hover boxes (hidden) inside `container`, for maps of `size x size` pixels.
 * @param {HTMLElement} container positioned; the boxes float in it
 * @param {number} size
 * @returns {Popup}
 */
export function createPopup(container, size) {
  const box = document.createElement('div');
  box.className = 'net-popup';
  box.hidden = true;
  box.setAttribute('aria-hidden', 'true');
  const title = document.createElement('p');
  title.className = 'net-popup-title';
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const lines = document.createElement('p');
  lines.className = 'net-popup-lines';
  box.append(title, canvas, lines);

  const tip = document.createElement('div');
  tip.className = 'net-tooltip';
  tip.dataset.testid = 'link-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  container.append(box, tip);

  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const image = context.createImageData(size, size);
  /** Where the box was placed, so a refresh while training reads no layout. */
  let placed = '';

  return {
    showMap(shown) {
      tip.hidden = true;
      title.textContent = shown.title;
      lines.textContent = shown.lines.join('\n');
      paintMap(shown.values, shown.offset, image.data);
      context.putImageData(image, 0, 0);
      const where = `${shown.x},${shown.y}`;
      if (box.hidden || where !== placed) {
        placed = where;
        const right = shown.x + shown.side + 10;
        const fits = right + BOX_WIDTH <= container.clientWidth;
        box.style.left = `${fits ? right : Math.max(0, shown.x - BOX_WIDTH - 10)}px`;
        box.style.top = `${Math.max(0, shown.y - 40)}px`;
        box.hidden = false;
      }
    },
    showText(x, y, text) {
      box.hidden = true;
      tip.textContent = text;
      tip.style.left = `${x + 14}px`;
      tip.style.top = `${y + 14}px`;
      tip.hidden = false;
    },
    hide() {
      box.hidden = true;
      tip.hidden = true;
    },
  };
}
