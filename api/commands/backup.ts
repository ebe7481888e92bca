/** `parley export [--site S] [--with-admins]`, `parley import json FILE` (Parley's own format), `parley import disqus|wordpress FILE`. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { backupProblem, backupSchema } from '../../shared/backup-schema.ts';
import { firstProblem } from '../../shared/schemas.ts';
import type { Db } from '../db/client.ts';
import { importFile, NotAnExport } from '../import/run.ts';
import { NotXml } from '../import/xml-records.ts';
import { exportBackup, importBackup, type Backup } from '../store/backup.ts';
import { getSite } from '../store/sites.ts';

export async function exportCommand(db: Db, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { site: { type: 'string' }, 'with-admins': { type: 'boolean' } } });
  const backup = await exportBackup(db, { site: values.site, withAdmins: values['with-admins'] ?? false });
  process.stdout.write(`${JSON.stringify(backup, null, 2)}\n`);
  return 0;
}

class BadBackup extends Error {}

/** Checks a document and restores it; the error says what is wrong with the file. */
export async function restore(db: Db, document: unknown) {
  const parsed = v.safeParse(backupSchema, document);
  if (!parsed.success) {
    const problem = firstProblem(parsed.issues);
    throw new BadBackup(`${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
  }
  const inconsistent = backupProblem(parsed.output);
  if (inconsistent) throw new BadBackup(`This backup is inconsistent: ${inconsistent}`);
  return importBackup(db, parsed.output as Backup);
}

/** A progress bar on standard error when it is a terminal. */
function progressBar(label: string): ((fraction: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (fraction) => {
    const width = 30;
    const done = Math.round(Math.min(1, fraction) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(done)}${'.'.repeat(width - done)}] ${(fraction * 100).toFixed(0).padStart(3)}%`);
  };
}

export async function importCommand(db: Db, secret: string, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { site: { type: 'string' } } });
  const [kind, file] = positionals;
  if (!kind || !file || !['json', 'disqus', 'wordpress'].includes(kind)) {
    console.error('Usage: parley import json FILE | parley import disqus FILE [--site S] | parley import wordpress FILE [--site S]');
    return 2;
  }
  if (kind === 'disqus' || kind === 'wordpress') {
    const site = values.site ?? 'default';
    if (!(await getSite(db, site))) {
      console.error(`parley: there is no site "${site}": add it first with parley site add ${site} --origin URL.`);
      return 2;
    }
    const started = performance.now();
    try {
      const result = await importFile(db, secret, kind, file, site, progressBar(`Importing ${file}`));
      if (process.stderr.isTTY) process.stderr.write('\n');
      const skipped = Object.entries(result.skipped).map(([why, n]) => `\n  skipped ${n} ${why}`).join('');
      console.log(
        `Imported ${result.imported} comments into ${result.pages} pages of the site "${site}" in ${((performance.now() - started) / 1000).toFixed(1)} s.` +
          `${result.alreadyThere ? `\n  ${result.alreadyThere} were already here from an earlier import (left as they are).` : ''}${skipped}`,
      );
      return 0;
    } catch (err) {
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (err instanceof NotAnExport || err instanceof NotXml || (err as NodeJS.ErrnoException).code === 'ENOENT') {
        console.error(`parley: ${(err as Error).message}`);
        return 2;
      }
      throw err;
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    console.error(`parley: ${file} is not a JSON file: ${err instanceof Error ? err.message : err}`);
    return 2;
  }
  let counts;
  try {
    counts = await restore(db, document);
  } catch (err) {
    if (err instanceof BadBackup || (err instanceof Error && 'code' in err && err.code === 'conflict')) {
      console.error(`parley: ${err.message}`);
      return 2;
    }
    throw err;
  }
  console.log(`Restored ${counts.sites} sites, ${counts.pages} pages, ${counts.comments} comments, ${counts.votes} votes and ${counts.bans} bans.`);
  return 0;
}
