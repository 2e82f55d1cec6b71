// Every lesson preset shows what its lesson says, on screen: in English and in Chinese, a
// learner's page clicks each preset, which plays at the preset's own pace until it pauses at
// its epoch or stops by itself, and the test reads the page's own figures (the metrics table,
// the counters, what the charts drew, the notes) against the preset's `checks`, the same ones
// crates/cli/tests/lesson_presets.rs checks natively. Presets that open the same link (the
// "without" of each remedy) are played once. The plane lab's lessons and the digits lab's
// (web/labs/digits/lessons.js: their figures add the network's parameter count from the
// parameters table and the accuracy on shifted digits from the translation chart), and the
// sequence lab's (web/labs/sequence/lessons.js: the loss against its baseline and the
// parameter count from the loss view's readout, how far the gradient reaches back from the
// gradient heatmap), and the words lab's (web/labs/words/lessons.js: the followed pairs'
// similarities from the pairs view, the group score and the analogy's rank from the
// projection's readout), and the
// attention lab's (web/labs/attention/lessons.js: the exact match and the parameter count from
// the per-position view's readout, the test accuracy per token from the metrics). A preset that
// opens another lab than its lesson's is clicked in its lesson, as a learner does, and checked in
// the lab it opens, with that lab's presets.
// Needs BASE_URL (see browser.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, launchBrowser, readNumber, waitForNumbers, withPage } from './browser.mjs';

/** @typedef {import('playwright-core').Page} Page */

/**
 * What a chart drew, as web/shared/plot.js `plotted` gives it.
 * @typedef {{x: number[], lines: Array<Array<number | null>>, xLabel: string}} Plotted
 */

/** @typedef {import('../web/plane/lessons-content.js').Lesson} Lesson */

/**
 * Each lab: the link that opens it, where its lessons are and under which name, and how many
 * pages play its presets at once per language (the plane's are paced, so the machine has time
 * over; a digits page trains at full speed in two workers, its model and the translation
 * chart's MLP twin).
 */
const LABS = {
  plane: { link: '#v=1', module: 'web/plane/lessons-content.js', name: 'LESSONS', pages: 2, least: 25 },
  digits: { link: '#v=1&lab=digits', module: 'web/labs/digits/lessons.js', name: 'DIGITS_LESSONS', pages: 1, least: 10 },
  sequence: { link: '#v=1&lab=sequence', module: 'web/labs/sequence/lessons.js', name: 'SEQUENCE_LESSONS', pages: 1, least: 9 },
  words: { link: '#v=1&lab=words', module: 'web/labs/words/lessons.js', name: 'WORDS_LESSONS', pages: 1, least: 5 },
  attention: { link: '#v=1&lab=attention', module: 'web/labs/attention/lessons.js', name: 'ATTENTION_LESSONS', pages: 1, least: 10 },
};

/** The labs whose views draw one per frame after a pause, and the body's data key that says
 * which update they show once all have drawn. */
const VIEWS_DRAWN = {
  digits: 'digitsViews', sequence: 'sequenceViews', words: 'wordsViews', attention: 'attentionViews',
};

/**
 * The lessons of every lab as the page has them, each with the lab it belongs to (`home`): a
 * preset that opens another lab than its lesson's is played in the lab it opens.
 * @param {import('playwright-core').Browser} browser
 * @param {keyof typeof LABS} lab the lab whose page loads them
 * @returns {Promise<Array<Lesson & {home: keyof typeof LABS}>>}
 */
async function pageLessons(browser, lab) {
  const homes = /** @type {Array<keyof typeof LABS>} */ (Object.keys(LABS));
  const sources = homes.map((home) => [LABS[home].module, LABS[home].name]);
  /** @type {Lesson[][]} */
  let lessons = [];
  await withPage(browser, async (page) => {
    await page.goto(`${BASE_URL}${LABS[lab].link}`);
    lessons = await page.evaluate(async (sources) => Promise.all(sources.map(async ([module, name]) => {
      const content = await import(new URL(module, document.baseURI).href);
      return content[name];
    })), sources);
  });
  return lessons.flatMap((own, i) => own.map((lesson) => ({ ...lesson, home: homes[i] })));
}

/**
 * A preset to play: the lab and lesson it is shown in, its id, its link, its checks and the ids
 * of the other presets with the same link (whose checks it carries).
 * @typedef {{home: keyof typeof LABS, lesson: string, preset: string, query: string,
 *   checks: string[], also: string[]}} Preset
 */

/**
 * The presets of `lab` to play: every distinct link once, with every lesson and preset that
 * opens it (a preset that opens another lab is that lab's to play).
 * @param {Array<Lesson & {home: keyof typeof LABS}>} lessons
 * @param {keyof typeof LABS} lab
 * @returns {Preset[]}
 */
function distinctPresets(lessons, lab) {
  /** @type {Map<string, Preset>} */
  const byQuery = new Map();
  for (const lesson of lessons) {
    for (const preset of lesson.presets) {
      if ((new URLSearchParams(preset.query).get('lab') ?? 'plane') !== lab) continue;
      const known = byQuery.get(preset.query);
      const checks = preset.checks.split(' ');
      if (known) {
        known.checks.push(...checks);
        known.also.push(preset.id);
      } else {
        byQuery.set(preset.query, { home: lesson.home, lesson: lesson.id, preset: preset.id, query: preset.query, checks, also: [] });
      }
    }
  }
  return [...byQuery.values()];
}

/**
 * What a chart on the page drew.
 * @param {Page} page
 * @param {string} id the canvas's data-testid
 * @returns {Promise<Plotted>}
 */
function plotted(page, id) {
  return page.evaluate(async (id) => {
    /** @type {typeof import('../web/shared/plot.js')} */
    const plot = await import(new URL('web/shared/plot.js', document.baseURI).href);
    const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector(`[data-testid="${id}"]`));
    const drawn = plot.plotted(canvas);
    if (!drawn) throw new Error(`the chart ${id} drew nothing`);
    return { x: [...drawn.x], lines: drawn.lines.map((line) => [...line]), xLabel: drawn.xLabel };
  }, id);
}

/**
 * The last finite value of a drawn line.
 * @param {Array<number | null>} line
 */
function lastOf(line) {
  const finite = line.filter((value) => value !== null && Number.isFinite(value));
  return /** @type {number} */ (finite[finite.length - 1]);
}

/**
 * Reads figure `name` of a preset's checks off the page (see the Preset typedef in
 * web/plane/lessons-content.js for what each means).
 * @param {Page} page
 * @param {string} name
 * @returns {Promise<number | string | null>}
 */
async function figure(page, name) {
  const percent = async (/** @type {string} */ id) => (await readNumber(page, id)) / 100;
  switch (name) {
    case 'trainLoss': return readNumber(page, 'train-loss');
    case 'testLoss': return readNumber(page, 'test-loss');
    case 'trainAccuracy': return percent('train-accuracy');
    case 'testAccuracy': return percent('test-accuracy');
    case 'epoch': return readNumber(page, 'epoch-count');
    case 'step': return readNumber(page, 'step-count');
    case 'bestEpoch': {
      const marker = page.getByTestId('best-epoch');
      if (await marker.isHidden()) return null;
      return Number(((await marker.textContent()) ?? '').replace(/[^\d]/g, ''));
    }
    case 'rises': {
      const { x, lines } = await plotted(page, 'loss-chart');
      const byEpoch = lines[0].filter((_, i) => x[i] >= 1 && Number.isInteger(x[i]));
      return byEpoch.slice(1).filter((loss, i) => /** @type {number} */ (loss) > /** @type {number} */ (byEpoch[i])).length;
    }
    case 'testLossClimb': {
      const { lines } = await plotted(page, 'loss-chart');
      const lowest = Math.min(...lines[1].filter((value) => value !== null).map(Number));
      return (await readNumber(page, 'test-loss')) / lowest;
    }
    case 'gradSpread': {
      const { lines } = await plotted(page, 'grad-chart');
      return lastOf(lines[lines.length - 1]) / lastOf(lines[0]);
    }
    case 'gradMax': {
      const { lines } = await plotted(page, 'grad-chart');
      return Math.max(...lines.flat().filter((value) => value !== null).map(Number));
    }
    case 'stop': {
      if (await page.locator('[data-setting][data-diverged]').count() > 0) return 'diverged';
      const status = (await page.getByTestId('status').textContent()) ?? '';
      return /Early stopping|提前停止/.test(status) ? 'earlyStopped' : null;
    }
    case 'cause':
      return page.locator('[data-setting][data-diverged]').first().getAttribute('data-setting');
    case 'parameters': {
      const summary = page.getByTestId('attention-summary');
      if (await summary.count() > 0) return Number(await summary.getAttribute('data-parameters'));
      const readout = page.getByTestId('sequence-loss-readout');
      if (await readout.count() > 0) return Number(await readout.getAttribute('data-parameters'));
      return Number(await page.locator('[data-testid="digits-params"] tfoot tr').getAttribute('data-total'));
    }
    case 'exactMatch': {
      const shown = await page.getByTestId('attention-summary').getAttribute('data-exact-match');
      return shown === null || shown === '' ? null : Number(shown);
    }
    case 'baselineLoss':
      return Number(await page.getByTestId('sequence-loss-readout').getAttribute('data-baseline'));
    case 'lossRatio': {
      const readout = page.getByTestId('sequence-loss-readout');
      return Number(await readout.getAttribute('data-test-loss')) / Number(await readout.getAttribute('data-baseline'));
    }
    case 'similarPair':
    case 'distantPair':
      return Number(await page.getByTestId(`words-pair-${name === 'similarPair' ? 0 : 1}-value`).getAttribute('data-similarity'));
    case 'groupNeighbours':
      return Number(await page.getByTestId('words-summary').getAttribute('data-group-neighbours'));
    case 'analogyRank':
      return Number(await page.getByTestId('words-summary').getAttribute('data-analogy-rank'));
    case 'gradReach':
      return Number(await page.getByTestId('sequence-heatmap-canvas').getAttribute('data-reach'));
    case 'shift1':
    case 'shift2':
    case 'shift3': {
      const main = await page.getByTestId('digits-translation-chart').getAttribute('data-main');
      return JSON.parse(main || '[]')[Number(name.slice(5))] ?? null;
    }
    default: throw new Error(`unknown figure ${name}`);
  }
}

/**
 * Whether `value` passes `op wanted`.
 * @param {number | string | null} value
 * @param {string} op
 * @param {string} wanted
 */
function passes(value, op, wanted) {
  if (typeof value !== 'number') return op === '=' && value === wanted;
  const number = Number(wanted);
  return op === '<' ? value < number : op === '>' ? value > number : value === number;
}

/**
 * Clicks a preset the way a learner does and waits until it pauses at its epoch or stops.
 * @param {Page} page
 * @param {Preset} preset
 */
async function play(page, { home, lesson, preset, query }) {
  const settings = new URLSearchParams(query);
  const lab = settings.get('lab') ?? 'plane';
  const pauseAt = Number(settings.get('pauseAt') ?? 0);
  const speed = Number(settings.get('speed'));
  await page.getByTestId(`lesson-${lesson}`).click();
  await page.getByTestId(`preset-${preset}`).click();
  if (lab !== home) {
    // The lab it opens loads its page, then plays: wait for that, not for the lesson's page.
    await page.waitForURL((url) => new URLSearchParams(url.hash.slice(1)).get('lab') === lab);
    await page.getByTestId('pause').waitFor({ state: 'visible', timeout: 30_000 });
  }
  await page.getByTestId('pause').waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
  // At full speed ('max') a digits epoch takes up to about a second on a loaded machine.
  const seconds = pauseAt > 0 && Number.isFinite(speed) ? pauseAt / speed : Math.max(5, pauseAt);
  await page.getByTestId('play').waitFor({ state: 'visible', timeout: 3 * seconds * 1000 + 15_000 });
  if (pauseAt > 0) await waitForNumbers(page, [['epoch-count', '==', pauseAt]], 2_000);
  const drawn = VIEWS_DRAWN[/** @type {keyof typeof VIEWS_DRAWN} */ (settings.get('lab'))];
  if (drawn) {
    // The lab's views draw one per frame after the pause: wait until they show it.
    const step = String(await readNumber(page, 'step-count'));
    await page.waitForFunction(([key, step]) => document.body.dataset[key] === step, [drawn, step], { timeout: 30_000 });
  }
}

/**
 * Plays `presets` one after another in one page of `lab` in `lang`, and returns what the page
 * showed for each check and the checks that failed.
 * @param {import('playwright-core').Browser} browser
 * @param {keyof typeof LABS} lab
 * @param {'en' | 'zh'} lang
 * @param {Preset[]} presets
 */
async function playAll(browser, lab, lang, presets) {
  /** @type {string[]} */
  const failed = [];
  /** @type {string[]} */
  const shown = [];
  await withPage(browser, async (page) => {
    /** @type {keyof typeof LABS | ''} */
    let opened = '';
    for (const preset of presets) {
      // A preset of another lab's lesson is clicked there, as a learner does, and opens this lab.
      if (preset.home !== opened) {
        await page.goto(`${BASE_URL}${LABS[preset.home].link}&lang=${lang}`);
        await page.getByTestId('lesson-text').waitFor();
      }
      await play(page, preset);
      opened = lab;
      for (const check of preset.checks) {
        const [, name, op, wanted] = /** @type {RegExpMatchArray} */ (check.match(/^(\w+)([<>=])(.+)$/));
        const value = await figure(page, name);
        shown.push(`${lang} ${preset.preset}: ${name} ${typeof value === 'number' ? Number(value.toPrecision(4)) : value} (${check})`);
        if (!passes(value, op, wanted)) {
          failed.push(`${lang} ${[preset.preset, ...preset.also].join('/')}: ${check}, the page shows ${value}`);
        }
      }
    }
  });
  return { failed, shown };
}

describe('every lesson preset, played in the page at its pace', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const lab of /** @type {const} */ (['plane', 'digits', 'sequence', 'words', 'attention'])) {
    test(`shows what its lesson says in the ${lab} lab, in English and in Chinese`, { timeout: 900_000 }, async (t) => {
      const presets = distinctPresets(await pageLessons(browser, lab), lab);
      assert.ok(presets.length >= LABS[lab].least, `${presets.length} distinct presets`);
      /** @type {Preset[][]} */
      const shares = Array.from({ length: LABS[lab].pages }, () => []);
      presets.forEach((preset, i) => shares[i % shares.length].push(preset));
      const runs = /** @type {const} */ (['en', 'zh']).flatMap((lang) =>
        shares.map((share) => playAll(browser, lab, lang, share)));
      const results = await Promise.all(runs);
      for (const line of results.flatMap((result) => result.shown).sort()) t.diagnostic(line);
      assert.deepEqual(results.flatMap((result) => result.failed), []);
    });
  }
});
