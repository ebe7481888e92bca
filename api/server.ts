/** Starts Parley: opens and migrates the database, then serves the app until told to stop. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { openDb } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { loadSecret } from './security/secret.ts';
import { greetFirstModerator } from './first-moderator.ts';
import { startOutbox, type Outbox } from './notify/worker.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: Config, assetsDir: string): Promise<RunningServer> {
  const db = await openDb({ url: config.databaseUrl, authToken: config.databaseAuthToken, sync: config.databaseSync });
  const applied = await migrate(db);
  if (applied.length > 0) console.log(`[parley] applied migrations: ${applied.map((m) => `${m.id}-${m.name}`).join(', ')}`);
  const secret = await loadSecret(db, config.secret);
  await greetFirstModerator(db, config.demo);
  // Links in emails are made from PUBLIC_URL, else from the address the server listens on: never from a request's
  // Host header, which whoever sends the request chooses (a sign-in link pointing at their site would be theirs).
  let base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  const deps = { db, config, secret, assetsDir, linkBase: () => base, outbox: undefined as Outbox | undefined };
  const app = createApp(deps);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  base = config.publicUrl ?? url;
  // The outbox worker starts once the address for its digests' links is known.
  const outbox = startOutbox(db, config, () => base);
  deps.outbox = outbox;
  if (!config.mail) console.log('[parley] email is off: set SMTP_URL and MAIL_FROM to send reply notifications and moderator alerts');
  else if (!config.publicUrl) console.log(`[parley] links in emails point at ${url}: set PUBLIC_URL to the address readers reach this server at`);

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          void outbox.stop().finally(() => {
            db.close();
            resolve();
          });
        });
        // Keep-alive connections would hold close() open; idle ones can go now.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
