// The one-hot view: a few words as one-hot vectors (one 1 among as many numbers as the text has
// words, so every pair's similarity is 0) beside the same words' learned vectors of `dim`
// numbers, whose similarities say which words are alike.

import { onLanguageChange } from '../../../shared/i18n.js';
import { drawGrid } from '../../sequence/views/draw.js';
import { cell, fixed, refused, titled } from './words-draw.js';

/** The one-hot picture's widest row, in CSS pixels. */
const ROW_WIDTH = 280;
/** The colours of a one-hot vector's 0s and of its 1. */
const ZERO = /** @type {[number, number, number]} */ ([229, 233, 238]);
const ONE = /** @type {[number, number, number]} */ ([220, 38, 38]);

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountOneHot(container, ctx) {
  const { heading, note } = titled(container);
  const sizes = document.createElement('p');
  sizes.className = 'words-readout';
  sizes.dataset.testid = 'words-onehot-sizes';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'words-onehot-canvas';
  canvas.setAttribute('role', 'img');
  const table = document.createElement('table');
  table.className = 'words-table';
  table.dataset.testid = 'words-onehot-table';
  container.append(sizes, canvas, table, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('One-hot against learned', '独热向量与学到的向量');
    note.textContent = ctx.t(
      'In each cell: one-hot similarity / learned similarity. One-hot vectors never overlap, so they say nothing about which words are alike.',
      '每格：独热相似度 / 学到的相似度。独热向量彼此从不重叠，所以说不出哪些词相似。',
    );
    if (!last) return;
    const { sample, vocabulary, metrics } = last;
    const size = vocabulary.length;
    sizes.dataset.vocabulary = String(size);
    sizes.dataset.dim = String(metrics.dim);
    sizes.textContent = ctx.t(
      `One-hot: ${size} numbers per word, one of them 1. Learned: ${metrics.dim} numbers per word.`,
      `独热：每个词 ${size} 个数，其中一个是 1。学到的：每个词 ${metrics.dim} 个数。`,
    );
    const ids = sample.words.map((word) => vocabulary.indexOf(word));
    const cellWidth = Math.max(1, Math.floor(ROW_WIDTH / Math.max(size, 1)));
    const values = new Float32Array(ids.length * size);
    ids.forEach((id, row) => { if (id >= 0) values[row * size + id] = 1; });
    drawGrid(canvas, values, {
      rows: ids.length, cols: size, cellWidth, cellHeight: 10, colour: (v) => (v > 0 ? ONE : ZERO),
    });
    canvas.setAttribute('aria-label', ctx.t(
      `${ids.length} one-hot rows of ${size} numbers`, `${ids.length} 行独热向量，每行 ${size} 个数`,
    ));
    const head = document.createElement('tr');
    head.append(document.createElement('th'), ...sample.words.map((word) => cell('th', word)));
    const body = sample.words.map((word, i) => {
      const row = document.createElement('tr');
      row.append(cell('th', word), ...sample.words.map((_, j) => {
        const learned = sample.similarities[i]?.[j];
        const shown = typeof learned === 'number' && !refused(learned) ? learned : null;
        const one = cell('td', `${i === j ? 1 : 0} / ${fixed(shown)}`);
        one.dataset.onehot = String(i === j ? 1 : 0);
        one.dataset.learned = String(shown ?? '');
        return one;
      }));
      return row;
    });
    table.replaceChildren(head, ...body);
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
