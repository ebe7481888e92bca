/** The admin page's bundle (admin.js): its own, never part of what readers download. */
import { AdminAudit } from './admin-audit.ts';
import { AdminBans } from './admin-bans.ts';
import { AdminNotifications } from './admin-notifications.ts';
import { AdminOutbox } from './admin-outbox.ts';
import { AdminPages } from './admin-pages.ts';
import { AdminQueue } from './admin-queue.ts';
import { AdminSites } from './admin-sites.ts';
import { AdminWebhooks } from './admin-webhooks.ts';
import { ParleyAdmin } from './parley-admin.ts';

const elements: [string, CustomElementConstructor][] = [
  ['parley-admin', ParleyAdmin],
  ['admin-queue', AdminQueue],
  ['admin-pages', AdminPages],
  ['admin-bans', AdminBans],
  ['admin-sites', AdminSites],
  ['admin-notifications', AdminNotifications],
  ['admin-outbox', AdminOutbox],
  ['admin-webhooks', AdminWebhooks],
  ['admin-audit', AdminAudit],
];

for (const [tag, element] of elements) customElements.define(tag, element);
