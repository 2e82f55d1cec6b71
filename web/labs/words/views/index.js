// The words lab's views, one module each; the page (web/labs/words/main.js) mounts them in its
// containers and calls each one's update(views) after every measurement.

export { mountAnalogy } from './analogy.js';
export { mountCooccurrence } from './cooccurrence.js';
export { mountNeighbours } from './neighbours.js';
export { mountOneHot } from './onehot.js';
export { mountPairs } from './pairs.js';
export { mountProjection } from './projection.js';
export { mountText } from './text.js';
