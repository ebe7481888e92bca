/**
 * embed.js: the small classic script a site owner adds. It finds the Parley server from its own URL and
 * loads the widget (a content-hashed module, cached for good) from there.
 */
/** The widget's module first, then the chunks it imports (content-hashed names, set by the build). */
declare const PARLEY_MODULES: string[];

const script = document.currentScript as HTMLScriptElement | null;
const base = new URL('.', script?.src || location.href).href;
const [main, ...chunks] = PARLEY_MODULES.map((file) => new URL(file, base).href);

// The chunks are asked for now, beside the widget, rather than once its code has arrived and named them: one round
// trip less. The widget's own import of them waits for these same requests; a failure shows there.
for (const chunk of chunks) import(chunk).catch(() => {});
// Chromium loads its Intl data when a page makes its first formatter (about 30 ms): done now, in a task of its
// own while the widget's code downloads, rather than inside the thread's first render.
setTimeout(() => new Intl.RelativeTimeFormat());
import(main!).then(
  // In a task of its own: reading the widget's code and drawing the thread's first frame make two short tasks, not one long.
  (widget: typeof import('./main.ts')) => setTimeout(() => widget.start(script, base)),
  (err: unknown) => console.error('Parley: the comments widget could not be loaded.', err),
);
