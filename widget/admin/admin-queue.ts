/** The moderation queue: filters, each comment with what moderators need, actions one by one or on a selection. */
import { html, LitElement, nothing } from 'lit';
import type { AdminComment, ModerationAction, SiteInfo } from '../../shared/types.ts';
import { serverHtml } from '../server-html.ts';
import * as admin from './admin-api.ts';
import { adminStyles, problem, when } from './styles.ts';

const actionsFor = (c: AdminComment): [ModerationAction, string][] => [
  ...(c.status === 'pending' || c.status === 'spam' ? ([['approve', 'Approve']] as [ModerationAction, string][]) : []),
  ...(c.status === 'deleted' ? ([['restore', 'Restore']] as [ModerationAction, string][]) : []),
  ...(c.status !== 'spam' ? ([['spam', 'Spam']] as [ModerationAction, string][]) : []),
  ...(c.status !== 'deleted' ? ([['delete', 'Delete']] as [ModerationAction, string][]) : []),
  ...(c.depth === 0 && c.status === 'approved' ? ([[c.pinned ? 'unpin' : 'pin', c.pinned ? 'Unpin' : 'Pin']] as [ModerationAction, string][]) : []),
];

export class AdminQueue extends LitElement {
  static override styles = adminStyles;
  static override properties = {
    filter: { state: true },
    comments: { state: true },
    nextCursor: { state: true },
    selected: { state: true },
    editing: { state: true },
    error: { state: true },
    siteList: { state: true },
  };

  declare private filter: admin.QueueFilter;
  declare private comments: AdminComment[];
  declare private nextCursor: string | null;
  declare private selected: Set<string>;
  declare private editing: string | null;
  declare private error: string;
  declare private siteList: SiteInfo[];

  constructor() {
    super();
    this.filter = { status: 'pending' };
    this.comments = [];
    this.nextCursor = null;
    this.selected = new Set();
    this.editing = null;
    this.error = '';
    this.siteList = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    admin.sites().then((r) => (this.siteList = r.sites), () => undefined);
  }

  private async load(more = false): Promise<void> {
    this.error = '';
    try {
      const page = await admin.queue({ ...this.filter, cursor: more ? (this.nextCursor ?? undefined) : undefined });
      this.comments = more ? [...this.comments, ...page.comments] : page.comments;
      this.nextCursor = page.nextCursor;
      if (!more) this.selected = new Set();
    } catch (err) {
      this.error = problem(err);
    }
  }

  private onFilter(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]).filter(([, v]) => v !== ''));
    void this.load();
  }

  private replace(changed: AdminComment[]): void {
    const byId = new Map(changed.map((c) => [c.id, c]));
    this.comments = this.comments.map((c) => byId.get(c.id) ?? c);
  }

  private async act(id: string, action: ModerationAction): Promise<void> {
    try {
      this.replace([(await admin.act(id, action)).comment]);
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async bulkAct(action: ModerationAction): Promise<void> {
    try {
      this.replace((await admin.bulk([...this.selected], action)).comments);
      this.selected = new Set();
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async saveEdit(event: Event, id: string): Promise<void> {
    event.preventDefault();
    const body = String(new FormData(event.target as HTMLFormElement).get('body'));
    try {
      this.replace([(await admin.edit(id, body)).comment]);
      this.editing = null;
    } catch (err) {
      this.error = problem(err);
    }
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.selected);
    if (on) next.add(id);
    else next.delete(id);
    this.selected = next;
  }

  private renderFilters() {
    const f = this.filter;
    return html`<form class="filters" @submit=${this.onFilter} aria-label="Filter comments">
      <label>Status
        <select name="status">
          ${['', 'pending', 'approved', 'spam', 'deleted'].map((s) => html`<option value=${s} ?selected=${(f.status ?? '') === s}>${s || 'any'}</option>`)}
        </select>
      </label>
      <label>Site
        <select name="site">
          <option value="">all</option>
          ${this.siteList.map((s) => html`<option value=${s.slug} ?selected=${f.site === s.slug}>${s.name}</option>`)}
        </select>
      </label>
      <label>Page<input name="page" .value=${f.page ?? ''} placeholder="/post/1" /></label>
      <label>Search<input name="q" type="search" .value=${f.q ?? ''} placeholder="text, name or email" /></label>
      <button type="submit">Show</button>
    </form>`;
  }

  private renderComment(c: AdminComment) {
    return html`<li class="item" id="admin-comment-${c.id}">
      <input type="checkbox" aria-label="Select comment ${c.id}" .checked=${this.selected.has(c.id)} @change=${(e: Event) => this.toggle(c.id, (e.target as HTMLInputElement).checked)} />
      <div>
        <div class="meta">
          <span class="status ${c.status}">${c.status}</span>
          <strong>${c.author.name || 'Anonymous'}</strong>
          ${c.email ? html`<span>${c.email}</span>` : nothing}
          ${c.ipHash ? html`<span title="Keyed hash of the writer's address">IP ${c.ipHash}</span>` : nothing}
          ${c.page.url && /^https?:\/\//i.test(c.page.url)
            ? html`<a href=${`${c.page.url}#comment-${c.id}`} target="_blank" rel="noopener">${c.site} · ${c.page.title ?? c.page.key}</a>`
            : html`<span>${c.site} · ${c.page.title ?? c.page.key}</span>`}
          <time datetime=${c.createdAt}>${when(c.createdAt)}</time>
          ${c.moderatorEdited ? html`<span>edited by a moderator</span>` : nothing}
          ${c.pinned ? html`<span>pinned</span>` : nothing}
        </div>
        ${c.heldReason ? html`<p class="muted">Held: ${c.heldReason}</p>` : nothing}
        ${this.editing === c.id
          ? html`<form @submit=${(e: Event) => this.saveEdit(e, c.id)}>
              <label>Text (Markdown)<textarea name="body" required .value=${c.source}></textarea></label>
              <p class="muted">The comment will say it was edited by a moderator.</p>
              <div class="actions"><button class="primary" type="submit">Save</button><button type="button" @click=${() => (this.editing = null)}>Cancel</button></div>
            </form>`
          : serverHtml('body', c.html)}
        <div class="actions">
          ${actionsFor(c).map(([action, label]) => html`<button type="button" class=${action === 'spam' || action === 'delete' ? 'danger' : ''} @click=${() => this.act(c.id, action)}>${label}</button>`)}
          <button type="button" @click=${() => (this.editing = c.id)}>Edit</button>
        </div>
      </div>
    </li>`;
  }

  protected override render() {
    const count = this.selected.size;
    return html`<h2>Comments</h2>
      ${this.renderFilters()}
      ${count
        ? html`<div class="bulk" role="group" aria-label="With the selected comments">
            <span>${count} selected:</span>
            ${(['approve', 'spam', 'delete', 'restore'] as ModerationAction[]).map((a) => html`<button type="button" @click=${() => this.bulkAct(a)}>${a[0]!.toUpperCase() + a.slice(1)}</button>`)}
          </div>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.comments.length === 0 ? html`<p class="muted">No comments match.</p>` : nothing}
      <ol>${this.comments.map((c) => this.renderComment(c))}</ol>
      ${this.nextCursor ? html`<button type="button" @click=${() => this.load(true)}>Older comments</button>` : nothing}`;
  }
}
