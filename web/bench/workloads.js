// The benchmark workloads, fixed so figures stay comparable over time: W1 is TensorFlow
// Playground's own setting, W2 CS231n's spiral classifier. Shared by the bench page and,
// as link text, by the native benchmark (crates/playground/benches/workloads.rs).

/** W1: 2-class spiral, 500 points, 50% train, x1 x2, 8-8 tanh, tanh output, MSE, SGD 0.03, batch 10. */
export const W1 = 'dataset=spiral&numSamples=500&percTrainData=50&networkShape=8,8&activation=tanh&learningRate=0.03&batchSize=10';

/** W2: 3-class spiral, 300 training points, 64-64 ReLU, softmax cross-entropy, Adam 0.01, full batch. */
export const W2 = 'dataset=spiral&classes=3&numSamples=334&percTrainData=90&noise=20&networkShape=64,64&activation=relu&loss=crossEntropy&optimizer=adam&learningRate=0.01&batchSize=300';

/** Floating-point operations of one W1 training step (batch 10), as the issue counts them. */
export const W1_STEP_FLOP = 5860;
/** Floating-point operations of one W2 training step (batch 300). */
export const W2_STEP_FLOP = 8.05e6;
/** Floating-point operations of one W2 200x200 grid. */
export const W2_GRID_FLOP = 358e6;
