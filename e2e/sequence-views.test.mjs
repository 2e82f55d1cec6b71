// End-to-end tests of the sequence lab's views in its page, in headless Chromium: the prompt box
// shows the ten likeliest next tokens as bars whose probabilities sum to at most 1 and refuses a
// word the corpus lacks with a message naming it, sampling writes text, the vanishing-gradient
// heatmap and the gate pictures draw, the gradient-norm chart counts every update, reversal
// says what the network gives back for its digits, and the RNN / LSTM / GRU comparison trains. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, colours, launchBrowser, readNumber, waitForNumbers, withPage } from './browser.mjs';

/**
 * Opens the sequence lab at `link` and waits until its views drew their first answer.
 * @param {import('playwright-core').Page} page
 * @param {string} link
 */
async function open(page, link) {
  const address = `${BASE_URL}#lab=sequence&${link}`;
  // A fresh load: going to another hash of the same page would not reload it.
  await page.goto('about:blank');
  const response = await page.goto(address);
  assert.equal(response?.status(), 200, `GET ${address}`);
  await page.waitForFunction(() => document.body.dataset.sequenceViews === '0', null, { timeout: 30_000 });
}

/**
 * Trains `epochs` epochs with the epoch button, then waits until the views show the last one.
 * @param {import('playwright-core').Page} page
 * @param {number} epochs
 */
async function train(page, epochs) {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    await page.getByTestId('epoch').click();
    await waitForNumbers(page, [['epoch-count', '==', epoch]], 30_000);
  }
  await page.waitForFunction((steps) => document.body.dataset.sequenceViews === String(steps), epochs * 100,
    { timeout: 30_000 });
}

describe('sequence lab views', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the prompt box shows 10 bars summing to at most 1, refuses an unknown word, and sampling writes text', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'hidden=16&batchSize=8');
      await train(page, 2);
      const bars = page.getByTestId('sequence-prompt-bar');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sequence-prompt-bar"]').length === 10);
      const probabilities = (await bars.evaluateAll((all) => all.map((bar) => Number(/** @type {HTMLElement} */ (bar).dataset.probability))));
      assert.equal(probabilities.length, 10);
      const total = probabilities.reduce((sum, p) => sum + p, 0);
      assert.ok(total > 0 && total <= 1 + 1e-6, `the bars sum to ${total}`);
      assert.deepEqual([...probabilities].sort((a, b) => b - a), probabilities, 'most likely first');

      await page.getByTestId('sequence-prompt-input').fill('我 爱 qwertyzz');
      const error = page.getByTestId('sequence-prompt-error');
      await error.waitFor({ state: 'visible' });
      assert.match(await error.textContent() ?? '', /qwertyzz/);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sequence-prompt-bar"]').length === 0);

      await page.getByTestId('sequence-prompt-input').fill('我');
      await error.waitFor({ state: 'hidden' });
      await page.getByTestId('sequence-temperature').fill('0.5');
      await page.getByTestId('sequence-sample').click();
      await page.waitForFunction(() => (document.querySelector('[data-testid="sequence-sample-output"]')?.textContent ?? '')
        .trim().split(/\s+/).length > 3);
      assert.ok(await page.getByTestId('error').isHidden(), 'no error');
    });
  });

  test('the gradient heatmap, the gate pictures and the charts draw', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'task=adding&length=20&hidden=16&batchSize=8');
      await train(page, 1);
      assert.equal(await page.getByTestId('sequence-prompt').isHidden(), true, 'no prompt box for the adding task');
      const heatmap = page.getByTestId('sequence-heatmap-canvas');
      assert.equal(await heatmap.getAttribute('data-cols'), '20');
      assert.ok(await heatmap.evaluate(colours) > 5, 'the heatmap is blank');
      const gates = page.getByTestId('sequence-gate-canvas');
      // The LSTM: four gates, the cell state and the hidden state.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sequence-gate-canvas"]').length === 6);
      for (const canvas of await gates.all()) assert.ok(await canvas.evaluate(colours) > 2, 'a gate picture is blank');
      assert.match(await page.getByTestId('sequence-gates-sequence').textContent() ?? '', /marked steps \d+ and \d+/);
      assert.equal(await page.getByTestId('sequence-gradnorm-chart').getAttribute('data-updates'), '100');
      for (const id of ['sequence-gradnorm-chart', 'sequence-loss-chart']) {
        assert.ok(await page.getByTestId(id).evaluate(colours) > 2, `${id} is blank`);
      }
      await page.getByTestId('setting-cell').selectOption('gru');
      await page.waitForFunction(() => window.location.hash.includes('cell=gru'));
      await train(page, 1);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="sequence-gate-canvas"]').length === 4);
    });
  });

  test('reversal reads digits then cues, and the views say what the LSTM gives back and how many digits are right', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'task=reverse&length=5');
      await train(page, 4);
      assert.equal(await page.getByTestId('sequence-prompt').isHidden(), true, 'no prompt box for reversal');
      // Five digits, then five cues: the heatmap has a column per step.
      assert.equal(await page.getByTestId('sequence-heatmap-canvas').getAttribute('data-cols'), '10');
      const said = await page.getByTestId('sequence-gates-sequence').textContent() ?? '';
      const read = said.match(/reads: ((?:\d )*\d), then 5 cues \(\?\) — gives back: ((?:\S+ )*\S+) \(right: ((?:\d )*\d)\)/);
      assert.ok(read, said);
      assert.equal(read[3], read[1].split(' ').reverse().join(' '), 'the right answer is the digits reversed');
      assert.equal(read[2].split(' ').length, 5, 'one digit given back per cue');
      const readout = await page.getByTestId('sequence-loss-readout').textContent() ?? '';
      const right = Number((readout.match(/([\d.]+)% of the digits given back right/) ?? [])[1]);
      const accuracy = await readNumber(page, 'test-accuracy');
      assert.ok(right > 40, `after 4 epochs ${right}% right: ${readout}`);
      assert.ok(Math.abs(right - accuracy) < 0.1, `the readout ${right}% and the metrics ${accuracy}% agree`);
      assert.match(readout, /baseline 2\.303 nats/);
    });
  });

  test('the RNN, LSTM and GRU comparison trains the three cells side by side', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'task=adding&length=10&hidden=8&batchSize=8');
      await page.getByTestId('sequence-compare-updates').selectOption('500');
      await page.getByTestId('sequence-compare-start').click();
      const readout = page.getByTestId('sequence-compare-readout');
      await page.waitForFunction(() => document.querySelector('[data-testid="sequence-compare-readout"]')?.getAttribute('data-steps') === '500',
        null, { timeout: 60_000 });
      const said = await readout.textContent() ?? '';
      for (const cell of ['RNN', 'LSTM', 'GRU']) assert.match(said, new RegExp(`${cell} \\d`), cell);
      assert.ok(await page.getByTestId('sequence-compare-chart').evaluate(colours) > 3, 'the chart is blank');
      await page.waitForFunction(() => !document.querySelector('[data-testid="sequence-compare"]')?.hasAttribute('data-running'));
    });
  });
});
