/**
 * embed.js: the small classic script a site owner adds. It finds the Parley server from its own URL and
 * loads the widget (a content-hashed module, cached for good) from there.
 */
declare const PARLEY_MAIN: string;

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src || location.href).href;

import(new URL(PARLEY_MAIN, base).href).then(
  // In a task of its own: reading the widget's code and drawing the thread's first frame make two short tasks, not one long.
  (widget: typeof import('./main.ts')) => setTimeout(() => widget.start(script, base)),
  (err: unknown) => console.error('Parley: the comments widget could not be loaded.', err),
);
