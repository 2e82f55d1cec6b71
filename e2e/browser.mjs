// Shared helpers for the page's end-to-end tests: launching Debian's Chromium through
// playwright-core, opening pages that record errors, and reading the numbers a page shows.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

/** The page under test; `cargo xtask test` serves the repository and sets this. */
export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8000/';

/** Where tests leave screenshots; `cargo xtask test` sets this to test-output/. */
export const ARTIFACTS = process.env.ARTIFACTS ?? 'test-output';

/**
 * Launches headless Chromium (`$CHROMIUM`, else Debian's /usr/bin/chromium), kept off the
 * network: the host-resolver rule stops it from calling update and account servers.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * Opens a fresh page, runs `body(page)`, then fails if the page threw an uncaught error or
 * logged a console error at any point (failed resource loads are console errors too).
 * @param {import('playwright-core').Browser} browser
 * @param {(page: import('playwright-core').Page) => Promise<void>} body
 */
export async function withPage(browser, body) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console error: ${message.text()} (at ${message.location().url || 'unknown'})`);
    }
  });
  try {
    await body(page);
  } finally {
    await page.close();
  }
  assert.deepEqual(errors, [], 'the page reported errors');
}

/**
 * The number shown as text: commas, spaces and a trailing `%` are ignored; NaN when blank.
 * @param {string | null} text
 */
export function parseShown(text) {
  const clean = (text ?? '').replace(/[,%\s]/g, '');
  return clean === '' ? Number.NaN : Number(clean);
}

/**
 * The number the element with `data-testid` = `id` shows.
 * @param {import('playwright-core').Page} page
 * @param {string} id
 */
export async function readNumber(page, id) {
  return parseShown(await page.getByTestId(id).textContent());
}

/**
 * Waits until every condition `[testid, '<' | '>' | '==', value]` holds for the numbers shown.
 * @param {import('playwright-core').Page} page
 * @param {Array<[string, '<' | '>' | '==', number]>} conditions
 * @param {number} timeout milliseconds
 */
export async function waitForNumbers(page, conditions, timeout = 20_000) {
  await page.waitForFunction(
    (conditions) =>
      conditions.every(([id, op, value]) => {
        // Runs in the page, so it repeats parseShown.
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        const clean = text.replace(/[,%\s]/g, '');
        const shown = clean === '' ? Number.NaN : Number(clean);
        if (op === '<') return shown < value;
        if (op === '>') return shown > value;
        return shown === value;
      }),
    conditions,
    { timeout },
  );
}

/**
 * Resolves after `frames` animation frames: the window in which a paused page must not move.
 * @param {import('playwright-core').Page} page
 * @param {number} frames
 */
export async function waitFrames(page, frames) {
  await page.evaluate(
    (frames) =>
      /** @type {Promise<void>} */ (new Promise((resolve) => {
        let left = frames;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      })),
    frames,
  );
}

/**
 * The longest main-thread task a lab that trains in a worker may run, in ms: the 100 ms within
 * which a press must be answered (RAIL). The page only draws, so its tasks are a few ms on a
 * quiet machine, yet a garbage collection and a compositor commit under the load of a shared
 * 2-core machine have made single tasks of 51-72 ms; training on the main thread would make
 * tasks of whole seconds.
 */
export const RESPONSE_MS = 100;

/**
 * Runs in the page: animation-frame times and the longest task while `ms` pass.
 * @param {number} ms
 * @returns {Promise<{times: number[], longest: number}>}
 */
export function frameTimes(ms) {
  return new Promise((done) => {
    /** @type {number[]} */
    const times = [];
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    const tick = (/** @type {number} */ now) => {
      times.push(now);
      if (now - start < ms) requestAnimationFrame(tick);
      else {
        observer.disconnect();
        done({ times, longest });
      }
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Runs in the page: how many different colours the canvas `element` shows.
 * @param {Element} element
 */
export function colours(element) {
  const canvas = /** @type {HTMLCanvasElement} */ (element);
  if (canvas.width === 0) return 0;
  const { data } = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).getImageData(0, 0, canvas.width, canvas.height);
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]);
  return seen.size;
}

/**
 * The address bar's link (after `#`) as settings.
 * @param {import('playwright-core').Page} page
 */
export async function linkOf(page) {
  return new URLSearchParams(await page.evaluate(() => window.location.hash.slice(1)));
}

/**
 * Runs in the page: a canvas's pixels (or the heatmap's) as one string.
 * @param {Element} element
 */
export function pixelsOf(element) {
  const canvas = /** @type {HTMLCanvasElement} */ (element);
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = /** @type {CanvasRenderingContext2D} */ (copy.getContext('2d'));
  context.drawImage(canvas, 0, 0);
  return copy.toDataURL();
}

/**
 * The middle value (the upper of the middle two for an even count; NaN for none).
 * @param {number[]} values
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
