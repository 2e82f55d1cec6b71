// The sequence lab's training, in a Web Worker: one SequenceLab (web/pkg-digits, which the
// digits and sequence labs share) answers the page's requests, so backpropagation through a
// hundred steps never blocks the page; three more train side by side for the comparison.
//
// Protocol: the page posts {id, kind, args}; the worker answers {id, ok: true, result} or
// {id, ok: false, error: {message, messageZh, crashed}} (`crashed`: the module trapped).
// Requests are answered in order, one at a time.
//   open {link}             builds the lab from a link -> {link, parameters, vocabulary}
//   apply {link}            changes settings (live ones keep the weights)
//                           -> {rebuilt, link, parameters, vocabulary}
//   reset                   the same experiment from its start -> {link}
//   train {steps}           up to `steps` updates, stopping at the end of an epoch
//                           -> {step, epoch, batchLoss, epochEnded, stopped, norms, clipped,
//                               stepNorms}: each update's global gradient norm before clipping,
//                              how many were clipped, and the last one's per-step norms
//   metrics                 losses, accuracies, gradient norms, baseline, perplexity, stop
//   trace {example}         one test sequence's gates, cell and hidden states, step by step
//   predict {prompt}        the 10 most likely next tokens, as {token, probability}
//   sample {prompt, temperature, count, seed}  generated text
//   compareOpen {links}     opens one lab per link for the side-by-side comparison
//   compareTrain {steps}    `steps` more updates each -> {step (the most any took), testLosses, baseline}
//   compareClose            frees the comparison's labs
import init, { SequenceLab } from '../../pkg-digits/playground_wasm.js';
import { serveRequests } from '../../shared/worker-requests.js';

/** @type {SequenceLab | null} */
let lab = null;
/** @type {SequenceLab[]} */
let compared = [];
const ready = init();

/** The open lab, or an error the page shows. */
function opened() {
  if (!lab) throw new Error('the sequence lab is not open yet');
  return lab;
}

/** @type {Record<string, (args: any) => any>} */
const HANDLERS = {
  open({ link }) {
    lab?.free();
    lab = null;
    lab = new SequenceLab(link);
    return { link: lab.link(), parameters: lab.parameterCount(), vocabulary: lab.vocabulary() };
  },
  apply({ link }) {
    const rebuilt = opened().applyLink(link);
    return { rebuilt, link: opened().link(), parameters: opened().parameterCount(), vocabulary: opened().vocabulary() };
  },
  reset() {
    opened().reset();
    return { link: opened().link() };
  },
  train({ steps }) {
    const it = opened();
    const epoch = it.epoch();
    const wanted = Math.max(1, Math.min(steps, it.stepsLeftInEpoch()));
    const norms = [];
    let clipped = 0;
    let batchLoss = Number.NaN;
    for (let i = 0; i < wanted && !it.stopped(); i++) {
      batchLoss = it.trainSteps(1);
      norms.push(it.gradientNorm());
      if (it.clipped()) clipped += 1;
    }
    return {
      step: it.step(),
      epoch: it.epoch(),
      batchLoss,
      epochEnded: it.epoch() > epoch,
      stopped: it.stopped(),
      norms,
      clipped,
      stepNorms: it.stepGradientNorms(),
    };
  },
  metrics() {
    return { ...opened().metrics(), parameters: opened().parameterCount() };
  },
  trace({ example }) {
    return opened().trace(example);
  },
  predict({ prompt }) {
    return opened().predict(prompt);
  },
  sample({ prompt, temperature, count, seed }) {
    return opened().sample(prompt, temperature, count, seed);
  },
  compareOpen({ links }) {
    for (const one of compared) one.free();
    compared = [];
    compared = links.map((/** @type {string} */ link) => new SequenceLab(link));
    return { count: compared.length };
  },
  compareTrain({ steps }) {
    let baseline = Number.NaN;
    let step = 0;
    const testLosses = compared.map((one) => {
      one.trainSteps(steps);
      const metrics = one.metrics();
      baseline = metrics.baselineLoss;
      step = Math.max(step, one.step());
      return metrics.testLoss;
    });
    return { step, testLosses, baseline };
  },
  compareClose() {
    for (const one of compared) one.free();
    compared = [];
    return {};
  },
};

serveRequests(ready, HANDLERS);
