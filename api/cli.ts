#!/usr/bin/env node
/** The `parley` command: serve, migrate, admin, site. Every command migrates the database first. */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { adminCommand } from './commands/admin.ts';
import { exportCommand, importCommand } from './commands/backup.ts';
import { pageCommand } from './commands/page.ts';
import { siteCommand } from './commands/site.ts';
import { writerCommand } from './commands/writer.ts';
import { ConfigError, readConfig } from './config.ts';
import { openDb } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { ApiError } from './errors.ts';
import { loadSecret } from './security/secret.ts';
import { startServer } from './server.ts';

const usage = `Usage: parley <command>

Commands:
  serve                          start the server (PORT, HOST, DATABASE_URL… from the environment)
  migrate                        apply pending database migrations and exit
  admin add EMAIL [--name NAME] [--password-stdin]
                                 add a moderator (or set a new password); asks for the password
  admin list | admin remove EMAIL
  site add SLUG --origin URL [--origin URL…] [--name NAME]
                                 add a site that pages on those origins may embed
  site origins SLUG --origin URL…  replace a site's origins
  site list
  page move OLD_KEY NEW_KEY [--site S]
                                 move a thread to its article's new key (the old key stays an alias;
                                 an existing thread at the new key is merged with it)
  export [--site S] [--with-admins]
                                 everything (or one site) as a JSON backup on standard output
  import json FILE               restore a backup into an empty database
  import disqus FILE [--site S]  import a Disqus XML export (again: nothing changes)
  import wordpress FILE [--site S]
                                 import a WordPress WXR export
  export --email ADDRESS         every comment written with that email, as JSON (a data request)
  erase --email ADDRESS          erase every comment written with that email
  help                           show this text

Configuration is read from environment variables; see README.md.`;

// The bundle lives in dist/server/; the widget it serves is built into dist/.
const assetsDir = fileURLToPath(new URL('../', import.meta.url));

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(usage);
    return 0;
  }
  const config = readConfig();
  if (command === 'serve') {
    parseArgs({ args: rest, strict: true });
    const server = await startServer(config, assetsDir);
    console.log(`[parley] listening on ${server.url} (database ${config.databaseUrl})`);
    const stop = async () => {
      console.log('[parley] shutting down');
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  const known = ['migrate', 'admin', 'site', 'page', 'export', 'erase', 'import'];
  if (!known.includes(command)) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  const db = await openDb({ url: config.databaseUrl, authToken: config.databaseAuthToken, sync: config.databaseSync });
  try {
    const applied = await migrate(db);
    if (command === 'migrate') {
      console.log(applied.length ? `Applied ${applied.map((m) => `${m.id}-${m.name}`).join(', ')}.` : 'The database is up to date.');
      return 0;
    }
    if (command === 'export' && !rest.some((a) => a === '--email' || a.startsWith('--email='))) return await exportCommand(db, rest);
    if (command === 'import') return await importCommand(db, await loadSecret(db, config.secret), rest);
    if (command === 'export' || command === 'erase') {
      const secret = await loadSecret(db, config.secret);
      // Erasing tells the site's webhooks, as a deletion by the writer would.
      const notify = { secret, base: config.publicUrl ?? 'http://localhost', mail: config.mail !== null, now: Date.now() };
      return await writerCommand(db, command, rest, notify);
    }
    if (command === 'page') return await pageCommand(db, rest);
    return command === 'admin' ? await adminCommand(db, rest) : await siteCommand(db, rest);
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof ApiError || (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'));
    console.error(known || err instanceof Error ? `parley: ${(err as Error).message}` : 'parley: failed:', known ? '' : err);
    process.exitCode = known ? 2 : 1;
  },
);
