// The loss view: train and test loss over the updates with the baseline (the loss of ignoring
// the sequence: the test tokens' unigram cross-entropy, always answering 1.0 in the adding
// problem, or a random digit, ln 10, in reversal) drawn as a line; for text, the test loss in
// nats and its perplexity beside the baseline's; for reversal, the share of digits given back.

import { onLanguageChange } from '../../../shared/i18n.js';
import { SERIES_COLOURS, drawLines, widthOf } from './draw.js';

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountLoss(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'sequence-view-title';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'sequence-loss-chart';
  canvas.setAttribute('role', 'img');
  const readout = document.createElement('p');
  readout.className = 'sequence-readout';
  readout.dataset.testid = 'sequence-loss-readout';
  const note = document.createElement('p');
  note.className = 'sequence-view-note';
  container.append(heading, canvas, readout, note);
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const draw = () => {
    heading.textContent = ctx.t('Loss against the baseline', '损失与基线');
    if (!last) return;
    const { metrics, task, losses } = last;
    const text = task === 'text';
    const baseline = metrics.baselineLoss;
    note.textContent = task === 'reverse'
      ? ctx.t('Cross-entropy in nats per digit given back. The dashed line is ln 10 (about 2.303): guessing each digit at random, a network that remembers nothing.',
        '每个倒序说出的数字的交叉熵（单位：nat）。虚线是 ln 10（约 2.303）：随机猜每个数字，什么也没记住的网络。')
      : text ? ctx.t('Cross-entropy in nats per token. The dashed line is the unigram baseline: guessing each token by its frequency alone.',
        '每个词元的交叉熵（单位：nat）。虚线是一元基线：只按词频猜每个词元。')
      : ctx.t('Mean squared error of the sum. The dashed line is always answering 1.0 (about 0.167): a network that remembers nothing.',
        '和的均方误差。虚线是总回答 1.0 的误差（约 0.167）：什么也没记住的网络。');
    const fixed = (/** @type {number | null | undefined} */ v, digits = 3) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));
    const perplexity = (/** @type {number | null} */ loss) => (loss === null ? null : Math.exp(loss));
    readout.dataset.testLoss = String(metrics.testLoss ?? '');
    readout.dataset.baseline = String(baseline ?? '');
    readout.dataset.parameters = String(metrics.parameters);
    const count = metrics.parameters.toLocaleString('en');
    const accuracy = metrics.testAccuracy;
    readout.textContent = task === 'reverse'
      ? ctx.t(
        `test loss ${fixed(metrics.testLoss)} nats · ${fixed(accuracy === null ? null : 100 * accuracy, 1)}% of the digits given back right · baseline ${fixed(baseline)} nats · ${count} parameters`,
        `测试损失 ${fixed(metrics.testLoss)} nat · 倒序说对 ${fixed(accuracy === null ? null : 100 * accuracy, 1)}% 的数字 · 基线 ${fixed(baseline)} nat · ${count} 个参数`,
      )
      : text ? ctx.t(
        `test loss ${fixed(metrics.testLoss)} nats · perplexity ${fixed(metrics.perplexity, 2)} · baseline ${fixed(baseline)} nats (perplexity ${fixed(perplexity(baseline), 2)}) · ${count} parameters`,
        `测试损失 ${fixed(metrics.testLoss)} nat · 困惑度 ${fixed(metrics.perplexity, 2)} · 基线 ${fixed(baseline)} nat（困惑度 ${fixed(perplexity(baseline), 2)}）· ${count} 个参数`,
      )
      : ctx.t(`test MSE ${fixed(metrics.testLoss, 4)} · baseline ${fixed(baseline, 4)} · ${count} parameters`,
        `测试均方误差 ${fixed(metrics.testLoss, 4)} · 基线 ${fixed(baseline, 4)} · ${count} 个参数`);
    drawLines(canvas, [
      { xs: losses.steps, ys: losses.train, colour: SERIES_COLOURS[1] },
      { xs: losses.steps, ys: losses.test, colour: SERIES_COLOURS[0], dash: [6, 3] },
    ], {
      width: widthOf(container),
      height: 160,
      lines: baseline === null ? [] : [{ y: baseline, label: ctx.t('baseline', '基线') }],
    });
    canvas.setAttribute('aria-label', readout.textContent);
  };

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
