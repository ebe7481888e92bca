/** The comment form: a new comment, a reply, or an edit. Posting is the container's job. */
import { html, LitElement, nothing, unsafeCSS } from 'lit';
import { limits } from '../../shared/limits.ts';
import { cleanText } from '../../shared/text.ts';
import { fire, type EditDetail, type SubmitDetail } from '../events.ts';
import { english, type Translator } from '../i18n/translator.ts';
import { serverHtml } from '../server-html.ts';
import { ownAll, saveName, savedName } from '../writer-storage.ts';

import formCss from './form.css';
import enForm from '../i18n/en-form.json';

/** The form's English words, added to the English dictionary when the form loads. */
export const formWords: Record<string, string> = enForm;

/** The form's style sheet, which the thread adopts when the form's code first loads. */
export const formStyles = unsafeCSS(formCss);

const codePoints = (s: string) => [...s].length;

/**
 * A form that writes a new comment, a reply (parentId) or an edit (editId). Renders into the thread's
 * shadow root (no shadow of its own).
 *
 * @fires parley-submit - the reader posts a comment or reply; the detail carries the draft and a waitUntil.
 * @fires parley-edit - the reader saves an edit; the detail carries the new text and a waitUntil.
 * @fires parley-cancel - the reader closes a reply or edit form.
 */
export class ParleyForm extends LitElement {
  // A getter, not a static field: the bundle's browsers would get the field through a helper call, and with it every
  // chunk of the widget would import a chunk of helpers (see ThreadController).
  static override get properties() {
    return {
      parentId: { attribute: false },
      parentName: { attribute: false },
      editId: { attribute: false },
      initial: { attribute: false },
      preview: { attribute: false },
      mail: { attribute: false },
      tr: { attribute: false },
      busy: { state: true },
      error: { state: true },
      previewHtml: { state: true },
      erasing: { state: true },
    };
  }

  /** The comment this form replies to, or null. */
  declare parentId: string | null;
  /** The name of the parent's author, shown as "Replying to NAME". */
  declare parentName: string;
  /** The comment this form edits, or null. */
  declare editId: string | null;
  /** The text the form starts with: a quote to reply to, or the comment being edited. */
  declare initial: string;
  /** Renders a draft on the server, for Preview. */
  declare preview: ((body: string) => Promise<string>) | null;
  /** The server emails replies: the form offers "Email me replies". */
  declare mail: boolean;
  declare tr: Translator;
  declare private busy: boolean;
  declare private error: string;
  /** The rendered draft while Preview is on, else null. */
  declare private previewHtml: string | null;
  /** The reader asked to delete all their comments and is being asked to confirm. */
  declare private erasing: boolean;

  constructor() {
    super();
    this.parentId = null;
    this.parentName = '';
    this.editId = null;
    this.initial = '';
    this.preview = null;
    this.mail = false;
    this.tr = english;
    this.busy = false;
    this.error = '';
    this.previewHtml = null;
    this.erasing = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Puts the caret at the end of the comment box. */
  override focus(): void {
    const box = this.querySelector('textarea');
    box?.focus();
    box?.setSelectionRange(box.value.length, box.value.length);
  }

  private field(name: string): HTMLInputElement | HTMLTextAreaElement | null {
    return this.querySelector(`[name="${name}"]`);
  }

  private check(body: string): string {
    if (cleanText(body) === '') return this.tr.t('emptyBody');
    if (codePoints(cleanText(body)) > limits.bodyChars) return this.tr.n('tooLong', limits.bodyChars);
    return '';
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.busy) return;
    const body = this.field('body')!.value;
    this.error = this.check(body);
    if (this.error) {
      this.previewHtml = null;
      void this.updateComplete.then(() => this.focus());
      return;
    }
    let done: Promise<void> = Promise.resolve();
    const waitUntil = (p: Promise<void>) => (done = p);
    const name = this.field('name')?.value.trim() ?? '';
    if (this.editId) {
      fire<EditDetail>(this, 'parley-edit', { id: this.editId, body, waitUntil });
    } else {
      const author = { name, email: this.field('email')!.value.trim(), website: this.field('website')!.value.trim() };
      const hp = this.field('hp')?.value ?? '';
      const notify = (this.field('notify') as HTMLInputElement | null)?.checked === true;
      if (notify && !author.email) {
        this.error = this.tr.t('notifyNeedsEmail');
        this.field('email')!.focus();
        return;
      }
      const draft = { body, author, ...(hp ? { hp } : {}), ...(notify ? { notify, lang: this.tr.lang } : {}) };
      fire<SubmitDetail>(this, 'parley-submit', { draft, parentId: this.parentId, waitUntil });
    }
    this.busy = true;
    done.then(
      () => {
        this.busy = false;
        this.previewHtml = null;
        const box = this.field('body');
        if (box) box.value = '';
        if (!this.editId) saveName(name);
      },
      (err: unknown) => {
        this.busy = false;
        this.error = err instanceof Error && err.message ? err.message : this.tr.t('serverError');
      },
    );
  }

  private async togglePreview(): Promise<void> {
    if (this.previewHtml !== null) {
      this.previewHtml = null;
      return;
    }
    const body = this.field('body')!.value;
    if (cleanText(body) === '') {
      this.error = this.tr.t('previewEmpty');
      return;
    }
    this.error = '';
    try {
      this.previewHtml = (await this.preview?.(body)) ?? '';
    } catch (err) {
      this.error = err instanceof Error && err.message ? err.message : this.tr.t('serverError');
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) this.querySelector('form')?.requestSubmit();
    if (event.key === 'Escape' && (this.parentId || this.editId)) fire(this, 'parley-cancel', undefined);
  }

  private eraseAll(): void {
    let done: Promise<void> = Promise.resolve();
    fire(this, 'parley-erase', { waitUntil: (p: Promise<void>) => (done = p) });
    done.then(
      () => (this.erasing = false),
      (err: unknown) => (this.error = err instanceof Error && err.message ? err.message : this.tr.t('serverError')),
    );
  }

  /** Under the top form: delete everything this browser wrote here (the writer's right to erase). */
  private renderErase() {
    const { tr } = this;
    if (this.parentId || this.editId || ownAll().length === 0) return nothing;
    return this.erasing
      ? html`<p class="erase" role="group" aria-label=${tr.t('eraseMine')}>${tr.t('confirmErase')}
          <button class="danger" type="button" @click=${this.eraseAll}>${tr.t('eraseAll')}</button>
          <button type="button" @click=${() => (this.erasing = false)}>${tr.t('cancel')}</button></p>`
      : html`<p class="erase"><button class="link" type="button" @click=${() => (this.erasing = true)}>${tr.t('eraseMine')}</button></p>`;
  }

  private renderIdentity() {
    const { tr } = this;
    return html`<div class="fields">
      <label>${tr.t('name')}<input name="name" autocomplete="name" maxlength=${limits.nameChars} .value=${savedName()} /></label>
      <label>${tr.t('email')}<input name="email" type="email" autocomplete="email" maxlength=${limits.emailChars} /></label>
      ${this.mail ? html`<label class="notify"><input name="notify" type="checkbox" />${tr.t('notifyMe')}</label>` : nothing}
      <label>${tr.t('website')}<input name="website" type="url" autocomplete="url" maxlength=${limits.websiteChars} /></label>
      <label class="hp" aria-hidden="true">Leave this empty<input name="hp" tabindex="-1" autocomplete="off" /></label>
    </div>`;
  }

  protected override render() {
    const { tr } = this;
    const previewing = this.previewHtml !== null;
    return html`<form part="form" novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown}>
      ${this.parentId
        ? html`<p class="replying">${tr.t('replyingTo')} <a href="#comment-${this.parentId}">${this.parentName || tr.t('anonymous')}</a></p>`
        : nothing}
      <label ?hidden=${previewing}>${tr.t('comment')}<textarea name="body" required .value=${this.initial}></textarea></label>
      ${previewing ? html`<div aria-live="polite">${serverHtml('body preview', this.previewHtml!)}</div>` : nothing}
      <small class="hint">${tr.t('markdownHint')}</small>
      ${this.editId ? nothing : this.renderIdentity()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? tr.t('posting') : tr.t(this.editId ? 'save' : 'post')}</button>
        ${this.preview
          ? html`<button type="button" aria-pressed=${previewing ? 'true' : 'false'} @click=${this.togglePreview}>${tr.t('preview')}</button>`
          : nothing}
        ${this.parentId || this.editId
          ? html`<button type="button" @click=${() => fire(this, 'parley-cancel', undefined)}>${tr.t('cancel')}</button>`
          : nothing}
      </div>
    </form>${this.renderErase()}`;
  }
}
