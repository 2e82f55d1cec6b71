// End-to-end tests of share links and the language in headless Chromium: a link copied from one
// page gives another page the same numbers, hostile links are reported and never run, the Share
// button copies (or offers the link by hand), and the language switch travels in the link.
// Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, readNumber, waitForNumbers, withPage } from './browser.mjs';

/**
 * Opens `hash` and waits until the experiment is up.
 * @param {import('playwright-core').Page} page
 * @param {string} [hash]
 */
async function openReady(page, hash = '') {
  const response = await page.goto(`${BASE_URL}${hash ? `#${hash}` : ''}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '>', -1], ['train-loss', '>', -Infinity]]);
  await page.getByTestId('setting-learningRate').waitFor();
}

/**
 * Clicks Step `times` times and returns the numbers shown after each click.
 * @param {import('playwright-core').Page} page
 * @param {number} times
 */
async function stepAndRead(page, times) {
  const readings = [];
  for (let i = 0; i < times; i += 1) {
    const steps = await readNumber(page, 'step-count');
    await page.getByTestId('step').click();
    await waitForNumbers(page, [['step-count', '>', steps]]);
    readings.push(await page.evaluate(() => ['step-count', 'epoch-count', 'train-loss', 'test-loss',
      'train-accuracy', 'test-accuracy']
      .map((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent)));
  }
  return readings;
}

describe('share links and language', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a link opened in a new page gives the same steps and losses after the same Steps', async () => {
    /** @type {string} */
    let link = '';
    /** @type {unknown[]} */
    let first = [];
    await withPage(browser, async (page) => {
      await openReady(page);
      await page.getByTestId('dataset-gauss').click();
      await page.getByTestId('setting-classes').selectOption('3');
      await page.getByTestId('setting-noise').fill('25');
      await page.getByTestId('setting-activation').selectOption('tanh');
      await page.getByTestId('setting-optimizer').selectOption('adam');
      const rate = page.getByTestId('setting-learningRate');
      await rate.fill('0.01');
      await rate.press('Enter');
      await page.getByTestId('dice-seed').click();
      await page.waitForFunction(() => /learningRate=0\.01/.test(window.location.hash)
        && /(^|[#&])seed=\d+/.test(window.location.hash));
      link = await page.evaluate(() => window.location.hash.slice(1));
      first = await stepAndRead(page, 4);
    });
    for (const part of ['dataset=gauss', 'classes=3', 'noise=25', 'activation=tanh', 'optimizer=adam']) {
      assert.ok(link.includes(part), `${part} in ${link}`);
    }
    await withPage(browser, async (page) => {
      await openReady(page, link);
      assert.ok(await page.getByTestId('error').isHidden(), 'the link opened without complaint');
      assert.equal(await page.getByTestId('setting-learningRate').inputValue(), '0.01');
      assert.ok(await page.getByTestId('dataset-gauss').locator('input').isChecked());
      assert.deepEqual(await stepAndRead(page, 4), first);
    });
  });

  test('a hostile link is named in the banner, falls back per key and runs nothing', async () => {
    const hostile = [
      'learningRate=1e999',
      'activation=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      'seed=javascript:alert(1)',
      'numSamples=99999999999',
      'networkShape=9999,9999,9999',
      'dataset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'noise=20',
    ].join('&');
    await withPage(browser, async (page) => {
      /** @type {string[]} */
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => undefined);
      });
      await openReady(page, hostile);
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      const text = (await banner.textContent()) ?? '';
      for (const key of ['learningRate', 'activation', 'seed', 'numSamples', 'networkShape', 'dataset']) {
        assert.ok(text.includes(`${key}=`), `the banner names ${key}: ${text}`);
      }
      assert.ok(text.includes('must be'), 'the banner says what is allowed');
      assert.equal(await banner.locator('*').count(), 0, 'the banner holds text only');
      assert.equal(await page.locator('img, iframe, object, embed').count(), 0, 'no injected element');
      assert.equal(await page.locator('script').count(), 1, 'only the page\'s own module script');
      // Bad keys fell back to their defaults; the good one was kept.
      assert.equal(await page.getByTestId('setting-learningRate').inputValue(), '0.1');
      assert.equal(await page.getByTestId('setting-activation').inputValue(), 'relu');
      assert.equal(await page.getByTestId('setting-noise').inputValue(), '20');
      assert.ok(await page.getByTestId('dataset-spiral').locator('input').isChecked());
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
      const hash = await page.evaluate(() => window.location.hash);
      assert.doesNotMatch(hash, /script|javascript|onerror/i, 'the link was rewritten clean');
      assert.deepEqual(dialogs, []);
    });
  });

  test('an oversized link opens the defaults and says why', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, `activation=tanh&seed=${'9'.repeat(70_000)}`);
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      assert.match((await banner.textContent()) ?? '', /link=.*at most \d+ bytes/s);
      assert.equal(await page.getByTestId('setting-activation').inputValue(), 'relu');
      assert.equal(await page.evaluate(() => window.location.hash), '#v=1');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
    });
  });

  test('Share copies the link and says so', async () => {
    await withPage(browser, async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(BASE_URL).origin,
      });
      await openReady(page, 'activation=tanh');
      await page.getByTestId('share').click();
      const status = page.getByTestId('share-status');
      await status.waitFor({ state: 'visible' });
      assert.equal(await status.textContent(), 'Link copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await page.evaluate(() => window.location.href));
      assert.match(copied, /#v=1&activation=tanh$/);
    });
  });

  test('without a clipboard, Share shows the link selected in a read-only field', async () => {
    await withPage(browser, async (page) => {
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      });
      await openReady(page, 'activation=sigmoid');
      await page.getByTestId('share').click();
      const field = page.getByTestId('share-link');
      await field.waitFor({ state: 'visible' });
      assert.equal(await field.inputValue(), await page.evaluate(() => window.location.href));
      assert.equal(await field.getAttribute('readonly'), '');
      const selected = await field.evaluate((input) => {
        const box = /** @type {HTMLInputElement} */ (input);
        return box.value.slice(box.selectionStart ?? 0, box.selectionEnd ?? 0);
      });
      assert.equal(selected, await field.inputValue(), 'the whole link is selected');
    });
  });

  test('the language switch turns the page Chinese and back, and lang=zh travels in the link', async () => {
    let link = '';
    const label = (/** @type {import('playwright-core').Page} */ page) =>
      page.locator('label[for="setting-learningRate"]');
    await withPage(browser, async (page) => {
      await openReady(page);
      assert.equal((await label(page).textContent())?.trim(), 'Learning rate');
      await page.getByTestId('language').selectOption('zh');
      await page.waitForFunction(() => window.location.hash.includes('lang=zh'));
      assert.equal((await label(page).textContent())?.trim(), '学习率');
      assert.equal((await page.getByTestId('play').textContent())?.trim(), '运行');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await page.locator('[data-testid="setting-activation"] option[value="linear"]')
        .textContent(), '线性（无）');
      const rate = page.getByTestId('setting-learningRate');
      await rate.fill('-1');
      await rate.press('Enter');
      const note = page.locator('[data-setting="learningRate"] [data-note]');
      await note.waitFor({ state: 'visible' });
      assert.match((await note.textContent()) ?? '', /^未应用：须为 \(0, 10\] 范围内的数/);
      link = await page.evaluate(() => window.location.hash.slice(1));

      await page.getByTestId('language').selectOption('en');
      await page.waitForFunction(() => window.location.hash.includes('lang=en'));
      assert.equal((await label(page).textContent())?.trim(), 'Learning rate');
      assert.equal((await page.getByTestId('play').textContent())?.trim(), 'Play');
    });
    await withPage(browser, async (page) => {
      await openReady(page, link);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal((await label(page).textContent())?.trim(), '学习率');
      assert.equal(await page.getByTestId('language').inputValue(), 'zh');
    });
  });
});
