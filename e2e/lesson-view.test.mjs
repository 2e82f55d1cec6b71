// End-to-end tests of the lesson view in headless Chromium: a preset click brings the experiment
// into view without the learner scrolling. From 1,100 to 1,440 px wide the prediction, the loss
// chart and the lesson text are all on screen (at 1280x800 the network's first units too), and
// the top bar stays at the top; on a phone the prediction and the loss chart fill the screen.
// In English and Chinese. Close puts the lessons back below the results. Saves screenshots
// under $ARTIFACTS. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTIFACTS, BASE_URL, launchBrowser, waitForNumbers, withPage } from './browser.mjs';

/** The lesson and preset clicked: MSE and gradient descent, learning rate 0.1. */
const LESSON = 'lesson-gradient-descent';
const PRESET = 'preset-gd-good';

/**
 * Sizes the page, opens it in `lang` and waits until the lessons are built.
 * @param {import('playwright-core').Page} page
 * @param {number} width
 * @param {number} height
 * @param {string} lang
 */
async function openAt(page, width, height, lang) {
  await page.setViewportSize({ width, height });
  const response = await page.goto(`${BASE_URL}#lang=${lang}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
  await page.getByTestId(LESSON).waitFor();
  await page.getByTestId('neuron-1-0').waitFor();
}

/**
 * Clicks the lesson and its preset the way a learner does (the page scrolls to them first),
 * and waits until the preset trains.
 * @param {import('playwright-core').Page} page
 */
async function openPreset(page) {
  await page.getByTestId(LESSON).click();
  await page.getByTestId(PRESET).click();
  await waitForNumbers(page, [['step-count', '>', 0]]);
}

/**
 * What of each element, by data-testid or CSS selector, lies outside the viewport, in CSS
 * pixels (0 when it is wholly inside), with its box.
 * @param {import('playwright-core').Page} page
 * @param {string[]} selectors
 */
function outside(page, selectors) {
  return page.evaluate((selectors) => Object.fromEntries(selectors.map((selector) => {
    const element = document.querySelector(selector.startsWith('#') ? selector : `[data-testid="${selector}"]`);
    if (!element) throw new Error(`no element ${selector}`);
    const box = element.getBoundingClientRect();
    const out = Math.max(0, -box.top, box.bottom - window.innerHeight, -box.left, box.right - window.innerWidth);
    return [selector, { out: Math.round(out), top: Math.round(box.top), bottom: Math.round(box.bottom) }];
  })), selectors);
}

/**
 * Fails unless every element is wholly inside the viewport and has a size.
 * @param {Record<string, {out: number, top: number, bottom: number}>} seen
 * @param {string} where
 */
function assertInView(seen, where) {
  for (const [selector, box] of Object.entries(seen)) {
    assert.ok(box.bottom > box.top, `${where}: ${selector} is laid out`);
    assert.equal(box.out, 0, `${where}: ${selector} is in view: ${JSON.stringify(box)}`);
  }
}

/**
 * Saves a screenshot of the viewport under $ARTIFACTS.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

describe('lesson view', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const lang of ['en', 'zh']) {
    test(`at 1280x800 a preset shows the prediction, the loss chart, the lesson and the network's first units (${lang}, lesson-view-1280-${lang}.png)`, async () => {
      await withPage(browser, async (page) => {
        await openAt(page, 1280, 800, lang);
        await openPreset(page);
        assertInView(await outside(page, ['heatmap', 'loss-chart', 'lesson-text', 'neuron-1-0', 'step-count', 'epoch-count']),
          `1280x800 ${lang}`);
        assertInView(await outside(page, ['pause', 'step', 'epoch']), `1280x800 ${lang}, the controls`);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280, 'nothing sticks out sideways');
        await screenshot(page, `lesson-view-1280-${lang}.png`);

        // The top bar stays while the learner scrolls down to the settings.
        await page.locator('#training-panel').scrollIntoViewIfNeeded();
        assertInView(await outside(page, ['pause', 'step-count', 'epoch-count']), `1280x800 ${lang}, scrolled down`);
      });
    });

    test(`on a 390x844 phone a preset shows the prediction and the loss chart (${lang}, lesson-view-390-${lang}.png)`, async () => {
      await withPage(browser, async (page) => {
        await openAt(page, 390, 844, lang);
        await openPreset(page);
        assertInView(await outside(page, ['heatmap', 'loss-chart']), `390x844 ${lang}`);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'nothing sticks out sideways');
        const [lesson, plot] = await Promise.all([
          page.getByTestId('lesson-text').boundingBox(), page.getByTestId('heatmap').boundingBox(),
        ]);
        assert.ok(lesson && plot && lesson.y + lesson.height <= plot.y, 'the lesson is right above the prediction');
        await screenshot(page, `lesson-view-390-${lang}.png`);
      });
    });
  }

  for (const [width, lang] of /** @type {const} */ ([[1100, 'zh'], [1100, 'en'], [1366, 'en'], [1440, 'zh']])) {
    test(`at ${width}x800 (${lang}) the prediction, the loss chart and the lesson are all on screen`, async () => {
      await withPage(browser, async (page) => {
        await openAt(page, width, 800, lang);
        await openPreset(page);
        assertInView(await outside(page, ['heatmap', 'loss-chart', 'lesson-text', 'step-count']), `${width}x800 ${lang}`);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing sticks out sideways');
        const heatmap = await page.getByTestId('heatmap').boundingBox();
        assert.ok(heatmap && heatmap.width >= 240, `the prediction is ${heatmap?.width} px wide`);
      });
    });
  }

  test('Close puts the lessons back below the results, where the learner was', async () => {
    await withPage(browser, async (page) => {
      await openAt(page, 1280, 800, 'en');
      const below = () => page.evaluate(() => {
        const lessons = /** @type {HTMLElement} */ (document.querySelector('#lessons-panel')).getBoundingClientRect();
        const output = /** @type {HTMLElement} */ (document.querySelector('.output-card')).getBoundingClientRect();
        return lessons.top > output.bottom;
      });
      assert.ok(await below(), 'the lessons start below the results');
      assert.ok(await page.getByTestId('lesson-close').isHidden(), 'no Close outside the lesson view');
      await openPreset(page);
      assert.ok(!(await below()), 'the lesson view docks the lessons beside the results');
      await page.getByTestId('lesson-close').click();
      assert.ok(await below(), 'Close puts them back');
      assert.ok(await page.getByTestId('lesson-close').isHidden());
      assertInView(await outside(page, ['lesson-text']), 'after Close');
      assert.equal(await page.getByTestId('lesson-close').getAttribute('title'),
        'Leave the lesson view: the lessons go back below the results');
    });
  });
});
