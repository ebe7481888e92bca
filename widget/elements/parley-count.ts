/** A comment count for a listing page: "12 comments". All counts on a page arrive in one request. */
import { LitElement, type PropertyValues } from 'lit';
import { apiBase, defaultPageKey } from '../api-base.ts';
import { requestCount } from '../count-batch.ts';
import { english, loadTranslator, pickLanguage, type Translator } from '../i18n/translator.ts';

/** Shows the number of comments of `page` (of `site`), in the page's language; nothing if the count cannot be had. */
export class ParleyCount extends LitElement {
  static override properties = { page: {}, site: {}, api: {}, _count: { state: true } };

  /** The page key to count; the current page's when absent. */
  declare page: string | undefined;
  declare site: string | undefined;
  /** The base URL of the Parley server; where embed.js came from when absent. */
  declare api: string | undefined;
  declare private _count: number | null;
  declare private _tr: Translator;

  constructor() {
    super();
    this._count = null;
    this._tr = english;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('page') || changed.has('site') || changed.has('api')) {
      const base = apiBase(this.api);
      Promise.all([requestCount(base, this.site, this.page || defaultPageKey()), loadTranslator(base, pickLanguage(this))]).then(
        ([n, tr]) => {
          this._tr = tr;
          this._count = n;
        },
        () => (this._count = null),
      );
    }
  }

  protected override render() {
    return this._count === null ? '' : this._tr.n('comments', this._count);
  }
}
