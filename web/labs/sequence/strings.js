// The sequence lab page's own words in English and Chinese: its views' card, its form's
// sections and what it says while the worker loads. The views add their own strings.

import { addStrings } from '../../shared/i18n.js';

addStrings({
  en: {
    'sequence.title': 'Inside the recurrent network',
    'sequence.caption': 'Every picture here follows training: the loss against the baseline of '
      + 'ignoring the sequence, what the network expects after the words you type, how far back '
      + 'in time the gradient reaches, and the gates of one test sequence step by step.',
    'sequence.loading': 'Loading the sequence lab…',
    'sequence.section.task': 'The task',
    'sequence.section.network': 'The recurrent network',
  },
  zh: {
    'sequence.title': '循环网络的内部',
    'sequence.caption': '这里的每张图都随训练更新：损失与“不看序列”的基线对比，网络在你输入的词之后预期什么，'
      + '梯度能沿时间往回传多远，以及一个测试序列每一步的门控。',
    'sequence.loading': '正在加载序列实验室……',
    'sequence.section.task': '任务',
    'sequence.section.network': '循环网络',
  },
});
