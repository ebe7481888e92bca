/** Notifications on the admin page: whether mail works, the outbox, a test email, one's own alerts, webhooks. */
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { alertsSchema, commentId, outboxQuerySchema, testEmailSchema, webhookSchema } from '../../../shared/schemas.ts';
import type { NotificationStatus } from '../../../shared/types.ts';
import type { Deps } from '../../deps.ts';
import { writeTransaction } from '../../db/write.ts';
import { ApiError } from '../../errors.ts';
import type { AdminEnv } from '../../middleware/admin-guard.ts';
import { readJson } from '../../middleware/json-body.ts';
import { linkBase } from '../../notify/context.ts';
import { testEmail } from '../../notify/templates.ts';
import { audit } from '../../store/audit.ts';
import { adminAlerts, createWebhook, deleteWebhook, listWebhooks, setAdminAlerts } from '../../store/notify-targets.ts';
import { enqueue, listOutbox, outboxCounts, requeue } from '../../store/outbox.ts';
import { getSite } from '../../store/sites.ts';
import { parse } from '../../validate.ts';

export function adminNotificationRoutes(deps: Deps): Hono<AdminEnv> {
  const { db, config } = deps;
  const app = new Hono<AdminEnv>();

  app.get('/notifications', async (c) => {
    const status: NotificationStatus = {
      mailConfigured: config.mail !== null,
      from: config.mail?.from ?? null,
      counts: await outboxCounts(db),
      alerts: await adminAlerts(db, c.get('admin').id),
    };
    return c.json(status);
  });

  app.put('/notifications/alerts', async (c) => {
    const { alerts } = parse(alertsSchema, await readJson(c));
    await setAdminAlerts(db, c.get('admin').id, alerts);
    return c.json({ alerts });
  });

  app.post('/notifications/test', async (c) => {
    const { to } = parse(testEmailSchema, await readJson(c));
    if (!config.mail) throw new ApiError('conflict', 'Email is off: set SMTP_URL and MAIL_FROM and restart Parley.');
    const admin = c.get('admin');
    const recipient = to?.toLowerCase() ?? admin.email;
    const now = Date.now();
    const id = await writeTransaction(db, async (tx) => {
      await audit(tx, admin, 'test-email', recipient);
      return enqueue(tx, { channel: 'email', topic: 'test', site: null, recipient, message: testEmail(`${linkBase(deps)}/admin`) }, now);
    });
    deps.outbox?.kick();
    return c.json({ id, recipient }, 202);
  });

  app.get('/outbox', async (c) => {
    const q = parse(outboxQuerySchema, c.req.query());
    return c.json(await listOutbox(db, { ...q, limit: 50 }));
  });

  app.post('/outbox/:id/retry', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    if (!(await requeue(db, id, Date.now()))) throw new ApiError('conflict', 'Only a failed message can be sent again.');
    deps.outbox?.kick();
    return c.json({ id });
  });

  app.get('/webhooks', async (c) => c.json({ webhooks: await listWebhooks(db) }));

  app.post('/webhooks', async (c) => {
    const input = parse(webhookSchema, await readJson(c));
    if (!(await getSite(db, input.site))) throw new ApiError('not_found', `There is no site "${input.site}".`, 'site');
    const admin = c.get('admin');
    const webhook = await writeTransaction(db, async (tx) => {
      const made = await createWebhook(tx, { ...input, events: [...new Set(input.events)], secret: randomBytes(24).toString('base64url') }, Date.now());
      // Only the host: a Slack or Discord webhook's URL is its secret.
      await audit(tx, admin, 'webhook-add', `${input.site} ${new URL(input.url).host}`, input.format);
      return made;
    });
    return c.json({ webhook }, 201);
  });

  app.delete('/webhooks/:id', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    const admin = c.get('admin');
    await writeTransaction(db, async (tx) => {
      if (!(await deleteWebhook(tx, id))) throw new ApiError('not_found', 'There is no such webhook.');
      await audit(tx, admin, 'webhook-remove', `webhook ${id}`);
    });
    return c.body(null, 204);
  });

  return app;
}
