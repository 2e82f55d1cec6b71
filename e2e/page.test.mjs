// End-to-end tests of the first page in headless Chromium: it loads cleanly, trains, steps
// (one update, one epoch), resets and draws both classes on the heatmap. Needs BASE_URL (see
// browser.mjs).
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ARTIFACTS,
  BASE_URL,
  launchBrowser,
  readNumber,
  waitForNumbers,
  waitFrames,
  withPage,
} from './browser.mjs';

/** The modules of the views web/main.js imports once the page is interactive. */
const LATER_VIEWS = ['/web/plane/network.js', '/web/shared/lessons.js'];
/** Every element the tests drive or read, by data-testid. */
const TEST_IDS = [
  'play', 'pause', 'step', 'epoch', 'reset', 'step-count', 'epoch-count', 'train-loss', 'test-loss',
  'train-accuracy', 'test-accuracy', 'heatmap', 'loss-chart', 'error',
];

/** Each class colour must cover at least this fraction of the heatmap's pixels. */
const MIN_CLASS_FRACTION = 0.03;

/**
 * Opens the page and waits until it shows a step count and a train loss, i.e. the model is up.
 * @param {import('playwright-core').Page} page
 */
async function openReady(page) {
  const response = await page.goto(BASE_URL);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}`);
  // Any number at all: the first test checks their format.
  await waitForNumbers(page, [['step-count', '>', -1], ['train-loss', '>', -Infinity]]);
}

/**
 * Runs in the page: the fractions of heatmap pixels whose colour is blue-dominant and
 * red/orange-dominant, or `false` while either is below `min` (so waitForFunction can poll it;
 * `min` = 0 always returns the fractions, or `false` if there is no drawn canvas).
 * @param {number} min
 */
function heatmapClassColours(min) {
  const canvas = document.querySelector('[data-testid="heatmap"]');
  if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0 || canvas.height === 0) {
    return false;
  }
  // Copying onto a fresh 2D canvas reads the pixels whatever context drew them.
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = /** @type {CanvasRenderingContext2D} */ (copy.getContext('2d'));
  context.drawImage(canvas, 0, 0);
  const { data } = context.getImageData(0, 0, copy.width, copy.height);
  let blue = 0;
  let warm = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, alpha] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (alpha < 128) continue;
    // The neutral grey (232, 234, 235) counts as neither; a margin of 12 still counts classes
    // blended into it at under 10% confidence, as early in training.
    if (b > r + 12 && b >= g) blue += 1;
    else if (r > b + 12 && r >= g) warm += 1;
  }
  const pixels = copy.width * copy.height;
  const fractions = { blue: blue / pixels, warm: warm / pixels };
  return fractions.blue >= min && fractions.warm >= min ? fractions : false;
}

describe('first page', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('loads every control with no page or console error and a hidden error banner', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      for (const id of TEST_IDS) {
        assert.equal(await page.getByTestId(id).count(), 1, `one element with data-testid="${id}"`);
      }
      for (const id of ['heatmap', 'loss-chart']) {
        assert.equal(await page.getByTestId(id).evaluate((el) => el.tagName), 'CANVAS', id);
      }
      assert.match(((await page.getByTestId('step-count').textContent()) ?? '').trim(), /^\d[\d,]*$/);
      for (const id of ['train-loss', 'test-loss', 'train-accuracy', 'test-accuracy']) {
        assert.ok(Number.isFinite(await readNumber(page, id)), `${id} shows a number`);
      }
      assert.ok(await page.getByTestId('error').isHidden(), 'the error banner is hidden');
    });
  });

  test('preloads every module and the wasm the first screen loads; the later views\' modules come after', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.waitForFunction((views) => views.every((view) => performance
        .getEntriesByType('resource').some((entry) => entry.name.endsWith(view))), LATER_VIEWS);
      const { early, late, preloaded } = await page.evaluate(() => {
        const interactive = performance.getEntriesByName('interactive', 'mark')[0].startTime;
        const modules = performance.getEntriesByType('resource')
          .filter((entry) => /\.(js|wasm)$/.test(entry.name) && !entry.name.endsWith('/web/main.js'));
        const path = (/** @type {PerformanceEntry} */ entry) => new URL(entry.name).pathname;
        return {
          early: modules.filter((entry) => entry.startTime < interactive).map(path),
          late: modules.filter((entry) => entry.startTime >= interactive).map(path),
          preloaded: [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')]
            .map((link) => new URL(/** @type {HTMLLinkElement} */ (link).href).pathname),
        };
      });
      assert.ok(early.length > 0, 'the page loaded modules besides web/main.js');
      assert.deepEqual(early.filter((path) => !preloaded.includes(path)), [], 'fetched early but not preloaded');
      assert.deepEqual(late.filter((path) => preloaded.includes(path)), [], 'preloaded but fetched late');
      for (const view of LATER_VIEWS) {
        assert.ok(late.includes(view), `${view} is fetched once the page is interactive`);
      }
    });
  });

  test('play raises the step count and lowers the train loss; pause stops the count', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      const steps = await readNumber(page, 'step-count');
      const loss = await readNumber(page, 'train-loss');
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', steps], ['train-loss', '<', loss]]);
      await page.getByTestId('pause').click();
      await waitFrames(page, 5); // a frame already under way may still land
      const paused = await readNumber(page, 'step-count');
      await waitFrames(page, 30);
      assert.equal(await readNumber(page, 'step-count'), paused, 'count moved while paused');
    });
  });

  test('step advances the step count by one update; epoch by a whole epoch', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      const steps = await readNumber(page, 'step-count');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', steps + 1]]);
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]]);
      assert.ok(await readNumber(page, 'step-count') > steps + 1, 'the epoch took more updates');
    });
  });

  test('reset sets the step count back to 0', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
      await page.getByTestId('reset').click();
      await waitForNumbers(page, [['step-count', '==', 0]]);
    });
  });

  test('training draws both class colours on the heatmap (screenshot first-page.png)', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.getByTestId('play').click();
      // Train until both colours show; on timeout fall through to an assertion with the numbers.
      await page
        .waitForFunction(heatmapClassColours, MIN_CLASS_FRACTION, { timeout: 20_000 })
        .catch(() => undefined);
      await page.getByTestId('pause').click();
      await mkdir(ARTIFACTS, { recursive: true });
      const screenshot = join(ARTIFACTS, 'first-page.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      assert.ok((await stat(screenshot)).size > 0, `${screenshot} was written`);
      const fractions = await page.evaluate(heatmapClassColours, 0);
      assert.ok(
        fractions && fractions.blue >= MIN_CLASS_FRACTION && fractions.warm >= MIN_CLASS_FRACTION,
        `each class colour covers ${MIN_CLASS_FRACTION} of the heatmap: ${JSON.stringify(fractions)}`,
      );
    });
  });
});
