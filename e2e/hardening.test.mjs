// End-to-end hardening tests in headless Chromium: the page runs under a Content-Security-Policy
// with no inline script and no eval; hostile links (script in every field, and the whole corpus
// of crates/playground/tests/hostile/links.txt, and attention-links.txt's in the attention lab)
// are named in the banner and execute nothing; a panic inside wasm shows the crash overlay with
// Reload instead of a dead page (screenshot crash.png); the largest network on the most data keeps frames short; diverging links draw no
// NaN; a failed load of the later views' modules is named in the banner and training goes on;
// added points survive a reload. The panic tests build crates/wasm with the `test-hooks`
// feature into target/pkg-test-hooks and swap it in for web/pkg by routing, so production
// builds never carry the hook. Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  ARTIFACTS, BASE_URL, frameTimes, launchBrowser, readNumber, waitForNumbers, withPage,
} from './browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The wasm module of the test build: web/pkg's, plus `forcePanic`, which panics (so the call
 * traps and throws).
 * @typedef {typeof import('../web/pkg/playground_wasm.js') & {forcePanic(message: string): never}} TestBuild
 */

/** Where the test build with `forcePanic` goes (never into web/, never served by itself). */
const TEST_PKG = join(ROOT, 'target', 'pkg-test-hooks');
const CORPUS = join(ROOT, 'crates', 'playground', 'tests', 'hostile', 'links.txt');
const ATTENTION_CORPUS = join(ROOT, 'crates', 'playground', 'tests', 'hostile', 'attention-links.txt');
const BIGGEST = 'networkShape=128,128,128,128,128,128,128,128&numSamples=2000&batchSize=2000';

/**
 * A hostile corpus (the plane's unless `file` says): `{key, link}` per line, `key` null for a
 * clean link, `[[N*text]]` written out (as crates/playground/tests/hostile/corpus.rs does).
 * @param {string} [file]
 * @returns {Promise<Array<{line: number, key: string | null, link: string}>>}
 */
async function hostileLinks(file = CORPUS) {
  const text = await readFile(file, 'utf8');
  return text.split('\n').flatMap((line, index) => {
    if (line === '' || line.startsWith('#')) return [];
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    const link = line.slice(tab + 1).replace(/\[\[(\d+)\*(.*?)\]\]/g, (_, count, part) =>
      Array.from({ length: Number(count) }, (__, i) => part.replaceAll('@', String(i))).join(''));
    return [{ line: index + 1, key: key === '-' ? null : key, link }];
  });
}

/**
 * The page's window with what `hookExecution` and the probes here leave on it (the `*Ran`
 * flags and `pwned` only if injected or probing code ran).
 * @typedef {Window & {executed?: string[], violations?: string[], pwned?: unknown,
 *   timerRan?: boolean, inlineRan?: boolean, handlerRan?: boolean}} ProbeWindow
 */

/**
 * Before any page script: alert, confirm and prompt record instead of blocking, and CSP
 * violations are collected, so a test can tell whether anything injected ever ran.
 * @param {import('playwright-core').Page} page
 */
async function hookExecution(page) {
  await page.addInitScript(() => {
    /** @type {string[]} */
    const executed = [];
    /** @type {string[]} */
    const violations = [];
    const record = (/** @type {string} */ name) =>
      (/** @type {unknown} */ message) => executed.push(`${name}(${message})`);
    Object.assign(window, {
      executed, violations, alert: record('alert'), confirm: record('confirm'), prompt: record('prompt'),
    });
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
    });
  });
}

/**
 * Runs in the page: what injected markup or script could have left behind.
 */
function injectionTraces() {
  const seen = /** @type {ProbeWindow} */ (window);
  const handlers = [...document.querySelectorAll('*')]
    .flatMap((element) => [...element.attributes].filter((a) => a.name.startsWith('on')))
    .map((attribute) => attribute.name);
  return {
    executed: seen.executed,
    pwned: seen.pwned ?? null,
    scripts: document.querySelectorAll('script').length,
    injected: document.querySelectorAll('img, iframe, object, embed, body svg script').length,
    handlers,
    javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
  };
}

/** The traces of a page into which nothing was injected. */
const CLEAN = { executed: [], pwned: null, scripts: 1, injected: 0, handlers: [], javascriptLinks: 0 };

/**
 * Opens `hash` and waits until the experiment is up.
 * @param {import('playwright-core').Page} page
 * @param {string} [hash]
 */
async function openReady(page, hash = '') {
  const response = await page.goto(`${BASE_URL}${hash ? `#${hash}` : ''}`);
  assert.equal(response?.status(), 200);
  await waitForNumbers(page, [['step-count', '>', -1], ['train-loss', '>', -Infinity]]);
}

/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('hardening', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the page runs under a CSP with no inline script and no eval, and styles set from JS apply', async () => {
    /** @type {string[]} */
    const errors = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await hookExecution(page);
    try {
      await openReady(page, 'networkShape=6,6');
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(policy ?? '', /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      assert.doesNotMatch(policy ?? '', /unsafe-inline|'unsafe-eval'/);
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', 50]]);
      await page.getByTestId('pause').click();
      assert.deepEqual(errors, [], 'the page works under its policy');
      assert.deepEqual(await page.evaluate(() => /** @type {ProbeWindow} */ (window).violations), []);
      // Code the test evaluates is exempt from the policy, so each probe makes the page itself
      // compile a string: a timer, an inline script element, an inline event handler.
      const probe = await page.evaluate(async () => {
        const seen = /** @type {ProbeWindow} */ (window);
        const result = { timer: 'ran', inline: 'ran', handler: 'ran', styled: '' };
        seen.setTimeout('window.timerRan = true', 0);
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true;';
        document.head.append(script);
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.handlerRan = true');
        document.body.append(button);
        button.click();
        button.remove();
        await new Promise((done) => setTimeout(done, 100));
        if (!seen.timerRan) result.timer = 'blocked';
        if (!seen.inlineRan) result.inline = 'blocked';
        if (!seen.handlerRan) result.handler = 'blocked';
        const box = document.createElement('div');
        box.style.width = '123px';
        document.body.append(box);
        result.styled = getComputedStyle(box).width;
        box.remove();
        return result;
      });
      assert.equal(probe.timer, 'blocked', 'a string timer is eval');
      assert.equal(probe.inline, 'blocked');
      assert.equal(probe.handler, 'blocked');
      assert.equal(probe.styled, '123px', 'element.style works under style-src \'self\'');
      const violations = await page.evaluate(() => /** @type {ProbeWindow} */ (window).violations ?? []);
      assert.ok(violations.length >= 3 && violations.every((v) => v.startsWith('script-src')),
        violations.join('; '));
      // The network picture places its nodes with element.style: they have real positions.
      const placed = await page.locator('[data-testid^="neuron-"]').first().evaluate((node) => node.style.left);
      assert.match(placed, /px$/);
    } finally {
      await page.close();
    }
  });

  test('script and markup in every field of a link, and typed into every text field, run nothing', async () => {
    await withPage(browser, async (page) => {
      await hookExecution(page);
      /** @type {string[]} */
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => undefined);
      });
      await openReady(page);
      const keys = await page.evaluate(async () => {
        const module = /** @type {typeof import('../web/pkg/playground_wasm.js')} */ (
          await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href));
        const rows = /** @type {import('../web/shared/types.js').SettingRow[]} */ (module.settingsTable());
        return rows.map((row) => row.key);
      });
      const payloads = [
        '<script>window.pwned=1</script>',
        'javascript:window.pwned=1',
        '"><img src=x onerror="window.pwned=1">',
        '<svg/onload=alert(1)>',
        '\'-alert(1)-\'',
        '</textarea><script>alert(1)</script>',
      ];
      const link = keys.map((key, i) => `${key}=${encodeURIComponent(payloads[i % payloads.length])}`).join('&');
      await page.evaluate((hash) => { window.location.hash = hash; }, link);
      const banner = page.getByTestId('error');
      await banner.waitFor({ state: 'visible' });
      const text = (await banner.textContent()) ?? '';
      for (const key of keys) assert.ok(text.includes(`${key}=`), `the banner names ${key}`);
      assert.equal(await banner.locator('*').count(), 0, 'the banner holds text only');
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
      assert.doesNotMatch(await page.evaluate(() => window.location.hash), /script|javascript|onerror|onload/i);

      const fields = page.locator('main input[type="text"]');
      const count = await fields.count();
      assert.ok(count >= 10, `${count} text fields`);
      for (let i = 0; i < count; i += 1) {
        const field = fields.nth(i);
        if (!(await field.isVisible()) || !(await field.isEditable())) continue;
        await field.fill(payloads[i % payloads.length]);
        await field.press('Enter');
      }
      await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
      assert.deepEqual(await page.evaluate(injectionTraces), CLEAN);
      assert.deepEqual(dialogs, []);
    });
  });

  test('every link of the hostile corpus opens in the page, is named in the banner and runs nothing', async (context) => {
    const links = await hostileLinks();
    assert.ok(links.length >= 300);
    await withPage(browser, async (page) => {
      await hookExecution(page);
      await openReady(page);
      const failures = [];
      let slowest = 0;
      for (const { line, key, link } of links) {
        const seen = await page.evaluate(async (link) => {
          const start = performance.now();
          const changed = new Promise((done) => {
            window.addEventListener('hashchange', done, { once: true });
            setTimeout(done, 3000);
          });
          window.location.hash = link;
          await changed;
          const banner = /** @type {HTMLElement} */ (document.querySelector('[data-testid="error"]'));
          return { ms: performance.now() - start, hidden: banner.hidden, lines: (banner.textContent ?? '').split('\n') };
        }, link);
        slowest = Math.max(slowest, seen.ms);
        const named = key !== null && seen.lines.some((text) => text.startsWith(`${key}=`) || text.startsWith(`${key}: `));
        if (key === null ? !seen.hidden : seen.hidden || !named) {
          failures.push(`links.txt:${line}: want ${key ?? 'no banner'}, banner ${seen.hidden ? 'hidden' : seen.lines.join(' | ').slice(0, 200)}`);
        }
      }
      context.diagnostic(`${links.length} hostile links opened in the page, ${failures.length} failures, slowest ${slowest.toFixed(0)} ms`);
      assert.deepEqual(failures, []);
      assert.ok(slowest < 3000, `a link took ${slowest.toFixed(0)} ms to open`);
      assert.deepEqual(await page.evaluate(injectionTraces), CLEAN);
      assert.deepEqual(await page.evaluate(() => /** @type {ProbeWindow} */ (window).violations), []);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
    });
  });

  test('every attention link of its hostile corpus opens in the attention lab, is named in the banner and runs nothing', async (context) => {
    // Links whose `lab` is not the attention lab's load another page: the plane's corpus covers those.
    const links = (await hostileLinks(ATTENTION_CORPUS))
      .filter(({ link }) => new URLSearchParams(link).get('lab') === 'attention');
    assert.ok(links.length >= 50);
    await withPage(browser, async (page) => {
      await hookExecution(page);
      await page.goto(`${BASE_URL}#lab=attention`);
      await page.waitForFunction(() => document.body.dataset.attentionViews === '0', null, { timeout: 30_000 });
      const failures = [];
      for (const { line, key, link } of links) {
        // The worker lab says the banner once its views drew the new experiment.
        const seen = await page.evaluate(async (link) => {
          document.body.dataset.attentionViews = 'stale';
          window.location.hash = link;
          const start = performance.now();
          while (document.body.dataset.attentionViews !== '0' && performance.now() - start < 10_000) {
            await new Promise((done) => setTimeout(done, 20));
          }
          const banner = /** @type {HTMLElement} */ (document.querySelector('[data-testid="error"]'));
          const drawn = document.body.dataset.attentionViews === '0';
          return { drawn, hidden: banner.hidden, lines: (banner.textContent ?? '').split('\n') };
        }, link);
        if (!seen.drawn) failures.push(`attention-links.txt:${line}: the lab never opened it`);
        const named = key !== null && seen.lines.some((text) => text.startsWith(`${key}=`) || text.startsWith(`${key}: `));
        if (key === null ? !seen.hidden : seen.hidden || !named) {
          failures.push(`attention-links.txt:${line}: want ${key ?? 'no banner'}, banner ${seen.hidden ? 'hidden' : seen.lines.join(' | ').slice(0, 200)}`);
        }
      }
      context.diagnostic(`${links.length} hostile attention links opened in the page, ${failures.length} failures`);
      assert.deepEqual(failures, []);
      assert.deepEqual(await page.evaluate(injectionTraces), CLEAN);
      assert.deepEqual(await page.evaluate(() => /** @type {ProbeWindow} */ (window).violations), []);
    });
  });

  test('the largest network on the most data keeps frames short while playing', async (context) => {
    await withPage(browser, async (page) => {
      await openReady(page, BIGGEST);
      await page.getByTestId('play').dispatchEvent('click');
      const { times, longest } = await page.evaluate(frameTimes, 6000);
      await page.getByTestId('pause').dispatchEvent('click');
      const intervals = times.slice(1).map((time, i) => time - times[i]);
      const [typical, worst] = [median(intervals), Math.max(...intervals)];
      context.diagnostic(`${intervals.length} frames: median ${typical.toFixed(1)} ms, longest `
        + `${worst.toFixed(0)} ms, longest task ${longest.toFixed(0)} ms`);
      assert.ok(typical < 100, `median frame interval ${typical.toFixed(1)} ms`);
      assert.ok(worst < 1000, `one frame took ${worst.toFixed(0)} ms`);
      assert.ok(longest < 1000, `a task ran for ${longest.toFixed(0)} ms`);
      assert.ok((await readNumber(page, 'step-count')) > 0, 'it trained');
    });
  });

  test('diverging links stop with the message and show no NaN or Infinity anywhere', async () => {
    const links = [
      'learningRate=10&activation=linear&problem=regression&networkShape=8,8,8',
      'learningRate=10&activation=linear&networkShape=8,8,8&loss=crossEntropy&dataset=spiral&classes=3',
      'problem=regression&regDataset=reg-gauss&activation=relu&learningRate=5&networkShape=4,2',
    ];
    for (const link of links) {
      await withPage(browser, async (page) => {
        await openReady(page, link);
        await page.getByTestId('play').click();
        await page.getByTestId('status').filter({ hasText: 'diverged' }).waitFor({ timeout: 30_000 });
        const shown = await page.evaluate(() => document.body.innerText);
        assert.doesNotMatch(shown, /\bNaN\b|Infinity|\bnull\b|undefined/, link);
        const dark = await page.evaluate(() => {
          const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="heatmap"]'));
          const { data } = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'))
            .getImageData(0, 0, canvas.width, canvas.height);
          let count = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 30 || data[i + 3] < 255) count += 1;
          return count;
        });
        assert.equal(dark, 0, `${link}: black or transparent (NaN) pixels on the heatmap`);
      });
    }
  });

  test('when the later views\' modules cannot load, the banner says so and training still works', async () => {
    // Not withPage: the refused request is a console error here, on purpose.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.route('**/web/plane/network.js', (route) => route.abort());
      await page.goto(BASE_URL);
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      await page.waitForFunction(() => /could not load/
        .test(document.querySelector('[data-testid="error"]')?.textContent ?? ''));
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
    } finally {
      await page.close();
    }
  });

  test('added points and changed settings survive a reload', async () => {
    await withPage(browser, async (page) => {
      await openReady(page, 'dataset=xor&learningRate=0.03');
      // clicks add points once the data view is built, right after the page is interactive
      await page.getByTestId('user-point-count').waitFor();
      const box = await page.getByTestId('heatmap').boundingBox();
      assert.ok(box);
      await page.getByTestId('heatmap').click({ position: { x: box.width * 0.25, y: box.height * 0.25 } });
      await page.getByTestId('heatmap').click({ position: { x: box.width * 0.75, y: box.height * 0.6 } });
      await page.waitForFunction(() => /userPoints=[^&]+%3B|userPoints=[^&]+;/.test(window.location.hash));
      const hash = await page.evaluate(() => window.location.hash);
      await page.reload();
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      assert.equal(await page.evaluate(() => window.location.hash), hash);
      assert.equal(await page.getByTestId('user-point-count').textContent(), '2');
      assert.equal(await page.getByTestId('setting-learningRate').inputValue(), '0.03');
      assert.ok(await page.getByTestId('dataset-xor').locator('input').isChecked());
    });
  });
});

describe('a panic inside wasm', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    buildTestHooks();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('the production module has no test hooks', async () => {
    const text = await readFile(join(ROOT, 'web', 'pkg', 'playground_wasm.js'), 'utf8');
    assert.ok(text.includes('onPanic'), 'web/pkg exports onPanic');
    assert.ok(!text.includes('forcePanic'), 'web/pkg has no forcePanic');
  });

  test('inside a training call shows the crash overlay with the message and Reload, and Reload restores the experiment', async () => {
    await withCrashPage(async (page, problems) => {
      const link = 'dataset=xor&learningRate=0.03&networkShape=5,3';
      await openReady(page, link);
      const hash = await page.evaluate(() => window.location.hash);
      await page.evaluate(async () => {
        const module = /** @type {TestBuild} */ (
          await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href));
        module.Playground.prototype.trainSteps = () => module.forcePanic('forced panic in trainSteps');
      });
      await page.getByTestId('play').click();
      const overlay = page.getByTestId('crash');
      await overlay.waitFor({ state: 'visible' });
      assert.match((await page.getByTestId('crash-message').textContent()) ?? '', /panicked at .*\n?.*forced panic in trainSteps/s);
      assert.equal(await overlay.getAttribute('role'), 'alertdialog');
      assert.ok(await page.getByTestId('crash-reload').evaluate((button) => button === document.activeElement));
      assert.ok(await page.locator('main').evaluate((main) => /** @type {HTMLElement} */ (main).inert), 'the page behind is inert');
      assert.ok(await page.getByTestId('play').isVisible(), 'training stopped');
      await page.screenshot({ path: join(ARTIFACTS, 'crash.png') });
      assert.deepEqual(problems.pageErrors, [], 'the trap was caught');
      assert.ok(problems.consoleErrors.length > 0 && problems.consoleErrors.every((text) => text.includes('forced panic')),
        problems.consoleErrors.join('\n'));

      await page.getByTestId('crash-reload').click();
      await waitForNumbers(page, [['step-count', '==', 0], ['train-loss', '>', -Infinity]]);
      assert.equal(await page.evaluate(() => window.location.hash), hash);
      assert.equal(await page.getByTestId('crash').count(), 0);
      await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '>', 0]]);
    });
  });

  test('that escapes every handler still shows the crash overlay', async () => {
    await withCrashPage(async (page, problems) => {
      await openReady(page);
      await page.evaluate(async () => {
        const module = /** @type {TestBuild} */ (
          await import(new URL('web/pkg/playground_wasm.js', document.baseURI).href));
        setTimeout(() => module.forcePanic('forced panic in a timer'));
      });
      await page.getByTestId('crash').waitFor({ state: 'visible' });
      assert.match((await page.getByTestId('crash-message').textContent()) ?? '', /forced panic in a timer/);
      assert.ok(problems.pageErrors.every((text) => /unreachable|RuntimeError/i.test(text)), problems.pageErrors.join('\n'));
      // Nothing calls the dead module again: the buttons do nothing, no further errors.
      const before = problems.pageErrors.length + problems.consoleErrors.length;
      await page.getByTestId('step').dispatchEvent('click');
      await page.evaluate(() => { window.location.hash = 'dataset=circle'; });
      await page.evaluate(() => new Promise((done) => setTimeout(done, 200)));
      assert.equal(problems.pageErrors.length + problems.consoleErrors.length, before);
    });
  });

  /**
   * Opens a page that loads the test build instead of web/pkg, runs `body`, and gives it the
   * console errors and page errors seen (the panic tests expect some).
   * @param {(page: import('playwright-core').Page,
   *   problems: {consoleErrors: string[], pageErrors: string[]}) => Promise<void>} body
   */
  async function withCrashPage(body) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = { consoleErrors: /** @type {string[]} */ ([]), pageErrors: /** @type {string[]} */ ([]) };
    page.on('console', (message) => message.type() === 'error' && problems.consoleErrors.push(message.text()));
    page.on('pageerror', (error) => problems.pageErrors.push(error.message));
    for (const [file, type] of [['playground_wasm.js', 'text/javascript'], ['playground_wasm_bg.wasm', 'application/wasm']]) {
      await page.route(`**/web/pkg/${file}`, (route) => route.fulfill({ path: join(TEST_PKG, file), contentType: type }));
    }
    try {
      await body(page, problems);
    } finally {
      await page.close();
    }
  }
});

/** Builds crates/wasm with `test-hooks` (a dev build, for speed) into TEST_PKG. */
function buildTestHooks() {
  const env = { ...process.env };
  if (env.CARGO_TARGET_DIR && !isAbsolute(env.CARGO_TARGET_DIR)) {
    env.CARGO_TARGET_DIR = join(ROOT, env.CARGO_TARGET_DIR);
  }
  const args = ['build', '--dev', '--target', 'web', '--no-opt', '--mode', 'no-install',
    '--out-dir', TEST_PKG, join(ROOT, 'crates', 'wasm'), '--features', 'test-hooks'];
  const result = spawnSync('wasm-pack', args, { cwd: ROOT, env, encoding: 'utf8' });
  assert.equal(result.status, 0, `wasm-pack ${args.join(' ')} failed:\n${result.stderr}`);
}
