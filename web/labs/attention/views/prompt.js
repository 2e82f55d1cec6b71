// The text task's prompt box: the sequence lab's view (web/labs/sequence/views/prompt.js), the
// start of a sentence, the ten likeliest next words as bars and sampling at a temperature, asked
// of this lab's worker, which answers `predict` and `sample` as the sequence lab's does. Shown
// for the text task only.

import { mountPrompt as mountSequencePrompt } from '../../sequence/views/prompt.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountPrompt(container, ctx) {
  const view = mountSequencePrompt(container, ctx);
  return {
    update(views) {
      // The sequence view reads only whether the task is text.
      const task = views.task === 'text' ? 'text' : 'adding';
      view.update(/** @type {import('../../sequence/views/context.js').Views} */ (/** @type {unknown} */ ({ task })));
    },
  };
}
