/** One comment with its replies nested under it. Renders into the thread's shadow root (no shadow of its own). */
import { html, LitElement, nothing } from 'lit';
import type { Comment } from '../../shared/types.ts';
import { fire } from '../events.ts';
import { english, type Translator } from '../i18n/translator.ts';
import { fullDate, relativeTime } from '../relative-time.ts';
import { serverHtml } from '../server-html.ts';
import { myVotes, ownComment } from '../storage.ts';


const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('') || '?';

/** One of eight colours, chosen by the server's keyed hash of the writer's email or name. */
const hueClass = (seed: string) => `h${[...seed].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 8}`;

const isHttp = (url: string) => /^https?:\/\//i.test(url);

/** The text the reader has selected, if any (selections inside shadow roots included). */
function selectedText(root: Node): string {
  const shadow = root as ShadowRoot & { getSelection?: () => Selection | null };
  return (shadow.getSelection?.() ?? document.getSelection())?.toString().trim() ?? '';
}

/**
 * @fires parley-reply - the reader asks to reply (with `quote` when quoting a selection).
 * @fires parley-vote - the reader votes up (1), down (-1) or withdraws (0).
 * @fires parley-start-edit - the reader opens the edit form of their own comment.
 * @fires parley-delete - the reader confirms deleting their own comment.
 * @fires parley-more-replies - the reader asks for the replies not loaded yet.
 * @csspart comment - the box of one comment.
 */
export class ParleyComment extends LitElement {
  static override properties = {
    comment: { attribute: false },
    replyTo: { attribute: false },
    editing: { attribute: false },
    initial: { attribute: false },
    preview: { attribute: false },
    tr: { attribute: false },
    locked: { attribute: false },
    maxDepth: { attribute: false },
    collapsed: { state: true },
    confirming: { state: true },
    quote: { state: true },
  };

  /** The comment to show, replies included. */
  declare comment: Comment;
  /** The id of the comment whose reply form is open, if any. */
  declare replyTo: string | null;
  /** The id of the comment whose edit form is open, if any. */
  declare editing: string | null;
  /** The text the open reply form starts with (a quote). */
  declare initial: string;
  /** Passed on to forms, for Preview. */
  declare preview: ((body: string) => Promise<string>) | null;
  declare tr: Translator;
  /** The thread takes no new comments: no Reply buttons. */
  declare locked: boolean;
  /** Replies deeper than this are still shown under their parent, without further indentation. */
  declare maxDepth: number;
  declare private collapsed: boolean;
  declare private confirming: boolean;
  declare private quote: string;

  constructor() {
    super();
    this.replyTo = null;
    this.editing = null;
    this.initial = '';
    this.preview = null;
    this.tr = english;
    this.locked = false;
    this.maxDepth = 6;
    this.collapsed = false;
    this.confirming = false;
    this.quote = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private closing?: ReturnType<typeof setTimeout>;

  /** Edit and Delete go away by themselves when the edit window closes. */
  protected override updated(): void {
    clearTimeout(this.closing);
    const own = ownComment(this.comment.id);
    if (own) this.closing = setTimeout(() => this.requestUpdate(), Math.min(own.until - Date.now() + 50, 2 ** 31 - 1));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.closing);
  }

  private onSelect(): void {
    this.quote = selectedText(this.getRootNode());
  }

  /** Quotes what the reader selected in this comment, or the whole comment (keyboard readers select nothing). */
  private onQuote(c: Comment): void {
    const whole = this.querySelector(`#comment-${c.id} .body`)?.textContent?.trim() ?? '';
    fire(this, 'parley-reply', { id: c.id, quote: this.quote || whole });
  }

  /** The confirmation takes focus, and gives it back to Delete when the reader keeps the comment. */
  private async openConfirm(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.confirm .danger')?.focus();
  }

  private async closeConfirm(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    [...this.querySelectorAll<HTMLElement>(`#comment-${this.comment.id} .tools button`)].at(-1)?.focus();
  }

  private renderAuthor(c: Comment) {
    const name = c.author.name || this.tr.t('anonymous');
    const website = c.author.website;
    const badge = c.author.badge;
    return html`<span class="author">${website && isHttp(website)
        ? html`<a href=${website} rel="nofollow ugc noopener noreferrer">${name}</a>`
        : name}</span>${badge ? html` <span class="badge">${badge === 'moderator' ? this.tr.t('moderator') : badge}</span>` : nothing}`;
  }

  private renderVotes(c: Comment) {
    const { tr } = this;
    const mine = myVotes()[c.id] ?? 0;
    const cast = (value: -1 | 1) => fire(this, 'parley-vote', { id: c.id, value: mine === value ? 0 : value });
    return html`<span class="votes">
      <button class="link vote" type="button" aria-label=${tr.t('upvote')} aria-pressed=${mine === 1 ? 'true' : 'false'} @click=${() => cast(1)}>▲</button>
      <span class="score" title=${`+${c.upvotes} / −${c.downvotes}`}><span class="sr-only">${tr.t('score')} </span>${c.score.toLocaleString(tr.lang)}</span>
      <button class="link vote" type="button" aria-label=${tr.t('downvote')} aria-pressed=${mine === -1 ? 'true' : 'false'} @click=${() => cast(-1)}>▼</button>
    </span>`;
  }

  private renderTools(c: Comment) {
    const { tr } = this;
    const own = ownComment(c.id);
    if (this.confirming) {
      return html`<div class="tools confirm" role="group" aria-label=${tr.t('confirmDelete')}>
        <span>${tr.t('confirmDelete')}</span>
        <button class="danger" type="button" @click=${() => ((this.confirming = false), fire(this, 'parley-delete', { id: c.id }))}>${tr.t('delete')}</button>
        <button type="button" @click=${() => this.closeConfirm()}>${tr.t('keep')}</button>
      </div>`;
    }
    return html`<div class="tools">
      ${this.renderVotes(c)}
      ${this.locked
        ? nothing
        : html`<button class="link" type="button" aria-expanded=${this.replyTo === c.id ? 'true' : 'false'} @click=${() => fire(this, 'parley-reply', { id: c.id })}>${tr.t('reply')}</button>`}
      ${this.locked
        ? nothing
        : html`<button class="link" type="button" @click=${() => this.onQuote(c)}>${tr.t('quote')}</button>`}
      ${own
        ? html`<button class="link" type="button" @click=${() => fire(this, 'parley-start-edit', { id: c.id })}>${tr.t('edit')}</button>
            <button class="link" type="button" @click=${() => this.openConfirm()}>${tr.t('delete')}</button>`
        : nothing}
    </div>`;
  }

  private renderReplies(c: Comment) {
    const { tr } = this;
    if (c.replies.length === 0 && c.moreReplies === 0) return nothing;
    return html`${c.replies.length > 0
        ? html`<button class="link collapse" type="button" aria-expanded=${this.collapsed ? 'false' : 'true'} @click=${() => (this.collapsed = !this.collapsed)}>
            ${this.collapsed ? tr.n('showReplies', c.replyCount) : tr.t('hideReplies')}
          </button>`
        : nothing}
      ${this.collapsed
        ? nothing
        : html`<ol class="replies ${c.depth + 1 >= this.maxDepth ? 'flat' : ''}">
              ${c.replies.map(
                (r) => html`<li><parley-comment .comment=${r} .replyTo=${this.replyTo} .editing=${this.editing} .initial=${this.initial}
                  .preview=${this.preview} .tr=${tr} .locked=${this.locked} .maxDepth=${this.maxDepth}></parley-comment></li>`,
              )}
            </ol>
            ${c.moreReplies > 0
              ? html`<button class="link more" type="button" @click=${() => fire(this, 'parley-more-replies', { id: c.id })}>${tr.n('moreReplies', c.moreReplies)}</button>`
              : nothing}`}`;
  }

  protected override render() {
    const c = this.comment;
    const { tr } = this;
    const deleted = c.status === 'deleted';
    const name = deleted ? tr.t('deleted') : c.author.name || tr.t('anonymous');
    return html`<article id="comment-${c.id}" class="comment" part="comment" tabindex="-1" aria-label=${name}>
        <span class="avatar ${hueClass(c.author.avatar || c.id)}" aria-hidden="true">${deleted ? '' : initials(name)}</span>
        <div class="meta">
          ${deleted ? html`<span class="deleted">${name}</span>` : this.renderAuthor(c)}
          <a class="when" href="#comment-${c.id}"><time datetime=${c.createdAt} title=${fullDate(c.createdAt, tr.lang)}>${relativeTime(c.createdAt, tr.lang)}</time></a>
          ${c.editedAt ? html`<span class="edited" title=${fullDate(c.editedAt, tr.lang)}>${tr.t(c.editedByModerator ? 'editedByModerator' : 'edited')}</span>` : nothing}
          ${c.status === 'pending' ? html`<span class="pending">${tr.t('awaiting')}</span>` : nothing}
        </div>
        ${deleted
          ? nothing
          : this.editing === c.id
            ? html`<parley-form .editId=${c.id} .initial=${ownComment(c.id)?.source ?? ''} .preview=${this.preview} .tr=${tr}></parley-form>`
            : html`<div @mouseup=${this.onSelect} @keyup=${this.onSelect}>${serverHtml('body', c.html)}</div>${this.renderTools(c)}`}
        ${this.replyTo === c.id
          ? html`<parley-form .parentId=${c.id} .parentName=${c.author.name} .initial=${this.initial} .preview=${this.preview} .tr=${tr}></parley-form>`
          : nothing}
      </article>
      ${this.renderReplies(c)}`;
  }
}
