// End-to-end tests of the network picture in headless Chromium: a node per feature and unit,
// "+N" for wide layers, layer/unit/feature controls that edit the link, thumbnails that show
// what the units learned, a weight editor that changes predictions without restarting, and a
// frame rate that holds at the largest network. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ARTIFACTS, BASE_URL, launchBrowser, readNumber, waitForNumbers, withPage,
} from './browser.mjs';

/** The seven features' keys, in the picture's order. */
const FEATURE_KEYS = ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY'];

/**
 * Opens the page at `hash` and waits for the picture's first unit.
 * @param {import('playwright-core').Page} page
 * @param {string} [hash]
 */
async function openPicture(page, hash = '') {
  const response = await page.goto(`${BASE_URL}${hash ? `#${hash}` : ''}`);
  assert.equal(response?.status(), 200);
  await page.getByTestId('neuron-1-0').waitFor();
  await waitForNumbers(page, [['step-count', '>', -1]]);
}

/**
 * Runs in the page: the distinct colours of a canvas (quantised to 16 levels per channel) and
 * the RGBA bytes, read by copying it onto a fresh canvas.
 * @param {Element} canvas
 */
function canvasColours(canvas) {
  const element = /** @type {HTMLCanvasElement} */ (canvas);
  const copy = document.createElement('canvas');
  copy.width = element.width;
  copy.height = element.height;
  const context = /** @type {CanvasRenderingContext2D} */ (copy.getContext('2d'));
  context.drawImage(element, 0, 0);
  const { data } = context.getImageData(0, 0, copy.width, copy.height);
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4) {
    colours.add(`${data[i] >> 4},${data[i + 1] >> 4},${data[i + 2] >> 4}`);
  }
  return { distinct: colours.size, bytes: Array.from(data) };
}

/**
 * The pixels of unit `testid`'s thumbnail.
 * @param {import('playwright-core').Page} page
 * @param {string} testid
 */
function thumbnail(page, testid) {
  return page.getByTestId(testid).locator('canvas').evaluate(canvasColours);
}

/**
 * The share link's `key` value (the hash holds only settings that differ from the defaults).
 * @param {import('playwright-core').Page} page
 * @param {string} key
 */
async function linkValue(page, key) {
  const hash = await page.evaluate(() => window.location.hash.slice(1));
  return new URLSearchParams(hash).get(key);
}

/**
 * Trains by playing until the step count passes `steps`, then pauses.
 * @param {import('playwright-core').Page} page
 * @param {number} steps
 */
async function train(page, steps) {
  await page.getByTestId('play').click();
  await waitForNumbers(page, [['step-count', '>', steps]]);
  await page.getByTestId('pause').click();
}

describe('network picture', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  test('shows a node per feature and unit of the default network, and +N for wide layers', () =>
    withPage(browser, async (page) => {
      await openPicture(page);
      for (const key of FEATURE_KEYS) await page.getByTestId(`feature-${key}`).waitFor();
      assert.equal(await page.getByTestId('feature-x').getAttribute('aria-pressed'), 'true');
      assert.equal(await page.getByTestId('feature-xSquared').getAttribute('aria-pressed'), 'false');
      assert.equal(await page.locator('[data-testid^="neuron-1-"]').count(), 12);
      assert.equal(await page.locator('[data-testid^="neuron-2-"]').count(), 12);
      assert.equal(await page.locator('[data-testid^="neuron-3-"]').count(), 1);
      assert.equal(await page.locator('[data-testid^="more-"]').count(), 0);
      assert.match(await page.getByTestId('layer-count').innerText(), /^2 hidden layers$/);
      await train(page, 300);
      await page.locator('#network-panel').screenshot({ path: join(ARTIFACTS, 'network-default.png') });

      for (let i = 0; i < 8; i += 1) await page.getByTestId('add-unit-1').click();
      await page.getByTestId('more-1').waitFor();
      assert.equal(await page.getByTestId('more-1').innerText(), '+8');
      assert.equal(await page.locator('[data-testid^="neuron-1-"]').count(), 12);
      assert.equal(await page.locator('[data-testid^="more-"]').count(), 1);
      assert.equal(await linkValue(page, 'networkShape'), '20,12');
      await page.getByTestId('remove-unit-2').click();
      await page.getByTestId('neuron-2-10').waitFor();
      assert.equal(await page.locator('[data-testid^="neuron-2-"]').count(), 11);
      assert.equal(await linkValue(page, 'networkShape'), '20,11');
      await page.locator('#network-panel').screenshot({ path: join(ARTIFACTS, 'network-wide.png') });
    }));

  test('the layer buttons add and remove hidden layers and update the link', () =>
    withPage(browser, async (page) => {
      await openPicture(page);
      await page.getByTestId('add-layer').click();
      await page.getByTestId('neuron-4-0').waitFor();
      assert.equal(await page.getByTestId('layer-count').innerText(), '3 hidden layers');
      assert.equal(await page.locator('[data-testid^="neuron-3-"]').count(), 12);
      assert.equal(await linkValue(page, 'networkShape'), '12,12,12');

      // By keyboard: Enter on a focused button, which keeps focus after the picture is rebuilt.
      await page.getByTestId('remove-layer').focus();
      for (const left of ['12,12', '12', '']) {
        await page.keyboard.press('Enter');
        // The link leaves out the default 12,12.
        await page.waitForFunction((shape) => (new URLSearchParams(window.location.hash.slice(1))
          .get('networkShape') ?? '12,12') === shape, left);
      }
      assert.equal(await page.getByTestId('layer-count').innerText(), '0 hidden layers');
      assert.equal(await page.getByTestId('remove-layer').isDisabled(), true);
      await page.getByTestId('neuron-1-0').waitFor();
      assert.equal(await page.locator('[data-testid^="neuron-"]').count(), 1, 'only the output is left');
      await page.getByTestId('add-layer').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('add-unit-1').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('neuron-1-4').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'add-unit-1');
      assert.equal(await linkValue(page, 'networkShape'), '5');
    }));

  test('feature toggles change the link, and the last input cannot be turned off', () =>
    withPage(browser, async (page) => {
      await openPicture(page);
      await page.getByTestId('feature-xSquared').click();
      await page.waitForFunction(() => window.location.hash.includes('xSquared=true'));
      assert.equal(await page.getByTestId('feature-xSquared').getAttribute('aria-pressed'), 'true');
      await page.getByTestId('feature-x').click();
      await page.waitForFunction(() => window.location.hash.includes('x=false'));
      await page.getByTestId('feature-y').click();
      await page.waitForFunction(() => window.location.hash.includes('y=false'));
      assert.equal(await page.getByTestId('error').isHidden(), true);
      await page.getByTestId('feature-xSquared').click();
      await page.getByTestId('error').waitFor();
      assert.match(await page.getByTestId('error').innerText(), /at least one input/);
      assert.equal(await page.getByTestId('feature-xSquared').getAttribute('aria-pressed'), 'true');
      assert.equal(await linkValue(page, 'xSquared'), 'true');
    }));

  test('thumbnails show what the units learned, enlarged on hover', () =>
    withPage(browser, async (page) => {
      await openPicture(page);
      await train(page, 2000);
      const hidden = await thumbnail(page, 'neuron-1-0');
      assert.ok(hidden.distinct > 3, `a first-layer unit shows ${hidden.distinct} colours`);
      const output = await thumbnail(page, 'neuron-3-0');
      assert.ok(output.distinct > 3, `the output shows ${output.distinct} colours`);
      const feature = await thumbnail(page, 'feature-x');
      assert.ok(feature.distinct > 3, `x1 shows ${feature.distinct} colours`);

      await page.getByTestId('neuron-2-3').hover();
      const popup = page.locator('.net-popup');
      await popup.waitFor();
      assert.match(await popup.innerText(), /Layer 2, unit 4[\s\S]*Values from -?[\d.e-]+ to -?[\d.e-]+/);
      const large = await popup.locator('canvas').boundingBox();
      const small = await page.getByTestId('neuron-2-3').boundingBox();
      assert.ok(large && small && large.width > 3 * small.width, 'the popup enlarges the map');
    }));

  test('the weight editor changes predictions live and refuses non-finite values', () =>
    withPage(browser, async (page) => {
      await openPicture(page);
      await train(page, 500);
      const steps = await readNumber(page, 'step-count');
      const before = await thumbnail(page, 'neuron-3-0');
      const heatmapBefore = await page.getByTestId('heatmap').evaluate(canvasColours);

      await page.getByTestId('neuron-3-0').click();
      const editor = page.getByTestId('link-editor');
      await editor.waitFor();
      assert.equal(await page.getByTestId('link-editor').locator('h3').innerText(), 'Output');
      assert.equal(await page.getByTestId('weight-source').locator('option:checked').innerText(), 'Bias');
      assert.match(await editor.innerText(), /not part of the link/);
      await page.getByTestId('weight-input').fill('');
      await page.keyboard.press('Enter');
      assert.match(await page.getByTestId('weight-error').innerText(), /finite number/);

      await page.getByTestId('weight-input').fill('3');
      await page.keyboard.press('Enter');
      await page.waitForFunction((old) => {
        const canvas = document.querySelector('[data-testid="neuron-3-0"] canvas');
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const context = copy.getContext('2d');
        context.drawImage(canvas, 0, 0);
        return context.getImageData(0, 0, copy.width, copy.height).data.some((v, i) => v !== old[i]);
      }, before.bytes);
      assert.equal(await page.getByTestId('weight-error').isHidden(), true);
      assert.equal(await readNumber(page, 'step-count'), steps, 'editing does not restart');
      const heatmapAfter = await page.getByTestId('heatmap').evaluate(canvasColours);
      assert.notDeepEqual(heatmapAfter.bytes, heatmapBefore.bytes, 'the prediction follows the bias');
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'hidden' });

      // A link: halfway between hidden layer 2's unit 1 and the output, where curves are apart.
      const from = await page.getByTestId('neuron-2-0').boundingBox();
      const to = await page.getByTestId('neuron-3-0').boundingBox();
      assert.ok(from && to);
      const point = {
        x: (from.x + from.width + to.x) / 2,
        y: (from.y + to.y + (from.height + to.height) / 2) / 2,
      };
      await page.mouse.move(point.x, point.y);
      await page.getByTestId('link-tooltip').waitFor();
      assert.match(await page.getByTestId('link-tooltip').innerText(), /from Layer 2, unit 1 to Output/);
      await page.mouse.click(point.x, point.y);
      await editor.waitFor();
      assert.equal(await page.getByTestId('weight-source').locator('option:checked').innerText(),
        'From Layer 2, unit 1');
      await page.getByTestId('weight-input').fill('-2.5');
      await page.getByTestId('weight-apply').click();
      await page.getByTestId('link-tooltip').waitFor({ state: 'hidden' });
      await page.mouse.move(point.x, point.y + 1);
      await page.mouse.move(point.x, point.y);
      await page.waitForFunction(() => /Weight -2\.5,/.test(
        document.querySelector('[data-testid="link-tooltip"]')?.textContent ?? ''));
      assert.equal(await readNumber(page, 'step-count'), steps);
    }));

  test('the picture speaks Chinese and fits a phone', () =>
    withPage(browser, async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await openPicture(page, 'lang=zh&networkShape=8,8,8,8,8,8');
      await page.waitForFunction(() => document.querySelector('[data-testid="layer-count"]')?.textContent === '6 个隐藏层');
      assert.equal(await page.getByTestId('add-layer').getAttribute('aria-label'), '添加一个隐藏层');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await page.locator('#network-panel').screenshot({ path: join(ARTIFACTS, 'network-phone-zh.png') });
    }));

  test('the largest network trains with the picture in view at a steady frame rate', () =>
    withPage(browser, async (page) => {
      await openPicture(page, 'networkShape=64,64,64,64,64,64,64,64');
      assert.equal(await page.getByTestId('more-8').innerText(), '+52');
      await page.locator('#network-panel').scrollIntoViewIfNeeded();
      await page.getByTestId('play').click();
      const frames = await page.evaluate(() => new Promise((resolve) => {
        const times = [];
        const tick = (time) => {
          times.push(time);
          if (time - times[0] < 3000) requestAnimationFrame(tick);
          else resolve(times);
        };
        requestAnimationFrame(tick);
      }));
      await page.getByTestId('pause').click();
      const gaps = frames.slice(1).map((time, i) => time - frames[i]).sort((a, b) => a - b);
      const median = gaps[Math.floor(gaps.length / 2)];
      // At most three display frames at 60 Hz: intervals come in steps of 16.7 ms.
      assert.ok(median <= 51, `median frame interval ${median.toFixed(1)} ms`);
      // The picture's own share: drawn in at most a third of the frames, for a small part of the time.
      const spent = await page.evaluate(([from, to]) => performance.getEntriesByName('network picture')
        .filter((entry) => entry.startTime >= from && entry.startTime <= to)
        .map((entry) => entry.duration), [frames[0], frames[frames.length - 1]]);
      const total = spent.reduce((sum, ms) => sum + ms, 0);
      assert.ok(spent.length >= 3, `the picture was drawn ${spent.length} times while playing`);
      assert.ok(spent.length <= gaps.length / 3 + 1, `drawn in ${spent.length} of ${gaps.length} frames`);
      assert.ok(total < 0.15 * (frames[frames.length - 1] - frames[0]), `drawing took ${total.toFixed(0)} ms`);
      assert.ok((await readNumber(page, 'step-count')) > 0);
      // One more epoch by hand: the picture catches up (at once, or once frames go quiet).
      const paused = await page.evaluate(() => performance.now());
      await page.getByTestId('step').click();
      await page.waitForFunction((after) => performance.getEntriesByName('network picture')
        .some((entry) => entry.startTime > after), paused);
      const deepest = await Promise.all(Array.from({ length: 12 }, (_, unit) => thumbnail(page, `neuron-8-${unit}`)));
      assert.ok(deepest.some((unit) => unit.distinct > 3), 'the deepest layer shows what it computes');
    }));
});
