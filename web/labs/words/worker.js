// The words lab's training, in a Web Worker: one WordsLab (web/pkg-digits, which the digits,
// sequence and words labs share) answers the page's requests, so neither training nor the
// views' questions (a projection of every vector, similarities) ever block the page.
//
// Protocol: the page posts {id, kind, args}; the worker answers {id, ok: true, result} or
// {id, ok: false, error: {message, messageZh, crashed}} (`crashed`: the module trapped).
// Requests are answered in order, one at a time.
//   open {link}          builds the lab from a link -> {link, parameters, vocabulary, groups,
//                        groupIds}: `groupIds` holds each word's group, or -1
//   apply {link}         changes settings (live ones keep the vectors)
//                        -> {rebuilt, link, parameters, vocabulary, groups, groupIds}
//   reset                the same experiment from its start -> {link}
//   train {steps}        up to `steps` updates, in calls within the handle's budget, stopping at
//                        the end of an epoch -> {step, epoch, batchLoss, epochEnded, stopped}
//                        (`stopped` also once the link's epochs are trained)
//   track {pairs}        the word pairs whose similarity `metrics` reports
//   metrics              losses, accuracies, gradient norms, parameters, finished, and `pairs`:
//                        the similarity of each tracked pair (null for a word the text lacks)
//   views {word, analogy: [a, b, c], sample: string[]}
//                        what the views draw: the projection, the word's neighbours, its
//                        co-occurrence counts and similarity to every word, the analogy's top 5
//                        (a refused question answers {error}), the similarities among the
//                        sample's words, the summary
//   vectorsFile          the vectors as the CLI's --export writes them
import init, { WordsLab } from '../../pkg-digits/playground_wasm.js';
import { serveRequests } from '../../shared/worker-requests.js';

/** How many neighbours and analogy answers the views show. */
const LISTED = 5;

/** @type {WordsLab | null} */
let lab = null;
/** @type {Array<[string, string]>} */
let tracked = [];
const ready = init();

/** The open lab, or an error the page shows. */
function opened() {
  if (!lab) throw new Error('the words lab is not open yet');
  return lab;
}

/** What the page learns of the experiment when it opens or rebuilds. */
function described() {
  const it = opened();
  const vocabulary = it.vocabulary();
  const groupIds = vocabulary.map((/** @type {string} */ _, /** @type {number} */ id) => it.groupOf(id));
  return { link: it.link(), parameters: it.parameterCount(), vocabulary, groups: it.groups(), groupIds };
}

/**
 * Calls `ask`, returning `{error: {message, messageZh}}` instead of throwing, for an answer that
 * a view shows in place.
 * @template T
 * @param {() => T} ask
 * @returns {T | {error: {message: string, messageZh: string}}}
 */
function caught(ask) {
  try {
    return ask();
  } catch (error) {
    const e = /** @type {any} */ (error);
    return { error: { message: String(e?.message ?? e), messageZh: String(e?.messageZh ?? e?.message ?? e) } };
  }
}

/** @type {Record<string, (args: any) => any>} */
const HANDLERS = {
  open({ link }) {
    lab?.free();
    lab = null;
    lab = new WordsLab(link);
    return described();
  },
  apply({ link }) {
    const rebuilt = opened().applyLink(link);
    return { rebuilt, ...described() };
  },
  reset() {
    opened().reset();
    return { link: opened().link() };
  },
  train({ steps }) {
    const it = opened();
    const epoch = it.epoch();
    const wanted = Math.max(1, Math.min(steps, it.stepsLeftInEpoch()));
    let batchLoss = Number.NaN;
    let taken = 0;
    while (taken < wanted && !it.stopped() && !it.finished()) {
      const now = Math.min(wanted - taken, it.stepsPerCall());
      batchLoss = it.trainSteps(now);
      taken += now;
    }
    return {
      step: it.step(),
      epoch: it.epoch(),
      batchLoss,
      epochEnded: it.epoch() > epoch,
      stopped: it.stopped() || it.finished(),
    };
  },
  track({ pairs }) {
    tracked = pairs;
    return {};
  },
  metrics() {
    const it = opened();
    const pairs = tracked.map(([a, b]) => {
      const similarity = caught(() => it.similarity(a, b));
      return typeof similarity === 'number' ? similarity : null;
    });
    return { ...it.metrics(), pairs };
  },
  views({ word, analogy, sample }) {
    const it = opened();
    const [a, b, c] = analogy;
    return {
      projection: it.projection(),
      neighbours: caught(() => it.neighbours(word, LISTED)),
      cooccurrences: caught(() => it.cooccurrences(word)),
      analogy: caught(() => it.analogy(a, b, c, LISTED)),
      similarities: caught(() => Float32Array.from(it.vocabulary(), (/** @type {string} */ other) => it.similarity(word, other))),
      sample: sample.map((/** @type {string} */ one) =>
        sample.map((/** @type {string} */ other) => caught(() => it.similarity(one, other)))),
      summary: it.summary(),
    };
  },
  vectorsFile() {
    return opened().vectorsFile();
  },
};

serveRequests(ready, HANDLERS);
