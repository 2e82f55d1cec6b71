// End-to-end tests of the lessons panel in headless Chromium: every preset of every lesson
// opens its settings in the link and trains without an error, the list works by keyboard, the
// text follows the language, and a screenshot of the vanishing-gradients lesson after some
// training (lesson.png). Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { ARTIFACTS, BASE_URL, launchBrowser, waitForNumbers, waitFrames, withPage } from './browser.mjs';

/** Chinese characters (CJK unified ideographs). */
const HAN = /[\u4e00-\u9fff]/;

/**
 * Opens `link` and waits until the model and the lessons are up.
 * @param {import('playwright-core').Page} page
 * @param {string} link the part after `#`
 */
async function openReady(page, link) {
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
  await page.getByTestId('lesson-text').waitFor();
}

/**
 * The settings of a query, without the version.
 * @param {string} query
 */
function settingsOf(query) {
  const settings = new URLSearchParams(query);
  settings.delete('v');
  return [...settings];
}

describe('lessons', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('every preset of every lesson puts its settings in the link and trains without an error', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1');
      const lessons = await page.locator('[role="tab"][data-testid^="lesson-"]').evaluateAll(
        // The selector picks tabs that have a data-testid.
        (tabs) => tabs.map((tab) => /** @type {string} */ (tab.getAttribute('data-testid'))),
      );
      assert.ok(lessons.length >= 12, `${lessons.length} lessons`);
      const seen = new Set();
      for (const lesson of lessons) {
        await page.getByTestId(lesson).click();
        assert.equal(await page.getByTestId(lesson).getAttribute('aria-selected'), 'true');
        const text = (await page.getByTestId('lesson-text').textContent()) ?? '';
        assert.ok(text.length > 80 && !seen.has(text), `${lesson} has its own text`);
        seen.add(text);
        const presets = await page.locator('[data-testid^="preset-"]').evaluateAll(
          // Every preset button has a data-testid (the selector) and its link in data-query.
          (buttons) => buttons.map((button) => /** @type {[string, string]} */ (
            [button.getAttribute('data-testid'), button.dataset.query])),
        );
        assert.ok(presets.length > 0, `${lesson} has presets`);
        for (const [preset, query] of presets) {
          await page.getByTestId(preset).click();
          const wanted = settingsOf(query);
          await page.waitForFunction((wanted) => {
            const shown = new URLSearchParams(window.location.hash.slice(1));
            return wanted.every(([key, value]) => shown.get(key) === value)
              && [...shown.keys()].every((key) => key === 'v' || wanted.some(([k]) => k === key));
          }, wanted, { timeout: 5_000 }).catch(async () => {
            const hash = await page.evaluate(() => window.location.hash);
            assert.fail(`${preset}: the link ${hash} does not hold exactly ${query}`);
          });
          await waitForNumbers(page, [['step-count', '>', 0]]);
          await waitFrames(page, 5);
          assert.ok(await page.getByTestId('error').isHidden(), `${preset} shows an error`);
          assert.equal(await page.getByTestId(preset).getAttribute('aria-current'), 'true');
        }
      }
    });
  });

  test('the lesson list works by keyboard', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1');
      const tabs = page.locator('[role="tab"]');
      const count = await tabs.count();
      await tabs.first().focus();
      await page.keyboard.press('ArrowDown');
      const second = tabs.nth(1);
      assert.equal(await second.getAttribute('aria-selected'), 'true');
      assert.ok(await second.evaluate((tab) => tab === document.activeElement), 'focus follows');
      assert.equal(await tabs.first().getAttribute('aria-selected'), 'false');
      await page.keyboard.press('End');
      assert.equal(await tabs.nth(count - 1).getAttribute('aria-selected'), 'true');
      await page.keyboard.press('ArrowDown');
      assert.equal(await tabs.first().getAttribute('aria-selected'), 'true', 'wraps around');
      assert.equal(await page.locator('[role="tab"][tabindex="0"]').count(), 1, 'one tab stop');
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.activeElement?.getAttribute('role') === 'tabpanel'),
        'Tab leaves the list for the lesson');
    });
  });

  test('the lesson text is Chinese with lang=zh, and presets keep the language', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1&lang=en');
      const english = (await page.getByTestId('lesson-text').textContent()) ?? '';
      assert.ok(!HAN.test(english), english);
    });
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1&lang=zh');
      await page.getByTestId('lesson-overfitting').click();
      const chinese = (await page.getByTestId('lesson-text').textContent()) ?? '';
      assert.match(chinese, HAN);
      assert.match(chinese, /过拟合/);
      assert.match((await page.getByTestId('lesson-overfitting').textContent()) ?? '', /过拟合/);
      await page.getByTestId('preset-overfit').click();
      await page.waitForFunction(() => window.location.hash.includes('percTrainData=10'));
      assert.ok((await page.evaluate(() => window.location.hash)).includes('lang=zh'));
      assert.match((await page.getByTestId('lesson-text').textContent()) ?? '', /过拟合/);
    });
  });

  test('the vanishing-gradients lesson after some training (screenshot lesson.png)', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1');
      await page.getByTestId('lesson-vanishing').click();
      await page.getByTestId('preset-vanishing-sigmoid').click();
      // The preset plays 30 epochs a second and pauses by itself at epoch 100.
      await waitForNumbers(page, [['epoch-count', '==', 100]], 30_000);
      await page.getByTestId('play').waitFor({ state: 'visible' });
      // The preset's claim (e2e/lesson-claims.test.mjs checks them all): the loss stays near 0.5.
      await waitForNumbers(page, [['train-loss', '>', 0.45]]);
      await mkdir(ARTIFACTS, { recursive: true });
      const screenshot = join(ARTIFACTS, 'lesson.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      assert.ok((await stat(screenshot)).size > 0, `${screenshot} was written`);
    });
  });
});
