// The words lab's lessons (the course notes' word embeddings), in English and Chinese, each with
// presets: share-link queries that show the effect. Pure data: no DOM, no wasm.
//
// A preset's query holds only settings that differ from the lab's defaults, with the pace the page
// plays it at (`speed`, in epochs a second); training stops by itself after the `epochs` setting
// (20). Its `checks` are what the lesson says, as the CLI's summary figures where training
// stopped: similarPair (cos 猫/狗 or cat/dog), distantPair (cos 猫/汽车 or cat/car),
// groupNeighbours (the share of group words whose nearest word is in their group), analogyRank
// (where 王后 or queen ranks for 国王 − 男人 + 女人, 1 first) and the other labs' figures. The
// comment above a preset gives what the CLI printed for data and weight seeds 1, 2 and 3:
//   ./target/release/playground '<query>&seed=S&initSeed=S' --every 0

/** @typedef {import('../../plane/lessons-content.js').Lesson} Lesson */

/** @type {Lesson[]} */
export const WORDS_LESSONS = [
  {
    id: 'words-onehot',
    title: { en: 'Why not one-hot', zh: '为什么不用独热向量' },
    text: {
      en: 'A network reads words as numbers. The plainest way is one-hot: as many numbers as '
        + 'the text has words, all 0 but one. Every two one-hot vectors are perpendicular, so '
        + '猫 is as far from 狗 as from 汽车, and the vectors grow with the vocabulary. Word2Vec '
        + 'gives each word a short dense vector instead and learns it from the text, so that '
        + 'alike words get alike vectors.',
      zh: '网络把词当作数字来读。最直接的办法是独热向量：文本有多少个词就有多少个数，只有一个是 1，'
        + '其余都是 0。任意两个独热向量都互相垂直，所以“猫”离“狗”和离“汽车”一样远，而且向量随词表'
        + '变长。Word2Vec 则给每个词一个短而稠密的向量，并从文本中学习它，让相似的词得到相似的向量。',
    },
    look: {
      en: 'The one-hot view shows over a hundred numbers per word and every similarity 0; the '
        + 'learned vectors have 16. With 16 numbers, every group word\'s nearest word ends in its own group; '
        + 'squeezed into 2 numbers, fewer than half of them do.',
      zh: '独热视图中每个词有一百多个数，两两相似度都是 0；学到的向量只有 16 个数。用 16 个数时，'
        + '每个组内词最近的词最终都在本组；压缩到 2 个数时，不到一半做得到。',
    },
    presets: [
      // groupNeighbours 1.0, 1.0, 1.0.
      {
        id: 'words-dense16',
        query: 'lab=words&speed=3',
        checks: 'groupNeighbours=1',
        label: { en: '16 numbers per word', zh: '每个词 16 个数' },
      },
      // groupNeighbours 0.40, 0.37, 0.40.
      {
        id: 'words-dense2',
        query: 'lab=words&dim=2&speed=3',
        checks: 'groupNeighbours<0.5',
        label: { en: '2 numbers per word', zh: '每个词 2 个数' },
      },
    ],
  },
  {
    id: 'words-contexts',
    title: { en: 'Shared contexts, close vectors', zh: '上下文相同，向量相近' },
    text: {
      en: 'Skip-gram asks each word\'s vector to score the words around it above random words. '
        + '猫 and 狗 appear in the same kinds of sentences (我 每天 喂 猫 and 我 每天 喂 狗, 猫 在 '
        + '草地 上 跑 and 狗 在 草地 上 跑), so their vectors are pushed towards the same contexts '
        + 'and end up close, though the built-in text never puts them in one sentence. 汽车 '
        + 'shares few contexts with 猫 and stays further away.',
      zh: 'Skip-gram 要求每个词的向量给它周围的词打出比随机词更高的分。“猫”和“狗”出现在同类的句子里'
        + '（“我 每天 喂 猫”和“我 每天 喂 狗”，“猫 在 草地 上 跑”和“狗 在 草地 上 跑”），所以它们的'
        + '向量被推向同样的上下文，最终彼此靠近，尽管内置文本从没让它们出现在同一句里。“汽车”和“猫”'
        + '很少有共同的上下文，离得更远。',
    },
    look: {
      en: 'Watch the groups gather in the projection. When training finishes, the pairs chart has '
        + '猫/狗 above 0.9 and 猫/汽车 below 0.5 (cat/dog and cat/car in English).',
      zh: '看投影图中各组逐渐聚拢。训练结束时，词对图中“猫/狗”高于 0.9，“猫/汽车”低于 0.5'
        + '（英文为 cat/dog 和 cat/car）。',
    },
    presets: [
      // similarPair 0.997, 0.996, 0.998; distantPair 0.05, 0.08, 0.11.
      {
        id: 'words-zh',
        query: 'lab=words&speed=3',
        checks: 'similarPair>0.9 distantPair<0.5',
        label: { en: 'Chinese text', zh: '中文文本' },
      },
      // similarPair 0.999, 0.998, 0.995; distantPair 0.38, 0.31, 0.13.
      {
        id: 'words-en',
        query: 'lab=words&corpus=en&speed=3',
        checks: 'similarPair>0.9 distantPair<0.5',
        label: { en: 'English text', zh: '英文文本' },
      },
    ],
  },
  {
    id: 'words-window',
    title: { en: 'The window', zh: '窗口大小' },
    text: {
      en: 'The window says how many words on each side count as context. A small window sees '
        + 'the words right next to a word, which in large texts tell its kind (what can follow '
        + '"the", what can be eaten); a large window sees the whole sentence, which tells its '
        + 'topic. In our short sentences both windows find the groups; what changes is the task: '
        + 'further words say less about a word, so they are harder to tell from random ones.',
      zh: '窗口决定一个词左右各多少个词算作上下文。小窗口只看紧挨着的词，在大文本中它们说明词的类别'
        + '（什么能跟在“的”后面，什么能吃）；大窗口看整句话，说明词的话题。在我们的短句里，两种窗口'
        + '都能找到词组；变的是任务本身：越远的词对一个词说明得越少，越难与随机词区分。',
    },
    look: {
      en: 'The co-occurrence view counts a word\'s neighbours within the window: with 6 it lists '
        + 'words of every kind. At the end, test accuracy is above 93% with a window of 1 and '
        + 'below 90% with a window of 6.',
      zh: '共现视图统计窗口内的邻近词：窗口为 6 时列出各种各样的词。训练结束时，窗口为 1 的测试准确率'
        + '高于 93%，窗口为 6 的低于 90%。',
    },
    presets: [
      // testAccuracy 0.947, 0.948, 0.946.
      {
        id: 'words-window1',
        query: 'lab=words&window=1&speed=3',
        checks: 'testAccuracy>0.93',
        label: { en: 'Window 1', zh: '窗口 1' },
      },
      // testAccuracy 0.879, 0.879, 0.877.
      {
        id: 'words-window6',
        query: 'lab=words&window=6&speed=3',
        checks: 'testAccuracy<0.9',
        label: { en: 'Window 6', zh: '窗口 6' },
      },
    ],
  },
  {
    id: 'words-analogy',
    title: { en: 'Analogies', zh: '类比' },
    text: {
      en: 'If the difference between 男人 and 女人 is a direction in the space, adding it to 国王 '
        + 'should land near 王后: king − man + woman ≈ queen. The analogy box looks for the word '
        + 'nearest to that sum, leaving out the three words themselves. On a text this small the '
        + 'arithmetic is rough, and the answer is often near the top rather than first.',
      zh: '如果“男人”和“女人”之差是空间中的一个方向，把它加到“国王”上应当落在“王后”附近：国王 − 男人'
        + ' + 女人 ≈ 王后。类比框寻找离这个和最近的词，不含三个词本身。在这么小的文本上，这种运算很'
        + '粗糙，答案常常排在前几位而不是第一。',
    },
    look: {
      en: 'When training finishes, 王后 is among the top 3 answers for 国王 − 男人 + 女人, and '
        + 'queen comes first for king − man + woman. Try your own three words.',
      zh: '训练结束时，“国王 − 男人 + 女人”的前 3 个答案里有“王后”；“king − man + woman”的第一个答案是 '
        + 'queen。试试你自己的三个词。',
    },
    presets: [
      // analogyRank 1, 1, 1.
      {
        id: 'words-king-zh',
        query: 'lab=words&speed=3',
        checks: 'analogyRank<4',
        label: { en: '国王 − 男人 + 女人', zh: '国王 − 男人 + 女人' },
      },
      // analogyRank 1, 1, 1.
      {
        id: 'words-king-en',
        query: 'lab=words&corpus=en&speed=3',
        checks: 'analogyRank=1',
        label: { en: 'king − man + woman', zh: 'king − man + woman' },
      },
    ],
  },
  {
    id: 'words-into-sequence',
    title: { en: 'Embeddings feed sequence models', zh: '词向量是序列模型的输入' },
    text: {
      en: 'The sequence lab\'s network starts with the same kind of table: each word has a vector '
        + 'of 16 numbers, and the recurrent layer reads those vectors, not one-hot ones. There '
        + 'the table is not trained by Word2Vec\'s context task but together with the whole '
        + 'network, by the gradient of the next-word loss flowing back into it.',
      zh: '序列实验室的网络也从同样的表开始：每个词有一个 16 个数的向量，循环层读的是这些向量，而不是'
        + '独热向量。在那里，这张表不是由 Word2Vec 的上下文任务训练，而是与整个网络一起，由下一个词'
        + '损失的梯度反向传回来训练。',
    },
    look: {
      en: 'The preset opens the sequence lab; press play there: by epoch 5 its test loss is under '
        + 'half the unigram baseline, with its embedding learned along the way.',
      zh: '这个预设打开序列实验室；在那里按下播放：到第 5 轮，它的测试损失不到一元基线的一半，词向量也在'
        + '其间学到。',
    },
    presets: [
      // 5 epochs: test loss 0.39, 0.38, 0.38 of the baseline (web/labs/sequence/lessons.js).
      {
        id: 'words-sequence',
        query: 'lab=sequence&speed=1&pauseAt=5',
        checks: 'lossRatio<0.5',
        label: { en: 'Open the sequence lab', zh: '打开序列实验室' },
      },
    ],
  },
];
