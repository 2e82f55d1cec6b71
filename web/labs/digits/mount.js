// Mounts the digits lab's views (web/labs/digits/views/) in their containers and hands each the
// worker's latest `views` answer; a view that fails is reported and the others go on.

import * as modules from './views/index.js';

/** @typedef {import('./views/context.js').ViewContext} ViewContext */
/** @typedef {import('./views/context.js').Views} Views */

/**
 * Mounts every view; the result's `update` passes a `views` answer to each.
 * @param {Record<import('./page.js').ViewId, HTMLElement>} containers
 * @param {ViewContext} ctx
 * @returns {{update: (views: Views) => void}}
 */
export function mountDigitsViews(containers, ctx) {
  /** @type {Array<[import('./page.js').ViewId, (container: HTMLElement, ctx: ViewContext) => {update: (views: Views) => void}]>} */
  const mounts = [
    ['digits-kernels', modules.mountKernels],
    ['digits-maps', modules.mountMaps],
    ['digits-pad', modules.mountPad],
    ['digits-confusion', modules.mountConfusion],
    ['digits-gallery', modules.mountGallery],
    ['digits-translation', modules.mountTranslation],
    ['digits-params', modules.mountParams],
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
  return {
    update(answer) {
      for (const view of views) {
        try {
          view.update(answer);
        } catch (error) {
          ctx.onError(error);
        }
      }
    },
  };
}
