/** The admin page's bundle (admin.js): its own, never part of what readers download. */
import { AdminAudit } from './admin-audit.ts';
import { AdminBans } from './admin-bans.ts';
import { AdminPages } from './admin-pages.ts';
import { AdminQueue } from './admin-queue.ts';
import { AdminSites } from './admin-sites.ts';
import { ParleyAdmin } from './parley-admin.ts';

const elements: [string, CustomElementConstructor][] = [
  ['parley-admin', ParleyAdmin],
  ['admin-queue', AdminQueue],
  ['admin-pages', AdminPages],
  ['admin-bans', AdminBans],
  ['admin-sites', AdminSites],
  ['admin-audit', AdminAudit],
];

for (const [tag, element] of elements) customElements.define(tag, element);
