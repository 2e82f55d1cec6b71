// Where the digits lab's settings go in the shared form (web/shared/form.js). Which of them matter
// is the engine's (web/shared/lab-experiment.js asks `relevantOf`).

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
