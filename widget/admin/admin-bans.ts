/** Bans: by email, name or IP hash, for a time or for good; the list of bans in force, each liftable. */
import { html, LitElement, nothing } from 'lit';
import type { Ban } from '../../shared/types.ts';
import * as admin from './admin-api.ts';
import { adminStyles, problem, when } from './styles.ts';

const durations: [string, number | null][] = [
  ['1 day', 1],
  ['7 days', 7],
  ['30 days', 30],
  ['for good', null],
];

export class AdminBans extends LitElement {
  static override styles = adminStyles;
  static override properties = { list: { state: true }, error: { state: true } };

  declare private list: Ban[];
  declare private error: string;

  constructor() {
    super();
    this.list = [];
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    admin.bans().then((r) => (this.list = r.bans), (err) => (this.error = problem(err)));
  }

  private async onBan(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const days = data.get('days') === 'forever' ? null : Number(data.get('days'));
    this.error = '';
    try {
      const { ban } = await admin.ban({
        kind: String(data.get('kind')),
        value: String(data.get('value')),
        reason: String(data.get('reason') ?? ''),
        until: days === null ? null : new Date(Date.now() + days * 24 * 3600 * 1000).toISOString(),
      });
      this.list = [ban, ...this.list];
      form.reset();
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async lift(id: string): Promise<void> {
    try {
      await admin.unban(id);
      this.list = this.list.filter((b) => b.id !== id);
    } catch (err) {
      this.error = problem(err);
    }
  }

  protected override render() {
    return html`<h2>Bans</h2>
      <form class="row" @submit=${this.onBan} aria-label="Ban a writer">
        <label>Ban by<select name="kind"><option value="email">email</option><option value="name">name</option><option value="ip">IP hash</option></select></label>
        <label>Value<input name="value" required placeholder="spam@example.com" /></label>
        <label>For<select name="days">${durations.map(([label, d]) => html`<option value=${d ?? 'forever'}>${label}</option>`)}</select></label>
        <label>Reason<input name="reason" placeholder="optional" /></label>
        <button class="primary" type="submit">Ban</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.list.length === 0 ? html`<p class="muted">No bans in force.</p>` : nothing}
      <table>
        <thead><tr><th>By</th><th>Value</th><th>Until</th><th>Reason</th><th>Set by</th><th></th></tr></thead>
        <tbody>
          ${this.list.map(
            (b) => html`<tr>
              <td>${b.kind}</td><td>${b.value}</td><td>${b.until ? when(b.until) : 'for good'}</td><td>${b.reason}</td>
              <td>${b.createdBy ?? ''} <span class="muted">${when(b.createdAt)}</span></td>
              <td><button type="button" @click=${() => this.lift(b.id)}>Lift</button></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}
