// End-to-end tests of the page's layout and keyboard access in headless Chromium: data left,
// network in the middle, output right at 1280x800; one column without sideways scrolling at
// 390 px, the prediction plot first, within a screen of Play; Tab reaches Play and the learning
// rate with a visible focus ring; the attention lab's views at its largest fit both widths.
// Saves screenshots of the layouts under $ARTIFACTS. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTIFACTS, BASE_URL, launchBrowser, waitForNumbers, withPage } from './browser.mjs';

/**
 * Sizes the page, opens the default experiment and waits until it is drawn, the network
 * picture and the lessons (built once the page is interactive) included.
 * @param {import('playwright-core').Page} page
 * @param {number} width
 * @param {number} height
 */
async function openAt(page, width, height) {
  await page.setViewportSize({ width, height });
  const response = await page.goto(BASE_URL);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '>', -1], ['train-loss', '>', -Infinity]]);
  await page.getByTestId('dataset-spiral').waitFor();
  await page.getByTestId('neuron-1-0').waitFor();
  await page.locator('#lessons-panel > *').first().waitFor();
}

/**
 * The page box of each element, by CSS selector; throws if one is missing.
 * @param {import('playwright-core').Page} page
 * @param {string[]} selectors
 */
function boxes(page, selectors) {
  return page.evaluate((selectors) => Object.fromEntries(selectors.map((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect();
    if (!box) throw new Error(`no element matches ${selector}`);
    return [selector, { left: box.left, right: box.right, top: box.top + window.scrollY }];
  })), selectors);
}

/**
 * Saves a screenshot under $ARTIFACTS and checks it was written.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {boolean} fullPage
 */
async function screenshot(page, name, fullPage) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage });
  assert.ok((await stat(path)).size > 10_000, `${path} was written`);
}

describe('layout', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('at 1280x800 data, network and output sit side by side (screenshot layout-1280.png)', async () => {
    await withPage(browser, async (page) => {
      await openAt(page, 1280, 800);
      const at = await boxes(page, ['#data-panel', '#network-panel', '.output-card', '#training-panel']);
      assert.ok(at['#data-panel'].right <= at['#network-panel'].left, 'data left of the network');
      assert.ok(at['#network-panel'].right <= at['.output-card'].left, 'network left of the output');
      assert.ok(at['.output-card'].top < 300, 'the output shows without scrolling');
      assert.ok(at['#training-panel'].top > at['#data-panel'].top, 'training settings below the data');
      for (const id of ['play', 'step', 'epoch', 'reset', 'new-weights', 'speed', 'share', 'language']) {
        assert.ok(await page.getByTestId(id).isVisible(), `${id} visible in the top bar`);
      }
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);
      await screenshot(page, 'layout-1280.png', false);
    });
  });

  test('at 390x844 the panels stack without sideways scrolling (screenshot layout-390.png)', async () => {
    await withPage(browser, async (page) => {
      await openAt(page, 390, 844);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390,
        'nothing sticks out sideways');
      const order = ['.output-card', '#data-panel', '#network-panel', '#training-panel'];
      const at = await boxes(page, order);
      for (let i = 1; i < order.length; i += 1) {
        assert.ok(Math.abs(at[order[i]].left - at[order[0]].left) < 1, `${order[i]} in the same column`);
        assert.ok(at[order[i]].top > at[order[i - 1]].top, `${order[i]} below ${order[i - 1]}`);
      }
      for (const id of ['play', 'step', 'epoch', 'reset', 'new-weights', 'speed', 'share', 'language']) {
        const box = await page.getByTestId(id).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${id} fits the screen`);
      }
      const play = await page.getByTestId('play').boundingBox();
      const plot = await page.getByTestId('heatmap').boundingBox();
      assert.ok(play && plot, 'Play and the plot are laid out');
      assert.ok(plot.y > play.y, 'the plot comes after the play controls');
      assert.ok(plot.y - (play.y + play.height) < 200,
        `the plot starts right after the play controls: ${plot.y} px, Play ends at ${play.y + play.height} px`);
      assert.ok(plot.y + plot.height / 2 < 844, 'most of the plot shows on the first screen');
      await screenshot(page, 'layout-390.png', false);
      await screenshot(page, 'layout-390-full.png', true);
    });
  });

  for (const [width, height] of [[1280, 800], [390, 844]]) {
    test(`at ${width}x${height} the attention lab's views at its largest fit without sideways scrolling (screenshot layout-attention-${width}.png)`, async () => {
      await withPage(browser, async (page) => {
        await page.setViewportSize({ width, height });
        await page.goto(`${BASE_URL}#lab=attention&task=text&length=12&layers=4&heads=4&dim=64`);
        await page.waitForFunction(() => document.body.dataset.attentionViews === '0', null, { timeout: 30_000 });
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'nothing sticks out sideways');
        const card = await page.locator('.attention-views').boundingBox();
        assert.ok(card && card.x >= 0 && card.x + card.width <= width, 'the views\' card fits the screen');
        for (const canvas of await page.getByTestId('attention-matrix').all()) {
          const box = await canvas.boundingBox();
          assert.ok(box && box.x + box.width <= card.x + card.width + 1, 'a matrix fits its card');
        }
        await screenshot(page, `layout-attention-${width}.png`, true);
      });
    });
  }

  test('Tab reaches Play and the learning rate, with a visible focus ring', async () => {
    await withPage(browser, async (page) => {
      await openAt(page, 1280, 800);
      /** @type {Record<string, string>} */
      const outlines = {};
      for (let presses = 0; presses < 80 && Object.keys(outlines).length < 2; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement;
          if (!(element instanceof HTMLElement)) return null;
          const style = getComputedStyle(element);
          return { id: element.dataset.testid ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}` };
        });
        if (focused && ['play', 'setting-learningRate'].includes(focused.id)) {
          outlines[focused.id] = focused.outline;
        }
      }
      assert.deepEqual(Object.keys(outlines).sort(), ['play', 'setting-learningRate']);
      for (const [id, outline] of Object.entries(outlines)) {
        assert.match(outline, /^solid [1-9]/, `${id} shows its focus: ${outline}`);
      }
      await page.keyboard.type('0.2');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.location.hash.includes('learningRate=0.2'));
    });
  });
});
