/** `parley page move OLD_KEY NEW_KEY [--site S]`: a thread follows its article to a new address. */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { firstProblem, pageMoveSchema } from '../../shared/schemas.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { movePage } from '../store/page-moves.ts';

export async function pageCommand(db: Db, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { site: { type: 'string' } } });
  const [action, from, to] = positionals;
  if (action !== 'move' || !from || !to) {
    console.error('Usage: parley page move OLD_KEY NEW_KEY [--site S]');
    return 2;
  }
  const parsed = v.safeParse(pageMoveSchema, { site: values.site, from, to });
  if (!parsed.success) {
    const problem = firstProblem(parsed.issues);
    console.error(`parley: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
    return 2;
  }
  const site = parsed.output.site ?? 'default';
  const { merged } = await writeTransaction(db, (tx) => movePage(tx, site, parsed.output.from, parsed.output.to));
  console.log(`${merged ? 'Merged' : 'Moved'} the thread ${parsed.output.from} into ${parsed.output.to} on ${site}; ${parsed.output.from} stays as an alias.`);
  return 0;
}
