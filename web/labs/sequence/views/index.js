// The sequence lab's views, one module each; the page (web/labs/sequence/main.js) mounts them in
// its containers and calls each one's update(views) after every measurement.

export { mountCompare } from './compare.js';
export { mountGates } from './gates.js';
export { mountGradNorm } from './gradnorm.js';
export { mountHeatmap } from './heatmap.js';
export { mountLoss } from './loss.js';
export { mountPrompt } from './prompt.js';
