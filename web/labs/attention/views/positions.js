// The per-position view: the share of test sequences answered right at each position as bars,
// the test accuracy per token, the exact match (the share of test sequences right at every
// position) and the network's parameter count as a readout the lessons read, and the exact
// match and the token accuracy over the updates: a sequence is only right once every position
// is, so the exact match lags the token accuracy.

import { onLanguageChange } from '../../../shared/i18n.js';
import { SERIES_COLOURS, drawLines, widthOf } from '../../sequence/views/draw.js';
import { drawBars, percent, titled } from './draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountPositions(container, ctx) {
  const { heading, note } = titled(container);
  const summary = document.createElement('p');
  summary.className = 'attention-readout';
  summary.dataset.testid = 'attention-summary';
  const bars = document.createElement('canvas');
  bars.dataset.testid = 'attention-positions-chart';
  bars.setAttribute('role', 'img');
  const overTime = document.createElement('canvas');
  overTime.dataset.testid = 'attention-exact-chart';
  overTime.setAttribute('role', 'img');
  const legend = document.createElement('p');
  legend.className = 'attention-view-note';
  container.append(summary, bars, legend, overTime, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('Right at each position', '每个位置答对多少');
    if (!last) return;
    const { metrics, task, history } = last;
    const text = task === 'text';
    const positions = [...metrics.positionAccuracy];
    const count = metrics.parameters.toLocaleString('en');
    Object.assign(summary.dataset, {
      testAccuracy: String(metrics.testAccuracy ?? ''),
      exactMatch: String(metrics.exactMatch ?? ''),
      parameters: String(metrics.parameters),
    });
    summary.textContent = text
      ? ctx.t(`test accuracy ${percent(metrics.testAccuracy)} of next words · ${count} parameters`,
        `测试准确率（下一个词）${percent(metrics.testAccuracy)} · ${count} 个参数`)
      : ctx.t(`test accuracy ${percent(metrics.testAccuracy)} per token · exact match ${percent(metrics.exactMatch)} of sequences · ${count} parameters`,
        `测试准确率（按词元）${percent(metrics.testAccuracy)} · 完全匹配 ${percent(metrics.exactMatch)}（按序列）· ${count} 个参数`);
    bars.dataset.positions = JSON.stringify(positions.map((share) => Number(share.toFixed(4))));
    drawBars(bars, {
      labels: positions.map((_, i) => String(i + 1)),
      series: [{ values: positions, colour: SERIES_COLOURS[1] }],
      width: widthOf(container),
      height: 130,
    });
    bars.setAttribute('aria-label', ctx.t(
      `accuracy at each position: ${positions.map((share) => percent(share)).join(', ')}`,
      `每个位置的准确率：${positions.map((share) => percent(share)).join('、')}`,
    ));
    legend.textContent = text
      ? ctx.t('Above: the share of next words right at each position of the test windows. Below: the test accuracy over the updates.',
        '上图：测试窗口每个位置上下一个词答对的比例。下图：测试准确率随更新的变化。')
      : ctx.t('Above: the share of test sequences right at each position. Below, over the updates: the exact match (red) and the token accuracy (blue, dashed).',
        '上图：每个位置上答对的测试序列比例。下图，随更新变化：完全匹配（红）与词元准确率（蓝，虚线）。');
    drawLines(overTime, [
      ...(text ? [] : [{ xs: history.steps, ys: history.exact, colour: SERIES_COLOURS[0] }]),
      { xs: history.steps, ys: history.accuracy, colour: SERIES_COLOURS[1], dash: [6, 3] },
    ], { width: widthOf(container), height: 120 });
    overTime.dataset.points = String(history.steps.length);
    note.textContent = text
      ? ctx.t('A word sees only the words before it, so later positions, with more context, tend to be right more often.',
        '每个词只能看到它之前的词，所以靠后的位置上下文更多，往往更常答对。')
      : ctx.t('A sequence counts as an exact match only when every position is right, so it lags the token accuracy: at 90% per token and 8 positions, about 43% of sequences.',
        '只有每个位置都对，一个序列才算完全匹配，所以它落后于词元准确率：每个词元 90%、共 8 个位置时，大约只有 43% 的序列完全正确。');
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
