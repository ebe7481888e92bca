/** embed.js: a classic script that renders the thread where its tag stands and upgrades Parley elements anywhere. */
import { setScriptBase } from './api-base.ts';
import './define.ts';

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) setScriptBase(script.src);

const options = ['site', 'page', 'page-title', 'page-url', 'sort', 'theme', 'lang'] as const;

// The tag renders a thread where it stands unless the page places its own <parley-comments>,
// or the tag says data-thread="off" (listing pages that only show counts).
if (script && script.dataset.thread !== 'off' && !document.querySelector('parley-comments')) {
  const thread = document.createElement('parley-comments');
  for (const name of options) {
    const value = script.getAttribute(`data-${name}`);
    if (value !== null) thread.setAttribute(name, value);
  }
  script.after(thread);
}
