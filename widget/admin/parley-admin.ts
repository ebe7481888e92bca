/** The admin page: sign-in, then the queue, pages, bans, sites, notifications and audit log. */
import { html, LitElement, nothing } from 'lit';
import * as admin from './admin-api.ts';
import { adminStyles, problem } from './styles.ts';

const sections = [
  ['queue', 'Comments'],
  ['pages', 'Pages'],
  ['bans', 'Bans'],
  ['sites', 'Sites'],
  ['notifications', 'Notifications'],
  ['audit', 'Audit log'],
] as const;

type Section = (typeof sections)[number][0];

export class ParleyAdmin extends LitElement {
  static override styles = adminStyles;
  static override properties = { user: { state: true }, section: { state: true }, error: { state: true }, checked: { state: true } };

  declare private user: { email: string; name: string } | null;
  declare private section: Section;
  declare private error: string;
  declare private checked: boolean;

  constructor() {
    super();
    this.user = null;
    this.section = (sections.find(([id]) => `#${id}` === location.hash)?.[0] ?? 'queue') as Section;
    this.error = '';
    this.checked = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    admin.me().then(
      (user) => ((this.user = user), (this.checked = true)),
      () => (this.checked = true),
    );
  }

  private async onLogin(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.error = '';
    try {
      await admin.login(String(data.get('email')), String(data.get('password')));
      this.user = await admin.me();
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async onLogout(): Promise<void> {
    await admin.logout().catch(() => undefined);
    this.user = null;
  }

  private show(section: Section): void {
    this.section = section;
    history.replaceState(null, '', `#${section}`);
  }

  private renderLogin() {
    return html`<form class="login" @submit=${this.onLogin}>
      <h1>Parley moderation</h1>
      <label>Email<input name="email" type="email" autocomplete="username" required /></label>
      <label>Password<input name="password" type="password" autocomplete="current-password" required /></label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button class="primary" type="submit">Sign in</button>
    </form>`;
  }

  private renderSection() {
    switch (this.section) {
      case 'queue':
        return html`<admin-queue></admin-queue>`;
      case 'pages':
        return html`<admin-pages></admin-pages>`;
      case 'bans':
        return html`<admin-bans></admin-bans>`;
      case 'sites':
        return html`<admin-sites></admin-sites>`;
      case 'notifications':
        return html`<admin-notifications .email=${this.user?.email ?? ''}></admin-notifications>`;
      case 'audit':
        return html`<admin-audit></admin-audit>`;
    }
  }

  protected override render() {
    if (!this.checked) return html`<p class="muted">Loading…</p>`;
    if (!this.user) return this.renderLogin();
    return html`<header class="top">
        <h1>Parley</h1>
        <nav aria-label="Sections">
          ${sections.map(
            ([id, label]) => html`<button type="button" aria-current=${this.section === id ? 'page' : 'false'} @click=${() => this.show(id)}>${label}</button>`,
          )}
        </nav>
        <span class="who">${this.user.name || this.user.email}</span>
        <button type="button" @click=${this.onLogout}>Sign out</button>
      </header>
      <main>${this.renderSection()}</main>`;
  }
}
