// What the network picture shows and how it is painted: the elements for one structure, each
// unit's map and bias marker, the links (faded away from the hovered unit, the edited one
// outlined) and the hover boxes. Holds the last maps and weights; asks the experiment nothing.

import { t } from './i18n.js';
import { layout, linkAt } from './network-layout.js';
import { drawLinks, weightOf } from './network-links.js';
import { buildNodes, unitName } from './network-nodes.js';
import { formatNumber } from './network-panel.js';
import { createPopup } from './network-popup.js';
import { divergingColour, FEATURES, mapStarts, paintMap, rangeOf } from './neuron-maps.js';

/** A bias of this size or more gets the full colour on its marker. */
const BIAS_SCALE = 1;

/**
 * @typedef {import('./network-layout.js').Structure} Structure
 * @typedef {import('./network-layout.js').Layout} Layout
 * @typedef {import('./network-layout.js').Link} Link
 * @typedef {import('./network-links.js').Layer} Layer
 * @typedef {import('./weight-editor.js').Target} Target
 * @typedef {{size: number, sizes: number[], maps: Float32Array}} Maps `neuronMaps()`
 */

/**
 * @typedef {object} Picture
 * @property {() => Structure} structure  what is shown
 * @property {() => Layout} layout        where it is
 * @property {() => Layer[]} weights      the weights last painted
 * @property {(layer: number, unit: number) => string} nameOf  a unit's name
 * @property {(structure: Structure, width: number) => void} rebuild  new elements
 * @property {(maps?: Maps, weights?: Layer[]) => void} paint  paints new (or the last) numbers
 * @property {(unit: [number, number] | null) => void} hover  enlarges a unit's map (layer 0:
 *   the feature in that row) and emphasises its links
 * @property {(target: Target | null) => void} select  outlines the link being edited
 * @property {(x: number, y: number) => Link | null} linkAt  the link under a point, with its tooltip
 */

/**
 * A picture drawn into the panel `dom`, with maps of `size x size` pixels.
 * @param {import('./network-panel.js').Panel} dom
 * @param {number} size
 * @param {Float32Array} features the features' maps (`featureMaps(size, …)`)
 * @param {number} maxUnits the most units a hidden layer may have
 * @returns {Picture}
 */
export function createPicture(dom, size, features, maxUnits) {
  const popup = createPopup(dom.body, size);
  const state = {
    /** @type {Structure} */ structure: { features: [], hidden: [], outputs: 0 },
    picture: layout({ features: [], hidden: [], outputs: 1 }, 0),
    /** @type {Map<string, import('./network-nodes.js').UnitElements>} */ units: new Map(),
    /** @type {Layer[]} */ weights: [],
    /** @type {Maps | null} */ maps: null,
    /** @type {[number, number] | null} */ hover: null,
    /** @type {Target | null} */ selected: null,
  };
  const nameOf = (/** @type {number} */ layer, /** @type {number} */ unit) => unitName(state.structure, layer, unit);

  /** Draws the links, fading those away from the hovered unit and outlining the edited one. */
  function redrawLinks() {
    const { selected, hover, picture } = state;
    const focus = selected && picture.links.find((link) => link.layer === selected.layer
      && link.from === selected.from && link.to === selected.to);
    const unit = hover && hover[0] === 0 ? [0, picture.nodes[0][hover[1]]?.unit ?? -1] : hover;
    drawLinks(dom.canvas, picture, state.weights, { unit: /** @type {any} */ (unit), focus });
  }

  /** Shows the enlarged map of unit `unit` of layer `layer` (layer 0: the feature in row `unit`). */
  function showUnit(/** @type {number} */ layer, /** @type {number} */ unit) {
    const { maps, picture } = state;
    const pixels = size * size;
    const place = picture.nodes[layer]?.[unit];
    const values = layer === 0 ? features : maps?.maps;
    const offset = (layer === 0 ? unit : mapStarts(maps?.sizes ?? [])[layer] + unit) * pixels;
    if (!place || !values || !(offset + pixels <= values.length)) return;
    const range = rangeOf(values, offset, pixels);
    const lines = [t('network.range', { min: formatNumber(range.min), max: formatNumber(range.max) })];
    const bias = layer > 0 ? state.weights[layer - 1]?.bias[unit] : undefined;
    if (bias !== undefined) lines.push(t('network.bias', { value: formatNumber(bias) }));
    const title = layer === 0 ? FEATURES[unit].label : nameOf(layer, unit);
    const x = place.x - dom.scroll.scrollLeft;
    popup.showMap({ x, y: place.y, side: picture.node, title, lines, values, offset });
  }

  return {
    structure: () => state.structure,
    layout: () => state.picture,
    weights: () => state.weights,
    nameOf,
    rebuild(structure, width) {
      state.structure = structure;
      state.picture = layout(structure, width);
      state.units = buildNodes(dom.nodes, structure, state.picture, size, features, maxUnits);
      dom.stage.style.width = `${state.picture.width}px`;
      dom.stage.style.height = `${state.picture.height}px`;
      state.hover = null;
      popup.hide();
    },
    paint(maps = state.maps ?? undefined, weights = state.weights) {
      state.maps = maps ?? null;
      state.weights = weights;
      if (!maps || maps.sizes.length !== state.structure.hidden.length + 2) return;
      const pixels = maps.size * maps.size;
      const starts = mapStarts(maps.sizes);
      for (const unit of state.units.values()) {
        const offset = (starts[unit.layer] + unit.unit) * pixels;
        if (offset + pixels > maps.maps.length) continue;
        paintMap(maps.maps, offset, unit.image.data);
        unit.context.putImageData(unit.image, 0, 0);
        const bias = weights[unit.layer - 1]?.bias[unit.unit];
        unit.bias.style.backgroundColor = divergingColour(bias, BIAS_SCALE);
      }
      redrawLinks();
      if (state.hover) showUnit(...state.hover);
    },
    hover(unit) {
      if (!unit) popup.hide();
      if (String(unit) === String(state.hover)) return;
      state.hover = unit;
      if (unit) showUnit(...unit);
      redrawLinks();
    },
    select(target) {
      state.selected = target;
      popup.hide();
      redrawLinks();
    },
    linkAt(x, y) {
      const link = linkAt(state.picture, x, y);
      if (!link) {
        popup.hide();
        return null;
      }
      popup.showText(x - dom.scroll.scrollLeft, y, t('network.link', {
        value: formatNumber(weightOf(state.weights, link)),
        from: nameOf(link.layer, link.from),
        to: nameOf(link.layer + 1, link.to),
      }));
      return link;
    },
  };
}
