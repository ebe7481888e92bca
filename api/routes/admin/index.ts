/** Everything under /api/admin: sign-in is open, the rest needs a moderator's session. */
import { Hono } from 'hono';
import type { Deps } from '../../deps.ts';
import { adminGuard, type AdminEnv } from '../../middleware/admin-guard.ts';
import { adminAuditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { adminBackupRoutes } from './backup.ts';
import { adminBanRoutes } from './bans.ts';
import { adminCommentRoutes } from './comments.ts';
import { adminNotificationRoutes } from './notifications.ts';
import { adminPageRoutes } from './pages.ts';
import { adminSiteRoutes } from './sites.ts';

export function adminRoutes(deps: Deps): Hono {
  const app = new Hono();
  app.route('/', authRoutes(deps));
  const guarded = new Hono<AdminEnv>();
  guarded.use('*', adminGuard(deps));
  guarded.route('/comments', adminCommentRoutes(deps));
  guarded.route('/pages', adminPageRoutes(deps));
  guarded.route('/bans', adminBanRoutes(deps));
  guarded.route('/sites', adminSiteRoutes(deps));
  guarded.route('/audit', adminAuditRoutes(deps));
  guarded.route('/', adminBackupRoutes(deps));
  guarded.route('/', adminNotificationRoutes(deps));
  app.route('/', guarded);
  return app;
}
