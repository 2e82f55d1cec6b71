// End-to-end tests of the page's limits in headless Chromium: the largest network trains within
// one call's budget per frame at batch 1 as at batch 2,000 (playing at full speed or at a set
// pace, and Step), with the frame figures reported; files over the import limit are refused
// before they are read; the weight editor refuses what is not a finite 32-bit number; a million
// updates leave the wasm memory as it was; changes while playing leave nothing stale; and a
// hidden tab resumes without a burst of training. Needs BASE_URL (see browser.mjs).
//
// The work a frame does is counted in updates, not timed: the tests wrap the wasm handle's
// training calls (`Playground.prototype`, shared by the page's module instance) and sum the
// updates of each task (an animation frame or an event handler), which must stay within
// `maxSteps`, the updates one call may take by crates/wasm/src/budget.rs. Frame times are
// measured too and reported, with loose bounds, because the machine is shared.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  BASE_URL, frameTimes, launchBrowser, readNumber, waitForNumbers, waitFrames, withPage,
} from './browser.mjs';

/** The largest network (8 layers of 64) on the most points, 90% of them for training. */
const BIGGEST = 'networkShape=64,64,64,64,64,64,64,64&numSamples=2000&percTrainData=90';
/** Updates in one of its epochs at batch 1: one per training point. */
const EPOCH = 1800;

/**
 * Opens `hash` and waits until the experiment is up.
 * @param {import('playwright-core').Page} page
 * @param {string} hash
 */
async function openReady(page, hash) {
  const response = await page.goto(`${BASE_URL}#${hash}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '>', -1], ['train-loss', '>', -Infinity]]);
}

/**
 * Runs in the page: wraps the wasm handle's training calls to record, per task (the callback
 * of an animation frame or of an event), when it began, the updates taken and `maxSteps`, into
 * `window.trainingTasks`. The wrappers are on the prototype, so they see the page's own handle.
 */
async function countTraining() {
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
function takeTasks(page) {
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
function assertWithinBudget(tasks, what) {
  const over = tasks.filter((task) => task.steps > task.most);
  assert.deepEqual(over, [], `${what}: ${over.length} of ${tasks.length} tasks trained more `
    + `updates than one call's budget`);
}

/**
 * The value below which `share` of `values` lie.
 * @param {number[]} values
 * @param {number} share
 */
function quantile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/**
 * Runs in the page: the wasm module's memory in bytes (`init()` hands back the instance's
 * exports once the page has loaded it).
 */
async function wasmMemoryBytes() {
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
function emulateTabVisibility() {
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
 * Runs in the page: a canvas's pixels (or the heatmap's) as one string.
 * @param {Element} element
 */
function pixelsOf(element) {
  const canvas = /** @type {HTMLCanvasElement} */ (element);
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = /** @type {CanvasRenderingContext2D} */ (copy.getContext('2d'));
  context.drawImage(canvas, 0, 0);
  return copy.toDataURL();
}

/**
 * What the page shows of the experiment: the heatmap, the network picture's canvas (links and
 * every unit's map), the numbers, the charts. Equal snapshots show the same experiment.
 * @param {import('playwright-core').Page} page
 */
async function snapshot(page) {
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
async function settle(page) {
  await waitFrames(page, 3);
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  await waitFrames(page, 2);
}

describe('limits', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const batch of [1, 2000]) {
    test(`the largest network at batch ${batch} trains within one call's budget per frame while playing`, async (context) => {
      await withPage(browser, async (page) => {
        await openReady(page, `${BIGGEST}&batchSize=${batch}`);
        await page.evaluate(countTraining);
        await page.getByTestId('play').dispatchEvent('click');
        const { times, longest } = await page.evaluate(frameTimes, 6000);
        await page.getByTestId('pause').dispatchEvent('click');
        const tasks = await takeTasks(page);
        const intervals = times.slice(1).map((time, i) => time - times[i]);
        const [typical, p90, worst] = [quantile(intervals, 0.5), quantile(intervals, 0.9), Math.max(...intervals)];
        const most = Math.max(...tasks.map((task) => task.steps));
        context.diagnostic(`batch ${batch}, full speed: ${intervals.length} frames: median ${typical.toFixed(1)} ms, `
          + `p90 ${p90.toFixed(1)} ms, longest ${worst.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms; `
          + `${tasks.length} training tasks, at most ${most} updates in one (maxSteps ${tasks[0]?.most})`);
        assert.ok(tasks.length > 10, `${tasks.length} tasks trained`);
        assertWithinBudget(tasks, `batch ${batch}`);
        assert.ok(typical < 100, `median frame interval ${typical.toFixed(1)} ms`);
        assert.ok(worst < 1000, `one frame took ${worst.toFixed(0)} ms`);
        assert.ok(longest < 1000, `a task ran for ${longest.toFixed(0)} ms`);
        assert.ok((await readNumber(page, 'step-count')) > 0, 'it trained');
      });
    });
  }

  test('at batch 1 an epoch of the largest network costs more than one call, and a set pace spreads it over frames', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, `${BIGGEST}&batchSize=1`);
      await page.evaluate(countTraining);
      await page.getByTestId('speed').selectOption('1');
      await page.getByTestId('play').dispatchEvent('click');
      const started = Date.now();
      const measured = page.evaluate(frameTimes, 3000);
      await waitForNumbers(page, [['epoch-count', '>', 2]], 30_000);
      const seconds = (Date.now() - started) / 1000;
      const { times, longest } = await measured;
      await page.getByTestId('pause').dispatchEvent('click');
      const intervals = times.slice(1).map((time, i) => time - times[i]);
      context.diagnostic(`1 epoch/s: ${intervals.length} frames in the first 3 s: median `
        + `${quantile(intervals, 0.5).toFixed(1)} ms, p90 ${quantile(intervals, 0.9).toFixed(1)} ms, longest `
        + `${Math.max(...intervals).toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`);
      const epochs = await readNumber(page, 'epoch-count');
      const steps = await readNumber(page, 'step-count');
      const tasks = await takeTasks(page);
      const limit = tasks[0]?.most ?? 0;
      context.diagnostic(`1 epoch/s: ${epochs} epochs (${steps} updates) in ${seconds.toFixed(1)} s over `
        + `${tasks.length} tasks, at most ${Math.max(...tasks.map((task) => task.steps))} updates in one `
        + `(maxSteps ${limit})`);
      assert.ok(EPOCH > limit, `an epoch of ${EPOCH} updates exceeds one call's ${limit}`);
      assertWithinBudget(tasks, 'at 1 epoch/s');
      assert.ok(seconds > 1.5, `3 epochs at 1 epoch/s took ${seconds.toFixed(1)} s`);
      assert.ok(steps >= EPOCH * epochs && steps < EPOCH * (epochs + 1),
        `${steps} updates are ${epochs} epochs of ${EPOCH} and part of the next`);
    });
  });

  test('Step trains one epoch of the largest network at batch 1 over several frames, and presses add up', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, `${BIGGEST}&batchSize=1`);
      await page.evaluate(countTraining);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]], 30_000);
      assert.equal(await readNumber(page, 'step-count'), EPOCH);
      const tasks = await takeTasks(page);
      context.diagnostic(`one Step: ${tasks.length} tasks, at most `
        + `${Math.max(...tasks.map((task) => task.steps))} updates in one (maxSteps ${tasks[0]?.most})`);
      assert.ok(tasks.length > 1, 'the epoch was spread over frames');
      assertWithinBudget(tasks, 'Step');
      assert.ok(await page.getByTestId('play').isVisible(), 'Step does not start playing');

      // A second press while the first one's epoch still trains: two epochs, each whole.
      await page.evaluate(() => {
        const step = /** @type {HTMLElement} */ (document.querySelector('[data-testid="step"]'));
        step.click();
        step.click();
      });
      await waitForNumbers(page, [['epoch-count', '==', 3]], 30_000);
      await settle(page);
      assert.equal(await readNumber(page, 'epoch-count'), 3);
      assert.equal(await readNumber(page, 'step-count'), 3 * EPOCH);
      assertWithinBudget(await takeTasks(page), 'two Steps');
    });
  });

  test('a data or weights file over the size limit is refused before it is read, naming the limit', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, 'numSamples=400');
      await page.getByTestId('user-point-count').waitFor();
      const limit = await page.evaluate(async () =>
        (await import(new URL('web/files.js', document.baseURI).href)).MAX_FILE_BYTES);
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
      for (let i = 0; i < 3; i += 1) await page.getByTestId('step').click();
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

  test('a million updates leave the wasm memory as it was', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, 'networkShape=2&batchSize=1');
      // Every buffer is made on the first updates and drawings: train a little first.
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', 10_000]]);
      await page.getByTestId('pause').click();
      await settle(page);
      const start = await readNumber(page, 'step-count');
      const before = await page.evaluate(wasmMemoryBytes);
      const began = Date.now();
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', start + 1_000_000]], 120_000);
      await page.getByTestId('pause').click();
      await settle(page);
      const steps = (await readNumber(page, 'step-count')) - start;
      const after = await page.evaluate(wasmMemoryBytes);
      context.diagnostic(`${steps} updates in ${((Date.now() - began) / 1000).toFixed(1)} s while playing: `
        + `wasm memory ${before} bytes before, ${after} after`);
      assert.equal(after, before);
    });
  });
  test('changing the shape, the dataset or a file while playing leaves nothing stale and no error', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'networkShape=4,4&dataset=circle');
      await page.getByTestId('neuron-1-0').waitFor();
      await page.getByTestId('user-point-count').waitFor();
      await page.locator('#network-panel').scrollIntoViewIfNeeded();
      const weights = await page.evaluate(async () => {
        const module = await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href);
        const other = module.Playground.fromQuery('networkShape=4,4,4&dataset=xor&initSeed=7');
        const text = other.exportWeights();
        other.free();
        return text;
      });
      /** @type {Array<[string, () => Promise<unknown>, RegExp]>} */
      const changes = [
        ['a layer added', () => page.getByTestId('add-layer').click(), /networkShape=4(%2C|,)4(%2C|,)4/],
        ['another dataset', () => page.getByTestId('dataset-xor').click(), /dataset=xor/],
        ['weights imported', () => page.getByTestId('import-weights').setInputFiles({
          name: 'weights.json', mimeType: 'application/json', buffer: Buffer.from(weights),
        }), /dataset=xor/],
        ['data imported', () => page.getByTestId('import-data').setInputFiles({
          name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n1,1,1\n-1,2,0\n'),
        }), /userPoints=/],
      ];
      for (const [what, act, arrived] of changes) {
        await page.getByTestId('play').click();
        const steps = await readNumber(page, 'step-count');
        await waitForNumbers(page, [['step-count', '>', steps + 100]]);
        await act();
        await page.waitForFunction((source) => new RegExp(source).test(window.location.hash), arrived.source);
        if (await page.getByTestId('pause').isVisible()) await page.getByTestId('pause').click();
        await settle(page);
        assert.ok(await page.getByTestId('error').isHidden(), `${what}: ${await page.getByTestId('error').textContent()}`);
        const shown = await snapshot(page);
        assert.equal(shown.units.length, 3 * 4 + 1, `${what}: a node per unit`);
        // A fresh drawing of everything shows the same: nothing drawn was left from before.
        await page.evaluate(() => window.dispatchEvent(new Event('resize')));
        await settle(page);
        assert.deepEqual(await snapshot(page), shown, `${what}: the page showed a stale drawing`);
      }

      // An epoch of Step still under way when the experiment starts over is not trained on
      // the new one: Step, then a new dataset, in one task.
      await page.evaluate(() => {
        const settings = new URLSearchParams(window.location.hash.slice(1));
        settings.set('networkShape', '64,64,64');
        settings.set('batchSize', '1');
        window.location.hash = settings.toString();
      });
      await page.getByTestId('more-3').waitFor();
      await settle(page);
      await page.evaluate(() => {
        /** @type {HTMLElement} */ (document.querySelector('[data-testid="step"]')).click();
        /** @type {HTMLElement} */ (document.querySelector('[data-testid="dataset-circle"] input')).click();
      });
      await page.waitForFunction(() => /dataset=circle|^#?(?!.*dataset=)/.test(window.location.hash));
      await settle(page);
      assert.doesNotMatch(await page.evaluate(() => window.location.hash), /dataset=xor/);
      assert.equal(await readNumber(page, 'step-count'), 0, 'the new experiment did not train');
      const shown = await snapshot(page);
      await page.evaluate(() => window.dispatchEvent(new Event('resize')));
      await settle(page);
      assert.deepEqual(await snapshot(page), shown, 'Step then a new dataset: the page showed a stale drawing');
    });
  });
  test('a tab hidden while playing resumes without a burst of training', async (context) => {
    await withPage(browser, async (page) => {
      // 100 training points in batches of 10: 10 updates an epoch, 1,000 a second at 100 epochs/s.
      const [perEpoch, pace] = [10, 100];
      await openReady(page, 'networkShape=4&numSamples=200&batchSize=10');
      await page.evaluate(countTraining);
      await page.evaluate(emulateTabVisibility);
      await page.getByTestId('speed').selectOption(String(pace));
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['epoch-count', '>', 50]]);
      const hiddenAt = await page.evaluate(() => {
        /** @type {any} */ (window).tab.hide();
        return performance.now();
      });
      await page.evaluate(() => new Promise((done) => setTimeout(done, 2000)));
      const epochsHidden = await readNumber(page, 'epoch-count');
      const shownAt = await page.evaluate(() => /** @type {any} */ (window).tab.show());
      await waitFrames(page, 30);
      await page.getByTestId('pause').click();
      const tasks = await takeTasks(page);
      const steady = tasks.filter((task) => task.at < hiddenAt);
      const away = tasks.filter((task) => task.at > hiddenAt + 50 && task.at < shownAt);
      const back = tasks.filter((task) => task.at >= shownAt).slice(0, 5);
      context.diagnostic(`updates per frame at ${pace} epochs/s: at most ${Math.max(...steady.map((t) => t.steps))} `
        + `before hiding, ${away.length} frames while hidden, then ${back.map((t) => t.steps).join(', ')}`);
      assert.deepEqual(away, [], 'no training while hidden');
      assert.ok(back.length === 5, 'training resumed');
      for (const task of back) {
        // What the pace owes since the tab came back, plus the epoch under way and one more.
        const owed = perEpoch * (2 + Math.ceil((pace * (task.at - shownAt)) / 1000));
        assert.ok(task.steps <= owed, `a frame ${(task.at - shownAt).toFixed(0)} ms after the tab came `
          + `back trained ${task.steps} updates: more than the ${owed} the pace owes since`);
      }
      assert.ok((await readNumber(page, 'epoch-count')) > epochsHidden, 'training went on');
    });
  });
});
