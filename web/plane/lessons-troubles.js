// The lessons on what goes wrong in training: overfitting and its remedies (augmentation,
// early stopping, L1/L2, dropout), vanishing and exploding gradients. Same form, paces and
// checks as lessons-content.js, which lists these after the basics.

/**
 * Few noisy points and a big network: the setup every remedy for overfitting starts from,
 * played at 100 epochs a second.
 */
const OVERFIT = 'dataset=circle&noise=15&percTrainData=10&networkShape=32,32,32&showTestData=true&speed=100';

/** @type {import('./lessons-content.js').Lesson[]} */
export const TROUBLES = [
  {
    id: 'overfitting',
    title: { en: 'Overfitting', zh: '过拟合' },
    text: {
      en: 'A network overfits when it fits the training points, noise and all, instead of the '
        + 'pattern behind them: the train loss keeps falling while the test loss stays high. Few '
        + 'points and a big network make it likely. The first cures: a simpler model, or more data. '
        + 'With cross-entropy the test loss can even climb while the test accuracy holds: the '
        + 'network grows overconfident, pushing its outputs towards 0 and 1, and the few test '
        + 'points it gets wrong then cost more and more.',
      zh: '过拟合是指网络把训练数据连同其中的噪声一起拟合了，却没有学到背后的规律：训练损失不断下降，'
        + '测试损失却居高不下。数据少、网络大时最容易发生。最直接的解决方式：简化模型复杂度，或增加'
        + '数据量。用交叉熵时，测试损失甚至会在测试准确率不变的情况下一路上升：网络变得过于自信，'
        + '把输出推向 0 和 1，少数分错的测试点的损失就越来越大。',
    },
    look: {
      en: 'Each preset plays 100 epochs a second and pauses at epoch 1,000. With 10% of the points '
        + 'for training, the train loss drops to almost 0 while the test loss stays above 0.12 '
        + '(0.146), and the boundary bends around single noisy points (test points have dark '
        + 'outlines). A network of 4 neurons, or 50% of the data, halves the test loss (0.073 and '
        + '0.067). With cross-entropy the test loss climbs to five times its lowest while the '
        + 'test accuracy stays above 90%.',
      zh: '每个预设每秒训练 100 轮，在第 1000 轮暂停。只用 10% 的数据训练时，训练损失几乎降到 0，'
        + '测试损失却高于 0.12（0.146），边界绕着个别噪声点弯曲（深色描边的是测试点）。换成 4 个'
        + '神经元的网络，或用 50% 的数据训练，测试损失减半（0.073 和 0.067）。用交叉熵时，测试损失'
        + '涨到最低点的五倍，测试准确率却保持在 90% 以上。',
    },
    presets: [
      // 1000 epochs: loss 0.0006 / 0.146, accuracy 100% / 92%.
      {
        id: 'overfit',
        query: `${OVERFIT}&pauseAt=1000`,
        checks: 'epoch=1000 trainLoss<0.01 testLoss>0.12',
        label: { en: '10% data, big network', zh: '10% 数据，大网络' },
      },
      // 1000 epochs: loss 0.019 / 0.073, accuracy 98% / 95%.
      {
        id: 'overfit-smaller',
        query: 'dataset=circle&noise=15&percTrainData=10&networkShape=4&showTestData=true&speed=100&pauseAt=1000',
        checks: 'epoch=1000 testLoss<0.085',
        label: { en: 'Simpler model', zh: '简化模型' },
      },
      // 1000 epochs: loss 0.005 / 0.067, accuracy 100% / 96% (50% training data is the default).
      {
        id: 'overfit-more-data',
        query: 'dataset=circle&noise=15&networkShape=32,32,32&showTestData=true&speed=100&pauseAt=1000',
        checks: 'epoch=1000 testLoss<0.085',
        label: { en: 'More data (50%)', zh: '更多数据（50%）' },
      },
      // 1000 epochs: loss 0.0026 / 0.678, accuracy 100% / 92%; test loss 0.127 at epoch 100
      // (accuracy 94.7%), then climbing at every hundred epochs.
      {
        id: 'overfit-confident',
        query: `${OVERFIT}&loss=crossEntropy&pauseAt=1000`,
        checks: 'epoch=1000 testLossClimb>5 testAccuracy>0.9',
        label: { en: 'Overconfident (cross-entropy)', zh: '过于自信（交叉熵）' },
      },
    ],
  },
  {
    id: 'augmentation',
    title: { en: 'Data augmentation', zh: '数据增强' },
    text: {
      en: 'Data augmentation makes new training examples from the ones you have; with images, by '
        + 'rotating, flipping or adding noise. Here every epoch jitters each training point by '
        + 'random noise, so the network cannot memorise exact positions and learns a smoother '
        + 'boundary: the model becomes more robust.',
      zh: '数据增强用已有的数据制造新的训练样本：在图像处理中，可以对图像旋转、翻转、加噪声。这里每一轮'
        + '都给训练点加上随机抖动，网络记不住每个点的精确位置，只能学出更平滑的边界，从而增强模型的'
        + '鲁棒性。',
    },
    look: {
      en: 'The overfitting setup with augmentation noise 0.5, paused at epoch 1,000: the test loss '
        + 'ends far lower (about 0.07 instead of 0.15) and the boundary stops chasing single points.',
      zh: '同样的过拟合设置，加上 0.5 的增强噪声，在第 1000 轮暂停：测试损失明显更低（约 0.07，'
        + '而不是 0.15），边界也不再追着个别点弯曲。',
    },
    presets: [
      // 1000 epochs: loss 0.022 / 0.065, accuracy 98% / 95% (without: 0.0006 / 0.146).
      {
        id: 'augment',
        query: `${OVERFIT}&augmentNoise=0.5&pauseAt=1000`,
        checks: 'epoch=1000 testLoss<0.085',
        label: { en: 'With augmentation', zh: '加数据增强' },
      },
      {
        id: 'augment-off',
        query: `${OVERFIT}&pauseAt=1000`,
        checks: 'epoch=1000 testLoss>0.12',
        label: { en: 'Without', zh: '不加' },
      },
    ],
  },
  {
    id: 'early-stopping',
    title: { en: 'Early stopping', zh: '早停' },
    text: {
      en: 'Early stopping ends training before the network starts memorising. After every epoch '
        + 'the test loss is checked; when it has not improved for a number of epochs (the '
        + 'patience), training stops and the best weights come back. A real project would check a '
        + 'separate validation set instead of the test set.',
      zh: '早停就是提前终止训练过程。每一轮结束时检查测试损失，如果连续若干轮（耐心值）都没有改善，'
        + '就停止训练，并恢复到最好的那组权重。实际项目中应该用单独的验证集，而不是测试集来判断。',
    },
    look: {
      en: 'With patience 30 (played at 30 epochs a second) training stops by itself at epoch 60; '
        + 'the note under the loss chart and the marker on it name the best epoch (30), and the '
        + 'test loss stays near 0.07. Without it, paused at epoch 1,000, the test loss has climbed '
        + 'above 0.12.',
      zh: '耐心值为 30 时（每秒 30 轮），训练在第 60 轮自动停止；损失图下方的提示和图上的标记给出'
        + '最佳轮次（第 30 轮），测试损失保持在 0.07 左右。不用早停时，在第 1000 轮暂停，测试损失已'
        + '升到 0.12 以上。',
    },
    presets: [
      // Stops at epoch 60, best epoch 30: loss 0.022 / 0.067, accuracy 100% / 96%.
      {
        id: 'early-stop',
        query: 'dataset=circle&noise=15&percTrainData=10&networkShape=32,32,32&showTestData=true&patience=30&speed=30',
        checks: 'stop=earlyStopped epoch=60 bestEpoch=30 testLoss<0.085',
        label: { en: 'Patience 30 epochs', zh: '耐心值 30 轮' },
      },
      {
        id: 'early-stop-off',
        query: `${OVERFIT}&pauseAt=1000`,
        checks: 'epoch=1000 testLoss>0.12',
        label: { en: 'Without', zh: '不用早停' },
      },
    ],
  },
  {
    id: 'regularization',
    title: { en: 'L1 and L2 regularization', zh: 'L1/L2 正则化' },
    text: {
      en: 'Regularization adds a penalty to the loss: new loss = loss + rate × the sum of |w| (L1) '
        + 'or of w² (L2). Large weights now cost something, so the network prefers smoother '
        + 'functions that fit the noise less. L1 drives many weights towards zero; L2 shrinks them '
        + 'all.',
      zh: '正则化在损失函数上加一个惩罚项：新损失函数 = 损失函数 + 正则化系数 × 参数绝对值和（L1）'
        + '或平方和（L2）。大的权重要付出代价，网络就更倾向于平滑、不去拟合噪声的函数。L1 会把许多'
        + '权重压向零，L2 让所有权重整体变小。',
    },
    look: {
      en: 'Compared with the overfitting preset, at epoch 1,000 where each pauses, the gap between '
        + 'train and test loss shrinks: the test loss ends near 0.07 instead of 0.15. The weights '
        + 'shrink too, so the links in the network picture thin out; with L1 almost all of them '
        + 'fade to nothing.',
      zh: '与过拟合预设相比（都在第 1000 轮暂停），训练损失和测试损失之间的差距缩小了：测试损失约 '
        + '0.07，而不是 0.15。权重也变小了，网络图中的连线随之变细；用 L1 时几乎所有连线都淡到看'
        + '不见。',
    },
    presets: [
      // 1000 epochs: loss 0.024 / 0.071, accuracy 98% / 96%; weights (--export) have an L2 norm
      // of 2.8 (14.2 without) and 1023 of 2144 within 0.01 of zero (35 without).
      {
        id: 'l2',
        query: `${OVERFIT}&regularization=L2&regularizationRate=0.01&pauseAt=1000`,
        checks: 'epoch=1000 testLoss<0.085',
        label: { en: 'L2, rate 0.01', zh: 'L2，系数 0.01' },
      },
      // 1000 epochs: loss 0.031 / 0.074, accuracy 98% / 95%; 2131 of 2144 weights within 0.01
      // of zero.
      {
        id: 'l1',
        query: `${OVERFIT}&regularization=L1&regularizationRate=0.01&pauseAt=1000`,
        checks: 'epoch=1000 testLoss<0.085',
        label: { en: 'L1, rate 0.01', zh: 'L1，系数 0.01' },
      },
      {
        id: 'regularization-off',
        query: `${OVERFIT}&pauseAt=1000`,
        checks: 'epoch=1000 testLoss>0.12',
        label: { en: 'Without', zh: '不加正则化' },
      },
    ],
  },
  {
    id: 'dropout',
    title: { en: 'Dropout', zh: 'Dropout' },
    text: {
      en: 'Dropout switches off each hidden neuron at random, with some probability, in every '
        + 'training step, so the network cannot lean too hard on a few key weights. It only acts '
        + 'while training: predictions and the losses shown use the whole network.',
      zh: 'Dropout 在每个训练步中按一定概率随机丢弃部分隐藏神经元，减少网络对某些关键参数的过度依赖。'
        + '它只在训练时起作用：预测和显示的损失都使用完整的网络。',
    },
    look: {
      en: 'The overfitting setup with dropout 0.3, paused at epoch 1,000: the test loss ends lower '
        + '(about 0.11 instead of 0.15) and the boundary is less ragged.',
      zh: '同样的过拟合设置，加上 0.3 的 Dropout，在第 1000 轮暂停：测试损失更低（约 0.11，而不是 '
        + '0.15），边界也没有那么参差不齐。',
    },
    presets: [
      // 1000 epochs: loss 0.023 / 0.110, accuracy 98% / 93% (without: 0.0006 / 0.146).
      {
        id: 'dropout',
        query: `${OVERFIT}&dropout=0.3&pauseAt=1000`,
        checks: 'epoch=1000 testLoss<0.125',
        label: { en: 'Dropout 0.3', zh: 'Dropout 0.3' },
      },
      {
        id: 'dropout-off',
        query: `${OVERFIT}&pauseAt=1000`,
        checks: 'epoch=1000 testLoss>0.135',
        label: { en: 'Without', zh: '不用 Dropout' },
      },
    ],
  },
  {
    id: 'vanishing',
    title: { en: 'Vanishing gradients', zh: '梯度消失' },
    text: {
      en: 'In a deep network a layer\'s gradient is a product of one factor per layer above it. '
        + 'The sigmoid\'s slope is at most 0.25, and small weights shrink the factors further, so '
        + 'the gradient gets smaller with every layer it travels back: the deeper the network, '
        + 'the harder its first layers are to update.',
      zh: '在深层网络中，某一层的梯度是它后面每一层的因子连乘的结果。sigmoid 的导数最大只有 0.25，'
        + '权重较小时因子更小，所以梯度在反向传播时每经过一层就变小一截：网络越深，前面几层的参数越难'
        + '更新。',
    },
    look: {
      en: 'Six sigmoid layers with small starting weights, paused at epoch 100: in the "Gradients, '
        + 'layer by layer" chart the line of layer 1 lies hundreds of thousands of times below the '
        + 'output layer\'s, and the loss stays at 0.5. The same network with ReLU learns (paused '
        + 'at epoch 200, the loss is below 0.4), its lines within a factor of ten of each other.',
      zh: '六个 sigmoid 隐藏层，初始权重较小，在第 100 轮暂停：在“逐层梯度”图中，第 1 层的线比输出层'
        + '低几十万倍，损失停在 0.5。同样的网络换成 ReLU 就能学习（在第 200 轮暂停时损失低于 0.4），'
        + '各层的线相差不到十倍。',
    },
    presets: [
      // 100 epochs: loss 0.503 / 0.499, accuracy 47% / 53%,
      // grads 9.4e-7 2.8e-6 2.8e-5 2.1e-4 2.0e-3 0.024 0.31.
      {
        id: 'vanishing-sigmoid',
        query: 'networkShape=8,8,8,8,8,8&activation=sigmoid&initScale=0.5&speed=30&pauseAt=100',
        checks: 'epoch=100 gradSpread>100000 trainLoss>0.45',
        label: { en: 'Six sigmoid layers', zh: '六层 sigmoid' },
      },
      // 200 epochs: loss 0.34 / 0.37, accuracy 74% / 70%, grads 0.049 0.21 0.15 0.12 0.085 0.092 0.12.
      {
        id: 'vanishing-relu',
        query: 'networkShape=8,8,8,8,8,8&initScale=0.5&speed=30&pauseAt=200',
        checks: 'epoch=200 gradSpread<10 trainLoss<0.4',
        label: { en: 'The same with ReLU', zh: '同样的网络换成 ReLU' },
      },
    ],
  },
  {
    id: 'exploding',
    title: { en: 'Exploding gradients', zh: '梯度爆炸' },
    text: {
      en: 'The same product can grow instead: with large weights every layer multiplies the '
        + 'gradient by more than 1, the updates get huge and the weights fly off until they are no '
        + 'longer numbers. Training then stops and keeps the last finite weights. A learning rate '
        + 'that is too large does the same.',
      zh: '同样的连乘也可能越来越大：权重较大时，每一层都把梯度放大，参数调整幅度失控，直到权重不再是'
        + '有限的数。这时训练会停止，并保留最后一组有限的权重。学习率太大也会造成同样的结果。',
    },
    look: {
      en: 'Six ReLU layers for regression with starting weights twice as large: within five steps, '
        + 'faster than one frame, the gradients grow from about 17 to 10¹⁶. The loss table shows '
        + 'the astronomical loss it reached, training stops, and the note beside the initial scale '
        + 'blames the starting weights. With a learning rate of 2 a tanh network blows up after '
        + 'about 20 steps, and the note sits beside the learning rate. At scale 1 the same network '
        + 'trains (paused at epoch 50), its gradients never rising above 0.3.',
      zh: '六个 ReLU 隐藏层做回归，初始权重放大一倍：五步之内（比一帧还快）梯度就从约 17 涨到 10¹⁶。'
        + '损失表显示它达到的天文数字，训练停止，初始缩放旁的提示指出是初始权重过大。学习率为 2 时，'
        + 'tanh 网络大约 20 步后爆炸，提示出现在学习率旁。初始缩放为 1 时，同样的网络可以正常训练'
        + '（在第 50 轮暂停），梯度始终不超过 0.3。',
    },
    presets: [
      // Diverges at step 5: grads (max per step) 17, 339, 14000, 6.5e16.
      {
        id: 'exploding-weights',
        query: 'problem=regression&networkShape=8,8,8,8,8,8&initScale=2&speed=10',
        checks: 'stop=diverged cause=initScale epoch=0',
        label: { en: 'Large starting weights', zh: '初始权重过大' },
      },
      // Diverges at step 22, the output layer's gradient at 1.4e19.
      {
        id: 'exploding-rate',
        query: 'problem=regression&networkShape=8,8,8,8,8,8&activation=tanh&learningRate=2&speed=10',
        checks: 'stop=diverged cause=learningRate epoch<2',
        label: { en: 'Learning rate 2', zh: '学习率 2' },
      },
      // 50 epochs: loss 0.0001 / 0.0001, grads between 0.001 and 0.006; the largest gradient
      // norm of any layer over all 1250 steps is 0.27.
      {
        id: 'exploding-off',
        query: 'problem=regression&networkShape=8,8,8,8,8,8&speed=30&pauseAt=50',
        checks: 'epoch=50 trainLoss<0.01 gradMax<0.3',
        label: { en: 'Normal weights', zh: '正常的初始权重' },
      },
    ],
  },
];
