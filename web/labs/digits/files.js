// The digits lab's weights as a file: Export downloads the network as the worker writes it (the
// engine's one writer, the bytes `playground LINK --export` writes), Import reads a chosen file,
// parses it and hands it to the page to import. The engine checks the file; a refused one
// leaves the network and training as they were, and the banner says why, naming the network
// settings the file was exported with when they differ from the page's.
//
// A file larger than the plane lab's `MAX_FILE_BYTES` is refused before it is read.

import { addStrings, messageOf, t } from '../../shared/i18n.js';
import { MAX_FILE_BYTES } from '../../plane/files.js';
import { DIGITS_LAYOUT } from './form-layout.js';

/** The limit as the page writes it, in decimal megabytes. */
const LIMIT_TEXT = megabytes(MAX_FILE_BYTES);

/** The settings that decide the network's layers and their sizes (initSeed only its start). */
const NETWORK_KEYS = DIGITS_LAYOUT.places.network?.filter((key) => key !== 'initSeed') ?? [];

addStrings({
  en: {
    'digits.files.weights': 'Weights',
    'digits.files.export': 'Export weights',
    'digits.files.export.short': 'Export JSON',
    'digits.files.export.title': 'Download the network\'s weights and biases as JSON, with the '
      + 'link that trains them (the file `playground LINK --export` writes)',
    'digits.files.import': 'Import weights',
    'digits.files.import.short': 'Import',
    'digits.files.import.title': 'Load weights exported from this lab or by `playground --export` '
      + `for a network of the same settings (files of at most ${LIMIT_TEXT})`,
    'digits.files.imported': 'Weights loaded from {name}; the numbers and pictures are now theirs.',
    'digits.files.refused': 'The weights in {name} were not imported: {message}',
    'digits.files.refusedOther': 'The weights in {name} were not imported: {message}. The file '
      + 'was exported for another network ({settings}): choose those settings under “The network”, '
      + 'then import it again.',
    'digits.files.notJson': 'it is not JSON ({message})',
    'digits.files.tooLarge': 'the file is {size}, larger than the {limit} a file may have; '
      + 'it was not read',
    'digits.files.unreadable': 'the file could not be read ({message})',
  },
  zh: {
    'digits.files.weights': '权重',
    'digits.files.export': '导出权重',
    'digits.files.export.short': '导出 JSON',
    'digits.files.export.title': '把网络的权重和偏置下载为 JSON 文件，并附上训练它的链接'
      + '（与 `playground LINK --export` 写出的文件相同）',
    'digits.files.import': '导入权重',
    'digits.files.import.short': '导入',
    'digits.files.import.title': '读入本实验室或 `playground --export` 为同样设置的网络导出的权重'
      + `（文件最大 ${LIMIT_TEXT}）`,
    'digits.files.imported': '已从 {name} 读入权重；现在显示的数字和图像都来自这些权重。',
    'digits.files.refused': '没有导入 {name} 中的权重：{message}',
    'digits.files.refusedOther': '没有导入 {name} 中的权重：{message}。这个文件是为另一种网络导出的'
      + '（{settings}）：请先在“网络结构”中选好这些设置，再导入一次。',
    'digits.files.notJson': '它不是 JSON（{message}）',
    'digits.files.tooLarge': '文件大小为 {size}，超过了文件最大允许的 {limit}，没有读取',
    'digits.files.unreadable': '无法读取文件（{message}）',
  },
});

/**
 * What the buttons ask of the page.
 * @typedef {object} WeightsFiles
 * @property {() => Promise<{text: string, step: number}>} exportWeights  the weights file now
 * @property {(file: unknown) => Promise<void>} importWeights  imports a parsed file and shows its
 *   numbers; rejects with the engine's bilingual error, the network unchanged
 * @property {() => Record<string, string>} values  the settings in force, in link spelling
 * @property {(link: string) => {values: Record<string, string>, relevant: Record<string, boolean>}}
 *   settingsOf  every setting of a link, and whether it matters to that experiment
 * @property {(message: string | null) => void} showError  the page's error banner
 * @property {(error: unknown) => void} fail  what the page does with an unexpected failure
 */

/**
 * Adds the Export and Import buttons and the note under them to `container`.
 * @param {HTMLElement} container
 * @param {WeightsFiles} files
 */
export function createWeightsFiles(container, files) {
  const exportButton = document.createElement('button');
  exportButton.type = 'button';
  exportButton.className = 'small file-button';
  exportButton.dataset.testid = 'export-weights';
  exportButton.dataset.i18nLabel = 'digits.files.export';
  exportButton.dataset.i18nTitle = 'digits.files.export.title';
  exportButton.append(icon('M12 4v11M7 10l5 5 5-5M5 20h14'), text('digits.files.export.short'));

  const importLabel = document.createElement('label');
  importLabel.className = 'file-button small';
  importLabel.dataset.i18nTitle = 'digits.files.import.title';
  const input = document.createElement('input');
  input.type = 'file';
  input.className = 'visually-hidden';
  input.accept = '.json,application/json';
  input.dataset.testid = 'import-weights';
  input.dataset.i18nLabel = 'digits.files.import';
  importLabel.append(input, icon('M12 20V9M7 14l5-5 5 5M5 4h14'), text('digits.files.import.short'));

  const row = document.createElement('div');
  row.className = 'file-row';
  row.setAttribute('role', 'group');
  row.dataset.i18nLabel = 'digits.files.weights';
  const name = text('digits.files.weights');
  name.className = 'file-row-name';
  row.append(name, exportButton, importLabel);
  const note = document.createElement('p');
  note.className = 'hand-data-note';
  note.setAttribute('role', 'status');
  note.dataset.testid = 'files-note';
  note.hidden = true;
  container.append(row, note);

  /** Shows a short note under the buttons, or hides it for `null`. */
  const notify = (/** @type {string | null} */ message) => {
    note.textContent = message ?? '';
    note.hidden = message === null;
  };
  /**
   * Shows why the file `name` was not imported, and the network `settings` it was exported
   * for when they differ from the page's.
   * @param {string} name
   * @param {string} message
   * @param {string} [settings]
   */
  const refuse = (name, message, settings = '') => {
    notify(null);
    files.showError(settings === ''
      ? t('digits.files.refused', { name, message })
      : t('digits.files.refusedOther', { name, message, settings }));
  };

  exportButton.addEventListener('click', async () => {
    try {
      const { text: json, step } = await files.exportWeights();
      download(json, `digits-weights-step-${step}.json`);
    } catch (error) {
      files.fail(error);
    }
  });

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      refuse(file.name, t('digits.files.tooLarge', { size: megabytes(file.size), limit: LIMIT_TEXT }));
      return;
    }
    /** @type {unknown} */
    let parsed;
    try {
      parsed = JSON.parse(await file.text());
    } catch (error) {
      const key = error instanceof SyntaxError ? 'digits.files.notJson' : 'digits.files.unreadable';
      refuse(file.name, t(key, { message: messageOf(error) }));
      return;
    }
    try {
      await files.importWeights(parsed);
    } catch (error) {
      if (/** @type {{crashed?: boolean}} */ (error)?.crashed) {
        files.fail(error);
        return;
      }
      refuse(file.name, messageOf(error), otherNetwork(parsed, files));
      return;
    }
    files.showError(null);
    notify(t('digits.files.imported', { name: file.name }));
  });
}

/**
 * The network settings of the file's link that matter to its network and differ from the
 * page's, as `key=value, …`; '' when the file has no link or the same network.
 * @param {unknown} parsed
 * @param {WeightsFiles} files
 */
function otherNetwork(parsed, files) {
  const link = /** @type {{link?: unknown}} */ (parsed)?.link;
  if (typeof link !== 'string') return '';
  const { values: theirs, relevant } = files.settingsOf(link);
  const ours = files.values();
  return NETWORK_KEYS.filter((key) => relevant[key] && theirs[key] !== ours[key])
    .map((key) => `${key}=${theirs[key]}`)
    .join(', ');
}

/**
 * Saves `json` as a file called `name` through a temporary link.
 * @param {string} json
 * @param {string} name
 */
function download(json, name) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
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
 * A size in decimal megabytes, with enough digits that a size just over the limit does not
 * read as the limit (`2 MB`, `2.000001 MB`).
 * @param {number} bytes
 */
function megabytes(bytes) {
  return `${Number((bytes / 1e6).toPrecision(7))} MB`;
}

/** A span showing the string `key`. */
function text(/** @type {string} */ key) {
  const span = document.createElement('span');
  span.dataset.i18n = key;
  return span;
}

/** A small line-drawn icon from an SVG path. */
function icon(/** @type {string} */ path) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(ns, 'path');
  line.setAttribute('d', path);
  svg.append(line);
  return svg;
}
