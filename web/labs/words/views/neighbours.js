// The neighbours view: the chosen word's five nearest words by cosine similarity of their
// vectors, each with its similarity as a number and a bar; the learner picks the word.

import { onLanguageChange } from '../../../shared/i18n.js';
import { createWordMenu } from './word-menu.js';
import { fixed, messageOf, refused, titled } from './words-draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountNeighbours(container, ctx) {
  const { heading, note } = titled(container);
  const label = document.createElement('label');
  label.className = 'words-row';
  const labelText = document.createElement('span');
  const menu = createWordMenu('words-neighbours-word', (word) => ctx.select({ word }));
  label.append(labelText, menu.element);
  const list = document.createElement('ol');
  list.className = 'words-list';
  list.dataset.testid = 'words-neighbours-list';
  container.append(label, list, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('Nearest words', '最近的词');
    labelText.textContent = ctx.t('Word', '词');
    note.textContent = ctx.t(
      'Cosine similarity: 1 for vectors pointing the same way, 0 for perpendicular ones.',
      '余弦相似度：方向相同的向量为 1，相互垂直的为 0。',
    );
    if (!last) return;
    menu.show(last.vocabulary, last.selection.word);
    list.replaceChildren(...listed(last.neighbours, ctx, 'words-neighbour'));
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}

/**
 * Rows of words with their similarity (a number and a bar), or the refusal's message.
 * @param {import('./context.js').Listed[] | import('./context.js').Refused} answer
 * @param {import('./context.js').ViewContext} ctx
 * @param {string} testid each row's data-testid
 * @returns {HTMLElement[]}
 */
export function listed(answer, ctx, testid) {
  if (refused(answer)) {
    const error = document.createElement('li');
    error.className = 'words-error';
    error.dataset.testid = `${testid}-error`;
    error.textContent = messageOf(answer, ctx);
    return [error];
  }
  return answer.map(({ word, similarity }) => {
    const row = document.createElement('li');
    row.dataset.testid = testid;
    row.dataset.word = word;
    row.dataset.similarity = String(similarity ?? '');
    const name = document.createElement('span');
    name.className = 'words-list-word';
    name.textContent = word;
    const bar = document.createElement('span');
    bar.className = 'words-bar';
    bar.style.setProperty('--share', String(Math.max(0, similarity ?? 0)));
    const value = document.createElement('span');
    value.className = 'words-list-value';
    value.textContent = fixed(similarity);
    row.append(name, bar, value);
    return row;
  });
}
