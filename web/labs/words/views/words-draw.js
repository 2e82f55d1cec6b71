// Small pieces the words views share: the groups' colours, a view's title and note, a refused
// answer's message in the page's language, whether an answer was refused, a table cell.

/** The groups' colours, in the order of the engine's groups (animals, foods, colours, numbers, vehicles, people). */
export const GROUP_COLOURS = ['#dc2626', '#ea8c00', '#16a34a', '#2563eb', '#9333ea', '#0891b2'];
/** The colour of a word in no group. */
export const OTHER_COLOUR = '#b8c0c8';

/**
 * Whether `answer` is the worker's refusal rather than figures.
 * @param {unknown} answer
 * @returns {answer is import('./context.js').Refused}
 */
export function refused(answer) {
  return typeof answer === 'object' && answer !== null && 'error' in answer;
}

/**
 * A refusal's message in the page's language.
 * @param {import('./context.js').Refused} answer
 * @param {import('./context.js').ViewContext} ctx
 */
export function messageOf(answer, ctx) {
  return ctx.t(answer.error.message, answer.error.messageZh);
}

/**
 * A view's heading, appended to `container`, and its note paragraph, for the view to place.
 * @param {HTMLElement} container
 * @returns {{heading: HTMLHeadingElement, note: HTMLParagraphElement}}
 */
export function titled(container) {
  const heading = document.createElement('h3');
  heading.className = 'words-view-title';
  const note = document.createElement('p');
  note.className = 'words-view-note';
  container.append(heading);
  return { heading, note };
}

/**
 * A similarity as text with two decimals, or '–'.
 * @param {number | null | undefined} value
 */
export function fixed(value) {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(2);
}

/**
 * A table cell of `kind` holding `text`.
 * @param {'th' | 'td'} kind
 * @param {string} text
 */
export function cell(kind, text) {
  const element = document.createElement(kind);
  element.textContent = text;
  return element;
}
