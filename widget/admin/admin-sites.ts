/** Sites: add one, change its name, allowed origins and settings. */
import { html, LitElement, nothing } from 'lit';
import type { SiteInfo, SiteSettings } from '../../shared/types.ts';
import * as admin from './admin-api.ts';
import { adminStyles, problem } from './styles.ts';

const lines = (text: FormDataEntryValue | null) =>
  String(text ?? '')
    .split(/[\s,]+/)
    .filter(Boolean);

export class AdminSites extends LitElement {
  static override styles = adminStyles;
  static override properties = { list: { state: true }, error: { state: true }, saved: { state: true } };

  declare private list: SiteInfo[];
  declare private error: string;
  declare private saved: string;

  constructor() {
    super();
    this.list = [];
    this.error = '';
    this.saved = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    admin.sites().then((r) => (this.list = r.sites), (err) => (this.error = problem(err)));
  }

  private async onAdd(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.error = '';
    try {
      const { site } = await admin.addSite({ slug: String(data.get('slug')), name: String(data.get('name') || data.get('slug')), origins: lines(data.get('origins')) });
      this.list = [...this.list, site];
      form.reset();
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async onSave(event: Event, slug: string): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const closeAfter = String(data.get('closeAfterDays') ?? '');
    const settings: Partial<SiteSettings> = {
      moderation: String(data.get('moderation')) as SiteSettings['moderation'],
      editWindowSeconds: Number(data.get('editWindowMinutes')) * 60,
      requireName: data.get('requireName') === 'on',
      maxDepth: Number(data.get('maxDepth')),
      defaultSort: String(data.get('defaultSort')) as SiteSettings['defaultSort'],
      closeAfterDays: closeAfter === '' ? null : Number(closeAfter),
      honeypot: data.get('honeypot') === 'on',
      minSecondsToPost: Number(data.get('minSecondsToPost')),
      maxLinks: Number(data.get('maxLinks')),
      blocklist: String(data.get('blocklist') ?? '').split('\n').map((w) => w.trim()).filter(Boolean),
      blocklistAction: String(data.get('blocklistAction')) as SiteSettings['blocklistAction'],
      duplicateMinutes: Number(data.get('duplicateMinutes')),
      postsPerMinute: Number(data.get('postsPerMinute')),
      votesPerMinute: Number(data.get('votesPerMinute')),
      editsPerMinute: Number(data.get('editsPerMinute')),
    };
    this.error = '';
    this.saved = '';
    try {
      const { site } = await admin.changeSite(slug, { name: String(data.get('name')), origins: lines(data.get('origins')), settings });
      this.list = this.list.map((s) => (s.slug === slug ? site : s));
      this.saved = `Saved ${slug}.`;
    } catch (err) {
      this.error = problem(err);
    }
  }

  private async onRestore(event: Event): Promise<void> {
    event.preventDefault();
    const file = new FormData(event.target as HTMLFormElement).get('file') as File;
    this.error = '';
    this.saved = '';
    try {
      const counts = await admin.restore(await file.text());
      this.saved = `Restored ${counts.comments} comments on ${counts.pages} pages of ${counts.sites} sites.`;
      this.list = (await admin.sites()).sites;
    } catch (err) {
      this.error = problem(err);
    }
  }

  private renderSite(site: SiteInfo) {
    const s = site.settings;
    return html`<form class="item site" @submit=${(e: Event) => this.onSave(e, site.slug)} aria-label="Site ${site.slug}">
      <h3>${site.slug}</h3>
      <div class="settings">
        <label>Name<input name="name" .value=${site.name} required /></label>
        <label>Allowed origins (one per line)<textarea name="origins" .value=${site.origins.join('\n')} placeholder="https://blog.example.com"></textarea></label>
        <label>Moderation
          <select name="moderation">
            ${[['none', 'publish at once'], ['first', 'hold first-time writers'], ['all', 'hold every comment'], ['links', 'hold comments with links']].map(
              ([v, label]) => html`<option value=${v} ?selected=${s.moderation === v}>${label}</option>`,
            )}
          </select>
        </label>
        <label>Edit window (minutes)<input name="editWindowMinutes" type="number" min="0" max="10080" .value=${String(s.editWindowSeconds / 60)} /></label>
        <label>Deepest indentation<input name="maxDepth" type="number" min="1" max="20" .value=${String(s.maxDepth)} /></label>
        <label>Sort by default
          <select name="defaultSort">${['oldest', 'newest', 'best'].map((v) => html`<option value=${v} ?selected=${s.defaultSort === v}>${v}</option>`)}</select>
        </label>
        <label>Close threads after (days, empty: never)<input name="closeAfterDays" type="number" min="1" .value=${s.closeAfterDays === null ? '' : String(s.closeAfterDays)} /></label>
        <label><span><input name="requireName" type="checkbox" .checked=${s.requireName} /> Require a name</span></label>
      </div>
      <h4>Spam and floods</h4>
      <div class="settings">
        <label><span><input name="honeypot" type="checkbox" .checked=${s.honeypot} /> Honeypot field</span></label>
        <label>Seconds before a post is accepted<input name="minSecondsToPost" type="number" min="0" max="600" .value=${String(s.minSecondsToPost)} /></label>
        <label>Links allowed before review<input name="maxLinks" type="number" min="0" max="100" .value=${String(s.maxLinks)} /></label>
        <label>Refuse repeats within (minutes)<input name="duplicateMinutes" type="number" min="0" max="1440" .value=${String(s.duplicateMinutes)} /></label>
        <label>Blocked words and phrases (one per line)<textarea name="blocklist" .value=${s.blocklist.join('\n')}></textarea></label>
        <label>A blocked word
          <select name="blocklistAction">
            <option value="hold" ?selected=${s.blocklistAction === 'hold'}>holds the comment</option>
            <option value="refuse" ?selected=${s.blocklistAction === 'refuse'}>refuses the comment</option>
          </select>
        </label>
        <label>Posts per minute per address<input name="postsPerMinute" type="number" min="1" .value=${String(s.postsPerMinute)} /></label>
        <label>Votes per minute per address<input name="votesPerMinute" type="number" min="1" .value=${String(s.votesPerMinute)} /></label>
        <label>Edits per minute per address<input name="editsPerMinute" type="number" min="1" .value=${String(s.editsPerMinute)} /></label>
      </div>
      <button class="primary" type="submit">Save ${site.slug}</button>
    </form>`;
  }

  protected override render() {
    return html`<h2>Sites</h2>
      <p class="muted">Every site also accepts this server's own origin and the origins in PARLEY_ORIGINS. Moderators see every site.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.saved ? html`<p role="status">${this.saved}</p>` : nothing}
      ${this.list.map((site) => this.renderSite(site))}
      <h2>Backup</h2>
      <p><a href="/api/admin/export" download>Download a backup of everything</a> (JSON; <code>npx parley import json FILE</code> restores it).</p>
      <form class="row" @submit=${this.onRestore} aria-label="Restore a backup">
        <label>Restore a backup into this empty install<input name="file" type="file" accept="application/json,.json" required /></label>
        <button type="submit">Restore</button>
      </form>
      <h2>Add a site</h2>
      <form class="row" @submit=${this.onAdd} aria-label="Add a site">
        <label>Slug<input name="slug" required pattern="[a-z0-9][a-z0-9_-]*" placeholder="blog" /></label>
        <label>Name<input name="name" placeholder="My blog" /></label>
        <label>Origins<input name="origins" placeholder="https://blog.example.com" /></label>
        <button type="submit">Add site</button>
      </form>`;
  }
}
