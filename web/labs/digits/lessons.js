// The digits lab's lessons (the course notes' convolutional networks), in English and Chinese,
// each with presets: share-link queries of the digits lab that show the effect. Pure data: no
// DOM, no wasm.
//
// A preset's query holds only settings that differ from the lab's defaults, as the link then
// shows them, with the pace the page plays it at (`speed`) and the epoch at which training
// pauses by itself (`pauseAt`). Its `checks` are what the lesson says, as figures read where
// training paused: crates/cli/tests/lesson_presets.rs checks them natively with the same epoch
// budget. Figures: trainLoss, testLoss, trainAccuracy, testAccuracy (fractions), epoch, step,
// parameters (weights and biases of the network) and shift1, shift2, shift3 (test accuracy on
// the test images moved 1, 2 or 3 pixels, four ways). The comment above a preset gives what
// the CLI printed for data seeds 1, 2 and 3 (the preset itself uses seed 1):
//   cargo run -q --release -p playground-cli -- 'lab=digits&<query>' --every 0

/** @typedef {import('../../plane/lessons-content.js').Lesson} Lesson */

/** @type {Lesson[]} */
export const DIGITS_LESSONS = [
  {
    id: 'receptive',
    title: { en: 'Local receptive fields and convolution', zh: '局部感受野与卷积' },
    text: {
      en: 'A convolution slides a small kernel, here 3 x 3 pixels, over the image and writes one '
        + 'number per position: the weighted sum of the pixels under it. Each output pixel sees '
        + 'only its small neighbourhood, its local receptive field, so the kernel can learn a '
        + 'local pattern such as a stroke or an edge wherever it appears. A 1 x 1 kernel sees one '
        + 'pixel at a time: it can only rescale the ink, never see a stroke, and the network '
        + 'stays far from reading the digits.',
      zh: '卷积把一个小卷积核（这里是 3 x 3 像素）在图像上滑动，每个位置写出一个数：核下面像素的'
        + '加权和。每个输出像素只看到自己周围的一小块，即它的局部感受野，所以卷积核能学到笔画、'
        + '边缘这样的局部图案，无论它出现在哪里。1 x 1 的卷积核一次只看一个像素：它只能放大或缩小'
        + '墨迹，看不到笔画，网络远远认不出数字。',
    },
    look: {
      en: 'With 3 x 3 kernels the test accuracy passes 93% by epoch 3, where it pauses: look at the '
        + 'kernels of the first convolution and at the feature maps of one image, and click a '
        + 'feature-map pixel to light up the input pixels it sees. With 1 x 1 kernels it stays '
        + 'below 55% at epoch 20.',
      zh: '用 3 x 3 的卷积核，到第 3 轮暂停时测试准确率已超过 93%：看第一层卷积的卷积核和某张图的'
        + '特征图，点击特征图上的一个像素，输入中它能看到的像素会亮起来。用 1 x 1 的卷积核，到第 '
        + '20 轮测试准确率仍低于 55%。',
    },
    presets: [
      // 3 epochs: accuracy 98.3% / 96.2%, 98.3% / 95.5%, 96.7% / 95.5%.
      {
        id: 'kernel3',
        query: 'lab=digits&speed=max&pauseAt=3',
        checks: 'testAccuracy>0.93',
        label: { en: '3 x 3 kernels, 3 epochs', zh: '3 x 3 卷积核，3 轮' },
      },
      // 20 epochs: accuracy 45.7% / 44.0%, 43.2% / 40.0%, 44.2% / 47.2%.
      {
        id: 'kernel1',
        query: 'lab=digits&kernel=1&speed=max&pauseAt=20',
        checks: 'testAccuracy<0.55',
        label: { en: '1 x 1 kernels: one pixel each', zh: '1 x 1 卷积核：每次一个像素' },
      },
    ],
  },
  {
    id: 'sharing',
    title: { en: 'Weight sharing', zh: '权值共享' },
    text: {
      en: 'Every position of a feature map uses the same kernel: the 3 x 3 weights that find a '
        + 'stroke at the top left find it at the bottom right too. So the first convolution has '
        + '16 kernels of 9 weights, 160 parameters with their biases, for the whole image, where '
        + 'a dense layer needs one weight per pixel and unit. The default CNN and the MLP here '
        + 'have about the same 6,090 parameters; the CNN spends them on 32 kinds of local '
        + 'pattern, the MLP on 81 whole-image templates.',
      zh: '特征图上的每个位置都用同一个卷积核：在左上角找到笔画的那 9 个权重，在右下角也能找到它。'
        + '所以第一层卷积只有 16 个卷积核、每个 9 个权重，连同偏置共 160 个参数就覆盖整张图；而全连接'
        + '层每个像素和每个单元之间都要一个权重。这里默认的卷积网络和全连接网络（MLP）参数量相近，'
        + '约 6,090 个：卷积网络把它们用在 32 种局部图案上，MLP 用在 81 个整图模板上。',
    },
    look: {
      en: 'Compare the parameter counts of each layer beside the network: the CNN\'s 6,090 and the '
        + 'MLP\'s 6,085. Both read over 95% of the test digits at epoch 20; the next lessons show '
        + 'where they differ.',
      zh: '对比网络旁边每层的参数量：卷积网络 6,090 个，MLP 6,085 个。到第 20 轮两者的测试准确率都'
        + '超过 95%；接下来的课程展示它们的不同之处。',
    },
    presets: [
      // 20 epochs: accuracy 100% / 98.2%, 100% / 99.1%, 100% / 98.2%.
      {
        id: 'cnn',
        query: 'lab=digits&speed=max&pauseAt=20',
        checks: 'parameters=6090 testAccuracy>0.97',
        label: { en: 'CNN, 6,090 parameters', zh: '卷积网络，6,090 个参数' },
      },
      // 20 epochs: accuracy 100% / 98.2%, 100% / 96.4%, 100% / 96.9%.
      {
        id: 'mlp',
        query: 'lab=digits&model=mlp&speed=max&pauseAt=20',
        checks: 'parameters=6085 testAccuracy>0.95',
        label: { en: 'MLP, 6,085 parameters', zh: 'MLP，6,085 个参数' },
      },
    ],
  },
  {
    id: 'pooling',
    title: { en: 'Pooling', zh: '池化' },
    text: {
      en: 'Max pooling keeps the largest value of each 2 x 2 window: the map shrinks to a quarter, '
        + 'and a stroke found one pixel to the left or right still gives the same maximum. After '
        + 'two poolings the 8 x 8 image is 2 x 2 per filter, so the dense layer has 128 inputs. '
        + 'Without pooling it has 2,048, the network has four times the parameters, and it cares '
        + 'more about exactly where each stroke is.',
      zh: '最大池化保留每个 2 x 2 窗口中的最大值：特征图缩小为四分之一，笔画向左或向右移一个像素，'
        + '最大值仍然一样。两次池化后，8 x 8 的图像在每个滤波器上只剩 2 x 2，全连接层有 128 个输入。'
        + '不池化时它有 2,048 个输入，网络参数多了三倍，而且更在意每一笔的确切位置。',
    },
    look: {
      en: 'With max pooling, 6,090 parameters, and over 60% of the test digits moved by one pixel '
        + 'are still read right at epoch 20 (the translation chart). Without pooling, 25,290 '
        + 'parameters, and fewer than 58% of the moved digits.',
      zh: '用最大池化时有 6,090 个参数，到第 20 轮，平移一个像素的测试数字仍有 60% 以上被认对（见平移'
        + '测试图）。不池化时有 25,290 个参数，平移后认对的不到 58%。',
    },
    presets: [
      // 20 epochs: shifted by 1 px 67%, 68%, 70%.
      {
        id: 'max',
        query: 'lab=digits&speed=max&pauseAt=20',
        checks: 'parameters=6090 shift1>0.6',
        label: { en: 'Max pooling', zh: '最大池化' },
      },
      // 20 epochs: shifted by 1 px 54%, 54%, 50%.
      {
        id: 'none',
        query: 'lab=digits&pooling=none&speed=max&pauseAt=20',
        checks: 'parameters=25290 shift1<0.58',
        label: { en: 'No pooling', zh: '不池化' },
      },
    ],
  },
  {
    id: 'translation',
    title: { en: 'Translation invariance', zh: '平移不变性' },
    text: {
      en: 'A digit moved one pixel to the right is the same digit. The CNN\'s shared kernels find '
        + 'the same strokes wherever they are, and pooling forgets a little of where, so the CNN '
        + 'reads many moved digits. The MLP learned one weight per pixel: move the digit and '
        + 'different weights see its ink, so its answers fall apart. Neither is fully invariant: '
        + 'at 3 pixels the 8 x 8 digit is half outside the image.',
      zh: '向右移动一个像素的数字还是同一个数字。卷积网络共享的卷积核无论笔画在哪里都能找到它，'
        + '池化又丢掉了一点位置信息，所以卷积网络能认出许多平移后的数字。MLP 为每个像素学了一个权重：'
        + '数字一移动，看到墨迹的就是另一些权重，它的答案就乱了。两者都不是完全不变的：平移 3 个像素时，'
        + '8 x 8 的数字已有一半移出了图像。',
    },
    look: {
      en: 'The translation chart re-measures test accuracy on digits moved 0 to 3 pixels as '
        + 'training goes. At epoch 20 the CNN reads over 60% of the digits moved by one pixel, '
        + 'the MLP under 50%.',
      zh: '平移测试图在训练过程中不断重新测量数字平移 0 到 3 个像素后的测试准确率。到第 20 轮，'
        + '卷积网络能认对 60% 以上平移一个像素的数字，MLP 不到 50%。',
    },
    presets: [
      {
        id: 'cnn',
        query: 'lab=digits&speed=max&pauseAt=20',
        checks: 'shift1>0.6 shift2>0.2',
        label: { en: 'CNN', zh: '卷积网络' },
      },
      // 20 epochs: shifted by 1 px 46%, 47%, 44%; by 2 px 13%, 14%, 13%.
      {
        id: 'mlp',
        query: 'lab=digits&model=mlp&speed=max&pauseAt=20',
        checks: 'shift1<0.5 shift2<0.2',
        label: { en: 'MLP', zh: 'MLP' },
      },
    ],
  },
  {
    id: 'softmax',
    title: { en: 'ReLU and softmax', zh: 'ReLU 与 softmax' },
    text: {
      en: 'The last layer gives ten scores, one per digit. Softmax turns them into probabilities: '
        + 'each score is raised as a power of e and divided by their sum, so all ten are positive '
        + 'and add up to 1, and cross-entropy punishes a low probability on the right digit. '
        + 'Softmax regression is that alone on the 64 pixels: 650 parameters, and already about '
        + '96% here, because 8 x 8 digits are nearly separable by straight cuts. The ReLU layers '
        + 'of the CNN, each max(0, x), bend those cuts and take it past 97%.',
      zh: '最后一层给出十个分数，每个数字一个。softmax 把它们变成概率：每个分数取 e 的幂，再除以'
        + '它们的和，于是十个数都是正数、加起来等于 1；交叉熵惩罚正确数字上概率低的情况。softmax '
        + '回归就是直接在 64 个像素上做这一步：650 个参数，在这里已有约 96%，因为 8 x 8 的数字几乎'
        + '能用直线切分开。卷积网络中的 ReLU 层（每个都是 max(0, x)）把这些切分弯折，准确率超过 97%。',
    },
    look: {
      en: 'Draw a digit on the pad and watch the ten probability bars: they always add up to 1. '
        + 'Softmax regression stops between 90% and 97.5% at epoch 20; the CNN passes 97%.',
      zh: '在画板上写一个数字，看十个概率条：它们加起来总是 1。softmax 回归到第 20 轮停在 90% 到 '
        + '97.5% 之间；卷积网络超过 97%。',
    },
    presets: [
      // 20 epochs: accuracy 97.6% / 96.0%, 98.3% / 96.2%, 97.9% / 96.0%.
      {
        id: 'linear',
        query: 'lab=digits&model=linear&speed=max&pauseAt=20',
        checks: 'parameters=650 testAccuracy>0.9 testAccuracy<0.975',
        label: { en: 'Softmax regression', zh: 'softmax 回归' },
      },
      {
        id: 'cnn',
        query: 'lab=digits&speed=max&pauseAt=20',
        checks: 'testAccuracy>0.97',
        label: { en: 'CNN with ReLU', zh: '带 ReLU 的卷积网络' },
      },
    ],
  },
  {
    id: 'augment',
    title: { en: 'Image augmentation', zh: '图像数据增强' },
    text: {
      en: 'Augmentation changes each training image a little every time it is used: shifted by a '
        + 'pixel, turned by a few degrees, sprinkled with noise. The label stays right, so the '
        + 'network sees more kinds of the same digit than the data holds, and learns to read '
        + 'digits that sit a little off. The change must keep the label true: a mirrored cat is '
        + 'still a cat, but a mirrored 2 looks like a 5 and a mirrored 3 is no digit at all, so '
        + 'flipping teaches shapes the test never shows.',
      zh: '数据增强在每次使用训练图像时都把它稍作改变：平移一个像素、旋转几度、撒上一些噪声。标签'
        + '仍然正确，于是网络见到的同一数字的样子比数据里多，学会认出位置略有偏差的数字。改变必须'
        + '保持标签正确：镜像的猫还是猫，但镜像的 2 像 5，镜像的 3 根本不是数字，所以翻转教给网络的'
        + '是测试中从不出现的形状。',
    },
    look: {
      en: 'On 200 training images for 100 epochs, without augmentation under 70% of the digits '
        + 'moved by one pixel are read right; with shifts over 85%, and the test loss is lower. '
        + 'Shift, rotation and noise together also pass 85% on moved digits. Flipping instead '
        + 'lowers the test accuracy below 94% at epoch 30, where the plain network passes 95%.',
      zh: '用 200 张训练图像训练 100 轮：不做增强时，平移一个像素的数字认对的不到 70%；加上平移增强'
        + '则超过 85%，测试损失也更低。平移、旋转和噪声一起用，平移后的数字也能认对 85% 以上。翻转'
        + '则相反：到第 30 轮测试准确率低于 94%，而不增强的网络超过 95%。',
    },
    presets: [
      // 100 epochs: accuracy 100% / 95.5%, 100% / 94.4%, 100% / 93.0%; test loss 0.176, 0.251,
      // 0.284; shifted by 1 px 62%, 55%, 60%.
      {
        id: 'plain',
        query: 'lab=digits&trainSize=200&speed=max&pauseAt=100',
        checks: 'shift1<0.7 testLoss>0.15',
        label: { en: '200 images, no augmentation', zh: '200 张图，不增强' },
      },
      // 100 epochs: accuracy 99.5% / 96.4%, 100% / 96.0%, 100% / 94.6%; test loss 0.110, 0.126,
      // 0.154; shifted by 1 px 93%, 95%, 94%.
      {
        id: 'shift',
        query: 'lab=digits&trainSize=200&augShift=true&speed=max&pauseAt=100',
        checks: 'shift1>0.85 testLoss<0.15',
        label: { en: 'Shift', zh: '平移' },
      },
      // 100 epochs: accuracy 96.5% / 91.5%, 99.0% / 91.0%, 99.0% / 95.7%; shifted by 1 px 91%,
      // 91%, 93%.
      {
        id: 'all',
        query: 'lab=digits&trainSize=200&augShift=true&augRotate=true&augNoise=true&speed=max&pauseAt=100',
        checks: 'shift1>0.85',
        label: { en: 'Shift, rotation and noise', zh: '平移、旋转和噪声' },
      },
      // 30 epochs, without flips: accuracy 100% / 96.2%, 100% / 95.1%, 100% / 93.3%.
      {
        id: 'plain30',
        query: 'lab=digits&trainSize=200&speed=max&pauseAt=30',
        checks: 'testAccuracy>0.95',
        label: { en: '200 images, 30 epochs', zh: '200 张图，30 轮' },
      },
      // 30 epochs: accuracy 100% / 91.9%, 96.0% / 85.6%, 100% / 92.4%.
      {
        id: 'flip',
        query: 'lab=digits&trainSize=200&augFlip=true&speed=max&pauseAt=30',
        checks: 'testAccuracy<0.94',
        label: { en: 'Flip: hurts digits', zh: '翻转：对数字有害' },
      },
    ],
  },
  {
    id: 'overfit',
    title: { en: 'Overfitting on 50 images', zh: '50 张图上的过拟合' },
    text: {
      en: 'With 50 training images, five of each digit, the network has 6,090 parameters to fit '
        + '50 answers: it learns every training image by heart, right down to its noise, and '
        + 'reads all of them right while missing many test digits. The cure that works best is '
        + 'more data: with all 1,352 training images the same network reads over 97% of the test '
        + 'digits. Augmentation makes more data out of the few images: shifted copies teach it '
        + 'to read moved digits, though 50 images stay 50 writers.',
      zh: '只有 50 张训练图像（每个数字 5 张）时，网络用 6,090 个参数去拟合 50 个答案：它把每张训练'
        + '图像连同噪声都死记下来，训练集全对，测试集却错很多。最有效的办法是更多数据：用全部 1,352 '
        + '张训练图像，同一个网络的测试准确率超过 97%。数据增强用少量图像造出更多数据：平移后的副本'
        + '教它认出移动过的数字，但 50 张图终究只有 50 种写法。',
    },
    look: {
      en: 'On 50 images the training accuracy reaches 100% and the test accuracy stays under 90% '
        + 'at epoch 30: the loss chart\'s test curve stays high above the training curve. With all '
        + 'images, over 97% at epoch 20. With shifts on the 50 images, over 75% of the moved '
        + 'digits are read right at epoch 100.',
      zh: '用 50 张图，到第 30 轮训练准确率达到 100%，测试准确率仍低于 90%：损失图中测试曲线远高于'
        + '训练曲线。用全部图像，到第 20 轮超过 97%。在 50 张图上加平移增强，到第 100 轮，平移后的'
        + '数字认对超过 75%。',
    },
    presets: [
      // 30 epochs: accuracy 100% / 83.4%, 100% / 88.1%, 100% / 86.7%.
      {
        id: 'few',
        query: 'lab=digits&trainSize=50&speed=max&pauseAt=30',
        checks: 'trainAccuracy>0.99 testAccuracy<0.9',
        label: { en: '50 training images', zh: '50 张训练图' },
      },
      {
        id: 'all',
        query: 'lab=digits&speed=max&pauseAt=20',
        checks: 'testAccuracy>0.97',
        label: { en: 'All 1,352 training images', zh: '全部 1,352 张训练图' },
      },
      // 100 epochs: accuracy 100% / 84.3%, 100% / 86.1%, 100% / 90.6%; shifted by 1 px 80%, 83%,
      // 86%.
      {
        id: 'shifted',
        query: 'lab=digits&trainSize=50&augShift=true&speed=max&pauseAt=100',
        checks: 'shift1>0.75 testAccuracy>0.8',
        label: { en: '50 images with shifts', zh: '50 张图加平移' },
      },
    ],
  },
];
