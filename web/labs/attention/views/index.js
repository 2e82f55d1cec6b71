// The attention lab's views, one module each; the page (web/labs/attention/main.js) mounts them
// in its containers and calls each one's update(views) after every measurement.

export { mountKnockOut } from './knockout.js';
export { mountMatrices } from './matrices.js';
export { mountPositions } from './positions.js';
export { mountPrompt } from './prompt.js';
export { mountWalk } from './walk.js';
