// The attention matrices: for one input (a test sequence, or digits the learner types), every
// head of every layer as a T x T picture, the input's tokens on both edges: row i is how the
// answer at position i weighs each position (yellow: all its weight; dark: none). Reversing
// learns the anti-diagonal, copying the diagonal. Beside them, the input, the network's answers
// and the right ones; a click on a head shows it in the head walk.

import { onLanguageChange } from '../../../shared/i18n.js';
import { sequential, widthOf } from '../../sequence/views/draw.js';
import { cell, cellAt, drawLabelledGrid, labelRoom, titled, tokenOf } from './draw.js';

/** The test sequences the picker goes through (the test set has 500 of the symbol tasks). */
const EXAMPLES = 500;
/** The smallest cell of a matrix that still reads well, in CSS pixels. */
const READABLE = 14;

/**
 * The mean of the weights on the diagonal (`anti`: the anti-diagonal) of a `size` x `size`
 * matrix at `offset` of `values`.
 * @param {Float32Array} values
 * @param {number} offset
 * @param {number} size
 * @param {boolean} anti
 */
function diagonalMean(values, offset, size, anti) {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += values[offset + i * size + (anti ? size - 1 - i : i)];
  return sum / size;
}

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountMatrices(container, ctx) {
  const { heading, note } = titled(container);
  const row = document.createElement('div');
  row.className = 'attention-row';
  const exampleLabel = document.createElement('label');
  const exampleText = document.createElement('span');
  const example = document.createElement('input');
  example.type = 'number';
  example.min = '0';
  example.max = String(EXAMPLES - 1);
  example.value = '0';
  example.dataset.testid = 'attention-example';
  exampleLabel.append(exampleText, example);
  const typedLabel = document.createElement('label');
  const typedText = document.createElement('span');
  const typed = document.createElement('input');
  typed.type = 'text';
  typed.inputMode = 'numeric';
  typed.maxLength = 12;
  typed.className = 'attention-typed';
  typed.dataset.testid = 'attention-input';
  typedLabel.append(typedText, typed);
  row.append(exampleLabel, typedLabel);
  const error = document.createElement('p');
  error.className = 'attention-error';
  error.dataset.testid = 'attention-input-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const answers = document.createElement('table');
  answers.className = 'attention-answers';
  answers.dataset.testid = 'attention-answers';
  const grid = document.createElement('div');
  grid.className = 'attention-matrix-grid';
  const readout = document.createElement('p');
  readout.className = 'attention-readout';
  readout.dataset.testid = 'attention-matrix-readout';
  // Words make the answers wider than the view: they scroll sideways in their own box.
  const answersBox = document.createElement('div');
  answersBox.className = 'attention-answers-box';
  answersBox.append(answers);
  container.append(row, error, answersBox, grid, readout, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  /** The digits typed, as token ids, or null when the box is empty. */
  const typedInput = () => {
    const digits = typed.value.replace(/\s+/g, '');
    if (digits === '') return null;
    return [...digits].map((digit) => (/^\d$/.test(digit) ? Number(digit) : 65535));
  };

  const drawAnswers = (/** @type {import('./context.js').Views} */ views) => {
    const { reading, vocabulary } = views;
    const token = (/** @type {number} */ id) => tokenOf(vocabulary, id);
    const head = document.createElement('tr');
    head.append(cell('th', ctx.t('position', '位置')), ...[...reading.input].map((_, i) => cell('th', String(i + 1))));
    const inputRow = document.createElement('tr');
    inputRow.append(cell('th', ctx.t('input', '输入')), ...[...reading.input].map((id) => cell('td', token(id))));
    const answerRow = document.createElement('tr');
    answerRow.append(cell('th', ctx.t('network', '网络')), ...[...reading.answers].map((id, i) => {
      const one = cell('td', token(id));
      if (reading.expected[i] >= 0 && reading.expected[i] !== id) one.className = 'attention-wrong';
      return one;
    }));
    const expectedRow = document.createElement('tr');
    expectedRow.append(cell('th', views.task === 'text' ? ctx.t('next word', '下一个词') : ctx.t('expected', '正确答案')),
      ...reading.expected.map((id) => cell('td', token(id))));
    answers.replaceChildren(head, inputRow, answerRow, expectedRow);
    answers.dataset.input = [...reading.input].join(',');
    answers.dataset.answers = [...reading.answers].join(',');
    answers.dataset.expected = reading.expected.join(',');
    const known = reading.expected.filter((id) => id >= 0).length;
    const right = [...reading.answers].filter((id, i) => reading.expected[i] >= 0 && id === reading.expected[i]).length;
    answers.dataset.right = String(right);
    answers.setAttribute('aria-label', ctx.t(`${right} of ${known} answers right`, `${known} 个回答中对了 ${right} 个`));
  };

  /**
   * One picture per head, built once per shape of the network and drawn anew at each update
   * (new canvases at every update would cost the page a layout and a commit of them all).
   * @type {Array<{layer: number, head: number, figure: HTMLElement, caption: HTMLElement,
   *   canvas: HTMLCanvasElement, geometry: import('./draw.js').Geometry | null,
   *   values: Float32Array}>}
   */
  let pictures = [];
  /** The layer titles, and the shape the pictures were built for (`layers x heads`). */
  /** @type {HTMLElement[]} */
  let titles = [];
  let built = '';
  /** The input's tokens the pictures show. */
  /** @type {string[]} */
  let labels = [];

  const build = (/** @type {number} */ layers, /** @type {number} */ heads) => {
    pictures = [];
    titles = [];
    grid.replaceChildren(...Array.from({ length: layers }, (_, layer) => {
      const block = document.createElement('div');
      block.className = 'attention-layer';
      const title = document.createElement('div');
      title.className = 'attention-layer-title';
      titles.push(title);
      const row = document.createElement('div');
      row.className = 'attention-heads';
      for (let head = 0; head < heads; head++) {
        const figure = document.createElement('figure');
        figure.className = 'attention-head';
        const caption = document.createElement('figcaption');
        const canvas = document.createElement('canvas');
        canvas.dataset.testid = 'attention-matrix';
        canvas.setAttribute('role', 'img');
        const picture = { layer, head, figure, caption, canvas, geometry: null, values: new Float32Array() };
        canvas.addEventListener('mousemove', (event) => {
          const at = cellAt(event, canvas, picture.geometry);
          if (!at) return;
          const weight = picture.values[at.row * labels.length + at.col];
          readout.textContent = ctx.t(
            `Layer ${layer + 1}, head ${head + 1}: position ${at.row + 1} (${labels[at.row]}) gives position ${at.col + 1} (${labels[at.col]}) weight ${weight.toFixed(3)}`,
            `第 ${layer + 1} 层头 ${head + 1}：位置 ${at.row + 1}（${labels[at.row]}）给位置 ${at.col + 1}（${labels[at.col]}）的权重是 ${weight.toFixed(3)}`,
          );
        });
        canvas.addEventListener('click', () => ctx.select({ layer, head }));
        figure.append(caption, canvas);
        row.append(figure);
        pictures.push(picture);
      }
      block.append(title, row);
      return block;
    }));
    built = `${layers}x${heads}`;
  };

  const drawMatrices = (/** @type {import('./context.js').Views} */ views) => {
    const { reading, vocabulary, selection } = views;
    const size = reading.length;
    labels = [...reading.input].map((id) => tokenOf(vocabulary, id));
    const room = labelRoom(labels);
    const width = widthOf(container, 1100) - 16;
    // As many heads to a row as fit with cells of at least READABLE pixels.
    let perRow = Math.min(reading.heads, 4);
    const cellOf = (/** @type {number} */ count) => Math.floor((width / count - 14 - room) / size);
    while (perRow > 1 && cellOf(perRow) < READABLE) perRow -= 1;
    // Rows as even as they can be: four heads two by two rather than three and one.
    perRow = Math.ceil(reading.heads / Math.ceil(reading.heads / perRow));
    const cellSize = Math.max(8, Math.min(28, cellOf(perRow)));
    if (built !== `${reading.layers.length}x${reading.heads}`) build(reading.layers.length, reading.heads);
    titles.forEach((title, layer) => { title.textContent = ctx.t(`Layer ${layer + 1}`, `第 ${layer + 1} 层`); });
    for (const picture of pictures) {
      const { layer, head, figure, caption, canvas } = picture;
      const matrices = reading.layers[layer];
      figure.classList.toggle('attention-chosen', layer === selection.layer && head === selection.head);
      caption.textContent = ctx.t(`head ${head + 1}`, `头 ${head + 1}`);
      const offset = head * size * size;
      picture.values = matrices.subarray(offset, offset + size * size);
      picture.geometry = drawLabelledGrid(canvas, {
        values: picture.values, rows: size, cols: size, cellWidth: cellSize, cellHeight: cellSize,
        rowLabels: labels, colLabels: labels, outline: true,
        colour: (weight, query, key) => (views.task === 'text' && key > query ? null : sequential(weight)),
      });
      const diagonal = diagonalMean(matrices, offset, size, false);
      const anti = diagonalMean(matrices, offset, size, true);
      let above = 0;
      for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) above += picture.values[i * size + j];
      Object.assign(canvas.dataset, {
        layer: String(layer), head: String(head), size: String(size),
        diagonal: String(diagonal), anti: String(anti), above: String(above),
      });
      canvas.setAttribute('aria-label', ctx.t(
        `layer ${layer + 1}, head ${head + 1}: mean weight on the diagonal ${diagonal.toFixed(2)}, on the anti-diagonal ${anti.toFixed(2)}`,
        `第 ${layer + 1} 层头 ${head + 1}：对角线平均权重 ${diagonal.toFixed(2)}，反对角线 ${anti.toFixed(2)}`,
      ));
    }
    grid.dataset.layers = String(reading.layers.length);
    grid.dataset.heads = String(reading.heads);
  };

  const draw = () => {
    heading.textContent = ctx.t('Where each head looks', '每个注意力头在看哪里');
    exampleText.textContent = ctx.t('Test sequence ', '测试序列 ');
    typedText.textContent = ctx.t('or type digits ', '或输入数字 ');
    if (!last) return;
    const { reading, task } = last;
    typedLabel.hidden = task === 'text';
    typed.maxLength = reading.length;
    typed.placeholder = '0123456789'.repeat(2).slice(0, reading.length);
    note.textContent = task === 'text'
      ? ctx.t('Row i is how the word at position i weighs the words up to it (keys across; a word never sees the words after it, grey). Yellow: all its weight; dark: none. Click a head to walk through it below.',
        '第 i 行是位置 i 的词如何给它之前（含自己）的词分配权重（横向是键；词看不到它之后的词，灰色）。黄色：全部权重；深色：没有。点击一个头，在下方逐步查看它。')
      : ctx.t('Row i is how the answer at position i weighs each input position (keys across). Yellow: all its weight; dark: none. Reversing learns the anti-diagonal, copying the diagonal. Click a head to walk through it below.',
        '第 i 行是位置 i 的回答如何给每个输入位置分配权重（横向是键）。黄色：全部权重；深色：没有。倒序学出反对角线，复制学出对角线。点击一个头，在下方逐步查看它。');
    error.hidden = reading.refused === null;
    error.textContent = reading.refused ? ctx.t(reading.refused.message, reading.refused.messageZh) : '';
    drawAnswers(last);
    drawMatrices(last);
  };

  example.addEventListener('change', () => {
    const chosen = Math.min(EXAMPLES - 1, Math.max(0, Math.floor(Number(example.value) || 0)));
    example.value = String(chosen);
    typed.value = '';
    ctx.select({ example: chosen, input: null });
  });
  typed.addEventListener('input', () => {
    const input = typedInput();
    const length = last?.reading.length ?? 0;
    // Asks only for a whole input; a partial one waits for more digits.
    if (input === null) ctx.select({ input: null });
    else if (input.length === length || input.some((id) => id > 9)) ctx.select({ input });
  });
  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
