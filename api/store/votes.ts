/** Votes: one per voter per comment, changeable and withdrawable; the comment keeps totals and rank. */
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/write.ts';
import { ApiError } from '../errors.ts';

export interface VoteTally {
  score: number;
  upvotes: number;
  downvotes: number;
  myVote: -1 | 0 | 1;
}

/** Votes one address may give one comment: a household behind one router votes apart, a script does not. */
export const votersPerAddress = 5;

/** Lower bound of the Wilson score interval (95%): ranks 10 up / 1 down above 1 up / 0 down. */
export function wilsonLowerBound(up: number, down: number): number {
  const n = up + down;
  if (n === 0) return 0;
  const z = 1.96;
  const p = up / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n)) / (1 + (z * z) / n);
}

/** The site of a comment that can be voted on (approved), or null. */
export async function siteOfVotableComment(db: Db, id: number): Promise<string | null> {
  const { rows } = await db.execute({
    sql: "SELECT p.site FROM comments c JOIN pages p ON p.id = c.page_id WHERE c.id = ? AND c.status = 'approved'",
    args: [id],
  });
  return rows[0] ? String(rows[0].site) : null;
}

/** The rank for sort=best: confidently liked first, confidently disliked last, unknown in between. */
export function rank(up: number, down: number): number {
  return wilsonLowerBound(up, down) - wilsonLowerBound(down, up);
}

export function castVote(
  db: Db,
  commentId: number,
  voter: { hash: string; ipHash: string },
  value: -1 | 0 | 1,
  now: number,
): Promise<VoteTally> {
  const voterHash = voter.hash;
  return writeTransaction(db, async (tx) => {
    if (value !== 0) {
      const { rows } = await tx.execute({
        sql: `SELECT count(*) FILTER (WHERE ip_hash = ?) AS same_address, count(*) FILTER (WHERE voter_hash = ?) AS mine
              FROM votes WHERE comment_id = ?`,
        args: [voter.ipHash, voterHash, commentId],
      });
      if (Number(rows[0]!.mine) === 0 && Number(rows[0]!.same_address) >= votersPerAddress) {
        throw new ApiError('forbidden', 'Enough votes on this comment have come from your network already.');
      }
    }
    if (value === 0) {
      await tx.execute({ sql: 'DELETE FROM votes WHERE comment_id = ? AND voter_hash = ?', args: [commentId, voterHash] });
    } else {
      await tx.execute({
        sql: `INSERT INTO votes (comment_id, voter_hash, ip_hash, value, created_at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (comment_id, voter_hash) DO UPDATE SET value = excluded.value`,
        args: [commentId, voterHash, voter.ipHash, value, now],
      });
    }
    const { rows } = await tx.execute({
      sql: 'SELECT count(*) FILTER (WHERE value = 1) AS up, count(*) FILTER (WHERE value = -1) AS down FROM votes WHERE comment_id = ?',
      args: [commentId],
    });
    const upvotes = Number(rows[0]!.up);
    const downvotes = Number(rows[0]!.down);
    await tx.execute({
      sql: 'UPDATE comments SET upvotes = ?, downvotes = ?, rank = ? WHERE id = ?',
      args: [upvotes, downvotes, rank(upvotes, downvotes), commentId],
    });
    return { score: upvotes - downvotes, upvotes, downvotes, myVote: value };
  });
}
