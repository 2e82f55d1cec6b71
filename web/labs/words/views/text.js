// The pasted-text box: the learner's own sentences (at most the `text` row's maxBytes bytes of
// UTF-8), applied as `corpus=custom&text=…` through the page's settings change, so the engine
// judges them and a text it refuses shows its bilingual error naming `text` in the banner; the
// box counts the bytes as the learner types and refuses a text over the limit itself.

import { onLanguageChange } from '../../../shared/i18n.js';
import { settingsTable } from '../../../shared/settings-table.js';
import { titled } from './words-draw.js';

/** The most bytes a pasted text may hold, from the settings table (20,000 as written). */
const MAX_BYTES = Number(settingsTable('words').find((row) => row.key === 'text')?.maxBytes ?? 20_000);

/**
 * @param {HTMLElement} container
 * @param {import('./context.js').ViewContext} ctx
 * @returns {import('./context.js').View}
 */
export function mountText(container, ctx) {
  const { heading, note } = titled(container);
  const box = document.createElement('textarea');
  box.dataset.testid = 'words-text-input';
  box.rows = 5;
  box.spellcheck = false;
  const row = document.createElement('div');
  row.className = 'words-row';
  const apply = document.createElement('button');
  apply.type = 'button';
  apply.dataset.testid = 'words-text-apply';
  const builtIn = document.createElement('button');
  builtIn.type = 'button';
  builtIn.dataset.testid = 'words-text-builtin';
  const count = document.createElement('span');
  count.className = 'words-view-note';
  count.dataset.testid = 'words-text-bytes';
  row.append(apply, builtIn, count);
  const message = document.createElement('p');
  message.className = 'words-error';
  message.dataset.testid = 'words-text-error';
  message.hidden = true;
  container.append(note, box, row, message);
  const encoder = new TextEncoder();
  /** @type {import('./context.js').Views | null} */
  let last = null;

  const bytes = () => encoder.encode(box.value).length;
  const draw = () => {
    heading.textContent = ctx.t('Your own text', '你自己的文本');
    note.textContent = ctx.t(
      `Paste sentences (at most ${MAX_BYTES.toLocaleString('en')} bytes, at least 10 words), one per line or ended by sentence marks, words separated by spaces. Word groups are only known for the built-in texts.`,
      `粘贴句子（最多 ${MAX_BYTES.toLocaleString('en')} 字节，至少 10 个词），每行一句或以句号结尾，词之间用空格分隔。只有内置文本有词组。`,
    );
    apply.textContent = ctx.t('Learn from this text', '从这段文本学习');
    builtIn.textContent = ctx.t('Back to the built-in text', '回到内置文本');
    box.setAttribute('aria-label', ctx.t('Your text', '你的文本'));
    count.textContent = ctx.t(`${bytes().toLocaleString('en')} / ${MAX_BYTES.toLocaleString('en')} bytes`,
      `${bytes().toLocaleString('en')} / ${MAX_BYTES.toLocaleString('en')} 字节`);
    if (!last) return;
    const custom = last.values.corpus === 'custom';
    builtIn.hidden = !custom;
    if (custom && document.activeElement !== box && box.value === '') box.value = last.values.text ?? '';
  };

  box.addEventListener('input', () => {
    message.hidden = true;
    draw();
  });
  apply.addEventListener('click', () => {
    if (bytes() > MAX_BYTES) {
      message.textContent = ctx.t(
        `text: ${bytes().toLocaleString('en')} bytes is over the limit of ${MAX_BYTES.toLocaleString('en')}`,
        `text：${bytes().toLocaleString('en')} 字节，超过了 ${MAX_BYTES.toLocaleString('en')} 字节的上限`,
      );
      message.hidden = false;
      return;
    }
    message.hidden = true;
    ctx.change({ corpus: 'custom', text: box.value });
  });
  builtIn.addEventListener('click', () => {
    const lang = ctx.lang() === 'zh' ? 'zh' : 'en';
    ctx.change({ corpus: lang, text: '' });
  });

  onLanguageChange(draw);
  return {
    update(views) {
      last = views;
      draw();
    },
  };
}
