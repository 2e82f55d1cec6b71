// Mounts the sequence lab's views (web/labs/sequence/views/) in their containers and hands each
// the page's latest `views` answer, one view per animation frame so that no task draws them all
// (an answer that comes while they are drawing replaces the one they were given); a view that
// fails is reported and the others go on.

import * as modules from './views/index.js';

/** @typedef {import('./views/context.js').ViewContext} ViewContext */
/** @typedef {import('./views/context.js').Views} Views */

/**
 * Mounts every view; the result's `update` passes a `views` answer to each, then calls `drawn`.
 * @param {Record<import('./page.js').ViewId, HTMLElement>} containers
 * @param {ViewContext} ctx
 * @returns {{update: (views: Views, drawn?: () => void) => void}}
 */
export function mountSequenceViews(containers, ctx) {
  /** @type {Array<[import('./page.js').ViewId, (container: HTMLElement, ctx: ViewContext) => {update: (views: Views) => void}]>} */
  const mounts = [
    ['sequence-loss', modules.mountLoss],
    ['sequence-prompt', modules.mountPrompt],
    ['sequence-gradnorm', modules.mountGradNorm],
    ['sequence-heatmap', modules.mountHeatmap],
    ['sequence-gates', modules.mountGates],
    ['sequence-compare', modules.mountCompare],
  ];
  /** @type {Array<{update: (views: Views) => void}>} */
  const views = [];
  for (const [id, mount] of mounts) {
    try {
      views.push(mount(containers[id], ctx));
    } catch (error) {
      ctx.onError(error);
    }
  }
  /** @type {Views | null} */
  let latest = null;
  /** Called once every view has drawn `latest`. */
  let whenDrawn = () => {};
  let next = 0;
  let asked = false;
  const drawOne = () => {
    asked = false;
    if (!latest) return;
    const view = views[next];
    next += 1;
    try {
      view?.update(latest);
    } catch (error) {
      ctx.onError(error);
    }
    if (next < views.length) {
      asked = true;
      requestAnimationFrame(drawOne);
    } else {
      latest = null;
      whenDrawn();
    }
  };
  return {
    update(answer, drawn = () => {}) {
      latest = answer;
      whenDrawn = drawn;
      next = 0;
      if (asked) return;
      asked = true;
      requestAnimationFrame(drawOne);
    },
  };
}
