// The lesson view: opening a preset docks the lessons panel beside the results (on wide screens
// a column left of the prediction, with the network beneath it, and the charts; on narrower ones
// next to the results), keeps the training controls at the top of the window, and scrolls so the
// prediction and the loss chart are in view. A close button puts the lessons back below
// everything. The layout itself is CSS (`body.lesson-mode` in style.css and lessons.css): this
// module only switches it and scrolls.

import { pathIcon } from './dom.js';
import { addStrings } from './i18n.js';

addStrings({
  en: {
    'lessons.close': 'Close',
    'lessons.close.title': 'Leave the lesson view: the lessons go back below the results',
  },
  zh: {
    'lessons.close': '关闭',
    'lessons.close.title': '离开课程视图：课程回到结果下方',
  },
});

/** Room left between the top bar (or the window's top) and the results, in CSS pixels. */
const MARGIN = 4;

/**
 * @typedef {object} LessonLayout
 * @property {HTMLButtonElement} close the button that leaves the lesson view (shown only in it)
 * @property {() => void} enter docks the lessons and brings the experiment into view
 */

/**
 * The lesson view of the lessons panel `root`; `redraw` redraws the views after the layout
 * changed (canvases follow their new widths).
 * @param {HTMLElement} root
 * @param {() => void} redraw
 * @returns {LessonLayout}
 */
export function createLessonLayout(root, redraw) {
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'lesson-close';
  close.dataset.testid = 'lesson-close';
  close.dataset.i18nTitle = 'lessons.close.title';
  const icon = pathIcon('M6 6l12 12M18 6L6 18');
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.dataset.i18n = 'lessons.close';
  close.append(icon, label);

  close.addEventListener('click', () => {
    document.body.classList.remove('lesson-mode');
    redraw();
    root.scrollIntoView({ block: 'start' });
  });

  return {
    close,
    enter() {
      document.body.classList.add('lesson-mode');
      redraw();
      // The lab's main picture: the plane's prediction, or the digits lab's views.
      const output = [...document.querySelectorAll('.output-card, .digits-views')]
        .find((element) => element instanceof HTMLElement && element.offsetParent !== null);
      if (!output) return;
      const bar = document.querySelector('.toolbar');
      const covered = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().height : 0;
      window.scrollTo({ top: output.getBoundingClientRect().top + window.scrollY - covered - MARGIN });
    },
  };
}
