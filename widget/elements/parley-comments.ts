/** The thread: the page's comments, a form to post, sorting; every change goes through the ThreadController. */
import { adoptStyles, html, LitElement, nothing, type PropertyValues } from 'lit';
import { sortOrders, type SortOrder } from '../../shared/types.ts';
import { apiBase, defaultPageKey } from '../api-base.ts';
import type { CommentRefDetail, EditDetail, ReplyDetail, SubmitDetail, VoteDetail } from '../events.ts';
import { loadForm } from '../form-loader.ts';
import { pickLanguage } from '../i18n/translator.ts';
import { savedSort, saveSort } from '../storage.ts';
import { ThreadController } from '../thread-controller.ts';
import type { ThreadWriter } from '../thread-writer.ts';
import { threadStyles } from './styles.ts';

const quoted = (text: string) => `${text.split('\n').map((line) => `> ${line}`).join('\n')}\n\n`;

/**
 * The comments of one page. Options are attributes: site, page, page-title, page-url, sort, theme, lang, api.
 *
 * @fires parley-submit, parley-edit, parley-vote, parley-delete, parley-reply - bubbling out of the thread on reader actions.
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
    replyTo: { state: true },
    quote: { state: true },
    editing: { state: true },
    chosenSort: { state: true },
    formOpen: { state: true },
  };

  /** The site slug; the server's `default` site when absent. */
  declare site: string | undefined;
  /** The page key; the canonical link's path, else location.pathname. */
  declare page: string | undefined;
  /** The article's title, stored with the thread the first time someone comments. */
  declare pageTitle: string | undefined;
  /** The article's URL, stored with the thread the first time someone comments. */
  declare pageUrl: string | undefined;
  /** The first sort order: oldest, newest or best; a reader's own choice wins. The site's default when absent. */
  declare sort: SortOrder | undefined;
  /** light, dark or auto; inherits the page's colours when absent. */
  declare theme: string | undefined;
  /** The base URL of the Parley server; where embed.js came from when absent. */
  declare api: string | undefined;

  declare private replyTo: string | null;
  declare private quote: string;
  declare private editing: string | null;
  declare private chosenSort: SortOrder | undefined;
  /** The top form is open: its code is loaded only once a reader starts to write. */
  declare private formOpen: boolean;

  /** Posts, edits and previews; it comes with the form's code. */
  private writer: ThreadWriter | undefined;

  private thread = new ThreadController(this, () => ({
    base: apiBase(this.api),
    site: this.site,
    page: this.page || defaultPageKey(),
    pageTitle: this.pageTitle || document.title || undefined,
    pageUrl: this.pageUrl || location.href.split('#')[0]!,
    sort: this.currentSort,
    lang: pickLanguage(this),
  }));

  constructor() {
    super();
    this.replyTo = null;
    this.quote = '';
    this.editing = null;
    this.formOpen = false;
    const saved = savedSort();
    this.chosenSort = sortOrders.includes(saved as SortOrder) ? (saved as SortOrder) : undefined;
  }

  private get currentSort(): SortOrder | undefined {
    return this.chosenSort ?? this.sort;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const inputs = ['site', 'page', 'sort', 'api', 'lang', 'chosenSort'] as const;
    if (!this.hasUpdated || inputs.some((name) => changed.has(name))) void this.load();
  }

  private async load(): Promise<void> {
    await this.thread.load();
    await this.followHash();
  }

  /** A URL fragment cannot reach into shadow DOM, so the thread follows #comment-ID links itself. */
  private followHash = async (): Promise<void> => {
    const id = /^#comment-(\d+)$/.exec(location.hash)?.[1];
    if (id && (await this.thread.bringIn(id))) await this.showComment(id, true);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.followHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.followHash);
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

  /** Focuses a comment; a linked one is also scrolled to and highlighted. */
  private async showComment(id: string, linked = false): Promise<void> {
    const target = await this.findComment(id);
    if (!target) return;
    if (linked) {
      this.renderRoot.querySelectorAll('.highlight').forEach((el) => el.classList.remove('highlight'));
      target.classList.add('highlight');
      target.scrollIntoView({ block: 'center' });
    }
    target.focus({ preventScroll: linked });
  }

  private onSubmit(event: CustomEvent<SubmitDetail>): void {
    const { draft, parentId } = event.detail;
    event.detail.waitUntil(
      this.writer!.post(draft, parentId).then((id) => {
        this.replyTo = null;
        this.quote = '';
        void this.showComment(id);
      }),
    );
  }

  private onEdit(event: CustomEvent<EditDetail>): void {
    const { id, body } = event.detail;
    event.detail.waitUntil(
      this.writer!.edit(id, body).then(() => {
        this.editing = null;
        void this.showComment(id);
      }),
    );
  }

  private onReply(event: CustomEvent<ReplyDetail>): void {
    const { id, quote } = event.detail;
    this.replyTo = this.replyTo === id && !quote ? null : id;
    this.quote = quote ? quoted(quote) : '';
    this.editing = null;
    if (this.replyTo) void this.focusForm(`#comment-${id} > parley-form`);
  }

  private onStartEdit(event: CustomEvent<CommentRefDetail>): void {
    this.editing = event.detail.id;
    this.replyTo = null;
    void this.focusForm(`#comment-${event.detail.id} > parley-form`);
  }

  private async openForm(): Promise<void> {
    this.formOpen = true;
    await this.focusForm('section > parley-form');
  }

  /** Loads the form's code if needed, then puts the caret in the form `selector` finds once it has rendered. */
  private async focusForm(selector: string): Promise<void> {
    const writing = await loadForm();
    if (!this.writer) {
      this.writer = new writing.ThreadWriter(this.thread);
      adoptStyles(this.shadowRoot!, [threadStyles, writing.formStyles]);
      this.requestUpdate();
    }
    await this.updateComplete;
    for (let frame = 0; frame < 30; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const form = this.renderRoot.querySelector<HTMLElement>(selector);
      if (form?.querySelector('textarea')) return form.focus();
    }
  }

  /** After a delete, focus goes to the heading, which says the new count, rather than to the page. */
  private async onDelete(id: string): Promise<void> {
    await this.thread.remove(id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private onSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as SortOrder;
    saveSort(value);
    this.chosenSort = value;
  }

  private renderHeader() {
    const { tr, info } = this.thread;
    const sort = this.thread.sort;
    return html`<header>
      <h2 id="parley-heading" part="heading" tabindex="-1">${tr.n('comments', info?.commentCount ?? 0)}</h2>
      <label class="sort">${tr.t('sortBy')}
        <select @change=${this.onSort}>
          ${sortOrders.map((s) => html`<option value=${s} ?selected=${s === sort}>${tr.t(s)}</option>`)}
        </select>
      </label>
    </header>`;
  }

  protected override render() {
    const t = this.thread;
    const { tr } = t;
    const locked = t.info?.locked ?? false;
    return html`<section
      part="thread"
      lang=${tr.lang}
      aria-labelledby="parley-heading"
      @parley-submit=${this.onSubmit}
      @parley-edit=${this.onEdit}
      @parley-reply=${this.onReply}
      @parley-start-edit=${this.onStartEdit}
      @parley-cancel=${() => ((this.replyTo = null), (this.editing = null))}
      @parley-delete=${(e: CustomEvent<CommentRefDetail>) => this.onDelete(e.detail.id)}
      @parley-vote=${(e: CustomEvent<VoteDetail>) => t.vote(e.detail.id, e.detail.value)}
      @parley-more-replies=${(e: CustomEvent<CommentRefDetail>) => t.moreReplies(e.detail.id)}
      @parley-erase=${(e: CustomEvent<{ waitUntil(done: Promise<void>): void }>) => e.detail.waitUntil(this.writer!.eraseMine())}
    >
      ${this.renderHeader()}
      ${t.state === 'loading' ? html`<p class="status" role="status">${tr.t('loading')}</p>` : nothing}
      ${t.state === 'error'
        ? html`<div class="status" role="alert">
            <p class="error">${t.errorMessage}</p>
            <button type="button" @click=${() => this.load()}>${tr.t('retry')}</button>
          </div>`
        : nothing}
      ${t.state === 'ready'
        ? html`${locked
              ? html`<p class="status">${tr.t('locked')}</p>`
              : this.formOpen
                ? html`<parley-form .tr=${tr} .preview=${this.writer?.preview ?? null}></parley-form>`
                : html`<button class="starter" type="button" @click=${this.openForm}>${tr.t('writeComment')}</button>`}
            ${t.comments.length === 0 ? html`<p class="status">${tr.t('empty')}</p>` : nothing}
            <ol>
              ${t.comments.map(
                (c) => html`<li><parley-comment .comment=${c} .replyTo=${this.replyTo} .editing=${this.editing} .initial=${this.quote}
                  .preview=${this.writer?.preview ?? null} .tr=${tr} .locked=${locked} .maxDepth=${t.info?.maxDepth ?? 6}></parley-comment></li>`,
              )}
            </ol>
            ${t.nextCursor
              ? html`<button class="load-more" type="button" ?disabled=${t.busy} @click=${() => t.loadMore()}>${tr.t('loadMore')}</button>`
              : nothing}`
        : nothing}
      <p class="sr-only" role="status" aria-live="polite">${t.announcement}</p>
    </section>`;
  }
}
