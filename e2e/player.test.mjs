// End-to-end tests of the player's controls in headless Chromium: Step takes exactly one update
// (one batch), Epoch trains one whole epoch (or the rest of the one under way), both while
// paused; a link's `pauseAt` stops playing exactly at the end of that epoch, at a set pace and
// at full speed, says so in English and Chinese, and Play then goes on past it. Needs BASE_URL
// (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, readNumber, waitForNumbers, waitFrames, withPage } from './browser.mjs';

/** 200 points, half of them for training, in batches of 10: 10 updates an epoch. */
const SMALL = 'networkShape=4&numSamples=200&percTrainData=50&batchSize=10';
const PER_EPOCH = 10;

/**
 * Opens `hash` and waits until the experiment is up, at step 0.
 * @param {import('playwright-core').Page} page
 * @param {string} hash
 */
async function openReady(page, hash) {
  const response = await page.goto(`${BASE_URL}#${hash}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
}

/**
 * The step and epoch counts shown.
 * @param {import('playwright-core').Page} page
 */
async function counts(page) {
  return { steps: await readNumber(page, 'step-count'), epochs: await readNumber(page, 'epoch-count') };
}

/**
 * Clicks `id` and waits until the step count reaches `steps`; then checks it stays there.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @param {number} steps
 */
async function pressUntil(page, id, steps) {
  await page.getByTestId(id).click();
  await waitForNumbers(page, [['step-count', '==', steps]]);
  await waitFrames(page, 5);
  assert.equal(await readNumber(page, 'step-count'), steps, `${id} took more than it should`);
}

/**
 * Presses Play on `hash` and waits until playing stopped by itself (Play shows again).
 * @param {import('playwright-core').Page} page
 */
async function playUntilPaused(page) {
  await page.getByTestId('play').click();
  await page.getByTestId('pause').waitFor({ state: 'hidden', timeout: 30_000 });
  await page.getByTestId('play').waitFor({ state: 'visible' });
}

describe('player', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('Step takes one update and Epoch one epoch, while paused', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, SMALL);
      await pressUntil(page, 'step', 1);
      assert.deepEqual(await counts(page), { steps: 1, epochs: 0 });
      for (let step = 2; step < PER_EPOCH; step += 1) await pressUntil(page, 'step', step);
      assert.equal(await readNumber(page, 'epoch-count'), 0, 'nine updates are not an epoch');
      await pressUntil(page, 'step', PER_EPOCH);
      assert.deepEqual(await counts(page), { steps: PER_EPOCH, epochs: 1 }, 'the tenth update ends the epoch');

      await pressUntil(page, 'epoch', 2 * PER_EPOCH);
      assert.deepEqual(await counts(page), { steps: 2 * PER_EPOCH, epochs: 2 });
      // Epoch finishes the epoch under way: 3 updates in, 7 more end it.
      for (let step = 1; step <= 3; step += 1) await pressUntil(page, 'step', 2 * PER_EPOCH + step);
      await pressUntil(page, 'epoch', 3 * PER_EPOCH);
      assert.deepEqual(await counts(page), { steps: 3 * PER_EPOCH, epochs: 3 });
      assert.ok(await page.getByTestId('play').isVisible(), 'neither starts playing');
    });
  });

  test('Step while playing pauses, then takes one update', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, `${SMALL}&speed=10`);
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['epoch-count', '>', 1]]);
      await page.getByTestId('step').click();
      await page.getByTestId('play').waitFor({ state: 'visible' });
      await waitFrames(page, 5);
      const before = await readNumber(page, 'step-count');
      await pressUntil(page, 'step', before + 1);
    });
  });

  for (const [lang, step, epoch] of [
    ['en', 'Train one step: one batch, one update', 'Train one epoch: every training point once'],
    ['zh', '训练一步：一个批次，一次更新', '训练一轮：每个训练点用一次'],
  ]) {
    test(`the titles say what Step and Epoch do (${lang})`, async () => {
      await withPage(browser, async (page) => {
        await openReady(page, `${SMALL}&lang=${lang}`);
        assert.equal(await page.getByTestId('step').getAttribute('title'), step);
        assert.equal(await page.getByTestId('epoch').getAttribute('title'), epoch);
      });
    });
  }

  for (const speed of ['30', 'max']) {
    test(`pauseAt=12 at speed ${speed} stops at the end of epoch 12; Play goes on past it, Reset arms it again`, async () => {
      await withPage(browser, async (page) => {
        await openReady(page, `${SMALL}&pauseAt=12&speed=${speed}`);
        await playUntilPaused(page);
        assert.deepEqual(await counts(page), { steps: 12 * PER_EPOCH, epochs: 12 });
        assert.equal(await page.getByTestId('status').textContent(),
          'Paused at epoch 12, the moment this lesson talks about. Press Play to go on.');
        await waitFrames(page, 20);
        assert.equal(await readNumber(page, 'epoch-count'), 12, 'nothing trains once paused');

        await page.getByTestId('play').click();
        await waitForNumbers(page, [['epoch-count', '>', 14]]);
        assert.ok(await page.getByTestId('pause').isVisible(), 'Play goes on past the pause');
        assert.ok(await page.getByTestId('status').isHidden(), 'the note goes once playing again');
        await page.getByTestId('pause').click();

        await page.getByTestId('reset').click();
        await waitForNumbers(page, [['step-count', '==', 0]]);
        await playUntilPaused(page);
        assert.deepEqual(await counts(page), { steps: 12 * PER_EPOCH, epochs: 12 }, 'Reset armed it again');
      });
    });
  }

  test('the pause note is in Chinese in the Chinese page, and Step and Epoch are not stopped by the pause', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, `${SMALL}&pauseAt=2&speed=max&lang=zh`);
      await pressUntil(page, 'epoch', PER_EPOCH);
      await pressUntil(page, 'epoch', 2 * PER_EPOCH);
      await pressUntil(page, 'epoch', 3 * PER_EPOCH);
      assert.ok(await page.getByTestId('status').isHidden(), 'Epoch never shows the pause note');
      await page.getByTestId('reset').click();
      await waitForNumbers(page, [['step-count', '==', 0]]);
      await playUntilPaused(page);
      assert.deepEqual(await counts(page), { steps: 2 * PER_EPOCH, epochs: 2 });
      assert.equal(await page.getByTestId('status').textContent(), '已在第 2 轮暂停，正是本课所说的时刻。按“运行”继续。');
    });
  });
});
