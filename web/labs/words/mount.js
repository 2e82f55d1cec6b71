// Mounts the words lab's views (web/labs/words/views/), in the order they are drawn, through the
// shared frame-by-frame mounter (web/shared/lab-views.js).

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
export function mountWordsViews(containers, ctx) {
  /** @type {Array<[import('./page.js').ViewId, (container: HTMLElement, ctx: ViewContext) => {update: (views: Views) => void}]>} */
  const mounts = [
    ['words-projection', modules.mountProjection],
    ['words-neighbours', modules.mountNeighbours],
    ['words-analogy', modules.mountAnalogy],
    ['words-pairs', modules.mountPairs],
    ['words-onehot', modules.mountOneHot],
    ['words-cooccurrence', modules.mountCooccurrence],
    ['words-text', modules.mountText],
  ];
  return mountLabViews(mounts, containers, ctx);
}
