// The head walk: one head of one layer on the chosen input, step by step, with its own numbers:
// the queries, keys and values (its slice of the three projections of the normalised input),
// the scores q·k / √width, their softmax row by row (the weights the matrices show) and the
// weighted sums of the values it hands on. The queries, keys, values and sums are heatmaps (a
// pointer over a cell reads its number); the scores and weights are tables of numbers. The
// pictures and tables are built once per shape and filled anew at each update.

import { onLanguageChange } from '../../../shared/i18n.js';
import { diverging, largest, sequential } from '../../sequence/views/draw.js';
import { cell, cellAt, drawLabelledGrid, textColourOn, titled, tokenOf } from './draw.js';

/** The widest a heatmap cell of the queries, keys, values and sums gets, in CSS pixels. */
const MOST_CELL = 14;
/** The heatmaps, in the walk's order, by data-testid suffix. */
const HEATMAPS = /** @type {const} */ (['queries', 'keys', 'values', 'mixed']);

/**
 * A heatmap of the walk and what it shows now, for the pointer's readout.
 * @typedef {{canvas: HTMLCanvasElement, name: string, values: Float32Array, width: number,
 *   geometry: import('./draw.js').Geometry | null}} Heatmap
 */

/**
 * A table of numbers of the walk: its header cells and its rows' cells, `[T][T]`.
 * @typedef {{table: HTMLTableElement, heads: HTMLElement[], rowHeads: HTMLElement[], cells: HTMLElement[][]}} Numbers
 */

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountWalk(container, ctx) {
  const { heading, note } = titled(container);
  const row = document.createElement('div');
  row.className = 'attention-row';
  const layerLabel = document.createElement('label');
  const layerText = document.createElement('span');
  const layer = document.createElement('select');
  layer.dataset.testid = 'attention-walk-layer';
  layerLabel.append(layerText, layer);
  const headLabel = document.createElement('label');
  const headText = document.createElement('span');
  const head = document.createElement('select');
  head.dataset.testid = 'attention-walk-head';
  headLabel.append(headText, head);
  row.append(layerLabel, headLabel);
  const steps = document.createElement('div');
  steps.className = 'attention-walk-steps';
  const readout = document.createElement('p');
  readout.className = 'attention-readout';
  readout.dataset.testid = 'attention-walk-readout';
  container.append(row, steps, readout, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;
  /** The labels of the tokens shown. */
  /** @type {string[]} */
  let labels = [];

  /** @type {Record<typeof HEATMAPS[number], Heatmap>} */
  const heatmaps = /** @type {any} */ ({});
  for (const id of HEATMAPS) {
    const canvas = document.createElement('canvas');
    canvas.dataset.testid = `attention-walk-${id}`;
    canvas.setAttribute('role', 'img');
    const heatmap = { canvas, name: '', values: new Float32Array(), width: 1, geometry: null };
    canvas.addEventListener('mousemove', (event) => {
      const at = cellAt(event, canvas, heatmap.geometry);
      if (!at) return;
      const value = heatmap.values[at.row * heatmap.width + at.col];
      readout.textContent = `${heatmap.name} [${at.row + 1}, ${at.col + 1}] (${labels[at.row]}) = ${value.toFixed(3)}`;
    });
    heatmaps[id] = heatmap;
  }
  /** The two tables, rebuilt only when the input's length changes. */
  /** @type {{scores: Numbers, weights: Numbers} | null} */
  let tables = null;
  const captions = Array.from({ length: 6 }, () => document.createElement('figcaption'));
  /** @type {Array<HTMLElement | null>} */
  const bodies = [heatmaps.queries.canvas, heatmaps.keys.canvas, heatmaps.values.canvas, null, null, heatmaps.mixed.canvas];

  /**
   * Fills `select` with `count` choices, `chosen` selected.
   * @param {HTMLSelectElement} select
   * @param {number} count
   * @param {number} chosen
   */
  const fill = (select, count, chosen) => {
    if (select.options.length !== count) {
      select.replaceChildren(...Array.from({ length: count }, (_, i) => new Option(String(i + 1), String(i))));
    }
    select.value = String(chosen);
  };

  /**
   * An empty table of `size` x `size` numbers with its headers.
   * @param {string} id
   * @param {number} size
   * @returns {Numbers}
   */
  const emptyTable = (id, size) => {
    const table = document.createElement('table');
    table.className = 'attention-numbers';
    table.dataset.testid = `attention-walk-${id}`;
    const top = document.createElement('tr');
    const heads = Array.from({ length: size }, () => cell('th', ''));
    top.append(cell('th', ''), ...heads);
    const rowHeads = [];
    const cells = [];
    table.append(top);
    for (let i = 0; i < size; i++) {
      const line = document.createElement('tr');
      const rowHead = cell('th', '');
      const ones = Array.from({ length: size }, () => cell('td', ''));
      line.append(rowHead, ...ones);
      table.append(line);
      rowHeads.push(rowHead);
      cells.push(ones);
    }
    return { table, heads, rowHeads, cells };
  };

  /**
   * Fills `numbers` with `values` (`[T, T]`), queries down, keys across, coloured by `colour`.
   * @param {Numbers} numbers
   * @param {Float32Array} values
   * @param {(value: number) => [number, number, number] | null} colour
   */
  const fillTable = (numbers, values, colour) => {
    const size = labels.length;
    labels.forEach((label, i) => {
      numbers.heads[i].textContent = label;
      numbers.rowHeads[i].textContent = label;
    });
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) {
        const value = values[i * size + j];
        const one = numbers.cells[i][j];
        // Rounded to 0, a small negative number reads 0.00, not -0.00.
        one.textContent = Number.isFinite(value) ? (Math.abs(value) < 0.005 ? 0 : value).toFixed(2) : '−∞';
        const rgb = colour(value);
        one.style.backgroundColor = rgb ? `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})` : '';
        one.style.color = rgb ? textColourOn(rgb) : '';
      }
    }
    numbers.table.dataset.values = [...values].map((value) => (Number.isFinite(value) ? value.toFixed(3) : '-inf')).join(',');
  };

  /**
   * Draws heatmap `heatmap` of `values` (`[T, width]`), tokens down the left, against its largest.
   * @param {Heatmap} heatmap
   * @param {string} name
   * @param {Float32Array} values
   * @param {number} width
   */
  const drawHeatmap = (heatmap, name, values, width) => {
    const most = largest(values);
    const size = Math.max(3, Math.min(MOST_CELL, Math.floor(220 / width)));
    Object.assign(heatmap, { name, values, width });
    heatmap.geometry = drawLabelledGrid(heatmap.canvas, {
      values, rows: labels.length, cols: width, cellWidth: size, cellHeight: MOST_CELL,
      rowLabels: labels, colLabels: [], outline: true, colour: (value) => diverging(value / most),
    });
    heatmap.canvas.dataset.sum = String(values.reduce((sum, value) => sum + Math.abs(value), 0));
    heatmap.canvas.setAttribute('aria-label', ctx.t(`${name}: ${labels.length} rows of ${width} numbers, the largest ${most.toFixed(2)} in size`,
      `${name}：${labels.length} 行，每行 ${width} 个数，绝对值最大 ${most.toFixed(2)}`));
  };

  const draw = () => {
    heading.textContent = ctx.t('One head, step by step', '一个注意力头，逐步展开');
    layerText.textContent = ctx.t('Layer ', '层 ');
    headText.textContent = ctx.t('Head ', '头 ');
    if (!last) return;
    const { reading, vocabulary } = last;
    const { walk } = reading;
    fill(layer, reading.layers.length, walk.layer);
    fill(head, reading.heads, walk.head);
    labels = [...reading.input].map((id) => tokenOf(vocabulary, id));
    if (!tables || tables.scores.cells.length !== labels.length) {
      tables = { scores: emptyTable('scores', labels.length), weights: emptyTable('weights', labels.length) };
      bodies[3] = tables.scores.table;
      bodies[4] = tables.weights.table;
      steps.replaceChildren(...captions.map((caption, i) => {
        const figure = document.createElement('figure');
        figure.append(caption, /** @type {HTMLElement} */ (bodies[i]));
        return figure;
      }));
    }
    const root = Math.sqrt(walk.width).toFixed(2);
    const texts = [
      ctx.t('1. queries Q = x W_Q', '1. 查询 Q = x W_Q'),
      ctx.t('2. keys K = x W_K', '2. 键 K = x W_K'),
      ctx.t('3. values V = x W_V', '3. 值 V = x W_V'),
      ctx.t(`4. scores Q Kᵀ / √${walk.width} (= ${root}); queries down, keys across`, `4. 分数 Q Kᵀ / √${walk.width}（= ${root}）；纵向查询，横向键`),
      ctx.t('5. weights: softmax of each row', '5. 权重：每行做 softmax'),
      ctx.t('6. weighted sum of the values, weights · V', '6. 值的加权和：权重 · V'),
    ];
    captions.forEach((caption, i) => { caption.textContent = texts[i]; });
    drawHeatmap(heatmaps.queries, 'Q', walk.queries, walk.width);
    drawHeatmap(heatmaps.keys, 'K', walk.keys, walk.width);
    drawHeatmap(heatmaps.values, 'V', walk.values, walk.width);
    drawHeatmap(heatmaps.mixed, ctx.t('sum', '加权和'), walk.mixed, walk.width);
    const scale = largest(walk.scores.filter(Number.isFinite));
    fillTable(tables.scores, walk.scores, (value) => (Number.isFinite(value) ? diverging(value / scale) : null));
    fillTable(tables.weights, walk.weights, (value) => sequential(value));
    steps.dataset.layer = String(walk.layer);
    steps.dataset.head = String(walk.head);
    note.textContent = ctx.t(
      `Layer ${walk.layer + 1}, head ${walk.head + 1}, on the input above: x is each token's vector after the layer norm; this head's slice of the projections is ${walk.width} wide. Heatmaps: blue below 0, red above, against the largest in size (point at a cell to read it). A row of weights adds up to 1, and the sum at a position is its row of weights times the values.`,
      `第 ${walk.layer + 1} 层头 ${walk.head + 1}，作用于上面的输入：x 是每个词元经层归一化后的向量；这个头分到的投影宽 ${walk.width}。热图：蓝色小于 0，红色大于 0，相对于绝对值最大者（指向格子可读出数值）。每行权重之和为 1，一个位置的加权和就是它那一行权重乘以各个值。`,
    );
  };

  layer.addEventListener('change', () => ctx.select({ layer: Number(layer.value) }));
  head.addEventListener('change', () => ctx.select({ head: Number(head.value) }));
  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
