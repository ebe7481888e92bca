/** Up and down votes on a comment: one per voter, changeable, withdrawable with 0. */
import { Hono } from 'hono';
import { commentId, voteSchema } from '../../shared/schemas.ts';
import type { Deps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../middleware/json-body.ts';
import { clientIp } from '../security/client-ip.ts';
import { enforceLimit } from '../security/rate-limit.ts';
import { keyedHash } from '../security/hash.ts';
import { castVote, siteOfVotableComment } from '../store/votes.ts';
import { parse } from '../validate.ts';
import { requireSite } from './require-site.ts';

export function voteRoutes(deps: Deps): Hono {
  const { db, secret } = deps;
  const app = new Hono();

  app.post('/:id/vote', async (c) => {
    const id = Number(parse(commentId, c.req.param('id')));
    const input = parse(voteSchema, await readJson(c));
    const site = await siteOfVotableComment(db, id);
    if (site === null) throw new ApiError('not_found', 'There is no such comment to vote on.');
    await enforceLimit(c, deps, 'vote', await requireSite(c, deps, site));
    // A voter is the widget's random id together with the address, so people behind one address vote apart;
    // the store caps how many voters one address can be on one comment.
    const ipHash = keyedHash(secret, 'ip', clientIp(c, deps.config) ?? '');
    const voter = { hash: keyedHash(secret, 'voter', `${input.voter ?? ''}\0${ipHash}`), ipHash };
    return c.json(await castVote(db, id, voter, input.value, Date.now()));
  });

  return app;
}
