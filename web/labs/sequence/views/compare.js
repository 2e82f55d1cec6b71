// The comparison view: the plain RNN, the LSTM and the GRU trained side by side on the task,
// length and seeds of the link in force (three more sessions in the worker, the button starts
// them), their test losses on one chart with the baseline: at length 50 of the adding problem
// the plain RNN stays at the baseline while the gated cells learn to remember.

import { onLanguageChange } from '../../../shared/i18n.js';
import { SERIES_COLOURS, drawLines, widthOf } from './draw.js';

/** The cells compared, in the chart's colour order. */
const CELLS = ['rnn', 'lstm', 'gru'];
/** How long one request of the comparison should keep the worker busy, in milliseconds. */
const TARGET_MS = 60;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountCompare(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'sequence-view-title';
  const row = document.createElement('div');
  row.className = 'sequence-row';
  const start = document.createElement('button');
  start.type = 'button';
  start.dataset.testid = 'sequence-compare-start';
  const budget = document.createElement('select');
  budget.dataset.testid = 'sequence-compare-updates';
  for (const updates of [500, 1000, 2000, 4000]) budget.append(new Option(String(updates), String(updates), updates === 2000, updates === 2000));
  const budgetText = document.createElement('span');
  row.append(start, budget, budgetText);
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'sequence-compare-chart';
  canvas.setAttribute('role', 'img');
  const readout = document.createElement('p');
  readout.className = 'sequence-readout';
  readout.dataset.testid = 'sequence-compare-readout';
  const note = document.createElement('p');
  note.className = 'sequence-view-note';
  container.append(heading, row, canvas, readout, note);

  /** @type {{steps: number[], losses: Array<Array<number | null>>, baseline: number | null}} */
  let run = { steps: [], losses: CELLS.map(() => []), baseline: null };
  let running = false;
  /** Bumped by every start and stop: an older loop ends at its next answer. */
  let generation = 0;

  const draw = () => {
    heading.textContent = ctx.t('RNN, LSTM and GRU side by side', 'RNN、LSTM 与 GRU 并排训练');
    start.textContent = running ? ctx.t('Stop', '停止') : ctx.t('Train the three cells', '训练三种单元');
    budgetText.textContent = ctx.t('updates each', '次更新（每种）');
    note.textContent = ctx.t(
      'Three networks with the settings in force, only the cell differing, trained on the same data and seeds. Red: plain RNN; blue: LSTM; green: GRU; dashed: the baseline.',
      '三个网络使用当前设置，只有循环单元不同，在相同的数据和种子上训练。红：普通 RNN；蓝：LSTM；绿：GRU；虚线：基线。',
    );
    const last = run.steps.length - 1;
    readout.dataset.steps = String(run.steps[last] ?? 0);
    readout.textContent = last < 0 ? '' : CELLS.map((cell, i) => `${cell.toUpperCase()} ${run.losses[i][last]?.toPrecision(3) ?? '–'}`).join(' · ')
      + ctx.t(` at update ${run.steps[last]}`, `（第 ${run.steps[last]} 次更新）`);
    drawLines(canvas, CELLS.map((cell, i) => ({ xs: run.steps, ys: run.losses[i], colour: SERIES_COLOURS[i], label: cell })), {
      width: widthOf(container),
      height: 160,
      lines: run.baseline === null ? [] : [{ y: run.baseline, label: ctx.t('baseline', '基线') }],
    });
  };

  const stop = () => {
    running = false;
    generation += 1;
    delete container.dataset.running;
    draw();
  };

  const go = async () => {
    const mine = ++generation;
    running = true;
    container.dataset.running = 'true';
    run = { steps: [], losses: CELLS.map(() => []), baseline: null };
    draw();
    const params = new URLSearchParams(ctx.link());
    const links = CELLS.map((cell) => {
      params.set('cell', cell);
      return params.toString();
    });
    const total = Number(budget.value);
    try {
      await ctx.client.request('compareOpen', { links });
      let done = 0;
      let chunk = 1;
      while (mine === generation && done < total) {
        const steps = Math.min(chunk, total - done);
        const before = performance.now();
        const answer = await ctx.client.request('compareTrain', { steps });
        if (mine !== generation) return;
        const took = performance.now() - before;
        chunk = Math.max(1, Math.min(2 * chunk, Math.floor((steps * TARGET_MS) / Math.max(took, 1))));
        // A cell that stopped (diverged) ends the comparison where it is.
        if (answer.step <= done) break;
        done = answer.step;
        run.steps.push(done);
        answer.testLosses.forEach((/** @type {number | null} */ loss, /** @type {number} */ i) => run.losses[i].push(loss));
        run.baseline = answer.baseline;
        draw();
      }
      await ctx.client.request('compareClose');
    } catch (error) {
      ctx.onError(error);
    }
    if (mine === generation) stop();
  };

  start.addEventListener('click', () => {
    if (running) stop();
    else go();
  });
  onLanguageChange(draw);
  draw();
  return {
    update() {},
  };
}
