/** The audit log: every moderator action, who and when, newest first. */
import { html, LitElement, nothing } from 'lit';
import type { AuditEntry } from '../../shared/types.ts';
import * as admin from './admin-api.ts';
import { adminStyles, problem, when } from './styles.ts';

export class AdminAudit extends LitElement {
  static override styles = adminStyles;
  static override properties = { entries: { state: true }, nextCursor: { state: true }, error: { state: true } };

  declare private entries: AuditEntry[];
  declare private nextCursor: string | null;
  declare private error: string;

  constructor() {
    super();
    this.entries = [];
    this.nextCursor = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(more = false): Promise<void> {
    try {
      const r = await admin.audit(more ? (this.nextCursor ?? undefined) : undefined);
      this.entries = more ? [...this.entries, ...r.entries] : r.entries;
      this.nextCursor = r.nextCursor;
    } catch (err) {
      this.error = problem(err);
    }
  }

  protected override render() {
    return html`<h2>Audit log</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <table>
        <thead><tr><th>When</th><th>Who</th><th>Did</th><th>To</th><th>Detail</th></tr></thead>
        <tbody>
          ${this.entries.map((e) => html`<tr><td>${when(e.createdAt)}</td><td>${e.admin}</td><td>${e.action}</td><td>${e.target}</td><td class="muted">${e.detail}</td></tr>`)}
        </tbody>
      </table>
      ${this.nextCursor ? html`<button type="button" @click=${() => this.load(true)}>Older entries</button>` : nothing}`;
  }
}
