// Builds the network picture's elements for one structure and layout: a toggle per input
// feature (with a canvas for its fixed map), a transparent button over each drawn unit (its map
// is painted on the picture's one canvas beneath), each hidden layer's unit buttons and count,
// and the "+N" markers. Text only, never HTML.

import { t } from '../shared/i18n.js';
import { LABEL_WIDTH } from './network-layout.js';
import { FEATURES, paintMap } from './neuron-maps.js';

/** Headers narrower than this show a layer's unit count as a bare number. */
const NARROW = 66;

/**
 * @typedef {import('./network-layout.js').Structure} Structure
 * @typedef {import('./network-layout.js').Layout} Layout
 */

/**
 * A drawn hidden or output unit: its button and where its map goes on the picture's canvas.
 * @typedef {object} UnitElements
 * @property {HTMLButtonElement} button
 * @property {number} layer  numbered as in `neuronMaps`
 * @property {number} unit
 * @property {number} x      left edge, in the picture's pixels
 * @property {number} y      top edge
 */

/**
 * The name a person reads for unit `unit` of layer `layer` (numbered as in `neuronMaps`).
 * @param {Structure} structure
 * @param {number} layer
 * @param {number} unit
 * @returns {string}
 */
export function unitName(structure, layer, unit) {
  if (layer === 0) {
    const on = FEATURES.filter((_, index) => structure.features[index]);
    return on[unit]?.label ?? '?';
  }
  if (layer <= structure.hidden.length) return t('network.unit', { layer, unit: unit + 1 });
  return structure.outputs === 1 ? t('network.output') : t('network.outputUnit', { unit: unit + 1 });
}

/**
 * Fills `container` with the elements of `structure` laid out as `picture`, with maps of
 * `size x size` pixels; the features' maps (`featureMaps`, in `FEATURES` order) are painted now.
 * @param {HTMLElement} container
 * @param {Structure} structure
 * @param {Layout} picture
 * @param {number} size
 * @param {Float32Array} featureMaps
 * @param {number} maxUnits the most units a hidden layer may have
 * @returns {Map<string, UnitElements>} the hidden and output units, keyed `layer-unit`
 */
export function buildNodes(container, structure, picture, size, featureMaps, maxUnits) {
  /** @type {Map<string, UnitElements>} */
  const units = new Map();
  /** @type {HTMLElement[]} */
  const children = [];
  const { node } = picture;
  const last = picture.nodes.length - 1;
  picture.nodes.forEach((column, layer) => {
    children.push(header(structure, picture, layer, last, maxUnits));
    column.forEach((place, row) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'net-node';
      position(button, place.x, place.y, node, node);
      if (layer === 0) {
        describeFeature(button, FEATURES[row], structure.features[row]);
        position(button, place.x - LABEL_WIDTH, place.y, LABEL_WIDTH + node, node);
        button.append(featureCanvas(featureMaps, row, size));
      } else {
        const name = unitName(structure, layer, place.unit);
        button.dataset.testid = `neuron-${layer}-${place.unit}`;
        button.dataset.layer = String(layer);
        button.dataset.unit = String(place.unit);
        button.setAttribute('aria-label', name);
        button.setAttribute('aria-description', t('network.unit.hint'));
        units.set(`${layer}-${place.unit}`, { button, layer, unit: place.unit, x: place.x, y: place.y });
      }
      children.push(button);
    });
    if (picture.more[layer] > 0) {
      const more = document.createElement('span');
      more.className = 'net-more';
      more.dataset.testid = `more-${layer}`;
      more.textContent = `+${picture.more[layer]}`;
      more.title = t('network.more', { count: picture.more[layer] });
      const below = column[column.length - 1].y + node + 4;
      position(more, column[0].x - 8, below, node + 16, 18);
      children.push(more);
    }
  });
  container.replaceChildren(...children);
  container.style.width = `${picture.width}px`;
  container.style.height = `${picture.height}px`;
  return units;
}

/**
 * A canvas with feature `row`'s map (of `featureMaps`, `size x size` pixels each).
 * @param {Float32Array} featureMaps
 * @param {number} row
 * @param {number} size
 */
function featureCanvas(featureMaps, row, size) {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  canvas.setAttribute('aria-hidden', 'true');
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  const image = context.createImageData(size, size);
  paintMap(featureMaps, row * size * size, image.data);
  context.putImageData(image, 0, 0);
  return canvas;
}

/**
 * Turns `button` into the toggle of `feature`.
 * @param {HTMLButtonElement} button
 * @param {typeof FEATURES[number]} feature
 * @param {boolean} on
 */
function describeFeature(button, feature, on) {
  const label = document.createElement('span');
  label.className = 'net-feature-label';
  label.textContent = feature.label;
  button.prepend(label);
  button.classList.add('net-feature');
  button.dataset.testid = `feature-${feature.key}`;
  button.dataset.feature = feature.key;
  button.setAttribute('aria-pressed', String(on));
  button.setAttribute('aria-label', t('network.feature', { name: feature.label }));
  button.setAttribute('aria-description', t('network.feature.hint'));
}

/**
 * The header over layer `layer`: "Inputs", the output's name, or a hidden layer's
 * add/remove buttons and unit count.
 * @param {Structure} structure
 * @param {Layout} picture
 * @param {number} layer
 * @param {number} last the output's layer
 * @param {number} maxUnits
 */
function header(structure, picture, layer, last, maxUnits) {
  const head = document.createElement('div');
  head.className = 'net-head';
  const x = picture.columns[layer] + picture.node / 2;
  const width = Math.min(84, picture.pitch - 4);
  position(head, x - width / 2, 0, width, picture.header - 8);
  const caption = document.createElement('span');
  caption.className = 'net-head-text';
  if (layer === 0 || layer === last) {
    caption.textContent = t(layer === 0 ? 'network.inputs' : 'network.output');
    head.append(caption);
    return head;
  }
  const units = structure.hidden[layer - 1];
  const buttons = document.createElement('span');
  buttons.className = 'net-unit-buttons';
  for (const [action, text, key, off] of /** @type {const} */ ([
    ['remove-unit', '−', 'network.removeUnit', units <= 1],
    ['add-unit', '+', 'network.addUnit', units >= maxUnits],
  ])) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'net-small';
    button.textContent = text;
    button.dataset.testid = `${action}-${layer}`;
    button.dataset.action = action;
    button.dataset.layer = String(layer);
    button.disabled = off;
    button.title = t(key, { layer });
    button.setAttribute('aria-label', button.title);
    buttons.append(button);
  }
  const count = t(units === 1 ? 'network.units.one' : 'network.units', { count: units });
  // Narrow columns show the bare number; the whole phrase is the tooltip.
  caption.textContent = width < NARROW ? String(units) : count;
  caption.title = count;
  head.append(buttons, caption);
  return head;
}

/**
 * Positions `element` absolutely.
 * @param {HTMLElement} element
 * @param {number} x
 * @param {number} y
 * @param {number} width
 * @param {number} height
 */
function position(element, x, y, width, height) {
  element.style.left = `${x}px`;
  element.style.top = `${y}px`;
  element.style.width = `${width}px`;
  element.style.height = `${height}px`;
}
