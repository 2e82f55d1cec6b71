// Where the digits lab's settings go in the shared form (web/shared/form.js), and which of them
// matter given the others, as the engine's table says with its `when` rules
// (crates/playground/src/settings/table/digits.rs and training.rs).

/** @typedef {import('../../shared/form.js').FormLayout} FormLayout */

/** The digits lab's form: data and pause in the left column, the rest in the training panel. */
/** @type {FormLayout} */
export const DIGITS_LAYOUT = {
  lab: 'digits',
  places: {
    data: ['trainSize', 'seed', 'batchSize', 'pauseAt'],
    network: ['model', 'filters1', 'filters2', 'kernel', 'pooling', 'hidden', 'initSeed'],
    optimizer: ['optimizer', 'learningRate', 'momentum', 'beta1', 'beta2', 'rho', 'weightDecay'],
    schedule: ['lrSchedule', 'lrEpochs', 'lrDecay'],
    overfitting: ['regularization', 'regularizationRate', 'dropout', 'patience'],
    augmentation: ['augShift', 'augRotate', 'augFlip', 'augNoise'],
    language: ['lang'],
  },
  sections: {
    network: 'digits.section.network',
    optimizer: 'section.optimizer',
    schedule: 'section.schedule',
    overfitting: 'section.overfitting',
    augmentation: 'digits.section.augmentation',
  },
  groupPlaces: { data: 'data', network: 'network', training: 'optimizer', view: 'data' },
  renderedElsewhere: new Set(['speed']),
  firstScreen: new Set(['data', 'network', 'optimizer', 'schedule', 'overfitting', 'augmentation', 'language']),
  regenerate: false,
};

/**
 * The settings that only matter while another one has a value: setting -> [that setting, its
 * values]. Settings not listed always matter.
 * @type {Record<string, [string, string[]]>}
 */
const WHEN = {
  filters1: ['model', ['cnn']],
  filters2: ['model', ['cnn']],
  kernel: ['model', ['cnn']],
  pooling: ['model', ['cnn']],
  hidden: ['model', ['mlp']],
  momentum: ['optimizer', ['momentum', 'nesterov']],
  beta1: ['optimizer', ['adam', 'adamw']],
  beta2: ['optimizer', ['adam', 'adamw']],
  rho: ['optimizer', ['rmsprop']],
  weightDecay: ['optimizer', ['adamw']],
  lrEpochs: ['lrSchedule', ['step', 'cosine']],
  lrDecay: ['lrSchedule', ['step']],
  regularizationRate: ['regularization', ['L1', 'L2']],
};

/**
 * Whether each setting of `values` matters given the others, keyed by its link key.
 * @param {Record<string, string>} values every setting's value in link spelling
 * @returns {Record<string, boolean>}
 */
export function relevantSettings(values) {
  return Object.fromEntries(Object.keys(values).map((key) => {
    const rule = WHEN[key];
    return [key, !rule || rule[1].includes(values[rule[0]])];
  }));
}
