// The benchmark workloads, fixed so figures stay comparable over time: W1 is TensorFlow
// Playground's own setting, W2 CS231n's spiral classifier, A1 the attention lab's tiny
// Transformer. Shared by the bench pages and, as link text, by the native benchmarks
// (crates/playground/benches/workloads.rs, attention.rs).

/** W1: 2-class spiral, 500 points, 50% train, x1 x2, 8-8 tanh, tanh output, MSE, SGD 0.03, batch 10. */
export const W1 = 'dataset=spiral&numSamples=500&percTrainData=50&networkShape=8,8&activation=tanh&learningRate=0.03&batchSize=10';

/** W2: 3-class spiral, 300 training points, 64-64 ReLU, softmax cross-entropy, Adam 0.01, full batch. */
export const W2 = 'dataset=spiral&classes=3&numSamples=334&percTrainData=90&noise=20&networkShape=64,64&activation=relu&loss=crossEntropy&optimizer=adam&learningRate=0.01&batchSize=300';

/** A1: reverse sequences of 8 symbols out of 10, one pre-norm Transformer block (width 32, 2 heads,
 * feed-forward 64, learned positions, layer norm), batches of 32, Adam 0.003. */
export const A1 = 'lab=attention&task=reverse&length=8&layers=1&heads=2&dim=32&positions=learned&batchSize=32&optimizer=adam&learningRate=0.003';

/** Floating-point operations of one W1 training step (batch 10), as the issue counts them. */
export const W1_STEP_FLOP = 5860;
/** Floating-point operations of one W2 training step (batch 300). */
export const W2_STEP_FLOP = 8.05e6;
/** Floating-point operations of one W2 200x200 grid. */
export const W2_GRID_FLOP = 358e6;
