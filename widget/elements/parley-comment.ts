/** One comment with its replies nested under it. Renders into the thread's shadow root (no shadow of its own). */
import { html, LitElement, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Comment } from '../../shared/types.ts';
import { fire } from '../events.ts';
import { en, type Messages } from '../i18n/en.ts';
import { fullDate, relativeTime } from '../relative-time.ts';

/** Replies deeper than this are still shown under their parent, without further indentation. */
const maxIndent = 5;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join('') || '?';

const hueClass = (seed: string) => `h${[...seed].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 8}`;

const isHttp = (url: string) => /^https?:\/\//i.test(url);

/**
 * @fires parley-reply - the reader asks to reply to this comment.
 * @fires parley-more-replies - the reader asks for the replies not loaded yet.
 * @csspart comment - the box of one comment.
 */
export class ParleyComment extends LitElement {
  static override properties = {
    comment: { attribute: false },
    replyTo: { attribute: false },
    t: { attribute: false },
    locale: { attribute: false },
    locked: { attribute: false },
  };

  /** The comment to show, replies included. */
  declare comment: Comment;
  /** The id of the comment whose reply form is open, if any. */
  declare replyTo: string | null;
  declare t: Messages;
  declare locale: string;
  /** The thread takes no new comments: no Reply buttons. */
  declare locked: boolean;

  constructor() {
    super();
    this.replyTo = null;
    this.t = en;
    this.locale = 'en';
    this.locked = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  private renderAuthor(c: Comment) {
    const name = c.author.name || this.t.anonymous;
    const website = c.author.website;
    return html`<span class="author">${website && isHttp(website)
      ? html`<a href=${website} rel="nofollow ugc noopener noreferrer" target="_blank">${name}</a>`
      : name}</span>`;
  }

  protected override render() {
    const c = this.comment;
    const { t } = this;
    const deleted = c.status === 'deleted';
    return html`<article id="comment-${c.id}" class="comment" part="comment" tabindex="-1" aria-label=${deleted ? t.deleted : c.author.name || t.anonymous}>
        <span class="avatar ${hueClass(c.author.avatar || c.id)}" aria-hidden="true">${deleted ? '' : initials(c.author.name || t.anonymous)}</span>
        <div class="meta">
          ${deleted ? html`<span class="deleted">${t.deleted}</span>` : this.renderAuthor(c)}
          <a class="when" href="#comment-${c.id}"><time datetime=${c.createdAt} title=${fullDate(c.createdAt, this.locale)}>${relativeTime(c.createdAt, this.locale)}</time></a>
        </div>
        ${deleted ? nothing : html`<div class="body">${unsafeHTML(c.html)}</div>`}
        ${deleted || this.locked
          ? nothing
          : html`<div class="tools">
              <button class="link" type="button" aria-expanded=${this.replyTo === c.id ? 'true' : 'false'} @click=${() => fire(this, 'parley-reply', { id: c.id })}>${t.reply}</button>
            </div>`}
        ${this.replyTo === c.id
          ? html`<parley-form .parentId=${c.id} .parentName=${c.author.name} .t=${t}></parley-form>`
          : nothing}
      </article>
      ${c.replies.length > 0
        ? html`<ol class="replies ${c.depth + 1 >= maxIndent ? 'flat' : ''}">
            ${c.replies.map(
              (r) => html`<li><parley-comment .comment=${r} .replyTo=${this.replyTo} .t=${t} .locale=${this.locale} .locked=${this.locked}></parley-comment></li>`,
            )}
          </ol>`
        : nothing}
      ${c.moreReplies > 0
        ? html`<button class="link more" type="button" @click=${() => fire(this, 'parley-more-replies', { id: c.id })}>${t.moreReplies(c.moreReplies)}</button>`
        : nothing}`;
  }
}
