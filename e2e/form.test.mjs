// End-to-end tests of the settings form and the top bar in headless Chromium: the form shows
// the engine's settings table, changes apply live or rebuild as they should and travel in the
// link, bad input is refused next to the field, the speed control paces training, and the
// default experiment learns the spiral. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL, launchBrowser, readNumber, waitForNumbers, waitFrames, withPage,
} from './browser.mjs';

/** Settings other parts of the page render: the features, the network's shape, added points. */
const ELSEWHERE = ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY', 'networkShape',
  'userPoints', 'speed'];
/** The containers the form fills. */
const FORM_ROOTS = '#data-panel, #training-panel, #view-settings, #language-setting';

/**
 * Opens `hash` (default: the default experiment) and waits until the form and numbers are up.
 * @param {import('playwright-core').Page} page
 * @param {string} [hash]
 */
async function openReady(page, hash = '') {
  const response = await page.goto(`${BASE_URL}${hash ? `#${hash}` : ''}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '>', -1], ['train-loss', '>', -Infinity]]);
  await page.getByTestId('setting-learningRate').waitFor();
}

/** The link's query (the address after `#`). */
function hashOf(/** @type {import('playwright-core').Page} */ page) {
  return page.evaluate(() => window.location.hash.slice(1));
}

/**
 * Types `text` into the field `key` and commits it with Enter.
 * @param {import('playwright-core').Page} page
 * @param {string} key
 * @param {string} text
 */
async function typeInto(page, key, text) {
  const box = page.getByTestId(`setting-${key}`);
  await box.fill(text);
  await box.press('Enter');
}

/**
 * Starts recording every step count the page shows, to check later that it never went back.
 * @param {import('playwright-core').Page} page
 */
function recordSteps(page) {
  return page.evaluate(() => {
    const shown = document.querySelector('[data-testid="step-count"]');
    const seen = /** @type {number[]} */ ([]);
    Object.assign(window, { seenSteps: seen });
    new MutationObserver(() => seen.push(Number(shown?.textContent?.replace(/,/g, ''))))
      .observe(/** @type {Node} */ (shown), { childList: true, characterData: true, subtree: true });
  });
}

describe('settings form', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('shows every setting of the engine\'s table except those other views render', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      const { expected, shown, elsewhere, unlabelled, noteless } = await page.evaluate(
        async ({ roots, skipped }) => {
          const wasm = /** @type {typeof import('../web/pkg/playground_wasm.js')} */ (
            await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href));
          const rows = /** @type {import('../web/shared/types.js').SettingRow[]} */ (wasm.settingsTable());
          const keys = rows.map((row) => row.key);
          const wrappers = [...document.querySelectorAll(roots)]
            .flatMap((root) => [...root.querySelectorAll('[data-setting]')]);
          const controls = wrappers.map((w) => /** @type {HTMLInputElement | HTMLSelectElement | null} */ (
            w.querySelector('input, select')));
          return {
            expected: keys.filter((key) => !skipped.includes(key)).sort(),
            shown: wrappers.map((w) => /** @type {HTMLElement} */ (w).dataset.setting).sort(),
            elsewhere: skipped.filter((key) => wrappers.some((w) => w.getAttribute('data-setting') === key)),
            // Every control has an accessible name: a label, or a labelled radio group.
            unlabelled: controls.filter((c) => !c || !(c.labels?.length || c.closest('[aria-labelledby]')))
              .map((c) => c?.outerHTML ?? 'missing control'),
            noteless: wrappers.filter((w) => !w.querySelector('p[data-note]'))
              .map((w) => w.getAttribute('data-setting')),
          };
        },
        { roots: FORM_ROOTS, skipped: ELSEWHERE },
      );
      assert.ok(expected.length >= 25, `the table has its settings: ${expected}`);
      assert.deepEqual(shown, expected);
      assert.deepEqual(elsewhere, []);
      assert.deepEqual(unlabelled, []);
      assert.deepEqual(noteless, []);
      for (const key of ['learningRate', 'activation', 'batchSize', 'momentum', 'seed', 'dataset']) {
        assert.equal(await page.getByTestId(`setting-${key}`).count(), 1, `setting-${key}`);
      }
    });
  });

  test('shows optimizer constants, schedule and penalty fields only when they apply', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      const visible = (/** @type {string} */ key) => page.locator(`[data-setting="${key}"]`).isVisible();
      assert.equal(await visible('momentum'), false);
      assert.equal(await visible('beta1'), false);
      assert.equal(await visible('regularizationRate'), false);
      assert.equal(await visible('classes'), true, 'the spiral chooses its classes');
      await page.getByTestId('setting-optimizer').selectOption('adam');
      await page.waitForFunction(() => window.location.hash.includes('optimizer=adam'));
      assert.deepEqual(
        await Promise.all(['beta1', 'beta2', 'momentum', 'weightDecay', 'rho'].map(visible)),
        [true, true, false, false, false],
      );
      await page.getByTestId('setting-regularization').selectOption('L2');
      await page.locator('[data-setting="regularizationRate"]').waitFor({ state: 'visible' });
      await page.getByTestId('setting-lrSchedule').selectOption('cosine');
      await page.locator('[data-setting="lrEpochs"]').waitFor({ state: 'visible' });
      assert.equal(await visible('lrDecay'), false, 'a cosine has no decay factor');
      await page.getByTestId('dataset-circle').click();
      await page.locator('[data-setting="classes"]').waitFor({ state: 'hidden' });
      await page.getByTestId('setting-problem').selectOption('regression');
      await page.locator('[data-setting="regDataset"]').waitFor({ state: 'visible' });
      assert.equal(await visible('dataset'), false);
      assert.equal(await visible('loss'), false, 'regression always learns with squared error');
    });
  });

  test('fields follow a link opened in the same page', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.evaluate(() => {
        window.location.hash = 'learningRate=0.3&activation=sigmoid&optimizer=nesterov&momentum=0.5&dataset=moons';
      });
      await page.waitForFunction(() => /** @type {HTMLInputElement} */ (
        document.querySelector('[data-testid="setting-learningRate"]')).value === '0.3');
      assert.equal(await page.getByTestId('setting-activation').inputValue(), 'sigmoid');
      assert.equal(await page.getByTestId('setting-momentum').inputValue(), '0.5');
      assert.ok(await page.locator('[data-setting="momentum"]').isVisible());
      assert.ok(await page.getByTestId('dataset-moons').locator('input').isChecked());
      assert.equal(await page.locator('[data-setting="classes"]').isVisible(), false);
    });
  });

  test('a new learning rate while training keeps the step count rising and enters the link', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', 200]]);
      await recordSteps(page);
      const before = await readNumber(page, 'step-count');
      await typeInto(page, 'learningRate', '0.03');
      await page.waitForFunction(() => window.location.hash.includes('learningRate=0.03'));
      await waitForNumbers(page, [['step-count', '>', before + 500]]);
      await page.getByTestId('pause').click();
      const seen = /** @type {number[]} */ (await page.evaluate(() =>
        /** @type {Window & {seenSteps?: number[]}} */ (window).seenSteps));
      assert.ok(seen.length > 0, 'the step count was watched');
      const back = seen.findIndex((steps, i) => steps < (i === 0 ? before : seen[i - 1]));
      assert.equal(back, -1, `the step count went back: ${seen.slice(Math.max(0, back - 2), back + 2)}`);
    });
  });

  test('a new activation or dataset starts over at step 0 and enters the link', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
      await page.getByTestId('setting-activation').selectOption('tanh');
      await waitForNumbers(page, [['step-count', '==', 0]]);
      assert.match(await hashOf(page), /(^|&)activation=tanh(&|$)/);

      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
      await page.getByTestId('dataset-xor').click();
      await waitForNumbers(page, [['step-count', '==', 0]]);
      assert.match(await hashOf(page), /(^|&)dataset=xor(&|$)/);
      assert.ok(await page.getByTestId('dataset-xor').locator('input').isChecked());
      assert.match(await hashOf(page), /(^|&)activation=tanh(&|$)/, 'the earlier change stays');
    });
  });

  test('an invalid number shows what is allowed beside the field and leaves the link alone', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      const allowed = await page.evaluate(async () => {
        const wasm = /** @type {typeof import('../web/pkg/playground_wasm.js')} */ (
          await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href));
        const rows = /** @type {import('../web/shared/types.js').SettingRow[]} */ (wasm.settingsTable());
        return Object.fromEntries(rows.map((row) => [row.key, row.allowed]));
      });
      const note = page.locator('[data-setting="learningRate"] [data-note]');
      for (const bad of ['abc', 'NaN', '1e999', '-0.1', '0', '0x10', '20', '0.1.2', '']) {
        const hash = await hashOf(page);
        await typeInto(page, 'learningRate', bad);
        await note.waitFor({ state: 'visible' });
        assert.ok((await note.textContent())?.includes(allowed.learningRate), `note for "${bad}"`);
        assert.equal(await hashOf(page), hash, `"${bad}" changed the link`);
        // A good value clears the note and applies.
        await typeInto(page, 'learningRate', '0.05');
        await note.waitFor({ state: 'hidden' });
      }
      assert.match(await hashOf(page), /learningRate=0\.05/);

      await typeInto(page, 'batchSize', '2.5');
      const batchNote = page.locator('[data-setting="batchSize"] [data-note]');
      await batchNote.waitFor({ state: 'visible' });
      assert.ok((await batchNote.textContent())?.includes(allowed.batchSize));
      await typeInto(page, 'seed', 'no spaces!');
      const seedNote = page.locator('[data-setting="seed"] [data-note]');
      await seedNote.waitFor({ state: 'visible' });
      assert.ok((await seedNote.textContent())?.includes(allowed.seed));
      assert.doesNotMatch(await hashOf(page), /batchSize|seed=/);
    });
  });

  test('switches, sliders, dice and Regenerate change the link', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.getByTestId('setting-showTestData').check();
      await page.waitForFunction(() => window.location.hash.includes('showTestData=true'));
      await page.getByTestId('setting-noise').fill('20');
      await page.waitForFunction(() => window.location.hash.includes('noise=20'));
      await page.getByTestId('dice-initSeed').click();
      await page.waitForFunction(() => /initSeed=\d+/.test(window.location.hash));
      const seeds = new Set();
      for (let i = 0; i < 2; i += 1) {
        await page.getByTestId('regenerate').click();
        await page.waitForFunction((known) => {
          const seed = /(?:^|[#&])seed=(\w+)/.exec(window.location.hash)?.[1];
          return seed !== undefined && !known.includes(seed);
        }, [...seeds]);
        seeds.add(/(?:^|[#&])seed=(\w+)/.exec(await hashOf(page))?.[1]);
      }
      assert.equal(seeds.size, 2, 'each Regenerate draws a new data seed');
      assert.equal(await page.getByTestId('setting-seed').inputValue(), [...seeds][1]);
    });
  });

  test('the speed control changes how fast epochs accrue', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      /** Epochs trained per second over `frames` frames of play at the chosen speed. */
      const rate = async (/** @type {string} */ speed, /** @type {number} */ frames) => {
        await page.getByTestId('speed').selectOption(speed);
        await page.getByTestId('play').click();
        await waitForNumbers(page, [['epoch-count', '>', await readNumber(page, 'epoch-count')]]);
        const start = { epochs: await readNumber(page, 'epoch-count'), ms: Date.now() };
        await waitFrames(page, frames);
        const epochs = await readNumber(page, 'epoch-count') - start.epochs;
        const seconds = (Date.now() - start.ms) / 1000;
        await page.getByTestId('pause').click();
        return epochs / seconds;
      };
      const slow = await rate('1', 90);
      assert.ok(slow > 0 && slow <= 2, `1 epoch/s trained ${slow.toFixed(2)} epochs/s`);
      const paced = await rate('10', 90);
      assert.ok(paced > 4 && paced <= 13, `10 epochs/s trained ${paced.toFixed(2)} epochs/s`);
      const fastest = await rate('max', 60);
      assert.ok(fastest > 5 * paced, `max trained ${fastest.toFixed(1)} epochs/s vs ${paced.toFixed(1)}`);
    });
  });

  test('three classes bring cross-entropy, Adam and 16-16-16, said beside the loss; a link keeps its loss', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      assert.equal(await page.getByTestId('note-loss').isVisible(), false);
      await page.getByTestId('setting-classes').selectOption('3');
      await page.waitForFunction(() => window.location.hash.includes('classes=3'));
      const hash = await hashOf(page);
      for (const part of ['loss=crossEntropy', 'optimizer=adam', 'learningRate=0.005',
        'networkShape=16,16,16']) {
        assert.ok(hash.includes(part), `${part} in ${hash}`);
      }
      await page.getByTestId('note-loss').waitFor({ state: 'visible' });
      assert.match(await page.getByTestId('note-loss').innerText(), /cross-entropy/);
      await page.goto(`${BASE_URL}#classes=3&loss=mse`);
      await page.waitForFunction(() => document.querySelector('[data-testid="setting-loss"]')
        instanceof HTMLSelectElement
        && /** @type {HTMLSelectElement} */ (document.querySelector('[data-testid="setting-loss"]'))
          .value === 'mse');
      assert.equal(await page.getByTestId('setting-loss').inputValue(), 'mse');
    });
  });

  test('the speed travels in the link and paces the page that opens it', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'speed=3');
      assert.equal(await page.getByTestId('speed').inputValue(), '3');
      await page.getByTestId('speed').selectOption('30');
      await page.waitForFunction(() => window.location.hash.includes('speed=30'));
      await page.getByTestId('speed').selectOption('max');
      await page.waitForFunction(() => !window.location.hash.includes('speed='));
    });
  });

  test('a refused value, a bad link and the speed menu are in Chinese on the Chinese page', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'lang=zh&noise=999');
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      assert.match(await banner.innerText(), /noise=999：噪声须为 0 到 50 之间的整数/);
      await typeInto(page, 'learningRate', '99');
      const note = page.locator('[data-setting="learningRate"] [data-note]');
      await note.waitFor({ state: 'visible' });
      assert.match(await note.innerText(), /须为 \(0, 10\] 范围内的数/);
      assert.equal(await page.locator('[data-testid="speed"] option[value="3"]').innerText(),
        '每秒 3 轮', 'the speed menu takes its labels from the table');
    });
  });

  test('the default page learns the 2-class spiral to over 90% test accuracy within 400 epochs', async () => {
    await withPage(browser, async (page) => {
      await openReady(page);
      assert.equal(await hashOf(page), 'v=1', 'the default experiment');
      // A set pace, so the epoch at which it gets there is read within a frame or two.
      await page.getByTestId('speed').selectOption('100');
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['test-accuracy', '>', 90]], 30_000);
      const epochs = await readNumber(page, 'epoch-count');
      await page.getByTestId('pause').click();
      assert.ok(epochs <= 400, `over 90% only after ${epochs} epochs`);
    });
  });
});
