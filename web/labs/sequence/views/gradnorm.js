// The gradient-norm view: the global norm of every update's gradient before clipping, on a log
// scale, with the clipping threshold drawn (updates above it were scaled down to it): large
// starting weights without clipping make the norm explode.

import { onLanguageChange } from '../../../shared/i18n.js';
import { drawLines, widthOf } from './draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountGradNorm(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'sequence-view-title';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'sequence-gradnorm-chart';
  canvas.setAttribute('role', 'img');
  const note = document.createElement('p');
  note.className = 'sequence-view-note';
  container.append(heading, canvas, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('Gradient norm per update', '每次更新的梯度范数');
    if (!last) return;
    const { norms, clip, metrics } = last;
    const latest = metrics.gradientNorm;
    canvas.dataset.updates = String(norms.values.length);
    note.textContent = clip > 0
      ? ctx.t(`The global norm of the gradient before clipping (log scale). Updates above the dashed line (${clip}) are scaled down to it. Last: ${latest?.toPrecision(3) ?? '–'}.`,
        `裁剪前梯度的全局范数（对数刻度）。虚线（${clip}）以上的更新被缩小到它。最近一次：${latest?.toPrecision(3) ?? '–'}。`)
      : ctx.t(`The global norm of the gradient (log scale). Clipping is off: nothing stops an exploding gradient. Last: ${latest?.toPrecision(3) ?? '–'}.`,
        `梯度的全局范数（对数刻度）。裁剪已关闭：没有什么能阻止梯度爆炸。最近一次：${latest?.toPrecision(3) ?? '–'}。`);
    drawLines(canvas, [{ xs: norms.steps, ys: norms.values, colour: '#9333ea' }], {
      width: widthOf(container),
      height: 140,
      log: true,
      lines: clip > 0 ? [{ y: clip, label: ctx.t(`clip ${clip}`, `裁剪 ${clip}`), colour: '#dc2626' }] : [],
    });
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
