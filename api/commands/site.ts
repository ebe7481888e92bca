/** `parley site add SLUG --origin URL [--origin URL…] [--name NAME]`, `parley site list`. */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { firstProblem, newSiteSchema } from '../../shared/schemas.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { createSite, defaultSettings, listSites, updateSite } from '../store/sites.ts';

export async function siteCommand(db: Db, args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { origin: { type: 'string', multiple: true }, name: { type: 'string' } },
  });
  const [action, slug] = positionals;
  if (action === 'list') {
    for (const site of await listSites(db)) {
      console.log(`${site.slug}\t${site.name}\t${site.origins.join(' ') || '(own origin and PARLEY_ORIGINS only)'}\tmoderation: ${site.settings.moderation}`);
    }
    return 0;
  }
  if ((action !== 'add' && action !== 'origins') || !slug) {
    console.error('Usage: parley site add SLUG --origin URL [--origin URL…] [--name NAME] | parley site origins SLUG --origin URL… | parley site list');
    return 2;
  }
  const parsed = v.safeParse(newSiteSchema, { slug, name: values.name, origins: values.origin ?? [] });
  if (!parsed.success) {
    const problem = firstProblem(parsed.issues);
    console.error(`parley: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`);
    return 2;
  }
  const input = parsed.output;
  await writeTransaction(db, (tx) =>
    action === 'add'
      ? createSite(tx, { slug: input.slug, name: input.name ?? input.slug, origins: input.origins, settings: defaultSettings }, Date.now())
      : updateSite(tx, input.slug, { origins: input.origins }),
  );
  console.log(`Site ${input.slug}: ${input.origins.join(', ') || 'no origins besides the server’s own'}. Embed with data-site="${input.slug}".`);
  return 0;
}
