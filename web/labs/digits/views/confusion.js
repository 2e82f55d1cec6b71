// The confusion matrix view: 10 x 10 counts over the test set, true digit down and predicted
// digit across, the diagonal (right answers) in green and the mistakes in red by how many.

import { onLanguageChange } from '../../../shared/i18n.js';
import { sizeCanvas } from './draw.js';

/** The side of one cell, in CSS pixels. */
const CELL = 28;
/** Room for the digits along the top and left edges. */
const EDGE = 22;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountConfusion(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'digits-view-title';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'digits-confusion-matrix';
  canvas.setAttribute('role', 'img');
  const note = document.createElement('p');
  note.className = 'digits-view-note';
  container.append(heading, canvas, note);
  /** @type {Uint32Array | null} */
  let counts = null;

  const cellAt = (/** @type {MouseEvent} */ event) => {
    const box = canvas.getBoundingClientRect();
    const col = Math.floor((event.clientX - box.left - EDGE) / CELL);
    const row = Math.floor((event.clientY - box.top - EDGE) / CELL);
    return row >= 0 && row < 10 && col >= 0 && col < 10 ? { row, col } : null;
  };

  const draw = () => {
    heading.textContent = ctx.t('Confusion matrix', '混淆矩阵');
    note.textContent = ctx.t(
      'Rows: the true digit; columns: the digit predicted. Hover a cell for its count.',
      '行：真实数字；列：预测的数字。把鼠标移到格子上可看数量。',
    );
    const context = sizeCanvas(canvas, EDGE + 10 * CELL + 1, EDGE + 10 * CELL + 1);
    if (!counts) return;
    let total = 0;
    let right = 0;
    let worst = 1;
    for (let i = 0; i < 100; i++) {
      total += counts[i];
      if (i % 11 === 0) right += counts[i];
      else worst = Math.max(worst, counts[i]);
    }
    let diagonalMost = 1;
    for (let d = 0; d < 10; d++) diagonalMost = Math.max(diagonalMost, counts[d * 11]);
    canvas.dataset.total = String(total);
    canvas.dataset.correct = String(right);
    canvas.setAttribute('aria-label', ctx.t(
      `confusion matrix: ${right} of ${total} test images right`,
      `混淆矩阵：${total} 张测试图像中 ${right} 张正确`,
    ));
    context.font = '11px system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = '#5d6b7a';
    for (let d = 0; d < 10; d++) {
      context.fillText(String(d), EDGE + d * CELL + CELL / 2, EDGE / 2);
      context.fillText(String(d), EDGE / 2, EDGE + d * CELL + CELL / 2);
    }
    for (let row = 0; row < 10; row++) {
      for (let col = 0; col < 10; col++) {
        const n = counts[row * 10 + col];
        const x = EDGE + col * CELL;
        const y = EDGE + row * CELL;
        const strength = row === col ? n / diagonalMost : n / worst;
        const fade = Math.round(255 - 150 * strength);
        context.fillStyle = n === 0 ? '#ffffff' : row === col ? `rgb(${fade}, 240, ${fade})` : `rgb(250, ${fade}, ${fade})`;
        context.fillRect(x, y, CELL, CELL);
        context.strokeStyle = row === col ? '#16a34a' : '#e2e7ed';
        context.lineWidth = 1;
        context.strokeRect(x + 0.5, y + 0.5, CELL - 1, CELL - 1);
        if (n > 0) {
          context.fillStyle = '#1d2733';
          context.fillText(String(n), x + CELL / 2, y + CELL / 2);
        }
      }
    }
  };

  canvas.addEventListener('mousemove', (event) => {
    const cell = cellAt(event);
    canvas.title = cell && counts
      ? ctx.t(`true ${cell.row}, predicted ${cell.col}: ${counts[cell.row * 10 + cell.col]}`,
        `真实 ${cell.row}，预测 ${cell.col}：${counts[cell.row * 10 + cell.col]}`)
      : '';
  });
  onLanguageChange(draw);

  return {
    update(views) {
      counts = views.confusion;
      draw();
    },
  };
}
