// The co-occurrence view: the words most often within the window of the chosen word, counted
// over the whole text, each beside its learned similarity to it: the counts are what training
// starts from, the similarities what it made of them (words that share contexts grow alike
// even when they never appear side by side).

import { onLanguageChange } from '../../../shared/i18n.js';
import { cell, fixed, messageOf, refused, titled } from './words-draw.js';

/** How many of the most frequent neighbours in the window are listed. */
const SHOWN = 8;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountCooccurrence(container, ctx) {
  const { heading, note } = titled(container);
  const table = document.createElement('table');
  table.className = 'words-table';
  table.dataset.testid = 'words-cooccurrence-table';
  container.append(table, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    if (!last) {
      heading.textContent = ctx.t('Counted next to', '共现次数');
      return;
    }
    const { cooccurrences, similarities, vocabulary, selection, values } = last;
    heading.textContent = ctx.t(`Counted next to ${selection.word}`, `与“${selection.word}”共现的词`);
    note.textContent = ctx.t(
      `How often each word appears within ${values.window} words of ${selection.word} in the text, beside its learned similarity to it. Pick the word in the nearest-words view.`,
      `文本中每个词出现在“${selection.word}”前后 ${values.window} 个词以内的次数，以及它与“${selection.word}”学到的相似度。在“最近的词”视图中选词。`,
    );
    if (refused(cooccurrences) || refused(similarities)) {
      const answer = refused(cooccurrences) ? cooccurrences : /** @type {import('./context.js').Refused} */ (similarities);
      const row = document.createElement('tr');
      row.append(cell('td', messageOf(answer, ctx)));
      table.replaceChildren(row);
      return;
    }
    const order = [...cooccurrences.keys()]
      .filter((id) => cooccurrences[id] > 0)
      .sort((a, b) => cooccurrences[b] - cooccurrences[a] || a - b)
      .slice(0, SHOWN);
    const head = document.createElement('tr');
    head.append(cell('th', ctx.t('word', '词')), cell('th', ctx.t('count', '次数')),
      cell('th', ctx.t('similarity', '相似度')));
    const rows = order.map((id) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'words-cooccurrence-row';
      row.dataset.word = vocabulary[id];
      row.dataset.count = String(cooccurrences[id]);
      row.append(cell('td', vocabulary[id]), cell('td', String(cooccurrences[id])),
        cell('td', fixed(similarities[id])));
      return row;
    });
    table.replaceChildren(head, ...rows);
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
