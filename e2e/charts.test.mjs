// End-to-end tests of the "How wrong it is" card in headless Chromium: the loss and accuracy
// charts draw both series, regression hides accuracy, the gradient chart has a line per layer,
// early stopping marks the best epoch, and a diverging link pauses with a note beside the
// learning rate and no NaN on any canvas. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTIFACTS, BASE_URL, launchBrowser, readNumber, waitForNumbers, waitFrames, withPage } from './browser.mjs';

/** Stops after a few dozen epochs: 50 training points overfit a wide network quickly. */
const EARLY_STOPS = 'patience=5&percTrainData=10&networkShape=32,32';
/** Diverges at step 3 (checked with `cargo run -p playground-cli -- LINK --steps 200`). */
const DIVERGES = 'learningRate=10&activation=linear&problem=regression&networkShape=8,8,8';
/** The learning-rate note the form renders and the charts write into after a divergence. */
const RATE_NOTE = '[data-setting="learningRate"] [data-note]';

/**
 * Opens the page at `link` and waits until the model is up (a step count shows).
 * @param {import('playwright-core').Page} page
 * @param {string} link
 */
async function open(page, link = '') {
  const response = await page.goto(link === '' ? BASE_URL : `${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}`);
  await waitForNumbers(page, [['step-count', '>', -1]]);
}

/**
 * Runs in the page: how many pixels of the canvas with data-testid `id` are within `tolerance`
 * (summed over r, g, b) of each colour; `false` while any count is below `min`, so that
 * waitForFunction can poll it (with `min` = 0 it always returns the counts).
 * @param {{id: string, colours: string[], min: number, tolerance?: number}} query
 */
function colourCounts({ id, colours, min, tolerance = 24 }) {
  const canvas = document.querySelector(`[data-testid="${id}"]`);
  if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) return false;
  const probe = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
  const targets = colours.map((colour) => {
    probe.fillStyle = colour;
    probe.fillRect(0, 0, 1, 1);
    return Array.from(probe.getImageData(0, 0, 1, 1).data.slice(0, 3));
  });
  const { data } = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'))
    .getImageData(0, 0, canvas.width, canvas.height);
  const counts = targets.map(() => 0);
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] < 200) continue;
    targets.forEach(([r, g, b], k) => {
      const distance = Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b);
      if (distance <= tolerance) counts[k] += 1;
    });
  }
  return counts.every((count) => count >= min) ? counts : false;
}

/**
 * Waits until the canvas `id` shows at least `min` pixels of every colour in `colours`.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @param {string[]} colours
 * @param {number} [min]
 */
async function waitForColours(page, id, colours, min = 20) {
  await page.waitForFunction(colourCounts, { id, colours, min }, { timeout: 20_000 }).catch(async () => {
    const counts = await page.evaluate(colourCounts, { id, colours, min: 0 });
    assert.fail(`${id} shows fewer than ${min} pixels of one of ${colours}: ${JSON.stringify(counts)}`);
  });
}

/**
 * The train and test colours the page styles its series with.
 * @param {import('playwright-core').Page} page
 */
function seriesColours(page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return ['--train', '--test'].map((name) => style.getPropertyValue(name).trim());
  });
}

/**
 * Runs in the page: the heatmap's pixels that are black (what NaN turns into) and that are
 * clearly blue or orange (regions or points), as fractions of all pixels.
 */
function heatmapPixels() {
  const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="heatmap"]'));
  const { data } = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'))
    .getImageData(0, 0, canvas.width, canvas.height);
  let black = 0;
  let coloured = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r + g + b < 30) black += 1;
    else if (Math.abs(r - b) > 60) coloured += 1;
  }
  const pixels = data.length / 4;
  return { black: black / pixels, coloured: coloured / pixels };
}

describe('charts', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  test('play draws train and test loss and accuracy (screenshot charts.png)', async () => {
    await withPage(browser, async (page) => {
      await open(page);
      const colours = await seriesColours(page);
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', 200]]);
      await waitForColours(page, 'loss-chart', colours);
      await waitForColours(page, 'accuracy-chart', colours);
      await page.getByTestId('pause').click();
      await page.locator('#charts-panel').screenshot({ path: join(ARTIFACTS, 'charts.png') });
    });
  });

  test('regression hides the accuracy chart but draws the loss', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'problem=regression');
      assert.ok(await page.getByTestId('accuracy-chart').isHidden(), 'accuracy hidden before training');
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', 100]]);
      await waitForColours(page, 'loss-chart', await seriesColours(page));
      assert.ok(await page.getByTestId('accuracy-chart').isHidden(), 'accuracy hidden while training');
    });
  });

  test('the gradient chart draws one line per layer in its legend colour', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'networkShape=6,4');
      assert.equal(await page.getByTestId('grad-chart').getAttribute('data-series'), '0');
      await page.getByTestId('play').click();
      await page.waitForSelector('[data-testid="grad-chart"][data-series="3"]');
      const swatches = await page.locator('[data-layer-legend] .swatch').evaluateAll((items) =>
        items.map((item) => getComputedStyle(item).backgroundColor));
      assert.equal(swatches.length, 3, 'a legend entry per layer');
      assert.equal(new Set(swatches).size, 3, 'each layer its own colour');
      await waitForNumbers(page, [['step-count', '>', 200]]);
      await waitForColours(page, 'grad-chart', swatches, 10);
      await waitForColours(page, 'update-ratios', swatches, 10);
    });
  });

  test('early stopping marks the best epoch and says training stopped early', async () => {
    await withPage(browser, async (page) => {
      await open(page, EARLY_STOPS);
      assert.ok(await page.getByTestId('best-epoch').isHidden());
      await page.getByTestId('play').click();
      const status = page.getByTestId('status');
      await status.filter({ hasText: 'Early stopping' }).waitFor();
      await page.getByTestId('best-epoch').waitFor();
      const best = /since epoch (\d+)/.exec((await status.textContent()) ?? '')?.[1];
      assert.ok(best, 'the status names the best epoch');
      assert.equal((await page.getByTestId('best-epoch').textContent())?.trim(), `best epoch ${best}`);
      assert.ok(await page.getByTestId('play').isVisible(), 'training paused');
      // The marker stands inside the loss chart.
      const marker = await page.getByTestId('best-epoch').boundingBox();
      const chart = await page.getByTestId('loss-chart').boundingBox();
      assert.ok(marker && chart && marker.x > chart.x && marker.x < chart.x + chart.width);
    });
  });

  test('in Chinese the status and the best-epoch label are translated', async () => {
    await withPage(browser, async (page) => {
      await open(page, `${EARLY_STOPS}&lang=zh`);
      await page.getByTestId('play').click();
      await page.getByTestId('status').filter({ hasText: '提前停止' }).waitFor();
      assert.match((await page.getByTestId('best-epoch').textContent()) ?? '', /^最佳轮次 \d+$/);
      assert.equal(await page.locator('#loss-title').textContent(), '误差有多大');
    });
  });

  test('a diverging link pauses, notes it at the learning rate and draws no NaN (diverged.png)', async () => {
    await withPage(browser, async (page) => {
      await open(page, DIVERGES);
      await page.getByTestId('play').click();
      const note = page.locator(RATE_NOTE);
      await note.filter({ hasText: 'diverged' }).waitFor();
      assert.ok(await page.getByTestId('play').isVisible(), 'training paused');
      const steps = await readNumber(page, 'step-count');
      await waitFrames(page, 10);
      assert.equal(await readNumber(page, 'step-count'), steps, 'no training after divergence');
      assert.equal(await note.textContent(), await page.getByTestId('status').textContent());
      assert.equal(await page.locator('[data-setting="learningRate"]').getAttribute('data-diverged'), '');
      for (const id of ['train-loss', 'test-loss', 'step-count']) {
        assert.doesNotMatch((await page.getByTestId(id).textContent()) ?? '', /NaN|null|Infinity/, id);
      }
      await waitForColours(page, 'loss-chart', await seriesColours(page), 5);
      assert.equal(await page.getByTestId('grad-chart').getAttribute('data-series'), '4');
      const heatmap = await page.evaluate(heatmapPixels);
      assert.equal(heatmap.black, 0, 'no black (NaN) pixels on the heatmap');
      assert.ok(heatmap.coloured > 0.3, `the heatmap keeps a picture: ${JSON.stringify(heatmap)}`);
      await page.screenshot({ path: join(ARTIFACTS, 'diverged.png'), fullPage: true });

      // A lower learning rate starts over and lifts the note.
      const rate = page.locator('[data-setting="learningRate"] input');
      await rate.fill('0.01');
      await rate.press('Tab');
      await page.waitForFunction((selector) => {
        const element = document.querySelector(selector);
        return element instanceof HTMLElement && element.hidden && element.textContent === '';
      }, RATE_NOTE);
      assert.equal(await page.locator('[data-setting="learningRate"]').getAttribute('data-diverged'), null);
      assert.equal(await readNumber(page, 'step-count'), 0);
      assert.ok(await page.getByTestId('status').isHidden());
    });
  });

  test('the log toggle redraws the loss chart on a log scale', async () => {
    await withPage(browser, async (page) => {
      await open(page);
      await page.getByTestId('epoch').click();
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 2]]);
      const image = () => page.getByTestId('loss-chart').evaluate((canvas) =>
        /** @type {HTMLCanvasElement} */ (canvas).toDataURL());
      const linear = await image();
      await page.getByTestId('loss-log').check();
      await page.waitForFunction((before) => {
        const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="loss-chart"]'));
        return canvas.toDataURL() !== before;
      }, linear);
      await waitForColours(page, 'loss-chart', await seriesColours(page), 5);
    });
  });

  test('charts are sharp at a device pixel ratio of 2 and follow the layout width', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await open(page);
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]]);
      for (const id of ['loss-chart', 'grad-chart', 'update-ratios']) {
        const size = await page.getByTestId(id).evaluate((canvas) => ({
          pixels: /** @type {HTMLCanvasElement} */ (canvas).width,
          css: canvas.clientWidth,
        }));
        assert.ok(size.css > 200 && size.css < 390, `${id} fits the narrow card: ${size.css}px`);
        assert.equal(size.pixels, 2 * size.css, `${id} backing store at 2x`);
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(errors, []);
  });
});
