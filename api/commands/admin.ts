/** `parley admin add EMAIL [--name NAME] [--password-stdin]`, `parley admin list`, `parley admin remove EMAIL`. */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { authorName } from '../../shared/schemas.ts';
import type { Db } from '../db/client.ts';
import { hashPassword, minPasswordLength } from '../security/password.ts';
import { listAdmins, removeAdmin, saveAdmin } from '../store/admins.ts';
import { readPassword } from './read-password.ts';

const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('That is not an email address.'));

export async function adminCommand(db: Db, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  });
  const [action, address] = positionals;
  if (action === 'list') {
    const admins = await listAdmins(db);
    console.log(admins.length ? admins.map((a) => `${a.email}${a.name ? ` (${a.name})` : ''}`).join('\n') : 'No moderators yet.');
    return 0;
  }
  if ((action !== 'add' && action !== 'remove') || !address) {
    console.error('Usage: parley admin add EMAIL [--name NAME] [--password-stdin] | parley admin list | parley admin remove EMAIL');
    return 2;
  }
  const parsed = v.safeParse(email, address);
  if (!parsed.success) {
    console.error(`parley: ${parsed.issues[0].message}`);
    return 2;
  }
  if (action === 'remove') {
    await removeAdmin(db, parsed.output);
    console.log(`Removed moderator ${parsed.output}.`);
    return 0;
  }
  const password = await readPassword(values['password-stdin'] ?? false);
  if ([...password].length < minPasswordLength) {
    console.error(`parley: the password must be at least ${minPasswordLength} characters.`);
    return 2;
  }
  const name = v.parse(authorName, values.name ?? '');
  const { created } = await saveAdmin(db, parsed.output, name, await hashPassword(password), Date.now());
  console.log(created ? `Moderator ${parsed.output} added. Sign in at /admin.` : `Moderator ${parsed.output} updated: new password set, old sessions ended.`);
  return 0;
}
