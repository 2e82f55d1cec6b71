// The analogy view: a − b + c with the learner's three words (国王 − 男人 + 女人 at first), and
// the five words whose vectors are nearest to it, the three left out; a word the text lacks is
// named in the view's message.

import { onLanguageChange } from '../../../shared/i18n.js';
import { listed as rows } from './neighbours.js';
import { titled } from './words-draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountAnalogy(container, ctx) {
  const { heading, note } = titled(container);
  const row = document.createElement('div');
  row.className = 'words-row';
  // The text's words, offered as each box is typed in.
  const known = document.createElement('datalist');
  known.id = 'words-analogy-known';
  /** @type {string[]} */
  let listed = [];
  const inputs = ['a', 'b', 'c'].map((name) => {
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'words-word-input';
    input.dataset.testid = `words-analogy-${name}`;
    input.spellcheck = false;
    input.setAttribute('list', known.id);
    input.addEventListener('change', () => {
      const words = inputs.map((one) => one.value.trim());
      ctx.select({ analogy: /** @type {[string, string, string]} */ (words) });
    });
    return input;
  });
  const [minus, plus] = [document.createElement('span'), document.createElement('span')];
  minus.textContent = '−';
  plus.textContent = '+';
  row.append(inputs[0], minus, inputs[1], plus, inputs[2], known);
  const list = document.createElement('ol');
  list.className = 'words-list';
  list.dataset.testid = 'words-analogy-list';
  container.append(row, list, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('Analogy: a − b + c', '类比：a − b + c');
    note.textContent = ctx.t(
      'The words nearest to the first vector minus the second plus the third (each scaled to length 1), the three themselves left out.',
      '离“第一个向量减第二个加第三个”（各自缩放到长度 1）最近的词，不含这三个词本身。',
    );
    inputs.forEach((input, i) => {
      input.setAttribute('aria-label', ctx.t(`word ${'abc'[i]}`, `词 ${'abc'[i]}`));
    });
    if (!last) return;
    if (last.vocabulary !== listed) {
      listed = last.vocabulary;
      known.replaceChildren(...listed.map((word) => Object.assign(document.createElement('option'), { value: word })));
    }
    last.selection.analogy.forEach((word, i) => {
      if (document.activeElement !== inputs[i]) inputs[i].value = word;
    });
    list.replaceChildren(...rows(last.analogy, ctx, 'words-analogy-answer'));
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
