// The lessons panel: a list of the course's lessons (tabs, keyboard-navigable) and the chosen
// lesson's explanation, what to look at, and presets that open an experiment showing the
// effect and start training it. Each lab passes its own lessons (the plane's live in
// web/plane/lessons-content.js, the digits lab's in web/labs/digits/lessons.js).

import { pathIcon } from './dom.js';
import { addStrings, translate } from './i18n.js';
import { labOf, playOnArrival } from './labs.js';
import { createLessonLayout } from './lesson-layout.js';
import { readLink } from './link.js';

/** @typedef {import('../plane/lessons-content.js').Lesson} Lesson */

addStrings({
  en: {
    'lessons.title': 'Lessons',
    'lessons.intro': 'Short lessons from the course notes. Each preset opens an experiment that '
      + 'shows the idea and starts training it; the link keeps it.',
    'lessons.list': 'Lessons',
    'lessons.look': 'What to look at',
    'lessons.try': 'Try it',
    'lessons.loaded': 'open now',
  },
  zh: {
    'lessons.title': '课程',
    'lessons.intro': '根据课程笔记整理的小课。每个预设都会打开一个演示这个概念的实验并开始训练；'
      + '链接会保存它。',
    'lessons.list': '课程列表',
    'lessons.look': '看哪里',
    'lessons.try': '动手试试',
    'lessons.loaded': '当前',
  },
});

/**
 * The lessons panel of `lessons`, built inside `root`.
 * @param {import('../main.js').App} app
 * @param {HTMLElement} root
 * @param {Lesson[]} lessons
 * @returns {import('../main.js').View}
 */
export function createLessonsView(app, root, lessons) {
  addStrings(lessonStrings(lessons));
  root.dataset.i18nLabel = 'lessons.title';
  const heading = element('h2', { id: 'lessons-title', 'data-i18n': 'lessons.title' });
  const intro = element('p', { class: 'lessons-intro', 'data-i18n': 'lessons.intro' });
  const list = element('div', {
    class: 'lesson-list', role: 'tablist', 'aria-orientation': 'vertical',
    'data-i18n-label': 'lessons.list',
  });
  const panel = element('div', { class: 'lesson', role: 'tabpanel', id: 'lesson-panel', tabindex: '0' });
  const layout = element('div', { class: 'lessons' });
  layout.append(list, panel);
  const view = createLessonLayout(root, app.redraw);
  root.replaceChildren(heading, view.close, intro, layout);

  /** @type {HTMLButtonElement[]} */
  const tabs = lessons.map((lesson, index) => {
    const tab = element('button', {
      type: 'button', role: 'tab', id: `lesson-tab-${lesson.id}`, 'aria-controls': 'lesson-panel',
      'data-testid': `lesson-${lesson.id}`, 'data-i18n-title': `lesson.${lesson.id}.title`,
    });
    const number = element('span', { class: 'lesson-number', 'aria-hidden': 'true' });
    number.textContent = String(index + 1);
    tab.append(number, element('span', { 'data-i18n': `lesson.${lesson.id}.title` }));
    tab.addEventListener('click', () => choose(index));
    list.append(tab);
    return tab;
  });

  list.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (at < 0) return;
    const last = tabs.length - 1;
    /** @type {Record<string, number>} */
    const moves = {
      ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + tabs.length) % tabs.length;
    choose(target);
    tabs[target].focus();
  });

  /** @type {HTMLButtonElement[]} */
  let presetButtons = [];
  let shownQuery = '';

  /** Shows lesson `index` in the panel and marks its tab as the selected one. */
  function choose(/** @type {number} */ index) {
    const lesson = lessons[index];
    tabs.forEach((tab, k) => {
      tab.setAttribute('aria-selected', String(k === index));
      tab.tabIndex = k === index ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', tabs[index].id);
    const key = `lesson.${lesson.id}`;
    const title = element('h3', { 'data-i18n': `${key}.title` });
    const text = element('p', { class: 'lesson-text', 'data-testid': 'lesson-text', 'data-i18n': `${key}.text` });
    const look = element('div', { class: 'lesson-look' });
    look.append(
      element('h4', { 'data-i18n': 'lessons.look' }),
      element('p', { 'data-i18n': `${key}.look` }),
    );
    const presets = element('div', { class: 'presets', role: 'group', 'aria-labelledby': 'lessons-try' });
    presets.append(element('h4', { id: 'lessons-try', 'data-i18n': 'lessons.try' }));
    presetButtons = lesson.presets.map((preset) => {
      const button = element('button', {
        type: 'button', class: 'preset', 'data-testid': `preset-${preset.id}`,
        'data-query': preset.query,
      });
      const icon = pathIcon('M8 5v14l11-7z', 'solid');
      const label = element('span', { 'data-i18n': `preset.${preset.id}` });
      const badge = element('span', { class: 'preset-loaded', 'data-i18n': 'lessons.loaded' });
      button.append(icon, label, badge);
      button.addEventListener('click', () => openPreset(preset.query));
      presets.append(button);
      return button;
    });
    panel.replaceChildren(title, text, look, presets);
    translate(panel);
    shownQuery = '';
    markLoaded(app.playground()?.query() ?? '');
  }

  /**
   * Opens a preset in the current language, brings the experiment into view beside the lesson
   * and starts training it.
   */
  function openPreset(/** @type {string} */ query) {
    const lang = app.playground()?.values().lang;
    const link = lang && lang !== 'auto' ? `${query}&lang=${lang}` : query;
    // Another lab's preset loads that lab's page, which plays it once it has opened it.
    if (labOf(link) !== labOf(window.location.hash.slice(1))) playOnArrival(link);
    app.open(link);
    view.enter();
    app.setPlaying(true);
  }

  /** Marks the preset buttons whose settings are exactly those of the link `query`. */
  function markLoaded(/** @type {string} */ query) {
    if (query === shownQuery) return;
    shownQuery = query;
    const current = settingsOf(query);
    for (const button of presetButtons) {
      // The preset as the link then reads (a value it names that is the default drops out).
      const same = sameSettings(settingsOf(readLink(button.dataset.query ?? '').query), current);
      button.classList.toggle('loaded', same);
      if (same) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  choose(0);
  return {
    update({ playground }) {
      markLoaded(playground.query());
    },
  };
}

/**
 * The settings of a link query as a map, without the version and the view-only language.
 * @param {string} query
 * @returns {Map<string, string>}
 */
export function settingsOf(query) {
  const settings = new Map(new URLSearchParams(query));
  settings.delete('v');
  settings.delete('lang');
  return settings;
}

/** Whether two settings maps hold the same keys and values. */
function sameSettings(/** @type {Map<string, string>} */ a, /** @type {Map<string, string>} */ b) {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

/**
 * The i18n tables of every lesson and preset of `lessons`.
 * @param {Lesson[]} lessons
 */
function lessonStrings(lessons) {
  /** @type {{en: Record<string, string>, zh: Record<string, string>}} */
  const strings = { en: {}, zh: {} };
  for (const lesson of lessons) {
    for (const language of /** @type {const} */ (['en', 'zh'])) {
      strings[language][`lesson.${lesson.id}.title`] = lesson.title[language];
      strings[language][`lesson.${lesson.id}.text`] = lesson.text[language];
      strings[language][`lesson.${lesson.id}.look`] = lesson.look[language];
      for (const preset of lesson.presets) {
        strings[language][`preset.${preset.id}`] = preset.label[language];
      }
    }
  }
  return strings;
}

/**
 * A new element with attributes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, attributes = {}) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}
