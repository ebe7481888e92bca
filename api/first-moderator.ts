/** On a server with no moderator: say how to make one, or (PARLEY_DEMO=1 only) make a demo one. */
import { randomBytes } from 'node:crypto';
import type { Db } from './db/client.ts';
import { hashPassword } from './security/password.ts';
import { countAdmins, saveAdmin } from './store/admins.ts';

export async function greetFirstModerator(db: Db, demo: boolean): Promise<void> {
  if ((await countAdmins(db)) > 0) return;
  if (demo) {
    const password = randomBytes(9).toString('base64url');
    await saveAdmin(db, 'demo@example.com', 'Demo moderator', await hashPassword(password), Date.now());
    console.log(`[parley] PARLEY_DEMO=1: created moderator demo@example.com with password ${password} (sign in at /admin)`);
    return;
  }
  console.log('[parley] no moderator yet. Create one with:  npx parley admin add you@example.com');
}
