// The gallery of misclassified test images: each image with its true and predicted digit, at
// most SHOWN of them (the count says how many more); choosing one shows it in the feature maps.
// Each image is drawn once on a scratch canvas and shown as an <img>: sixty canvases of their own
// would be sixty composited layers, whose commit after each epoch is a long task on a slow machine.

import { onLanguageChange } from '../../../shared/i18n.js';
import { chooseTestImage, testCountOf } from './context.js';
import { drawCells, grey, sizeCanvas } from './draw.js';

/** The most images drawn at once. */
const SHOWN = 60;
/** The milliseconds of new images one animation frame may draw (at least one image a frame). */
const FRAME_BUDGET_MS = 6;
/** The side of one image pixel, in CSS pixels. */
const CELL = 5;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountGallery(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'digits-view-title';
  const summary = document.createElement('p');
  summary.dataset.testid = 'digits-gallery-count';
  summary.setAttribute('aria-live', 'polite');
  const grid = document.createElement('div');
  grid.className = 'digits-gallery';
  container.append(heading, summary, grid);
  /** Test images by index, for the link they were fetched under (the split follows the seed). */
  /** @type {Map<number, {pixels: Float32Array, label: number}>} */
  let cache = new Map();
  /** The gallery's buttons by `index:predicted`, drawn once each. */
  /** @type {Map<string, HTMLButtonElement>} */
  let items = new Map();
  let cachedFor = '';
  /** @type {import('./context.js').Views | null} */
  let last = null;
  let token = 0;
  /** Where each new image is drawn before it becomes an <img>'s picture. */
  const scratch = document.createElement('canvas');

  const describe = () => {
    heading.textContent = ctx.t('Misclassified test images', '分错的测试图像');
    if (!last) return;
    const wrong = last.misclassified.length / 2;
    const total = testCountOf(last);
    summary.dataset.count = String(wrong);
    const more = wrong > SHOWN ? wrong - SHOWN : 0;
    summary.textContent = ctx.t(
      `${wrong} of ${total} test images misclassified${more ? ` (the first ${SHOWN} shown, ${more} more)` : ''}. Under each: true → predicted. Choose one to see it in the feature maps.`,
      `${total} 张测试图像中分错 ${wrong} 张${more ? `（显示前 ${SHOWN} 张，另有 ${more} 张）` : ''}。每张下方：真实 → 预测。选中一张可在特征图中查看。`,
    );
    for (const item of grid.children) {
      const element = /** @type {HTMLElement} */ (item);
      element.setAttribute('aria-label', ctx.t(
        `test image ${Number(element.dataset.index) + 1}: a ${element.dataset.truth} read as ${element.dataset.predicted}`,
        `测试图像 ${Number(element.dataset.index) + 1}：数字 ${element.dataset.truth} 被读作 ${element.dataset.predicted}`,
      ));
    }
  };

  const refresh = async () => {
    if (!last) return;
    const views = last;
    const mine = ++token;
    // The count names the images shown: it comes back once these are all in place.
    delete summary.dataset.count;
    const link = ctx.link?.() ?? '';
    if (link !== cachedFor) {
      cache = new Map();
      items = new Map();
      cachedFor = link;
    }
    /** @type {Array<{index: number, predicted: number}>} */
    const pairs = [];
    for (let i = 0; i + 1 < views.misclassified.length && pairs.length < SHOWN; i += 2) {
      pairs.push({ index: views.misclassified[i], predicted: views.misclassified[i + 1] });
    }
    const missing = pairs.map((pair) => pair.index).filter((index) => !cache.has(index));
    try {
      if (missing.length > 0) {
        const answer = await ctx.client.request('testImages', { indices: missing });
        missing.forEach((index, i) => {
          cache.set(index, { pixels: answer.pixels.slice(64 * i, 64 * i + 64), label: answer.labels[i] });
        });
      }
    } catch (error) {
      ctx.onError(error);
      return;
    }
    if (mine !== token) return;
    // A few new images an animation frame: sixty new ones in one go make a long task, and the
    // first ones after a page opens draw in code that is not yet compiled, several times slower.
    for (;;) {
      const start = performance.now();
      let made = 0;
      /** @type {HTMLButtonElement[]} */
      const shown = [];
      for (const { index, predicted } of pairs) {
        const key = `${index}:${predicted}`;
        let element = items.get(key);
        if (!element) {
          if (made > 0 && performance.now() - start >= FRAME_BUDGET_MS) break;
          made += 1;
          element = item(index, predicted);
          items.set(key, element);
        }
        shown.push(element);
      }
      grid.replaceChildren(...shown);
      if (shown.length === pairs.length) {
        items = new Map(shown.map((element) => [`${element.dataset.index}:${element.dataset.predicted}`, element]));
        break;
      }
      await new Promise((next) => requestAnimationFrame(next));
      if (mine !== token) return;
    }
    describe();
  };

  /**
   * @param {number} index
   * @param {number} predicted
   */
  const item = (index, predicted) => {
    const image = cache.get(index);
    const truth = image?.label ?? 10;
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'digits-gallery-item';
    element.dataset.index = String(index);
    element.dataset.truth = String(truth);
    element.dataset.predicted = String(predicted);
    const side = 8 * CELL + 2;
    const context = sizeCanvas(scratch, side, side);
    drawCells(context, image?.pixels ?? new Float32Array(64), { x: 1, y: 1, rows: 8, cols: 8, size: CELL, colour: grey });
    const picture = document.createElement('img');
    picture.alt = '';
    picture.width = side;
    picture.height = side;
    picture.src = scratch.toDataURL();
    const caption = document.createElement('span');
    caption.textContent = `${truth} → ${predicted}`;
    element.append(picture, caption);
    element.addEventListener('click', () => chooseTestImage(ctx, index));
    return element;
  };

  onLanguageChange(describe);
  return {
    update(views) {
      last = views;
      refresh();
    },
  };
}
