// End-to-end tests of the digits lab's views in its page, in headless Chromium: each view draws, the
// parameter table counts the default CNN, the confusion matrix covers the test set, the gallery
// counts the mistakes, the drawing pad answers the mouse and the keyboard with probabilities
// that sum to 1, a feature-map pixel lights its receptive field, and the translation chart puts
// the CNN above its MLP twin. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { convStages, receptiveField } from '../web/labs/digits/views/receptive.js';
import { BASE_URL, launchBrowser, waitForNumbers, withPage } from './browser.mjs';

/** Test images in the default split. */
const TEST_IMAGES = 445;

/**
 * Opens the digits lab at `link` and waits until its views got their first answer.
 * @param {import('playwright-core').Page} page
 * @param {string} [link]
 */
async function open(page, link = '') {
  const address = `${BASE_URL}#lab=digits${link ? `&${link}` : ''}`;
  // A fresh load: going to another hash of the same page would not reload it.
  await page.goto('about:blank');
  const response = await page.goto(address);
  assert.equal(response?.status(), 200, `GET ${address}`);
  await page.waitForFunction(() => document.querySelector('[data-testid="digits-confusion-matrix"]')?.getAttribute('data-total'),
    null, { timeout: 30_000 });
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
  await page.waitForFunction((epochs) => (document.querySelector('[data-testid="digits-translation-legend"]')?.textContent ?? '')
    .includes(`model, epoch ${epochs})`), epochs, { timeout: 30_000 });
}

/**
 * Runs in the page: how many different colours the canvas with data-testid `id` shows.
 * @param {string} id
 */
function colours(id) {
  const canvas = /** @type {HTMLCanvasElement | null} */ (document.querySelector(`[data-testid="${id}"]`));
  if (!canvas || canvas.width === 0) return 0;
  const { data } = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).getImageData(0, 0, canvas.width, canvas.height);
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
  return seen.size;
}

/**
 * The pad's probabilities once they differ from `before` (JSON), as numbers.
 * @param {import('playwright-core').Page} page
 * @param {string} before
 */
async function probabilitiesAfter(page, before) {
  const handle = await page.waitForFunction((before) => {
    const shown = document.querySelector('[data-testid="digits-pad-probabilities"]')?.getAttribute('data-probabilities');
    return shown && shown !== before ? shown : null;
  }, before);
  return /** @type {number[]} */ (JSON.parse(/** @type {string} */ (await handle.jsonValue())));
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} id
 * @param {string} name
 */
async function attribute(page, id, name) {
  return (await page.getByTestId(id).getAttribute(name)) ?? '';
}

test('receptive fields grow by k - 1 per convolution and double through each pooling', () => {
  const conv = (/** @type {number} */ k, /** @type {number} */ filters, /** @type {number} */ channels) => ({ kind: 'conv', shape: [filters, channels, k, k] });
  const map = (/** @type {number} */ side) => ({ shape: [1, 4, side, side] });
  const field = (/** @type {ReturnType<typeof receptiveField>} */ box) => [box.top, box.left, box.bottom, box.right];
  // 5 x 5 kernels, no pooling: 5 x 5 around the pixel, then 9 x 9 clipped to the image.
  const flat = convStages([conv(5, 4, 1), conv(5, 4, 4)], [map(8), map(8)]);
  assert.deepEqual(field(receptiveField(flat, 0, 3, 3)), [1, 1, 5, 5]);
  assert.deepEqual(field(receptiveField(flat, 1, 3, 3)), [0, 0, 7, 7]);
  assert.deepEqual(field(receptiveField(flat, 0, 0, 7)), [0, 5, 2, 7]);
  // 3 x 3 kernels with 2 x 2 pooling: a pooled pixel covers 2 x 2 conv pixels, so 4 x 4 inputs;
  // the second layer's pixel (0, 0) covers conv-2 pixels 0-1, conv-1 pooled pixels 0-2, inputs 0-6.
  const pooled = convStages([conv(3, 4, 1), conv(3, 4, 4), { kind: 'dense', shape: [16, 10] }], [map(4), map(2), { shape: [1, 10] }]);
  assert.deepEqual(pooled.map((stage) => stage.pooled), [true, true]);
  assert.deepEqual(field(receptiveField(pooled, 0, 1, 1)), [1, 1, 4, 4]);
  assert.deepEqual(field(receptiveField(pooled, 1, 0, 0)), [0, 0, 6, 6]);
});

describe('digits views', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('every view draws after an epoch, and the table counts the default CNN', async () => {
    await withPage(browser, async (page) => {
      await open(page);
      await train(page, 1);
      await page.waitForSelector('[data-testid="digits-maps-layer-1"]');
      for (const id of ['digits-kernels-1', 'digits-kernels-2', 'digits-maps-input', 'digits-maps-layer-1',
        'digits-maps-layer-2', 'digits-maps-layer-3', 'digits-confusion-matrix', 'digits-pad-canvas',
        'digits-pad-probabilities', 'digits-translation-chart']) {
        assert.ok(await page.evaluate(colours, id) > 2, `${id} is blank`);
      }
      const rows = await page.locator('[data-testid="digits-params"] tbody tr').allTextContents();
      assert.deepEqual(rows, ['conv 116 x 1 x 3 x 3160', 'conv 232 x 16 x 3 x 34,640', 'dense128 x 101,290']);
      assert.equal(await page.locator('[data-testid="digits-params"] tfoot tr').getAttribute('data-total'), '6090');
    });
  });

  test('the confusion matrix covers the test set and names a cell on hover; the gallery counts the mistakes', async () => {
    await withPage(browser, async (page) => {
      await open(page);
      await train(page, 2);
      assert.equal(Number(await attribute(page, 'digits-confusion-matrix', 'data-total')), TEST_IMAGES);
      const correct = Number(await attribute(page, 'digits-confusion-matrix', 'data-correct'));
      const matrix = page.getByTestId('digits-confusion-matrix');
      await matrix.hover({ position: { x: 22 + 3 * 28 + 14, y: 22 + 3 * 28 + 14 } });
      assert.match(await matrix.getAttribute('title') ?? '', /^true 3, predicted 3: \d+$/);
      await page.waitForFunction(() => document.querySelector('[data-testid="digits-gallery-count"]')?.getAttribute('data-count'));
      const wrong = Number(await attribute(page, 'digits-gallery-count', 'data-count'));
      assert.equal(wrong, TEST_IMAGES - correct);
      assert.match(await page.getByTestId('digits-gallery-count').textContent() ?? '', new RegExp(`^${wrong} of ${TEST_IMAGES} `));
      assert.equal(await page.locator('.digits-gallery-item').count(), Math.min(60, wrong));
      // Choosing a mistake shows it in the feature maps, read as the gallery says.
      const first = page.locator('.digits-gallery-item').first();
      const [index, truth, predicted] = await Promise.all(['data-index', 'data-truth', 'data-predicted']
        .map(async (name) => Number(await first.getAttribute(name))));
      await first.click();
      await page.waitForFunction((expected) => document.querySelector('[data-testid="digits-maps-label"]')?.textContent?.startsWith(expected),
        `test image ${index + 1} of ${TEST_IMAGES}: a ${truth}, read as ${predicted} `);
    });
  });

  test('the pad answers mouse drawing and the keyboard with probabilities that sum to 1', async () => {
    await withPage(browser, async (page) => {
      await open(page);
      await train(page, 3);
      const pad = page.getByTestId('digits-pad-canvas');
      await pad.scrollIntoViewIfNeeded();
      const box = await pad.boundingBox();
      assert.ok(box, 'the pad has a box');
      let before = await attribute(page, 'digits-pad-probabilities', 'data-probabilities');
      await page.mouse.move(box.x + 1 + 2.5 * 28, box.y + 1 + 1.5 * 28);
      await page.mouse.down();
      await page.mouse.move(box.x + 1 + 5.5 * 28, box.y + 1 + 1.5 * 28, { steps: 6 });
      await page.mouse.move(box.x + 1 + 3.5 * 28, box.y + 1 + 6.5 * 28, { steps: 8 });
      await page.mouse.up();
      const drawn = await probabilitiesAfter(page, before);
      assert.ok(Number(await attribute(page, 'digits-pad-canvas', 'data-ink')) >= 6, 'the stroke inked cells');
      assert.ok(Math.abs(drawn.reduce((a, b) => a + b, 0) - 1) < 1e-4, `sums to 1: ${drawn}`);

      before = JSON.stringify(drawn);
      const ink = Number(await attribute(page, 'digits-pad-canvas', 'data-ink'));
      await pad.focus();
      // The cursor starts at row 4, column 4: up to row 1, which the stroke left empty.
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      const typed = await probabilitiesAfter(page, before);
      assert.equal(Number(await attribute(page, 'digits-pad-canvas', 'data-ink')), ink + 2, 'the keys inked two cells');
      assert.ok(Math.abs(typed.reduce((a, b) => a + b, 0) - 1) < 1e-4, `sums to 1: ${typed}`);

      await page.getByTestId('digits-pad-clear').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="digits-pad-canvas"]')?.getAttribute('data-ink') === '0.00');
      await page.getByTestId('digits-pad-load').click();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="digits-pad-canvas"]')?.getAttribute('data-ink')) > 5);
    });
  });

  test('a first-layer pixel lights its k x k field without pooling, and a wider one through pooling', async () => {
    await withPage(browser, async (page) => {
      await open(page, 'pooling=none');
      await train(page, 1);
      const layer = page.getByTestId('digits-maps-layer-1');
      await layer.waitFor();
      const [gap, cell, tile] = await Promise.all(['data-gap', 'data-cell', 'data-tile'].map(
        async (name) => Number(await layer.getAttribute(name))));
      // Map 2 (the second tile), row 3, column 4: away from the border of the 8 x 8 map.
      await layer.click({ position: { x: gap + tile + 4 * cell + cell / 2, y: gap + 3 * cell + cell / 2 } });
      await page.waitForFunction(() => document.querySelector('[data-testid="digits-maps-input"]')?.getAttribute('data-lit') !== '0');
      assert.equal(await attribute(page, 'digits-maps-input', 'data-lit'), '9');
      assert.equal(await attribute(page, 'digits-maps-input', 'data-field'), '2,3,4,5');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('[data-testid="digits-maps-input"]')?.getAttribute('data-field') === '2,4,4,6');

      await open(page, 'pooling=max');
      await page.waitForFunction(() => document.querySelector('[data-testid="digits-maps-layer-1"]')?.getAttribute('data-cell') === '8');
      const pooled = page.getByTestId('digits-maps-layer-1');
      await pooled.focus();
      await page.keyboard.press('ArrowUp');
      // The middle of a 4 x 4 map, (2, 2): conv pixels 4-5, input pixels 3-6.
      await page.waitForFunction(() => document.querySelector('[data-testid="digits-maps-input"]')?.getAttribute('data-lit') === '16');
      assert.equal(await attribute(page, 'digits-maps-input', 'data-field'), '3,3,6,6');
    });
  });

  test('the translation chart puts the CNN above its MLP twin at 1 px after 10 epochs', async () => {
    await withPage(browser, async (page) => {
      await open(page);
      await train(page, 10);
      await page.waitForFunction(() => {
        const legend = document.querySelector('[data-testid="digits-translation-legend"]')?.textContent ?? '';
        return legend.includes('epoch 10') && !legend.includes('catching up');
      }, null, { timeout: 60_000 });
      assert.equal(await attribute(page, 'digits-translation-chart', 'data-curves'), '2');
      const cnn = JSON.parse(await attribute(page, 'digits-translation-chart', 'data-main'));
      const mlp = JSON.parse(await attribute(page, 'digits-translation-chart', 'data-twin'));
      assert.ok(cnn[1] > mlp[1], `CNN ${cnn} above MLP ${mlp} at 1 px`);
      assert.ok(cnn[0] > 0.9, `the CNN learned: ${cnn}`);
    });
  });
});
