// The lessons of the course notes (deep learning, week 1), in English and Chinese, each with
// presets: share-link queries that show the effect. Pure data: no DOM, no wasm.
//
// A preset's query holds only settings that differ from their defaults, exactly as the link
// then shows them. Every preset was checked natively with the CLI, from the repository root:
//   cargo run -q --release -p playground-cli -- '<query>' --epochs N --every 0
// The comment above each preset gives N and what it printed (loss = train / test loss,
// accuracy = train / test accuracy, grads = gradNorms from the input side to the output).

/**
 * @typedef {object} Preset
 * @property {string} id     used in `data-testid="preset-<id>"`
 * @property {string} query  share-link settings that differ from the defaults
 * @property {{en: string, zh: string}} label
 */

/**
 * @typedef {object} Lesson
 * @property {string} id     used in `data-testid="lesson-<id>"`
 * @property {{en: string, zh: string}} title
 * @property {{en: string, zh: string}} text  what the idea is, 2-4 sentences
 * @property {{en: string, zh: string}} look  what to look at on the page
 * @property {Preset[]} presets
 */

/** Few noisy points and a big network: the setup every remedy for overfitting starts from. */
const OVERFIT = 'dataset=circle&noise=15&percTrainData=10&networkShape=32,32,32&showTestData=true';

/** @type {Lesson[]} */
export const LESSONS = [
  {
    id: 'activation',
    title: { en: 'Activation functions', zh: '激活函数' },
    text: {
      en: 'An activation function decides what a neuron outputs for the weighted sum of its '
        + 'inputs. Without one (the identity, "linear"), stacking layers only multiplies matrices: '
        + 'however deep the network, it stays one linear function and can only draw a straight '
        + 'line. With a nonlinear activation such as tanh or ReLU, simple functions nested layer '
        + 'by layer can fit curved boundaries.',
      zh: '激活函数定义了节点在给定输入下的输出。如果不用激活函数（恒等函数 linear），多层网络只是'
        + '矩阵连乘，再深也还是一个线性函数，只能画出一条直线。换成 tanh、ReLU 等非线性激活函数，'
        + '简单的函数层层嵌套，就能把线性关系变成非线性关系，拟合弯曲的边界。',
    },
    look: {
      en: 'Both presets train three hidden layers on the circle. With linear the prediction stays '
        + 'split by one straight line and the loss stays near 0.5; with tanh the boundary closes '
        + 'into a ring and the accuracy reaches 100%.',
      zh: '两个预设都用三个隐藏层学习圆环数据。用 linear 时，预测图始终被一条直线分成两半，损失停在 '
        + '0.5 左右；用 tanh 时，边界合成一个圆圈，准确率达到 100%。',
    },
    presets: [
      // 100 epochs: loss 0.4996 / 0.5002, accuracy 44% / 40%.
      {
        id: 'activation-linear',
        query: 'dataset=circle&networkShape=8,8,8&activation=linear',
        label: { en: 'Three linear layers', zh: '三层线性网络' },
      },
      // 100 epochs: loss 0.0003 / 0.0007, accuracy 100% / 100%.
      {
        id: 'activation-tanh',
        query: 'dataset=circle&networkShape=8,8,8&activation=tanh',
        label: { en: 'The same with tanh', zh: '同样的网络换成 tanh' },
      },
    ],
  },
  {
    id: 'hidden-layers',
    title: { en: 'Hidden layers', zh: '隐藏层' },
    text: {
      en: 'A hidden layer sits between the inputs and the output. With no hidden layer the '
        + 'network is a single neuron: one weighted sum, one straight boundary. A hidden layer of '
        + 'a few neurons gives a few such lines, and the output neuron combines them into a '
        + 'closed shape.',
      zh: '隐藏层位于输入层和输出层之间。没有隐藏层时，网络只有一个神经元：一个加权和，一条直线边界。'
        + '加一个只有几个神经元的隐藏层，每个神经元给出一条直线，输出层再把它们组合成封闭的形状。',
    },
    look: {
      en: 'Without a hidden layer the accuracy stays near 56%. With four hidden neurons it reaches '
        + '100%: in the network picture each hidden neuron shows one straight cut, and the output '
        + 'puts the four together.',
      zh: '没有隐藏层时，准确率停在 56% 左右。有四个隐藏神经元时可以达到 100%：在网络图中，每个隐藏'
        + '神经元各画出一条直线，输出层把这四条线组合起来。',
    },
    presets: [
      // 100 epochs: loss 0.528 / 0.530, accuracy 56% / 58%.
      {
        id: 'hidden-none',
        query: 'dataset=circle&networkShape=',
        label: { en: 'No hidden layer', zh: '没有隐藏层' },
      },
      // 100 epochs: loss 0.005 / 0.006, accuracy 100% / 100%.
      {
        id: 'hidden-four',
        query: 'dataset=circle&networkShape=4',
        label: { en: 'One hidden layer of 4', zh: '一个 4 神经元的隐藏层' },
      },
    ],
  },
  {
    id: 'features',
    title: { en: 'Better inputs: x1², x1·x2', zh: '更好的输入：x1²、x1·x2' },
    text: {
      en: 'Instead of a deeper network you can give it better inputs. A circle is x1² + x2² < r², '
        + 'so with x1² and x2² as inputs a network without any hidden layer separates it with one '
        + 'straight cut in the new inputs. The xor pattern is simply the sign of x1·x2.',
      zh: '除了加深网络，也可以给它更好的输入特征。圆的方程是 x1² + x2² < r²，所以把 x1² 和 x2² '
        + '作为输入后，即使没有隐藏层，网络在新的特征上用一条直线就能把它分开。异或（xor）数据正好是 '
        + 'x1·x2 的正负号。',
    },
    look: {
      en: 'Both presets have no hidden layer and still reach 100% accuracy within seconds: the '
        + 'features carry the nonlinearity.',
      zh: '两个预设都没有隐藏层，几秒内准确率就能达到 100%：非线性由输入特征提供。',
    },
    presets: [
      // 100 epochs: loss 0.0016 / 0.0017, accuracy 100% / 100%.
      {
        id: 'features-squares',
        query: 'dataset=circle&xSquared=true&ySquared=true&networkShape=',
        label: { en: 'Circle from x1², x2²', zh: '用 x1²、x2² 分圆环' },
      },
      // 100 epochs: loss 0.0011 / 0.0037, accuracy 100% / 100%.
      {
        id: 'features-product',
        query: 'dataset=xor&xTimesY=true&networkShape=',
        label: { en: 'Xor from x1·x2', zh: '用 x1·x2 分异或' },
      },
    ],
  },
  {
    id: 'gradient-descent',
    title: { en: 'MSE and gradient descent', zh: '均方误差与梯度下降' },
    text: {
      en: 'The loss here is the mean squared error (MSE): the average over all points of '
        + '(prediction − target)². Gradient descent moves every weight w and bias b a small step '
        + 'against the partial derivative of the loss, so the loss falls towards a local minimum. '
        + 'The learning rate is the size of that step.',
      zh: '这里的损失函数是均方误差（MSE）：所有样本预测值与实际值之差的平方的平均值。梯度下降让每个 '
        + 'w 和 b 沿损失函数对它的偏导数的反方向走一小步，使损失函数减小，逐步走向局部极小值。'
        + '学习率就是每一步的大小。',
    },
    look: {
      en: 'Watch the loss chart. At learning rate 0.001 the loss creeps down; at 0.1 it drops fast '
        + 'and smoothly; at 3 every step overshoots the valley and the loss jumps up and down.',
      zh: '观察损失曲线。学习率为 0.001 时，损失下降得很慢；0.1 时下降得又快又平稳；3 时每一步都'
        + '跨过了谷底，损失忽高忽低。',
    },
    presets: [
      // 30 epochs: loss 0.385 / 0.397, accuracy 70% / 72%.
      {
        id: 'gd-slow',
        query: 'dataset=circle&networkShape=4&learningRate=0.001',
        label: { en: 'Learning rate 0.001', zh: '学习率 0.001' },
      },
      // 30 epochs: loss 0.016 / 0.016, accuracy 100% / 100%.
      {
        id: 'gd-good',
        query: 'dataset=circle&networkShape=4',
        label: { en: 'Learning rate 0.1', zh: '学习率 0.1' },
      },
      // 30 epochs, train loss every 50 steps: 0.38 0.41 0.42 0.29 0.27 0.61 0.52 0.45 0.44 0.16
      // 0.39 0.11 0.19 0.12 0.10: it jumps instead of falling.
      {
        id: 'gd-large',
        query: 'dataset=circle&networkShape=4&learningRate=3',
        label: { en: 'Learning rate 3', zh: '学习率 3' },
      },
    ],
  },
  {
    id: 'backprop',
    title: { en: 'Backpropagation', zh: '反向传播' },
    text: {
      en: 'Gradient descent needs the partial derivative of the loss for every weight. '
        + 'Backpropagation gets them all with the chain rule, starting at the output and going '
        + 'back layer by layer towards the inputs, from right to left. One forward pass computes '
        + 'the prediction and the loss, one backward pass every gradient, then all weights update.',
      zh: '梯度下降需要损失函数对每个参数的偏导数。反向传播通过链式法则计算偏导数：从输出层开始，'
        + '一层一层往输入层推，让数值从右向左逐层传递。一次前向传播算出预测和损失，一次反向传播得到'
        + '所有梯度，然后同时更新全部权重。',
    },
    look: {
      en: 'Press Pause, then Step a few times: each step runs forward, backward and one update per '
        + 'batch. The "Gradients, layer by layer" chart shows how large each layer\'s gradient is, '
        + 'and the weights in the network picture change after every step.',
      zh: '先按“暂停”，再按几次“单步”：每一批数据都做一次前向传播、一次反向传播和一次更新。'
        + '“逐层梯度”图显示每一层梯度的大小，网络图中的权重每一步都会变化。',
    },
    presets: [
      // 100 epochs: loss 0.040 / 0.069, accuracy 98% / 97%, grads 0.037 0.0093 0.0038.
      {
        id: 'backprop-xor',
        query: 'dataset=xor&networkShape=4,4&activation=tanh&learningRate=0.03',
        label: { en: 'A small network on xor', zh: '小网络学习异或' },
      },
    ],
  },
  {
    id: 'batch',
    title: { en: 'Batch size', zh: '批处理与批大小' },
    text: {
      en: 'Several points form one batch: their inputs are the rows of one matrix, so one matrix '
        + 'multiplication computes them all at once. Each update follows the average gradient of '
        + 'its batch. With a batch of 1 every update follows a single point, so the loss zigzags; '
        + 'with the whole training set as one batch the path is smooth, but there is only one '
        + 'update per epoch.',
      zh: '多个样本组成一个批次：每个样本是矩阵的一行，一次矩阵乘法就能同时算完整个批次。每次更新'
        + '沿着这一批的平均梯度走。批大小为 1 时，每次更新只看一个样本，损失曲线来回抖动；把整个训练集'
        + '作为一批时，曲线很平滑，但每一轮只更新一次。',
    },
    look: {
      en: 'Watch the loss chart on the spiral. With batch size 1 at learning rate 0.1 the loss jumps '
        + 'between about 0.36 and 0.7 and never settles; at learning rate 0.01 it learns but still '
        + 'zigzags. With batch size 250 (the whole training set) it falls smoothly to almost 0. '
        + 'Compare the step and epoch counters too.',
      zh: '观察螺旋数据的损失曲线。批大小为 1、学习率为 0.1 时，损失在约 0.36 到 0.7 之间跳动，始终'
        + '稳定不下来；学习率降到 0.01 后能学会，但曲线仍然锯齿明显。批大小为 250（即整个训练集）时，'
        + '损失平滑地降到接近 0。也可以对比步数和轮数。',
    },
    presets: [
      // 100000 steps, train loss every 500: between 0.36 and 0.70 after the first 10000 steps,
      // rising at 47 of 200 readings; 0.48 at the end.
      {
        id: 'batch-one',
        query: 'batchSize=1',
        label: { en: 'Batch size 1', zh: '批大小 1' },
      },
      // 100000 steps, train loss every 500: 0.46 0.39 0.34 0.28 0.21 0.32 0.10 0.04 0.02 0.02
      // (every 10000), rising at 72 of 200 readings; 0.027 at the end.
      {
        id: 'batch-one-slow',
        query: 'batchSize=1&learningRate=0.01',
        label: { en: 'Batch size 1, rate 0.01', zh: '批大小 1，学习率 0.01' },
      },
      // 100000 steps, train loss every 500: 0.38 0.17 0.009 0.005 ... 0.000, falling at every
      // one of 200 readings.
      {
        id: 'batch-full',
        query: 'batchSize=250',
        label: { en: 'Whole training set (250)', zh: '整个训练集（250）' },
      },
    ],
  },
  {
    id: 'overfitting',
    title: { en: 'Overfitting', zh: '过拟合' },
    text: {
      en: 'A network overfits when it fits the training points, noise and all, instead of the '
        + 'pattern behind them: the train loss keeps falling while the test loss stays high. Few '
        + 'points and a big network make it likely. The first cures: a simpler model, or more data.',
      zh: '过拟合是指网络把训练数据连同其中的噪声一起拟合了，却没有学到背后的规律：训练损失不断下降，'
        + '测试损失却居高不下。数据少、网络大时最容易发生。最直接的解决方式：简化模型复杂度，或增加'
        + '数据量。',
    },
    look: {
      en: 'With 10% of the points for training, the train loss drops to almost 0 while the test loss '
        + 'stays near 0.15, and the boundary bends around single noisy points (test points have '
        + 'dark outlines). A network of 4 neurons, or 50% of the data, halves the test loss.',
      zh: '只用 10% 的数据训练时，训练损失几乎降到 0，测试损失却停在 0.15 左右，边界绕着个别噪声点'
        + '弯曲（深色描边的是测试点）。换成 4 个神经元的网络，或用 50% 的数据训练，测试损失减半。',
    },
    presets: [
      // 1000 epochs: loss 0.0006 / 0.146, accuracy 100% / 92%.
      {
        id: 'overfit',
        query: OVERFIT,
        label: { en: '10% data, big network', zh: '10% 数据，大网络' },
      },
      // 1000 epochs: loss 0.019 / 0.073, accuracy 98% / 95%.
      {
        id: 'overfit-smaller',
        query: 'dataset=circle&noise=15&percTrainData=10&networkShape=4&showTestData=true',
        label: { en: 'Simpler model', zh: '简化模型' },
      },
      // 1000 epochs: loss 0.005 / 0.067, accuracy 100% / 96% (50% training data is the default).
      {
        id: 'overfit-more-data',
        query: 'dataset=circle&noise=15&networkShape=32,32,32&showTestData=true',
        label: { en: 'More data (50%)', zh: '更多数据（50%）' },
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
      en: 'The same overfitting setup with augmentation noise 0.5: the test loss ends far lower '
        + '(about 0.07 instead of 0.15) and the boundary stops chasing single points.',
      zh: '同样的过拟合设置，加上 0.5 的增强噪声：测试损失明显更低（约 0.07，而不是 0.15），边界也'
        + '不再追着个别点弯曲。',
    },
    presets: [
      // 1000 epochs: loss 0.022 / 0.065, accuracy 98% / 95% (without: 0.0006 / 0.146).
      {
        id: 'augment',
        query: `${OVERFIT}&augmentNoise=0.5`,
        label: { en: 'With augmentation', zh: '加数据增强' },
      },
      {
        id: 'augment-off',
        query: OVERFIT,
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
      en: 'With patience 30 training stops by itself at epoch 60; the note under the loss chart '
        + 'names the best epoch (30) and the test loss stays near 0.07 instead of 0.15.',
      zh: '耐心值为 30 时，训练在第 60 轮自动停止；损失图下方的提示给出最佳轮次（第 30 轮），测试损失'
        + '保持在 0.07 左右，而不是 0.15。',
    },
    presets: [
      // Stops at epoch 60, best epoch 30: loss 0.022 / 0.067, accuracy 100% / 96%.
      {
        id: 'early-stop',
        query: `${OVERFIT}&patience=30`,
        label: { en: 'Patience 30 epochs', zh: '耐心值 30 轮' },
      },
      {
        id: 'early-stop-off',
        query: OVERFIT,
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
      en: 'Compared with the overfitting preset the gap between train and test loss shrinks: the '
        + 'test loss ends near 0.07 instead of 0.15. The weights shrink too, so the links in the '
        + 'network picture thin out: with L1, 2,131 of the 2,144 weights end up within 0.01 of zero.',
      zh: '与过拟合预设相比，训练损失和测试损失之间的差距缩小了：测试损失约 0.07，而不是 0.15。'
        + '权重也变小了，网络图中的连线随之变细：用 L1 时，2,144 个权重中有 2,131 个最终落在 0 附近'
        + '（绝对值小于 0.01）。',
    },
    presets: [
      // 1000 epochs: loss 0.024 / 0.071, accuracy 98% / 96%; weights (--export) have an L2 norm
      // of 2.8 (14.2 without) and 1023 of 2144 within 0.01 of zero (35 without).
      {
        id: 'l2',
        query: `${OVERFIT}&regularization=L2&regularizationRate=0.01`,
        label: { en: 'L2, rate 0.01', zh: 'L2，系数 0.01' },
      },
      // 1000 epochs: loss 0.031 / 0.074, accuracy 98% / 95%; 2131 of 2144 weights within 0.01
      // of zero.
      {
        id: 'l1',
        query: `${OVERFIT}&regularization=L1&regularizationRate=0.01`,
        label: { en: 'L1, rate 0.01', zh: 'L1，系数 0.01' },
      },
      {
        id: 'regularization-off',
        query: OVERFIT,
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
      en: 'The same overfitting setup with dropout 0.3: the test loss ends lower (about 0.11 '
        + 'instead of 0.15) and the boundary is less ragged.',
      zh: '同样的过拟合设置，加上 0.3 的 Dropout：测试损失更低（约 0.11，而不是 0.15），边界也没有'
        + '那么参差不齐。',
    },
    presets: [
      // 1000 epochs: loss 0.023 / 0.110, accuracy 98% / 93%; 300 epochs: 0.029 / 0.085
      // (without: 0.016 / 0.105).
      {
        id: 'dropout',
        query: `${OVERFIT}&dropout=0.3`,
        label: { en: 'Dropout 0.3', zh: 'Dropout 0.3' },
      },
      {
        id: 'dropout-off',
        query: OVERFIT,
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
        + '权重小时因子更小，所以梯度在反向传播时每经过一层就变小一截：网络越深，前面几层的参数越难'
        + '更新。',
    },
    look: {
      en: 'Six sigmoid layers with small starting weights: in the "Gradients, layer by layer" chart '
        + 'the line of layer 1 lies about a hundred thousand times below the output layer\'s, and '
        + 'the loss stays at 0.5. The same network with ReLU learns, its lines close together.',
      zh: '六个 sigmoid 隐藏层，初始权重较小：在“逐层梯度”图中，第 1 层的线比输出层低约十万倍，'
        + '损失停在 0.5。同样的网络换成 ReLU 就能学习，各层的线靠得很近。',
    },
    presets: [
      // 100 epochs: loss 0.503 / 0.499, accuracy 47% / 53%,
      // grads 9.4e-7 2.8e-6 2.8e-5 2.1e-4 2.0e-3 0.024 0.31.
      {
        id: 'vanishing-sigmoid',
        query: 'networkShape=8,8,8,8,8,8&activation=sigmoid&initScale=0.5',
        label: { en: 'Six sigmoid layers', zh: '六层 sigmoid' },
      },
      // 200 epochs: loss 0.34 / 0.37, accuracy 74% / 70%, grads 0.049 0.21 0.15 0.12 0.085 0.092 0.12.
      {
        id: 'vanishing-relu',
        query: 'networkShape=8,8,8,8,8,8&initScale=0.5',
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
        + 'faster than one frame, the gradients grow from about 2 to 10¹⁶. The "Gradients, layer by '
        + 'layer" chart shows them up there, the loss is astronomical, and training stops with a '
        + 'note. With a learning rate of 2 a tanh network blows up within about 20 steps. At '
        + 'scale 1 the same network trains, its gradients never rising above 0.3.',
      zh: '六个 ReLU 隐藏层做回归，初始权重放大一倍：五步之内（比一帧还快）梯度就从约 2 涨到 10¹⁶。'
        + '“逐层梯度”图显示梯度高达 10¹⁶ 左右，损失变成天文数字，训练停止并给出提示。学习率为 2 时，'
        + 'tanh 网络大约 20 步就会爆炸。初始缩放为 1 时，同样的网络可以正常训练，梯度始终不超过 0.3。',
    },
    presets: [
      // Diverges at step 5: grads (max per step) 17, 339, 14000, 6.5e16.
      {
        id: 'exploding-weights',
        query: 'problem=regression&networkShape=8,8,8,8,8,8&initScale=2',
        label: { en: 'Large starting weights', zh: '初始权重过大' },
      },
      // Diverges at step 22, the output layer's gradient at 1.4e19.
      {
        id: 'exploding-rate',
        query: 'problem=regression&networkShape=8,8,8,8,8,8&activation=tanh&learningRate=2',
        label: { en: 'Learning rate 2', zh: '学习率 2' },
      },
      // 50 epochs: loss 0.0001 / 0.0001, grads between 0.001 and 0.006; the largest gradient
      // norm of any layer over all 1250 steps is 0.27.
      {
        id: 'exploding-off',
        query: 'problem=regression&networkShape=8,8,8,8,8,8',
        label: { en: 'Normal weights', zh: '正常的初始权重' },
      },
    ],
  },
];
