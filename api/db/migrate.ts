/** Applies pending migrations, each in its own write transaction, recorded in `migrations`. */
import type { Db } from './client.ts';
import { writeTransaction } from './write.ts';
import { migrations as all, type Migration } from './migrations/index.ts';

export async function migrate(db: Db, migrations: Migration[] = all): Promise<Migration[]> {
  await db.execute(`CREATE TABLE IF NOT EXISTS migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied: Migration[] = [];
  for (const migration of migrations) {
    // The check is inside the write transaction so two processes starting together apply it once.
    const done = await writeTransaction(db, async (tx) => {
      const found = await tx.execute({ sql: 'SELECT 1 FROM migrations WHERE id = ?', args: [migration.id] });
      if (found.rows.length > 0) return true;
      await tx.executeMultiple(migration.sql);
      await tx.execute({
        sql: 'INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)',
        args: [migration.id, migration.name, Date.now()],
      });
      return false;
    });
    if (!done) applied.push(migration);
  }
  return applied;
}
