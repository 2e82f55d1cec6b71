// The translation chart: test accuracy on test images shifted by 0 to 3 pixels, the page's
// model against an MLP twin trained in step with it (twin.js), re-measured after every epoch.

import { onLanguageChange } from '../../../shared/i18n.js';
import { drawPlot } from '../../../shared/plot.js';
import { createTwin, modelOf } from './twin.js';

/** The page model's colour and the twin's. */
const MAIN_COLOUR = '#1f6feb';
const TWIN_COLOUR = '#e11d48';
/** Model names as the chart's legend shows them. */
const NAMES = { cnn: 'CNN', mlp: 'MLP', linear: 'softmax regression' };

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountTranslation(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'digits-view-title';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'digits-translation-chart';
  canvas.className = 'digits-translation-chart';
  const legend = document.createElement('p');
  legend.className = 'digits-legend';
  legend.dataset.testid = 'digits-translation-legend';
  const note = document.createElement('p');
  note.className = 'digits-view-note';
  container.append(heading, canvas, legend, note);

  /** @type {number[] | null} */
  let main = null;
  let mainEpoch = 0;
  let model = 'cnn';
  /** @type {{epoch: number, shifted: number[]} | null} */
  let twinMeasured = null;
  /** @type {import('./twin.js').Twin | null} */
  let twin = null;
  let token = 0;

  const draw = () => {
    heading.textContent = ctx.t('Translation test: test accuracy against shift', '平移测试：测试准确率随平移的变化');
    const withTwin = model !== 'mlp' && ctx.link !== undefined;
    const mainName = NAMES[/** @type {keyof typeof NAMES} */ (model)] ?? model;
    /** @type {import('../../../shared/plot.js').Line[]} */
    const lines = [{ values: main ?? [], colour: MAIN_COLOUR }];
    if (withTwin) lines.push({ values: twinMeasured?.shifted ?? [], colour: TWIN_COLOUR, dash: [7, 4] });
    drawPlot(canvas, {
      xs: [0, 1, 2, 3],
      lines,
      log: false,
      range: [0, 1],
      format: (value) => `${Math.round(100 * value)}%`,
      xLabel: ctx.t('px', '像素'),
      empty: ctx.t('measured after the first epoch', '第一个轮次后测量'),
    });
    canvas.dataset.main = main ? JSON.stringify(main) : '';
    canvas.dataset.twin = withTwin && twinMeasured ? JSON.stringify(twinMeasured.shifted) : '';
    canvas.dataset.curves = String(lines.filter((line) => line.values.length > 0).length);
    legend.replaceChildren(swatch(MAIN_COLOUR, ctx.t(`${mainName} (the page's model, epoch ${mainEpoch})`, `${mainName}（页面上的模型，第 ${mainEpoch} 轮）`)));
    if (withTwin) {
      const epoch = twinMeasured?.epoch ?? 0;
      const behind = epoch < mainEpoch ? ctx.t(', catching up', '，追赶中') : '';
      legend.append(swatch(TWIN_COLOUR, ctx.t(`MLP twin, same settings (epoch ${epoch}${behind})`, `MLP 对照，同样设置（第 ${epoch} 轮${behind}）`)));
    }
    note.textContent = model === 'mlp'
      ? ctx.t('The page\'s model is the MLP itself, so there is one curve: choose the CNN to compare the two.',
        '页面上的模型本身就是 MLP，所以只有一条曲线：选择卷积网络即可对比两者。')
      : withTwin
        ? ctx.t('Each test image moved 1 to 3 pixels up, down, left and right. The convolutions share their weights across positions; the MLP must learn each position again.',
          '每张测试图像向上、下、左、右平移 1 到 3 个像素。卷积在各个位置共享权重；MLP 必须为每个位置重新学习。')
        : ctx.t('Accuracy on test images moved 1 to 3 pixels.', '平移 1 到 3 个像素后的测试准确率。');
  };

  const follow = async () => {
    const mine = ++token;
    const link = ctx.link?.() ?? '';
    model = link ? modelOf(link) : 'cnn';
    try {
      const progress = await ctx.client.request('progress');
      if (mine !== token) return;
      mainEpoch = progress.epoch;
    } catch (error) {
      ctx.onError(error);
      return;
    }
    if (!ctx.link || model === 'mlp') {
      twin?.stop();
      twin = null;
      twinMeasured = null;
    } else {
      twin ??= createTwin(ctx, (measured) => {
        twinMeasured = measured;
        draw();
      });
      twin.follow(link, mainEpoch);
    }
    draw();
  };

  onLanguageChange(draw);
  return {
    update(views) {
      main = views.shifted;
      follow();
    },
    destroy() {
      twin?.stop();
      twin = null;
    },
  };
}

/**
 * A legend entry: a coloured line and its text.
 * @param {string} colour
 * @param {string} text
 */
function swatch(colour, text) {
  const entry = document.createElement('span');
  entry.className = 'digits-legend-entry';
  const mark = document.createElement('span');
  mark.className = 'digits-legend-mark';
  mark.style.background = colour;
  entry.append(mark, document.createTextNode(text));
  return entry;
}
