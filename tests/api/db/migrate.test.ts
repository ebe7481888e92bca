import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../api/db/migrate.ts';
import { migrations } from '../../../api/db/migrations/index.ts';
import { freshDb, type TestDb } from '../../helpers/db.ts';

let t: TestDb;
afterEach(() => t.cleanup());

describe('migrations', () => {
  it('apply every migration once; a second run applies nothing', async () => {
    t = await freshDb({ migrated: false });
    expect((await migrate(t.db)).map((m) => m.id)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(t.db)).toEqual([]);
    const { rows } = await t.db.execute('SELECT id FROM migrations ORDER BY id');
    expect(rows.map((r) => Number(r.id))).toEqual(migrations.map((m) => m.id));
  });

  it('roll back a migration that fails, leaving nothing half-applied', async () => {
    t = await freshDb({ migrated: false });
    const broken = [...migrations, { id: 999, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    await expect(migrate(t.db, broken)).rejects.toThrow();
    const { rows } = await t.db.execute("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'");
    expect(Number(rows[0]!.n)).toBe(0);
    expect(await migrate(t.db)).toEqual([]);
  });

  it('put a local database file in WAL mode with the default site in place', async () => {
    t = await freshDb();
    const mode = await t.db.execute('PRAGMA journal_mode');
    expect(String(mode.rows[0]![0]).toLowerCase()).toBe('wal');
    const sites = await t.db.execute('SELECT slug FROM sites');
    expect(sites.rows.map((r) => r.slug)).toEqual(['default']);
  });
});
