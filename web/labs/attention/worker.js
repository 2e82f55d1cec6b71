// The attention lab's training, in a Web Worker: one AttentionLab (web/pkg-digits, which the
// digits, sequence, words and attention labs share) answers the page's requests, so neither
// training the Transformer nor the views' questions (every head's attention, a head's walk, the
// test set with heads silenced) ever block the page.
//
// Protocol: the page posts {id, kind, args}; the worker answers {id, ok: true, result} or
// {id, ok: false, error: {message, messageZh, crashed}} (`crashed`: the module trapped).
// Requests are answered in order, one at a time.
//   open {link}          builds the lab from a link -> {link, parameters, vocabulary}
//   apply {link}         changes settings (live ones keep the weights)
//                        -> {rebuilt, link, parameters, vocabulary}
//   reset                the same experiment from its start -> {link}
//   train {steps}        up to `steps` updates, stopping at the end of an epoch
//                        -> {step, epoch, batchLoss, epochEnded, stopped}
//   metrics              losses, accuracies, gradient norms, exact match, per-position
//                        accuracy, the last update's gradient norm, parameters
//   views {input, example, layer, head, knocked}
//                        what the views draw for one input (the typed `input`, token ids, or
//                        else test sequence `example`): every head's attention, the answers
//                        and the expected ones, head `head` of block `layer` step by step, and
//                        the test set with the heads `knocked` ([layer, head, …]) silenced; a
//                        typed input the network cannot read falls back to the example, and
//                        `refused` says why
//   predict {prompt}     the text task's 10 most likely next words, as {token, probability}
//   sample {prompt, temperature, count, seed}  the text task's generated text
import init, { AttentionLab } from '../../pkg-digits/playground_wasm.js';
import { serveRequests } from '../../shared/worker-requests.js';

/** The most updates one `trainSteps` call may take (the handle's MAX_ATTENTION_STEPS_PER_CALL). */
const MAX_STEPS_PER_CALL = 1000;
/** Stands for a next word the test window does not hold (its last position's). */
const UNKNOWN = -1;

/** @type {AttentionLab | null} */
let lab = null;
const ready = init();

/** The open lab, or an error the page shows. */
function opened() {
  if (!lab) throw new Error('the attention lab is not open yet');
  return lab;
}

/** What the page learns of the experiment when it opens or rebuilds. */
function described() {
  const it = opened();
  return { link: it.link(), parameters: it.parameterCount(), vocabulary: it.vocabulary() };
}

/**
 * The error `error` as the page shows it in place.
 * @param {unknown} error
 */
function refusal(error) {
  const e = /** @type {any} */ (error);
  return { message: String(e?.message ?? e), messageZh: String(e?.messageZh ?? e?.message ?? e) };
}

/**
 * What each position should answer: the symbol task's answer, or for a test window of the text
 * each word's next word (a typed text's are not known: UNKNOWN).
 * @param {AttentionLab} it
 * @param {Uint16Array} input
 * @param {boolean} text
 * @param {number | null} example the test window shown, or null for a typed input
 * @returns {number[]}
 */
function expectedOf(it, input, text, example) {
  if (!text) return [...it.expected(input)];
  if (example !== null) return [...it.testTarget(example)];
  return [...input.slice(1), UNKNOWN];
}

/** @type {Record<string, (args: any) => any>} */
const HANDLERS = {
  open({ link }) {
    lab?.free();
    lab = null;
    lab = new AttentionLab(link);
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
    const wanted = Math.max(1, Math.min(steps, it.stepsLeftInEpoch(), MAX_STEPS_PER_CALL));
    const batchLoss = it.trainSteps(wanted);
    return {
      step: it.step(),
      epoch: it.epoch(),
      batchLoss,
      epochEnded: it.epoch() > epoch,
      stopped: it.stopped(),
    };
  },
  metrics() {
    return { ...opened().metrics(), parameters: opened().parameterCount() };
  },
  views({ input, example, layer, head, knocked }) {
    const it = opened();
    const text = new URLSearchParams(it.link()).get('task') === 'text';
    /** @type {{message: string, messageZh: string} | null} */
    let refused = null;
    /** @type {any} */
    let reading = null;
    if (input) {
      try {
        reading = it.read(Uint16Array.from(input));
      } catch (error) {
        refused = refusal(error);
      }
    }
    reading ??= it.read(it.testExample(example));
    const layers = reading.layers.length;
    const shownLayer = Math.min(Math.max(layer, 0), layers - 1);
    const shownHead = Math.min(Math.max(head, 0), reading.heads - 1);
    return {
      ...reading,
      example,
      typed: input !== null && refused === null,
      refused,
      expected: expectedOf(it, reading.input, text, input !== null && refused === null ? null : example),
      walk: { layer: shownLayer, head: shownHead, ...it.headWalk(reading.input, shownLayer, shownHead) },
      knockOut: knocked.length > 0 ? it.knockOut(Uint32Array.from(knocked)) : null,
    };
  },
  predict({ prompt }) {
    return opened().predict(prompt);
  },
  sample({ prompt, temperature, count, seed }) {
    return opened().sample(prompt, temperature, count, seed);
  },
};

serveRequests(ready, HANDLERS);
