// End-to-end tests of the digits lab's weights files and its hidden tab in headless Chromium:
// the page's export after an epoch is byte for byte the file `playground LINK --epochs 1
// --export` writes, and a fresh page importing either shows the exporter's numbers; hostile
// files (another lab, other layers, wrong types, not JSON, too large) show the banner in both
// languages and change nothing, training going on after; and playing waits while the tab is
// hidden and goes on when it shows. Needs BASE_URL (see browser.mjs) and cargo, which builds
// and runs the CLI.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { BASE_URL, launchBrowser, readNumber, waitForNumbers, withPage } from './browser.mjs';
import { emulateTabVisibility } from './limits-probes.mjs';

/** A small CNN, quick to train: 4 and 8 filters, 200 training images. */
const LINK = 'lab=digits&filters1=4&filters2=8&trainSize=200';
/** The largest file an import reads (web/plane/files.js `MAX_FILE_BYTES`). */
const MAX_FILE_BYTES = 2_000_000;
/** The repository, where cargo runs. */
const REPO = fileURLToPath(new URL('..', import.meta.url));
/** What a page shows of the network's quality. */
const SHOWN = ['train-loss', 'test-loss', 'train-accuracy', 'test-accuracy'];

/**
 * Opens `link` and waits until the digits lab shows its first measurements.
 * @param {import('playwright-core').Page} page
 * @param {string} link the part after `#`
 */
async function openDigits(page, link) {
  const response = await page.goto(`${BASE_URL}#${link}`);
  assert.equal(response?.status(), 200, `GET ${BASE_URL}#${link}`);
  await page.waitForFunction(() => document.body.classList.contains('lab-digits'));
  await waitForNumbers(page, [['test-accuracy', '>', -1], ['step-count', '==', 0]], 30_000);
}

/** The numbers a page shows of its network, as text. */
async function shown(/** @type {import('playwright-core').Page} */ page) {
  return Promise.all(SHOWN.map((id) => page.getByTestId(id).textContent()));
}

/**
 * Clicks Export and returns the file's name and text.
 * @param {import('playwright-core').Page} page
 */
async function exportWeights(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-weights').click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/**
 * Chooses a file of `text` called `name` in Import.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {string | Buffer} text
 */
async function importFile(page, name, text) {
  await page.getByTestId('import-weights').setInputFiles({
    name, mimeType: 'application/json', buffer: Buffer.from(text),
  });
}

/**
 * Runs the CLI on `LINK` for one epoch, exporting the weights into `dir`, and returns the file's
 * text and the last JSON line it printed (the summary).
 * @param {string} dir
 * @returns {Promise<{text: string, summary: {testAccuracy: number}}>}
 */
async function runCli(dir) {
  const file = join(dir, 'cli-weights.json');
  const { stdout } = await promisify(execFile)('cargo', [
    'run', '-q', '-p', 'playground-cli', '--', LINK, '--epochs', '1', '--every', '0', '--export', file,
  ], { cwd: REPO, maxBuffer: 1 << 24, timeout: 600_000 });
  const lines = stdout.trim().split('\n');
  return { text: await readFile(file, 'utf8'), summary: JSON.parse(lines[lines.length - 1]) };
}

describe('digits lab weights files and hidden tab', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {string} */
  let dir;
  /** The page's export after one epoch and what it showed then. */
  let exported = { name: '', text: '' };
  /** @type {Array<string | null>} */
  let trained = [];
  /** @type {ReturnType<typeof runCli> | null} */
  let cli = null;
  /** The CLI's run, once. */
  const cliExport = () => {
    cli ??= runCli(dir);
    return cli;
  };
  before(async () => {
    browser = await launchBrowser();
    dir = await mkdtemp(join(process.env.TMPDIR ?? tmpdir(), 'digits-files-'));
    await withPage(browser, async (page) => {
      await openDigits(page, LINK);
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]], 30_000);
      const steps = await readNumber(page, 'step-count');
      await page.waitForFunction((step) => document.body.dataset.digitsViews === String(step), steps);
      trained = await shown(page);
      exported = await exportWeights(page);
      assert.equal(exported.name, `digits-weights-step-${steps}.json`);
    });
  });
  after(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('the page exports the CLI\'s file, and a fresh page importing it shows the exporter\'s numbers', async () => {
    const file = JSON.parse(exported.text);
    assert.equal(file.lab, 'digits');
    assert.equal(new URLSearchParams(file.link).get('filters2'), '8', `the link: ${file.link}`);
    assert.equal(file.parameters, 4 * 9 + 4 + 8 * 4 * 9 + 8 + 32 * 10 + 10);
    assert.deepEqual(file.layers.map((/** @type {{kind: string}} */ l) => l.kind), ['conv', 'conv', 'dense']);
    assert.deepEqual(file.layers[1].shape, [8, 4, 3, 3]);

    const { text } = await cliExport();
    assert.equal(exported.text, text, 'the page writes the bytes the CLI writes for the same link and epoch');

    await withPage(browser, async (page) => {
      await openDigits(page, LINK);
      assert.notDeepEqual(await shown(page), trained, 'an untrained network shows other numbers');
      await importFile(page, exported.name, exported.text);
      await page.getByTestId('files-note').waitFor();
      assert.deepEqual(await shown(page), trained, 'the imported network\'s numbers');
      assert.equal(await readNumber(page, 'step-count'), 0, 'importing does not train');
      assert.ok(await page.getByTestId('error').isHidden());
      const again = await exportWeights(page);
      assert.equal(again.text, exported.text, 'the weights read back bit for bit');
    });
  });

  test('a file the CLI wrote imports, and the page shows the CLI\'s test accuracy', async () => {
    const cli = await cliExport();
    await withPage(browser, async (page) => {
      await openDigits(page, LINK);
      await page.getByTestId('import-weights').setInputFiles(join(dir, 'cli-weights.json'));
      await page.getByTestId('files-note').waitFor();
      assert.equal(await page.getByTestId('test-accuracy').textContent(),
        `${(cli.summary.testAccuracy * 100).toFixed(1)}%`);
      assert.deepEqual(await shown(page), trained);
      assert.ok(cli.text.length > 0);
    });
  });

  test('hostile files show the banner, naming what is wrong, and change nothing', async () => {
    const good = JSON.parse(exported.text);
    const linear = {
      lab: 'digits', link: 'v=1&lab=digits&model=linear',
      layers: [{ kind: 'dense', shape: [10, 64], weight: Array(640).fill(0), bias: Array(10).fill(0) }],
    };
    const short = structuredClone(good);
    short.layers[1].weight.pop();
    const typed = structuredClone(good);
    typed.layers[0].weight[3] = '0.5';
    const nulled = structuredClone(good);
    nulled.layers[2].bias[1] = null;
    /** @type {Array<[string, string, RegExp]>} name, contents, what the banner says */
    const cases = [
      ['plane.json', '{"version":1,"sizes":[2,4,1],"layers":[]}', /plane\.json.*not a weights file of the digits lab/],
      ['array.json', '[]', /array\.json.*"lab" must be "digits"/],
      ['linear.json', JSON.stringify(linear), /linear\.json.*1 layers, this network 3.*another network \(model=linear\)/],
      ['short.json', JSON.stringify(short), /short\.json.*layer 2: the file has 287 weights and 8 biases, this network 288 and 8/],
      ['typed.json', JSON.stringify(typed), /typed\.json.*layers\[0\]\.weight\[3\] must be a number/],
      ['nulled.json', JSON.stringify(nulled), /nulled\.json.*layers\[2\]\.bias\[1\] must be a number/],
      ['layers.json', '{"lab":"digits","layers":{}}', /layers\.json.*layers must be an array/],
      ['broken.json', '{"lab":"digits","layers":[', /broken\.json.*not JSON/],
      ['huge.json', ' '.repeat(MAX_FILE_BYTES + 1), /huge\.json.*2\.000001 MB, larger than the 2 MB/],
    ];
    await withPage(browser, async (page) => {
      await openDigits(page, LINK);
      for (let i = 0; i < 3; i += 1) await page.getByTestId('step').click();
      await waitForNumbers(page, [['step-count', '==', 3]]);
      await page.waitForFunction(() => document.body.dataset.digitsViews === '3');
      const before = await shown(page);
      const banner = page.getByTestId('error');
      for (const [name, text, expected] of cases) {
        await importFile(page, name, text);
        await page.waitForFunction((name) => document.querySelector('[data-testid="error"]')
          ?.textContent?.includes(name) ?? false, name);
        assert.match(await banner.textContent() ?? '', expected);
        assert.deepEqual(await shown(page), before, `${name} changed the numbers`);
        assert.equal(await readNumber(page, 'step-count'), 3);
        assert.ok(await page.getByTestId('files-note').isHidden());
      }
      await page.getByTestId('epoch').click();
      await waitForNumbers(page, [['epoch-count', '==', 1]], 30_000);
      const trainedOn = await readNumber(page, 'step-count');
      await page.waitForFunction((step) => document.body.dataset.digitsViews === String(step), trainedOn);
      const after = await shown(page);
      assert.notDeepEqual(after, before, 'training goes on after the refusals');
      assert.equal(after[3], trained[3], 'the network the refusals left trains as the exporter\'s did');
      await importFile(page, exported.name, exported.text);
      await page.getByTestId('files-note').waitFor();
      assert.ok(await banner.isHidden(), 'a good file clears the banner');
    });
  });

  test('the refusal is in Chinese on a Chinese page', async () => {
    const typed = JSON.parse(exported.text);
    typed.layers[0].bias = 'zero';
    await withPage(browser, async (page) => {
      await openDigits(page, `${LINK}&lang=zh`);
      await importFile(page, 'typed.json', JSON.stringify(typed));
      await page.getByTestId('error').waitFor();
      assert.match(await page.getByTestId('error').textContent() ?? '',
        /没有导入 typed\.json 中的权重：layers\[0\]\.bias 必须是数组/);
      assert.equal(await page.getByTestId('import-weights').getAttribute('aria-label'), '导入权重');
      assert.equal(await page.getByTestId('export-weights').getAttribute('aria-label'), '导出权重');
    });
  });

  test('playing waits while the tab is hidden and goes on when it shows', async () => {
    await withPage(browser, async (page) => {
      await openDigits(page, LINK);
      await page.evaluate(emulateTabVisibility);
      await page.getByTestId('play').click();
      await waitForNumbers(page, [['step-count', '>', 20]], 30_000);
      await page.evaluate(() => /** @type {any} */ (window).tab.hide());
      // The request in flight and its epoch's measurements may still land.
      await page.waitForTimeout(500);
      const hidden = await readNumber(page, 'step-count');
      await page.waitForTimeout(1500);
      assert.equal(await readNumber(page, 'step-count'), hidden, 'no updates while hidden');
      assert.ok(await page.getByTestId('pause').isVisible(), 'still playing');
      await page.evaluate(() => /** @type {any} */ (window).tab.show());
      await waitForNumbers(page, [['step-count', '>', hidden]], 10_000);
      await page.getByTestId('pause').click();
    });
  });
});
