// End-to-end tests of the figures the "How wrong it is" card shows, in headless Chromium: every
// chart's x axis is in epochs with enough samples for a curve even when frames train many epochs
// (read through web/shared/plot.js `plotted`), the best-epoch marker sits at the engine's best epoch,
// numbers read right (scientific beyond a range, never a bare 0 for a tiny ratio), the loss is
// named as computed, the layer colours differ at a glance, and after a divergence the table
// shows the loss reached, with the note beside the setting to blame. Needs BASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, parseShown, waitForNumbers, withPage } from './browser.mjs';

/** Lesson 9's overfit preset with early stopping: about 60 epochs at max speed, in a few frames. */
const OVERFIT = 'dataset=circle&noise=15&percTrainData=10&networkShape=32,32,32&showTestData=true'
  + '&patience=30&speed=max';
/** Lesson 13's diverging preset: a deep tanh network at learning rate 2. */
const DIVERGES = 'problem=regression&networkShape=8,8,8,8,8,8&activation=tanh&learningRate=2';
/** Diverges at step 2 from too large starting weights (the engine blames the initial scale). */
const BIG_START = 'initScale=10&networkShape=8,8,8,8,8,8&activation=linear&problem=regression';
/** The charts that plot over epochs, by data-testid, with their lines. */
const CHARTS = ['loss-chart', 'accuracy-chart', 'grad-chart'];

/**
 * Opens the page at `link` and waits until the model is up (a step count shows).
 * @param {import('playwright-core').Page} page
 * @param {string} link
 */
async function open(page, link) {
  // A link that differs only after `#` would not load the page again.
  if (page.url().startsWith(BASE_URL)) await page.goto('about:blank');
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}`);
  await waitForNumbers(page, [['step-count', '>', -1]]);
}

/**
 * What the chart `id` drew, as web/shared/plot.js `plotted` reports it (copied out of the page).
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @returns {Promise<import('../web/shared/plot.js').Plotted>}
 */
async function plotted(page, id) {
  const shown = await page.evaluate(async (id) => {
    const plot = await import(new URL('web/shared/plot.js', document.baseURI).href);
    return plot.plotted(/** @type {HTMLCanvasElement} */ (document.querySelector(`[data-testid="${id}"]`)));
  }, id);
  assert.ok(shown, `${id} was drawn`);
  return shown;
}

/**
 * CIE76 colour difference of two CSS `rgb(r, g, b)` colours, through CIELAB (D65).
 * @param {string} a
 * @param {string} b
 */
function deltaE(a, b) {
  const lab = (/** @type {string} */ css) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    const xyz = [
      (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
      0.2126 * r + 0.7152 * g + 0.0722 * b,
      (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    ].map((t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116));
    return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('chart figures', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('at max speed every chart is in epochs, with a sample per epoch and the best epoch marked', async (context) => {
    await withPage(browser, async (page) => {
      await open(page, OVERFIT);
      await page.getByTestId('play').click();
      const status = page.getByTestId('status');
      await status.filter({ hasText: 'Early stopping' }).waitFor({ timeout: 60_000 });
      const best = Number(/since epoch (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
      const epochs = parseShown(await page.getByTestId('epoch-count').textContent());
      assert.ok(best > 0 && epochs >= best + 30, `best epoch ${best}, stopped at ${epochs}`);

      /** @type {Record<string, number>} lines per chart: train and test, or one per layer */
      const lines = { 'loss-chart': 2, 'accuracy-chart': 2, 'grad-chart': 4 };
      for (const id of CHARTS) {
        const { x, lines: drawn, xLabel } = await plotted(page, id);
        context.diagnostic(`${id}: ${x.length} samples over ${x[0]}..${x[x.length - 1]} epochs`);
        assert.equal(xLabel, 'epochs', `${id} names its axis`);
        assert.equal(drawn.length, lines[id], `${id} lines`);
        for (const values of drawn) assert.equal(values.length, x.length, `${id}: a value per x`);
        assert.ok(x.every((value, i) => i === 0 || value > x[i - 1]), `${id}: x increases`);
        assert.ok(x.length >= 30, `${id} has ${x.length} samples over ${epochs} epochs`);
        assert.equal(x[x.length - 1], epochs, `${id} reaches the epoch training stopped at`);
        assert.ok(x.some((value) => value > best && value < epochs), `${id} has samples between`);
      }

      // The marker stands at the best epoch on the same axis.
      const marker = page.getByTestId('best-epoch');
      assert.equal(await marker.getAttribute('data-epoch'), String(best));
      const { x, frame } = await plotted(page, 'loss-chart');
      const expected = frame.left + ((best - x[0]) / (x[x.length - 1] - x[0])) * frame.width;
      const left = await marker.evaluate((element) => parseFloat(/** @type {HTMLElement} */ (element).style.left));
      assert.ok(Math.abs(left - expected) < 1, `marker at ${left}px, epoch ${best} at ${expected}px`);
    });
  });

  test('in Chinese the x axis says epochs', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'lang=zh');
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]]);
      for (const id of CHARTS) assert.equal((await plotted(page, id)).xLabel, '轮次', id);
    });
  });

  test('numbers read right: scientific beyond a range, and a tiny ratio is never 0', async () => {
    await withPage(browser, async (page) => {
      await open(page, '');
      const shown = await page.evaluate(async () => {
        const { formatMeasure, formatRatio } = await import(new URL('web/shared/numbers.js', document.baseURI).href);
        return {
          huge: formatMeasure(78190575408381952),
          large: formatMeasure(12345),
          calm: formatMeasure(0.17549),
          zero: formatMeasure(0),
          tiny: formatMeasure(0.00004),
          infinite: formatMeasure(Infinity),
          missing: formatMeasure(null),
          ratio: formatRatio(0.00032),
          tinyRatio: formatRatio(3e-9),
          bigRatio: formatRatio(0.5),
          zeroRatio: formatRatio(0),
        };
      });
      assert.deepEqual(shown, {
        huge: '7.82e16',
        large: '1.23e4',
        calm: '0.175',
        zero: '0.000',
        tiny: '4.00e-5',
        infinite: '∞',
        missing: '–',
        ratio: '3.2e-4',
        tinyRatio: '3.0e-9',
        bigRatio: '0.5',
        zeroRatio: '0',
      });
    });
  });

  test('the loss is named as the page computes it, in English and Chinese', async () => {
    await withPage(browser, async (page) => {
      const formula = page.getByTestId('loss-formula');
      await open(page, '');
      const squared = (await formula.textContent()) ?? '';
      assert.match(squared, /½·\(output − target\)², averaged over the points, with targets ±1 through a tanh output/);
      await open(page, 'loss=crossEntropy');
      await formula.filter({ hasText: 'cross-entropy' }).waitFor();
      assert.match((await formula.textContent()) ?? '', /sigmoid/);
      await open(page, 'dataset=spiral&classes=3&loss=crossEntropy');
      await formula.filter({ hasText: 'softmax over its 3 outputs' }).waitFor();
      await open(page, 'problem=regression');
      await formula.filter({ hasText: 'linear output' }).waitFor();
      await open(page, 'lang=zh');
      await formula.filter({ hasText: '平方误差 ½·(输出 − 目标)²' }).waitFor();
    });
  });

  test('with 6 hidden layers every layer colour differs clearly from every other', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'networkShape=4,4,4,4,4,4');
      await page.getByTestId('epoch').click();
      await page.waitForSelector('[data-testid="grad-chart"][data-series="7"]');
      const swatches = await page.locator('[data-layer-legend] .swatch').evaluateAll((items) =>
        items.map((item) => getComputedStyle(item).backgroundColor));
      assert.equal(swatches.length, 7, 'a legend entry per layer');
      for (let i = 0; i < swatches.length; i += 1) {
        for (let j = i + 1; j < swatches.length; j += 1) {
          const difference = deltaE(swatches[i], swatches[j]);
          assert.ok(difference > 20, `layers ${i + 1} and ${j + 1}: ${swatches[i]} vs ${swatches[j]}, ΔE ${difference.toFixed(1)}`);
        }
      }
    });
  });

  test('after a divergence the train loss shows the loss reached, and the note stands at the cause', async () => {
    await withPage(browser, async (page) => {
      await open(page, DIVERGES);
      await page.getByTestId('play').click();
      const cell = page.locator('[data-testid="train-loss"][data-diverged]');
      await cell.waitFor({ timeout: 30_000 });
      const text = (await cell.textContent()) ?? '';
      assert.match(text, /^(∞|\d\.\d\de\d+) · diverged$/, `the train loss cell says ${text}`);
      const reached = text.startsWith('∞') ? Infinity : parseFloat(text);
      const title = (await cell.getAttribute('title')) ?? '';
      const kept = parseFloat(/their training loss is (\S+)\.$/.exec(title)?.[1] ?? '');
      assert.ok(Number.isFinite(kept), `the tooltip names the kept weights' loss: ${title}`);
      assert.ok(reached > 10 * kept, `reached ${reached}, kept ${kept}`);

      // The engine's own verdict, from a fresh run of the same link in the page.
      const stop = await page.evaluate(async (link) => {
        const { openLink } = await import(new URL('web/shared/link.js', document.baseURI).href);
        const { playground } = openLink(link);
        for (let i = 0; i < 1000 && !playground.stopped; i += 1) playground.trainSteps(playground.maxSteps);
        const { stop } = playground.metrics();
        playground.free();
        return stop;
      }, DIVERGES);
      assert.equal(stop?.reason, 'diverged');
      const cause = stop.cause ?? 'learningRate';
      const other = cause === 'learningRate' ? 'initScale' : 'learningRate';
      const note = page.locator(`[data-setting="${cause}"] [data-note]`);
      assert.equal(await note.textContent(), await page.getByTestId('status').textContent());
      assert.equal(await page.locator(`[data-setting="${cause}"]`).getAttribute('data-diverged'), '');
      assert.equal(await page.locator(`[data-setting="${other}"]`).getAttribute('data-diverged'), null);

      // In Chinese too.
      await open(page, `${DIVERGES}&lang=zh`);
      await page.getByTestId('play').click();
      await cell.waitFor({ timeout: 30_000 });
      assert.match((await cell.textContent()) ?? '', /^(∞|\d\.\d\de\d+) · 发散$/);
      assert.match((await cell.getAttribute('title')) ?? '', /保留的是最后一组有限的权重/);
    });
  });

  test('a divergence the starting weights caused is noted beside the initial scale', async () => {
    await withPage(browser, async (page) => {
      await open(page, BIG_START);
      await page.getByTestId('play').click();
      const wrapper = page.locator('[data-setting="initScale"][data-diverged]');
      await wrapper.waitFor({ timeout: 30_000 });
      const note = wrapper.locator('[data-note]');
      assert.ok(await note.isVisible(), 'the note shows');
      assert.equal(await note.textContent(), await page.getByTestId('status').textContent());
      assert.match((await note.textContent()) ?? '', /starting weights/);
      assert.equal(await page.locator('[data-setting="learningRate"]').getAttribute('data-diverged'), null);
      assert.match((await page.getByTestId('train-loss').textContent()) ?? '', /· diverged$/);
    });
  });
});
