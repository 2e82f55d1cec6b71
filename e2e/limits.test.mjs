// End-to-end tests of the page's limits in headless Chromium: the largest network the settings
// table allows (every layer at the most units, on the most points) trains within one call's
// budget per frame at batch 1 as at batch 2,000 (playing at full speed or at a set pace, and
// Epoch), with the frame figures reported, and its picture draws in a fraction of a second; a
// million
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
  frameTimes, launchBrowser, readNumber, waitForNumbers, waitFrames, withPage,
} from './browser.mjs';
import {
  largest, openReady, countTraining, takeTasks, assertWithinBudget, quantile, wasmMemoryBytes, emulateTabVisibility, snapshot, settle,
} from './limits-probes.mjs';

describe('limits', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  let [BIGGEST, EPOCH, UNITS, LAYERS] = ['', 0, 0, 0];
  before(async () => {
    browser = await launchBrowser();
    ({ link: BIGGEST, epoch: EPOCH, units: UNITS, layers: LAYERS } = await largest(browser));
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

  test('Epoch trains one epoch of the largest network at batch 1 over several frames, and presses add up', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, `${BIGGEST}&batchSize=1`);
      await page.evaluate(countTraining);
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]], 30_000);
      assert.equal(await readNumber(page, 'step-count'), EPOCH);
      const tasks = await takeTasks(page);
      context.diagnostic(`one Epoch: ${tasks.length} tasks, at most `
        + `${Math.max(...tasks.map((task) => task.steps))} updates in one (maxSteps ${tasks[0]?.most})`);
      assert.ok(tasks.length > 1, 'the epoch was spread over frames');
      assertWithinBudget(tasks, 'Epoch');
      assert.ok(await page.getByTestId('play').isVisible(), 'Epoch does not start playing');

      // A second press while the first one's epoch still trains: two epochs, each whole.
      await page.evaluate(() => {
        const epoch = /** @type {HTMLElement} */ (document.querySelector('[data-testid="epoch"]'));
        epoch.click();
        epoch.click();
      });
      await waitForNumbers(page, [['epoch-count', '==', 3]], 30_000);
      await settle(page);
      assert.equal(await readNumber(page, 'epoch-count'), 3);
      assert.equal(await readNumber(page, 'step-count'), 3 * EPOCH);
      assertWithinBudget(await takeTasks(page), 'two Epochs');

      // Step takes one update of it, in one task.
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 3 * EPOCH + 1]]);
      await settle(page);
      assert.equal(await readNumber(page, 'step-count'), 3 * EPOCH + 1);
      assert.deepEqual((await takeTasks(page)).map((task) => task.steps), [1], 'one update in one task');
    });
  });

  test('the largest network\'s picture shows a few units of each layer, the rest as a count, and draws in a fraction of a second', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, `${BIGGEST}&batchSize=10`);
      await page.getByTestId('neuron-1-0').waitFor();
      const shown = await page.locator('[data-testid^="neuron-1-"]').count();
      assert.ok(shown > 0 && shown < UNITS, `${shown} of ${UNITS} units drawn`);
      for (let layer = 1; layer <= LAYERS; layer += 1) {
        assert.equal(await page.getByTestId(`more-${layer}`).textContent(), `+${UNITS - shown}`, `layer ${layer}'s count`);
      }
      await page.getByTestId('play').dispatchEvent('click');
      await page.evaluate(() => new Promise((done) => setTimeout(done, 4000)));
      await page.getByTestId('pause').dispatchEvent('click');
      await settle(page);
      const durations = await page.evaluate(() => performance.getEntriesByName('network picture').map((entry) => entry.duration));
      const [typical, worst] = [quantile(durations, 0.5), Math.max(...durations)];
      context.diagnostic(`${UNITS} units a layer: the picture drawn ${durations.length} times, median `
        + `${typical.toFixed(0)} ms, longest ${worst.toFixed(0)} ms`);
      assert.ok(durations.length >= 3, `drawn ${durations.length} times in 4 s of training`);
      assert.ok(typical < 150, `a drawing typically took ${typical.toFixed(0)} ms`);
      assert.ok(worst < 1000, `a drawing took ${worst.toFixed(0)} ms`);
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

      // An epoch still under way when the experiment starts over is not trained on the new
      // one: Epoch, then a new dataset, in one task.
      await page.evaluate(() => {
        const settings = new URLSearchParams(window.location.hash.slice(1));
        settings.set('networkShape', '64,64,64');
        settings.set('batchSize', '1');
        window.location.hash = settings.toString();
      });
      await page.getByTestId('more-3').waitFor();
      await settle(page);
      await page.evaluate(() => {
        /** @type {HTMLElement} */ (document.querySelector('[data-testid="epoch"]')).click();
        /** @type {HTMLElement} */ (document.querySelector('[data-testid="dataset-circle"] input')).click();
      });
      await page.waitForFunction(() => /dataset=circle|^#?(?!.*dataset=)/.test(window.location.hash));
      await settle(page);
      assert.doesNotMatch(await page.evaluate(() => window.location.hash), /dataset=xor/);
      assert.equal(await readNumber(page, 'step-count'), 0, 'the new experiment did not train');
      const shown = await snapshot(page);
      await page.evaluate(() => window.dispatchEvent(new Event('resize')));
      await settle(page);
      assert.deepEqual(await snapshot(page), shown, 'Epoch then a new dataset: the page showed a stale drawing');
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
