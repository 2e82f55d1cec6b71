// Mounts the attention lab's views (web/labs/attention/views/), in the order they are drawn,
// through the shared frame-by-frame mounter (web/shared/lab-views.js).

import { mountLabViews } from '../../shared/lab-views.js';
import * as modules from './views/index.js';

/** @typedef {import('./views/context.js').ViewContext} ViewContext */
/** @typedef {import('./views/context.js').Views} Views */

/**
 * Mounts every view; the result's `update` passes a `views` answer to each, then calls `drawn`.
 * @param {Record<import('./page.js').ViewId, HTMLElement>} containers
 * @param {ViewContext} ctx
 * @returns {{update: (views: Views, drawn?: () => void) => void}}
 */
export function mountAttentionViews(containers, ctx) {
  /** @type {Array<[import('./page.js').ViewId, (container: HTMLElement, ctx: ViewContext) => {update: (views: Views) => void}]>} */
  const mounts = [
    ['attention-matrices', modules.mountMatrices],
    ['attention-positions', modules.mountPositions],
    ['attention-knockout', modules.mountKnockOut],
    ['attention-walk', modules.mountWalk],
    ['attention-prompt', modules.mountPrompt],
  ];
  return mountLabViews(mounts, containers, ctx);
}
