// Where the attention lab's settings go in the shared form (web/shared/form.js). Which of them
// matter is the engine's (web/shared/lab-experiment.js asks `relevantOf`).

/** @typedef {import('../../shared/form.js').FormLayout} FormLayout */

/** The attention lab's form: the task and pause in the left column, the rest in the training panel. */
/** @type {FormLayout} */
export const ATTENTION_LAYOUT = {
  lab: 'attention',
  places: {
    data: ['task', 'length', 'seed', 'batchSize', 'pauseAt'],
    network: ['layers', 'heads', 'dim', 'positions', 'initSeed'],
    optimizer: ['optimizer', 'learningRate', 'momentum', 'beta1', 'beta2', 'rho', 'weightDecay'],
    schedule: ['lrSchedule', 'lrEpochs', 'lrDecay'],
    overfitting: ['regularization', 'regularizationRate', 'patience'],
    language: ['lang'],
  },
  sections: {
    network: 'attention.section.network',
    optimizer: 'section.optimizer',
    schedule: 'section.schedule',
    overfitting: 'section.overfitting',
  },
  groupPlaces: { data: 'data', network: 'network', training: 'optimizer', view: 'data' },
  renderedElsewhere: new Set(['speed']),
  firstScreen: new Set(['data', 'network', 'optimizer', 'schedule', 'overfitting', 'language']),
  regenerate: false,
};
