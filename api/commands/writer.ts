/** `parley export --email ADDRESS` and `parley erase --email ADDRESS`: a writer's data requests (GDPR). */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import type { Db } from '../db/client.ts';
import { commentsErased, type NotifyContext } from '../notify/events.ts';
import { commentsByEmail, eraseComments, eraseNotifications, idsByEmail, notificationsOf } from '../store/writer-data.ts';

const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('That is not an email address.'));

export async function writerCommand(db: Db, command: 'export' | 'erase', args: string[], notify: NotifyContext): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
  if (!values.email) {
    console.error(
      command === 'export'
        ? 'Usage: parley export --email ADDRESS   (every comment written with that email, as JSON)'
        : 'Usage: parley erase --email ADDRESS    (erase every comment written with that email, and its subscriptions and emails)',
    );
    return 2;
  }
  const parsed = v.safeParse(email, values.email);
  if (!parsed.success) {
    console.error(`parley: ${parsed.issues[0].message}`);
    return 2;
  }
  if (command === 'export') {
    const comments = await commentsByEmail(db, parsed.output);
    const notifications = await notificationsOf(db, parsed.output);
    console.log(JSON.stringify({ format: 'parley-writer', version: 1, exportedAt: new Date().toISOString(), email: parsed.output, comments, ...notifications }, null, 2));
    return 0;
  }
  const erased = await eraseComments(db, await idsByEmail(db, parsed.output), (tx, ids) => commentsErased(tx, notify, ids));
  await eraseNotifications(db, parsed.output);
  console.log(`Erased ${erased} comment${erased === 1 ? '' : 's'} written with ${parsed.output}.`);
  return 0;
}
