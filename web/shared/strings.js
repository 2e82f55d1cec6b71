// The page chrome's words in English and Chinese: the header, the top bar, the panels' titles and
// the form's messages; the settings' names, help, notes and choice labels come from the engine's
// table (`addTableStrings`).

import { addStrings } from './i18n.js';

addStrings({
  en: {
    'app.tagline': 'A neural network learning in your browser, one gradient step at a time.',
    'app.startFailed': 'The playground could not start: {message}',
    'app.laterFailed': 'The network picture and the lessons could not load: {message}. Training works; reload the page to try again.',
    'toolbar.label': 'Training controls',
    'button.reset': 'Reset',
    'button.reset.title': 'Start over with the same data and the same starting weights',
    'button.play': 'Play',
    'button.play.title': 'Train continuously',
    'button.pause': 'Pause',
    'button.pause.title': 'Stop training',
    'button.step': 'Step',
    'button.step.title': 'Train one step: one batch, one update',
    'button.epoch': 'Epoch',
    'button.epoch.title': 'Train one epoch: every training point once',
    'button.newWeights': 'New weights',
    'button.newWeights.title': 'Start over from different random weights',
    'counter.steps': 'Steps',
    'counter.epochs': 'Epochs',
    'speed.label': 'Speed',
    'speed.title': 'How many epochs to train per second while playing',
    'status.pausedAt': 'Paused at epoch {epoch}, the moment this lesson talks about. Press Play to go on.',
    'share.button': 'Share',
    'share.title': 'Copy a link to this exact experiment',
    'share.copied': 'Link copied',
    'share.manual': 'Copy this link',
    'language.label': 'Language',
    'panel.data': 'Data',
    'panel.network': 'Network',
    'panel.training': 'Training',
    'panel.lessons': 'Lessons',
    'section.optimizer': 'Gradient descent',
    'section.schedule': 'Learning-rate schedule',
    'section.overfitting': 'Against overfitting',
    'section.weights': 'Neurons and starting weights',
    'data.pick': 'Pick the data',
    'data.regenerate': 'Regenerate',
    'data.regenerate.title': 'Draw new points with a new data seed',
    'seed.dice': 'New random seed',
    'help.about': 'About {name}',
    'form.notApplied': 'Not applied: {allowed}.',
    'banner.badLink': 'Some settings in this link could not be used, so their defaults apply:',
    'output.title': 'What the network predicts',
    'output.heatmap': 'Predicted class regions with the training points',
    'output.caption': 'Every pixel takes the colour of the class the network predicts there; '
      + 'paler means less sure. The dots are the training points it learns from.',
    'output.view': 'Display',
    'footer.link': 'The address bar holds this experiment: copy it, and whoever opens it gets the '
      + 'same numbers.',
  },
  zh: {
    'app.tagline': '在浏览器里训练的神经网络，一步一步做梯度下降。',
    'app.startFailed': '游乐场无法启动：{message}',
    'app.laterFailed': '网络图和课程无法加载：{message}。训练仍可进行；重新加载页面可再试一次。',
    'toolbar.label': '训练控制',
    'button.reset': '重置',
    'button.reset.title': '用相同的数据和相同的初始权重重新开始',
    'button.play': '运行',
    'button.play.title': '持续训练',
    'button.pause': '暂停',
    'button.pause.title': '停止训练',
    'button.step': '单步',
    'button.step.title': '训练一步：一个批次，一次更新',
    'button.epoch': '一轮',
    'button.epoch.title': '训练一轮：每个训练点用一次',
    'button.newWeights': '新权重',
    'button.newWeights.title': '换一组随机初始权重重新开始',
    'counter.steps': '步数',
    'counter.epochs': '轮数',
    'speed.label': '速度',
    'speed.title': '运行时每秒训练多少轮',
    'status.pausedAt': '已在第 {epoch} 轮暂停，正是本课所说的时刻。按“运行”继续。',
    'share.button': '分享',
    'share.title': '复制这个实验的链接',
    'share.copied': '链接已复制',
    'share.manual': '请复制这个链接',
    'language.label': '语言',
    'panel.data': '数据',
    'panel.network': '网络',
    'panel.training': '训练',
    'panel.lessons': '课程',
    'section.optimizer': '梯度下降',
    'section.schedule': '学习率调度',
    'section.overfitting': '对抗过拟合',
    'section.weights': '神经元与初始权重',
    'data.pick': '选择数据',
    'data.regenerate': '重新生成',
    'data.regenerate.title': '用新的数据种子生成新的数据点',
    'seed.dice': '新的随机种子',
    'help.about': '关于{name}',
    'form.notApplied': '未应用：{allowed}。',
    'banner.badLink': '这个链接中的部分设置无法使用，已改用默认值：',
    'output.title': '网络的预测',
    'output.heatmap': '预测的类别区域和训练点',
    'output.caption': '每个像素的颜色是网络在该处预测的类别，颜色越浅表示越不确定。圆点是网络用来学习的训练点。',
    'output.view': '显示',
    'footer.link': '地址栏保存着这个实验：复制它，打开链接的人会得到完全相同的数字。',
  },
});

/**
 * The i18n key of a choice's label (registered by `addChoiceStrings`).
 * @param {string} key the setting
 * @param {string} name the choice's link spelling
 */
export function choiceKey(key, name) {
  return `choice.${key}.${name}`;
}

/**
 * The i18n keys of a setting's label and help text (registered by `addSettingStrings`).
 * @param {string} key
 */
export function settingKeys(key) {
  return { name: `setting.${key}.name`, help: `setting.${key}.help`, note: `setting.${key}.note` };
}

/**
 * Registers every setting's label, help and note, and every choice's label, from the engine's
 * table, so `data-i18n` attributes translate them.
 * @param {import('./types.js').SettingRow[]} table
 */
export function addTableStrings(table) {
  /** @type {{en: Record<string, string>, zh: Record<string, string>}} */
  const strings = { en: {}, zh: {} };
  for (const row of table) {
    const keys = settingKeys(row.key);
    strings.en[keys.name] = row.nameEn;
    strings.zh[keys.name] = row.nameZh;
    strings.en[keys.help] = row.helpEn;
    strings.zh[keys.help] = row.helpZh;
    if (row.noteEn !== undefined && row.noteZh !== undefined) {
      strings.en[keys.note] = row.noteEn;
      strings.zh[keys.note] = row.noteZh;
    }
    (row.names ?? []).forEach((name, index) => {
      strings.en[choiceKey(row.key, name)] = row.labelsEn?.[index] ?? name;
      strings.zh[choiceKey(row.key, name)] = row.labelsZh?.[index] ?? name;
    });
  }
  addStrings(strings);
}
