/** The thread: loads a page's comments from the API, posts new ones, and keeps the tree up to date. */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Comment, PageInfo, SortOrder } from '../../shared/types.ts';
import { ApiClientError, getReplies, getThread, postComment } from '../api-client.ts';
import { apiBase, defaultPageKey } from '../api-base.ts';
import type { CommentRefDetail, SubmitDetail } from '../events.ts';
import { en } from '../i18n/en.ts';
import { addReply, appendReplies } from '../thread-tree.ts';
import { threadStyles } from './styles.ts';

type LoadState = 'loading' | 'ready' | 'error';

/**
 * The comments of one page. Options are attributes: site, page, page-title, page-url, sort, theme, lang, api.
 *
 * @csspart thread - the whole discussion.
 * @csspart heading - the comment count heading.
 * @csspart form - each comment form.
 * @csspart comment - each comment.
 * @cssproperty --parley-accent - buttons and focus rings.
 * @cssproperty --parley-text - text colour (inherits the page's by default).
 * @cssproperty --parley-muted - secondary text.
 * @cssproperty --parley-border - lines and field borders.
 * @cssproperty --parley-surface - background of the thread and fields.
 * @cssproperty --parley-highlight - background of a linked comment.
 * @cssproperty --parley-radius - corner radius.
 * @cssproperty --parley-indent - indentation of each reply level.
 * @cssproperty --parley-font - font of the thread (inherits by default).
 */
export class ParleyComments extends LitElement {
  static override styles = threadStyles;
  static override properties = {
    site: {},
    page: {},
    pageTitle: { attribute: 'page-title' },
    pageUrl: { attribute: 'page-url' },
    sort: {},
    theme: { reflect: true },
    lang: {},
    api: {},
    state: { state: true },
    info: { state: true },
    comments: { state: true },
    nextCursor: { state: true },
    replyTo: { state: true },
    announcement: { state: true },
    busy: { state: true },
  };

  /** The site slug; the server's `default` site when absent. */
  declare site: string | undefined;
  /** The page key; the canonical link's path, else location.pathname. */
  declare page: string | undefined;
  /** The article's title, stored with the thread the first time someone comments. */
  declare pageTitle: string | undefined;
  /** The article's URL, stored with the thread the first time someone comments. */
  declare pageUrl: string | undefined;
  /** oldest, newest or best; the site's default when absent. */
  declare sort: SortOrder | undefined;
  /** light, dark or auto; inherits the page's colours when absent. */
  declare theme: string | undefined;
  /** The base URL of the Parley server; where embed.js came from when absent. */
  declare api: string | undefined;

  declare private state: LoadState;
  declare private info: PageInfo | null;
  declare private comments: Comment[];
  declare private nextCursor: string | null;
  declare private replyTo: string | null;
  declare private announcement: string;
  declare private busy: boolean;
  private errorMessage = '';
  private replyCursors = new Map<string, string | null>();
  private t = en;

  constructor() {
    super();
    this.state = 'loading';
    this.info = null;
    this.comments = [];
    this.nextCursor = null;
    this.replyTo = null;
    this.announcement = '';
    this.busy = false;
  }

  private get pageKey(): string {
    return this.page || defaultPageKey();
  }

  private get base(): string {
    return apiBase(this.api);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('site') || changed.has('page') || changed.has('sort') || changed.has('api')) void this.load();
  }

  private async load(): Promise<void> {
    this.state = 'loading';
    try {
      const thread = await getThread(this.base, { site: this.site, page: this.pageKey, sort: this.sort });
      this.info = thread.page;
      this.comments = thread.comments;
      this.nextCursor = thread.nextCursor;
      this.replyCursors.clear();
      this.state = 'ready';
      void this.showLinkedComment();
    } catch (err) {
      this.errorMessage = this.describe(err, this.t.loadFailed);
      this.state = 'error';
    }
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor || this.busy) return;
    this.busy = true;
    try {
      const more = await getThread(this.base, { site: this.site, page: this.pageKey, sort: this.sort, cursor: this.nextCursor });
      const shown = new Set(this.comments.map((c) => c.id));
      this.comments = [...this.comments, ...more.comments.filter((c) => !shown.has(c.id))];
      this.nextCursor = more.nextCursor;
    } catch (err) {
      this.announcement = this.describe(err, this.t.loadFailed);
    } finally {
      this.busy = false;
    }
  }

  private describe(err: unknown, fallback: string): string {
    if (err instanceof ApiClientError) {
      if (err.code === 'network') return this.t.networkError;
      if (err.code === 'internal') return this.t.serverError;
      return err.message || fallback;
    }
    return fallback;
  }

  private onSubmit(event: CustomEvent<SubmitDetail>): void {
    const { draft, parentId } = event.detail;
    event.detail.waitUntil(
      (async () => {
        try {
          const { comment } = await postComment(this.base, {
            site: this.site,
            page: this.pageKey,
            pageTitle: this.pageTitle || document.title || undefined,
            pageUrl: this.pageUrl || location.href.split('#')[0],
            parentId,
            ...draft,
          });
          this.comments = parentId ? addReply(this.comments, comment) : this.sort === 'newest' ? [comment, ...this.comments] : [...this.comments, comment];
          if (this.info) this.info = { ...this.info, commentCount: this.info.commentCount + 1 };
          this.replyTo = null;
          this.announcement = this.t.posted;
          void this.focusComment(comment.id);
        } catch (err) {
          throw new Error(this.describe(err, this.t.serverError));
        }
      })(),
    );
  }

  private async onMoreReplies(event: CustomEvent<CommentRefDetail>): Promise<void> {
    const { id } = event.detail;
    try {
      const page = await getReplies(this.base, id, this.replyCursors.get(id) ?? undefined);
      this.replyCursors.set(id, page.nextCursor);
      this.comments = appendReplies(this.comments, id, page.comments, page.nextCursor !== null);
    } catch (err) {
      this.announcement = this.describe(err, this.t.loadFailed);
    }
  }

  /** A comment's element once every nested element has rendered it, or null. */
  private async findComment(id: string): Promise<HTMLElement | null> {
    for (let frame = 0; frame < 30; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const target = this.renderRoot.querySelector<HTMLElement>(`#comment-${CSS.escape(id)}`);
      if (target) return target;
    }
    return null;
  }

  private async focusComment(id: string): Promise<void> {
    (await this.findComment(id))?.focus();
  }

  /** A URL fragment cannot reach into shadow DOM, so the thread scrolls to #comment-ID itself. */
  private async showLinkedComment(): Promise<void> {
    const id = /^#comment-(\d+)$/.exec(location.hash)?.[1];
    if (!id) return;
    const target = await this.findComment(id);
    if (!target) return;
    target.classList.add('highlight');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }

  private onReply(event: CustomEvent<CommentRefDetail>): void {
    this.replyTo = this.replyTo === event.detail.id ? null : event.detail.id;
    if (this.replyTo) void this.updateComplete.then(() => requestAnimationFrame(() => this.renderRoot.querySelector<HTMLElement>('.comment parley-form')?.focus()));
  }

  protected override render() {
    const { t, info } = this;
    const locked = info?.locked ?? false;
    return html`<section
      part="thread"
      aria-labelledby="parley-heading"
      @parley-submit=${this.onSubmit}
      @parley-reply=${this.onReply}
      @parley-cancel=${() => (this.replyTo = null)}
      @parley-more-replies=${this.onMoreReplies}
    >
      <h2 id="parley-heading" part="heading">${t.comments(info?.commentCount ?? 0)}</h2>
      ${this.state === 'loading' ? html`<p class="status" role="status">${t.loading}</p>` : nothing}
      ${this.state === 'error'
        ? html`<div class="status" role="alert">
            <p class="error">${this.errorMessage}</p>
            <button type="button" @click=${() => this.load()}>${t.retry}</button>
          </div>`
        : nothing}
      ${this.state === 'ready'
        ? html`${locked ? html`<p class="status">${t.locked}</p>` : html`<parley-form .t=${t}></parley-form>`}
            ${this.comments.length === 0 ? html`<p class="status">${t.empty}</p>` : nothing}
            <ol>
              ${this.comments.map(
                (c) => html`<li><parley-comment .comment=${c} .replyTo=${this.replyTo} .t=${t} .locale=${'en'} .locked=${locked}></parley-comment></li>`,
              )}
            </ol>
            ${this.nextCursor
              ? html`<button class="load-more" type="button" ?disabled=${this.busy} @click=${() => this.loadMore()}>${t.loadMore}</button>`
              : nothing}`
        : nothing}
      <p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }
}
