// The gates view: one test sequence read step by step, each gate's activations (LSTM input,
// forget, candidate and output; GRU reset, update and candidate; the plain RNN's hidden state),
// the LSTM's cell state and the hidden state as small heatmaps: time step across, hidden unit
// down. Gates run from 0 (closed, dark) to 1 (open, yellow); states from -1 (blue) to 1 (red).

import { onLanguageChange } from '../../../shared/i18n.js';
import { diverging, drawGrid, largest, sequential, widthOf } from './draw.js';

/** What each gate is, by the cell's names (tensor's `Cell::gates`). */
const GATE_NAMES = {
  i: ['input gate i', '输入门 i'],
  f: ['forget gate f', '遗忘门 f'],
  g: ['candidate g', '候选值 g'],
  o: ['output gate o', '输出门 o'],
  r: ['reset gate r', '重置门 r'],
  z: ['update gate z', '更新门 z'],
  n: ['candidate n', '候选值 n'],
  h: ['hidden state h = tanh(...)', '隐藏状态 h = tanh(...)'],
};
/** Gates squashed by tanh, drawn on the diverging scale; the others are sigmoids in [0, 1]. */
const TANH_GATES = new Set(['g', 'n', 'h']);

/**
 * The worker's `trace` answer (SequenceLab.trace).
 * @typedef {{length: number, hidden: number, cell: string, gates: Array<{name: string, values: Float32Array}>,
 *   cellState: Float32Array, hiddenState: Float32Array, inputs: Float32Array, outputs: Float32Array,
 *   tokens: string[], predicted: string[]}} Trace
 */

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountGates(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'sequence-view-title';
  const chooser = document.createElement('label');
  chooser.className = 'sequence-row';
  const chooserText = document.createElement('span');
  const example = document.createElement('input');
  example.type = 'number';
  example.min = '0';
  example.max = '999';
  example.value = '0';
  example.dataset.testid = 'sequence-gates-example';
  chooser.append(chooserText, example);
  const sequence = document.createElement('p');
  sequence.className = 'sequence-readout';
  sequence.dataset.testid = 'sequence-gates-sequence';
  const grid = document.createElement('div');
  grid.className = 'sequence-gate-grid';
  const note = document.createElement('p');
  note.className = 'sequence-view-note';
  container.append(heading, chooser, sequence, grid, note);
  /** @type {Trace | null} */
  let trace = null;
  /** The task the last measurement was of. */
  let task = 'text';
  let asked = 0;

  const draw = () => {
    heading.textContent = ctx.t('Gates and memory, step by step', '门控与记忆，逐步展开');
    chooserText.textContent = ctx.t('Test sequence', '测试序列');
    note.textContent = ctx.t(
      'Each picture: time step across, hidden unit down. Gates (sigmoids) run from 0, closed (dark), to 1, open (yellow); states and candidates from -1 (blue) through 0 (white) to 1 (red).',
      '每张图：横向是时间步，纵向是隐藏单元。门（sigmoid）从 0（关闭，深色）到 1（打开，黄色）；状态和候选值从 -1（蓝）经 0（白）到 1（红）。',
    );
    if (!trace) return;
    const { length, hidden } = trace;
    const cellWidth = Math.max(2, Math.min(24, Math.floor((widthOf(container, 900) - 20) / 2 / length)));
    const cellHeight = Math.max(1, Math.min(8, Math.floor(128 / hidden)));
    /** @type {Array<[string, Float32Array, boolean]>} */
    const pictures = trace.gates.map((gate) => {
      const [en, zh] = GATE_NAMES[/** @type {keyof typeof GATE_NAMES} */ (gate.name)] ?? [gate.name, gate.name];
      return [ctx.t(en, zh), gate.values, TANH_GATES.has(gate.name)];
    });
    if (trace.cellState.length > 0) pictures.push([ctx.t('cell state c', '细胞状态 c'), trace.cellState, true]);
    if (trace.cell !== 'rnn') pictures.push([ctx.t('hidden state h', '隐藏状态 h'), trace.hiddenState, true]);
    grid.replaceChildren(...pictures.map(([caption, values, signed]) => {
      const figure = document.createElement('figure');
      const title = document.createElement('figcaption');
      title.textContent = caption;
      const canvas = document.createElement('canvas');
      canvas.dataset.testid = 'sequence-gate-canvas';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', caption);
      // Stored [length, hidden]; drawn with time across: transpose.
      const across = new Float32Array(length * hidden);
      for (let t = 0; t < length; t++) {
        for (let u = 0; u < hidden; u++) across[u * length + t] = values[t * hidden + u];
      }
      const scale = signed ? Math.max(1, largest(values)) : 1;
      drawGrid(canvas, across, {
        rows: hidden,
        cols: length,
        cellWidth,
        cellHeight,
        colour: signed ? (v) => diverging(v / scale) : sequential,
      });
      figure.append(title, canvas);
      return figure;
    }));
    sequence.textContent = describe(trace);
  };

  /** The sequence in words: its tokens and the network's guesses, its digits and their reversal, or its marks and sum. */
  const describe = (/** @type {Trace} */ it) => {
    if (task === 'reverse' && it.tokens.length > 0) {
      const digits = it.tokens.slice(0, it.tokens.length / 2);
      const given = it.predicted.slice(it.tokens.length / 2).join(' ');
      const right = [...digits].reverse().join(' ');
      return ctx.t(`reads: ${digits.join(' ')}, then ${digits.length} cues (?) — gives back: ${given} (right: ${right})`,
        `读入：${digits.join(' ')}，再读 ${digits.length} 个提示（?）—— 倒序说出：${given}（正确：${right}）`);
    }
    if (it.tokens.length > 0) {
      const guesses = it.predicted.join(' ');
      return ctx.t(`reads: ${it.tokens.join(' ')} — guesses next: ${guesses}`,
        `读入：${it.tokens.join(' ')} —— 每步猜下一个：${guesses}`);
    }
    const marked = [];
    let sum = 0;
    for (let t = 0; t < it.length; t++) {
      if (it.inputs[2 * t + 1] > 0.5) {
        marked.push(t + 1);
        sum += it.inputs[2 * t];
      }
    }
    const answer = it.outputs[0] ?? Number.NaN;
    return ctx.t(`marked steps ${marked.join(' and ')}: sum ${sum.toFixed(3)}, the network answers ${answer.toFixed(3)}`,
      `被标记的步 ${marked.join(' 和 ')}：和为 ${sum.toFixed(3)}，网络回答 ${answer.toFixed(3)}`);
  };

  const ask = async () => {
    const mine = ++asked;
    try {
      const answer = await ctx.client.request('trace', { example: Math.max(0, Math.floor(Number(example.value) || 0)) });
      if (mine !== asked) return;
      trace = answer;
      draw();
    } catch (error) {
      if (mine === asked) ctx.onError(error);
    }
  };

  example.addEventListener('change', ask);
  onLanguageChange(draw);
  draw();
  return {
    update(views) {
      task = views.task;
      ask();
    },
  };
}
