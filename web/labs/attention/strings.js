// The attention lab page's own words in English and Chinese: its views' card, its form's
// sections and what it says while the worker loads. The views add their own strings.

import { addStrings } from '../../shared/i18n.js';

addStrings({
  en: {
    'attention.title': 'Inside the Transformer',
    'attention.caption': 'Every picture here follows training: where each head of each layer '
      + 'looks for one input, the network\'s answers beside the right ones, how right each '
      + 'position is, what silencing heads costs, and one head\'s arithmetic from queries and '
      + 'keys to its weighted sum. The charts beside show the loss, the share of tokens right, '
      + 'and the gradient norms of the tables, each block and the output layer.',
    'attention.loading': 'Loading the attention lab…',
    'attention.section.network': 'The Transformer',
  },
  zh: {
    'attention.title': 'Transformer 的内部',
    'attention.caption': '这里的每张图都随训练更新：对一个输入，每层每个注意力头在看哪里；网络的回答与正确答案'
      + '并排；每个位置答对多少；让某些头静默的代价；以及一个头从查询和键到加权和的全部算术。旁边的图表'
      + '显示损失、答对词元的比例，以及词元表、每一块和输出层的梯度范数。',
    'attention.loading': '正在加载注意力实验室……',
    'attention.section.network': 'Transformer',
  },
});
