// The prompt view of the text task: the learner types the start of a sentence (我 爱) and sees
// the ten most likely next tokens as bars, asked of the network as it is now; and sampling,
// which writes a continuation at the temperature of a slider (low: the likeliest tokens; high:
// anything goes). A word the corpus never uses is refused, and the message names it.

import { language, onLanguageChange } from '../../../shared/i18n.js';

/** The prompt the box starts with. */
const FIRST_PROMPT = '我 爱';
/** Tokens one press of Sample writes. */
const SAMPLE_TOKENS = 20;
/** How long typing must pause before the bars are asked for, in milliseconds. */
const TYPING_PAUSE = 150;

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountPrompt(container, ctx) {
  const heading = document.createElement('h3');
  heading.className = 'sequence-view-title';
  const label = document.createElement('label');
  label.className = 'sequence-row';
  const labelText = document.createElement('span');
  const input = document.createElement('input');
  input.type = 'text';
  input.value = FIRST_PROMPT;
  input.maxLength = 200;
  input.dataset.testid = 'sequence-prompt-input';
  label.append(labelText, input);
  const error = document.createElement('p');
  error.className = 'sequence-error';
  error.dataset.testid = 'sequence-prompt-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const bars = document.createElement('div');
  bars.className = 'sequence-bars';
  bars.dataset.testid = 'sequence-prompt-bars';

  const sampling = document.createElement('div');
  sampling.className = 'sequence-row';
  const temperatureText = document.createElement('span');
  const temperature = document.createElement('input');
  temperature.type = 'range';
  temperature.min = '0.1';
  temperature.max = '2';
  temperature.step = '0.05';
  temperature.value = '1';
  temperature.dataset.testid = 'sequence-temperature';
  const temperatureValue = document.createElement('output');
  const sample = document.createElement('button');
  sample.type = 'button';
  sample.dataset.testid = 'sequence-sample';
  sampling.append(temperatureText, temperature, temperatureValue, sample);
  const sampled = document.createElement('p');
  sampled.className = 'sequence-sampled';
  sampled.dataset.testid = 'sequence-sample-output';
  const note = document.createElement('p');
  note.className = 'sequence-view-note';
  container.append(heading, label, error, bars, sampling, sampled, note);

  let seed = 1;
  /** Bumped by every request: an older answer is dropped. */
  let asked = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let typing;

  const words = () => {
    heading.textContent = ctx.t('What comes next?', '下一个词是什么？');
    labelText.textContent = ctx.t('Start of a sentence', '句子的开头');
    temperatureText.textContent = ctx.t('Temperature', '温度');
    temperatureValue.textContent = Number(temperature.value).toFixed(2);
    sample.textContent = ctx.t('Sample', '采样');
    note.textContent = ctx.t(
      'The bars are the model\'s probabilities for the next token after your words, the top 10. Sampling draws tokens one by one from them: a low temperature picks the likeliest, a high one flattens the choice.',
      '柱状图是模型对你输入的词之后下一个词元的概率，取前 10 个。采样按这些概率逐个抽取词元：温度低时选最可能的，温度高时选择更平均。',
    );
  };

  /** @param {unknown} failure */
  const showError = (failure) => {
    const e = /** @type {{message?: string, messageZh?: string}} */ (failure);
    error.textContent = (language() === 'zh' ? e?.messageZh : undefined) ?? e?.message ?? String(failure);
    error.hidden = false;
  };

  const predict = async () => {
    const mine = ++asked;
    const prompt = input.value.trim();
    if (prompt === '') {
      bars.replaceChildren();
      error.hidden = true;
      return;
    }
    try {
      /** @type {Array<{token: string, probability: number}>} */
      const top = await ctx.client.request('predict', { prompt });
      if (mine !== asked) return;
      error.hidden = true;
      const most = Math.max(...top.map((entry) => entry.probability), 1e-9);
      bars.replaceChildren(...top.flatMap((entry) => {
        const token = document.createElement('span');
        token.textContent = entry.token === ' ' ? '␣' : entry.token;
        const track = document.createElement('div');
        const bar = document.createElement('div');
        bar.className = 'sequence-bar';
        bar.dataset.testid = 'sequence-prompt-bar';
        bar.dataset.token = entry.token;
        bar.dataset.probability = String(entry.probability);
        bar.style.width = `${(100 * entry.probability) / most}%`;
        track.append(bar);
        const value = document.createElement('span');
        value.className = 'sequence-bar-value';
        value.textContent = `${(100 * entry.probability).toFixed(1)}%`;
        return [token, track, value];
      }));
    } catch (failure) {
      if (mine !== asked) return;
      bars.replaceChildren();
      showError(failure);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(predict, TYPING_PAUSE);
  });
  temperature.addEventListener('input', () => {
    temperatureValue.textContent = Number(temperature.value).toFixed(2);
  });
  sample.addEventListener('click', async () => {
    const prompt = input.value.trim();
    try {
      /** @type {string} */
      const text = await ctx.client.request('sample', {
        prompt, temperature: Number(temperature.value), count: SAMPLE_TOKENS, seed: seed++,
      });
      error.hidden = true;
      sampled.textContent = `${prompt} ${text}`;
    } catch (failure) {
      showError(failure);
    }
  });
  onLanguageChange(words);
  words();

  return {
    update(views) {
      container.hidden = views.task !== 'text';
      if (!container.hidden) predict();
    },
  };
}
