// The settings form, generated from the engine's settings table so the form, the link and the
// defaults cannot drift apart: the data column, the training panel, the display switches by the
// output and the language switch in the header. It shows only the fields that matter for the
// current choices and follows the experiment whenever its link changes.

import { gridExtent, palette, randomSeed } from './pkg/playground_wasm.js';
import { onLanguageChange } from './i18n.js';
import { createDatasetField } from './datasets.js';
import { make } from './dom.js';
import { createField } from './fields.js';
import { settingsTable } from './settings-table.js';
import { addTableStrings } from './strings.js';

/** Settings other views render: the input features, the network's shape, hand-added points. */
export const RENDERED_ELSEWHERE = new Set([
  'x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'networkShape', 'userPoints',
]);

/** Where each setting goes, in order; a setting not listed goes by its table group. */
const PLACES = {
  data: ['problem', 'dataset', 'regDataset', 'classes', 'numSamples', 'noise', 'percTrainData',
    'batchSize', 'seed'],
  optimizer: ['loss', 'optimizer', 'learningRate', 'momentum', 'beta1', 'beta2', 'rho',
    'weightDecay'],
  schedule: ['lrSchedule', 'lrEpochs', 'lrDecay'],
  overfitting: ['regularization', 'regularizationRate', 'dropout', 'augmentNoise', 'patience'],
  weights: ['activation', 'init', 'initScale', 'initSeed'],
  view: ['showTestData', 'discretize'],
  language: ['lang'],
};
/**
 * The places on the first screen, built before the page is interactive; the training
 * sections below them are built right after (`later`), which keeps a third of the page's
 * elements out of its first layout.
 */
const FIRST_SCREEN = new Set(['data', 'view', 'language']);

/** @type {Record<string, keyof PLACES>} */
const GROUP_PLACES = { data: 'data', features: 'weights', network: 'weights', training: 'optimizer', view: 'view' };

/** Datasets whose number of classes can be chosen. */
const CLASS_CHOICE = new Set(['spiral', 'gauss']);
const ADAM = new Set(['adam', 'adamw']);

/**
 * When a setting matters, given every current value; settings not listed always matter.
 * @type {Record<string, (values: Record<string, string>) => boolean>}
 */
const RELEVANT = {
  dataset: (v) => v.problem === 'classification',
  regDataset: (v) => v.problem === 'regression',
  classes: (v) => v.problem === 'classification' && CLASS_CHOICE.has(v.dataset),
  loss: (v) => v.problem === 'classification',
  momentum: (v) => v.optimizer === 'momentum' || v.optimizer === 'nesterov',
  beta1: (v) => ADAM.has(v.optimizer),
  beta2: (v) => ADAM.has(v.optimizer),
  rho: (v) => v.optimizer === 'rmsprop',
  weightDecay: (v) => v.optimizer === 'adamw',
  lrEpochs: (v) => v.lrSchedule !== 'constant',
  lrDecay: (v) => v.lrSchedule === 'step',
  regularizationRate: (v) => v.regularization !== 'none',
};

/** Whole-number settings shown as sliders, with their unit. */
const SLIDERS = { noise: '%', percTrainData: '%' };

/**
 * Settings that must change together with another so the experiment stays valid: a dataset
 * without a class choice has two classes, and regression learns with squared error.
 * @param {string} key
 * @param {string | boolean} value
 * @param {Record<string, string>} values the current values
 * @returns {Record<string, string | boolean>}
 */
function withCompanions(key, value, values) {
  if (key === 'dataset' && !CLASS_CHOICE.has(String(value)) && values.classes !== '2') {
    return { dataset: value, classes: '2' };
  }
  if (key === 'problem' && value === 'regression' && values.loss !== 'mse') {
    return { problem: value, loss: 'mse' };
  }
  return { [key]: value };
}

/**
 * The form as a view. It fills `#data-panel`, `#training-panel`, `#view-settings` and
 * `#language-setting` under `root`.
 * @param {import('./main.js').App} app
 * @param {ParentNode} root
 * @returns {import('./main.js').View}
 */
export function createFormView(app, root) {
  const table = settingsTable();
  addTableStrings(table);
  const plane = { palette: palette(), extent: gridExtent() };
  const sections = buildSections(root);
  /** @type {import('./fields.js').Field[]} */
  const fields = [];
  /** @type {Record<string, string>} */
  let values = {};
  let shown = '';

  const apply = (/** @type {string} */ key) => (/** @type {string | boolean} */ value) => {
    app.change(withCompanions(key, value, values));
    // A refused change leaves the link as it was: show the values in force again.
    shown = '';
    refresh();
  };

  const rows = new Map(table.map((row) => [row.key, row]));
  /** @type {Record<string, string[]>} */
  const places = Object.fromEntries(Object.entries(PLACES).map(([place, keys]) => [place, [...keys]]));
  const placed = new Set(Object.values(PLACES).flat());
  const extra = table.filter((row) => !placed.has(row.key) && !RENDERED_ELSEWHERE.has(row.key));
  for (const row of extra) places[GROUP_PLACES[row.group] ?? 'optimizer'].push(row.key);
  /** Builds the fields of the places `which` picks, in table order within each place. */
  const build = (/** @type {(place: string) => boolean} */ which) => {
    for (const [place, keys] of Object.entries(places)) {
      if (!which(place)) continue;
      for (const key of keys) {
        const row = rows.get(key);
        if (!row) continue;
        const field = row.key === 'dataset' || row.key === 'regDataset'
          ? createDatasetField(row, apply(key), plane)
          : createField(row, apply(key), {
            slider: key in SLIDERS,
            unit: SLIDERS[/** @type {keyof SLIDERS} */ (key)],
            testid: key === 'lang' ? 'language' : undefined,
            compact: key === 'lang',
          });
        sections[/** @type {keyof PLACES} */ (place)].append(field.element);
        fields.push(field);
      }
    }
  };
  build((place) => FIRST_SCREEN.has(place));
  sections.data.append(regenerateButton(() => apply('seed')(randomSeed())));
  onLanguageChange(() => { for (const field of fields) field.relabel(); });

  /** Shows the experiment's values if its link changed since they were last shown. */
  function refresh() {
    const playground = app.playground();
    if (!playground) return;
    const query = playground.query();
    if (query === shown) return;
    shown = query;
    values = playground.values();
    for (const field of fields) {
      field.show(values[field.key], values);
      field.element.hidden = !(RELEVANT[field.key]?.(values) ?? true);
    }
  }

  return {
    update: refresh,
    restart: refresh,
    later() {
      build((place) => !FIRST_SCREEN.has(place));
      shown = '';
      refresh();
    },
  };
}

/**
 * The containers each place fills, with the panels' headings and sections.
 * @param {ParentNode} root
 * @returns {Record<keyof PLACES, HTMLElement>}
 */
function buildSections(root) {
  const find = (/** @type {string} */ id) => {
    const element = root.querySelector(`#${id}`);
    if (!element) throw new Error(`the page has no #${id}`);
    return /** @type {HTMLElement} */ (element);
  };
  const heading = (/** @type {string} */ key, /** @type {string} */ tag) => {
    const element = make(/** @type {'h2'} */ (tag), {});
    element.dataset.i18n = key;
    return element;
  };
  const dataPanel = find('data-panel');
  const data = make('div', { className: 'fields' });
  dataPanel.append(heading('panel.data', 'h2'), data);

  const trainingPanel = find('training-panel');
  const grid = make('div', { className: 'sections' });
  trainingPanel.append(heading('panel.training', 'h2'), grid);
  const section = (/** @type {string} */ key) => {
    const fields = make('div', { className: 'fields' });
    grid.append(make('section', { className: 'settings-section' }, [heading(key, 'h3'), fields]));
    return fields;
  };
  return {
    data,
    optimizer: section('section.optimizer'),
    schedule: section('section.schedule'),
    overfitting: section('section.overfitting'),
    weights: section('section.weights'),
    view: find('view-settings'),
    language: find('language-setting'),
  };
}

/**
 * The Regenerate button: new points from a new data seed.
 * @param {() => void} onClick
 * @returns {HTMLButtonElement}
 */
function regenerateButton(onClick) {
  const label = make('span', {});
  label.dataset.i18n = 'data.regenerate';
  const button = make('button', { type: 'button', className: 'regenerate' }, [label]);
  button.dataset.testid = 'regenerate';
  button.dataset.i18nTitle = 'data.regenerate.title';
  button.addEventListener('click', onClick);
  return button;
}
