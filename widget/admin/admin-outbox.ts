/** The outbox: every email and webhook call, newest first, with its attempts and the server's answers; failed ones can be sent again. */
import { html, LitElement, nothing } from 'lit';
import type { OutboxEntry, OutboxStatus } from '../../shared/types.ts';
import * as admin from './admin-api.ts';
import { adminStyles, problem, when } from './styles.ts';

const statuses: OutboxStatus[] = ['queued', 'sending', 'sent', 'failed'];

export class AdminOutbox extends LitElement {
  static override styles = adminStyles;
  static override properties = {
    filter: { state: true },
    messages: { state: true },
    nextBefore: { state: true },
    counts: { state: true },
    open: { state: true },
    loading: { state: true },
    error: { state: true },
    done: { state: true },
  };

  declare private filter: admin.OutboxFilter;
  declare private messages: OutboxEntry[];
  declare private nextBefore: number | null;
  declare private counts: Record<OutboxStatus, number> | null;
  /** Messages whose attempts are shown. */
  declare private open: Set<number>;
  declare private loading: boolean;
  declare private error: string;
  declare private done: string;

  constructor() {
    super();
    this.filter = {};
    this.messages = [];
    this.nextBefore = null;
    this.counts = null;
    this.open = new Set();
    this.loading = true;
    this.error = '';
    this.done = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Reads the first page again, with the counts: after a test email, or when the moderator asks. */
  async refresh(): Promise<void> {
    await Promise.all([this.load(), this.loadCounts()]);
  }

  private async loadCounts(): Promise<void> {
    try {
      this.counts = (await admin.notifications()).counts;
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async load(more = false): Promise<void> {
    this.error = '';
    this.loading = true;
    try {
      const page = await admin.outbox({ ...this.filter, before: more && this.nextBefore !== null ? String(this.nextBefore) : undefined });
      this.messages = more ? [...this.messages, ...page.messages] : page.messages;
      this.nextBefore = page.nextBefore;
    } catch (err) {
      this.error = problem(err);
    } finally {
      this.loading = false;
    }
  }

  private onFilter(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filter = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]).filter(([, v]) => v !== ''));
    this.done = '';
    void this.load();
  }

  private toggle(id: number): void {
    const next = new Set(this.open);
    if (!next.delete(id)) next.add(id);
    this.open = next;
  }

  private async retry(m: OutboxEntry): Promise<void> {
    this.error = '';
    this.done = '';
    try {
      await admin.retry(m.id);
      this.messages = this.messages.map((x) => (x.id === m.id ? { ...x, status: 'queued', nextAttemptAt: new Date().toISOString() } : x));
      this.done = `Message ${m.id} to ${m.recipient} is queued again.`;
      await this.loadCounts();
    } catch (err) {
      this.error = problem(err);
    }
  }

  private renderAttempts(m: OutboxEntry) {
    return html`<tr class="attempts" id="attempts-${m.id}">
      <td colspan="10">
        <ol>
          ${m.attempts.map(
            (a) => html`<li>
              <time datetime=${a.at}>${when(a.at)}</time>
              <span class="status ${a.ok ? 'sent' : 'failed'}">${a.ok ? 'ok' : 'failed'}</span>
              <span class="answer">${a.response}</span>
            </li>`,
          )}
        </ol>
      </td>
    </tr>`;
  }

  private renderMessage(m: OutboxEntry) {
    const shown = this.open.has(m.id);
    const tries = `${m.attempts.length} ${m.attempts.length === 1 ? 'attempt' : 'attempts'}`;
    return html`<tr id="message-${m.id}">
        <td><time datetime=${m.createdAt}>${when(m.createdAt)}</time></td>
        <td>${m.channel}</td>
        <td>${m.topic}${m.site ? html`<br /><span class="muted">${m.site}</span>` : nothing}</td>
        <td class="wrap">${m.recipient}</td>
        <td class="wrap">${m.subject ?? ''}</td>
        <td><span class="status ${m.status}">${m.status}</span>${m.sentAt ? html`<br /><time class="muted" datetime=${m.sentAt}>${when(m.sentAt)}</time>` : nothing}</td>
        <td>
          ${m.attempts.length
            ? html`<button class="nowrap" type="button" aria-expanded=${shown ? 'true' : 'false'} aria-controls="attempts-${m.id}" @click=${() => this.toggle(m.id)}>${tries}</button>`
            : tries}
        </td>
        <td>${m.nextAttemptAt && (m.status === 'queued' || m.status === 'sending') ? when(m.nextAttemptAt) : ''}</td>
        <td class="wrap error">${m.lastError ?? ''}</td>
        <td>${m.status === 'failed' ? html`<button type="button" @click=${() => this.retry(m)}>Retry</button>` : nothing}</td>
      </tr>
      ${shown ? this.renderAttempts(m) : nothing}`;
  }

  private renderFilters() {
    const f = this.filter;
    return html`<form class="filters" @submit=${this.onFilter} aria-label="Filter the outbox">
      <label>Status
        <select name="status">${['', ...statuses].map((s) => html`<option value=${s} ?selected=${(f.status ?? '') === s}>${s || 'any'}</option>`)}</select>
      </label>
      <label>Channel
        <select name="channel">${['', 'email', 'webhook'].map((c) => html`<option value=${c} ?selected=${(f.channel ?? '') === c}>${c || 'any'}</option>`)}</select>
      </label>
      <button type="submit">Show</button>
      <button type="button" @click=${() => this.refresh()}>Refresh</button>
    </form>`;
  }

  protected override render() {
    const c = this.counts;
    return html`<h2>Outbox</h2>
      ${c ? html`<p class="counts">${statuses.map((s) => html`<span><span class="status ${s}">${s}</span> ${c[s]}</span>`)}</p>` : nothing}
      ${this.renderFilters()}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p role="status">${this.done}</p>` : nothing}
      ${!this.loading && this.messages.length === 0 ? html`<p class="muted">No messages match.</p>` : nothing}
      <table aria-busy=${this.loading ? 'true' : 'false'}>
        <thead>
          <tr><th>When</th><th>Channel</th><th>Topic</th><th>Recipient</th><th>Subject</th><th>Status</th><th>Attempts</th><th>Next attempt</th><th>Last error</th><th><span class="sr-only">Actions</span></th></tr>
        </thead>
        <tbody>${this.messages.map((m) => this.renderMessage(m))}</tbody>
      </table>
      ${this.nextBefore !== null ? html`<button type="button" ?disabled=${this.loading} @click=${() => this.load(true)}>Load more</button>` : nothing}`;
  }
}
