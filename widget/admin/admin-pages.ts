/** Pages: every thread with its comment and pending counts; lock or unlock one, or lock a page by its key. */
import { html, LitElement, nothing } from 'lit';
import type { AdminPage } from '../../shared/types.ts';
import * as admin from './admin-api.ts';
import { adminStyles, problem, when } from './styles.ts';

export class AdminPages extends LitElement {
  static override styles = adminStyles;
  static override properties = { list: { state: true }, nextCursor: { state: true }, error: { state: true }, moved: { state: true } };

  declare private list: AdminPage[];
  declare private nextCursor: string | null;
  declare private error: string;
  declare private moved: string;

  constructor() {
    super();
    this.moved = '';
    this.list = [];
    this.nextCursor = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(more = false): Promise<void> {
    try {
      const r = await admin.pages(undefined, more ? (this.nextCursor ?? undefined) : undefined);
      this.list = more ? [...this.list, ...r.pages] : r.pages;
      this.nextCursor = r.nextCursor;
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async setLock(site: string, key: string, locked: boolean): Promise<void> {
    this.error = '';
    try {
      const { page } = await admin.lock(site, key, locked);
      const found = this.list.some((p) => p.site === site && p.key === key);
      this.list = found ? this.list.map((p) => (p.site === site && p.key === key ? page : p)) : [page, ...this.list];
    } catch (err) {
      this.error = problem(err);
    }
  }

  private onLockByKey(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    void this.setLock(String(data.get('site') || 'default'), String(data.get('page')), true);
  }

  private async onMove(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.error = '';
    try {
      const { merged } = await admin.movePage(String(data.get('site') || 'default'), String(data.get('from')), String(data.get('to')));
      this.error = '';
      this.moved = `${merged ? 'Merged' : 'Moved'} ${String(data.get('from'))} into ${String(data.get('to'))}; the old key still shows the thread.`;
      form.reset();
      await this.load();
    } catch (err) {
      this.error = problem(err);
    }
  }

  protected override render() {
    return html`<h2>Pages</h2>
      <form class="row" @submit=${this.onMove} aria-label="Move a thread">
        <label>Site<input name="site" placeholder="default" /></label>
        <label>Old key<input name="from" required placeholder="/2019/old-url" /></label>
        <label>New key<input name="to" required placeholder="/posts/new-url" /></label>
        <button type="submit">Move thread</button>
      </form>
      ${this.moved ? html`<p role="status">${this.moved}</p>` : nothing}
      <form class="row" @submit=${this.onLockByKey} aria-label="Lock a page">
        <label>Site<input name="site" placeholder="default" /></label>
        <label>Page key<input name="page" required placeholder="/post/1" /></label>
        <button type="submit">Lock</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <table>
        <thead><tr><th>Site</th><th>Page</th><th>Comments</th><th>Pending</th><th>First comment</th><th>Thread</th></tr></thead>
        <tbody>
          ${this.list.map(
            (p) => html`<tr>
              <td>${p.site}</td>
              <td>${p.url ? html`<a href=${p.url} target="_blank" rel="noopener">${p.title ?? p.key}</a>` : (p.title ?? p.key)}<br /><span class="muted">${p.key}</span></td>
              <td>${p.commentCount}</td>
              <td>${p.pendingCount}</td>
              <td>${when(p.createdAt)}</td>
              <td><button type="button" @click=${() => this.setLock(p.site, p.key, !p.locked)}>${p.locked ? 'Unlock' : 'Lock'}</button>${p.locked ? html` <span class="muted">locked</span>` : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.nextCursor ? html`<button type="button" @click=${() => this.load(true)}>More pages</button>` : nothing}`;
  }
}
