// The pairs view: the cosine similarity of chosen word pairs at each epoch's end (猫/狗 against
// 猫/汽车 at first): words that share their contexts grow alike, the others stay apart. Each
// pair's words are picked from the text's words; a new pair starts its line afresh.

import { onLanguageChange } from '../../../shared/i18n.js';
import { SERIES_COLOURS, drawLines, widthOf } from '../../sequence/views/draw.js';
import { createWordMenu } from './word-menu.js';
import { fixed, titled } from './words-draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountPairs(container, ctx) {
  const { heading, note } = titled(container);
  /** @type {import('./context.js').Views | null} */
  let last = null;
  /**
   * Picks word `side` of pair `index`.
   * @param {number} index
   * @param {number} side
   * @param {string} word
   */
  const pick = (index, side, word) => {
    if (!last) return;
    const pairs = last.selection.pairs.map(([a, b]) => /** @type {[string, string]} */ ([a, b]));
    pairs[index][side] = word;
    ctx.select({ pairs });
  };
  const rows = [0, 1].map((index) => {
    const row = document.createElement('div');
    row.className = 'words-row';
    const swatch = document.createElement('span');
    swatch.className = 'words-swatch';
    swatch.style.setProperty('--swatch', SERIES_COLOURS[index]);
    const menus = [0, 1].map((side) => createWordMenu(`words-pair-${index}-${side}`, (word) => pick(index, side, word)));
    const value = document.createElement('span');
    value.className = 'words-list-value';
    value.dataset.testid = `words-pair-${index}-value`;
    row.append(swatch, menus[0].element, document.createTextNode('/'), menus[1].element, value);
    return { row, menus, value };
  });
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'words-pairs-chart';
  canvas.setAttribute('role', 'img');
  container.append(...rows.map((one) => one.row), canvas, note);

  const draw = () => {
    heading.textContent = ctx.t('Similarity of pairs over the epochs', '词对相似度随轮次的变化');
    note.textContent = ctx.t(
      'Cosine similarity of each pair\'s vectors at the end of every epoch.',
      '每轮结束时每个词对的向量余弦相似度。',
    );
    rows.forEach(({ menus }, index) => menus.forEach((menu, side) => {
      menu.element.setAttribute('aria-label', ctx.t(`pair ${index + 1}, word ${side + 1}`, `词对 ${index + 1} 的第 ${side + 1} 个词`));
    }));
    if (!last) return;
    const { pairs, selection, vocabulary, metrics } = last;
    rows.forEach(({ menus, value }, index) => {
      const pair = selection.pairs[index];
      if (!pair) return;
      menus[0].show(vocabulary, pair[0]);
      menus[1].show(vocabulary, pair[1]);
      const now = metrics.pairs[index];
      value.dataset.similarity = String(now ?? '');
      value.textContent = fixed(now);
    });
    drawLines(canvas, pairs.values.map((ys, index) => ({
      xs: pairs.epochs, ys, colour: SERIES_COLOURS[index], dash: index === 1 ? [6, 3] : undefined,
    })), { width: widthOf(container), height: 150 });
    canvas.dataset.epochs = String(pairs.epochs.length);
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
