// The dataset picker: one thumbnail per dataset, each drawn from points the engine's own
// generator makes with the current classes, noise and data seed; choosing one is a radio
// choice, so arrow keys move through them. No dataset math happens here.

import { datasetPreview } from '../pkg/playground_wasm.js';
import { classColour } from '../shared/canvas.js';
import { t } from '../shared/i18n.js';
import { make } from '../shared/dom.js';
import { choiceKey, settingKeys } from '../shared/strings.js';

/** Points per thumbnail. */
const PREVIEW_POINTS = 160;
/** Thumbnail side in CSS pixels. */
const THUMB_SIZE = 64;
/** Radius of a thumbnail point in CSS pixels. */
const DOT_RADIUS = 1.6;

/**
 * A picker for a choice setting of datasets (`dataset` or `regDataset`), as a form field.
 * @param {import('../shared/fields.js').SettingRow} row
 * @param {(value: string) => void} apply  called with the chosen dataset's link name
 * @param {{palette: Uint8Array, extent: number}} plane  class colours and the plane's extent
 * @returns {import('../shared/fields.js').Field}
 */
export function createDatasetField(row, apply, plane) {
  const keys = settingKeys(row.key);
  const element = make('div', { className: 'field field-datasets' });
  element.dataset.setting = row.key;
  const legend = make('p', { className: 'field-legend', id: `setting-${row.key}-legend` });
  legend.dataset.i18n = keys.name;
  legend.dataset.i18nTitle = keys.help;
  const group = make('div', { className: 'thumbs' });
  group.setAttribute('role', 'radiogroup');
  group.setAttribute('aria-labelledby', legend.id);
  group.dataset.testid = `setting-${row.key}`;
  const note = make('p', { className: 'note', hidden: true });
  note.dataset.note = '';

  /** @type {Map<string, {input: HTMLInputElement, canvas: HTMLCanvasElement}>} */
  const thumbs = new Map();
  for (const name of row.names ?? []) {
    const input = make('input', { type: 'radio', name: `setting-${row.key}`, value: name });
    input.className = 'visually-hidden';
    input.addEventListener('change', () => { if (input.checked) apply(name); });
    const canvas = make('canvas', {});
    canvas.setAttribute('aria-hidden', 'true');
    const caption = make('span', { textContent: t(choiceKey(row.key, name)) });
    caption.dataset.i18n = choiceKey(row.key, name);
    const label = make('label', { className: 'thumb' }, [input, canvas, caption]);
    label.dataset.testid = `dataset-${name}`;
    group.append(label);
    thumbs.set(name, { input, canvas });
  }
  element.append(legend, group, note);

  let drawn = '';
  return {
    key: row.key,
    element,
    show(value, values) {
      for (const [name, { input }] of thumbs) input.checked = name === value;
      // Thumbnails depend only on what shapes the points; redraw when that changes.
      const shape = [values.classes, values.noise, values.seed].join('|');
      if (shape === drawn) return;
      drawn = shape;
      for (const [name, { canvas }] of thumbs) {
        drawThumb(canvas, preview(name, values), row.key === 'regDataset', plane);
      }
    },
    relabel() {},
  };
}

/**
 * The preview points for `name` under `values`, or none if the engine refuses the arguments.
 * @param {string} name
 * @param {Record<string, string>} values
 * @returns {Float32Array}
 */
function preview(name, values) {
  try {
    return datasetPreview(name, Number(values.classes), Number(values.noise), values.seed, PREVIEW_POINTS);
  } catch {
    return new Float32Array();
  }
}

/**
 * Draws `[x, y, label]` points on a small canvas: class colours, or for regression the colour
 * of the target's sign, fading towards zero.
 * @param {HTMLCanvasElement} canvas
 * @param {Float32Array} points
 * @param {boolean} regression
 * @param {{palette: Uint8Array, extent: number}} plane
 */
function drawThumb(canvas, points, regression, { palette, extent }) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(THUMB_SIZE * ratio);
  canvas.height = Math.round(THUMB_SIZE * ratio);
  const context = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.fillStyle = '#f4f6f8';
  context.fillRect(0, 0, THUMB_SIZE, THUMB_SIZE);
  const scale = THUMB_SIZE / (2 * extent);
  for (let i = 0; i < points.length; i += 3) {
    const label = points[i + 2];
    context.globalAlpha = regression ? 0.25 + 0.75 * Math.min(1, Math.abs(label)) : 1;
    context.fillStyle = classColour(palette, regression ? Number(label >= 0) : label);
    context.beginPath();
    context.arc((points[i] + extent) * scale, (extent - points[i + 1]) * scale, DOT_RADIUS, 0, 2 * Math.PI);
    context.fill();
  }
  context.globalAlpha = 1;
}
