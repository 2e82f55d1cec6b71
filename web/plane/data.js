// Data by hand: a toolbar under the output plane to choose the class (or, for regression, the
// value) of new points; a click on the plane adds one, a Shift-click removes the nearest added
// one, and plane-keys.js does both from the keyboard. Added points are the link's `userPoints`,
// so they travel with it. Also holds the export and import buttons of files.js.

import { classColour } from '../shared/canvas.js';
import { createFileButtons } from './files.js';
import { addStrings, onLanguageChange, t, translate } from '../shared/i18n.js';
import { attachPlaneKeys } from './plane-keys.js';
import { gridExtent, maxUserPoints, palette, pointLimit } from '../pkg/playground_wasm.js';
import { formatPoints, nearestIndex, parsePoints, round2 } from './points.js';

/** @typedef {import('./points.js').HandPoint} HandPoint */

addStrings({
  en: {
    'data.title': 'Add your own points',
    'data.hint': 'Click the plane to add a point of the chosen class; Shift-click (or Remove, '
      + 'then click) removes the nearest added point.',
    'data.hintRegression': 'Click the plane to add a point with the chosen value; Shift-click '
      + '(or Remove, then click) removes the nearest added point.',
    'data.erase': 'Remove',
    'data.erase.title': 'While on, a click on the plane removes the nearest added point',
    'data.classes': 'Class of new points',
    'data.class': 'Class {n}',
    'data.value': 'Value of new points',
    'data.added': 'Added',
    'data.clear': 'Clear',
    'data.clear.title': 'Remove every point added by hand',
    'data.full': 'The link holds at most {max} added points: Shift-click to remove one first.',
    'data.noneToRemove': 'There is no added point to remove.',
  },
  zh: {
    'data.title': '手动添加数据点',
    'data.hint': '在预测图上点击，添加所选类别的点；按住 Shift 点击（或先按“删除”再点击），删除最近的一个'
      + '手动添加的点。',
    'data.hintRegression': '在预测图上点击，添加所选数值的点；按住 Shift 点击（或先按“删除”再点击），删除'
      + '最近的一个手动添加的点。',
    'data.erase': '删除',
    'data.erase.title': '打开时，在预测图上点击会删除最近的一个手动添加的点',
    'data.classes': '新数据点的类别',
    'data.class': '类别 {n}',
    'data.value': '新数据点的数值',
    'data.added': '已添加',
    'data.clear': '清除',
    'data.clear.title': '删除所有手动添加的点',
    'data.full': '链接最多保存 {max} 个手动添加的点：请先按住 Shift 点击删除一个。',
    'data.noneToRemove': '没有可删除的手动添加的点。',
  },
});

/**
 * The data-by-hand toolbar, placed right under the plane that holds `canvas`.
 * @param {import('../main.js').App} app
 * @param {HTMLCanvasElement} canvas the output heatmap
 * @returns {import('../main.js').View}
 */
export function createDataView(app, canvas) {
  const extent = Math.min(gridExtent(), pointLimit());
  const span = gridExtent();
  const colours = palette();
  const most = maxUserPoints();
  const bar = element('div', 'hand-data');
  (canvas.closest('.plane') ?? canvas).after(bar);

  const title = element('h3', 'hand-data-title', { 'data-i18n': 'data.title' });
  const hint = element('p', 'hand-data-hint');
  const picker = element('div', 'class-picker', { role: 'group', 'data-i18n-label': 'data.classes' });
  const slider = element('input', 'value-slider', {
    type: 'range', min: '-1', max: '1', step: '0.05', value: '1',
    'data-testid': 'point-value', 'data-i18n-label': 'data.value',
  });
  const sliderShown = element('output', 'value-shown');
  const valueRow = element('label', 'value-row');
  valueRow.append(slider, sliderShown);
  const count = element('span', 'count', { 'data-testid': 'user-point-count' });
  const counter = element('p', 'point-count');
  const countLabel = element('span', '', { 'data-i18n': 'data.added' });
  counter.append(countLabel, ' ', count, ` / ${most}`);
  const clear = element('button', 'small', {
    type: 'button', 'data-testid': 'clear-points', 'data-i18n': 'data.clear',
    'data-i18n-title': 'data.clear.title',
  });
  const erase = element('button', 'small erase', {
    type: 'button', 'data-testid': 'erase-points', 'aria-pressed': 'false',
    'data-i18n': 'data.erase', 'data-i18n-title': 'data.erase.title',
  });
  const note = element('p', 'hand-data-note', { role: 'status', 'data-testid': 'data-note' });
  note.hidden = true;
  const choice = element('div', 'hand-data-row');
  choice.append(picker, valueRow, erase);
  const tally = element('div', 'hand-data-row');
  tally.append(counter, clear);
  const files = element('div', 'file-buttons');
  bar.append(title, hint, choice, tally, files, note);

  /** Shows a short note under the toolbar, or hides it for `null`. */
  const notify = (/** @type {string | null} */ text) => {
    note.textContent = text ?? '';
    note.hidden = text === null;
  };
  createFileButtons(app, files, notify);
  translate(bar);

  let chosen = 0;
  let erasing = false;
  const setErasing = (/** @type {boolean} */ on) => {
    erasing = on;
    erase.setAttribute('aria-pressed', String(on));
  };
  /** Makes class `k` that of new points, and turns removing off. */
  const choose = (/** @type {number} */ k) => {
    chosen = k;
    setErasing(false);
    for (const [index, button] of [...picker.children].entries()) {
      button.setAttribute('aria-pressed', String(index === k));
    }
  };
  /** @type {number | undefined | null} the class count drawn, `undefined` for regression */
  let shownClasses = null;
  let shownQuery = '';

  const current = () => parsePoints(app.playground()?.values().userPoints ?? '');

  const store = (/** @type {HandPoint[]} */ points) => {
    notify(null);
    app.change({ userPoints: formatPoints(points) });
  };

  /**
   * Adds a point at `(x, y)` of the chosen class (or value), or with `removing` takes away the
   * added point nearest to it; returns whether the points changed.
   * @param {number} x
   * @param {number} y
   * @param {boolean} removing
   */
  const place = (x, y, removing) => {
    const playground = app.playground();
    if (!playground) return false;
    const points = current();
    if (removing) {
      const nearest = nearestIndex(points, x, y);
      if (nearest < 0) notify(t('data.noneToRemove'));
      else store(points.filter((_, index) => index !== nearest));
      return nearest >= 0;
    }
    if (points.length >= most) {
      notify(t('data.full', { max: most }));
      return false;
    }
    const label = playground.classCount === undefined ? round2(Number(slider.value)) : chosen;
    store([...points, [round2(x), round2(y), label]]);
    return true;
  };

  canvas.addEventListener('click', (event) => {
    const box = canvas.getBoundingClientRect();
    const x = clamp(-span + (2 * span * (event.clientX - box.left)) / box.width, extent);
    const y = clamp(span - (2 * span * (event.clientY - box.top)) / box.height, extent);
    place(x, y, event.shiftKey || erasing);
  });
  hint.after(attachPlaneKeys(canvas, span, extent, {
    place: (x, y, label) => {
      if (label !== undefined) choose(label);
      return place(x, y, erasing);
    },
    remove: (x, y) => place(x, y, true),
    classCount: () => app.playground()?.classCount,
  }));
  slider.addEventListener('input', () => showValue(sliderShown, slider, colours));
  onLanguageChange(() => {
    if (shownClasses !== null) drawPicker(shownClasses);
  });
  clear.addEventListener('click', () => store([]));
  erase.addEventListener('click', () => setErasing(!erasing));

  /** Rebuilds the class buttons for `classes` classes (none for regression). */
  function drawPicker(/** @type {number | undefined} */ classes) {
    picker.replaceChildren();
    picker.hidden = classes === undefined;
    valueRow.hidden = classes !== undefined;
    hint.dataset.i18n = classes === undefined ? 'data.hintRegression' : 'data.hint';
    chosen = Math.min(chosen, (classes ?? 1) - 1);
    for (let k = 0; k < (classes ?? 0); k += 1) {
      const button = element('button', 'class-button', {
        type: 'button', 'data-testid': `class-${k}`, 'aria-pressed': String(k === chosen),
      });
      const swatch = element('span', 'class-swatch', { 'aria-hidden': 'true' });
      swatch.style.background = classColour(colours, k);
      const name = element('span', '');
      name.textContent = t('data.class', { n: k + 1 });
      button.append(swatch, name);
      button.addEventListener('click', () => choose(k));
      picker.append(button);
    }
    showValue(sliderShown, slider, colours);
    translate(bar);
  }

  return {
    update({ playground }) {
      const query = playground.query();
      if (query === shownQuery) return;
      shownQuery = query;
      if (playground.classCount !== shownClasses) {
        shownClasses = playground.classCount;
        drawPicker(shownClasses);
      }
      const added = current().length;
      count.textContent = String(added);
      clear.disabled = added === 0;
    },
    restart() {
      shownQuery = '';
    },
  };
}

function clamp(/** @type {number} */ value, /** @type {number} */ limit) {
  return Math.max(-limit, Math.min(limit, value));
}

/** Shows the slider's value, coloured like a regression point of that sign. */
function showValue(/** @type {HTMLOutputElement} */ shown, /** @type {HTMLInputElement} */ slider,
  /** @type {Uint8Array} */ colours) {
  const value = Number(slider.value);
  shown.textContent = value.toFixed(2);
  shown.style.color = classColour(colours, Number(value >= 0));
}

/**
 * A new element with a class and attributes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} className
 * @param {Record<string, string>} [attributes]
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, className, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}
