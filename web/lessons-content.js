// The lessons of the course notes (deep learning, week 1), in English and Chinese, each with
// presets: share-link queries that show the effect. Pure data: no DOM, no wasm. This file holds
// the basics (activations to batches); lessons-troubles.js what goes wrong in training.
//
// A preset's query holds only settings that differ from their defaults, exactly as the link
// then shows them. Every preset was checked natively with the CLI, from the repository root:
//   cargo run -q --release -p playground-cli -- '<query>' --epochs N --every 0
// The comment above each preset gives N and what it printed (loss = train / test loss,
// accuracy = train / test accuracy, grads = gradNorms from the input side to the output).

import { TROUBLES } from './lessons-troubles.js';

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
        + 'accuracy stops at 40%, however long it trains. With one hidden layer of 64 ReLU units '
        + '(the widest layer here; CS231n uses 100) it reaches 98% after about 1,000 epochs: in '
        + 'the network picture each hidden unit\'s map is the plane cut by one line. On five arms '
        + 'the same network needs longer, wobbles on the way, and ends near 95% on the training '
        + 'points but only about 80% on the test points.',
      zh: '没有隐藏层时，预测图是三个直边的扇形，训练准确率停在 40%，训练多久都不变。加一个 64 个 '
        + 'ReLU 神经元的隐藏层（这里每层最多 64 个；CS231n 用 100 个），大约 1000 轮后训练准确率达到 '
        + '98%：在网络图中，每个隐藏神经元的小图都是被一条直线切开的平面。换成五条螺旋臂，同样的网络'
        + '要训练更久，中途准确率时有起伏，最后训练集约 95%，测试集只有约 80%。',
    },
    presets: [
      // 2000 epochs: loss 1.068 / 1.079, accuracy 40% / 32% (the same at 500 and 1000 epochs).
      // 334 points with 90% for training: 300 training points, as in CS231n.
      {
        id: 'spiral-linear',
        query: 'classes=3&numSamples=334&noise=20&percTrainData=90&networkShape=&loss=crossEntropy&optimizer=adam&learningRate=0.01',
        label: { en: 'Linear softmax (no hidden layer)', zh: '线性 softmax（无隐藏层）' },
      },
      // 2000 epochs: loss 0.053 / 0.031, accuracy 98% / 100% (97.7% / 100% at 1000 epochs).
      {
        id: 'spiral-hidden',
        query: 'classes=3&numSamples=334&noise=20&percTrainData=90&networkShape=64&loss=crossEntropy&optimizer=adam&learningRate=0.01',
        label: { en: 'One hidden layer of 64 ReLU', zh: '一个 64 ReLU 的隐藏层' },
      },
      // 2000 epochs: loss 0.187 / 0.998, accuracy 94.7% / 82% (91% / 62% at 1000 epochs).
      {
        id: 'spiral-five',
        query: 'classes=5&numSamples=334&noise=20&percTrainData=90&networkShape=64&loss=crossEntropy&optimizer=adam&learningRate=0.01',
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
      en: 'Both presets train three hidden layers on the circle. With linear the prediction stays '
        + 'split by one straight line and the loss stays near 0.5; with tanh the boundary closes '
        + 'into a ring and the accuracy reaches 100%.',
      zh: '两个预设都用三个隐藏层学习圆环数据。用 linear 时，预测图始终被一条直线分成两半，损失停在 '
        + '0.5 左右；用 tanh 时，边界闭合成一个圆圈，准确率达到 100%。',
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
  ...TROUBLES,
];
