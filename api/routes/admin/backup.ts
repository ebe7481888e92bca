/** Download a backup of everything (or one site) and restore one into an empty database, from the admin page. */
import { Hono } from 'hono';
import * as v from 'valibot';
import { backupProblem, backupSchema } from '../../../shared/backup-schema.ts';
import { siteSlug } from '../../../shared/schemas.ts';
import type { Deps } from '../../deps.ts';
import { writeTransaction } from '../../db/write.ts';
import { ApiError } from '../../errors.ts';
import type { AdminEnv } from '../../middleware/admin-guard.ts';
import { readJson } from '../../middleware/json-body.ts';
import { audit } from '../../store/audit.ts';
import { exportBackup, importBackup, type Backup } from '../../store/backup.ts';
import { parse } from '../../validate.ts';

const exportQuery = v.object({ site: v.optional(siteSlug), withAdmins: v.optional(v.picklist(['0', '1'])) });

/** Restores may be large: this route alone takes bodies up to this size. */
export const importBytes = 100 * 1024 * 1024;

export function adminBackupRoutes(deps: Deps): Hono<AdminEnv> {
  const { db } = deps;
  const app = new Hono<AdminEnv>();

  app.get('/export', async (c) => {
    const q = parse(exportQuery, c.req.query());
    const backup = await exportBackup(db, { site: q.site, withAdmins: q.withAdmins === '1' });
    c.header('Content-Disposition', `attachment; filename="parley-${q.site ?? 'all'}-${backup.exportedAt.slice(0, 10)}.json"`);
    return c.json(backup);
  });

  app.post('/import', async (c) => {
    const parsed = parse(backupSchema, await readJson(c));
    const inconsistent = backupProblem(parsed);
    if (inconsistent) throw new ApiError('validation', `This backup is inconsistent: ${inconsistent}`);
    const backup = parsed as Backup;
    const admin = c.get('admin');
    const counts = await importBackup(db, backup);
    await writeTransaction(db, (tx) => audit(tx, admin, 'import', 'backup', JSON.stringify(counts)));
    return c.json(counts);
  });

  return app;
}
