// The browser half of `cargo xtask bench`, run as `node e2e/bench.mjs [--quick]` with BASE_URL
// pointing at the served repository. It measures, in headless Chromium:
//  (a) the W1 and W2 workloads through the wasm handle (web/bench/, `window.benchResults`);
//  (b) the real page playing the W1 link at the fastest speed with the network picture in view:
//      frames per second from requestAnimationFrame timestamps, examples per second from the
//      step counter, redraws of the neuron thumbnails from the page's `network picture` measures;
//  (c) time to interactive: navigation start to the page's `interactive` mark (set by
//      web/main.js once the first heatmap and metrics are drawn and the buttons work);
//  (d) the size of the .wasm the page loads, as served and gzipped at level 9;
//  (e) the TensorFlow.js peer (web/bench/tfjs.html, served from node_modules) on its cpu and
//      wasm backends: the figures of (a) under the same names, prefixed `tfjs-cpu.` and
//      `tfjs-wasm.` in the output;
//  (f) workload C1, the digits CNN, through web/pkg-digits (web/bench/c1.html) and in its live
//      peers: TensorFlow.js on both backends and ConvNetJS (served from node_modules), their
//      figures under our keys prefixed `tfjs-cpu.`, `tfjs-wasm.` and `convnetjs.`; and C1's
//      inference beside TensorFlow.js's wasm backend in our page, samples taking turns
//      (`c1InferBesideImagesPerSecond`, theirs prefixed `tfjs-wasm.`);
//  (g) the digits lab's page playing its default experiment at full speed: the seconds of play
//      until the test accuracy it shows reaches 97%;
//  (h) workload S1, the character-level recurrent model (plain RNN, LSTM, GRU), in its live
//      peers: TensorFlow.js on both backends and brain.js (served from node_modules), their
//      figures prefixed `tfjs-cpu.`, `tfjs-wasm.` and `brainjs.`;
//  (i) workload E1, the words lab's skip-gram with negative sampling on a generated text, through
//      web/pkg-digits (web/bench/e1.html) and in TensorFlow.js on both backends, its figures
//      prefixed `tfjs-cpu.` and `tfjs-wasm.`;
//  (j) workload A1, the attention lab's Transformer reversing sequences, through web/pkg-digits
//      (web/bench/a1.html) and in TensorFlow.js on both backends, likewise prefixed.
// Progress goes to stderr; stdout gets one line, a flat JSON object of the figures. Exits
// non-zero only when something broke (a page error, a timeout), never for a slow figure.
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

import { LAB_PAGES, benchLabRounds, fileLabFigures } from './bench-labs.mjs';
import { BASE_URL, launchBrowser, median } from './browser.mjs';

/**
 * How long each part runs.
 * @typedef {object} Plan
 * @property {number} samples   samples per bench-page figure (the median is kept)
 * @property {number} sampleMs  the least time one bench-page sample runs
 * @property {number} figureWarmupMs  untimed work before each bench-page figure (V8 tiers up)
 * @property {number} warmupMs  play before measuring (the engine's code tiers up meanwhile)
 * @property {number} playMs    play measured
 * @property {number} loads     page loads timed for time to interactive (after one untimed)
 * @property {number} rounds    rounds of each lab workload's pages, ours and the peers' in turn
 *                              (each figure keeps its median over the rounds)
 */

/** @type {Plan} The full run: about half a minute in the browser. */
export const FULL = {
  samples: 9, sampleMs: 150, figureWarmupMs: 500, warmupMs: 1000, playMs: 5000, loads: 7, rounds: 3,
};
/** @type {Plan} A smoke run: every figure once, a second of play. */
export const QUICK = {
  samples: 1, sampleMs: 5, figureWarmupMs: 1, warmupMs: 200, playMs: 1000, loads: 1, rounds: 1,
};

/**
 * The page's window with what the bench pages leave on it: web/bench/bench.js its figures or
 * its error, the init script of `benchInteractive` the time of the first frame.
 * @typedef {Window & {benchResults?: Record<string, number | string>, benchError?: string,
 *   benchFirstFrame?: number}} BenchWindow
 */

/** The viewport of the page measurements: a laptop screen. */
const VIEWPORT = { width: 1280, height: 800 };
/** The wasm module the page loads, relative to BASE_URL. */
const WASM_PATH = 'web/pkg/playground_wasm_bg.wasm';
/** Longest wait for the bench page or a page load. */
const TIMEOUT_MS = 180_000;

/**
 * Opens a page in a fresh context that records uncaught errors and console errors.
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{page: import('playwright-core').Page, errors: string[],
 *   close: () => Promise<void>}>}
 */
async function openPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return { page, errors, close: () => context.close() };
}

/**
 * Throws if the page reported errors.
 * @param {string} what
 * @param {string[]} errors
 */
function checkErrors(what, errors) {
  if (errors.length > 0) throw new Error(`${what}: the page reported errors:\n${errors.join('\n')}`);
}

/**
 * The workload links, read from web/bench/workloads.js in the browser (node would take that
 * file for CommonJS).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{W1: string, W2: string}>}
 */
export async function workloadLinks(browser) {
  const { page, close } = await openPage(browser);
  try {
    const url = `${BASE_URL}web/bench/workloads.js`;
    await page.goto(url);
    return await page.evaluate(async (url) => {
      const { W1, W2 } = await import(url);
      return { W1, W2 };
    }, url);
  } finally {
    await close();
  }
}

/**
 * (a) The bench page's figures: W1 and W2 through the wasm handle.
 * @param {import('playwright-core').Browser} browser
 * @param {{samples: number, sampleMs: number, figureWarmupMs: number}} plan
 * @returns {Promise<Record<string, number>>}
 */
export async function benchWorkloads(browser, plan) {
  return /** @type {Record<string, number>} */ (await benchPage(browser, 'web/bench/index.html', plan));
}

/** The TensorFlow.js backends the bench races (e). */
export const TFJS_BACKENDS = ['cpu', 'wasm'];

/**
 * (e) The TensorFlow.js peer's figures on `backend`, with its version and backend name.
 * @param {import('playwright-core').Browser} browser
 * @param {string} backend `cpu` or `wasm`
 * @param {{samples: number, sampleMs: number, figureWarmupMs: number}} plan
 * @returns {Promise<Record<string, number | string>>}
 */
export async function benchTfjs(browser, backend, plan) {
  return benchPage(browser, `web/bench/tfjs.html?backend=${backend}`, plan);
}

/**
 * Loads the bench page `path` with the plan's timing and returns what it leaves in
 * `window.benchResults`; throws with `window.benchError` or any page or console error.
 * @param {import('playwright-core').Browser} browser
 * @param {string} path relative to BASE_URL, with or without a query
 * @param {{samples: number, sampleMs: number, figureWarmupMs: number}} plan
 * @returns {Promise<Record<string, number | string>>}
 */
export async function benchPage(browser, path, { samples, sampleMs, figureWarmupMs }) {
  const { page, errors, close } = await openPage(browser);
  try {
    const join = path.includes('?') ? '&' : '?';
    // A bench page measures in its module's top-level await, which holds back the load event
    // for as long as it measures (over goto's 30 s on a slow machine): wait for the results only.
    const query = `samples=${samples}&sampleMs=${sampleMs}&warmUpMs=${figureWarmupMs}`;
    await page.goto(`${BASE_URL}${path}${join}${query}`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const bench = /** @type {BenchWindow} */ (window);
        return bench.benchResults ?? (bench.benchError ? { error: bench.benchError } : null);
      },
      undefined,
      { timeout: TIMEOUT_MS, polling: 100 },
    );
    // waitForFunction resolves once the function returns a truthy value, so never with null.
    const results = /** @type {Record<string, number | string> | {error: string}} */ (await handle.jsonValue());
    if ('error' in results) throw new Error(`${path} failed: ${results.error}`);
    checkErrors(path, errors);
    return results;
  } finally {
    await close();
  }
}

/**
 * Runs in the page while it plays: waits `warmupMs`, then records every animation frame's
 * timestamp for `playMs`, the step counter at the first and last of them, and the network
 * picture's redraws in between.
 * @param {{warmupMs: number, playMs: number}} plan
 */
function measurePlay({ warmupMs, playMs }) {
  const steps = () => {
    const text = document.querySelector('[data-testid="step-count"]')?.textContent ?? '';
    return Number(text.replace(/[,\s]/g, ''));
  };
  return new Promise((resolve) => {
    /** @type {number[]} */
    const times = [];
    let firstSteps = 0;
    const tick = (/** @type {number} */ now) => {
      if (times.length === 0) firstSteps = steps();
      times.push(now);
      if (now - times[0] < playMs) {
        requestAnimationFrame(tick);
        return;
      }
      const [start, end] = [times[0], times[times.length - 1]];
      const draws = performance
        .getEntriesByName('network picture', 'measure')
        .filter((entry) => entry.startTime >= start && entry.startTime <= end);
      const gaps = times.slice(1).map((time, i) => time - times[i]).sort((a, b) => a - b);
      resolve({
        frames: times.length - 1,
        ms: end - start,
        steps: steps() - firstSteps,
        p95FrameMs: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? Number.NaN,
        worstFrameMs: gaps[gaps.length - 1] ?? Number.NaN,
        draws: draws.length,
        drawMs: draws.reduce((sum, entry) => sum + entry.duration, 0),
      });
    };
    setTimeout(() => requestAnimationFrame(tick), warmupMs);
  });
}

/**
 * Runs in the page: the nodes of the network picture that show a map (every input feature and
 * every drawn unit, by data-testid), and how many of them lie fully inside the viewport.
 */
function thumbnails() {
  const nodes = [...document.querySelectorAll(
    '#network-panel [data-testid^="feature-"], #network-panel [data-testid^="neuron-"]',
  )];
  const inView = nodes.filter((node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.left >= 0
      && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
  return { count: nodes.length, inView: inView.length };
}

/**
 * (b) The real page playing `link` at its fastest speed with the network picture in view.
 * @param {import('playwright-core').Browser} browser
 * @param {string} link a share-link query (without `#`)
 * @param {{warmupMs: number, playMs: number}} plan
 * @returns {Promise<Record<string, number>>}
 */
export async function benchPlay(browser, link, { warmupMs, playMs }) {
  const { page, errors, close } = await openPage(browser);
  try {
    await page.goto(`${BASE_URL}#${link}`);
    await page.waitForFunction(() => performance.getEntriesByName('interactive').length > 0,
      undefined, { timeout: TIMEOUT_MS });
    const speed = page.getByTestId('speed');
    const fastest = await speed.locator('option').last().getAttribute('value');
    await speed.selectOption(fastest ?? 'max');
    await page.locator('#network-panel').scrollIntoViewIfNeeded();
    // The picture is built right after the interactive mark.
    await page.locator('#network-panel [data-testid^="neuron-"]').first().waitFor();
    const shown = await page.evaluate(thumbnails);
    if (shown.count === 0 || shown.inView < shown.count) {
      throw new Error(`the network picture is not in view: ${shown.inView} of ${shown.count} `
        + `neuron thumbnails inside the ${VIEWPORT.width}x${VIEWPORT.height} viewport`);
    }
    await page.getByTestId('play').click();
    const played = await page.evaluate(measurePlay, { warmupMs, playMs });
    const stillPlaying = await page.getByTestId('pause').isVisible();
    await page.getByTestId('pause').click({ timeout: 5_000 }).catch(() => {});
    checkErrors('the page', errors);
    if (!stillPlaying) throw new Error('training stopped while the page was measured');
    const batch = Number(new URLSearchParams(link).get('batchSize') ?? '10');
    const seconds = played.ms / 1000;
    return {
      pageExamplesPerSecond: (played.steps * batch) / seconds,
      pageFramesPerSecond: played.frames / seconds,
      pageP95FrameMs: played.p95FrameMs,
      pageWorstFrameMs: played.worstFrameMs,
      pagePlayMs: played.ms,
      pageThumbnails: shown.count,
      pageNetworkDrawsPerSecond: played.draws / seconds,
      pageNetworkDrawMs: played.draws > 0 ? played.drawMs / played.draws : 0,
    };
  } finally {
    await close();
  }
}

/** The digits lab's default experiment at full speed, and the test accuracy it must reach. */
const DIGITS_PLAY = { link: 'lab=digits&speed=max', accuracy: 97, timeoutMs: 120_000 };

/**
 * (g) The digits lab's page playing its default experiment at full speed: milliseconds from the
 * click on play to the first frame whose shown test accuracy is at least 97%, and the epoch the
 * page shows then. The page measures the test set at each epoch's end.
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<Record<string, number>>}
 */
export async function benchDigitsPlay(browser) {
  const { page, errors, close } = await openPage(browser);
  try {
    await page.goto(`${BASE_URL}#${DIGITS_PLAY.link}`);
    await page.waitForFunction(() => document.body.dataset.digitsViews === '0', undefined, { timeout: TIMEOUT_MS });
    const started = await page.evaluate(() => performance.now());
    await page.getByTestId('play').click();
    const handle = await page.waitForFunction((least) => {
      const shown = Number.parseFloat(document.querySelector('[data-testid="test-accuracy"]')?.textContent ?? '');
      if (!(shown >= least)) return null;
      const epoch = Number((document.querySelector('[data-testid="epoch-count"]')?.textContent ?? '').replace(/,/g, ''));
      return { at: performance.now(), epoch, shown };
    }, DIGITS_PLAY.accuracy, { timeout: DIGITS_PLAY.timeoutMs, polling: 'raf' }).catch(() => {
      throw new Error(`the digits page did not show ${DIGITS_PLAY.accuracy}% test accuracy within `
        + `${DIGITS_PLAY.timeoutMs / 1000} s of play at ${DIGITS_PLAY.link}`);
    });
    const reached = /** @type {{at: number, epoch: number, shown: number}} */ (await handle.jsonValue());
    await page.getByTestId('pause').click({ timeout: 5_000 }).catch(() => {});
    checkErrors('the digits page', errors);
    return { digitsPlayTo97Ms: reached.at - started, digitsPlayTo97Epoch: reached.epoch, digitsPlayShownAccuracy: reached.shown };
  } finally {
    await close();
  }
}

/**
 * (c) Time to interactive of the default page: the median over `loads` loads, each in a fresh
 * context (no cache; the server also sends `no-store`), after one untimed load that warms up
 * the browser process. Milliseconds from navigation start (performance.now() = 0) to the
 * `interactive` mark, and to the first animation frame the page paints after it.
 * @param {import('playwright-core').Browser} browser
 * @param {{loads: number}} plan
 * @returns {Promise<Record<string, number>>}
 */
export async function benchInteractive(browser, { loads }) {
  const runs = [];
  for (let load = 0; load <= loads; load += 1) {
    const { page, errors, close } = await openPage(browser);
    try {
      await page.addInitScript(() => {
        new PerformanceObserver((list) => {
          if (list.getEntriesByName('interactive').length === 0) return;
          requestAnimationFrame((time) => { /** @type {BenchWindow} */ (window).benchFirstFrame = time; });
        }).observe({ type: 'mark', buffered: true });
      });
      await page.goto(BASE_URL);
      const handle = await page.waitForFunction(() => {
        const mark = performance.getEntriesByName('interactive', 'mark')[0];
        const { benchFirstFrame } = /** @type {BenchWindow} */ (window);
        if (!mark || benchFirstFrame === undefined) return null;
        return { interactive: mark.startTime, firstFrame: benchFirstFrame };
      }, undefined, { timeout: 30_000 }).catch(() => {
        throw new Error('the page set no performance.mark(\'interactive\') within 30 s '
          + '(web/main.js sets it once the first heatmap and metrics are drawn)');
      });
      // waitForFunction resolves once the function returns a truthy value, so never with null.
      const times = /** @type {{interactive: number, firstFrame: number}} */ (await handle.jsonValue());
      checkErrors('the page', errors);
      if (load > 0) runs.push(times);
    } finally {
      await close();
    }
  }
  return {
    interactiveMs: median(runs.map((run) => run.interactive)),
    interactiveBestMs: Math.min(...runs.map((run) => run.interactive)),
    interactiveFirstFrameMs: median(runs.map((run) => run.firstFrame)),
    interactiveLoads: runs.length,
  };
}

/**
 * (d) The size of the .wasm the page loads, in bytes, as served and gzipped at level 9.
 * @returns {Promise<Record<string, number>>}
 */
export async function wasmSize() {
  const response = await fetch(`${BASE_URL}${WASM_PATH}`);
  if (!response.ok) throw new Error(`GET ${WASM_PATH}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { wasmBytes: bytes.length, wasmGzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Runs (a) to (j) with `plan` in one browser and returns every figure in one flat object.
 * @param {Plan} plan
 * @returns {Promise<Record<string, number | string>>}
 */
export async function benchAll(plan) {
  const browser = await launchBrowser();
  try {
    const { W1 } = await workloadLinks(browser);
    const say = (/** @type {string} */ text) => process.stderr.write(`bench: ${text}\n`);
    say(`web/bench/ in Chromium ${browser.version()} (${plan.figureWarmupMs} ms warm-up and ${plan.samples} samples of >= ${plan.sampleMs} ms per figure)`);
    const figures = await benchWorkloads(browser, plan);
    /** @type {Record<string, number | string>} */
    const peers = {};
    for (const backend of TFJS_BACKENDS) {
      say(`TensorFlow.js on its ${backend} backend (web/bench/tfjs.html)`);
      for (const [key, value] of Object.entries(await benchTfjs(browser, backend, plan))) {
        peers[`tfjs-${backend}.${key}`] = value;
      }
    }
    for (const [workload, pages] of Object.entries(LAB_PAGES)) {
      const measure = (/** @type {string} */ path) => benchPage(browser, path, plan);
      fileLabFigures(await benchLabRounds(workload, pages, plan.rounds, measure, say), figures, peers);
    }
    say(`the page playing W1 at full speed (${plan.warmupMs} ms warm-up, ${plan.playMs} ms measured)`);
    const play = await benchPlay(browser, W1, plan);
    say(`the digits page playing ${DIGITS_PLAY.link} until ${DIGITS_PLAY.accuracy}% test accuracy`);
    const digits = await benchDigitsPlay(browser);
    say(`time to interactive (${plan.loads} loads after one untimed)`);
    const interactive = await benchInteractive(browser, plan);
    return {
      chromium: browser.version(), ...figures, ...play, ...digits, ...interactive, ...(await wasmSize()), ...peers,
    };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const plan = process.argv.includes('--quick') ? QUICK : FULL;
  try {
    process.stdout.write(`${JSON.stringify(await benchAll(plan))}\n`);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  }
}
