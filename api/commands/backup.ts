/** `parley export [--site S] [--with-admins]` and `parley import json FILE`: Parley's own backup format. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { backupSchema } from '../../shared/backup-schema.ts';
import { firstProblem } from '../../shared/schemas.ts';
import type { Db } from '../db/client.ts';
import { exportBackup, importBackup, type Backup } from '../store/backup.ts';

export async function exportCommand(db: Db, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { site: { type: 'string' }, 'with-admins': { type: 'boolean' } } });
  const backup = await exportBackup(db, { site: values.site, withAdmins: values['with-admins'] ?? false });
  process.stdout.write(`${JSON.stringify(backup, null, 2)}\n`);
  return 0;
}

/** Checks a document and restores it; the error says what is wrong with the file. */
export async function restore(db: Db, document: unknown) {
  const parsed = v.safeParse(backupSchema, document);
  if (!parsed.success) {
    const problem = firstProblem(parsed.issues);
    throw new Error(`${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
  }
  return importBackup(db, parsed.output as Backup);
}

export async function importCommand(db: Db, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: { site: { type: 'string' } } });
  const [kind, file] = positionals;
  if (!kind || !file || !['json', 'disqus', 'wordpress'].includes(kind)) {
    console.error('Usage: parley import json FILE');
    return 2;
  }
  if (kind !== 'json') {
    console.error(`parley: importing from ${kind === 'disqus' ? 'Disqus' : 'WordPress'} is not built yet.`);
    return 2;
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    console.error(`parley: ${file} is not a JSON file: ${err instanceof Error ? err.message : err}`);
    return 2;
  }
  const counts = await restore(db, document);
  console.log(`Restored ${counts.sites} sites, ${counts.pages} pages, ${counts.comments} comments, ${counts.votes} votes and ${counts.bans} bans.`);
  return 0;
}
