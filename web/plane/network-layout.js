// Where the network picture puts things: one column per layer (the seven features, the hidden
// layers, the output), the units shown in each, the links between them as curves, and which
// link lies under the pointer. Pure geometry: no DOM, no playground.

/** Units drawn per layer; the rest are summed up in a "+N" marker. */
export const MAX_SHOWN = 12;
/** Room left of the feature column for the features' names, in CSS pixels. */
export const LABEL_WIDTH = 52;
/** Room above the nodes for each layer's buttons and unit count. */
const HEADER_HEIGHT = 62;
/** Narrowest and widest distance between columns; narrower pictures scroll sideways. */
const MIN_PITCH = 56;
const MAX_PITCH = 150;
/** Smallest and largest node. */
const MIN_NODE = 24;
const MAX_NODE = 38;
/** The nodes of the longest column fit in about this height when they can. */
const NODES_HEIGHT = 440;
/** Blank margin at the right. */
const PAD = 6;
/** How near the pointer must come to a link to pick it, in CSS pixels. */
const PICK_DISTANCE = 4;

/**
 * What the picture shows.
 * @typedef {object} Structure
 * @property {boolean[]} features  whether each of the seven features is on, in key order
 * @property {number[]} hidden     units per hidden layer
 * @property {number} outputs      output units
 */

/**
 * One drawn unit. Layers are numbered as in `neuronMaps`: 0 for the features, then the hidden
 * layers, the output last. `unit` is its index in its layer (a feature that is off has -1).
 * @typedef {{layer: number, unit: number, x: number, y: number}} Node
 */

/**
 * One drawn link: the weight of layer `layer` (`weights()[layer]`) from input `from` to unit
 * `to`, drawn from `(x1, y1)` to `(x2, y2)`.
 * @typedef {{layer: number, from: number, to: number, x1: number, y1: number, x2: number,
 *   y2: number}} Link
 */

/**
 * @typedef {object} Layout
 * @property {number} width   of the whole picture (at least the width asked for)
 * @property {number} height
 * @property {number} node    side of a node
 * @property {number} header  height of the header row
 * @property {number} pitch   distance between columns
 * @property {number[]} columns  left edge of each layer's nodes
 * @property {Node[][]} nodes    per layer, the nodes drawn (all seven features in layer 0)
 * @property {number[]} more     per layer, the units not drawn
 * @property {Link[]} links
 */

/**
 * Lays `structure` out in `width` CSS pixels.
 * @param {Structure} structure
 * @param {number} width
 * @returns {Layout}
 */
export function layout(structure, width) {
  const sizes = [structure.features.length, ...structure.hidden, structure.outputs];
  const gaps = sizes.length - 1;
  const rows = Math.max(...sizes.map((units, layer) => (layer === 0 || units <= MAX_SHOWN ? units : MAX_SHOWN + 1)));
  const guess = Math.min((width - LABEL_WIDTH - PAD) / sizes.length / 2, NODES_HEIGHT / rows / 1.3);
  const node = Math.round(Math.max(MIN_NODE, Math.min(MAX_NODE, guess)));
  const pitch = Math.max(MIN_PITCH, Math.min(MAX_PITCH, (width - LABEL_WIDTH - node - PAD) / gaps));
  const used = LABEL_WIDTH + gaps * pitch + node + PAD;
  const left = LABEL_WIDTH + Math.max(0, (width - used) / 2);
  const rowPitch = node + Math.max(6, Math.round(node * 0.3));
  const columns = sizes.map((_, layer) => Math.round(left + layer * pitch));

  let input = 0;
  const features = structure.features.map((on, row) => ({
    layer: 0,
    unit: on ? input++ : -1,
    x: columns[0],
    y: HEADER_HEIGHT + row * rowPitch,
  }));
  const later = sizes.slice(1).map((units, index) => {
    const layer = index + 1;
    return Array.from({ length: Math.min(units, MAX_SHOWN) }, (_, unit) => ({
      layer, unit, x: columns[layer], y: HEADER_HEIGHT + unit * rowPitch,
    }));
  });
  const nodes = [features, ...later];
  const more = sizes.map((units, layer) => (layer === 0 ? 0 : Math.max(0, units - MAX_SHOWN)));
  return {
    width: Math.max(width, Math.ceil(used)),
    height: HEADER_HEIGHT + rows * rowPitch,
    node,
    header: HEADER_HEIGHT,
    pitch,
    columns,
    nodes,
    more,
    links: linksOf(nodes, node),
  };
}

/**
 * Every link between drawn nodes of neighbouring layers (features that are off have none).
 * @param {Node[][]} nodes
 * @param {number} side
 * @returns {Link[]}
 */
function linksOf(nodes, side) {
  const links = [];
  for (let layer = 0; layer + 1 < nodes.length; layer += 1) {
    for (const source of nodes[layer]) {
      if (source.unit < 0) continue;
      for (const target of nodes[layer + 1]) {
        links.push({
          layer,
          from: source.unit,
          to: target.unit,
          x1: source.x + side,
          y1: source.y + side / 2,
          x2: target.x,
          y2: target.y + side / 2,
        });
      }
    }
  }
  return links;
}

/**
 * The point of `link`'s curve at parameter `t` in [0, 1]. The curve is a cubic Bézier whose
 * control points sit halfway across at the two ends' heights, so x and y are smooth steps.
 * @param {Link} link
 * @param {number} t
 * @returns {{x: number, y: number}}
 */
export function pointOn(link, t) {
  return {
    x: link.x1 + (link.x2 - link.x1) * (1.5 * t * (1 - t) + t * t * t),
    y: link.y1 + (link.y2 - link.y1) * (3 * t * t - 2 * t * t * t),
  };
}

/**
 * The link nearest to `(x, y)` within a few pixels, or null.
 * @param {Layout} picture
 * @param {number} x
 * @param {number} y
 * @returns {Link | null}
 */
export function linkAt(picture, x, y) {
  let best = null;
  let bestDistance = PICK_DISTANCE;
  let gap = -1;
  let t = 0;
  for (const link of picture.links) {
    if (x <= link.x1 || x >= link.x2) continue;
    if (link.layer !== gap) {
      gap = link.layer;
      t = parameterAt(link, x);
    }
    const dy = (link.y2 - link.y1) * 6 * t * (1 - t);
    const dx = (link.x2 - link.x1) * (1.5 - 3 * t + 3 * t * t);
    const off = Math.abs(y - pointOn(link, t).y) / Math.hypot(1, dy / dx);
    if (off < bestDistance) {
      bestDistance = off;
      best = link;
    }
  }
  return best;
}

/**
 * The curve parameter where `link` reaches `x` (its x grows with t), by bisection.
 * @param {Link} link
 * @param {number} x
 */
function parameterAt(link, x) {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 24; i += 1) {
    const mid = (low + high) / 2;
    if (pointOn(link, mid).x < x) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
