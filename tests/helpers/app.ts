/** The real app over a fresh database, called with app.request(): no listening server. */
import { afterEach } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../api/app.ts';
import { readConfig, type Config } from '../../api/config.ts';
import type { NewComment, PostCommentResponse } from '../../shared/types.ts';
import { freshDb, type TestDb } from './db.ts';

export interface TestApp extends TestDb {
  app: Hono;
  config: Config;
  /** POSTs JSON to the app and returns the raw Response. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A request from a client at `ip`, as @hono/node-server would pass its socket. */
  from(ip: string, path: string, init?: RequestInit): Promise<Response>;
  /** Posts a comment that must succeed. */
  comment(input: Partial<NewComment> & { body?: string }): Promise<PostCommentResponse>;
}

const open: TestDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.cleanup();
});

export async function testApp(env: Record<string, string> = {}, assetsDir = '/nonexistent'): Promise<TestApp> {
  const t = await freshDb();
  open.push(t);
  const config = readConfig({ PARLEY_RATE_LIMITS: 'off', ...env });
  const app = createApp({ db: t.db, config, secret: 'test-secret', assetsDir });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  const get = (path: string, headers: Record<string, string> = {}) => Promise.resolve(app.request(path, { headers }));
  return {
    ...t,
    app,
    config,
    post,
    get,
    from: (ip, path, init) => Promise.resolve(app.request(path, init, { incoming: { socket: { remoteAddress: ip } } })),
    async comment(input) {
      const res = await post('/api/comments', { page: '/post/1', body: 'Hello', ...input });
      if (res.status !== 201) throw new Error(`posting failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as PostCommentResponse;
    },
  };
}
