/** The widget proper, loaded by embed.js: registers the elements and renders the thread where the script tag stands. */
import { setScriptBase } from './api-base.ts';
import './define.ts';

const options = ['site', 'page', 'page-title', 'page-url', 'sort', 'theme', 'lang'] as const;

/**
 * Renders a thread right after the script tag, unless the page places its own <parley-comments>
 * or the tag says data-thread="off" (listing pages that only show counts).
 */
export function start(script: HTMLScriptElement | null, base: string): void {
  setScriptBase(base);
  if (!script || script.dataset.thread === 'off' || document.querySelector('parley-comments')) return;
  const thread = document.createElement('parley-comments');
  for (const name of options) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) thread.setAttribute(name, value);
  }
  script.after(thread);
}
