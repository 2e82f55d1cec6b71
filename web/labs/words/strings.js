// The words lab page's own words in English and Chinese: its views' card, its form's sections,
// its status lines and what it says while the worker loads. The views add their own strings.

import { addStrings } from '../../shared/i18n.js';

addStrings({
  en: {
    'words.title': 'Inside the word vectors',
    'words.caption': 'Every picture here follows training: each word\'s vector flattened onto the '
      + 'plane, a word\'s nearest words, an analogy, how alike chosen pairs grow, the one-hot '
      + 'vectors the learned ones replace, and the counts the learning starts from. The charts '
      + 'beside show the loss, the share of right calls, and the gradient norms of the two '
      + 'tables: the input vectors, which the pictures show, and the output vectors.',
    'words.loading': 'Loading the words lab…',
    'words.finished': 'Finished: all {epochs} epochs trained',
    'words.section.network': 'Word2Vec',
  },
  zh: {
    'words.title': '词向量的内部',
    'words.caption': '这里的每张图都随训练更新：每个词的向量压到平面上的位置、一个词最近的词、类比、'
      + '所选词对的相似度变化、被学到的向量取代的独热向量，以及学习所依据的共现次数。旁边的图表显示'
      + '损失、判断正确的比例，以及两张表的梯度范数：图中显示的输入向量，以及输出向量。',
    'words.loading': '正在加载词向量实验室……',
    'words.finished': '已完成：{epochs} 轮全部训练完毕',
    'words.section.network': 'Word2Vec',
  },
});
