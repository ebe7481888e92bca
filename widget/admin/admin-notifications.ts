/** Notifications: whether email works (and a test email), the moderator's own alerts, then the outbox and webhooks. */
import { html, LitElement, nothing } from 'lit';
import type { ModeratorAlerts, NotificationStatus } from '../../shared/types.ts';
import * as admin from './admin-api.ts';
import type { AdminOutbox } from './admin-outbox.ts';
import { adminStyles, problem } from './styles.ts';

const alertChoices: [ModeratorAlerts, string][] = [
  ['none', 'None'],
  ['held', 'Comments held for moderation'],
  ['all', 'Every new comment'],
  ['digest', 'Daily digest'],
];

export class AdminNotifications extends LitElement {
  static override styles = adminStyles;
  static override properties = { email: {}, status: { state: true }, error: { state: true }, sent: { state: true }, saved: { state: true } };

  /** The signed-in moderator's address: where a test email goes when no other is given. */
  declare email: string;
  declare private status: NotificationStatus | null;
  declare private error: string;
  declare private sent: string;
  declare private saved: string;

  constructor() {
    super();
    this.email = '';
    this.status = null;
    this.error = '';
    this.sent = '';
    this.saved = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    admin.notifications().then((s) => (this.status = s), (err) => (this.error = problem(err)));
  }

  private async onTest(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const to = String(new FormData(form).get('to') ?? '').trim();
    this.error = '';
    this.sent = '';
    try {
      const { recipient } = await admin.testEmail(to || undefined);
      this.sent = `A test email to ${recipient} is queued: the outbox below shows when it is sent, or why not.`;
      form.reset();
      await this.renderRoot.querySelector<AdminOutbox>('admin-outbox')?.refresh();
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async onAlerts(event: Event): Promise<void> {
    event.preventDefault();
    const alerts = String(new FormData(event.target as HTMLFormElement).get('alerts')) as ModeratorAlerts;
    this.error = '';
    this.saved = '';
    try {
      const saved = (await admin.setAlerts(alerts)).alerts;
      if (this.status) this.status = { ...this.status, alerts: saved };
      this.saved = `Your alerts: ${alertChoices.find(([v]) => v === saved)?.[1] ?? saved}.`;
    } catch (err) {
      this.error = problem(err);
    }
  }

  private renderMail(s: NotificationStatus) {
    if (!s.mailConfigured) {
      return html`<p class="notice" role="note">
        <strong>Email is off:</strong> set SMTP_URL and MAIL_FROM and restart Parley. Nothing is emailed until then; webhooks still work.
      </p>`;
    }
    return html`<p>Email is on. Messages come from <strong>${s.from ?? ''}</strong>.</p>
      <form class="row" @submit=${this.onTest} aria-label="Send a test email">
        <label>Send to (empty: your own address)<input name="to" type="email" autocomplete="email" placeholder=${this.email || 'you@example.com'} /></label>
        <button type="submit">Send test email</button>
      </form>
      ${this.sent ? html`<p role="status">${this.sent}</p>` : nothing}`;
  }

  private renderAlerts(s: NotificationStatus) {
    return html`<h2>My alerts</h2>
      <form class="row" @submit=${this.onAlerts} aria-label="My alerts">
        <label>Email me about
          <select name="alerts">${alertChoices.map(([v, label]) => html`<option value=${v} ?selected=${s.alerts === v}>${label}</option>`)}</select>
        </label>
        <button type="submit">Save alerts</button>
      </form>
      ${this.saved ? html`<p role="status">${this.saved}</p>` : nothing}`;
  }

  protected override render() {
    const s = this.status;
    return html`<h2>Notifications</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${s ? [this.renderMail(s), this.renderAlerts(s)] : this.error ? nothing : html`<p class="muted">Loading…</p>`}
      <admin-outbox></admin-outbox>
      <admin-webhooks></admin-webhooks>`;
  }
}
