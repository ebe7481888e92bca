/** One comment with its replies nested under it. Renders into the thread's shadow root (no shadow of its own). */
import { html, LitElement, nothing } from 'lit';
import type { Comment } from '../../shared/types.ts';
import { fire } from '../events.ts';
import type { Translator } from '../i18n/translator.ts';
import { fullDate, relativeTime } from '../relative-time.ts';
import { hasTime, nextSlice } from '../render-slices.ts';
import { serverHtml } from '../server-html.ts';
import { myVotes, ownComment } from '../storage.ts';

/**
 * What every comment of one thread shares. The thread gives its comments a new view when all of them change
 * (language, lock) and otherwise changes it in place and updates only the comments concerned (a form opening),
 * so that opening a form under one comment does not re-render a thousand.
 */
export interface CommentView {
  tr: Translator;
  /** The thread takes no new comments: no Reply buttons. */
  locked: boolean;
  /** Replies deeper than this are still shown under their parent, without further indentation. */
  maxDepth: number;
  /** The comment whose reply form is open, if any, and the text that form starts with (a quote). */
  replyTo: string | null;
  initial: string;
  /** The comment whose edit form is open, if any. */
  editing: string | null;
  /** Passed on to forms, for Preview. */
  preview: ((body: string) => Promise<string>) | null;
  /** The server emails replies: forms offer "Email me replies". */
  mail?: boolean;
}

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

/** The comments of a list, each under its own item. */
export const commentList = (comments: Comment[], view: CommentView) =>
  comments.map((c) => html`<li><parley-comment .comment=${c} .view=${view}></parley-comment></li>`);

/**
 * @fires parley-reply - the reader asks to reply (with `quote` when quoting a selection).
 * @fires parley-vote - the reader votes up (1), down (-1) or withdraws (0).
 * @fires parley-start-edit - the reader opens the edit form of their own comment.
 * @fires parley-delete - the reader confirms deleting their own comment.
 * @fires parley-more-replies - the reader asks for the replies not loaded yet.
 * @csspart comment - the box of one comment.
 */
export class ParleyComment extends LitElement {
  // A getter, not a static field: the bundle's browsers would get the field through a helper call.
  static override get properties() {
    return {
      comment: { attribute: false },
      view: { attribute: false },
      _collapsed: { state: true },
      _confirming: { state: true },
    };
  }

  /** The comment to show, replies included. */
  declare comment: Comment;
  /** What the thread's comments share. */
  declare view: CommentView;
  declare private _collapsed: boolean;
  declare private _confirming: boolean;
  /** What the reader last selected in this comment, for Quote. */
  declare private _quote: string;
  declare private _closing: ReturnType<typeof setTimeout> | undefined;

  // Fields are set here rather than declared with values: see ThreadController.
  constructor() {
    super();
    this._collapsed = false;
    this._confirming = false;
    this._quote = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /**
   * The first render waits for a slice with time left (render-slices.ts); later ones, answers to the reader, do not.
   * The check and the render run in one go: no other comment renders in between.
   */
  protected override async scheduleUpdate(): Promise<void> {
    while (!this.hasUpdated && !hasTime()) await nextSlice(this);
    super.scheduleUpdate();
  }

  /**
   * Replies render right after their parent while the slice has time, so the thread fills in reading order.
   * Edit and Delete go away by themselves when the edit window closes.
   */
  protected override updated(): void {
    for (const item of this.querySelector(':scope > ol')?.children ?? []) {
      const reply = item.firstElementChild as ParleyComment;
      if (reply.isUpdatePending && hasTime()) reply.performUpdate();
    }
    clearTimeout(this._closing);
    const own = ownComment(this.comment.id);
    if (own) this._closing = setTimeout(() => this.requestUpdate(), Math.min(own.until - Date.now() + 50, 2 ** 31 - 1));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._closing);
  }

  private _onSelect(): void {
    this._quote = selectedText(this.getRootNode());
  }

  /** Quotes what the reader selected in this comment, or the whole comment (keyboard readers select nothing). */
  private _onQuote(c: Comment): void {
    const whole = this.querySelector(`#comment-${c.id} .body`)?.textContent?.trim() ?? '';
    fire(this, 'parley-reply', { id: c.id, quote: this._quote || whole });
  }

  /** The confirmation takes focus, and gives it back to Delete when the reader keeps the comment. */
  private async _openConfirm(): Promise<void> {
    this._confirming = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.confirm .danger')?.focus();
  }

  private async _closeConfirm(): Promise<void> {
    this._confirming = false;
    await this.updateComplete;
    [...this.querySelectorAll<HTMLElement>(`#comment-${this.comment.id} .tools button`)].at(-1)?.focus();
  }

  private _renderAuthor(c: Comment) {
    const name = c.author.name || this.view.tr.t('anonymous');
    const website = c.author.website;
    const badge = c.author.badge;
    return html`<span class="author">${website && isHttp(website)
        ? html`<a href=${website} rel="nofollow ugc noopener noreferrer">${name}</a>`
        : name}</span>${badge ? html` <span class="badge">${badge === 'moderator' ? this.view.tr.t('moderator') : badge}</span>` : nothing}`;
  }

  private _renderVotes(c: Comment) {
    const { tr } = this.view;
    const mine = myVotes()[c.id] ?? 0;
    const cast = (value: -1 | 1) => fire(this, 'parley-vote', { id: c.id, value: mine === value ? 0 : value });
    return html`<span class="votes"
      ><button class="link vote" type="button" aria-label=${tr.t('upvote')} aria-pressed=${mine === 1 ? 'true' : 'false'} @click=${() => cast(1)}>▲</button
      ><span class="score" title=${`+${c.upvotes} / −${c.downvotes}`}><span class="sr-only">${tr.t('score')} </span>${tr.number(c.score)}</span
      ><button class="link vote" type="button" aria-label=${tr.t('downvote')} aria-pressed=${mine === -1 ? 'true' : 'false'} @click=${() => cast(-1)}>▼</button
    ></span>`;
  }

  private _renderTools(c: Comment) {
    const { tr } = this.view;
    const own = ownComment(c.id);
    if (this._confirming) {
      return html`<div class="tools confirm" role="group" aria-label=${tr.t('confirmDelete')}>
        <span>${tr.t('confirmDelete')}</span>
        <button class="danger" type="button" @click=${() => ((this._confirming = false), fire(this, 'parley-delete', { id: c.id }))}>${tr.t('delete')}</button>
        <button type="button" @click=${() => this._closeConfirm()}>${tr.t('keep')}</button>
      </div>`;
    }
    // Templates here are written without white space between elements: every comment would carry those text nodes.
    return html`<div class="tools">${this._renderVotes(c)}${this.view.locked
        ? nothing
        : html`<button class="link" type="button" aria-expanded=${this.view.replyTo === c.id ? 'true' : 'false'} @click=${() => fire(this, 'parley-reply', { id: c.id })}>${tr.t('reply')}</button
          ><button class="link" type="button" @click=${() => this._onQuote(c)}>${tr.t('quote')}</button>`}${own
        ? html`<button class="link" type="button" @click=${() => fire(this, 'parley-start-edit', { id: c.id })}>${tr.t('edit')}</button
          ><button class="link" type="button" @click=${() => this._openConfirm()}>${tr.t('delete')}</button>`
        : nothing}</div>`;
  }

  private _renderReplies(c: Comment) {
    const { tr } = this.view;
    if (c.replies.length === 0 && c.moreReplies === 0) return nothing;
    return html`${c.replies.length > 0
        ? html`<button class="link collapse" type="button" aria-expanded=${this._collapsed ? 'false' : 'true'} @click=${() => (this._collapsed = !this._collapsed)}>${
            this._collapsed ? tr.n('showReplies', c.replyCount) : tr.t('hideReplies')
          }</button>`
        : nothing}${this._collapsed
        ? nothing
        : html`<ol class="replies ${c.depth + 1 >= this.view.maxDepth ? 'flat' : ''}">${commentList(c.replies, this.view)}</ol>${c.moreReplies > 0
              ? html`<button class="link more" type="button" @click=${() => fire(this, 'parley-more-replies', { id: c.id })}>${tr.n('moreReplies', c.moreReplies)}</button>`
              : nothing}`}`;
  }

  protected override render() {
    const c = this.comment;
    const { tr } = this.view;
    const deleted = c.status === 'deleted';
    const name = deleted ? tr.t('deleted') : c.author.name || tr.t('anonymous');
    return html`<article id="comment-${c.id}" class="comment" part="comment" tabindex="-1" aria-label=${name}
        ><span class="avatar ${hueClass(c.author.avatar || c.id)}" aria-hidden="true">${deleted ? '' : initials(name)}</span
        ><div class="meta">${deleted ? html`<span class="deleted">${name}</span>` : this._renderAuthor(c)}<a class="when" href="#comment-${c.id}"
          ><time datetime=${c.createdAt} title=${fullDate(c.createdAt, tr.lang)}>${relativeTime(c.createdAt, tr.lang)}</time></a
          >${c.editedAt ? html`<span class="edited" title=${fullDate(c.editedAt, tr.lang)}>${tr.t(c.editedByModerator ? 'editedByModerator' : 'edited')}</span>` : nothing}${
          c.status === 'pending' ? html`<span class="pending">${tr.t('awaiting')}</span>` : nothing
        }</div>${deleted
          ? nothing
          : this.view.editing === c.id
            ? html`<parley-form .editId=${c.id} .initial=${ownComment(c.id)?.source ?? ''} .preview=${this.view.preview} .tr=${tr}></parley-form>`
            : html`<div @mouseup=${this._onSelect} @keyup=${this._onSelect}>${serverHtml('body', c.html)}</div>${this._renderTools(c)}`}${
          this.view.replyTo === c.id
          ? html`<parley-form .parentId=${c.id} .parentName=${c.author.name} .initial=${this.view.initial} .preview=${this.view.preview} .mail=${this.view.mail} .tr=${tr}></parley-form>`
          : nothing}</article>${this._renderReplies(c)}`;
  }
}
