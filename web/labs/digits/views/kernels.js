// The kernels view: each convolution's kernels as small tiles in a diverging scale (blue
// negative, white zero, red positive), the first layer's F kernels in a row and the second's
// as their mean over the input channels, or (switched on) a grid of input channels x filters.

import { formatCount } from '../../../shared/controls.js';
import { onLanguageChange } from '../../../shared/i18n.js';
import { diverging, largest, layerNames, paintCells, picture, show, sizeCanvas, trackedWidth } from './draw.js';

/** The side of one kernel cell, in CSS pixels, by kernel size. */
const CELL = { 1: 10, 3: 5, 5: 4 };
/** Room between two tiles, in CSS pixels. */
const GAP = 3;
/** The widest a kernel canvas grows, in CSS pixels. */
const WIDEST = 560;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountKernels(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'digits-view-title';
  const meanLabel = document.createElement('label');
  meanLabel.className = 'digits-toggle';
  const mean = document.createElement('input');
  mean.type = 'checkbox';
  mean.dataset.testid = 'digits-kernels-mean';
  // The mean first: the full grid of a wide second layer (32 filters x 16 channels) is 512
  // tiles, a long first paint while training; the learner opens it with the switch.
  mean.checked = true;
  const meanText = document.createElement('span');
  meanLabel.append(mean, meanText);
  const layersBox = document.createElement('div');
  layersBox.className = 'digits-kernel-layers';
  const empty = document.createElement('p');
  empty.className = 'digits-view-note';
  container.append(heading, meanLabel, layersBox, empty);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('Kernels', '卷积核');
    meanText.textContent = ctx.t(' mean over input channels', ' 对输入通道取平均');
    if (!last) return;
    const names = layerNames(last.layers);
    const convs = last.layers.map((layer, i) => ({ layer, name: names[i] })).filter((it) => it.layer.kind === 'conv');
    empty.textContent = convs.length === 0
      ? ctx.t('This model has no convolutions, so no kernels: choose the CNN to see them.',
        '这个模型没有卷积层，也就没有卷积核：选择卷积网络才能看到。')
      : ctx.t('Blue weights are negative, red positive.', '蓝色为负权重，红色为正权重。');
    meanLabel.hidden = !convs.some((it) => it.layer.shape[1] > 1);
    while (layersBox.children.length > convs.length) layersBox.lastElementChild?.remove();
    convs.forEach(({ layer, name }, i) => {
      let figure = /** @type {HTMLElement | undefined} */ (layersBox.children[i]);
      if (!figure) {
        figure = document.createElement('figure');
        const canvas = document.createElement('canvas');
        canvas.dataset.testid = `digits-kernels-${i + 1}`;
        figure.append(document.createElement('figcaption'), canvas);
        layersBox.append(figure);
      }
      const [filters, channels, k] = layer.shape;
      /** @type {HTMLElement} */ (figure.firstElementChild).textContent = ctx.t(
        `${name}: ${filters} kernels of ${channels} x ${k} x ${k}, ${formatCount(layer.parameters)} parameters`,
        `${name}：${filters} 个 ${channels} x ${k} x ${k} 卷积核，${formatCount(layer.parameters)} 个参数`,
      );
      // One layer per animation frame: a cold first paint of both layers is a long task.
      const canvas = /** @type {HTMLCanvasElement} */ (figure.lastElementChild);
      const paint = () => drawLayer(canvas, layer, mean.checked, room());
      if (i === 0) paint();
      else requestAnimationFrame(paint);
    });
  };

  const room = trackedWidth(container, WIDEST, () => draw());
  mean.addEventListener('change', draw);
  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}

/**
 * Draws one convolution's kernels: a row per input channel (or one row of means), a column
 * per filter, each tile k x k, wrapped to fit `room` (at most WIDEST).
 * @param {HTMLCanvasElement} canvas
 * @param {import('./context.js').LayerView} layer
 * @param {boolean} meanOverChannels
 * @param {number} room  the CSS pixels the canvas may take across
 */
function drawLayer(canvas, layer, meanOverChannels, room) {
  const [filters, channels, k] = layer.shape;
  const rows = meanOverChannels ? 1 : channels;
  // A grid of many channels gets smaller cells, so it stays about as wide as it is tall.
  const size = Math.max(2, (CELL[/** @type {1 | 3 | 5} */ (k)] ?? 4) - (rows > 1 ? 2 : 0));
  const tile = k * size + GAP;
  /** @type {Float32Array} */
  let values = layer.values;
  if (meanOverChannels && channels > 1) {
    values = new Float32Array(filters * k * k);
    for (let f = 0; f < filters; f++) {
      for (let c = 0; c < channels; c++) {
        for (let i = 0; i < k * k; i++) values[f * k * k + i] += layer.values[(f * channels + c) * k * k + i] / channels;
      }
    }
  }
  const scale = largest(values);
  const perLine = Math.max(1, Math.min(filters, Math.floor((Math.min(WIDEST, room) - GAP) / tile)));
  const bands = Math.ceil(filters / perLine);
  const bandHeight = rows * tile + (bands > 1 ? 2 * GAP : 0);
  const [width, height] = [perLine * tile + GAP, bands * bandHeight + GAP];
  const context = sizeCanvas(canvas, width, height);
  const image = picture(width, height);
  const colour = (/** @type {number} */ v) => diverging(v / scale);
  for (let f = 0; f < filters; f++) {
    const band = Math.floor(f / perLine);
    const x = GAP + (f % perLine) * tile;
    for (let row = 0; row < rows; row++) {
      const c = meanOverChannels ? 0 : row;
      const offset = meanOverChannels ? f * k * k : (f * channels + c) * k * k;
      paintCells(image, values, { x, y: GAP + band * bandHeight + row * tile, rows: k, cols: k, size, offset, colour });
    }
  }
  show(context, image);
}
