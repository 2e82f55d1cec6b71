// The projection view: every word's vector flattened onto its two principal axes (PCA of the unit
// vectors, the engine's), redrawn after each measurement so the words move as they train; the
// built-in groups' words coloured and labelled, the others grey and named as the pointer passes
// over them. Its Export button downloads the vectors as the CLI's --export writes them.

import { onLanguageChange } from '../../../shared/i18n.js';
import { sizeCanvas, widthOf } from '../../sequence/views/draw.js';
import { GROUP_COLOURS, OTHER_COLOUR, titled } from './words-draw.js';

/** The canvas's height in CSS pixels, and the margin kept around the points. */
const HEIGHT = 360;
const MARGIN = 16;
/** How near the pointer must be to a point to name its word, in CSS pixels. */
const NEAR = 8;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountProjection(container, ctx) {
  const { heading, note } = titled(container);
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'words-projection-canvas';
  canvas.setAttribute('role', 'img');
  const legend = document.createElement('div');
  legend.className = 'words-legend';
  const readout = document.createElement('p');
  readout.className = 'words-readout';
  readout.dataset.testid = 'words-summary';
  const exportButton = document.createElement('button');
  exportButton.type = 'button';
  exportButton.dataset.testid = 'words-export';
  exportButton.addEventListener('click', () => {
    ctx.vectorsFile().then((file) => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
      link.download = 'word-vectors.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }, ctx.onError);
  });
  container.append(canvas, legend, readout, note, exportButton);
  /** @type {import('./context.js').Views | null} */
  let last = null;
  /** Where each word was drawn, in CSS pixels: `[x0, y0, x1, y1, …]`. */
  let drawnAt = new Float32Array();
  /** @type {Float32Array} The projection last drawn, each axis turned to agree with the one before. */
  let steady = new Float32Array();
  canvas.addEventListener('pointermove', (event) => {
    const box = canvas.getBoundingClientRect();
    const [px, py] = [event.clientX - box.left, event.clientY - box.top];
    let nearest = -1;
    let best = NEAR * NEAR;
    for (let id = 0; 2 * id + 1 < drawnAt.length; id++) {
      const d = (drawnAt[2 * id] - px) ** 2 + (drawnAt[2 * id + 1] - py) ** 2;
      if (d < best) [nearest, best] = [id, d];
    }
    canvas.title = nearest >= 0 && last ? last.vocabulary[nearest] ?? '' : '';
  });

  const draw = () => {
    heading.textContent = ctx.t('Every word on the plane', '所有词在平面上的位置');
    exportButton.textContent = ctx.t('Export vectors (JSON)', '导出词向量（JSON）');
    note.textContent = ctx.t(
      'Each dot is a word\'s vector, flattened onto the two directions along which the vectors differ most (PCA). Words of one group start scattered and gather as they train.',
      '每个点是一个词的向量，被压到向量差异最大的两个方向上（主成分分析）。同一组的词一开始分散，随训练聚到一起。',
    );
    if (!last) return;
    const { vocabulary, groupIds, groups } = last;
    steady = alignedWith(steady, last.projection);
    const projection = steady;
    const width = widthOf(container, 560);
    const context = sizeCanvas(canvas, width, HEIGHT);
    let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i + 1 < projection.length; i += 2) {
      xMin = Math.min(xMin, projection[i]);
      xMax = Math.max(xMax, projection[i]);
      yMin = Math.min(yMin, projection[i + 1]);
      yMax = Math.max(yMax, projection[i + 1]);
    }
    context.strokeStyle = '#c9d2dc';
    context.strokeRect(0.5, 0.5, width - 1, HEIGHT - 1);
    if (!Number.isFinite(xMin)) return;
    const spanX = Math.max(xMax - xMin, 1e-6);
    const spanY = Math.max(yMax - yMin, 1e-6);
    const X = (/** @type {number} */ x) => MARGIN + ((x - xMin) / spanX) * (width - 2 * MARGIN);
    const Y = (/** @type {number} */ y) => HEIGHT - MARGIN - ((y - yMin) / spanY) * (HEIGHT - 2 * MARGIN);
    context.font = '11px system-ui, sans-serif';
    context.textBaseline = 'bottom';
    drawnAt = new Float32Array(2 * vocabulary.length);
    // The grey words first, so the groups' words sit on top.
    for (const inGroup of [false, true]) {
      for (let id = 0; id < vocabulary.length; id++) {
        const group = groupIds[id] ?? -1;
        if ((group >= 0) !== inGroup) continue;
        const colour = group >= 0 ? GROUP_COLOURS[group % GROUP_COLOURS.length] : OTHER_COLOUR;
        const [x, y] = [X(projection[2 * id]), Y(projection[2 * id + 1])];
        drawnAt.set([x, y], 2 * id);
        context.fillStyle = colour;
        context.beginPath();
        context.arc(x, y, inGroup ? 3.5 : 2.5, 0, 2 * Math.PI);
        context.fill();
        if (inGroup) context.fillText(vocabulary[id], x + 4, y - 2);
      }
    }
    canvas.dataset.points = String(vocabulary.length);
    canvas.setAttribute('aria-label', ctx.t(
      `${vocabulary.length} words projected onto two principal axes`,
      `${vocabulary.length} 个词投影到两个主轴上`,
    ));
    showSummary(readout, last, ctx);
    legend.replaceChildren(...groups.map((group, i) => {
      const item = document.createElement('span');
      item.className = 'words-legend-item';
      item.style.setProperty('--swatch', GROUP_COLOURS[i % GROUP_COLOURS.length]);
      item.textContent = ctx.t(group.nameEn, group.nameZh);
      return item;
    }));
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}

/**
 * The lab's figures under the picture: the group score and the promised pair and analogy, for
 * the built-in texts; the vocabulary and parameters always.
 * @param {HTMLElement} readout
 * @param {import('./context.js').Views} views
 * @param {import('./context.js').ViewContext} ctx
 */
function showSummary(readout, { summary, metrics }, ctx) {
  const size = `${metrics.vocabularySize} × ${metrics.dim}`;
  const count = metrics.parameters.toLocaleString('en');
  readout.dataset.groupNeighbours = String(summary?.groupNeighbours ?? '');
  readout.dataset.analogyRank = String(summary?.analogyRank ?? '');
  if (!summary) {
    readout.textContent = ctx.t(`${size} vectors · ${count} parameters`, `${size} 个向量分量 · ${count} 个参数`);
    return;
  }
  const share = summary.groupNeighbours === null ? '–' : `${Math.round(summary.groupNeighbours * 100)}%`;
  readout.textContent = ctx.t(
    `Nearest word in its own group: ${share} of group words · ${size} vectors · ${count} parameters`,
    `最近的词在本组内：${share} 的组内词 · ${size} 个向量分量 · ${count} 个参数`,
  );
}

/**
 * `projection` with each axis turned round if that keeps the words nearer where `before` had
 * them: a principal axis has no preferred sign, and the engine's choice (its largest component
 * positive) can change from one measurement to the next, which would flip the picture.
 * @param {ArrayLike<number>} before the last drawn projection, `[x0, y0, x1, y1, …]`
 * @param {ArrayLike<number>} projection the new one
 * @returns {Float32Array}
 */
export function alignedWith(before, projection) {
  const turned = Float32Array.from(projection);
  if (before.length !== projection.length) return turned;
  for (const axis of [0, 1]) {
    let agreement = 0;
    for (let i = axis; i < projection.length; i += 2) agreement += before[i] * projection[i];
    if (agreement < 0) for (let i = axis; i < turned.length; i += 2) turned[i] = -turned[i];
  }
  return turned;
}
