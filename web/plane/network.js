// The network picture's behaviour: input features, hidden layers and output as nodes showing
// their own activation over the plane, links coloured and thickened by their weights, controls
// to add and remove layers, units and inputs, and an editor for single weights. Reads the
// experiment and changes it only through `App`; redraws at a pace that keeps frames short.

import './network-strings.js';
import { language, onLanguageChange, t } from '../shared/i18n.js';
import { createPacer } from './network-pacer.js';
import { buildPanel } from './network-panel.js';
import { createPicture } from './network-picture.js';
import { FEATURES, featureMaps } from './neuron-maps.js';
import { settingsTable } from '../shared/settings-table.js';
import { createWeightEditor } from './weight-editor.js';

/** Pixels per side of every unit's map: small, so that drawing them stays cheap. */
const THUMB = 20;

/**
 * @typedef {import('../main.js').App} App
 * @typedef {import('../main.js').View} View
 * @typedef {import('../main.js').Playground} Playground
 * @typedef {import('./network-layout.js').Structure} Structure
 * @typedef {import('./weight-editor.js').Target} Target
 */

/**
 * The network picture inside `root` (the empty `#network-panel`). Units are numbered as in
 * `neuronMaps`: layer 0 the features, then the hidden layers, the output last; so the default
 * network's units are `neuron-1-0` … `neuron-2-11` and its output `neuron-3-0`.
 * @param {App} app
 * @param {HTMLElement} root
 * @returns {View}
 */
export function createNetworkView(app, root) {
  const shape = settingsTable().find((row) => row.key === 'networkShape');
  const limits = { layers: shape?.maxLen ?? 8, units: shape?.max ?? 64 };
  const dom = buildPanel(root);
  const picture = createPicture(dom, THUMB, featureMaps(THUMB), limits.units);
  const state = { query: '', step: -1, width: 0, language: language(), visible: true, dirty: true };
  /** @type {import('../shared/types.js').NeuronMaps | undefined} The last maps, refilled in place by the next draw. */
  let maps;

  /** New elements for `structure` at the panel's width, keeping keyboard focus where it was. */
  function rebuild(/** @type {Structure} */ structure) {
    const active = /** @type {HTMLElement} */ (document.activeElement);
    const focused = root.contains(active) ? active.dataset.testid : undefined;
    if (JSON.stringify(structure) !== JSON.stringify(picture.structure())) editor.close();
    state.width = dom.scroll.clientWidth;
    picture.rebuild(structure, state.width);
    const layers = structure.hidden.length;
    dom.count.textContent = t(layers === 1 ? 'network.layers.one' : 'network.layers', { count: layers });
    dom.addLayer.disabled = layers >= limits.layers;
    dom.removeLayer.disabled = layers === 0;
    if (focused) /** @type {HTMLElement | null} */ (root.querySelector(`[data-testid="${focused}"]`))?.focus();
  }

  /** Reads the experiment's structure when its link changed, and rebuilds if it differs. */
  function sync(/** @type {Playground} */ playground) {
    const query = playground.query();
    if (query === state.query) return;
    state.query = query;
    const values = playground.values();
    const layers = playground.weights();
    const structure = {
      features: FEATURES.map((feature) => values[feature.key] === 'true'),
      hidden: values.networkShape ? String(values.networkShape).split(',').map(Number) : [],
      outputs: layers[layers.length - 1].units,
    };
    if (JSON.stringify(structure) === JSON.stringify(picture.structure())) return;
    rebuild(structure);
    state.dirty = true;
  }

  /**
   * Fetches the maps and weights from the experiment and paints them. Each drawing is a
   * `network picture` measure on the performance timeline (DevTools shows it; a test reads it).
   */
  function draw() {
    const playground = app.playground();
    if (!playground) return;
    const start = performance.now();
    try {
      maps = playground.neuronMaps(THUMB, maps?.maps);
      picture.paint(maps, playground.weights());
      state.dirty = false;
    } catch (error) {
      app.showError(error instanceof Error ? error.message : String(error));
    }
    performance.measure('network picture', { start });
  }
  const pacer = createPacer(draw);

  const editor = createWeightEditor(dom.body, {
    sources: (layer) => Array.from({ length: picture.weights()[layer]?.inputs ?? 0 },
      (_, from) => picture.nameOf(layer, from)),
    unitName: (layer, to) => picture.nameOf(layer + 1, to),
    valueOf: ({ layer, from, to }) => {
      const weights = picture.weights()[layer];
      if (!weights) return Number.NaN;
      return from === weights.inputs ? weights.bias[to] : weights.weight[from * weights.units + to];
    },
    apply: ({ layer, from, to }, value) => {
      try {
        app.playground()?.setWeight(layer, from, to, value);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      state.dirty = true;
      app.redraw();
      return null;
    },
    selected: (target) => picture.select(target),
  });

  /** Opens the editor for `target` next to `(x, y)` in the stage's pixels. */
  function openEditor(/** @type {Target} */ target, /** @type {number} */ x, /** @type {number} */ y,
    /** @type {HTMLElement | undefined} */ opener) {
    picture.hover(null);
    const { layer, from, to } = target;
    editor.open({ layer, from, to }, { x: x - dom.scroll.scrollLeft, y }, opener);
  }

  /** Asks for `networkShape` edited by `edit`. */
  function changeShape(/** @type {(hidden: number[]) => number[]} */ edit) {
    app.change({ networkShape: edit([...picture.structure().hidden]).join(',') });
  }

  /** Turns a feature on or off; the last one on stays on, with a message. */
  function toggleFeature(/** @type {string} */ key) {
    const index = FEATURES.findIndex((feature) => feature.key === key);
    const on = picture.structure().features;
    if (on[index] && on.filter(Boolean).length === 1) {
      app.showError(t('network.lastFeature', { name: FEATURES[index].label }));
      return;
    }
    app.change({ [key]: !on[index] });
  }

  /** What a click on the stage does: toggle an input, resize a layer, or open the editor. */
  function click(/** @type {MouseEvent} */ event) {
    const target = /** @type {HTMLElement} */ (event.target);
    const button = /** @type {HTMLElement | null} */ (target.closest('button'));
    const data = button?.dataset ?? {};
    if (data.feature) {
      toggleFeature(data.feature);
    } else if (data.action) {
      const [layer, delta] = [Number(data.layer), data.action === 'add-unit' ? 1 : -1];
      changeShape((hidden) => hidden.map((units, index) => (index === layer - 1 ? units + delta : units)));
    } else if (button && data.unit !== undefined) {
      const [layer, to] = [Number(data.layer), Number(data.unit)];
      const { nodes, node } = picture.layout();
      const bias = picture.weights()[layer - 1]?.inputs ?? 0;
      openEditor({ layer: layer - 1, from: bias, to }, nodes[layer][to].x + node, nodes[layer][to].y, button);
    } else if (target === dom.canvas) {
      const link = picture.linkAt(event.offsetX, event.offsetY);
      if (link) openEditor(link, event.offsetX, event.offsetY, undefined);
    }
  }

  /** The pointer over the stage: a node's map enlarged, or a link's weight as a tooltip. */
  function pointerMove(/** @type {PointerEvent} */ event) {
    const node = /** @type {HTMLElement} */ (event.target).closest('button');
    picture.hover(node ? unitOf(/** @type {HTMLElement} */ (node)) : null);
    if (!node && event.target === dom.canvas) picture.linkAt(event.offsetX, event.offsetY);
  }

  /** The `[layer, unit]` a node element stands for (features by row), or null. */
  function unitOf(/** @type {HTMLElement} */ node) {
    const { feature, layer, unit } = node.dataset;
    if (feature) return /** @type {[number, number]} */ ([0, FEATURES.findIndex((f) => f.key === feature)]);
    return unit === undefined ? null : /** @type {[number, number]} */ ([Number(layer), Number(unit)]);
  }

  dom.addLayer.addEventListener('click', () => changeShape((hidden) => [...hidden, hidden.at(-1) ?? 4]));
  dom.removeLayer.addEventListener('click', () => changeShape((hidden) => hidden.slice(0, -1)));
  dom.stage.addEventListener('click', click);
  dom.stage.addEventListener('pointermove', pointerMove);
  dom.stage.addEventListener('pointerleave', () => picture.hover(null));
  dom.stage.addEventListener('focusin', (event) => picture.hover(unitOf(/** @type {HTMLElement} */ (event.target))));
  dom.stage.addEventListener('focusout', () => picture.hover(null));
  new ResizeObserver(() => {
    if (state.query === '' || dom.scroll.clientWidth === state.width) return;
    rebuild(picture.structure());
    picture.paint();
  }).observe(dom.scroll);
  new IntersectionObserver((entries) => {
    state.visible = entries.some((entry) => entry.isIntersecting);
    if (state.visible && state.dirty) pacer.now();
  }).observe(dom.stage);
  onLanguageChange((next) => {
    const changed = next !== state.language;
    state.language = next;
    if (!changed || state.query === '') return;
    rebuild(picture.structure());
    picture.paint();
    editor.translate();
  });

  return {
    update({ playground, metrics }) {
      sync(playground);
      const training = metrics.step !== state.step && !state.dirty;
      state.step = metrics.step;
      if (!state.visible) state.dirty = true;
      else if (training) pacer.soon();
      else pacer.now();
    },
    restart() {
      state.dirty = true;
    },
  };
}
