// The vanishing-gradient heatmap: the norm of the loss's gradient with respect to each time
// step's hidden state (time step across, the last step on the right), one row per training
// request down the page (training goes on downwards), each row in a log colour scale against
// its largest norm. A plain RNN's rows go dark towards the left: the error does not reach back
// to the early steps.

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
      `Across: time step (the last on the right); down: training (one row per batch of updates, newest at the bottom). Colour: the gradient norm at that step's hidden state against the row's largest, on a log scale over ${DECADES} decades (yellow: the largest; dark: a millionth or less).`,
      `横向：时间步（最右是最后一步）；纵向：训练进度（每行一批更新，最新在最下）。颜色：该步隐藏状态处的梯度范数相对于本行最大值，对数刻度，跨 ${DECADES} 个数量级（黄色：最大；深色：百万分之一或更小）。`,
    );
    if (!last) return;
    const { rows } = last.stepNorms;
    if (rows.length === 0) return;
    const cols = rows[0].length;
    // Each row against its own largest norm: how much of the error reaches back, whatever
    // the gradient's overall size at that point of training.
    const values = new Float32Array(rows.length * cols);
    rows.forEach((row, r) => {
      let top = 0;
      for (let c = 0; c < cols; c++) top = Math.max(top, row[c]);
      for (let c = 0; c < cols; c++) values[r * cols + c] = row[c] > 0 && top > 0 ? Math.log10(row[c] / top) : -Infinity;
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
      colour: (v) => (Number.isFinite(v) ? sequential(1 + v / DECADES) : sequential(0)),
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
