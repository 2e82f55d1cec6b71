// Export and import: the data as CSV and the weights as JSON go out as downloads; a weights
// file comes back into the same network (the engine checks it), and a data file comes back as
// added points (`userPoints`), so that what is imported still travels in the link.
//
// The link holds at most `maxUserPoints()` added points, fewer than a whole dataset (up to
// 2,200 points). An imported data file therefore replaces the added points with at most that
// many of its points, all of them training points: an even sample when the file has more, and
// only points inside ±`pointLimit()`. The note under the toolbar says how many were kept.
//
// A file larger than `MAX_FILE_BYTES` is refused before it is read, so that choosing the wrong
// file (a video, a disk image) never stalls the tab.

import { addStrings, messageOf, t } from '../shared/i18n.js';
import { maxUserPoints, parseData, pointLimit } from '../pkg/playground_wasm.js';
import { formatPoints, pickPoints } from './points.js';

/**
 * The largest file either import reads, in bytes. The largest files the page writes are far
 * smaller: a weights file of 8 layers of 64 units on every input holds about 30,000 numbers
 * (about 0.6 MB), a data file of the most points a session has (`MAX_DATA_POINTS`, 2,200) about
 * 0.12 MB; the limit leaves room for files written by hand or by other tools, with spaces.
 */
export const MAX_FILE_BYTES = 2_000_000;
/** The limit as the page writes it. */
const LIMIT_TEXT = megabytes(MAX_FILE_BYTES);

addStrings({
  en: {
    'files.data': 'Data',
    'files.weights': 'Weights',
    'files.exportData.short': 'Export CSV',
    'files.exportWeights.short': 'Export JSON',
    'files.import': 'Import',
    'files.exportData': 'Export data',
    'files.exportData.title': 'Download the training and test points as CSV (x,y,label,split)',
    'files.exportWeights': 'Export weights',
    'files.exportWeights.title': 'Download the network\'s weights and biases as JSON',
    'files.importData': 'Import data',
    'files.importData.title': 'Load points from a CSV or JSON data file as added points, '
      + `which travel in the link (files of at most ${LIMIT_TEXT})`,
    'files.importWeights': 'Import weights',
    'files.importWeights.title': 'Load weights exported from a network of the same shape '
      + `(files of at most ${LIMIT_TEXT})`,
    'files.weightsRefused': 'The weights in {name} were not imported: {message}',
    'files.dataRefused': 'The data in {name} was not imported: {message}',
    'files.weightsImported': 'Weights loaded from {name}.',
    'files.dataImported': '{kept} of the {total} points in {name} are now added points.',
    'files.dataSampled': 'The link holds at most {max}, so an even sample was kept.',
    'files.dataOutside': '{outside} lay outside ±{limit} and were left out.',
    'files.tooLarge': 'the file is {size}, larger than the {limit} a file may have; it was not read',
    'files.unreadable': 'the file could not be read ({message})',
  },
  zh: {
    'files.data': '数据',
    'files.weights': '权重',
    'files.exportData.short': '导出 CSV',
    'files.exportWeights.short': '导出 JSON',
    'files.import': '导入',
    'files.exportData': '导出数据',
    'files.exportData.title': '把训练点和测试点下载为 CSV 文件（x,y,label,split）',
    'files.exportWeights': '导出权重',
    'files.exportWeights.title': '把网络的权重和偏置下载为 JSON 文件',
    'files.importData': '导入数据',
    'files.importData.title': `从 CSV 或 JSON 数据文件读入数据点，作为手动添加的点保存在链接中（文件最大 ${LIMIT_TEXT}）`,
    'files.importWeights': '导入权重',
    'files.importWeights.title': `读入从同样结构的网络导出的权重（文件最大 ${LIMIT_TEXT}）`,
    'files.weightsRefused': '没有导入 {name} 中的权重：{message}',
    'files.dataRefused': '没有导入 {name} 中的数据：{message}',
    'files.weightsImported': '已从 {name} 读入权重。',
    'files.dataImported': '{name} 中的 {total} 个点里，有 {kept} 个已作为手动添加的点。',
    'files.dataSampled': '链接最多保存 {max} 个点，所以均匀地选取了一部分。',
    'files.dataOutside': '有 {outside} 个点超出 ±{limit}，没有导入。',
    'files.tooLarge': '文件大小为 {size}，超过了文件最大允许的 {limit}，没有读取',
    'files.unreadable': '无法读取文件（{message}）',
  },
});

/**
 * Adds the export and import buttons to `container`.
 * @param {import('../main.js').App} app
 * @param {HTMLElement} container
 * @param {(text: string | null) => void} notify shows a note about what happened
 */
export function createFileButtons(app, container, notify) {
  const exportData = button('export-data', 'files.exportData');
  const exportWeights = button('export-weights', 'files.exportWeights');
  const importData = fileInput('import-data', 'files.importData', '.csv,.json,text/csv,application/json');
  const importWeights = fileInput('import-weights', 'files.importWeights', '.json,application/json');
  container.append(
    row('files.data', exportData, importData.label),
    row('files.weights', exportWeights, importWeights.label),
  );

  exportData.addEventListener('click', () => {
    const playground = app.playground();
    if (!playground) return;
    download(playground.exportDataCsv(), `${datasetName(playground)}-data.csv`, 'text/csv');
  });
  exportWeights.addEventListener('click', () => {
    const playground = app.playground();
    if (!playground) return;
    const step = playground.metrics().step;
    download(playground.exportWeights(), `${datasetName(playground)}-weights-step-${step}.json`,
      'application/json');
  });
  /**
   * Shows why a file was refused, as a refusal of `key` ('files.weightsRefused' or
   * 'files.dataRefused').
   * @param {string} key
   * @returns {(name: string, message: string) => void}
   */
  const refuse = (key) => (name, message) => {
    notify(null);
    app.showError(t(key, { name, message }));
  };
  whenChosen(importWeights.input, refuse('files.weightsRefused'), (name, text) => {
    const playground = app.playground();
    if (!playground) return;
    try {
      playground.importWeights(text);
    } catch (error) {
      notify(null);
      app.showError(t('files.weightsRefused', { name, message: messageOf(error) }));
      return;
    }
    app.showError(null);
    app.redraw();
    notify(t('files.weightsImported', { name }));
  });
  whenChosen(importData.input, refuse('files.dataRefused'), (name, text) => {
    const playground = app.playground();
    if (!playground) return;
    let flat;
    try {
      flat = parseData(text);
    } catch (error) {
      notify(null);
      app.showError(t('files.dataRefused', { name, message: messageOf(error) }));
      return;
    }
    const { points, total, outside, sampled } = pickPoints(flat, maxUserPoints(), pointLimit());
    const before = playground.values().userPoints;
    const wanted = formatPoints(points);
    notify(null);
    app.change({ userPoints: wanted });
    // A refused change leaves the points as they were, and the banner says why.
    if (wanted !== before && app.playground()?.values().userPoints === before) return;
    notify([
      t('files.dataImported', { kept: points.length, total, name }),
      sampled ? t('files.dataSampled', { max: maxUserPoints() }) : '',
      outside > 0 ? t('files.dataOutside', { outside, limit: pointLimit() }) : '',
    ].filter(Boolean).join(' '));
  });
}

/**
 * Saves `text` as a file called `name` through a temporary link.
 * @param {string} text
 * @param {string} name
 * @param {string} type
 */
function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Calls `handle(name, text)` with each file chosen in `input`, then clears the input so the
 * same file can be chosen again. A file larger than `MAX_FILE_BYTES`, or one that cannot be
 * read, goes to `refuse(name, message)` instead, and a large one is never read.
 * @param {HTMLInputElement} input
 * @param {(name: string, message: string) => void} refuse
 * @param {(name: string, text: string) => void} handle
 */
function whenChosen(input, refuse, handle) {
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      refuse(file.name, t('files.tooLarge', { size: megabytes(file.size), limit: LIMIT_TEXT }));
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (error) {
      refuse(file.name, t('files.unreadable', { message: messageOf(error) }));
      return;
    }
    handle(file.name, text);
  });
}

/**
 * A size in megabytes as the page writes it: `2 MB`, `2.000001 MB`, `0.15 MB` (decimal
 * megabytes, with enough digits that a size just over the limit does not read as the limit).
 * @param {number} bytes
 * @returns {string}
 */
function megabytes(bytes) {
  return `${Number((bytes / 1e6).toPrecision(7))} MB`;
}

/**
 * One line of the file buttons: a name, then its buttons.
 * @param {string} key the name's string key
 * @param {...HTMLElement} buttons
 */
function row(key, ...buttons) {
  const line = document.createElement('div');
  line.className = 'file-row';
  line.setAttribute('role', 'group');
  line.dataset.i18nLabel = key;
  const name = document.createElement('span');
  name.className = 'file-row-name';
  name.dataset.i18n = key;
  line.append(name, ...buttons);
  return line;
}

/** A download button: an arrow and a short text; its full name is its accessible label. */
function button(/** @type {string} */ testId, /** @type {string} */ key) {
  const node = document.createElement('button');
  node.type = 'button';
  node.className = 'small';
  node.dataset.testid = testId;
  node.dataset.i18nLabel = key;
  node.dataset.i18nTitle = `${key}.title`;
  const text = document.createElement('span');
  text.dataset.i18n = `${key}.short`;
  node.append(arrow('M12 4v11M7 10l5 5 5-5M5 20h14'), text);
  return node;
}

/**
 * A file input inside a label that looks like a button; the input stays focusable and is
 * named by the label's full text.
 * @param {string} testId
 * @param {string} key
 * @param {string} accept
 */
function fileInput(testId, key, accept) {
  const label = document.createElement('label');
  label.className = 'file-button small';
  label.dataset.i18nTitle = `${key}.title`;
  const input = document.createElement('input');
  input.type = 'file';
  input.className = 'visually-hidden';
  input.accept = accept;
  input.dataset.testid = testId;
  input.dataset.i18nLabel = key;
  const text = document.createElement('span');
  text.dataset.i18n = 'files.import';
  label.append(input, arrow('M12 20V9M7 14l5-5 5 5M5 4h14'), text);
  return { label, input };
}

/** A small line-drawn icon from an SVG path. */
function arrow(/** @type {string} */ path) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(ns, 'path');
  line.setAttribute('d', path);
  svg.append(line);
  return svg;
}

/** The dataset's name, for file names. */
function datasetName(/** @type {import('../main.js').Playground} */ playground) {
  const values = playground.values();
  return values.problem === 'regression' ? values.regDataset : values.dataset;
}
