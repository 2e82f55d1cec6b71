// End-to-end tests of the page's input limits in headless Chromium: a data or weights file over
// the import limit is refused before it is read, naming the limit, and the weight editor refuses
// what is not a finite 32-bit number beside the field, so nothing non-finite is drawn. Needs
// BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  launchBrowser, pixelsOf, waitForNumbers, withPage,
} from './browser.mjs';
import {
  openReady, snapshot, settle,
} from './limits-probes.mjs';

describe('input limits', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a data or weights file over the size limit is refused before it is read, naming the limit', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, 'numSamples=400');
      await page.getByTestId('user-point-count').waitFor();
      const limit = await page.evaluate(async () =>
        (await import(new URL('web/plane/files.js', document.baseURI).href)).MAX_FILE_BYTES);
      // The largest files the page writes fit with room to spare: the weights of 8 layers of 64
      // units on all seven inputs and six classes, and the data of the most points (2,200).
      const largest = await page.evaluate(async () => {
        const module = await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href);
        const bytes = (/** @type {string} */ text) => new TextEncoder().encode(text).length;
        const features = 'x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
        const weights = module.Playground.fromQuery(
          `dataset=spiral&classes=6&loss=crossEntropy&networkShape=64,64,64,64,64,64,64,64&${features}`);
        const added = Array.from({ length: module.maxUserPoints() },
          (_, i) => `${(i % 20) / 4 - 2},${Math.floor(i / 20) / 4 - 2},${i % 2}`).join(';');
        const data = module.Playground.fromQuery(`numSamples=2000&userPoints=${encodeURIComponent(added)}`);
        const sizes = {
          weights: bytes(weights.exportWeights()),
          csv: bytes(data.exportDataCsv()),
          json: bytes(data.exportDataJson()),
          points: data.points().length / 4,
        };
        weights.free();
        data.free();
        return sizes;
      });
      context.diagnostic(`limit ${limit} bytes; largest weights file ${largest.weights}, data of `
        + `${largest.points} points ${largest.csv} (CSV) and ${largest.json} (JSON)`);
      assert.equal(largest.points, 2200);
      for (const size of [largest.weights, largest.csv, largest.json]) {
        assert.ok(2 * size < limit, `a file of ${size} bytes has less than twice the room it needs`);
      }

      // Every read of a file's contents is recorded.
      await page.evaluate(() => {
        const seen = /** @type {any} */ (window);
        seen.reads = [];
        for (const [proto, names] of /** @type {Array<[any, string[]]>} */ ([
          [Blob.prototype, ['text', 'arrayBuffer', 'stream', 'slice', 'bytes']],
          [FileReader.prototype, ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']],
        ])) {
          for (const name of names) {
            const original = proto[name];
            if (typeof original !== 'function') continue;
            proto[name] = function recorded(/** @type {unknown[]} */ ...args) {
              seen.reads.push(name);
              return original.apply(this, args);
            };
          }
        }
      });
      const points = '{"version":1,"train":[{"x":1,"y":1,"label":1},{"x":-1,"y":-1,"label":0},'
        + '{"x":2,"y":-2,"label":1}],"test":[]}';
      const padded = (/** @type {number} */ size) => Buffer.from(points + ' '.repeat(size - points.length));
      const link = await page.evaluate(() => window.location.hash);
      const heatmap = await page.getByTestId('heatmap').evaluate(pixelsOf);

      for (const [input, refused] of [['import-data', 'The data in big.json was not imported: '],
        ['import-weights', 'The weights in big.json were not imported: ']]) {
        await page.getByTestId(input).setInputFiles({
          name: 'big.json', mimeType: 'application/json', buffer: padded(limit + 1),
        });
        const banner = page.getByTestId('error');
        await banner.filter({ hasText: 'big.json' }).waitFor();
        const text = (await banner.textContent()) ?? '';
        assert.ok(text.startsWith(refused), text);
        assert.match(text, /the file is 2\.000001 MB, larger than the 2 MB a file may have; it was not read/);
        assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).reads), [], 'nothing was read');
        assert.equal(await page.evaluate(() => window.location.hash), link, 'the link is unchanged');
        assert.equal(await page.getByTestId('heatmap').evaluate(pixelsOf), heatmap, 'the heatmap is unchanged');
        await page.evaluate(() => {
          /** @type {HTMLElement} */ (document.querySelector('[data-testid="error"]')).hidden = true;
        });
      }
      assert.match(await page.getByTestId('import-data').locator('xpath=..').getAttribute('title') ?? '', /at most 2 MB/);

      // At the limit, a file is read and imported.
      await page.getByTestId('import-data').setInputFiles({
        name: 'spaced.json', mimeType: 'application/json', buffer: padded(limit),
      });
      await waitForNumbers(page, [['user-point-count', '==', 3]]);
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).reads), ['text']);
      assert.match(await page.getByTestId('data-note').textContent() ?? '', /3 of the 3 points in spaced\.json/);

      // In Chinese.
      await page.evaluate(() => { window.location.hash = 'numSamples=400&lang=zh'; });
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      await page.getByTestId('import-data').setInputFiles({
        name: 'big.csv', mimeType: 'text/csv', buffer: padded(limit + 1),
      });
      await page.getByTestId('error').filter({ hasText: 'big.csv' }).waitFor();
      assert.match(await page.getByTestId('error').textContent() ?? '',
        /没有导入 big\.csv 中的数据：文件大小为 2\.000001 MB，超过了文件最大允许的 2 MB，没有读取/);
      assert.match(await page.getByTestId('import-data').locator('xpath=..').getAttribute('title') ?? '', /文件最大 2 MB/);
    });
  });

  test('the weight editor refuses 1e39, NaN, abc and an empty field beside it, and nothing non-finite is drawn', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'networkShape=3&dataset=xor');
      await page.getByTestId('neuron-1-0').waitFor();
      await page.locator('#network-panel').scrollIntoViewIfNeeded();
      for (let i = 0; i < 3; i += 1) await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 3]]);
      await settle(page);
      const before = await snapshot(page);

      await page.getByTestId('neuron-2-0').click();
      await page.getByTestId('link-editor').waitFor();
      const field = page.getByTestId('weight-input');
      const error = page.getByTestId('weight-error');
      const expected = {
        '1e39': /^1e39 is too large for a weight, which is a 32-bit number: enter one from -3\.4e38 to 3\.4e38\.$/,
        NaN: /^Enter a (value: a )?finite number, like 0\.5 or -2\.$/,
        abc: /^Enter a (value: a )?finite number, like 0\.5 or -2\.$/,
        '': /^Enter a value: a finite number, like 0\.5 or -2\.$/,
      };
      for (const [typed, message] of Object.entries(expected)) {
        await field.fill('');
        await field.pressSequentially(typed);
        await page.keyboard.press('Enter');
        await error.waitFor();
        assert.match(await error.innerText(), message, `typed ${JSON.stringify(typed)}`);
        assert.equal(await field.getAttribute('aria-invalid'), 'true');
        assert.ok(await page.getByTestId('link-editor').isVisible(), 'the editor stays open');
        await settle(page);
        assert.deepEqual(await snapshot(page), before, `after ${JSON.stringify(typed)} nothing changed`);
      }
      // The largest finite 32-bit number is a weight; the field's message goes.
      await field.fill('3.4e38');
      await page.keyboard.press('Enter');
      await error.waitFor({ state: 'hidden' });
      assert.equal(await field.getAttribute('aria-invalid'), 'false');
      await settle(page);
      assert.notEqual((await snapshot(page)).picture, before.picture, 'the weight was set');
      assert.doesNotMatch(await page.evaluate(() => document.body.innerText), /\bNaN\b|Infinity/);

      // The handle refuses the same numbers itself.
      const refused = await page.evaluate(async () => {
        const module = await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href);
        const playground = new module.Playground({ networkShape: [3] });
        const tries = [1e39, -1e39, Number.NaN, Infinity, 3.4e38].map((value) => {
          try {
            playground.setWeight(0, 0, 0, value);
            return 'set';
          } catch (failure) {
            return failure instanceof Error ? failure.message : String(failure);
          }
        });
        playground.free();
        return tries;
      });
      for (const message of refused.slice(0, 4)) assert.match(message, /finite number of at most about ±3\.4e38/);
      assert.equal(refused[4], 'set');
    });
  });
});
