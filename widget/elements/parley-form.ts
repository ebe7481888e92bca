/** The comment form: body, name (remembered), optional email and website. Posting is the container's job. */
import { html, LitElement, nothing } from 'lit';
import { limits } from '../../shared/limits.ts';
import { cleanText } from '../../shared/text.ts';
import { fire, type SubmitDetail } from '../events.ts';
import { en, type Messages } from '../i18n/en.ts';

const nameKey = 'parley:name';

/**
 * A form that writes a new comment or a reply. Renders into the thread's shadow root (no shadow of its own).
 *
 * @fires parley-submit - the reader posts; the detail carries the draft and a waitUntil for the outcome.
 * @fires parley-cancel - the reader closes a reply form.
 */
export class ParleyForm extends LitElement {
  static override properties = {
    parentId: { attribute: false },
    parentName: { attribute: false },
    t: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };

  /** The comment this form replies to, or null for a new top-level comment. */
  declare parentId: string | null;
  /** The name of the parent's author, shown as "Replying to NAME". */
  declare parentName: string;
  /** The words to show. */
  declare t: Messages;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.parentId = null;
    this.parentName = '';
    this.t = en;
    this.busy = false;
    this.error = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Puts the caret in the comment box. */
  override focus(): void {
    this.querySelector('textarea')?.focus();
  }

  private field(name: string): HTMLInputElement | HTMLTextAreaElement {
    return this.querySelector(`[name="${name}"]`)!;
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    const body = this.field('body').value;
    if (cleanText(body) === '') {
      this.error = this.t.emptyBody;
      this.focus();
      return;
    }
    const name = this.field('name').value.trim();
    const author = { name, email: this.field('email').value.trim(), website: this.field('website').value.trim() };
    let done: Promise<void> = Promise.resolve();
    const detail: SubmitDetail = { draft: { body, author }, parentId: this.parentId, waitUntil: (p) => (done = p) };
    this.busy = true;
    this.error = '';
    fire(this, 'parley-submit', detail);
    done.then(
      () => {
        this.busy = false;
        this.field('body').value = '';
        try {
          localStorage.setItem(nameKey, name);
        } catch {
          // Storage can be off (private mode, blocked cookies): the name is just not remembered.
        }
      },
      (err: unknown) => {
        this.busy = false;
        this.error = err instanceof Error && err.message ? err.message : this.t.serverError;
      },
    );
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this.querySelector('form')?.requestSubmit();
    if (event.key === 'Escape' && this.parentId) fire(this, 'parley-cancel', undefined);
  }

  private savedName(): string {
    try {
      return localStorage.getItem(nameKey) ?? '';
    } catch {
      return '';
    }
  }

  protected override render() {
    const { t } = this;
    return html`<form part="form" novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown}>
      ${this.parentId
        ? html`<p class="replying">${t.replyingTo} <a href="#comment-${this.parentId}">${this.parentName || t.anonymous}</a></p>`
        : nothing}
      <label>${t.comment}<textarea name="body" required maxlength=${limits.bodyChars}></textarea></label>
      <div class="fields">
        <label>${t.name}<input name="name" autocomplete="name" maxlength=${limits.nameChars} .value=${this.savedName()} /></label>
        <label>${t.email}<input name="email" type="email" autocomplete="email" maxlength=${limits.emailChars} /></label>
        <label>${t.website}<input name="website" type="url" autocomplete="url" maxlength=${limits.websiteChars} /></label>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t.posting : t.post}</button>
        ${this.parentId
          ? html`<button type="button" @click=${() => fire(this, 'parley-cancel', undefined)}>${t.cancel}</button>`
          : nothing}
      </div>
    </form>`;
  }
}
