// End-to-end tests of the words lab's views in its page, in headless Chromium: after the default
// training 猫's nearest words include 狗 among the top 3 and the analogy 国王 − 男人 + 女人 has 王后
// in its top 3; the analogy box names a word the text lacks; the pairs chart records every epoch;
// the one-hot view shows every one-hot similarity 0 and the vocabulary beside the dimension; the
// co-occurrence table counts; the gradient charts name the two tables of vectors; a pasted text
// too short shows the engine's error naming `text` and the lab goes on, one over 20,000 bytes is
// refused by the box; a pasted text is learned from; Export downloads the vectors; the projection
// keeps its axes' signs between measurements. Needs BASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, waitForNumbers, withPage } from './browser.mjs';

/**
 * Opens the words lab at `link` and waits until its views drew their first answer.
 * @param {import('playwright-core').Page} page
 * @param {string} link
 */
async function open(page, link) {
  const address = `${BASE_URL}#lab=words${link ? `&${link}` : ''}`;
  // A fresh load: going to another hash of the same page would not reload it.
  await page.goto('about:blank');
  const response = await page.goto(address);
  assert.equal(response?.status(), 200, `GET ${address}`);
  await page.waitForFunction(() => document.body.dataset.wordsViews === '0', null, { timeout: 30_000 });
}

/**
 * Plays until training finishes, then waits until the views show the last update.
 * @param {import('playwright-core').Page} page
 */
async function trainToEnd(page) {
  await page.getByTestId('play').click();
  await page.waitForFunction(() => /Finished|已完成/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
    null, { timeout: 30_000 });
  await page.waitForFunction(() => document.body.dataset.wordsViews
    === (document.querySelector('[data-testid="step-count"]')?.textContent ?? '').replace(/[,\s]/g, ''),
  null, { timeout: 10_000 });
}

/**
 * The words of the list rows with data-testid `testid`, in order.
 * @param {import('playwright-core').Page} page
 * @param {string} testid
 */
async function listedWords(page, testid) {
  return page.getByTestId(testid).evaluateAll((rows) => rows.map((row) => /** @type {HTMLElement} */ (row).dataset.word ?? ''));
}

describe('words lab views', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('after training, 狗 is among 猫\'s 3 nearest words and 王后 among the analogy\'s top 3', async () => {
    await withPage(browser, async (page) => {
      await open(page, '');
      await trainToEnd(page);
      const neighbours = await listedWords(page, 'words-neighbour');
      assert.equal(neighbours.length, 5);
      assert.ok(neighbours.slice(0, 3).includes('狗'), `猫's nearest words: ${neighbours.join(' ')}`);
      const answers = await listedWords(page, 'words-analogy-answer');
      assert.ok(answers.slice(0, 3).includes('王后'), `国王 − 男人 + 女人: ${answers.join(' ')}`);
      assert.match(await page.getByTestId('words-summary').textContent() ?? '', /100%/);

      const pairs = page.getByTestId('words-pairs-chart');
      assert.equal(await pairs.getAttribute('data-epochs'), '21', 'one point per epoch, and the start');
      const similar = Number(await page.getByTestId('words-pair-0-value').getAttribute('data-similarity'));
      const distant = Number(await page.getByTestId('words-pair-1-value').getAttribute('data-similarity'));
      assert.ok(similar > distant, `cos(猫, 狗) ${similar} above cos(猫, 汽车) ${distant}`);

      const sizes = page.getByTestId('words-onehot-sizes');
      assert.ok(Number(await sizes.getAttribute('data-vocabulary')) > 100, 'one number per word of the text');
      assert.equal(await sizes.getAttribute('data-dim'), '16');
      const cells = await page.locator('[data-testid="words-onehot-table"] td').evaluateAll((all) => all.map((cell) => ({
        onehot: /** @type {HTMLElement} */ (cell).dataset.onehot, learned: Number(/** @type {HTMLElement} */ (cell).dataset.learned),
      })));
      assert.equal(cells.length, 25);
      assert.ok(cells.filter((cell) => cell.onehot === '0').length === 20, 'every other pair\'s one-hot similarity is 0');
      assert.ok(cells.some((cell) => cell.onehot === '0' && cell.learned > 0.5), 'some learned similarity is high');

      assert.match(await page.locator('#charts-panel').textContent() ?? '', /input vectors[^]*output vectors/,
        'the gradient charts name the two tables');

      const counted = await page.getByTestId('words-cooccurrence-row').evaluateAll((rows) => rows.map((row) => Number(/** @type {HTMLElement} */ (row).dataset.count)));
      assert.ok(counted.length > 0 && counted.every((count) => count > 0), `counts ${counted}`);
      assert.deepEqual([...counted].sort((a, b) => b - a), counted, 'most frequent first');
    });
  });

  test('choosing words changes the neighbours, and the analogy box names a word the text lacks', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'corpus=en');
      await page.getByTestId('words-neighbours-word').selectOption('king');
      await page.waitForFunction(() => [...document.querySelectorAll('h3')].some((h) => h.textContent === 'Counted next to king'));
      const neighbours = await listedWords(page, 'words-neighbour');
      assert.ok(!neighbours.includes('king') && neighbours.length === 5, `king's nearest words: ${neighbours.join(' ')}`);
      await page.getByTestId('words-analogy-b').fill('qwertyzz');
      await page.getByTestId('words-analogy-b').press('Enter');
      const error = page.getByTestId('words-analogy-answer-error');
      await error.waitFor({ state: 'visible' });
      assert.match(await error.textContent() ?? '', /qwertyzz/);
      assert.ok(await page.getByTestId('error').isHidden(), 'no banner: the view says it');
    });
  });

  test('a pasted text too short or too long names `text`, and a good one is learned from', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'corpus=en');
      await page.getByTestId('words-text-input').fill('too short');
      await page.getByTestId('words-text-apply').click();
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      assert.match(await banner.textContent() ?? '', /text/);
      assert.equal(new URLSearchParams(await page.evaluate(() => window.location.hash.slice(1))).get('corpus'), 'en',
        'nothing changed');

      await page.getByTestId('words-text-input').fill('word '.repeat(4001));
      await page.getByTestId('words-text-apply').click();
      const over = page.getByTestId('words-text-error');
      await over.waitFor({ state: 'visible' });
      assert.match(await over.textContent() ?? '', /^text: 20,005 bytes is over the limit of 20,000/);

      const text = Array.from({ length: 30 }, (_, i) => `the ${['red', 'blue', 'green'][i % 3]} bird sings at dawn`).join('\n');
      await page.getByTestId('words-text-input').fill(text);
      await page.getByTestId('words-text-apply').click();
      await page.waitForFunction(() => window.location.hash.includes('corpus=custom'));
      await banner.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.querySelector('[data-testid="words-projection-canvas"]')?.getAttribute('data-points') === '8');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 1]], 30_000);
    });
  });

  test('Export downloads the vectors file', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'corpus=en&dim=4');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('words-export').click(),
      ]);
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      const file = JSON.parse(await readFile(path ?? '', 'utf8'));
      assert.equal(file.lab, 'words');
      assert.equal(file.words.length, file.vectors.length);
      assert.equal(file.vectors[0].length, 4);
    });
  });

  test('the projection keeps its axes pointing the same way from one measurement to the next', async () => {
    await withPage(browser, async (page) => {
      await page.goto(BASE_URL);
      const [turned, kept, fresh] = await page.evaluate(async () => {
        /** @type {typeof import('../web/labs/words/views/projection.js')} */
        const view = await import(new URL('web/labs/words/views/projection.js', document.baseURI).href);
        const before = [1, 2, 3, -4, -1, 1];
        return [
          [...view.alignedWith(before, [-1, 2, -3, -4, 1, 1])],
          [...view.alignedWith(before, [2, 1, 2, -3, -1, 2])],
          [...view.alignedWith([], [-1, 2])],
        ];
      });
      assert.deepEqual(turned, [1, 2, 3, -4, -1, 1], 'the flipped x axis is turned back');
      assert.deepEqual(kept, [2, 1, 2, -3, -1, 2], 'axes that agree stay');
      assert.deepEqual(fresh, [-1, 2], 'a first picture is drawn as the engine gives it');
    });
  });
});
