// End-to-end tests of the digits lab's page in headless Chromium: the lab switcher both ways
// with each lab's settings kept, the default page fetching nothing of the digits lab, training
// in the worker (play, pause at an epoch, step, epoch, reset), a bad link's banner, no long
// task while the largest allowed configuration trains, and the share link reproducing the same
// numbers. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL, RESPONSE_MS, frameTimes, launchBrowser, linkOf, readNumber, waitForNumbers, withPage,
} from './browser.mjs';

/** The largest configuration the digits lab allows: 5 x 5 kernels, no pooling, batches of 128. */
const LARGEST = 'lab=digits&kernel=5&pooling=none&batchSize=128';
/** What only the digits lab fetches: its modules, its data, its wasm package. */
const DIGITS_FILES = /\/web\/labs\/|\/web\/pkg-digits\/|digits\.bin/;

/**
 * Opens `link` and waits until the digits lab shows its first measurements.
 * @param {import('playwright-core').Page} page
 * @param {string} link the part after `#`
 */
async function openDigits(page, link) {
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}#${link}`);
  await page.waitForFunction(() => document.body.classList.contains('lab-digits'));
  await waitForNumbers(page, [['test-accuracy', '>', -1], ['step-count', '==', 0]], 30_000);
}

describe('digits lab page', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the lab switcher goes to the digits lab and back, each lab keeping its settings', async () => {
    await withPage(browser, async (page) => {
      await page.goto(`${BASE_URL}#activation=tanh`);
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      assert.equal(await page.getByTestId('lab-plane').getAttribute('aria-current'), 'page');
      assert.equal(await page.getByTestId('lab-digits').getAttribute('aria-current'), null);

      await page.getByTestId('lab-digits').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-digits'));
      await waitForNumbers(page, [['test-accuracy', '>', -1]], 30_000);
      assert.equal((await linkOf(page)).get('lab'), 'digits');
      assert.equal(await page.getByTestId('lab-digits').getAttribute('aria-current'), 'page');
      await page.getByTestId('setting-kernel').selectOption('5');
      await page.waitForFunction(() => window.location.hash.includes('kernel=5'));

      await page.getByTestId('lab-plane').click();
      await page.waitForFunction(() => !window.location.hash.includes('lab=digits'));
      await waitForNumbers(page, [['train-loss', '>', -Infinity]]);
      assert.equal((await linkOf(page)).get('activation'), 'tanh', 'the plane kept its activation');
      assert.equal(await page.evaluate(() => document.body.classList.contains('lab-digits')), false);

      await page.getByTestId('lab-digits').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-digits'));
      await waitForNumbers(page, [['test-accuracy', '>', -1]], 30_000);
      assert.equal((await linkOf(page)).get('kernel'), '5', 'the digits lab kept its kernel size');
      assert.equal(await page.getByTestId('setting-kernel').inputValue(), '5');
    });
  });

  test('the default page fetches no module, data or wasm of the digits lab', async () => {
    await withPage(browser, async (page) => {
      /** @type {string[]} */
      const fetched = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(BASE_URL);
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      // The lessons load after the page is interactive: wait for them, then a little more.
      await page.getByTestId('lesson-spiral').waitFor();
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['epoch-count', '>', 2]]);
      await page.getByTestId('pause').click();
      assert.ok(fetched.some((path) => path.endsWith('/web/main.js')), 'the page was recorded');
      assert.deepEqual(fetched.filter((path) => DIGITS_FILES.test(path)), []);
      const workers = await page.evaluate(() => performance.getEntriesByType('resource')
        .map((entry) => entry.name).filter((name) => /worker/.test(name)));
      assert.deepEqual(workers, []);
    });
  });

  test('playing raises the epoch count and the test accuracy past 90% within 3 epochs, where it pauses', async () => {
    await withPage(browser, async (page) => {
      await openDigits(page, 'lab=digits&pauseAt=3');
      const first = await readNumber(page, 'test-accuracy');
      assert.ok(first < 50, `an untrained network is near chance (${first}%)`);
      await page.getByTestId('play').click();
      await page.waitForFunction(() => /Paused at epoch 3/
        .test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), null, { timeout: 30_000 });
      assert.ok(await page.getByTestId('play').isVisible(), 'Play shows again');
      await waitForNumbers(page, [['epoch-count', '==', 3], ['test-accuracy', '>', 90]], 10_000);
      const steps = await readNumber(page, 'step-count');
      await page.waitForTimeout(500);
      assert.equal(await readNumber(page, 'step-count'), steps, 'paused: no more updates');
      for (const id of ['train-loss', 'test-loss', 'train-accuracy']) {
        assert.ok(Number.isFinite(await readNumber(page, id)), `${id} shows a number`);
      }
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('Step takes one update, Epoch the rest of the epoch, Reset starts over', async () => {
    await withPage(browser, async (page) => {
      await openDigits(page, 'lab=digits');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1], ['epoch-count', '==', 0]]);
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]]);
      const epochSteps = await readNumber(page, 'step-count');
      assert.ok(epochSteps > 1, `an epoch is many updates (${epochSteps})`);
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 2], ['step-count', '==', 2 * epochSteps]]);
      await page.getByTestId('reset').click();
      await waitForNumbers(page, [['step-count', '==', 0], ['epoch-count', '==', 0]]);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]]);
    });
  });

  test('a bad digits link names the bad setting and what is allowed, and still trains', async () => {
    await withPage(browser, async (page) => {
      await openDigits(page, 'lab=digits&filters1=99&kernel=5');
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      const said = await banner.textContent();
      assert.match(said ?? '', /filters1=99/);
      assert.match(said ?? '', /1 to 16/);
      const link = await linkOf(page);
      assert.equal(link.get('filters1'), null, 'the bad value is left out of the link');
      assert.equal(link.get('kernel'), '5', 'the good values stay');
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1], ['test-accuracy', '>', 20]], 30_000);
    });
  });

  test('no task longer than the 100 ms a press may wait while the largest allowed configuration trains', async (context) => {
    await withPage(browser, async (page) => {
      await openDigits(page, LARGEST);
      // Training is measured, not the page's opening: play once the first views have drawn.
      await page.waitForFunction(() => document.body.dataset.digitsViews === '0', null, { timeout: 30_000 });
      await page.getByTestId('play').click();
      const { times, longest } = await page.evaluate(frameTimes, 8000);
      await page.getByTestId('pause').click();
      const epochs = await readNumber(page, 'epoch-count');
      context.diagnostic(`${times.length} frames in 8 s, longest task ${longest.toFixed(0)} ms, ${epochs} epochs`);
      assert.ok(epochs >= 1, 'at least one epoch trained');
      assert.ok(longest < RESPONSE_MS, `the longest task took ${longest} ms`);
      assert.ok(times.length > 8000 / 1000 * 30, `frames went on (${times.length} in 8 s)`);
    });
  });

  test('a lesson preset opens its link in the digits lab and plays until its pause', async () => {
    await withPage(browser, async (page) => {
      await openDigits(page, 'lab=digits&kernel=5');
      await page.getByTestId('lesson-receptive').click();
      await page.getByTestId('preset-kernel3').click();
      await page.waitForFunction(() => /Paused at epoch 3/
        .test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), null, { timeout: 30_000 });
      await waitForNumbers(page, [['epoch-count', '==', 3], ['test-accuracy', '>', 93]], 10_000);
      const link = await linkOf(page);
      assert.equal(link.get('lab'), 'digits');
      assert.equal(link.get('pauseAt'), '3');
      assert.equal(link.get('kernel'), null, 'the preset replaced the experiment');
      assert.equal(await page.getByTestId('preset-kernel3').getAttribute('aria-current'), 'true');
    });
  });

  test('a trap in the worker\'s module shows the crash screen', async () => {
    await withPage(browser, async (page) => {
      await page.route('**/web/labs/digits/worker.js', async (route) => {
        const response = await route.fetch();
        const text = (await response.text())
          .replace('train({ steps }) {', "train({ steps }) { throw new WebAssembly.RuntimeError('unreachable');");
        await route.fulfill({ response, body: text });
      });
      await openDigits(page, 'lab=digits');
      await page.getByTestId('play').click();
      await page.getByTestId('crash').waitFor({ state: 'visible' });
      assert.match(await page.getByTestId('crash-message').textContent() ?? '', /unreachable/);
    });
  });

  test('the share link opens the same experiment and reproduces its numbers', async () => {
    const settings = 'lab=digits&filters1=8&learningRate=0.02&augShift=true';
    let shared = '';
    let loss = '';
    await withPage(browser, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(BASE_URL).origin,
      });
      await openDigits(page, settings);
      await page.getByTestId('setting-batchSize').fill('16');
      await page.getByTestId('setting-batchSize').press('Enter');
      await page.waitForFunction(() => window.location.hash.includes('batchSize=16'));
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]], 30_000);
      await page.getByTestId('share').click();
      await page.getByTestId('share-status').waitFor({ state: 'visible' });
      shared = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(shared, await page.evaluate(() => window.location.href));
      loss = await page.getByTestId('test-loss').textContent() ?? '';
    });
    const link = new URLSearchParams(new URL(shared).hash.slice(1));
    for (const [key, value] of new URLSearchParams(settings)) assert.equal(link.get(key), value, key);
    assert.equal(link.get('batchSize'), '16');
    await withPage(browser, async (page) => {
      await openDigits(page, new URL(shared).hash.slice(1));
      assert.equal(await page.evaluate(() => window.location.href), shared);
      assert.equal(await page.getByTestId('setting-batchSize').inputValue(), '16');
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]], 30_000);
      await page.waitForFunction((before) => document.querySelector('[data-testid="test-loss"]')?.textContent === before, loss);
    });
  });
});
