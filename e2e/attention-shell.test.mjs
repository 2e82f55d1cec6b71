// End-to-end tests of the attention lab's page in headless Chromium: the lab switcher opens it
// and goes back; its link round-trips through the address bar, the form and a reload; Play
// trains the default task (reversing 8 digits) to a test accuracy of 99% or more at full speed
// within a minute, Pause stops, Step takes one update, Reset starts over; a bad link's banner
// names its key and what is allowed; and no long task runs over the 100 ms a press may wait
// while the largest allowed configuration trains (4 layers of 4 heads, 64 wide, sequences of
// 12 in batches of 64), on the symbol tasks and on the text. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL, RESPONSE_MS, frameTimes, launchBrowser, linkOf, readNumber, waitForNumbers, withPage,
} from './browser.mjs';

/** The largest configuration the attention lab allows. */
const LARGEST = 'lab=attention&length=12&layers=4&heads=4&dim=64&batchSize=64';

/**
 * Sets form field `key` to `value` as a learner does: a menu's choice, or a box's text and Enter.
 * @param {import('playwright-core').Page} page
 * @param {string} key
 * @param {string} value
 */
async function setField(page, key, value) {
  const field = page.getByTestId(`setting-${key}`);
  if (await field.evaluate((element) => element.tagName === 'SELECT')) {
    await field.selectOption(value);
  } else {
    await field.fill(value);
    await field.press('Enter');
  }
}

/**
 * Opens `link` and waits until the attention lab shows its first measurements.
 * @param {import('playwright-core').Page} page
 * @param {string} link the part after `#`
 */
async function openAttention(page, link) {
  await page.goto('about:blank');
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}#${link}`);
  await page.waitForFunction(() => document.body.classList.contains('lab-attention'));
  await waitForNumbers(page, [['test-loss', '>', -Infinity], ['step-count', '==', 0]], 30_000);
}

describe('attention lab page', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the lab switcher opens the attention lab and goes back to the plane', async () => {
    await withPage(browser, async (page) => {
      await page.goto(BASE_URL);
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      assert.equal(await page.getByTestId('lab-attention').getAttribute('aria-current'), null);
      await page.getByTestId('lab-attention').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-attention'));
      await waitForNumbers(page, [['test-loss', '>', 0]], 30_000);
      assert.equal((await linkOf(page)).get('lab'), 'attention');
      assert.equal(await page.getByTestId('lab-attention').getAttribute('aria-current'), 'page');
      await page.getByTestId('setting-positions').selectOption('sinusoidal');
      await page.waitForFunction(() => window.location.hash.includes('positions=sinusoidal'));

      await page.getByTestId('lab-plane').click();
      await page.waitForFunction(() => !window.location.hash.includes('lab=attention'));
      await waitForNumbers(page, [['train-loss', '>', -Infinity]]);
      assert.equal(await page.evaluate(() => document.body.classList.contains('lab-attention')), false);
      await page.getByTestId('lab-attention').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-attention'));
      await waitForNumbers(page, [['test-loss', '>', 0]], 30_000);
      assert.equal((await linkOf(page)).get('positions'), 'sinusoidal', 'the attention lab kept its positions');
    });
  });

  test('a link round-trips through the address bar, the form and a reload', async () => {
    const settings = {
      task: 'sort', length: '6', layers: '2', heads: '4', dim: '16', positions: 'off',
      optimizer: 'sgd', learningRate: '0.1', batchSize: '8',
    };
    const link = `lab=attention&${new URLSearchParams(settings)}`;
    await withPage(browser, async (page) => {
      await openAttention(page, link);
      const shown = await linkOf(page);
      for (const [key, value] of Object.entries(settings)) {
        assert.equal(shown.get(key), value, `${key} in the link`);
        assert.equal(await page.getByTestId(`setting-${key}`).inputValue(), value, `${key} in the form`);
      }
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
      await setField(page, 'length', '5');
      await page.waitForFunction(() => window.location.hash.includes('length=5'));
      const changed = await page.evaluate(() => window.location.hash.slice(1));
      await page.reload();
      await page.waitForFunction(() => document.body.classList.contains('lab-attention'));
      await waitForNumbers(page, [['test-loss', '>', -Infinity], ['step-count', '==', 0]], 30_000);
      assert.equal(await page.evaluate(() => window.location.hash.slice(1)), changed, 'the reload kept the link');
      assert.equal(await page.getByTestId('setting-length').inputValue(), '5');
      await page.waitForFunction(() => document.body.dataset.attentionViews === '0', null, { timeout: 30_000 });
      assert.equal(await page.getByTestId('attention-matrix').count(), 8, 'two layers of four heads');
    });
  });

  test('Play trains the default reversal to 99% test accuracy within a minute; Pause, Step and Reset work', async (context) => {
    await withPage(browser, async (page) => {
      await openAttention(page, 'lab=attention');
      const first = await readNumber(page, 'test-accuracy');
      assert.ok(first < 50, `an untrained network reverses ${first}% of the digits`);
      const started = Date.now();
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['test-accuracy', '>', 98.99]], 60_000);
      context.diagnostic(`99% test accuracy after ${Date.now() - started} ms, at update ${await readNumber(page, 'step-count')}`);
      await page.getByTestId('pause').click();
      await page.getByTestId('play').waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      const steps = await readNumber(page, 'step-count');
      await page.waitForTimeout(500);
      assert.equal(await readNumber(page, 'step-count'), steps, 'paused: no more updates');

      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', steps + 1]]);
      await page.getByTestId('reset').click();
      await waitForNumbers(page, [['step-count', '==', 0], ['epoch-count', '==', 0], ['test-accuracy', '<', 50]]);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]]);
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('a bad attention link names the bad key and what is allowed, and still trains', async () => {
    await withPage(browser, async (page) => {
      await openAttention(page, 'lab=attention&heads=5&task=copy&length=20');
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      const said = await banner.textContent() ?? '';
      assert.match(said, /heads=5/);
      assert.match(said, /1 to 4/);
      assert.match(said, /length=20/);
      assert.match(said, /4 to 12/);
      const link = await linkOf(page);
      assert.equal(link.get('heads'), null, 'the bad value is left out of the link');
      assert.equal(link.get('length'), null);
      assert.equal(link.get('task'), 'copy', 'the good values stay');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]], 30_000);

      await openAttention(page, 'lab=attention&dim=30');
      await setField(page, 'heads', '4');
      await banner.waitFor({ state: 'visible' });
      assert.match(await banner.textContent() ?? '', /heads/, 'a head count that does not divide the width is named');
    });
  });

  for (const task of ['reverse', 'text']) {
    test(`no task longer than the 100 ms a press may wait while the largest allowed configuration trains (${task})`, async (context) => {
      await withPage(browser, async (page) => {
        await openAttention(page, `${LARGEST}&task=${task}`);
        assert.equal((await linkOf(page)).get('dim'), '64', 'the largest configuration opened');
        assert.ok(await page.getByTestId('error').isHidden(), 'no error');
        await page.getByTestId('play').click();
        const { times, longest } = await page.evaluate(frameTimes, 8000);
        await page.getByTestId('pause').click();
        context.diagnostic(`${times.length} frames in 8 s, longest task ${longest.toFixed(0)} ms, ${await readNumber(page, 'step-count')} updates`);
        assert.ok(await readNumber(page, 'step-count') >= 1, 'it trained');
        assert.equal(await page.getByTestId('attention-matrix').count(), 16, 'every head of the four layers drawn');
        assert.ok(longest < RESPONSE_MS, `the longest task took ${longest} ms`);
        assert.ok(times.length > 8000 / 1000 * 30, `frames went on (${times.length} in 8 s)`);
      });
    });
  }
});
