// The digits lab's views, one module each; the page (web/labs/digits/main.js) mounts them in its
// containers and calls each one's update(views) after every epoch and on step or pause. Loads the
// views' styles (views.css) once, when first imported.

const STYLES = new URL('./views.css', import.meta.url).href;
if (!document.querySelector(`link[href="${STYLES}"]`)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLES;
  document.head.append(link);
}

export { mountConfusion } from './confusion.js';
export { mountGallery } from './gallery.js';
export { mountKernels } from './kernels.js';
export { mountMaps } from './maps.js';
export { mountPad } from './pad.js';
export { mountParams } from './params.js';
export { mountTranslation } from './translation.js';
