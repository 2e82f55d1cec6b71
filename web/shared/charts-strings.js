// The words of the "How wrong it is" card (web/shared/charts.js) in English and Chinese.

import { addStrings } from './i18n.js';

addStrings({
  en: {
    'charts.title': 'How wrong it is',
    'charts.loss': 'Loss',
    'charts.accuracy': 'Accuracy',
    'charts.train': 'Train',
    'charts.test': 'Test',
    'charts.log': 'Log scale',
    'charts.log.title': 'Show the loss on a logarithmic scale, where every tenfold drop looks the same',
    'charts.lossChart': 'Train and test loss over the epochs',
    'charts.accuracyChart': 'Train and test accuracy over the epochs',
    'charts.lossCaption': 'The loss is the network\'s average error. Train loss is measured on the '
      + 'points it learns from, test loss on points it never sees: when test loss climbs while '
      + 'train loss falls, it is memorising.',
    'charts.formula.tanh': 'Loss here: squared error, ½·(output − target)², averaged over the '
      + 'points, with targets ±1 through a tanh output, as TensorFlow Playground computes it. A '
      + 'network that always answers 0 scores 0.5.',
    'charts.formula.regression': 'Loss here: squared error, ½·(output − target)², averaged over '
      + 'the points, with a linear output.',
    'charts.formula.sigmoid': 'Loss here: cross-entropy, −log of the probability the network gives '
      + 'the right class (a sigmoid of its output), averaged over the points. Guessing 50/50 '
      + 'scores ln 2 ≈ 0.693.',
    'charts.formula.softmax': 'Loss here: cross-entropy, −log of the probability the network gives '
      + 'the right class (a softmax over its {classes} outputs), averaged over the points. Guessing '
      + 'evenly scores ln {classes} ≈ {chance}.',
    'charts.lossDiverged': '{loss} · diverged',
    'charts.lossDiverged.title': 'The loss reached {loss} when training diverged. The '
      + 'weights kept are the last finite ones; their training loss is {kept}.',
    'charts.testLossKept.title': 'The test loss of the weights kept after the divergence (the last '
      + 'finite ones).',
    'charts.epochs': 'epochs',
    'charts.empty': 'Press Play or Step to train',
    'charts.bestEpoch': 'best epoch {epoch}',
    'charts.gradients': 'Gradients, layer by layer',
    'charts.gradChart': 'Size of each layer\'s weight gradient over the epochs, log scale',
    'charts.gradEmpty': 'Gradients appear after the first step',
    'charts.gradCaption': 'How big each layer\'s gradient is (log scale). A line falling far below '
      + 'the others near the input means vanishing gradients; lines shooting up mean exploding '
      + 'gradients.',
    'charts.layer': 'layer {n}',
    'charts.output': 'output',
    'charts.ratios': 'Update size per step',
    'charts.ratiosChart': 'Each layer\'s weight update relative to its weights, at the last step',
    'charts.ratiosCaption': 'How much the last step changed each layer\'s weights, relative to '
      + 'their size. Around 1e−3 (green) is healthy: far below, the layer barely learns; far '
      + 'above, the learning rate is too high for it.',
    'charts.healthy': 'healthy ≈ 1e−3',
  },
  zh: {
    'charts.title': '误差有多大',
    'charts.loss': '损失',
    'charts.accuracy': '准确率',
    'charts.train': '训练',
    'charts.test': '测试',
    'charts.log': '对数刻度',
    'charts.log.title': '用对数刻度显示损失：每下降到十分之一，看起来都一样长',
    'charts.lossChart': '训练损失和测试损失随轮次的变化',
    'charts.accuracyChart': '训练准确率和测试准确率随轮次的变化',
    'charts.lossCaption': '损失是网络的平均误差。训练损失在用来学习的数据上计算，测试损失在从未见过的'
      + '数据上计算：训练损失下降而测试损失上升时，网络在死记硬背（过拟合）。',
    'charts.formula.tanh': '这里的损失：平方误差 ½·(输出 − 目标)²，对所有点取平均；目标为 ±1，输出经过 tanh，'
      + '与 TensorFlow Playground 的算法相同。总是输出 0 的网络得 0.5。',
    'charts.formula.regression': '这里的损失：平方误差 ½·(输出 − 目标)²，对所有点取平均；输出为线性。',
    'charts.formula.sigmoid': '这里的损失：交叉熵，即网络给正确类别的概率（输出经过 sigmoid）取 −log，'
      + '再对所有点取平均。五五开地猜得 ln 2 ≈ 0.693。',
    'charts.formula.softmax': '这里的损失：交叉熵，即网络给正确类别的概率（{classes} 个输出经过 softmax）'
      + '取 −log，再对所有点取平均。平均地猜得 ln {classes} ≈ {chance}。',
    'charts.lossDiverged': '{loss} · 发散',
    'charts.lossDiverged.title': '训练发散时损失达到 {loss}。保留的是最后一组有限的权重，'
      + '它们的训练损失是 {kept}。',
    'charts.testLossKept.title': '发散后保留的权重（最后一组有限的权重）的测试损失。',
    'charts.epochs': '轮次',
    'charts.empty': '按“运行”或“单步”开始训练',
    'charts.bestEpoch': '最佳轮次 {epoch}',
    'charts.gradients': '逐层梯度',
    'charts.gradChart': '每一层权重梯度的大小随轮次的变化，对数刻度',
    'charts.gradEmpty': '训练一步之后显示梯度',
    'charts.gradCaption': '每一层梯度的大小（对数刻度）。靠近输入的线远远低于其他线，说明梯度消失；'
      + '线猛然冲高，说明梯度爆炸。',
    'charts.layer': '第 {n} 层',
    'charts.output': '输出层',
    'charts.ratios': '每步的更新幅度',
    'charts.ratiosChart': '最后一步中每一层权重的更新量与权重大小之比',
    'charts.ratiosCaption': '最后一步对每层权重的改变量与权重大小之比。1e−3 左右（绿色）较健康：'
      + '远低于它，这一层几乎不学习；远高于它，学习率对这一层太大了。',
    'charts.healthy': '健康 ≈ 1e−3',
  },
});
