/**
 * The outbox's claims: with two connections (as two processes have), each message is taken by one. (Two
 * clients in one process cannot write at the same moment, see api/db/write.ts, so they take turns here;
 * across processes the claim's write transaction does the same.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../api/db/client.ts';
import { writeTransaction } from '../../../api/db/write.ts';
import { claimNext, enqueue, recordAttempt } from '../../../api/store/outbox.ts';
import { isPrivateAddress } from '../../../api/notify/deliver.ts';
import { freshDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => t?.cleanup());

const message = { subject: 's', text: 't', html: '<p>t</p>' };
const queue = (n: number, at = 0) =>
  writeTransaction(t.db, async (tx) => {
    for (let i = 0; i < n; i++) await enqueue(tx, { channel: 'email', topic: 'test', site: null, recipient: `r${i}@example.com`, message }, at);
  });

describe('the outbox', () => {
  it('gives each message to one claimer, and a lapsed lease to the next', async () => {
    t = await freshDb();
    const other = await openDb({ url: t.url });
    try {
      await queue(30, 1000);
      const taken: number[] = [];
      for (let i = 0; i < 15; i++) {
        taken.push((await claimNext(t.db, ['email'], 'a', 2000, 60_000))!.id);
        taken.push((await claimNext(other, ['email'], 'b', 2000, 60_000))!.id);
      }
      expect(new Set(taken).size).toBe(30);
      // Nothing is due while the leases hold; once one lapses, its message can be taken over.
      expect(await claimNext(t.db, ['email'], 'c', 3000, 60_000)).toBeNull();
      const over = await claimNext(t.db, ['email'], 'c', 70_000, 60_000);
      expect(over).toMatchObject({ attempts: 2 });
      // The worker that lost the lease cannot record its attempt over the new holder's.
      expect(await recordAttempt(t.db, over!.id, 'a', { ok: true, response: '250' }, 70_001)).toBe(false);
      expect(await recordAttempt(t.db, over!.id, 'c', { ok: true, response: '250' }, 70_002)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('never hands out a sent message again, and only claims the channels asked for', async () => {
    t = await freshDb();
    await queue(1);
    expect(await claimNext(t.db, ['webhook'], 'w', 10, 1000)).toBeNull();
    const claimed = await claimNext(t.db, ['email'], 'w', 10, 1000);
    expect(await recordAttempt(t.db, claimed!.id, 'w', { ok: true, response: '250 OK' }, 20)).toBe(true);
    expect(await claimNext(t.db, ['email'], 'w', 1_000_000, 1000)).toBeNull();
    const { rows } = await t.db.execute({ sql: 'SELECT status, attempts, sent_at FROM outbox WHERE id = ?', args: [claimed!.id] });
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1, sent_at: 20 });
  });

  it('never gives an id twice, even after the newest messages are gone', async () => {
    t = await freshDb();
    await queue(2);
    await t.db.execute('DELETE FROM outbox');
    await queue(1);
    const { rows } = await t.db.execute('SELECT id FROM outbox');
    expect(Number(rows[0]!.id)).toBe(3);
  });

  it('knows which addresses no public webhook lives at', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:2800:220:1::1', '172.32.0.1']) expect(isPrivateAddress(a), a).toBe(false);
  });
});
