/**
 * The outbox's claims: with two connections (as two processes have), each message is taken by one. (Two
 * clients in one process cannot write at the same moment, see api/db/write.ts, so they take turns here;
 * across processes the claim's write transaction does the same.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../api/db/client.ts';
import { writeTransaction } from '../../../api/db/write.ts';
import { claimDue, enqueue, recordAttempt, releaseClaims } from '../../../api/store/outbox.ts';
import { freshDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => t?.cleanup());

const message = { subject: 's', text: 't', html: '<p>t</p>' };

describe('the outbox', () => {
  it('gives each message to one claimer, and a lapsed lease to the next', async () => {
    t = await freshDb();
    const other = await openDb({ url: t.url });
    try {
      await writeTransaction(t.db, async (tx) => {
        for (let i = 0; i < 30; i++) await enqueue(tx, { channel: 'email', topic: 'test', site: null, recipient: `r${i}@example.com`, message }, 1000);
      });
      const a = await claimDue(t.db, ['email'], 2000, 60_000, 20);
      const b = await claimDue(other, ['email'], 2000, 60_000, 20);
      expect([a.length, b.length]).toEqual([20, 10]);
      const ids = [...a, ...b].map((m) => m.id);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      // Nothing is due while the leases hold; after they lapse, the messages can be taken over.
      expect(await claimDue(t.db, ['email'], 3000, 60_000, 50)).toEqual([]);
      expect(await claimDue(t.db, ['email'], 70_000, 60_000, 50)).toHaveLength(30);
    } finally {
      other.close();
    }
  });

  it('never hands out a sent message again, and only claims the channels asked for', async () => {
    t = await freshDb();
    const id = await writeTransaction(t.db, (tx) => enqueue(tx, { channel: 'email', topic: 'test', site: null, recipient: 'a@example.com', message }, 0));
    expect(await claimDue(t.db, ['webhook'], 10, 1000, 10)).toEqual([]);
    const [claimed] = await claimDue(t.db, ['email'], 10, 1000, 10);
    await recordAttempt(t.db, claimed!.id, { ok: true, response: '250 OK' }, 20);
    expect(await claimDue(t.db, ['email'], 1_000_000, 1000, 10)).toEqual([]);
    const { rows } = await t.db.execute({ sql: 'SELECT status, attempts, sent_at FROM outbox WHERE id = ?', args: [id] });
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1, sent_at: 20 });
  });

  it('gives back untried claims at once when a worker stops', async () => {
    t = await freshDb();
    await writeTransaction(t.db, (tx) => enqueue(tx, { channel: 'email', topic: 'test', site: null, recipient: 'a@example.com', message }, 0));
    const claimed = await claimDue(t.db, ['email'], 10, 60_000, 10);
    await releaseClaims(t.db, claimed.map((m) => m.id));
    expect(await claimDue(t.db, ['email'], 20, 60_000, 10)).toHaveLength(1);
  });
});
