// The feature-map view: a chosen test image through every layer (previous/next, or picked in
// the gallery); clicking a feature-map pixel, or moving it with the arrow keys, lights up the
// input pixels it sees (its receptive field).

import { onLanguageChange } from '../../../shared/i18n.js';
import { onTestImageChosen, testCountOf } from './context.js';
import { argmax, layerNames, trackedWidth } from './draw.js';
import { drawInput, drawStrip, drawTiles, tileAt, tileLayout } from './map-tiles.js';
import { convStages, receptiveField } from './receptive.js';

/**
 * @typedef {object} LayerFigure
 * @property {HTMLElement} caption
 * @property {HTMLCanvasElement} canvas
 * @property {number} stage  the convolution's place in the chain, -1 for a dense layer
 * @property {import('./map-tiles.js').TileLayout | null} layout
 */

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountMaps(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'digits-view-title';
  const previous = button('digits-maps-previous', '‹');
  const next = button('digits-maps-next', '›');
  const label = document.createElement('span');
  label.dataset.testid = 'digits-maps-label';
  label.setAttribute('aria-live', 'polite');
  const picker = document.createElement('div');
  picker.className = 'digits-picker';
  picker.append(previous, label, next);
  const inputCaption = document.createElement('figcaption');
  const input = document.createElement('canvas');
  input.dataset.testid = 'digits-maps-input';
  const inputFigure = document.createElement('figure');
  inputFigure.append(inputCaption, input);
  const layersBox = document.createElement('div');
  layersBox.className = 'digits-map-layers';
  const row = document.createElement('div');
  row.className = 'digits-maps-row';
  row.append(inputFigure, layersBox);
  const hint = document.createElement('p');
  hint.className = 'digits-view-note';
  container.append(heading, picker, row, hint);

  let index = 0;
  let testCount = 0;
  let token = 0;
  /** @type {import('./context.js').Views | null} */
  let last = null;
  /** @type {{pixels: Float32Array, label: number} | null} */
  let image = null;
  /** @type {Array<{shape: number[], values: Float32Array}>} */
  let outputs = [];
  /** @type {import('./receptive.js').ConvStage[]} */
  let stages = [];
  /** @type {import('./map-tiles.js').Chosen | null} */
  let chosen = null;
  /** @type {LayerFigure[]} */
  let figures = [];
  let structure = '';
  /** The width the layers' canvases may take (redrawn when it changes). */
  const room = trackedWidth(container, Infinity, () => { if (last) refresh(); });

  const refresh = async () => {
    if (!last || testCount === 0) return;
    const mine = ++token;
    try {
      const shown = await ctx.client.request('testImage', { index });
      const answer = await ctx.client.request('layerOutputs', { pixels: shown.pixels });
      if (mine !== token || !last) return;
      image = shown;
      outputs = answer;
      stages = convStages(last.layers, outputs);
      render();
    } catch (error) {
      ctx.onError(error);
    }
  };

  const choose = (/** @type {import('./map-tiles.js').Chosen | null} */ next) => {
    chosen = next;
    render();
  };

  const build = () => {
    if (!last) return;
    const names = layerNames(last.layers);
    let stage = 0;
    figures = outputs.map((output, i) => {
      const caption = document.createElement('figcaption');
      const canvas = document.createElement('canvas');
      canvas.dataset.testid = `digits-maps-layer-${i + 1}`;
      canvas.dataset.layer = names[i] ?? '';
      const figure = document.createElement('figure');
      figure.append(caption, canvas);
      layersBox.append(figure);
      if (output.shape.length !== 4) return { caption, canvas, stage: -1, layout: null };
      /** @type {LayerFigure} */
      const entry = { caption, canvas, stage: stage++, layout: tileLayout(output.shape[1], output.shape[3], room()) };
      canvas.tabIndex = 0;
      canvas.addEventListener('click', (event) => {
        const box = canvas.getBoundingClientRect();
        const at = entry.layout && tileAt(entry.layout, event.clientX - box.left, event.clientY - box.top);
        if (at) choose({ stage: entry.stage, ...at });
      });
      canvas.addEventListener('keydown', (event) => {
        const moved = entry.layout && moveChosen(chosen, entry.stage, entry.layout, event);
        if (!moved) return;
        event.preventDefault();
        choose(moved);
      });
      return entry;
    });
  };

  const render = () => {
    heading.textContent = ctx.t('Feature maps', '特征图');
    inputCaption.textContent = ctx.t('input', '输入');
    previous.setAttribute('aria-label', ctx.t('previous test image', '上一张测试图像'));
    next.setAttribute('aria-label', ctx.t('next test image', '下一张测试图像'));
    hint.textContent = ctx.t(
      'Click a pixel of a feature map (or focus a map and use the arrow keys; Shift with left or right picks another map) to light up the input pixels it sees.',
      '点击特征图上的一个像素（或聚焦一张特征图后用方向键；按住 Shift 加左右键换一张特征图），输入图像上会亮出它看到的像素。',
    );
    if (!last || !image) return;
    const shape = outputs.map((output) => output.shape.join('x')).join(',');
    if (shape !== structure) {
      structure = shape;
      layersBox.replaceChildren();
      chosen = null;
      build();
    }
    const probabilities = softmax(outputs[outputs.length - 1]?.values ?? new Float32Array(10));
    const predicted = argmax(probabilities);
    label.textContent = ctx.t(
      `test image ${index + 1} of ${testCount}: a ${image.label}, read as ${predicted} (${percent(probabilities[predicted])})`,
      `测试图像 ${index + 1} / ${testCount}：数字 ${image.label}，网络读作 ${predicted}（${percent(probabilities[predicted])}）`,
    );
    const field = chosen ? receptiveField(stages, chosen.stage, chosen.row, chosen.col) : null;
    drawInput(input, image.pixels, field);
    const lit = field ? (field.bottom - field.top + 1) * (field.right - field.left + 1) : 0;
    input.dataset.lit = String(lit);
    input.dataset.field = field ? `${field.top},${field.left},${field.bottom},${field.right}` : '';
    figures.forEach((figure, i) => {
      const output = outputs[i];
      const name = figure.canvas.dataset.layer;
      const isLast = i === outputs.length - 1;
      if (figure.layout) {
        figure.layout = tileLayout(output.shape[1], output.shape[3], room());
        const mine = chosen && chosen.stage === figure.stage ? chosen : null;
        drawTiles(figure.canvas, output.values, figure.layout, mine);
        const [maps, side] = [output.shape[1], output.shape[3]];
        figure.caption.textContent = ctx.t(`${name}: ${maps} maps of ${side} x ${side}`, `${name}：${maps} 张 ${side} x ${side} 特征图`);
        figure.canvas.setAttribute('aria-label', mine
          ? ctx.t(`${name}, map ${mine.map + 1}, row ${mine.row + 1}, column ${mine.col + 1}: sees ${lit} input pixels`,
            `${name}，第 ${mine.map + 1} 张图，第 ${mine.row + 1} 行第 ${mine.col + 1} 列：看到 ${lit} 个输入像素`)
          : ctx.t(`${name}: use the arrow keys to choose a pixel`, `${name}：用方向键选择一个像素`));
      } else {
        drawStrip(figure.canvas, isLast ? probabilities : output.values, isLast, room());
        figure.caption.textContent = isLast
          ? ctx.t(`${name}: class probabilities (softmax)`, `${name}：各类别概率（softmax）`)
          : ctx.t(`${name}: ${output.values.length} units after ReLU`, `${name}：ReLU 后的 ${output.values.length} 个单元`);
      }
    });
  };

  const show = (/** @type {number} */ wanted) => {
    if (testCount === 0) return;
    index = ((wanted % testCount) + testCount) % testCount;
    refresh();
  };
  previous.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  onTestImageChosen(ctx, show);
  onLanguageChange(render);

  return {
    update(views) {
      last = views;
      testCount = testCountOf(views);
      if (index >= testCount) index = 0;
      refresh();
    },
  };
}

/**
 * The chosen pixel after an arrow key on convolution `stage`'s canvas, or null for other keys.
 * @param {import('./map-tiles.js').Chosen | null} chosen
 * @param {number} stage
 * @param {import('./map-tiles.js').TileLayout} layout
 * @param {KeyboardEvent} event
 * @returns {import('./map-tiles.js').Chosen | null}
 */
function moveChosen(chosen, stage, layout, event) {
  const steps = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const step = steps[/** @type {keyof typeof steps} */ (event.key)];
  if (!step) return null;
  const middle = Math.floor(layout.side / 2);
  const from = chosen && chosen.stage === stage ? chosen : { stage, map: 0, row: middle, col: middle };
  if (!chosen || chosen.stage !== stage) return from;
  if (event.shiftKey && step[1] !== 0) {
    return { ...from, map: (from.map + step[1] + layout.maps) % layout.maps };
  }
  const clip = (/** @type {number} */ v) => Math.min(layout.side - 1, Math.max(0, v));
  return { ...from, row: clip(from.row + step[0]), col: clip(from.col + step[1]) };
}

/**
 * @param {string} testid
 * @param {string} text
 */
function button(testid, text) {
  const element = document.createElement('button');
  element.type = 'button';
  element.dataset.testid = testid;
  element.textContent = text;
  return element;
}

/**
 * The softmax of `logits`.
 * @param {Float32Array} logits
 */
export function softmax(logits) {
  const top = Math.max(...logits);
  const exps = Array.from(logits, (v) => Math.exp(v - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return new Float32Array(exps.map((v) => v / sum));
}

/**
 * @param {number} value a fraction
 */
function percent(value) {
  return `${(100 * value).toFixed(0)}%`;
}
