// The lessons of the course notes (deep learning, week 1), in English and Chinese, each with
// presets: share-link queries that show the effect. Pure data: no DOM, no wasm. This file holds
// the basics (activations to batches); lessons-troubles.js what goes wrong in training.
//
// A preset's query holds only settings that differ from their defaults, exactly as the link
// then shows them, with the pace the page plays it at (`speed`, epochs per second) and, where
// the lesson talks about a moment, the epoch at which training pauses by itself (`pauseAt`).
// Its `checks` are what the lesson says, as figures: crates/cli/tests/lesson_presets.rs checks
// them natively with the same epoch budget, and e2e/lesson-claims.test.mjs plays every preset
// in the page at its pace until it pauses or stops, then reads the same figures off the page.
// The comment above a preset gives what the CLI printed for it, from the repository root:
//   cargo run -q --release -p playground-cli -- '<query>' --every 0
// (loss = train / test loss, accuracy = train / test accuracy, grads = gradNorms from the
// input side to the output).

import { TROUBLES } from './lessons-troubles.js';

/**
 * @typedef {object} Preset
 * @property {string} id     used in `data-testid="preset-<id>"`
 * @property {string} query  share-link settings that differ from the defaults, with its pace
 * @property {string} checks what the lesson claims, space-separated `figure<value`,
 *   `figure>value` or `figure=value`, read where training paused or stopped. Figures:
 *   trainLoss, testLoss, trainAccuracy, testAccuracy (fractions), epoch, step, bestEpoch;
 *   rises (epochs whose train loss was above the epoch before's), testLossClimb (the last test
 *   loss over the lowest), gradSpread (the output layer's last gradient norm over the first
 *   layer's), gradMax (the largest gradient norm of any layer at any epoch end), stop
 *   (earlyStopped or diverged) and cause (the setting a divergence blames: initScale or
 *   learningRate).
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

/** @type {Lesson[]} */
export const LESSONS = [
  {
    id: 'spiral',
    title: { en: 'The spiral exercise', zh: '螺旋分类作业' },
    text: {
      en: 'The classic exercise (Stanford CS231n): three spiral arms, about 100 training points '
        + 'each. A linear softmax classifier, with no hidden layer, gives each class a score that '
        + 'is a weighted sum of x1 and x2 and picks the highest, so the boundaries between classes '
        + 'are straight lines: the plane is cut into three wedges around one point. Every arm '
        + 'winds through all three wedges, so whatever the weights, each wedge holds pieces of '
        + 'every arm: at best about half the points can be right, and the classifier settles at '
        + '40% here (49% on CS231n\'s shorter arms). A hidden layer of ReLU units changes that: '
        + 'each unit is 0 on one side of its own line and grows on the other, and the output adds '
        + 'these bent planes up, so the boundaries become broken lines that bend around the arms.',
      zh: '经典的螺旋分类作业（斯坦福 CS231n）：三条螺旋臂，每类约 100 个训练点。线性 softmax '
        + '分类器没有隐藏层，它给每一类打一个分数，即 x1、x2 的加权和，取分数最高的一类，所以类与类'
        + '之间的边界都是直线：平面被分成围绕一点的三个扇形。每条螺旋臂都会穿过全部三个扇形，无论'
        + '权重取什么值，每个扇形里都混着三条臂的点：最多也只能分对一半左右，这里分类器停在 40%'
        + '（CS231n 的螺旋臂更短，是 49%）。加一个 ReLU 隐藏层就不同了：每个隐藏神经元沿自己的'
        + '一条直线把平面切开，一侧为 0，另一侧线性增长；输出层把这些折面加起来，边界就变成绕着'
        + '螺旋臂弯折的折线。',
    },
    look: {
      en: 'With no hidden layer the prediction shows three straight-edged wedges and the training '
        + 'accuracy stays near 40% (it pauses at epoch 300; longer changes nothing). With one hidden '
        + 'layer of 100 ReLU units, the network CS231n uses, it passes 95% by epoch 1,000, where it '
        + 'pauses: in the network picture each hidden unit\'s map is the plane cut by one line. On '
        + 'five arms the same network fits the training points better than the test points: at '
        + 'epoch 2,000 over 90% of the training points are right, against clearly fewer of the '
        + 'test points.',
      zh: '没有隐藏层时，预测图是三个直边的扇形，训练准确率停在 40% 左右（在第 300 轮暂停；训练再久'
        + '也不变）。加一个 100 个 ReLU 神经元的隐藏层（CS231n 用的网络），到第 1000 轮暂停时训练'
        + '准确率超过 95%：在网络图中，每个隐藏神经元的小图都是被一条直线切开的平面。换成五条螺旋臂，'
        + '同样的网络在训练点上比在测试点上分得好：第 2000 轮时训练集超过 90%，测试集明显更低。',
    },
    presets: [
      // 300 epochs: loss 1.068 / 1.079, accuracy 40% / 32% (the same at 1000 and 2000 epochs).
      // 334 points with 90% for training: 300 training points, as in CS231n.
      {
        id: 'spiral-linear',
        query: 'classes=3&numSamples=334&noise=20&percTrainData=90&networkShape=&loss=crossEntropy&optimizer=adam&learningRate=0.01&speed=100&pauseAt=300',
        checks: 'epoch=300 trainAccuracy>0.34 trainAccuracy<0.46',
        label: { en: 'Linear softmax (no hidden layer)', zh: '线性 softmax（无隐藏层）' },
      },
      // SPIRAL_HIDDEN
      {
        id: 'spiral-hidden',
        query: 'classes=3&numSamples=334&noise=20&percTrainData=90&networkShape=100&loss=crossEntropy&optimizer=adam&learningRate=0.01&speed=100&pauseAt=1000',
        checks: 'epoch=1000 trainAccuracy>0.95',
        label: { en: 'One hidden layer of 100 ReLU', zh: '一个 100 ReLU 的隐藏层' },
      },
      // SPIRAL_FIVE
      {
        id: 'spiral-five',
        query: 'classes=5&numSamples=334&noise=20&percTrainData=90&networkShape=100&loss=crossEntropy&optimizer=adam&learningRate=0.01&speed=100&pauseAt=2000',
        checks: 'epoch=2000 trainAccuracy>0.9 testAccuracy<0.88',
        label: { en: 'The same network on five arms', zh: '同样的网络，五条螺旋臂' },
      },
    ],
  },
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
      en: 'Both presets train three hidden layers on the circle and pause at epoch 100. With linear '
        + 'the network is one tilted plane: no straight cut separates a ring, so the best plane is '
        + 'almost flat, the prediction stays pale, the loss stays at 0.5 (what predicting 0 '
        + 'everywhere costs) and about half the points are right. With tanh the boundary closes '
        + 'into a ring and the accuracy reaches 100%.',
      zh: '两个预设都用三个隐藏层学习圆环数据，在第 100 轮暂停。用 linear 时，整个网络只是一个倾斜'
        + '的平面：没有一条直线能把圆环分开，所以最好的平面几乎是平的，预测图一片浅色，损失停在 0.5'
        + '（处处预测 0 的损失），只有一半左右的点分对。用 tanh 时，边界闭合成一个圆圈，准确率达到 '
        + '100%。',
    },
    presets: [
      // 100 epochs: loss 0.4996 / 0.5002, accuracy 44% / 40%.
      {
        id: 'activation-linear',
        query: 'dataset=circle&networkShape=8,8,8&activation=linear&speed=30&pauseAt=100',
        checks: 'epoch=100 trainLoss>0.45 trainAccuracy<0.65',
        label: { en: 'Three linear layers', zh: '三层线性网络' },
      },
      // 100 epochs: loss 0.0003 / 0.0007, accuracy 100% / 100%.
      {
        id: 'activation-tanh',
        query: 'dataset=circle&networkShape=8,8,8&activation=tanh&speed=30&pauseAt=100',
        checks: 'epoch=100 trainLoss<0.01 trainAccuracy>0.99',
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
      en: 'Both presets pause at epoch 100. Without a hidden layer the accuracy is 56% there: one '
        + 'straight line cannot do better on a ring (left to train on, the line keeps turning and '
        + 'the accuracy wanders between about 30% and 60%). With four hidden neurons it reaches '
        + '100%: in the network picture each hidden neuron shows one straight cut, and the output '
        + 'puts the four together.',
      zh: '两个预设都在第 100 轮暂停。没有隐藏层时，此时准确率是 56%：一条直线在圆环上做不到更好'
        + '（继续训练的话，这条线会不停转动，准确率在约 30% 到 60% 之间徘徊）。有四个隐藏神经元时'
        + '可以达到 100%：在网络图中，每个隐藏神经元各画出一条直线，输出层把这四条线组合起来。',
    },
    presets: [
      // 100 epochs: loss 0.528 / 0.530, accuracy 56% / 58% (56% at every epoch from 3 to 100).
      {
        id: 'hidden-none',
        query: 'dataset=circle&networkShape=&speed=30&pauseAt=100',
        checks: 'epoch=100 trainAccuracy>0.5 trainAccuracy<0.6',
        label: { en: 'No hidden layer', zh: '没有隐藏层' },
      },
      // 100 epochs: loss 0.005 / 0.006, accuracy 100% / 100%.
      {
        id: 'hidden-four',
        query: 'dataset=circle&networkShape=4&speed=30&pauseAt=100',
        checks: 'epoch=100 trainAccuracy>0.99',
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
      en: 'Both presets have no hidden layer and still reach 100% accuracy by epoch 100, where they '
        + 'pause: the features carry the nonlinearity.',
      zh: '两个预设都没有隐藏层，到第 100 轮暂停时准确率仍然达到 100%：非线性由输入特征提供。',
    },
    presets: [
      // 100 epochs: loss 0.0016 / 0.0017, accuracy 100% / 100%.
      {
        id: 'features-squares',
        query: 'dataset=circle&xSquared=true&ySquared=true&networkShape=&speed=30&pauseAt=100',
        checks: 'epoch=100 trainAccuracy>0.99',
        label: { en: 'Circle from x1², x2²', zh: '用 x1²、x2² 分圆环' },
      },
      // 100 epochs: loss 0.0011 / 0.0037, accuracy 100% / 100%.
      {
        id: 'features-product',
        query: 'dataset=xor&xTimesY=true&networkShape=&speed=30&pauseAt=100',
        checks: 'epoch=100 trainAccuracy>0.99',
        label: { en: 'Xor from x1·x2', zh: '用 x1·x2 分异或' },
      },
    ],
  },
  {
    id: 'gradient-descent',
    title: { en: 'MSE and gradient descent', zh: '均方误差与梯度下降' },
    text: {
      en: 'The loss here is the squared error, as TensorFlow Playground computes it: the targets '
        + 'are +1 and −1, the output goes through tanh, and each point costs ½·(output − target)², '
        + 'averaged over all points (the mean squared error, halved). A network that outputs 0 '
        + 'everywhere costs ½ · 1² = 0.5: that is where a network that has learnt nothing sits. '
        + 'Gradient descent moves every weight w and bias b a small step against the partial '
        + 'derivative of the loss, so the loss falls towards a local minimum. The learning rate is '
        + 'the size of that step.',
      zh: '这里的损失是平方误差，与 TensorFlow Playground 的算法相同：目标值为 +1 和 −1，输出经过 '
        + 'tanh，每个点的损失是 ½·(输出 − 目标)²，再对所有点取平均（即均方误差的一半）。处处输出 0 '
        + '的网络损失为 ½ · 1² = 0.5：什么都没学到的网络就停在这里。梯度下降让每个 w 和 b 沿损失'
        + '函数对它的偏导数的反方向走一小步，使损失函数减小，逐步走向局部极小值。学习率就是每一步的'
        + '大小。',
    },
    look: {
      en: 'Watch the loss chart: each preset plays 10 epochs a second and pauses at epoch 30. At '
        + 'learning rate 0.001 the loss creeps down, epoch after epoch, and is still above 0.3; at '
        + '0.1 it drops fast and smoothly to below 0.03; at 3 every step overshoots the valley and '
        + 'the loss jumps up and down, rising again at several epochs.',
      zh: '观察损失曲线：每个预设每秒训练 10 轮，在第 30 轮暂停。学习率为 0.001 时，损失一轮一轮'
        + '缓慢下降，仍高于 0.3；0.1 时又快又平稳地降到 0.03 以下；3 时每一步都跨过了谷底，损失'
        + '忽高忽低，好几轮都在回升。',
    },
    presets: [
      // 30 epochs: loss 0.385 / 0.397, accuracy 70% / 72%; falls at every epoch.
      {
        id: 'gd-slow',
        query: 'dataset=circle&networkShape=4&learningRate=0.001&speed=10&pauseAt=30',
        checks: 'epoch=30 trainLoss>0.3 rises=0',
        label: { en: 'Learning rate 0.001', zh: '学习率 0.001' },
      },
      // 30 epochs: loss 0.016 / 0.016, accuracy 100% / 100%; falls at every epoch.
      {
        id: 'gd-good',
        query: 'dataset=circle&networkShape=4&speed=10&pauseAt=30',
        checks: 'epoch=30 trainLoss<0.03 rises=0',
        label: { en: 'Learning rate 0.1', zh: '学习率 0.1' },
      },
      // 30 epochs, train loss by epoch: 0.37 0.38 0.25 0.41 0.39 0.42 0.30 0.29 0.29 0.27 0.62
      // 0.61 0.58 0.52 0.48 0.45 0.45 0.44 0.27 0.16 0.23 0.39 0.15 ...: it rises at 7 epochs.
      {
        id: 'gd-large',
        query: 'dataset=circle&networkShape=4&learningRate=3&speed=10&pauseAt=30',
        checks: 'epoch=30 rises>4',
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
      en: 'The preset learns xor slowly (10 epochs a second) and pauses at epoch 50, past 90% '
        + 'accuracy. Then press Step a few times: each press is one update, one batch of 10 points '
        + 'forward, its gradients backward, every weight moved, and the Steps counter goes up by '
        + 'one. Epoch trains the 25 batches of a whole epoch. The "Gradients, layer by layer" '
        + 'chart shows how large each layer\'s gradient is, and the weights in the network picture '
        + 'change after every step.',
      zh: '这个预设慢慢学习异或（每秒 10 轮），在第 50 轮暂停，此时准确率已超过 90%。然后按几次'
        + '“单步”：每按一次就是一次更新，一批 10 个点前向传播、梯度反向传播、所有权重更新一次，步数'
        + '加一。“一轮”则把一整轮的 25 批都训练一遍。“逐层梯度”图显示每一层梯度的大小，网络图中的'
        + '权重每一步都会变化。',
    },
    presets: [
      // 50 epochs: loss 0.094 / 0.144, accuracy 95% / 90%, grads 0.24 0.097 0.032.
      {
        id: 'backprop-xor',
        query: 'dataset=xor&networkShape=4,4&activation=tanh&learningRate=0.03&speed=10&pauseAt=50',
        checks: 'epoch=50 step=1250 trainAccuracy>0.9',
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
      en: 'Watch the loss chart on the spiral; each preset plays 10 epochs a second and pauses at '
        + 'epoch 40. With batch size 1 at learning rate 0.1 the loss jumps up and down between '
        + 'about 0.43 and 0.55, rising at a third of the epochs or more, and never settles; at '
        + 'learning rate 0.01 it comes down, still with small zigzags. With batch size 250 (the '
        + 'whole training set) it falls smoothly, at every epoch, but slowly: compare the step '
        + 'counters, 40 updates against 10,000.',
      zh: '观察螺旋数据的损失曲线；每个预设每秒训练 10 轮，在第 40 轮暂停。批大小为 1、学习率为 0.1 '
        + '时，损失在约 0.43 到 0.55 之间上下跳动，至少三分之一的轮次都在回升，始终稳定不下来；学习率'
        + '降到 0.01 后损失能降下来，但仍有小锯齿。批大小为 250（即整个训练集）时，损失每一轮都平滑'
        + '下降，但很慢：对比步数，40 次更新对 10000 次。',
    },
    presets: [
      // 40 epochs (10,000 steps): train loss by epoch between 0.43 and 0.55, rising at 18 of 39;
      // 0.47 at the end. By epoch 100 the ReLUs die and it freezes at 0.49.
      {
        id: 'batch-one',
        query: 'batchSize=1&speed=10&pauseAt=40',
        checks: 'epoch=40 step=10000 rises>9 trainLoss>0.4',
        label: { en: 'Batch size 1', zh: '批大小 1' },
      },
      // 40 epochs: train loss 0.47 at epoch 1, 0.391 at 40, rising at 9 of 39 epochs.
      {
        id: 'batch-one-slow',
        query: 'batchSize=1&learningRate=0.01&speed=10&pauseAt=40',
        checks: 'epoch=40 rises>2 trainLoss<0.42',
        label: { en: 'Batch size 1, rate 0.01', zh: '批大小 1，学习率 0.01' },
      },
      // 40 epochs (40 steps): train loss 0.578 at epoch 1, 0.443 at 40, falling at every epoch.
      {
        id: 'batch-full',
        query: 'batchSize=250&speed=10&pauseAt=40',
        checks: 'epoch=40 step=40 rises=0',
        label: { en: 'Whole training set (250)', zh: '整个训练集（250）' },
      },
    ],
  },
  ...TROUBLES,
];
