// What the network picture shows and how it is painted: the elements for one structure, and on
// one canvas the links (faded away from the hovered unit, the edited one outlined) with every
// unit's map and bias marker on top; and the hover boxes. One canvas, not one per unit: each
// canvas costs the compositor a texture per update. Holds the last maps and weights.

import { t } from '../shared/i18n.js';
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
 * @typedef {import('../shared/types.js').NeuronMaps} Maps `neuronMaps()`
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
  /** Every drawn unit's map, one below the other, scaled onto the picture when drawn. */
  const atlas = document.createElement('canvas');
  atlas.width = size;
  const atlasContext = /** @type {CanvasRenderingContext2D} */ (atlas.getContext('2d'));
  const state = {
    /** @type {ImageData | null} the atlas's pixels, painted from the last maps */
    image: null,
    /** @type {Structure} */ structure: { features: [], hidden: [], outputs: 0 },
    picture: layout({ features: [], hidden: [], outputs: 1 }, 0),
    /** @type {Map<string, import('./network-nodes.js').UnitElements>} */ units: new Map(),
    /** @type {Layer[]} */ weights: [],
    /** @type {Maps | null} */ maps: null,
    /** @type {[number, number] | null} */ hover: null,
    /** @type {Target | null} */ selected: null,
  };
  const nameOf = (/** @type {number} */ layer, /** @type {number} */ unit) => unitName(state.structure, layer, unit);

  /**
   * Draws the canvas: the links, fading those away from the hovered unit and outlining the
   * edited one, then each unit's map (white until painted) and its bias marker.
   */
  function redraw() {
    const { selected, hover, picture, image } = state;
    const focus = selected && picture.links.find((link) => link.layer === selected.layer
      && link.from === selected.from && link.to === selected.to);
    /** @type {[number, number] | null} */
    const unit = hover && hover[0] === 0 ? [0, picture.nodes[0][hover[1]]?.unit ?? -1] : hover;
    const context = drawLinks(dom.canvas, picture, state.weights, { unit, focus });
    const { node } = picture;
    context.imageSmoothingEnabled = true;
    context.fillStyle = '#ffffff';
    context.strokeStyle = '#5d6b7a';
    context.lineWidth = 1;
    [...state.units.values()].forEach((drawn, index) => {
      if (image) context.drawImage(atlas, 0, index * size, size, size, drawn.x, drawn.y, node, node);
      else context.fillRect(drawn.x, drawn.y, node, node);
      const bias = state.weights[drawn.layer - 1]?.bias[drawn.unit];
      context.fillStyle = divergingColour(bias ?? 0, BIAS_SCALE);
      context.fillRect(drawn.x - 4, drawn.y + node - 5, 9, 9);
      context.strokeRect(drawn.x - 3.5, drawn.y + node - 4.5, 8, 8);
      context.fillStyle = '#ffffff';
    });
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
      state.image = null;
      popup.hide();
      redraw();
    },
    paint(maps = state.maps ?? undefined, weights = state.weights) {
      state.maps = maps ?? null;
      state.weights = weights;
      if (!maps || maps.size !== size || maps.sizes.length !== state.structure.hidden.length + 2) return;
      const pixels = size * size;
      const starts = mapStarts(maps.sizes);
      const units = [...state.units.values()];
      if (state.image?.height !== size * units.length) {
        atlas.height = Math.max(1, size * units.length);
        state.image = atlasContext.createImageData(size, atlas.height);
      }
      const { data } = state.image;
      units.forEach((unit, index) => {
        const offset = (starts[unit.layer] + unit.unit) * pixels;
        if (offset + pixels <= maps.maps.length) {
          paintMap(maps.maps, offset, data.subarray(4 * index * pixels, 4 * (index + 1) * pixels));
        }
      });
      atlasContext.putImageData(state.image, 0, 0);
      redraw();
      if (state.hover) showUnit(...state.hover);
    },
    hover(unit) {
      if (!unit) popup.hide();
      if (String(unit) === String(state.hover)) return;
      state.hover = unit;
      if (unit) showUnit(...unit);
      redraw();
    },
    select(target) {
      state.selected = target;
      popup.hide();
      redraw();
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
