/** Webhooks: each site's, with the secret its receiver checks signatures with; add one, or remove one after a confirmation. */
import { html, LitElement, nothing } from 'lit';
import type { SiteInfo, WebhookFormat, WebhookInfo } from '../../shared/types.ts';
import * as admin from './admin-api.ts';
import { adminStyles, problem } from './styles.ts';

// The server's list is in shared/schemas.ts, which would bring the validator into this bundle.
const events: [string, string][] = [
  ['comment.created', 'a comment is posted'],
  ['comment.approved', 'a held comment is approved'],
  ['comment.deleted', 'a comment is deleted'],
];

const formats: [WebhookFormat, string][] = [
  ['parley', 'Parley JSON'],
  ['slack', 'Slack'],
  ['discord', 'Discord'],
];

export class AdminWebhooks extends LitElement {
  static override styles = adminStyles;
  static override properties = { list: { state: true }, siteList: { state: true }, confirming: { state: true }, error: { state: true }, done: { state: true } };

  /** Null until the list has loaded. */
  declare private list: WebhookInfo[] | null;
  declare private siteList: SiteInfo[];
  /** The webhook whose removal is being confirmed. */
  declare private confirming: number | null;
  declare private error: string;
  declare private done: string;

  constructor() {
    super();
    this.list = null;
    this.siteList = [];
    this.confirming = null;
    this.error = '';
    this.done = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    admin.webhooks().then((r) => (this.list = r.webhooks), (err) => (this.error = problem(err)));
    admin.sites().then((r) => (this.siteList = r.sites), (err) => (this.error = problem(err)));
  }

  private async onAdd(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.error = '';
    this.done = '';
    try {
      const { webhook } = await admin.addWebhook({
        site: String(data.get('site')),
        url: String(data.get('url')),
        format: String(data.get('format')) as WebhookFormat,
        events: data.getAll('events').map(String),
      });
      this.list = [...(this.list ?? []), webhook];
      this.done = `Added a webhook to ${webhook.url} for ${webhook.site}.`;
      form.reset();
    } catch (err) {
      this.error = problem(err);
    }
  }

  /** The confirmation takes focus; keeping the webhook gives it back to Remove. */
  private async ask(id: number | null, focus: string): Promise<void> {
    const was = this.confirming;
    this.confirming = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#webhook-${id ?? was} ${focus}`)?.focus();
  }

  private async removeHook(w: WebhookInfo): Promise<void> {
    this.error = '';
    this.done = '';
    try {
      await admin.removeWebhook(w.id);
      this.list = (this.list ?? []).filter((x) => x.id !== w.id);
      this.confirming = null;
      this.done = `Removed the webhook to ${w.url}.`;
    } catch (err) {
      this.error = problem(err);
    }
  }

  private renderWebhook(w: WebhookInfo) {
    return html`<li class="item hook" id="webhook-${w.id}">
      <strong class="url">${w.url}</strong>
      <div class="meta"><span>${formats.find(([f]) => f === w.format)?.[1] ?? w.format}</span><span>${w.events.join(', ')}</span></div>
      <label>Secret<input readonly .value=${w.secret} aria-describedby="secret-note" /></label>
      ${this.confirming === w.id
        ? html`<div class="actions confirm" role="group" aria-label="Remove this webhook?">
            <span>Remove the webhook to ${w.url}?</span>
            <button class="danger" type="button" @click=${() => this.removeHook(w)}>Remove</button>
            <button type="button" @click=${() => this.ask(null, '.remove')}>Keep</button>
          </div>`
        : html`<div class="actions"><button class="remove danger" type="button" @click=${() => this.ask(w.id, '.confirm .danger')}>Remove</button></div>`}
    </li>`;
  }

  private renderSites(list: WebhookInfo[]) {
    const sites = [...new Set(list.map((w) => w.site))];
    if (sites.length === 0) return html`<p class="muted">No webhooks yet.</p>`;
    return html`<p class="muted" id="secret-note">
        Every call is signed: the receiver checks the X-Parley-Signature header with the webhook's secret (see the README, Webhooks). Slack and
        Discord ignore it; their calls carry a short message in their own format.
      </p>
      ${sites.map(
        (site) => html`<h3>${this.siteList.find((s) => s.slug === site)?.name ?? site} <span class="muted">(${site})</span></h3>
          <ul aria-label="Webhooks of ${site}">${list.filter((w) => w.site === site).map((w) => this.renderWebhook(w))}</ul>`,
      )}`;
  }

  protected override render() {
    return html`<h2>Webhooks</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p role="status">${this.done}</p>` : nothing}
      ${this.list ? this.renderSites(this.list) : this.error ? nothing : html`<p class="muted">Loading…</p>`}
      <h3>Add a webhook</h3>
      <form class="row" @submit=${this.onAdd} aria-label="Add a webhook">
        <label>Site<select name="site" required>${this.siteList.map((s) => html`<option value=${s.slug}>${s.name}</option>`)}</select></label>
        <label>URL<input name="url" type="url" size="40" required placeholder="https://hooks.example.com/parley" /></label>
        <label>Format<select name="format">${formats.map(([f, label]) => html`<option value=${f}>${label}</option>`)}</select></label>
        <fieldset>
          <legend>Events</legend>
          ${events.map(([e, label]) => html`<label class="check"><input type="checkbox" name="events" value=${e} checked /> ${e} <span class="muted">(${label})</span></label>`)}
        </fieldset>
        <button class="primary" type="submit">Add webhook</button>
      </form>`;
  }
}
