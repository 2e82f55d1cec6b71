// End-to-end tests of placing points with the keyboard alone in headless Chromium: Tab reaches
// the output plane, the arrow keys move a visible cross, Enter and the class digits add points
// to the link's userPoints, Delete removes the nearest, and the help line is in both languages.
// Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, readNumber, waitForNumbers, withPage } from './browser.mjs';

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
 * Presses Tab until the output plane has focus; fails after 400 presses.
 * @param {import('playwright-core').Page} page
 */
async function tabToPlane(page) {
  for (let presses = 0; presses < 400; presses += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).dataset?.testid);
    if (id === 'heatmap') return;
  }
  assert.fail('Tab never reached the output plane');
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
 * Presses `key` `times` times.
 * @param {import('playwright-core').Page} page
 * @param {string} key
 * @param {number} times
 */
async function press(page, key, times) {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

describe('points from the keyboard', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('arrows move a visible cross; a digit, Enter and Delete change userPoints', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'v=1');
      assert.equal(await readNumber(page, 'user-point-count'), 0);
      const cross = page.getByTestId('plane-cursor');
      assert.ok(await cross.isHidden(), 'no cross before the plane has focus');
      await tabToPlane(page);
      assert.ok(await cross.isVisible(), 'the cross shows once Tab reaches the plane');

      // (0, 0) -> (1, 0.5) in steps of 0.5, then up 0.1 with Shift
      await press(page, 'ArrowRight', 2);
      await press(page, 'ArrowUp', 1);
      await press(page, 'Shift+ArrowUp', 1);
      assert.match(await page.getByTestId('plane-cursor-said').textContent() ?? '', /\(1, 0\.6\)/);
      const plane = await page.getByTestId('heatmap').boundingBox();
      const mark = await cross.boundingBox();
      assert.ok(plane && mark, 'the plane and the cross are laid out');
      const centre = { x: mark.x + mark.width / 2, y: mark.y + mark.height / 2 };
      const expected = {
        x: plane.x + ((1 + EXTENT) / (2 * EXTENT)) * plane.width,
        y: plane.y + ((EXTENT - 0.6) / (2 * EXTENT)) * plane.height,
      };
      assert.ok(Math.hypot(centre.x - expected.x, centre.y - expected.y) < 1.5,
        `the cross sits at (1, 0.6): ${JSON.stringify(centre)} vs ${JSON.stringify(expected)}`);

      // a digit past the class count does nothing; 2 adds a point of class 2 (label 1)
      await page.keyboard.press('5');
      assert.deepEqual(await linkPoints(page), []);
      await page.keyboard.press('2');
      await waitForNumbers(page, [['user-point-count', '==', 1]]);
      assert.deepEqual(await linkPoints(page), [[1, 0.6, 1]]);
      assert.equal(await page.getByTestId('class-1').getAttribute('aria-pressed'), 'true');

      // Enter adds one of the chosen class where the cross is
      await press(page, 'ArrowLeft', 4);
      await press(page, 'ArrowDown', 14);
      await page.keyboard.press('Enter');
      await waitForNumbers(page, [['user-point-count', '==', 2]]);
      assert.deepEqual(await linkPoints(page), [[1, 0.6, 1], [-1, -6, 1]], 'the cross stops at the edge');

      // Delete removes the added point nearest the cross
      await page.keyboard.press('Delete');
      await waitForNumbers(page, [['user-point-count', '==', 1]]);
      assert.deepEqual(await linkPoints(page), [[1, 0.6, 1]]);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'heatmap',
        'the plane keeps focus');
    });
  });

  test('the plane is described by the key help, in English and in Chinese', async () => {
    for (const [lang, words] of /** @type {Array<[string, RegExp]>} */ ([['en', /arrow keys/], ['zh', /方向键/]])) {
      // a page each: a second goto that changes only the hash would not load the page again
      await withPage(browser, async (page) => {
        await openReady(page, `v=1&lang=${lang}`);
        const help = await page.evaluate(() => {
          const plane = document.querySelector('[data-testid="heatmap"]');
          const id = plane?.getAttribute('aria-describedby') ?? '';
          return document.getElementById(id)?.textContent ?? '';
        });
        assert.match(help, words, `${lang}: ${help}`);
      });
    }
  });
});
