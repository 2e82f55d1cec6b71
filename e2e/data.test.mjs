// End-to-end tests of data by hand and of export/import in headless Chromium: clicks on the
// output plane add points to the link and Shift-clicks remove them, exported weights give a
// fresh page the same predictions, refused files change nothing, and exported data is CSV.
// Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, pixelsOf, readNumber, waitForNumbers, waitFrames, withPage } from './browser.mjs';

/** The plane spans [-EXTENT, EXTENT] on both axes (gridExtent()). */
const EXTENT = 6;

/**
 * Opens `link` and waits until the model and the data toolbar are up.
 * @param {import('playwright-core').Page} page
 * @param {string} link the part after `#`
 */
async function openReady(page, link) {
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
  await page.getByTestId('user-point-count').waitFor();
}

/**
 * The added points in the address bar, as `[x, y, label]`.
 * @param {import('playwright-core').Page} page
 */
async function linkPoints(page) {
  const hash = await page.evaluate(() => window.location.hash.slice(1));
  const text = new URLSearchParams(hash).get('userPoints') ?? '';
  return text === '' ? [] : text.split(';').map((triple) => triple.split(',').map(Number));
}

/**
 * Clicks the heatmap at plane coordinates `(x, y)`.
 * @param {import('playwright-core').Page} page
 * @param {number} x
 * @param {number} y
 * @param {boolean} [shift]
 */
async function clickPlane(page, x, y, shift = false) {
  const box = await page.getByTestId('heatmap').boundingBox();
  assert.ok(box, 'the heatmap has a box');
  await page.getByTestId('heatmap').click({
    position: { x: ((x + EXTENT) / (2 * EXTENT)) * box.width, y: ((EXTENT - y) / (2 * EXTENT)) * box.height },
    modifiers: shift ? ['Shift'] : [],
  });
}

/**
 * Runs in the page: the colour of the heatmap pixel at plane coordinates `(x, y)`.
 * @param {{x: number, y: number, extent: number}} at
 */
function pixelAt({ x, y, extent }) {
  const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="heatmap"]'));
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = /** @type {CanvasRenderingContext2D} */ (copy.getContext('2d'));
  context.drawImage(canvas, 0, 0);
  const px = Math.round(((x + extent) / (2 * extent)) * canvas.width);
  const py = Math.round(((extent - y) / (2 * extent)) * canvas.height);
  return Array.from(context.getImageData(px, py, 1, 1).data).join(',');
}

/**
 * Clicks the download button `testId` and returns the file's name and text.
 * @param {import('playwright-core').Page} page
 * @param {string} testId
 */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

/** The numbers a page shows for its current predictions. */
async function shownLosses(/** @type {import('playwright-core').Page} */ page) {
  return Promise.all(['train-loss', 'test-loss', 'train-accuracy', 'test-accuracy'].map(
    (id) => page.getByTestId(id).textContent(),
  ));
}

describe('data by hand, export and import', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('a click adds a point of the chosen class to the link; Shift-click or Remove takes the nearest away', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1');
      assert.equal(await page.getByTestId('class-0').getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getByTestId('class-2').count(), 0, 'two classes, two buttons');
      const empty = await page.evaluate(pixelAt, { x: 3, y: 3, extent: EXTENT });

      await page.getByTestId('class-1').click();
      assert.equal(await page.getByTestId('class-1').getAttribute('aria-pressed'), 'true');
      await clickPlane(page, 3, 3);
      await waitForNumbers(page, [['user-point-count', '==', 1]]);
      let points = await linkPoints(page);
      assert.equal(points.length, 1, JSON.stringify(points));
      const [[x, y, label]] = points;
      assert.ok(Math.abs(x - 3) < 0.1 && Math.abs(y - 3) < 0.1, `point at ${x},${y}`);
      assert.equal(label, 1);
      assert.notEqual(await page.evaluate(pixelAt, { x, y, extent: EXTENT }), empty, 'the point is drawn');

      await page.getByTestId('class-0').click();
      await clickPlane(page, -3, -2);
      await waitForNumbers(page, [['user-point-count', '==', 2]]);
      points = await linkPoints(page);
      assert.deepEqual(points.map((point) => point[2]), [1, 0]);

      await clickPlane(page, 2.5, 3.5, true);
      await waitForNumbers(page, [['user-point-count', '==', 1]]);
      points = await linkPoints(page);
      assert.equal(points.length, 1);
      assert.ok(Math.abs(points[0][0] + 3) < 0.1 && points[0][2] === 0, JSON.stringify(points));
      assert.equal(await page.evaluate(pixelAt, { x: 3, y: 3, extent: EXTENT }), empty, 'the point is gone');

      await clickPlane(page, 4, -4);
      await waitForNumbers(page, [['user-point-count', '==', 2]]);
      await page.getByTestId('erase-points').click();
      assert.equal(await page.getByTestId('erase-points').getAttribute('aria-pressed'), 'true');
      await clickPlane(page, 4.2, -3.7);
      await waitForNumbers(page, [['user-point-count', '==', 1]]);
      assert.ok(Math.abs((await linkPoints(page))[0][0] + 3) < 0.1, 'Remove took the nearest');

      await page.getByTestId('clear-points').click();
      await waitForNumbers(page, [['user-point-count', '==', 0]]);
      assert.ok(!(await page.evaluate(() => window.location.hash)).includes('userPoints'));
      assert.ok(await page.getByTestId('error').isHidden());
    });
  });

  test('for regression a click adds a point with the slider value, and three classes get three buttons', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1&problem=regression');
      assert.equal(await page.getByTestId('class-0').count(), 0);
      const slider = page.getByTestId('point-value');
      await slider.evaluate((input) => {
        /** @type {HTMLInputElement} */ (input).value = '-0.45';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await clickPlane(page, -1, 4);
      await waitForNumbers(page, [['user-point-count', '==', 1]]);
      const [[, , label]] = await linkPoints(page);
      assert.equal(label, -0.45);
    });
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1&dataset=gauss&classes=3');
      assert.equal(await page.getByTestId('class-2').count(), 1);
      await page.getByTestId('class-2').click();
      await clickPlane(page, 0, 0);
      await waitForNumbers(page, [['user-point-count', '==', 1]]);
      assert.equal((await linkPoints(page))[0][2], 2);
    });
  });

  test('exported CSV has the header x,y,label,split and one row per point', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1&numSamples=300&userPoints=1,1,0;-2,2,1');
      const { name, text } = await download(page, 'export-data');
      assert.match(name, /\.csv$/);
      const lines = text.trim().split('\n');
      assert.equal(lines[0], 'x,y,label,split');
      assert.equal(lines.length, 1 + 300 + 2);
      assert.ok(lines.includes('-2,2,1,train'), 'the added point is a training row');
      assert.equal(lines.filter((line) => line.endsWith(',test')).length, 150);
    });
  });

  test('weights exported after training give a fresh page the same predictions', async () => {
    const link = 'v=1&dataset=xor&networkShape=4,3&activation=tanh';
    /** @type {{name: string, text: string}} */
    let weights = { name: '', text: '' };
    /** @type {string} */
    let trainedPixels = '';
    /** @type {Array<string | null>} */
    let trainedLosses = [];
    await withPage(browser, async (page) => {
      await openReady(page, link);
      for (let i = 0; i < 5; i += 1) await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 5]]);
      await waitFrames(page, 2);
      weights = await download(page, 'export-weights');
      assert.match(weights.text, /^\{"version":1,"sizes":\[2,4,3,1\]/);
      trainedPixels = await page.getByTestId('heatmap').evaluate(pixelsOf);
      trainedLosses = await shownLosses(page);
    });
    await withPage(browser, async (page) => {
      await openReady(page, link);
      assert.notDeepEqual(await shownLosses(page), trainedLosses, 'untrained differs from trained');
      await page.getByTestId('import-weights').setInputFiles({
        name: weights.name, mimeType: 'application/json', buffer: Buffer.from(weights.text),
      });
      await page.getByTestId('data-note').waitFor();
      await waitFrames(page, 2);
      assert.deepEqual(await shownLosses(page), trainedLosses);
      assert.equal(await page.getByTestId('heatmap').evaluate(pixelsOf), trainedPixels, 'the same heatmap');
      assert.ok(await page.getByTestId('error').isHidden());
      assert.equal(await readNumber(page, 'step-count'), 0, 'importing weights does not train');
      const again = await download(page, 'export-weights');
      assert.equal(again.text, weights.text, 'the weights read back bit for bit');
    });
  });

  test('a broken or mismatched weights file shows the banner and changes nothing', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1&dataset=xor&networkShape=4,3&activation=tanh');
      const pixels = await page.getByTestId('heatmap').evaluate(pixelsOf);
      const losses = await shownLosses(page);
      /** @type {Array<[string, string, RegExp]>} name, contents, the banner */
      const cases = [
        ['broken.json', '{"version":1,"sizes":[2,4', /broken\.json.*the weights JSON is not valid/],
        ['other.json', '{"version":1,"sizes":[2,8,1],"layers":[]}', /other\.json.*layers \[2, 8, 1\]/],
      ];
      for (const [name, text, expected] of cases) {
        await page.getByTestId('import-weights').setInputFiles({
          name, mimeType: 'application/json', buffer: Buffer.from(text),
        });
        await page.getByTestId('error').waitFor();
        assert.match(await page.getByTestId('error').textContent() ?? '', expected);
        assert.equal(await page.getByTestId('heatmap').evaluate(pixelsOf), pixels, `${name} changed the heatmap`);
        assert.deepEqual(await shownLosses(page), losses);
        assert.ok(await page.getByTestId('data-note').isHidden());
      }
    });
  });

  test('imported data becomes added points, at most 200 of them, and bad data changes nothing', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1&numSamples=400');
      const csv = 'x,y,label,split\n1.234,-2,1,train\n0.5,0.5,0,test\n9,0,1,train\n';
      await page.getByTestId('import-data').setInputFiles({
        name: 'three.csv', mimeType: 'text/csv', buffer: Buffer.from(csv),
      });
      await waitForNumbers(page, [['user-point-count', '==', 2]]);
      assert.deepEqual(await linkPoints(page), [[1.23, -2, 1], [0.5, 0.5, 0]]);
      assert.match(await page.getByTestId('data-note').textContent() ?? '', /2 of the 3 points/);

      const exported = await download(page, 'export-data');
      await page.getByTestId('import-data').setInputFiles(exported.path);
      await waitForNumbers(page, [['user-point-count', '==', 200]]);
      assert.equal((await linkPoints(page)).length, 200);
      assert.match(await page.getByTestId('data-note').textContent() ?? '', /200 of the 402 points/);

      const link = await page.evaluate(() => window.location.hash);
      await page.getByTestId('import-data').setInputFiles({
        name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n1,2,7\n'),
      });
      await page.getByTestId('error').waitFor();
      assert.match(await page.getByTestId('error').textContent() ?? '', /userPoints.*class label/);
      assert.equal(await page.evaluate(() => window.location.hash), link, 'the link is unchanged');
      await page.getByTestId('import-data').setInputFiles({
        name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n1,two,0\n'),
      });
      await page.getByTestId('error').filter({ hasText: 'line 2' }).waitFor();
      assert.match(await page.getByTestId('error').textContent() ?? '', /words\.csv/);
      assert.equal(await page.evaluate(() => window.location.hash), link);
    });
  });
});
