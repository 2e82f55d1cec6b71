// The settings form, generated from the engine's settings table so the form, the link and the
// defaults cannot drift apart: the data column, the training panel, the display switches by the
// output and the language switch in the header. The engine says which fields matter now, what a
// change brings along and which notes apply; the form follows the experiment whenever its link
// changes. Each lab gives its table and where its settings go (`FormLayout`); the plane's is the
// default.

import { gridExtent, palette, randomSeed } from '../pkg/playground_wasm.js';
import { onLanguageChange } from './i18n.js';
import { createDatasetField } from '../plane/datasets.js';
import { make } from './dom.js';
import { createField } from './fields.js';
import { settingsTable } from './settings-table.js';
import { messageOf } from './i18n.js';
import { addTableStrings, choiceKey, settingKeys } from './strings.js';

/**
 * Settings other views render: the input features, the network's shape, hand-added points, and
 * the speed (in the top bar, beside Play).
 */
export const RENDERED_ELSEWHERE = new Set([
  'x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'networkShape', 'userPoints',
  'speed',
]);

/** Where each setting goes, in order; a setting not listed goes by its table group. */
const PLANE_PLACES = {
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

/** Whole-number settings shown as sliders, with their unit. */
const SLIDERS = { noise: '%', percTrainData: '%' };

/**
 * Where a lab's settings go. Places `data`, `view` and `language` fill `#data-panel`,
 * `#view-settings` and `#language-setting`; the places of `sections` are the training panel's
 * sections, in order, under their headings (i18n keys).
 * @typedef {object} FormLayout
 * @property {string} lab                          the lab whose settings table it shows
 * @property {Record<string, string[]>} places      the settings of each place, in order
 * @property {Record<string, string>} sections      the training panel's places and headings
 * @property {Record<string, string>} groupPlaces   where a setting no place lists goes, by group
 * @property {Set<string>} renderedElsewhere        settings other views render
 * @property {Set<string>} firstScreen              places built before the page is interactive
 * @property {boolean} regenerate                   whether the data has a Regenerate button
 */

/** The plane lab's form. @type {FormLayout} */
export const PLANE_LAYOUT = {
  lab: 'plane',
  places: PLANE_PLACES,
  sections: {
    optimizer: 'section.optimizer',
    schedule: 'section.schedule',
    overfitting: 'section.overfitting',
    weights: 'section.weights',
  },
  groupPlaces: { data: 'data', features: 'weights', network: 'weights', training: 'optimizer', view: 'view' },
  renderedElsewhere: RENDERED_ELSEWHERE,
  firstScreen: FIRST_SCREEN,
  regenerate: true,
};

/**
 * The form as a view. It fills `#data-panel`, `#training-panel`, `#view-settings` and
 * `#language-setting` under `root` (those the layout places settings in).
 * @param {import('../main.js').App} app
 * @param {ParentNode} root
 * @param {FormLayout} [layout] the lab's table and places; the plane's by default
 * @returns {import('../main.js').View}
 */
export function createFormView(app, root, layout = PLANE_LAYOUT) {
  const table = settingsTable(layout.lab);
  addTableStrings(table);
  const plane = { palette: palette(), extent: gridExtent() };
  const sections = buildSections(root, layout);
  /** @type {import('./fields.js').Field[]} */
  const fields = [];
  /** @type {Record<string, string>} */
  let values = {};
  let shown = '';

  const apply = (/** @type {string} */ key) => (/** @type {string | boolean} */ value) => {
    const playground = app.playground();
    if (!playground) return;
    try {
      app.change(playground.formChange(key, String(value)));
    } catch (error) {
      app.showError(messageOf(error));
    }
    // A refused change leaves the link as it was: show the values in force again.
    shown = '';
    refresh();
  };

  const rows = new Map(table.map((row) => [row.key, row]));
  fillSpeedMenu(root, rows.get('speed'));
  /** @type {Record<string, string[]>} */
  const places = Object.fromEntries(Object.entries(layout.places).map(([place, keys]) => [place, [...keys]]));
  const placed = new Set(Object.values(layout.places).flat());
  const extra = table.filter((row) => !placed.has(row.key) && !layout.renderedElsewhere.has(row.key));
  const [fallback] = Object.keys(layout.sections);
  for (const row of extra) places[layout.groupPlaces[row.group] ?? fallback].push(row.key);
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
            lab: layout.lab,
          });
        if (row.noteEn !== undefined) field.element.append(tableNote(key));
        sections[place].append(field.element);
        fields.push(field);
      }
    }
  };
  build((place) => layout.firstScreen.has(place));
  if (layout.regenerate) sections.data.append(regenerateButton(() => apply('seed')(randomSeed())));
  onLanguageChange(() => { for (const field of fields) field.relabel(); });

  /** Shows the experiment's values if its link changed since they were last shown. */
  function refresh() {
    const playground = app.playground();
    if (!playground) return;
    const query = playground.query();
    if (query === shown) return;
    shown = query;
    values = playground.values();
    const relevant = playground.relevant();
    const notes = new Set(playground.notes());
    for (const field of fields) {
      field.show(values[field.key], values);
      field.element.hidden = !relevant[field.key];
      const note = field.element.querySelector('[data-table-note]');
      if (note instanceof HTMLElement) note.hidden = !notes.has(field.key);
    }
  }

  return {
    update: refresh,
    restart: refresh,
    later() {
      build((place) => !layout.firstScreen.has(place));
      shown = '';
      refresh();
    },
  };
}

/**
 * The containers each place fills, with the panels' headings and sections.
 * @param {ParentNode} root
 * @param {FormLayout} layout
 * @returns {Record<string, HTMLElement>}
 */
function buildSections(root, layout) {
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
  /** @type {Record<string, HTMLElement>} */
  const sections = { data, language: find('language-setting') };
  for (const [place, key] of Object.entries(layout.sections)) sections[place] = section(key);
  if ('view' in layout.places) sections.view = find('view-settings');
  return sections;
}

/**
 * Fills the top bar's speed menu (beside Play) with the `speed` row's values and labels.
 * @param {ParentNode} root
 * @param {import('./types.js').SettingRow | undefined} row
 */
function fillSpeedMenu(root, row) {
  const select = root.querySelector('[data-testid="speed"]');
  if (!(select instanceof HTMLSelectElement) || !row?.names) return;
  select.replaceChildren(...row.names.map((name, index) => {
    const option = make('option', { value: name, textContent: row.labelsEn?.[index] ?? name });
    option.dataset.i18n = choiceKey('speed', name);
    return option;
  }));
  select.value = row.default;
}

/**
 * The table's note beside setting `key`'s field, hidden until the engine says it applies.
 * @param {string} key
 * @returns {HTMLParagraphElement}
 */
function tableNote(key) {
  const note = make('p', { className: 'note table-note', hidden: true });
  note.dataset.tableNote = '';
  note.dataset.testid = `note-${key}`;
  note.dataset.i18n = settingKeys(key).note;
  return note;
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
