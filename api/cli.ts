#!/usr/bin/env node
/** The `parley` command: serve, migrate. */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from './config.ts';
import { openDb } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { startServer } from './server.ts';

const usage = `Usage: parley <command>

Commands:
  serve      start the server (PORT, HOST, DATABASE_URL… from the environment)
  migrate    apply pending database migrations and exit
  help       show this text

Configuration is read from environment variables; see README.md.`;

// The bundle lives in dist/server/; the widget it serves is built into dist/.
const assetsDir = fileURLToPath(new URL('../', import.meta.url));

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: 'boolean', short: 'h' } } });
  const [command = 'help'] = positionals;
  if (values.help || command === 'help') {
    console.log(usage);
    return 0;
  }
  const config = readConfig();
  switch (command) {
    case 'serve': {
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
    case 'migrate': {
      const db = await openDb({ url: config.databaseUrl, authToken: config.databaseAuthToken });
      const applied = await migrate(db);
      db.close();
      console.log(applied.length ? `Applied ${applied.map((m) => `${m.id}-${m.name}`).join(', ')}.` : 'The database is up to date.');
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`parley: ${err.message}`);
    } else {
      console.error('parley: failed:', err);
    }
    process.exitCode = 1;
  },
);
