// The vanishing-gradient heatmap: the norm of the loss's gradient with respect to each time
// step's hidden state (time step across, the last step on the right), one row per training
// request down the page (training goes on downwards), in a log colour scale. A plain RNN's
// rows go dark towards the left: the error does not reach back to the early steps.

import { onLanguageChange } from '../../../shared/i18n.js';
import { drawGrid, sequential, widthOf } from './draw.js';

/** Decades of the colour scale below the largest norm shown. */
const DECADES = 6;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountHeatmap(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'sequence-view-title';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'sequence-heatmap-canvas';
  canvas.setAttribute('role', 'img');
  const note = document.createElement('p');
  note.className = 'sequence-view-note';
  container.append(heading, canvas, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('How far back the gradient reaches', '梯度能往回传多远');
    note.textContent = ctx.t(
      `Across: time step (the last on the right); down: training (rows of updates, newest at the bottom). Colour: log10 of the gradient norm at that step's hidden state, over ${DECADES} decades (yellow the largest).`,
      `横向：时间步（最右是最后一步）；纵向：训练进度（每行一批更新，最新在最下）。颜色：该步隐藏状态处梯度范数的 log10，跨 ${DECADES} 个数量级（黄色最大）。`,
    );
    if (!last) return;
    const { rows } = last.stepNorms;
    if (rows.length === 0) return;
    const cols = rows[0].length;
    const values = new Float32Array(rows.length * cols);
    let top = -Infinity;
    rows.forEach((row, r) => {
      for (let c = 0; c < cols; c++) {
        const v = row[c] > 0 ? Math.log10(row[c]) : -Infinity;
        values[r * cols + c] = v;
        top = Math.max(top, v);
      }
    });
    const width = widthOf(container);
    const cellWidth = Math.max(1, Math.floor(width / cols));
    const cellHeight = Math.max(1, Math.min(6, Math.floor(240 / rows.length)));
    canvas.dataset.rows = String(rows.length);
    canvas.dataset.cols = String(cols);
    drawGrid(canvas, values, {
      rows: rows.length,
      cols,
      cellWidth,
      cellHeight,
      colour: (v) => (Number.isFinite(v) ? sequential(1 - (top - v) / DECADES) : [0, 0, 0]),
    });
    const first = rows[rows.length - 1][0];
    const end = rows[rows.length - 1][cols - 1];
    // The lessons' gradReach: how much of the last update's gradient reached the first step.
    canvas.dataset.reach = String(end > 0 ? first / end : 0);
    canvas.setAttribute('aria-label', ctx.t(
      `gradient norm at the first step ${first.toPrecision(2)}, at the last ${end.toPrecision(2)}`,
      `第一步的梯度范数 ${first.toPrecision(2)}，最后一步 ${end.toPrecision(2)}`,
    ));
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
