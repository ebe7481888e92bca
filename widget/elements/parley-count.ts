/** A comment count for a listing page: "12 comments". All counts on a page arrive in one request. */
import { apiBase, defaultPageKey } from '../api-base.ts';
import { loadTranslator, pickLanguage } from '../i18n/translator.ts';

// One promise for every count: their answers then arrive in one tick, which makes one request (show-count.ts).
let counting: Promise<typeof import('../show-count.ts')> | undefined;

/**
 * Shows the number of comments of the page in its `page` attribute (the current page's when absent), of `site`,
 * from the Parley server at `api` (where embed.js came from when absent), in the page's language; nothing if the
 * count cannot be had. Counting (show-count.ts) loads with the first count on a page: a thread's page has none.
 */
export class ParleyCount extends HTMLElement {
  static get observedAttributes() {
    return ['page', 'site', 'api'];
  }

  connectedCallback(): void {
    const base = apiBase(this.getAttribute('api') ?? undefined);
    const words = loadTranslator(base, pickLanguage(this));
    const ask = { base, site: this.getAttribute('site') ?? undefined, page: this.getAttribute('page') || defaultPageKey() };
    void (counting ??= import('../show-count.ts')).then(({ showCount }) => showCount(this, ask, words));
  }

  /** Asked more than once in a tick (an element upgraded with its attributes), a count still takes one request. */
  attributeChangedCallback(): void {
    if (this.isConnected) this.connectedCallback();
  }
}
