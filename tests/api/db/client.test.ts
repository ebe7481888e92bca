import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../api/config.ts';
import { openDb } from '../../../api/db/client.ts';
import { tempDir } from '../../helpers/temp.ts';

// No libSQL server runs in these tests: an embedded replica is only checked for failing clearly.
describe('opening an embedded replica', () => {
  it('stops with a message naming both URLs when the server cannot be reached', async () => {
    const dir = tempDir();
    const url = `file:${join(dir, 'replica.db')}`;
    const opening = openDb({ url, sync: { url: 'http://127.0.0.1:9', intervalSeconds: 1 } });
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(`Could not open ${url} as a replica of DATABASE_SYNC_URL http://127.0.0.1:9`);
    rmSync(dir, { recursive: true, force: true });
  });
});
