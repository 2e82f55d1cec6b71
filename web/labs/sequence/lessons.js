// The sequence lab's lessons (the course notes' recurrent networks), in English and Chinese,
// each with presets: share-link queries of the sequence lab that show the effect. Pure data: no
// DOM, no wasm.
//
// A preset's query holds only settings that differ from the lab's defaults, with the pace the
// page plays it at (`speed`, in epochs of 100 updates a second) and the epoch at which training
// pauses (`pauseAt`), or none when training stops by itself. Its `checks` are what the lesson
// says, as figures read where training paused: crates/cli/tests/lesson_presets.rs checks them
// natively with the same budget. Figures, besides the digits lab's: baselineLoss (the test loss
// of ignoring the sequence), lossRatio (testLoss / baselineLoss), gradReach (the gradient
// reaching the first step's hidden state over the last step's, at the last update) and
// parameters. The comment above a preset gives what the CLI printed for data and weight seeds
// 1, 2 and 3 (the preset itself uses seed 1):
//   cargo run -q --release -p playground-cli -- 'lab=sequence&<query>&seed=S&initSeed=S' --every 0

/** @typedef {import('../../plane/lessons-content.js').Lesson} Lesson */

/** @type {Lesson[]} */
export const SEQUENCE_LESSONS = [
  {
    id: 'recurrent',
    title: { en: 'What a recurrent network is', zh: '什么是循环神经网络' },
    text: {
      en: 'A recurrent network reads a sentence one word at a time. Reading 我 爱 深度 学习, it '
        + 'takes 我 and its memory, a vector called the hidden state, and writes a new hidden '
        + 'state; then it takes 爱 and that memory, then 深度, then 学习. The same weights are '
        + 'used at every step, so a sentence of any length needs no more of them. At each step '
        + 'the hidden state also feeds a dense layer and a softmax, which give the probability of '
        + 'every word coming next.',
      zh: '循环神经网络一次读一个词。读“我 爱 深度 学习”时，它先拿到“我”和自己的记忆——一个叫隐藏状态'
        + '的向量——写出新的隐藏状态；再拿“爱”和这份记忆，然后是“深度”，再是“学习”。每一步用的都是'
        + '同一组权重，所以句子再长也不需要更多参数。每一步的隐藏状态还接一个全连接层和 softmax，'
        + '给出下一个词是每个词的概率。',
    },
    look: {
      en: 'The plain RNN pauses at epoch 5 with a test loss under half the unigram baseline (the '
        + 'loss of guessing words by their frequency alone). Type 我 爱 in the prompt box: the '
        + 'bars show what it expects next. Pick a test sentence in the gates view and follow its '
        + 'hidden state word by word.',
      zh: '普通 RNN 在第 5 轮暂停时，测试损失已不到一元基线（只按词频猜词的损失）的一半。在提示框里'
        + '输入“我 爱”：柱状图显示它预期的下一个词。在门控视图中选一个测试句子，逐词看它的隐藏状态。',
    },
    presets: [
      // 5 epochs: test loss 0.39, 0.38, 0.38 of the baseline.
      {
        id: 'walk',
        query: 'lab=sequence&cell=rnn&speed=1&pauseAt=5',
        checks: 'lossRatio<0.5',
        label: { en: 'Plain RNN reads sentences, 5 epochs', zh: '普通 RNN 读句子，5 轮' },
      },
    ],
  },
  {
    id: 'memory',
    title: { en: 'Memory and next-word prediction', zh: '记忆与下一个词的预测' },
    text: {
      en: 'To predict the next word the network must remember what came before: after 我 爱 the '
        + 'corpus has 你, 吃, 学习 or 深度, each about as often, and after 我 爱 深度 only 学习. '
        + 'The unigram baseline ignores the context and pays about 4.1 nats a word; the network '
        + 'pays the loss of the words it still cannot know. Its perplexity, e to the loss, is the '
        + 'number of words it is still choosing between. Read by characters instead, the same '
        + 'network must first learn to spell.',
      zh: '要预测下一个词，网络必须记住前面出现过什么：语料里“我 爱”之后是“你”“吃”“学习”或“深度”，'
        + '各占差不多的比例；而“我 爱 深度”之后只会是“学习”。一元基线不看上下文，每个词约付出 4.1 '
        + '奈特的损失；网络只需为它仍无法确定的词付出损失。困惑度是 e 的损失次方，相当于它还在几个'
        + '词之间犹豫。如果改成按字符读取，同一个网络还得先学会拼写。',
    },
    look: {
      en: 'With words, the test loss is under half the baseline and over 40% of the test words '
        + 'are the network\'s first guess at epoch 5. With characters, over 65% of the test '
        + 'characters at epoch 10. Sample a few sentences at temperature 0.5 and at 2.',
      zh: '按词读取，到第 5 轮测试损失不到基线的一半，超过 40% 的测试词是网络的第一猜测。按字符读取，'
        + '到第 10 轮超过 65% 的测试字符猜对。分别用温度 0.5 和 2 采样几句看看。',
    },
    presets: [
      // 5 epochs: accuracy 44.0%, 45.2%, 45.3%; loss 0.39, 0.38, 0.38 of the baseline.
      {
        id: 'words',
        query: 'lab=sequence&speed=1&pauseAt=5',
        checks: 'lossRatio<0.5 testAccuracy>0.4',
        label: { en: 'LSTM, word by word', zh: 'LSTM，逐词' },
      },
      // 10 epochs: accuracy 69.7%, 71.2%, 69.5%; loss 0.34, 0.32, 0.35 of the baseline.
      {
        id: 'characters',
        query: 'lab=sequence&units=characters&speed=1&pauseAt=10',
        checks: 'lossRatio<0.45 testAccuracy>0.65',
        label: { en: 'LSTM, character by character', zh: 'LSTM，逐字符' },
      },
    ],
  },
  {
    id: 'vanishing',
    title: { en: 'Vanishing gradients over time', zh: '随时间消失的梯度' },
    text: {
      en: 'The adding problem gives a sequence of random numbers, two of them marked, one in each '
        + 'half; the answer, read at the last step, is their sum. Answering 1.0 every time scores '
        + 'an error of about 0.167, so anything below shows memory. Training sends the error back '
        + 'through every step, multiplying by the same recurrent weights and the slope of tanh '
        + 'each time: in the plain RNN the product shrinks step after step, so the early steps '
        + 'hear almost nothing and the first mark is never learned.',
      zh: '加法问题给出一串随机数，其中两个被标记，前后两半各一个；在最后一步读出的答案是它们的和。'
        + '每次都回答 1.0 的误差约为 0.167，所以低于它才说明有记忆。训练把误差沿每一步传回去，每传'
        + '一步就乘一次同样的循环权重和 tanh 的斜率：在普通 RNN 中这个乘积一步步变小，早期的步骤几乎'
        + '收不到信号，第一个标记永远学不会。',
    },
    look: {
      en: 'At length 10 the plain RNN gets below 0.03 by epoch 30. At length 50 it stays near '
        + '0.167 at epoch 10, and the gradient heatmap fades to dark long before the first '
        + 'steps: the first step receives under a thousandth of the last step\'s gradient.',
      zh: '长度为 10 时，普通 RNN 到第 30 轮误差低于 0.03。长度为 50 时，到第 10 轮它仍停在 0.167 '
        + '附近，梯度热图在远未到达最初几步时就变暗：第一步收到的梯度不到最后一步的千分之一。',
    },
    presets: [
      // 30 epochs: test MSE 0.0044, 0.0147, 0.0020.
      {
        id: 'rnn-short',
        query: 'lab=sequence&task=adding&length=10&cell=rnn&speed=10&pauseAt=30',
        checks: 'testLoss<0.03',
        label: { en: 'Plain RNN, length 10', zh: '普通 RNN，长度 10' },
      },
      // 10 epochs: test MSE 0.203, 0.165, 0.165; gradient reach 4e-8, 5e-5, 2e-4.
      {
        id: 'rnn-long',
        query: 'lab=sequence&task=adding&length=50&cell=rnn&speed=3&pauseAt=10',
        checks: 'testLoss>0.1 gradReach<0.001',
        label: { en: 'Plain RNN, length 50', zh: '普通 RNN，长度 50' },
      },
    ],
  },
  {
    id: 'lstm',
    title: { en: 'LSTM', zh: 'LSTM' },
    text: {
      en: 'The LSTM keeps a second memory, the cell state, that is changed only by addition: a '
        + 'forget gate decides how much of it to keep, an input gate how much of a new candidate '
        + 'to add, and an output gate how much of it to show as the hidden state. Where the '
        + 'forget gate stays near 1 the cell state, and the gradient through it, passes many '
        + 'steps almost untouched. Its forget-gate bias starts at 1 here, so it keeps rather than '
        + 'forgets until training says otherwise.',
      zh: 'LSTM 还有第二份记忆——细胞状态，它只通过加法改变：遗忘门决定保留多少，输入门决定加入多少'
        + '新的候选值，输出门决定把多少显示为隐藏状态。只要遗忘门接近 1，细胞状态以及沿它传回的梯度'
        + '就能几乎不变地穿过许多步。这里遗忘门的偏置初始为 1，所以在训练改变它之前，它倾向于保留'
        + '而不是遗忘。',
    },
    look: {
      en: 'At length 50 the LSTM gets below 0.02 by epoch 10, where the plain RNN stayed near '
        + '0.167, and over a hundredth of the last step\'s gradient reaches the first step. In '
        + 'the gates view, watch the input gate open at the two marked steps and the cell state '
        + 'hold the numbers in between.',
      zh: '长度为 50 时，LSTM 到第 10 轮误差低于 0.02，而普通 RNN 停在 0.167 附近；第一步收到的梯度'
        + '超过最后一步的百分之一。在门控视图里，看输入门在两个被标记的步骤打开，细胞状态在中间'
        + '一直保存着这两个数。',
    },
    presets: [
      // 10 epochs: test MSE 0.0009, 0.0005, 0.0006; gradient reach 0.09, 0.12, 0.18.
      {
        id: 'lstm-long',
        query: 'lab=sequence&task=adding&length=50&speed=3&pauseAt=10',
        checks: 'testLoss<0.02 gradReach>0.01 parameters=4641',
        label: { en: 'LSTM, length 50', zh: 'LSTM，长度 50' },
      },
    ],
  },
  {
    id: 'gru',
    title: { en: 'GRU', zh: 'GRU' },
    text: {
      en: 'The GRU has no separate cell state and two gates instead of three: an update gate '
        + 'mixes the old hidden state with a new candidate, and a reset gate decides how much of '
        + 'the old state the candidate sees. Where the update gate keeps the old state, the '
        + 'gradient passes as it does through the LSTM\'s cell. It has three quarters of the '
        + 'LSTM\'s recurrent weights and is nearly as good.',
      zh: 'GRU 没有单独的细胞状态，只有两个门而不是三个：更新门把旧的隐藏状态和新的候选值混合，重置门'
        + '决定候选值能看到多少旧状态。更新门保留旧状态的地方，梯度就能像穿过 LSTM 的细胞状态那样传回。'
        + '它的循环权重只有 LSTM 的四分之三，效果却几乎一样好。',
    },
    look: {
      en: 'At length 50 the GRU, with 3,489 parameters against the LSTM\'s 4,641, also gets below '
        + '0.02 by epoch 10. Run the three cells side by side to see the plain RNN stay behind.',
      zh: '长度为 50 时，GRU 用 3,489 个参数（LSTM 为 4,641 个），到第 10 轮误差同样低于 0.02。'
        + '把三种单元并排训练，看普通 RNN 落在后面。',
    },
    presets: [
      // 10 epochs: test MSE 0.0016, 0.0003, 0.0010.
      {
        id: 'gru-long',
        query: 'lab=sequence&task=adding&length=50&cell=gru&speed=3&pauseAt=10',
        checks: 'testLoss<0.02 parameters=3489',
        label: { en: 'GRU, length 50', zh: 'GRU，长度 50' },
      },
    ],
  },
  {
    id: 'exploding',
    title: { en: 'Exploding gradients and clipping', zh: '梯度爆炸与梯度裁剪' },
    text: {
      en: 'The product that shrinks when the recurrent weights are small grows when they are '
        + 'large: with starting weights twice the usual size, the gradient of a 50-step sequence '
        + 'is in the thousands, and one plain gradient-descent step throws the weights so far '
        + 'that the loss stops being finite. Clipping rescales any gradient longer than a limit '
        + 'down to that limit: the direction is kept, the step stays small.',
      zh: '循环权重小时会缩小的那个乘积，在权重大时会放大：初始权重是平常的两倍时，50 步序列的梯度'
        + '可达数千，普通梯度下降的一步就把权重甩得太远，损失不再是有限数。梯度裁剪把任何超过上限的'
        + '梯度缩放到上限：方向不变，步子保持很小。',
    },
    look: {
      en: 'Without clipping, training diverges within 30 updates and the page says so, blaming '
        + 'the initial scale. With clipping at 1, the gradient-norm chart starts in the thousands '
        + 'above the clipping line, and training goes on to epoch 10 with a finite loss.',
      zh: '不裁剪时，训练在 30 次更新内发散，页面会提示并指出初始缩放是原因。裁剪上限为 1 时，梯度范数'
        + '图一开始远高于裁剪线（数千），训练继续到第 10 轮，损失保持有限。',
    },
    presets: [
      // Diverges at update 29, 29, 27.
      {
        id: 'explode',
        query: 'lab=sequence&task=adding&length=50&cell=rnn&initScale=2&optimizer=sgd&learningRate=0.1&clip=0&speed=1',
        checks: 'stop=diverged cause=initScale',
        label: { en: 'No clipping: it explodes', zh: '不裁剪：梯度爆炸' },
      },
      // 10 epochs: test MSE 0.246, 0.242, 0.225.
      {
        id: 'clipped',
        query: 'lab=sequence&task=adding&length=50&cell=rnn&initScale=2&optimizer=sgd&learningRate=0.1&speed=3&pauseAt=10',
        checks: 'testLoss<1',
        label: { en: 'Clipping at 1', zh: '裁剪上限 1' },
      },
    ],
  },
];
