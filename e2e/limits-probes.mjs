// What the limits tests share, run from node or in the page: the largest experiment, opening
// a link, counting the updates each task trains, quantiles, the wasm memory, an emulated hidden
// tab, and snapshots of what the page shows.
import assert from 'node:assert/strict';

import { BASE_URL, waitForNumbers, waitFrames } from './browser.mjs';

/**
 * The largest experiment the engine's settings table allows: every hidden layer at the most
 * units, the most layers, on the most points, 90% of them for training; and the updates in one
 * of its epochs at batch 1 (one per training point).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{link: string, epoch: number, units: number, layers: number}>}
 */
export async function largest(browser) {
  const page = await browser.newPage();
  try {
    await page.goto(BASE_URL);
    const limits = await page.evaluate(async () => {
      const module = await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href);
      await module.default();
      /** @type {Array<{key: string, max?: number, maxLen?: number}>} */
      const rows = module.settingsTable();
      const row = (/** @type {string} */ key) => rows.find((each) => each.key === key);
      return { units: row('networkShape')?.max ?? 0, layers: row('networkShape')?.maxLen ?? 0, points: row('numSamples')?.max ?? 0 };
    });
    assert.ok(limits.units >= 64 && limits.layers >= 8 && limits.points >= 2000, JSON.stringify(limits));
    const shape = Array.from({ length: limits.layers }, () => limits.units).join(',');
    return {
      link: `networkShape=${shape}&numSamples=${limits.points}&percTrainData=90`,
      epoch: Math.round(limits.points * 0.9),
      units: limits.units,
      layers: limits.layers,
    };
  } finally {
    await page.close();
  }
}

/**
 * Opens `hash` and waits until the experiment is up.
 * @param {import('playwright-core').Page} page
 * @param {string} hash
 */
export async function openReady(page, hash) {
  const response = await page.goto(`${BASE_URL}#${hash}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '>', -1], ['train-loss', '>', -Infinity]]);
}

/**
 * Runs in the page: wraps the wasm handle's training calls to record, per task (the callback
 * of an animation frame or of an event), when it began, the updates taken and `maxSteps`, into
 * `window.trainingTasks`. The wrappers are on the prototype, so they see the page's own handle.
 */
export async function countTraining() {
  const module = await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href);
  const seen = /** @type {any} */ (window);
  /** @typedef {{steps: number, most: number, calls: number, at: number}} Task */
  /** @type {Task[]} */
  const tasks = [];
  seen.trainingTasks = tasks;
  /** @type {Task | null} */
  let open = null;
  /** @returns {Task} the record of the task running now */
  const current = () => {
    if (!open) {
      const task = { steps: 0, most: Infinity, calls: 0, at: performance.now() };
      tasks.push(task);
      open = task;
      // Microtasks run when the current callback returns: the next call is another task.
      queueMicrotask(() => { open = null; });
    }
    return open;
  };
  const proto = module.Playground.prototype;
  const { trainSteps, trainEpochs } = proto;
  /** @param {number} n */
  proto.trainSteps = function wrappedSteps(n) {
    const task = current();
    task.most = Math.min(task.most, this.maxSteps);
    task.calls += 1;
    const loss = trainSteps.call(this, n);
    // The handle refuses more than maxSteps, so it took n unless training stopped.
    task.steps += n;
    return loss;
  };
  /** @param {number} n */
  proto.trainEpochs = function wrappedEpochs(n) {
    const task = current();
    task.most = Math.min(task.most, this.maxSteps);
    task.calls += 1;
    // metrics() scores every point, which is slow; but the page should never call this.
    const before = this.metrics().step;
    const loss = trainEpochs.call(this, n);
    task.steps += this.metrics().step - before;
    return loss;
  };
}

/**
 * The tasks recorded since the last call, and forgets them.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Array<{steps: number, most: number, calls: number, at: number}>>}
 */
export function takeTasks(page) {
  return page.evaluate(() => {
    const seen = /** @type {any} */ (window);
    return seen.trainingTasks.splice(0);
  });
}

/**
 * Fails if a task trained more updates than one call may take.
 * @param {Array<{steps: number, most: number}>} tasks
 * @param {string} what
 */
export function assertWithinBudget(tasks, what) {
  const over = tasks.filter((task) => task.steps > task.most);
  assert.deepEqual(over, [], `${what}: ${over.length} of ${tasks.length} tasks trained more `
    + `updates than one call's budget`);
}

/**
 * The value below which `share` of `values` lie.
 * @param {number[]} values
 * @param {number} share
 */
export function quantile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/**
 * Runs in the page: the wasm module's memory in bytes (`init()` hands back the instance's
 * exports once the page has loaded it).
 */
export async function wasmMemoryBytes() {
  const module = await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href);
  const exports = await module.default();
  return /** @type {WebAssembly.Memory} */ (exports.memory).buffer.byteLength;
}

/**
 * Runs in the page: lets the test hide the tab and show it again as a browser does, since
 * headless Chromium's tabs never hide. While hidden, `document.visibilityState` is `hidden` and
 * animation frames are held back; each switch fires `visibilitychange`, and showing the tab
 * again hands the held callbacks to the next real frame. Adds `window.tab.hide()` and
 * `window.tab.show()` (which returns when it showed the tab).
 */
export function emulateTabVisibility() {
  const real = {
    request: window.requestAnimationFrame.bind(window),
    cancel: window.cancelAnimationFrame.bind(window),
  };
  /** @type {Map<number, FrameRequestCallback>} */
  const held = new Map();
  let hidden = false;
  let next = 1 << 30;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  window.requestAnimationFrame = (callback) => {
    if (!hidden) return real.request(callback);
    next += 1;
    held.set(next, callback);
    return next;
  };
  window.cancelAnimationFrame = (id) => {
    if (!held.delete(id)) real.cancel(id);
  };
  /** @type {any} */ (window).tab = {
    hide() {
      hidden = true;
      document.dispatchEvent(new Event('visibilitychange'));
    },
    show() {
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      const callbacks = [...held.values()];
      held.clear();
      for (const callback of callbacks) real.request(callback);
      return performance.now();
    },
  };
}

/**
 * What the page shows of the experiment: the heatmap, the network picture's canvas (links and
 * every unit's map), the numbers, the charts. Equal snapshots show the same experiment.
 * @param {import('playwright-core').Page} page
 */
export async function snapshot(page) {
  return page.evaluate(() => {
    const pixels = (/** @type {string} */ selector) => {
      const canvas = /** @type {HTMLCanvasElement | null} */ (document.querySelector(selector));
      if (!canvas) return '';
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      /** @type {CanvasRenderingContext2D} */ (copy.getContext('2d')).drawImage(canvas, 0, 0);
      return copy.toDataURL();
    };
    const text = (/** @type {string} */ id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    return {
      heatmap: pixels('[data-testid="heatmap"]'),
      picture: pixels('#network-panel .net-links'),
      units: [...document.querySelectorAll('[data-testid^="neuron-"]')].map((node) =>
        /** @type {HTMLElement} */ (node).dataset.testid),
      numbers: ['step-count', 'epoch-count', 'train-loss', 'test-loss'].map(text),
      loss: pixels('[data-testid="loss-chart"]'),
    };
  });
}

/**
 * Waits until the page is quiet (no frames training, the picture's late drawing done).
 * @param {import('playwright-core').Page} page
 */
export async function settle(page) {
  await waitFrames(page, 3);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  await waitFrames(page, 2);
}
