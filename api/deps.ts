/** What every route needs, built once at start and passed to the app. */
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Outbox } from './notify/worker.ts';

export interface Deps {
  db: Db;
  config: Config;
  /** Keys every hash the server stores (IPs, tokens, avatars). */
  secret: string;
  /** The folder holding the built widget (embed.js); the server answers 404 for it when absent. */
  assetsDir: string;
  /** This server's address for links in emails, when PUBLIC_URL is unset: where it listens (never a request's Host). */
  linkBase?: (() => string) | undefined;
  /** The outbox worker, when this process delivers notifications (the server does; tests may not). */
  outbox?: Outbox | undefined;
}
