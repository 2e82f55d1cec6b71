// End-to-end tests of the attention lab's views in its page, in headless Chromium: the attention
// matrices are drawn for every head of every layer at the input's length, and after training the
// reversal one head's weight lies on the anti-diagonal while the answers match the expected ones,
// for a test sequence as for typed digits (a bad one is refused, naming `input`); the head walk's
// numbers change with the head chosen and each row of its weights adds up to 1; silencing every
// head drops the test accuracy far below the full network's; the per-position chart has a bar
// per position; and the text task shows the prompt box's ten bars, its matrices masked above the
// diagonal. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, colours, launchBrowser, waitForNumbers, withPage } from './browser.mjs';

/**
 * Opens the attention lab at `link` and waits until its views drew their first answer.
 * @param {import('playwright-core').Page} page
 * @param {string} link
 */
async function open(page, link) {
  const address = `${BASE_URL}#lab=attention&${link}`;
  // A fresh load: going to another hash of the same page would not reload it.
  await page.goto('about:blank');
  const response = await page.goto(address);
  assert.equal(response?.status(), 200, `GET ${address}`);
  await page.waitForFunction(() => document.body.dataset.attentionViews === '0', null, { timeout: 30_000 });
}

/**
 * Trains `epochs` epochs with the epoch button, then waits until the views show the last one.
 * @param {import('playwright-core').Page} page
 * @param {number} epochs
 */
async function train(page, epochs) {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    await page.getByTestId('epoch').click();
    await waitForNumbers(page, [['epoch-count', '==', epoch]], 60_000);
  }
  await page.waitForFunction((steps) => document.body.dataset.attentionViews === String(steps), epochs * 100,
    { timeout: 30_000 });
}

/**
 * Waits until the element with data-testid `id` has `attribute` other than `before`, and returns it.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @param {string} attribute
 * @param {string | null} before
 */
async function changed(page, id, attribute, before) {
  const handle = await page.waitForFunction(([id, attribute, before]) => {
    const value = document.querySelector(`[data-testid="${id}"]`)?.getAttribute(/** @type {string} */ (attribute));
    return value !== null && value !== undefined && value !== before ? value : false;
  }, [id, attribute, before], { timeout: 10_000 });
  return /** @type {string} */ (await handle.jsonValue());
}

describe('attention lab views', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a matrix per head of every layer at the input\'s length, with the answers beside', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'layers=2&heads=4&length=6&dim=16');
      const matrices = page.getByTestId('attention-matrix');
      assert.equal(await matrices.count(), 8);
      const shapes = await matrices.evaluateAll((all) => all.map((canvas) => {
        const data = /** @type {HTMLElement} */ (canvas).dataset;
        return `${data.layer}/${data.head}/${data.size}`;
      }));
      assert.deepEqual(shapes, ['0/0/6', '0/1/6', '0/2/6', '0/3/6', '1/0/6', '1/1/6', '1/2/6', '1/3/6']);
      for (const canvas of await matrices.all()) assert.ok(await canvas.evaluate(colours) > 5, 'a matrix is blank');
      const answers = page.getByTestId('attention-answers');
      assert.equal((await answers.getAttribute('data-input'))?.split(',').length, 6);
      assert.equal((await answers.getAttribute('data-answers'))?.split(',').length, 6);
      const input = (await answers.getAttribute('data-input'))?.split(',') ?? [];
      assert.deepEqual((await answers.getAttribute('data-expected'))?.split(','), [...input].reverse(), 'reversing: the expected answers');
      assert.equal(await page.getByTestId('attention-walk-layer').locator('option').count(), 2);
      assert.equal(await page.getByTestId('attention-walk-head').locator('option').count(), 4);
      assert.equal(await page.getByTestId('attention-prompt').isHidden(), true, 'no prompt box for the symbol tasks');
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('after training the reversal, a head looks along the anti-diagonal and the answers are right, typed digits too', async () => {
    await withPage(browser, async (page) => {
      await open(page, '');
      const before = await page.getByTestId('attention-matrix').evaluateAll((all) =>
        Math.max(...all.map((canvas) => Number(/** @type {HTMLElement} */ (canvas).dataset.anti))));
      await train(page, 2);
      await waitForNumbers(page, [['test-accuracy', '>', 98.99]]);
      const anti = await page.getByTestId('attention-matrix').evaluateAll((all) =>
        Math.max(...all.map((canvas) => Number(/** @type {HTMLElement} */ (canvas).dataset.anti))));
      assert.ok(anti > 0.6 && anti > before + 0.3, `the most anti-diagonal head put ${anti} of its weight there (${before} untrained)`);
      const answers = page.getByTestId('attention-answers');
      assert.equal(await answers.getAttribute('data-answers'), await answers.getAttribute('data-expected'));

      await page.getByTestId('attention-input').fill('12345678');
      await page.waitForFunction(() => document.querySelector('[data-testid="attention-answers"]')?.getAttribute('data-input') === '1,2,3,4,5,6,7,8');
      assert.equal(await answers.getAttribute('data-expected'), '8,7,6,5,4,3,2,1');
      assert.equal(await answers.getAttribute('data-answers'), '8,7,6,5,4,3,2,1', 'the trained network reverses typed digits');

      await page.getByTestId('attention-input').fill('1234x678');
      const error = page.getByTestId('attention-input-error');
      await error.waitFor({ state: 'visible' });
      assert.match(await error.textContent() ?? '', /input/);
      await page.getByTestId('attention-example').fill('7');
      await page.getByTestId('attention-example').press('Enter');
      await error.waitFor({ state: 'hidden' });
      assert.equal(await page.getByTestId('attention-input').inputValue(), '', 'a test sequence replaces the typed digits');
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('the head walk shows the chosen head\'s numbers, each row of weights adding up to 1', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'layers=2&heads=2');
      await train(page, 1);
      const scores = await page.getByTestId('attention-walk-scores').getAttribute('data-values');
      const rows = (/** @type {string} */ values) => {
        const numbers = values.split(',').map(Number);
        const size = Math.sqrt(numbers.length);
        return Array.from({ length: size }, (_, i) => numbers.slice(i * size, (i + 1) * size).reduce((sum, value) => sum + value, 0));
      };
      const weights = /** @type {string} */ (await page.getByTestId('attention-walk-weights').getAttribute('data-values'));
      assert.equal(rows(weights).length, 8);
      for (const sum of rows(weights)) assert.ok(Math.abs(sum - 1) < 0.01, `a row of weights adds up to ${sum}`);
      const queries = await page.getByTestId('attention-walk-queries').getAttribute('data-sum');

      await page.getByTestId('attention-walk-head').selectOption({ value: '1' });
      const other = await changed(page, 'attention-walk-scores', 'data-values', scores);
      assert.notEqual(other, scores);
      assert.notEqual(await page.getByTestId('attention-walk-queries').getAttribute('data-sum'), queries, 'other queries');
      await page.getByTestId('attention-walk-layer').selectOption({ value: '1' });
      await changed(page, 'attention-walk-scores', 'data-values', other);
      // A click on a matrix shows its head in the walk.
      await page.locator('[data-testid="attention-matrix"][data-layer="0"][data-head="0"]').click();
      await page.waitForFunction(() => document.querySelector('.attention-walk-steps')?.getAttribute('data-layer') === '0'
        && document.querySelector('.attention-walk-steps')?.getAttribute('data-head') === '0');
      assert.equal(await page.getByTestId('attention-walk-head').inputValue(), '0');
      for (const id of ['queries', 'keys', 'values', 'mixed']) {
        assert.ok(await page.getByTestId(`attention-walk-${id}`).evaluate(colours) > 5, `the ${id} are blank`);
      }
    });
  });

  test('silencing every head drops the test accuracy far below the full network\'s, and the positions chart has a bar each', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'length=6');
      await train(page, 2);
      const summary = page.getByTestId('attention-summary');
      const full = Number(await summary.getAttribute('data-test-accuracy'));
      assert.ok(full > 0.99, `the full network reverses ${full}`);
      assert.ok(Number(await summary.getAttribute('data-exact-match')) > 0.9);
      assert.ok(Number(await summary.getAttribute('data-parameters')) > 1000);
      const positions = JSON.parse(await page.getByTestId('attention-positions-chart').getAttribute('data-positions') ?? '[]');
      assert.equal(positions.length, 6);
      for (const share of positions) assert.ok(share > 0.95, `a position is right ${share} of the time`);
      assert.ok(await page.getByTestId('attention-positions-chart').evaluate(colours) > 2, 'the positions chart is blank');
      assert.ok(await page.getByTestId('attention-exact-chart').evaluate(colours) > 2, 'the exact-match chart is blank');

      const readout = page.getByTestId('attention-knockout-readout');
      await page.getByTestId('attention-knock-0-0').check();
      await page.waitForFunction(() => document.querySelector('[data-testid="attention-knockout-readout"]')?.getAttribute('data-silenced') === '1');
      await page.getByTestId('attention-knock-all').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="attention-knockout-readout"]')?.getAttribute('data-silenced') === '2'
        && document.querySelector('[data-testid="attention-knockout-readout"]')?.getAttribute('data-test-accuracy') !== '');
      const silenced = Number(await readout.getAttribute('data-test-accuracy'));
      assert.ok(silenced < full - 0.5, `with every head silenced the test accuracy is ${silenced}, against ${full}`);
      assert.ok(Number(await readout.getAttribute('data-exact-match')) < 0.1);
      assert.ok(await page.getByTestId('attention-knockout-chart').evaluate(colours) > 2, 'the knock-out chart is blank');
      await page.getByTestId('attention-knock-none').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="attention-knockout-readout"]')?.getAttribute('data-test-accuracy') === '');
      assert.equal(await page.getByTestId('attention-knock-0-1').isChecked(), false);
    });
  });

  test('the text task shows the prompt\'s ten bars and causal matrices', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'task=text');
      await train(page, 1);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sequence-prompt-bar"]').length === 10);
      const probabilities = await page.getByTestId('sequence-prompt-bar').evaluateAll((all) =>
        all.map((bar) => Number(/** @type {HTMLElement} */ (bar).dataset.probability)));
      const total = probabilities.reduce((sum, p) => sum + p, 0);
      assert.ok(total > 0 && total <= 1 + 1e-6, `the bars sum to ${total}`);
      assert.deepEqual([...probabilities].sort((a, b) => b - a), probabilities, 'most likely first');
      await page.getByTestId('sequence-sample').click();
      await page.waitForFunction(() => (document.querySelector('[data-testid="sequence-sample-output"]')?.textContent ?? '')
        .trim().split(/\s+/).length > 3);
      assert.equal(await page.getByTestId('attention-input').isVisible(), false, 'no typed digits for the text');
      assert.equal(await page.getByTestId('attention-summary').getAttribute('data-exact-match'), '', 'no exact match for the text');
      // A word sees only the words up to it: no weight above the diagonal.
      const above = await page.getByTestId('attention-matrix').evaluateAll((all) =>
        all.map((canvas) => Number(/** @type {HTMLElement} */ (canvas).dataset.above)));
      assert.deepEqual(above, above.map(() => 0), 'nothing above the diagonal');
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });
});
