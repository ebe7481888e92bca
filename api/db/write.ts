/** Write transactions, one at a time per client. */
import type { Transaction } from '@libsql/client';
import type { Db } from './client.ts';

// A local libSQL file answers synchronously: a second writer on another pooled connection of the same
// process would wait for the lock inside a blocking busy handler, and the first writer could never finish.
// So writes inside one process queue here; across processes the busy timeout does the waiting.
// Every write the server makes while serving goes through writeTransaction, even a single statement.
const queues = new WeakMap<Db, Promise<void>>();

export async function writeTransaction<T>(db: Db, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  queues.set(db, previous.then(() => mine));
  await previous;
  try {
    const tx = await db.transaction('write');
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } finally {
      tx.close();
    }
  } finally {
    release();
  }
}
