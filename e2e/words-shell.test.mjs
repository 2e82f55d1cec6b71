// End-to-end tests of the words lab's page in headless Chromium: the lab switcher opens it, Play
// trains the default experiment to its end within 5 s and the page says it finished, with the
// projection drawn; Pause stops, Step takes one update, Reset starts over; a bad link's banner
// names its key; a lesson preset plays to the end its lesson describes, and the preset of the
// lesson on the sequence lab opens that lab; and no long task runs over the 100 ms a press may
// wait while the largest allowed configuration (every limit at its largest, on a pasted text of
// 20,000 bytes) trains.
// Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL, RESPONSE_MS, colours, frameTimes, launchBrowser, linkOf, readNumber, waitForNumbers, withPage,
} from './browser.mjs';

/**
 * The largest text the lab allows: 20,000 bytes of sentences over 600 made-up words, so the
 * vocabulary is at its most (500).
 */
function largestText() {
  let text = '';
  let n = 1;
  while (true) {
    const sentence = Array.from({ length: 8 }, () => {
      n = (n * 48_271) % 2_147_483_647;
      const word = n % 600;
      // Letters only: the engine cuts words at digits.
      return `w${'abcdefghijklmnopqrstuvwxyz'[word % 26]}${'abcdefghijklmnopqrstuvwxyz'[Math.floor(word / 26)]}`;
    }).join(' ');
    if (text.length + sentence.length + 1 > 20_000) break;
    text += `${sentence}\n`;
  }
  return text;
}

/** The largest configuration the words lab allows. */
const LARGEST = `lab=words&corpus=custom&text=${encodeURIComponent(largestText())}`
  + '&window=8&negatives=20&dim=64&batchSize=1024&epochs=200';

/**
 * Opens `link` and waits until the words lab shows its first measurements.
 * @param {import('playwright-core').Page} page
 * @param {string} link the part after `#`
 */
async function openWords(page, link) {
  await page.goto('about:blank');
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}#${link.slice(0, 80)}`);
  await page.waitForFunction(() => document.body.classList.contains('lab-words'));
  await waitForNumbers(page, [['test-loss', '>', -Infinity], ['step-count', '==', 0]], 30_000);
}

describe('words lab page', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the lab switcher opens the words lab and goes back to the plane', async () => {
    await withPage(browser, async (page) => {
      await page.goto(BASE_URL);
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      assert.equal(await page.getByTestId('lab-words').getAttribute('aria-current'), null);
      await page.getByTestId('lab-words').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-words'));
      await waitForNumbers(page, [['test-loss', '>', 0]], 30_000);
      assert.equal((await linkOf(page)).get('lab'), 'words');
      assert.equal(await page.getByTestId('lab-words').getAttribute('aria-current'), 'page');
      await page.getByTestId('setting-method').selectOption('cbow');
      await page.waitForFunction(() => window.location.hash.includes('method=cbow'));

      await page.getByTestId('lab-plane').click();
      await page.waitForFunction(() => !window.location.hash.includes('lab=words'));
      await waitForNumbers(page, [['train-loss', '>', -Infinity]]);
      assert.equal(await page.evaluate(() => document.body.classList.contains('lab-words')), false);
      await page.getByTestId('lab-words').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-words'));
      await waitForNumbers(page, [['test-loss', '>', 0]], 30_000);
      assert.equal((await linkOf(page)).get('method'), 'cbow', 'the words lab kept its method');
    });
  });

  test('Play trains the default experiment to its end within 5 s, and the page says it finished', async () => {
    await withPage(browser, async (page) => {
      await openWords(page, 'lab=words');
      const first = await readNumber(page, 'test-loss');
      const started = Date.now();
      await page.getByTestId('play').click();
      await page.waitForFunction(() => /Finished/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
        null, { timeout: 5_000 });
      const took = Date.now() - started;
      assert.ok(took < 5_000, `training took ${took} ms`);
      await waitForNumbers(page, [['epoch-count', '==', 20], ['test-loss', '<', first]], 10_000);
      await page.getByTestId('play').waitFor({ state: 'visible' });
      const steps = await readNumber(page, 'step-count');
      await page.waitForFunction((steps) => document.body.dataset.wordsViews === String(steps), steps, { timeout: 10_000 });
      assert.ok(await page.getByTestId('words-projection-canvas').evaluate(colours) > 5, 'the projection is blank');
      const points = Number(await page.getByTestId('words-projection-canvas').getAttribute('data-points'));
      assert.ok(points > 100, `${points} words drawn`);
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('Pause stops, Step takes one update, Reset starts over', async () => {
    await withPage(browser, async (page) => {
      await openWords(page, 'lab=words&speed=3');
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['epoch-count', '>', 0]], 30_000);
      await page.getByTestId('pause').click();
      await page.getByTestId('play').waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      const steps = await readNumber(page, 'step-count');
      await page.waitForTimeout(500);
      assert.equal(await readNumber(page, 'step-count'), steps, 'paused: no more updates');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', steps + 1]]);
      await page.getByTestId('reset').click();
      await waitForNumbers(page, [['step-count', '==', 0], ['epoch-count', '==', 0]]);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]]);
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('a bad words link names the bad key and what is allowed, and still trains', async () => {
    await withPage(browser, async (page) => {
      await openWords(page, 'lab=words&dim=1000&corpus=en');
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      const said = await banner.textContent() ?? '';
      assert.match(said, /dim=1000/);
      const link = await linkOf(page);
      assert.equal(link.get('dim'), null, 'the bad value is left out of the link');
      assert.equal(link.get('corpus'), 'en', 'the good values stay');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]], 30_000);
    });
  });

  test('a lesson preset plays to the end, and the sequence lesson\'s preset opens the sequence lab', async () => {
    await withPage(browser, async (page) => {
      await openWords(page, 'lab=words&corpus=en');
      await page.getByTestId('lesson-words-contexts').click();
      await page.getByTestId('preset-words-zh').click();
      await page.waitForFunction(() => /Finished/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
        null, { timeout: 30_000 });
      const link = await linkOf(page);
      assert.equal(link.get('corpus'), null, 'the preset replaced the experiment');
      assert.equal(link.get('speed'), '3');
      const similar = Number(await page.getByTestId('words-pair-0-value').getAttribute('data-similarity'));
      const distant = Number(await page.getByTestId('words-pair-1-value').getAttribute('data-similarity'));
      assert.ok(similar > 0.9 && distant < 0.5, `the lesson says cos(猫, 狗) ${similar} > 0.9 and cos(猫, 汽车) ${distant} < 0.5`);

      await page.getByTestId('lesson-words-into-sequence').click();
      await page.getByTestId('preset-words-sequence').click();
      await page.waitForFunction(() => document.body.classList.contains('lab-sequence'), null, { timeout: 30_000 });
      await waitForNumbers(page, [['test-loss', '>', 0]], 30_000);
      const sequence = await linkOf(page);
      assert.equal(sequence.get('lab'), 'sequence');
      assert.equal(sequence.get('pauseAt'), '5', 'the preset\'s settings came along');
    });
  });

  test('no task longer than the 100 ms a press may wait while the largest allowed configuration trains', async () => {
    await withPage(browser, async (page) => {
      await openWords(page, LARGEST);
      assert.equal((await linkOf(page)).get('dim'), '64', 'the largest configuration opened');
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
      await page.getByTestId('play').click();
      const { times, longest } = await page.evaluate(frameTimes, 8000);
      await page.getByTestId('pause').click();
      assert.ok(await readNumber(page, 'step-count') >= 1, 'it trained');
      assert.equal(await page.getByTestId('words-projection-canvas').getAttribute('data-points'), '500');
      assert.ok(longest < RESPONSE_MS, `the longest task took ${longest} ms`);
      assert.ok(times.length > 8000 / 1000 * 30, `frames went on (${times.length} in 8 s)`);
    });
  });
});
