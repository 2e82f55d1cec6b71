// The network panel's fixed parts: its title, the hidden-layer buttons and count, the stage
// (a canvas for links behind a box of nodes) and the caption; and how the picture prints numbers.

import { t } from '../shared/i18n.js';

/**
 * @typedef {object} Panel
 * @property {HTMLElement} body      positioned box around the picture; hover boxes float in it
 * @property {HTMLElement} scroll    scrolls the picture sideways when it is wider than the panel
 * @property {HTMLElement} stage     the picture, sized by its layout
 * @property {HTMLCanvasElement} canvas  the links, behind the nodes
 * @property {HTMLElement} nodes     holds the nodes
 * @property {HTMLButtonElement} addLayer
 * @property {HTMLButtonElement} removeLayer
 * @property {HTMLElement} count     the number of hidden layers, as text
 */

/**
 * Fills the empty panel `root` with the picture's fixed parts: title, layer buttons and
 * count, the stage for links and nodes, and the caption.
 * @param {HTMLElement} root
 * @returns {Panel}
 */
export function buildPanel(root) {
  const heading = document.createElement('h2');
  translated(heading, 'network.title');
  const removeLayer = smallButton('remove-layer', '−', 'network.removeLayer');
  const addLayer = smallButton('add-layer', '+', 'network.addLayer');
  const count = document.createElement('span');
  count.className = 'net-count';
  count.dataset.testid = 'layer-count';
  count.setAttribute('aria-live', 'polite');
  const toolbar = document.createElement('div');
  toolbar.className = 'net-toolbar';
  toolbar.append(removeLayer, addLayer, count);
  const body = document.createElement('div');
  body.className = 'net-body';
  const scroll = document.createElement('div');
  scroll.className = 'net-scroll';
  const stage = document.createElement('div');
  stage.className = 'net-stage';
  const canvas = document.createElement('canvas');
  canvas.className = 'net-links';
  canvas.setAttribute('aria-hidden', 'true');
  const nodes = document.createElement('div');
  nodes.className = 'net-nodes';
  stage.append(canvas, nodes);
  scroll.append(stage);
  body.append(scroll);
  const caption = document.createElement('p');
  caption.className = 'caption';
  translated(caption, 'network.caption');
  root.replaceChildren(heading, toolbar, body, caption);
  return { body, scroll, stage, canvas, nodes, addLayer, removeLayer, count };
}

/**
 * A small round button showing `text`, labelled (and retranslated) by string `key`.
 * @param {string} testid
 * @param {string} text
 * @param {string} key
 */
function smallButton(testid, text, key) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'net-small';
  button.textContent = text;
  button.dataset.testid = testid;
  button.dataset.i18nTitle = key;
  button.dataset.i18nLabel = key;
  button.title = t(key);
  button.setAttribute('aria-label', t(key));
  return button;
}

/**
 * Gives `element` the text of string `key`, kept up to date by `translate`.
 * @param {HTMLElement} element
 * @param {string} key
 */
function translated(element, key) {
  element.dataset.i18n = key;
  element.textContent = t(key);
}

/**
 * A number short enough for a tooltip: three significant digits, or powers of ten.
 * @param {number} value
 * @returns {string}
 */
export function formatNumber(value) {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude >= 1e4 || magnitude < 1e-3)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}
