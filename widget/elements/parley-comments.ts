/** The thread: the page's comments, a form to post, sorting; changes go through the ThreadController (and its ThreadWriter). */
import { adoptStyles, html, LitElement, nothing, type PropertyValues } from 'lit';
import { sortOrders, type SortOrder } from '../../shared/types.ts';
import { apiBase, defaultPageKey } from '../api-base.ts';
import type { CommentRefDetail, EditDetail, ReplyDetail, SubmitDetail, VoteDetail } from '../events.ts';
import { loadForm } from '../form-loader.ts';
import { english, pickLanguage, type Translator } from '../i18n/translator.ts';
import { savedSort, saveSort } from '../storage.ts';
import { ThreadController } from '../thread-controller.ts';
import type { ThreadWriter } from '../thread-writer.ts';
import { commentList, type CommentView, type ParleyComment } from './parley-comment.ts';
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
  // Getters, not static fields: the bundle's browsers would get each field through a helper call.
  static override get styles() {
    return threadStyles;
  }

  static override get properties() {
    return {
      site: {},
      page: {},
      pageTitle: { attribute: 'page-title' },
      pageUrl: { attribute: 'page-url' },
      sort: {},
      theme: { reflect: true },
      lang: {},
      api: {},
      _formOpen: { state: true },
    };
  }

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

  /** The top form is open: its code is loaded only once a reader starts to write. */
  declare private _formOpen: boolean;
  /** The reader's own choice of order, remembered in the browser. */
  declare private _chosenSort: SortOrder | undefined;
  /** Posts, edits, previews and deletes; it comes with the form's code. */
  declare private _writer: ThreadWriter | undefined;
  /** What every comment shares, with the reply or edit form that is open (see CommentView). */
  declare private _view: CommentView;
  declare private _thread: ThreadController;
  /** _followHash, bound, for the window's hashchange. */
  declare private _onHashChange: () => void;

  // Fields are set here rather than declared with values: see ThreadController.
  constructor() {
    super();
    this._formOpen = false;
    const saved = savedSort();
    this._chosenSort = sortOrders.includes(saved as SortOrder) ? (saved as SortOrder) : undefined;
    this._view = { tr: english, locked: false, maxDepth: 6, replyTo: null, initial: '', editing: null, preview: null };
    this._thread = new ThreadController(this, () => ({
      base: apiBase(this.api),
      site: this.site,
      page: this.page || defaultPageKey(),
      pageTitle: this.pageTitle || document.title || undefined,
      pageUrl: this.pageUrl || location.href.split('#')[0]!,
      sort: this._currentSort,
      lang: pickLanguage(this),
    }));
    this._onHashChange = () => void this._followHash();
  }

  private get _currentSort(): SortOrder | undefined {
    return this._chosenSort ?? this.sort;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const inputs = ['site', 'page', 'sort', 'api', 'lang'] as const;
    if (!this.hasUpdated || inputs.some((name) => changed.has(name))) void this._load();
  }

  private async _load(): Promise<void> {
    await this._thread.load();
    await this._followHash();
  }

  /** A URL fragment cannot reach into shadow DOM, so the thread follows #comment-ID links itself. */
  private async _followHash(): Promise<void> {
    const id = /^#comment-(\d+)$/.exec(location.hash)?.[1];
    if (id && (await this._thread.bringIn(id))) await this._showComment(id, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this._onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this._onHashChange);
  }

  /** A comment's box (its <article>), if it has rendered. */
  private _commentBox(id: string): HTMLElement | null {
    return this.shadowRoot!.getElementById(`comment-${id}`);
  }

  /** What `find` finds once it has rendered (a big thread renders in slices), or null after about a second. */
  private async _rendered<T>(find: () => T | null | undefined): Promise<T | null> {
    for (let frame = 0; frame < 60; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const found = find();
      if (found) return found;
    }
    return null;
  }

  /** Opens the reply or edit form under a comment (or closes both), updating only the comments concerned. */
  private _setForm(replyTo: string | null, editing: string | null, initial = ''): void {
    const view = this._view;
    const concerned = [view.replyTo, view.editing, replyTo, editing];
    Object.assign(view, { replyTo, editing, initial });
    for (const id of concerned) if (id) (this._commentBox(id)?.parentElement as ParleyComment | null)?.requestUpdate();
  }

  /** The comments' view for this render: a new one, which re-renders them all, only when what they all show changed. */
  private _viewFor(tr: Translator, locked: boolean, maxDepth: number): CommentView {
    const v = this._view;
    if (v.tr !== tr || v.locked !== locked || v.maxDepth !== maxDepth) this._view = { ...v, tr, locked, maxDepth };
    return this._view;
  }

  /** Focuses a comment; a linked one is also scrolled to and highlighted. */
  private async _showComment(id: string, linked = false): Promise<void> {
    const target = await this._rendered(() => this._commentBox(id));
    if (!target) return;
    if (linked) {
      this.renderRoot.querySelectorAll('.highlight').forEach((el) => el.classList.remove('highlight'));
      target.classList.add('highlight');
      target.scrollIntoView({ block: 'center' });
    }
    target.focus({ preventScroll: linked });
  }

  private _onSubmit(event: CustomEvent<SubmitDetail>): void {
    const { draft, parentId } = event.detail;
    event.detail.waitUntil(
      this._writer!.post(draft, parentId).then((id) => {
        this._setForm(null, null);
        void this._showComment(id);
      }),
    );
  }

  private _onEdit(event: CustomEvent<EditDetail>): void {
    const { id, body } = event.detail;
    event.detail.waitUntil(
      this._writer!.edit(id, body).then(() => {
        this._setForm(null, null);
        void this._showComment(id);
      }),
    );
  }

  private async _onReply(event: CustomEvent<ReplyDetail>): Promise<void> {
    const { id, quote } = event.detail;
    const closing = this._view.replyTo === id && !quote;
    if (!closing) await this._loadWriter();
    this._setForm(closing ? null : id, null, quote ? quoted(quote) : '');
    if (!closing) void this._focusForm(`#comment-${id} > parley-form`);
  }

  private async _onStartEdit(event: CustomEvent<CommentRefDetail>): Promise<void> {
    await this._loadWriter();
    this._setForm(null, event.detail.id);
    void this._focusForm(`#comment-${event.detail.id} > parley-form`);
  }

  private async _openForm(): Promise<void> {
    await this._loadWriter();
    this._formOpen = true;
    await this._focusForm('section > parley-form');
  }

  /** Loads the form's code once, with the writer that posts and deletes, and adopts the form's styles. */
  private async _loadWriter(): Promise<void> {
    if (this._writer) return;
    const [writer, writing] = await Promise.all([this._thread.writer(), loadForm()]);
    this._writer = writer;
    this._view.preview = writer.preview;
    adoptStyles(this.shadowRoot!, [threadStyles, writing.formStyles]);
  }

  /** Puts the caret in the form `selector` finds, once it has rendered. */
  private async _focusForm(selector: string): Promise<void> {
    const form = await this._rendered(() => this.renderRoot.querySelector<HTMLElement>(selector));
    // The form renders its fields itself, a moment later.
    await (form as LitElement | null)?.updateComplete;
    form?.focus();
  }

  /** After a delete, focus goes to the heading, which says the new count, rather than to the page. */
  private async _onDelete(id: string): Promise<void> {
    await this._loadWriter();
    await this._writer!.remove(id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private _onSort(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as SortOrder;
    saveSort(value);
    this._chosenSort = value;
    void this._load();
  }

  private _renderHeader() {
    const { tr, info } = this._thread;
    const sort = this._thread.sort;
    return html`<header
      ><h2 id="parley-heading" part="heading" tabindex="-1">${tr.n('comments', info?.commentCount ?? 0)}</h2
      ><label class="sort">${tr.t('sortBy')}<select @change=${this._onSort}>${sortOrders.map(
        (s) => html`<option value=${s} ?selected=${s === sort}>${tr.t(s)}</option>`,
      )}</select></label
    ></header>`;
  }

  protected override render() {
    const t = this._thread;
    const { tr } = t;
    const locked = t.info?.locked ?? false;
    const view = this._viewFor(tr, locked, t.info?.maxDepth ?? 6);
    view.mail = t.info?.emailReplies;
    // The comments render in lists of 50 (see thread.css). Those put first since the thread loaded (a newest-first
    // post, a linked comment) make a list of their own, so the others keep their elements rather than all shifting.
    const lead = Math.max(0, t.comments.findIndex((c) => c.id === t.lead));
    const lists = [];
    for (let i = lead; i < t.comments.length; i += 50) lists.push(t.comments.slice(i, i + 50));
    return html`<section part="thread" lang=${tr.lang} aria-labelledby="parley-heading" @parley-submit=${this._onSubmit} @parley-edit=${this._onEdit}
      @parley-reply=${this._onReply} @parley-start-edit=${this._onStartEdit} @parley-cancel=${() => this._setForm(null, null)}
      @parley-delete=${(e: CustomEvent<CommentRefDetail>) => this._onDelete(e.detail.id)}
      @parley-vote=${(e: CustomEvent<VoteDetail>) => t.vote(e.detail.id, e.detail.value)}
      @parley-more-replies=${(e: CustomEvent<CommentRefDetail>) => t.moreReplies(e.detail.id)}
      @parley-erase=${(e: CustomEvent<{ waitUntil(done: Promise<void>): void }>) => e.detail.waitUntil(this._writer!.eraseMine())}
    >${this._renderHeader()}${t.state === 'loading' ? html`<p class="status" role="status">${tr.t('loading')}</p>` : nothing}${
      t.state === 'error'
        ? html`<div class="status" role="alert"><p class="error">${t.errorMessage}</p
            ><button type="button" @click=${() => this._load()}>${tr.t('retry')}</button></div>`
        : nothing
    }${
      t.state === 'ready'
        ? html`${locked
            ? html`<p class="status">${tr.t('locked')}</p>`
            : this._formOpen
              ? html`<parley-form .tr=${tr} .preview=${view.preview} .mail=${view.mail}></parley-form>`
              : html`<button class="starter" type="button" @click=${this._openForm}>${tr.t('writeComment')}</button>`}${
            t.comments.length === 0 ? html`<p class="status">${tr.t('empty')}</p>` : nothing
          }${lead ? html`<ol>${commentList(t.comments.slice(0, lead), view)}</ol>` : nothing}${lists.map(
            (list) => html`<ol>${commentList(list, view)}</ol>`,
          )}${
            t.nextCursor
              ? html`<button class="load-more" type="button" ?disabled=${t.busy} @click=${() => t.loadMore()}>${tr.t('loadMore')}</button>`
              : nothing
          }`
        : nothing
    }<p class="sr-only" role="status" aria-live="polite">${t.announcement}</p></section>`;
  }
}
