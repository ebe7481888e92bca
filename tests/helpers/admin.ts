/** A signed-in moderator for API tests: a real account, a real sign-in, the session cookie it sets. */
import { hashPassword } from '../../api/security/password.ts';
import { saveAdmin } from '../../api/store/admins.ts';
import type { TestApp } from './app.ts';

/** The origin app.request() URLs have: the server's own. */
export const ownOrigin = 'http://localhost';

export interface Moderator {
  cookie: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function addModerator(t: TestApp, email = 'mod@example.com', password = 'correct horse battery', name = 'Mod'): Promise<void> {
  await saveAdmin(t.db, email, name, await hashPassword(password), Date.now());
}

export function login(t: TestApp, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    t.app.request('/api/admin/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ownOrigin, ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

export async function signIn(t: TestApp, email = 'mod@example.com'): Promise<Moderator> {
  await addModerator(t, email);
  const res = await login(t, email, 'correct horse battery');
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return {
    cookie,
    request: (method, path, body, headers = {}) =>
      Promise.resolve(
        t.app.request(path, {
          method,
          headers: { Cookie: cookie, Origin: ownOrigin, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
  };
}
