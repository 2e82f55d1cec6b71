// Where the words lab's settings go in the shared form (web/shared/form.js). Which of them matter
// is the engine's (web/shared/lab-experiment.js asks `relevantOf`); the pasted text has its own
// box in the views' card (views/text.js), so the form leaves it out.

/** @typedef {import('../../shared/form.js').FormLayout} FormLayout */

/** The words lab's form: the text and pause in the left column, the rest in the training panel. */
/** @type {FormLayout} */
export const WORDS_LAYOUT = {
  lab: 'words',
  places: {
    data: ['corpus', 'window', 'seed', 'pauseAt'],
    network: ['method', 'dim', 'negatives', 'initSeed'],
    optimizer: ['optimizer', 'learningRate', 'batchSize', 'epochs', 'momentum', 'beta1', 'beta2', 'rho'],
    schedule: ['lrSchedule', 'lrEpochs', 'lrDecay'],
    language: ['lang'],
  },
  sections: {
    network: 'words.section.network',
    optimizer: 'section.optimizer',
    schedule: 'section.schedule',
  },
  groupPlaces: { data: 'data', network: 'network', training: 'optimizer', view: 'data' },
  renderedElsewhere: new Set(['speed', 'text']),
  firstScreen: new Set(['data', 'network', 'optimizer', 'schedule', 'language']),
  regenerate: false,
};
