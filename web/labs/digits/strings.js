// The digits lab page's own words in English and Chinese: its views' card, its form's sections
// and what it says while the data and the worker load. The views add their own strings.

import { addStrings } from '../../shared/i18n.js';

addStrings({
  en: {
    'digits.title': 'What the network sees',
    'digits.caption': 'Every picture here follows training: the kernels each convolution learned, '
      + 'what each layer makes of one test image, the digits it confuses, and how it reads a digit '
      + 'you draw.',
    'digits.loading': 'Loading the digits and the network…',
    'digits.section.network': 'The network',
    'digits.section.augmentation': 'Image augmentation',
    'digits.startFailed': 'The digits lab could not start: {message}',
  },
  zh: {
    'digits.title': '网络看到了什么',
    'digits.caption': '这里的每张图都随训练更新：每层卷积学到的卷积核、每一层对一张测试图像的处理结果、'
      + '网络容易混淆的数字，以及它如何识别你画的数字。',
    'digits.loading': '正在加载手写数字数据和网络……',
    'digits.section.network': '网络结构',
    'digits.section.augmentation': '图像增强',
    'digits.startFailed': '手写数字实验室无法启动：{message}',
  },
});
