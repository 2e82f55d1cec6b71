// End-to-end tests of the sequence lab's page in headless Chromium: the lab switcher opens it,
// training in the worker (play, pause, step, reset) moves the metrics, a bad link's banner names
// its key, a lesson preset plays to its pause, and no long task runs over 50 ms while the largest allowed configuration trains.
// Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL, RESPONSE_MS, frameTimes, launchBrowser, linkOf, readNumber, waitForNumbers, withPage,
} from './browser.mjs';

/** The largest configuration the sequence lab allows: 100 steps, 128 units, batches of 64. */
const LARGEST = 'lab=sequence&task=adding&length=100&hidden=128&batchSize=64';

/**
 * Opens `link` and waits until the sequence lab shows its first measurements.
 * @param {import('playwright-core').Page} page
 * @param {string} link the part after `#`
 */
async function openSequence(page, link) {
  await page.goto('about:blank');
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}#${link}`);
  await page.waitForFunction(() => document.body.classList.contains('lab-sequence'));
  await waitForNumbers(page, [['test-loss', '>', -Infinity], ['step-count', '==', 0]], 30_000);
}

describe('sequence lab page', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the lab switcher opens the sequence lab and goes back to the plane', async () => {
    await withPage(browser, async (page) => {
      await page.goto(BASE_URL);
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      assert.equal(await page.getByTestId('lab-sequence').getAttribute('aria-current'), null);
      await page.getByTestId('lab-sequence').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-sequence'));
      await waitForNumbers(page, [['test-loss', '>', 0]], 30_000);
      assert.equal((await linkOf(page)).get('lab'), 'sequence');
      assert.equal(await page.getByTestId('lab-sequence').getAttribute('aria-current'), 'page');
      await page.getByTestId('setting-cell').selectOption('gru');
      await page.waitForFunction(() => window.location.hash.includes('cell=gru'));

      await page.getByTestId('lab-plane').click();
      await page.waitForFunction(() => !window.location.hash.includes('lab=sequence'));
      await waitForNumbers(page, [['train-loss', '>', -Infinity]]);
      assert.equal(await page.evaluate(() => document.body.classList.contains('lab-sequence')), false);
      await page.getByTestId('lab-sequence').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-sequence'));
      await waitForNumbers(page, [['test-loss', '>', 0]], 30_000);
      assert.equal((await linkOf(page)).get('cell'), 'gru', 'the sequence lab kept its cell');
    });
  });

  test('Play trains and lowers the test loss, Pause stops, Step takes one update, Reset starts over', async () => {
    await withPage(browser, async (page) => {
      await openSequence(page, 'lab=sequence&task=adding&length=5');
      const first = await readNumber(page, 'test-loss');
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['epoch-count', '>', 2]], 60_000);
      await page.getByTestId('pause').click();
      await page.getByTestId('play').waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      const steps = await readNumber(page, 'step-count');
      await page.waitForTimeout(500);
      assert.equal(await readNumber(page, 'step-count'), steps, 'paused: no more updates');
      await waitForNumbers(page, [['test-loss', '<', first]], 10_000);

      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', steps + 1]]);
      await page.getByTestId('reset').click();
      await waitForNumbers(page, [['step-count', '==', 0], ['epoch-count', '==', 0]]);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]]);
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('a bad sequence link names the bad key and what is allowed, and still trains', async () => {
    await withPage(browser, async (page) => {
      await openSequence(page, 'lab=sequence&length=1000&cell=gru');
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      const said = await banner.textContent() ?? '';
      assert.match(said, /length=1000/);
      assert.match(said, /5 to 100/);
      const link = await linkOf(page);
      assert.equal(link.get('length'), null, 'the bad value is left out of the link');
      assert.equal(link.get('cell'), 'gru', 'the good values stay');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]], 30_000);
    });
  });

  test('a lesson preset opens its link in the sequence lab and plays until its pause', async () => {
    await withPage(browser, async (page) => {
      await openSequence(page, 'lab=sequence&task=adding');
      await page.getByTestId('lesson-recurrent').click();
      await page.getByTestId('preset-walk').click();
      await page.waitForFunction(() => /Paused at epoch 5/
        .test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), null, { timeout: 60_000 });
      await waitForNumbers(page, [['epoch-count', '==', 5], ['step-count', '==', 500]], 10_000);
      const link = await linkOf(page);
      assert.equal(link.get('lab'), 'sequence');
      assert.equal(link.get('cell'), 'rnn');
      assert.equal(link.get('task'), null, 'the preset replaced the experiment');
      const ratio = Number(await page.getByTestId('sequence-loss-readout').getAttribute('data-test-loss'))
        / Number(await page.getByTestId('sequence-loss-readout').getAttribute('data-baseline'));
      assert.ok(ratio < 0.5, `the lesson says the test loss is under half the baseline (${ratio})`);
    });
  });

  test('no task longer than the 100 ms a press may wait while the largest allowed configuration trains', async () => {
    await withPage(browser, async (page) => {
      await openSequence(page, LARGEST);
      await page.getByTestId('play').click();
      const { times, longest } = await page.evaluate(frameTimes, 8000);
      await page.getByTestId('pause').click();
      assert.ok(await readNumber(page, 'step-count') >= 1, 'it trained');
      assert.ok(longest < RESPONSE_MS, `the longest task took ${longest} ms`);
      assert.ok(times.length > 8000 / 1000 * 30, `frames went on (${times.length} in 8 s)`);
    });
  });
});
