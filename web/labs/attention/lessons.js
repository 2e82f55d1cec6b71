// The attention lab's lessons (the course notes' Transformer), in English and Chinese, each with
// presets: share-link queries of the attention lab that show the effect. Pure data: no DOM, no
// wasm.
//
// A preset's query holds only settings that differ from the lab's defaults (reverse 8 digits,
// one block of width 32 with 2 heads, learned positions, Adam 0.003 in batches of 32), with the
// pace the page plays it at (`speed`, in epochs of 100 updates a second) and the epoch at which
// training pauses (`pauseAt`). Its `checks` are what the lesson says, as figures read where
// training paused: crates/cli/tests/lesson_presets.rs checks them natively with the same budget.
// Figures, besides the plane's: exactMatch (the share of test sequences right at every
// position) and parameters. The comment above a preset gives what the CLI printed for data and
// weight seeds 1, 2 and 3 (the preset itself uses the default seeds):
//   cargo run -q --release -p playground-cli -- 'lab=attention&<query>&seed=S&initSeed=S' --every 0

/** @typedef {import('../../plane/lessons-content.js').Lesson} Lesson */

/** @type {Lesson[]} */
export const ATTENTION_LESSONS = [
  {
    id: 'weighted-average',
    title: { en: 'Attention is a weighted average', zh: '注意力就是加权平均' },
    text: {
      en: 'An RNN passes what it read from step to step. Attention instead lets every position '
        + 'look at all the others at once: it gives each position a weight, the weights of a row '
        + 'add up to 1, and the position\'s new vector is the weighted average of what the '
        + 'positions offer. To reverse 8 digits, position 0 must fetch the digit at position 7, '
        + 'position 1 the one at 6, and so on: one attention layer can do that in a single step, '
        + 'however far apart the two positions are.',
      zh: 'RNN 把读到的内容一步步往后传。注意力则让每个位置一次看到所有位置：它给每个位置一个权重，'
        + '一行的权重加起来为 1，该位置的新向量就是各位置所提供内容的加权平均。要把 8 个数字倒过来，'
        + '位置 0 必须取到位置 7 的数字，位置 1 取位置 6 的，依此类推：一层注意力一步就能做到，'
        + '无论两个位置相隔多远。',
    },
    look: {
      en: 'With one head, every test sequence comes out reversed by epoch 3. In the attention '
        + 'matrix each row (the position asking) puts nearly all its weight on one column (the '
        + 'position answering): the anti-diagonal, from top right to bottom left.',
      zh: '只用一个头，到第 3 轮所有测试序列都被正确倒序。在注意力矩阵里，每一行（提问的位置）几乎'
        + '把全部权重放在一列（回答的位置）上：从右上到左下的反对角线。',
    },
    presets: [
      // 3 epochs: per-token accuracy 100%, 100%, 100%.
      {
        id: 'one-head',
        query: 'lab=attention&heads=1&speed=1&pauseAt=3',
        checks: 'testAccuracy>0.99 exactMatch>0.99',
        label: { en: 'Reverse with one head', zh: '一个头做倒序' },
      },
    ],
  },
  {
    id: 'query-key-value',
    title: { en: 'Query, key and value', zh: '查询、键和值' },
    text: {
      en: 'Where do the weights come from? Each position makes three vectors from its own: a '
        + 'query (what I am looking for), a key (what I hold) and a value (what I hand over). '
        + 'The score of position i for position j is the dot product of i\'s query and j\'s '
        + 'key, divided by the square root of the head\'s width so it does not grow with it; a '
        + 'softmax over each row turns the scores into weights, and the output is the weighted '
        + 'sum of the values. Only the three projection matrices are learned.',
      zh: '权重从哪里来？每个位置由自己的向量算出三个向量：查询（我在找什么）、键（我有什么）和值'
        + '（我交出什么）。位置 i 对位置 j 的分数是 i 的查询与 j 的键的点积，再除以头宽度的平方根，'
        + '使它不随宽度变大；对每一行做 softmax 把分数变成权重，输出就是值的加权和。学习的只有这三个'
        + '投影矩阵。',
    },
    look: {
      en: 'The default network (9,514 parameters) reverses every test sequence by epoch 3. Open '
        + 'the head walk: pick a head and follow one input through its queries, keys and values, '
        + 'the scaled scores, the softmax and the weighted sum.',
      zh: '默认网络（9,514 个参数）到第 3 轮倒序全部测试序列。打开单头分步视图：选一个头，跟着一个'
        + '输入看它的查询、键、值、缩放后的分数、softmax 和加权和。',
    },
    presets: [
      // 3 epochs: per-token accuracy 100%, 100%, 100%; exact match 100%.
      {
        id: 'reverse',
        query: 'lab=attention&speed=1&pauseAt=3',
        checks: 'testAccuracy>0.99 exactMatch>0.95 parameters=9514',
        label: { en: 'Reverse, 2 heads', zh: '倒序，2 个头' },
      },
    ],
  },
  {
    id: 'heads',
    title: { en: 'Multiple heads', zh: '多头注意力' },
    text: {
      en: 'One head gives each position one weighted average: it can look for one thing at a '
        + 'time. Several heads split the width between them, each with its own queries, keys and '
        + 'values, and look for different things side by side; their outputs are joined and '
        + 'mixed by one more matrix. The parameter count stays the same. Sorting 8 digits needs '
        + 'each position to weigh many others at once (how many are smaller, which are equal), '
        + 'and there four heads of 8 beat one head of 32.',
      zh: '一个头只给每个位置一个加权平均：一次只能找一样东西。多个头把宽度分开，各有自己的查询、键和'
        + '值，同时寻找不同的东西；它们的输出拼在一起，再由一个矩阵混合。参数个数不变。给 8 个数字排序'
        + '时，每个位置需要同时比较许多位置（有几个更小、哪些相等），这时 4 个宽 8 的头胜过 1 个宽 32 的头。',
    },
    look: {
      en: 'At epoch 5, one head sorts under 90% of the test sequences entirely right, four heads '
        + 'over 93%. Knock heads out one by one and watch which positions suffer.',
      zh: '到第 5 轮，一个头完全排对的测试序列不到 90%，四个头超过 93%。逐个关闭注意力头，看哪些位置'
        + '受影响。',
    },
    presets: [
      // 5 epochs: exact match 79.4%, 87.8%, 86.8%.
      {
        id: 'sort-one-head',
        query: 'lab=attention&task=sort&heads=1&speed=1&pauseAt=5',
        checks: 'exactMatch<0.9',
        label: { en: 'Sort 8 digits, 1 head', zh: '排序 8 个数字，1 个头' },
      },
      // 5 epochs: exact match 98.4%, 95.0%, 99.2%.
      {
        id: 'sort-four-heads',
        query: 'lab=attention&task=sort&heads=4&speed=1&pauseAt=5',
        checks: 'exactMatch>0.93',
        label: { en: 'Sort 8 digits, 4 heads', zh: '排序 8 个数字，4 个头' },
      },
    ],
  },
  {
    id: 'positions',
    title: { en: 'Positional encoding', zh: '位置编码' },
    text: {
      en: 'Attention compares every position with every other, and nothing in it says which is '
        + 'first: shuffle the input and each output moves with its token. Without positions it '
        + 'sees a bag of digits. Copying needs no order (each position keeps its own digit), but '
        + 'reversing does, and stays near a third of the digits right: those it can guess from '
        + 'the bag. Adding a vector for each position fixes it: a learned one, or the fixed sines '
        + 'and cosines of different frequencies of the original Transformer.',
      zh: '注意力把每个位置与所有位置比较，但其中没有任何东西说明谁在前：打乱输入，每个输出就跟着它的'
        + '词元移动。没有位置信息，它看到的只是一袋数字。复制不需要顺序（每个位置保留自己的数字），倒序'
        + '却需要，只能对三分之一左右的数字：那些能从这袋数字中猜出来的。给每个位置加一个向量就解决了：'
        + '可以是学习得到的，也可以是原始 Transformer 中不同频率的固定正弦和余弦。',
    },
    look: {
      en: 'Positions off: reversal stays under 50% at epoch 10, copying reaches 99% by epoch 3. '
        + 'With sinusoidal positions reversal reaches 99% by epoch 3, as with learned ones.',
      zh: '关闭位置编码：到第 10 轮倒序仍低于 50%，复制到第 3 轮达到 99%。使用正弦位置编码，倒序到'
        + '第 3 轮达到 99%，和学习得到的位置编码一样。',
    },
    presets: [
      // 10 epochs: per-token accuracy 31.6%, 31.8%, 31.5%.
      {
        id: 'reverse-no-positions',
        query: 'lab=attention&positions=off&speed=3&pauseAt=10',
        checks: 'testAccuracy<0.5',
        label: { en: 'Reverse without positions', zh: '无位置编码的倒序' },
      },
      // 3 epochs: per-token accuracy 100%, 100%, 100%.
      {
        id: 'copy-no-positions',
        query: 'lab=attention&task=copy&positions=off&speed=1&pauseAt=3',
        checks: 'testAccuracy>0.99',
        label: { en: 'Copy without positions', zh: '无位置编码的复制' },
      },
      // 3 epochs: per-token accuracy 100%, 100%, 100%.
      {
        id: 'sinusoidal',
        query: 'lab=attention&positions=sinusoidal&speed=1&pauseAt=3',
        checks: 'testAccuracy>0.99',
        label: { en: 'Reverse, sinusoidal positions', zh: '正弦位置编码的倒序' },
      },
    ],
  },
  {
    id: 'causal',
    title: { en: 'The causal mask and next-word prediction', zh: '因果掩码与下一个词的预测' },
    text: {
      en: 'To predict the next word of 我 爱 深度 学习, position i may look only at positions 0 '
        + 'to i: otherwise it would read the answer. The causal mask sets the scores above the '
        + 'diagonal to minus infinity before the softmax, so their weights are 0 and every row '
        + 'averages only the past. Then one pass trains every position of the window at once, '
        + 'where an RNN must step through it. The mask also tells order: position i averages i + 1 '
        + 'words, so here even without positional encoding the decoder learns.',
      zh: '要预测“我 爱 深度 学习”的下一个词，位置 i 只能看位置 0 到 i：否则它会读到答案。因果掩码在 '
        + 'softmax 之前把对角线以上的分数设为负无穷，使它们的权重为 0，每一行只平均过去。这样一次前向'
        + '传播就训练窗口中的每个位置，而 RNN 必须一步步走过。掩码也透露了顺序：位置 i 平均的是 i + 1 '
        + '个词，所以这里即使没有位置编码，解码器也能学会。',
    },
    look: {
      en: 'At epoch 10 over 40% of the test words are the decoder\'s first guess, with or without '
        + 'positions. The attention matrices are lower triangles. Type 我 爱 in the prompt box and '
        + 'sample at temperatures 0.5 and 2.',
      zh: '到第 10 轮，无论有没有位置编码，超过 40% 的测试词都是解码器的第一猜测。注意力矩阵是下三角。'
        + '在提示框里输入“我 爱”，分别用温度 0.5 和 2 采样。',
    },
    presets: [
      // 10 epochs: per-token accuracy 43.2%, 44.3%, 45.5%.
      {
        id: 'next-word',
        query: 'lab=attention&task=text&speed=1&pauseAt=10',
        checks: 'testAccuracy>0.4',
        label: { en: 'Next word, causal decoder', zh: '预测下一个词，因果解码器' },
      },
      // 10 epochs: per-token accuracy 43.2%, 44.5%, 45.1%.
      {
        id: 'next-word-no-positions',
        query: 'lab=attention&task=text&positions=off&speed=1&pauseAt=10',
        checks: 'testAccuracy>0.4',
        label: { en: 'Next word without positions', zh: '无位置编码预测下一个词' },
      },
    ],
  },
  {
    id: 'versus-lstm',
    title: { en: 'Transformer against LSTM', zh: 'Transformer 与 LSTM 对比' },
    text: {
      en: 'On the sequence lab\'s short sentences the two end up alike: each word depends on the '
        + 'few before it, which an LSTM carries easily, and both guess over 40% of the test words '
        + 'after a few epochs. The difference is the path between two words. In an LSTM '
        + 'information from 11 steps back must survive 11 updates of the memory, and its '
        + 'gradient 11 multiplications; in attention every position reaches every other in one '
        + 'step. Reversing 12 digits shows it: the sequence lab\'s LSTM reads the digits, then '
        + 'gives them back one per step after a cue, so the last answer is a digit it read 23 '
        + 'steps before and must have kept in its memory all along. The Transformer learns '
        + 'reversing 12 as quickly as reversing 8; the LSTM gets the digits it read last right '
        + 'first, and the rest slowly.',
      zh: '在序列实验室的短句上，两者结果相近：每个词只依赖前面几个词，LSTM 很容易记住，几轮之后两者都'
        + '能猜对超过 40% 的测试词。区别在于两个词之间的路径。在 LSTM 中，11 步之前的信息必须经受 11 次'
        + '记忆更新，它的梯度要经过 11 次乘法；在注意力中，每个位置一步就能到达任何位置。倒序 12 个数字'
        + '时就能看出：序列实验室的 LSTM 先读这些数字，再在提示之后每步说出一个，所以最后一个答案是 23 步'
        + '之前读到、一直要存在记忆里的数字。Transformer 学倒序 12 个数字和学倒序 8 个一样快；LSTM 先学会'
        + '最后读到的几个数字，其余的学得很慢。',
    },
    look: {
      en: 'The Transformer guesses over 40% of the test words at epoch 10; the LSTM of the '
        + 'sequence lab does at epoch 5. At epoch 3 of reversing 12 digits the Transformer gives '
        + 'back over 99% of them, the LSTM under 60%.',
      zh: 'Transformer 在第 10 轮猜对超过 40% 的测试词；序列实验室的 LSTM 在第 5 轮做到。倒序 12 个数字'
        + '到第 3 轮，Transformer 说对超过 99%，LSTM 不到 60%。',
    },
    presets: [
      // 10 epochs: per-token accuracy 43.2%, 44.3%, 45.5%.
      {
        id: 'transformer-text',
        query: 'lab=attention&task=text&speed=1&pauseAt=10',
        checks: 'testAccuracy>0.4',
        label: { en: 'Transformer, next word', zh: 'Transformer，下一个词' },
      },
      // The sequence lab's own preset (played there): 5 epochs, accuracy 44.0%, 45.2%, 45.3%.
      {
        id: 'lstm-text',
        query: 'lab=sequence&speed=1&pauseAt=5',
        checks: 'lossRatio<0.5 testAccuracy>0.4',
        label: { en: 'LSTM, next word (sequence lab)', zh: 'LSTM，下一个词（序列实验室）' },
      },
      // 3 epochs: per-token accuracy 100%, 100%, 100%.
      {
        id: 'long-reverse',
        query: 'lab=attention&length=12&speed=1&pauseAt=3',
        checks: 'testAccuracy>0.99',
        label: { en: 'Transformer, reverse 12 digits', zh: 'Transformer，倒序 12 个数字' },
      },
      // The sequence lab's LSTM (played there), 3 epochs: 43.8%, 38.6%, 40.0% of the digits.
      {
        id: 'lstm-long-reverse',
        query: 'lab=sequence&task=reverse&length=12&speed=1&pauseAt=3',
        checks: 'testAccuracy<0.6',
        label: { en: 'LSTM, reverse 12 digits (sequence lab)', zh: 'LSTM，倒序 12 个数字（序列实验室）' },
      },
    ],
  },
];
