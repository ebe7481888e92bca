/** The admin page's calls to /api/admin: one typed line each, same origin, the session cookie does the rest. */
import type {
  AdminComment,
  AdminPage,
  AuditEntry,
  Ban,
  ModerationAction,
  ModeratorAlerts,
  NotificationStatus,
  OutboxEntry,
  SiteInfo,
  SiteSettings,
  WebhookFormat,
  WebhookInfo,
} from '../../shared/types.ts';
import { json, query, request } from '../http.ts';

const base = location.origin + '/';

export interface Paged<T> {
  nextCursor: string | null;
  items: T[];
}

export interface QueueFilter {
  status?: string;
  site?: string;
  page?: string;
  q?: string;
  cursor?: string;
}

export interface OutboxFilter {
  status?: string;
  channel?: string;
  /** The previous page's nextBefore. */
  before?: string;
}

export const me = () => request<{ email: string; name: string }>(base, 'api/admin/me');
export const login = (email: string, password: string) => request<null>(base, 'api/admin/login', json('POST', { email, password }));
export const logout = () => request<null>(base, 'api/admin/logout', json('POST', {}));

export const queue = (f: QueueFilter) =>
  request<{ comments: AdminComment[]; nextCursor: string | null }>(base, `api/admin/comments?${query({ ...f })}`);
export const act = (id: string, action: ModerationAction) =>
  request<{ comment: AdminComment }>(base, `api/admin/comments/${id}/${action}`, json('POST', {}));
export const bulk = (ids: string[], action: ModerationAction) =>
  request<{ comments: AdminComment[] }>(base, 'api/admin/comments/bulk', json('POST', { ids, action }));
export const edit = (id: string, body: string) => request<{ comment: AdminComment }>(base, `api/admin/comments/${id}`, json('PATCH', { body }));

export const pages = (site?: string, cursor?: string) =>
  request<{ pages: AdminPage[]; nextCursor: string | null }>(base, `api/admin/pages?${query({ site, cursor })}`);
export const lock = (site: string, page: string, locked: boolean) =>
  request<{ page: AdminPage }>(base, 'api/admin/pages', json('PATCH', { site, page, locked }));

export const movePage = (site: string, from: string, to: string) =>
  request<{ merged: boolean }>(base, 'api/admin/pages/move', json('POST', { site, from, to }));

export const bans = () => request<{ bans: Ban[] }>(base, 'api/admin/bans');
export const ban = (b: { kind: string; value: string; reason: string; until: string | null }) =>
  request<{ ban: Ban }>(base, 'api/admin/bans', json('POST', b));
export const unban = (id: string) => request<null>(base, `api/admin/bans/${id}`, json('DELETE', undefined));

export const sites = () => request<{ sites: SiteInfo[] }>(base, 'api/admin/sites');
export const addSite = (s: { slug: string; name: string; origins: string[] }) => request<{ site: SiteInfo }>(base, 'api/admin/sites', json('POST', s));
export const changeSite = (slug: string, change: { name?: string; origins?: string[]; settings?: Partial<SiteSettings> }) =>
  request<{ site: SiteInfo }>(base, `api/admin/sites/${slug}`, json('PATCH', change));

export const restore = (backupJson: string) =>
  request<{ sites: number; pages: number; comments: number }>(base, 'api/admin/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: backupJson,
  });

export const audit = (cursor?: string) => request<{ entries: AuditEntry[]; nextCursor: string | null }>(base, `api/admin/audit?${query({ cursor })}`);

export const notifications = () => request<NotificationStatus>(base, 'api/admin/notifications');
export const setAlerts = (alerts: ModeratorAlerts) => request<{ alerts: ModeratorAlerts }>(base, 'api/admin/notifications/alerts', json('PUT', { alerts }));
export const testEmail = (to?: string) => request<{ id: number; recipient: string }>(base, 'api/admin/notifications/test', json('POST', to ? { to } : {}));
export const outbox = (f: OutboxFilter) => request<{ messages: OutboxEntry[]; nextBefore: number | null }>(base, `api/admin/outbox?${query({ ...f })}`);
export const retry = (id: number) => request<{ id: number }>(base, `api/admin/outbox/${id}/retry`, json('POST', {}));

export const webhooks = () => request<{ webhooks: WebhookInfo[] }>(base, 'api/admin/webhooks');
export const addWebhook = (w: { site: string; url: string; format: WebhookFormat; events: string[] }) =>
  request<{ webhook: WebhookInfo }>(base, 'api/admin/webhooks', json('POST', w));
export const removeWebhook = (id: number) => request<null>(base, `api/admin/webhooks/${id}`, json('DELETE', undefined));
