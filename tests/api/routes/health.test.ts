import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.ts';

describe('health', () => {
  it('answers ok once the database answers', async () => {
    const t = await testApp();
    const res = await t.get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
